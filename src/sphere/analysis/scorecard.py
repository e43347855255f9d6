"""A country's scorecard: China versus the United States, channel by channel.

`scorecard(code, ref=..., knowledge=..., as_of=..., since=..., until=..., session=None)` returns a
`Scorecard`: exports and imports with each power by year (value, share of all, share of GDP), debt owed
to China (and to the United States and all creditors where IDS has it), Chinese official finance
(AidData) and investment (CGIT), memberships, the tilt index, and, given a store session, the events
by PLOVER type and the figures quoted in the news with their verdicts. Gaps are None, never 0.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from sphere.analysis import flows
from sphere.analysis.tilt import Tilt, tilt_index
from sphere.errors import NoData, UnknownCode
from sphere.models import PLOVER_SCORE
from sphere.refdata.load import ReferenceData
from sphere.verify.model import Verdict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class TradeYear(Frozen):
    year: int
    china: float | None
    usa: float | None
    world: float | None
    share_china: float | None  # of all exports (imports) to (from) the world
    share_usa: float | None
    gdp: float | None
    gdp_share_china: float | None
    gdp_share_usa: float | None
    mirror: bool  # True when a value is a mirror flow (the partner's report)
    series: str


class DebtYear(Frozen):
    year: int
    china_bilateral: float | None
    china_private: float | None
    usa: float | None
    all_creditors: float | None
    gdp_share_china: float | None


class FinanceYear(Frozen):
    year: int
    aiddata_commitments_usd2021: float | None
    aiddata_projects: float | None
    cgit_investment: float | None
    cgit_construction: float | None
    cgit_troubled: float | None
    cgit_deals: int | None


class Membership(Frozen):
    group: str
    status: str
    since: str | None
    until: str | None
    source: str


class EventCount(Frozen):
    partner: str  # CHN or USA
    action: str
    score: float
    count: int


class NewsClaim(Frozen):
    published: date | None
    verdict: Verdict


class Scorecard(Frozen):
    code: str
    name: str
    as_of: date
    years: tuple[int, int]
    exports: list[TradeYear]
    imports: list[TradeYear]
    debt: list[DebtYear]
    finance: list[FinanceYear]
    memberships: list[Membership]
    tilt: Tilt
    events: list[EventCount] | None = None  # None: no store given
    claims: list[NewsClaim] | None = None
    sources: dict[str, str] = {}
    staleness: list[str] = []  # every channel's data year when it is old, and the channels left out for age


def staleness(tilt: Tilt) -> list[str]:
    """One line per tilt channel whose data are stale (used, flagged) or too old (left out)."""
    out = []
    for c in [*tilt.components, *([tilt.voting] if tilt.voting else [])]:
        if c.year is None or not c.stale:
            continue
        age = tilt.as_of.year - c.year
        state = "used, flagged" if c.available else f"left out (older than {tilt.max_age} years)"
        out.append(f"{c.name}: data from {c.year}, {age} years before {tilt.as_of}: {state}")
    return out


def _share(part: float | None, whole: float | None) -> float | None:
    return part / whole if part is not None and whole else None


def trade_years(ref: ReferenceData, code: str, measure: str, years: range) -> list[TradeYear]:
    out = []
    for year in years:
        china, usa = flows.flow(ref, measure, code, "CHN", year), flows.flow(ref, measure, code, "USA", year)
        if china is None and usa is None:
            continue
        world = flows.flow(ref, measure, code, "WLD", year)
        world_value = world.value if world and not world.mirror else None
        gdp = flows.gdp(ref, code, year)
        g = gdp[0] if gdp else None
        c, u = (china.value if china else None), (usa.value if usa else None)
        used = [f for f in (china, usa) if f]
        out.append(
            TradeYear(
                year=year,
                china=c,
                usa=u,
                world=world_value,
                share_china=_share(c, world_value),
                share_usa=_share(u, world_value),
                gdp=g,
                gdp_share_china=_share(c, g),
                gdp_share_usa=_share(u, g),
                mirror=any(f.mirror for f in used),
                series=" / ".join(dict.fromkeys(f.series for f in used)),
            )
        )
    return out


def debt_years(ref: ReferenceData, code: str, years: range) -> list[DebtYear]:
    bil = ref.values("ids_debt_china_bilateral", code, "CHN")
    pri = ref.values("ids_debt_china_private", code, "CHN")
    usa = ref.values("ids_ppg_debt", code, "USA")
    total = ref.values("ids_ppg_debt", code, "WLD")
    out = []
    for year in years:
        if year not in bil and year not in usa and year not in total:
            continue
        gdp = flows.gdp(ref, code, year)
        china = bil.get(year)
        if china is not None and year in pri:
            china += pri[year]
        out.append(
            DebtYear(
                year=year,
                china_bilateral=bil.get(year),
                china_private=pri.get(year),
                usa=usa.get(year),
                all_creditors=total.get(year),
                gdp_share_china=_share(china, gdp[0] if gdp else None),
            )
        )
    return out


def finance_years(ref: ReferenceData, code: str, years: range) -> list[FinanceYear]:
    got = {
        "commit": ref.values("aiddata_commitments", code, "CHN"),
        "projects": ref.values("aiddata_projects", code, "CHN"),
        "inv": ref.values("cgit_investment", "CHN", code),
        "con": ref.values("cgit_construction", "CHN", code),
        "tro": ref.values("cgit_troubled", "CHN", code),
    }
    deals = [ref.values(f"cgit_{d}_deals", "CHN", code) for d in ("investment", "construction")]
    out = []
    for year in years:
        if not any(year in v for v in got.values()):
            continue
        n = [d[year] for d in deals if year in d]
        out.append(
            FinanceYear(
                year=year,
                aiddata_commitments_usd2021=got["commit"].get(year),
                aiddata_projects=got["projects"].get(year),
                cgit_investment=got["inv"].get(year),
                cgit_construction=got["con"].get(year),
                cgit_troubled=got["tro"].get(year),
                cgit_deals=int(sum(n)) if n else None,
            )
        )
    return out


def begun_by(since: str | None, as_of: date) -> bool:
    """True when a membership that began on `since` had surely begun by `as_of`: a start known only to the
    year ("2017") or month ("2017-06") counts from the last day of that year or month; no start, or one
    that cannot be read, counts as begun."""
    if not since:
        return True
    text = since.strip()[:10]
    try:
        if len(text) == 4:
            start = date(int(text), 12, 31)
        elif len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            start = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        else:
            start = date.fromisoformat(text)
    except ValueError:
        return True
    return start <= as_of


def memberships(ref: ReferenceData, code: str, knowledge, as_of: date) -> list[Membership]:  # type: ignore[no-untyped-def]
    """The country's memberships that had begun by `as_of` (a later one is not yet a fact on that date)."""
    out = []
    for _, row in ref.memberships_of(code).iterrows():
        if not begun_by(row["date_from"] or None, as_of):
            continue
        out.append(
            Membership(
                group=row["group"],
                status=row["status"],
                since=row["date_from"] or None,
                until=row["date_to"] or None,
                source=row["publisher_short"],
            )
        )
    have = {m.group for m in out}
    for group in sorted(knowledge.groups):
        if group not in have and code in knowledge.members_of(group, on=as_of):
            out.append(
                Membership(group=group, status="member", since=None, until=None, source="sphere knowledge")
            )
    return out


def event_counts(session, code: str, since: date | None, until: date | None) -> list[EventCount]:  # type: ignore[no-untyped-def]
    """Events between the country and China / the United States (either direction), by PLOVER type."""
    from sqlalchemy import func, select

    from sphere.store.schema import EventRow

    out = []
    for partner in ("CHN", "USA"):
        pair = ((EventRow.actor == code) & (EventRow.target == partner)) | (
            (EventRow.actor == partner) & (EventRow.target == code)
        )
        query = select(EventRow.action, func.count()).where(pair, EventRow.current)
        if since:
            query = query.where(EventRow.day >= since)
        if until:
            query = query.where(EventRow.day <= until)
        for action, count in session.execute(query.group_by(EventRow.action).order_by(EventRow.action)):
            out.append(EventCount(partner=partner, action=action, score=PLOVER_SCORE[action], count=count))
    return out


def news_claims(session, code: str, since: date | None, until: date | None) -> list[NewsClaim]:  # type: ignore[no-untyped-def]
    from sphere.verify.store import as_verdict, stored_verdicts

    return [
        NewsClaim(published=published, verdict=as_verdict(verdict, claim))
        for claim, verdict, published in stored_verdicts(session, country=code, since=since, until=until)
        if verdict is not None
    ]


def scorecard(
    code: str,
    *,
    ref: ReferenceData,
    knowledge,
    as_of: date,  # type: ignore[no-untyped-def]
    since: int | None = None,
    until: int | None = None,
    session=None,
    event_since: date | None = None,
    event_until: date | None = None,
) -> Scorecard:
    """The scorecard of a country; UnknownCode for a code sphere does not know, NoData for a year range
    outside the data."""
    if code not in knowledge.countries:
        raise UnknownCode(f"unknown country code {code!r}", valid=knowledge.countries)
    if code in ("CHN", "USA"):
        raise UnknownCode(
            f"{code} is one of the two powers compared; choose another country",
            valid=[c for c in knowledge.countries if c not in ("CHN", "USA")],
        )
    first, last = int(ref.series["year"].min()), int(ref.series["year"].max())
    lo, hi = since or first, until or last
    if lo > hi or hi < first or lo > last:
        raise NoData(f"no reference data for {lo}-{hi}: the snapshot covers {first}-{last}")
    years = range(max(lo, first), min(hi, last) + 1)
    sources = {f["publisher_short"]: f["source_file"] for f in ref.provenance["files"].values()}
    tilt = tilt_index(code, ref=ref, knowledge=knowledge, as_of=as_of)
    return Scorecard(
        code=code,
        name=knowledge.code_name(code),
        as_of=as_of,
        years=(years.start, years.stop - 1),
        exports=trade_years(ref, code, "exports", years),
        imports=trade_years(ref, code, "imports", years),
        debt=debt_years(ref, code, years),
        finance=finance_years(ref, code, years),
        memberships=memberships(ref, code, knowledge, as_of),
        tilt=tilt,
        staleness=staleness(tilt),
        events=event_counts(session, code, event_since, event_until) if session is not None else None,
        claims=news_claims(session, code, event_since, event_until) if session is not None else None,
        sources=sources,
    )
