"""Resources over the reference snapshot and the analysis: countries with their tilt, scorecards,
rankings, tariff scenarios and what the snapshot covers. The same library calls as `sphere country`,
`sphere rank`, `sphere scenario tariff` and `sphere refdata list`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.orm import Session

from sphere.analysis.rank import Ranked, area_members, rank_area
from sphere.analysis.scenario import Scenario, tariff_scenario
from sphere.analysis.scorecard import Scorecard, event_counts
from sphere.api.context import Context, context, session
from sphere.api.pagination import Page, paginate
from sphere.api.schemas import CountryPublic, CoverageFile, CoveragePublic, CoverageSeries
from sphere.api.security import require_reader

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])
Ctx = Annotated[Context, Depends(context)]
AsOf = Annotated[dt.date | None, Query(description="date for memberships and the tilt (default: today)")]
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=40)]
Area = Annotated[str | None, Query(max_length=32, description="region (latam, africa, ...) or group (BRICS)")]


def area_codes(ctx: Context, as_of: dt.date, area: str | None) -> list[str]:
    """The countries of a region or group (all countries without one), by code, without the two powers."""
    if not area:
        return ctx.country_codes()
    return sorted(set(area_members(area, knowledge=ctx.knowledge, on=as_of)) & set(ctx.country_codes()))


def countries(ctx: Context, as_of: dt.date, codes: list[str]) -> list[CountryPublic]:
    """These countries with their tilt index (each computed once per day asked, then kept)."""
    known = ctx.knowledge.countries  # type: ignore[attr-defined]
    return [CountryPublic(code=c, name=known[c].name, regions=list(known[c].regions), tilt=ctx.tilt(c, as_of).index)
            for c in codes]


@router.get("/countries", response_model=Page[CountryPublic], tags=["analysis"])
def list_countries(ctx: Ctx, region: Area = None, as_of: AsOf = None, limit: Limit = 100,
                   cursor: Cursor = None) -> Page[CountryPublic]:
    """Countries with their China-US tilt index (the world map's data), by code."""
    day = as_of or dt.date.today()
    codes = area_codes(ctx, day, region)
    return paginate(lambda n, o: countries(ctx, day, codes[o:o + n]), limit=limit, cursor=cursor)


@router.get("/countries/{code}/scorecard", response_model=Scorecard, tags=["analysis"])
def country_scorecard(ctx: Ctx, db: Annotated[Session, Depends(session)],
                      code: Annotated[str, Path(max_length=16, pattern=r"^[A-Za-z]+$")], as_of: AsOf = None,
                      since: Annotated[int | None, Query(ge=1900, le=2100)] = None,
                      until: Annotated[int | None, Query(ge=1900, le=2100)] = None) -> Scorecard:
    """China versus the United States for one country, channel by channel, with the tilt index and the
    events stored between them; the news' figures about it are at /api/claims?country=CODE (paged)."""
    return country_card(ctx, db, code, as_of=as_of or dt.date.today(), since=since, until=until)


def country_card(ctx: Context, db: Session, code: str, *, as_of: dt.date, since: int | None = None,
                 until: int | None = None) -> Scorecard:
    """The scorecard with the stored events' counts (what GET /api/countries/CODE/scorecard serves)."""
    card = ctx.card(code.upper(), as_of, since, until)
    events = event_counts(db, card.code, dt.date(since, 1, 1) if since else None,
                          dt.date(until, 12, 31) if until else None)
    return card.model_copy(update={"events": events})


@router.get("/rankings", response_model=Page[Ranked], tags=["analysis"])
def rankings(ctx: Ctx, region: Annotated[str, Query(max_length=32)] = "latam", as_of: AsOf = None,
             limit: Limit = 100, cursor: Cursor = None) -> Page[Ranked]:
    """Countries of a region or group from most China-tilted to most US-tilted (`sphere rank`)."""
    ranked = rank_area(region, ref=ctx.ref, knowledge=ctx.knowledge, as_of=as_of or dt.date.today())
    return paginate(lambda n, o: ranked[o:o + n], limit=limit, cursor=cursor)


@router.get("/scenarios/tariff", response_model=Scenario, tags=["analysis"])
def tariff(ctx: Ctx, imposer: Annotated[str, Query(max_length=3)] = "USA",
           targets: Annotated[str, Query(max_length=300, description="comma-separated countries or groups")] = "BRICS",
           rate: Annotated[float, Query(gt=0, le=1000, allow_inf_nan=False)] = 10.0,
           elasticity: Annotated[float | None, Query(gt=0, le=20, allow_inf_nan=False)] = None,
           year: Annotated[int | None, Query(ge=1900, le=2100)] = None, on: AsOf = None) -> Scenario:
    """Exports at risk in each target from a tariff by the United States or China (`sphere scenario tariff`)."""
    names = [t.strip() for t in targets.split(",") if t.strip()]
    return tariff_scenario(imposer=imposer, targets=names, rate=rate, on=on or dt.date.today(), ref=ctx.ref,
                           knowledge=ctx.knowledge, elasticity=elasticity, year=year)


@router.get("/refdata/coverage", response_model=CoveragePublic, tags=["reference data"])
def coverage(ctx: Ctx) -> CoveragePublic:
    """What the bundled reference snapshot covers (`sphere refdata list`)."""
    ref = ctx.ref
    files = [CoverageFile(name=name, title=meta["title"], publisher=meta["publisher"],
                          source_file=meta["source_file"], licence=meta["licence"], accessed=meta.get("accessed"))
             for name, meta in ref.provenance["files"].items()]
    series = [CoverageSeries.model_validate({str(k): v for k, v in row.items()})
              for row in ref.coverage().to_dict("records")]
    return CoveragePublic(version=ref.version, accessed=ref.provenance.get("accessed"), series=series, files=files)
