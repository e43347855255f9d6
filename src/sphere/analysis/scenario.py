"""Tariff scenarios: what a tariff by China or the United States puts at risk in each target.

Static by default: the exports at risk are all of the target's exports to the imposer (the value the
tariff applies to). With an import-demand elasticity e (>0), the expected loss assumes full pass-through
and constant elasticity: lost = exports * (1 - (1 + rate)^-e). For each target the scenario also shows how
much of its exports the other power already takes. Assumptions are returned with the result.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from sphere.analysis import flows
from sphere.analysis.tilt import MAX_AGE, STALE_YEARS
from sphere.errors import ConfigError, NoData, UnknownCode
from sphere.refdata.load import ReferenceData

IMPOSERS = ("USA", "CHN")
MAX_RATE = 1000.0


class Exposure(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int | None
    code: str
    name: str
    year: int | None
    exports_at_risk: float | None
    share_of_exports: float | None
    share_of_gdp: float | None
    expected_loss: float | None
    other_power_takes: float | None
    other_power_share: float | None
    series: str | None
    mirror: bool = False
    note: str | None = None
    stale: bool = False  # the trade year is more than STALE_YEARS before the scenario's date


class Scenario(BaseModel):
    model_config = ConfigDict(frozen=True)

    imposer: str
    other_power: str
    targets: list[str]
    rate: float
    on: date
    elasticity: float | None
    assumptions: list[str]
    exposures: list[Exposure]


def expand_targets(targets: list[str], *, knowledge, on: date, imposer: str) -> list[str]:  # type: ignore[no-untyped-def]
    codes: list[str] = []
    for target in targets:
        code = target.upper()
        if code in knowledge.groups:
            codes += knowledge.members_of(code, on=on)
        elif code in knowledge.countries:
            codes.append(code)
        else:
            raise UnknownCode(
                f"unknown country or group code {target!r}", valid=[*knowledge.countries, *knowledge.groups]
            )
    return sorted(set(codes) - {imposer})


def exposure(
    ref: ReferenceData,
    code: str,
    name: str,
    imposer: str,
    other: str,
    rate: float,
    elasticity: float | None,
    year: int | None,
    through: int | None = None,
    max_age: int = MAX_AGE,
) -> Exposure:
    years = flows.flow_years(ref, "exports", code, imposer)
    before = [y for y in years if through is None or y <= through]
    pick = year if year is not None else (before[-1] if before else None)
    hit = flows.flow(ref, "exports", code, imposer, pick) if pick is not None else None
    age = through + 1 - pick if through is not None and pick is not None else 0
    too_old = hit is not None and year is None and age > max_age
    if hit is None or too_old:
        span = f"{years[0]}-{years[-1]}" if years else "none"
        note = (
            f"latest exports to {imposer} are from {pick}, {age} years old: more than the {max_age}-year "
            "limit, left out"
            if too_old
            else f"no exports to {imposer} in the data for {pick} (years: {span})"
        )
        return Exposure(
            rank=None,
            code=code,
            name=name,
            year=pick,
            exports_at_risk=None,
            share_of_exports=None,
            share_of_gdp=None,
            expected_loss=None,
            other_power_takes=None,
            other_power_share=None,
            series=None,
            note=note,
            stale=too_old,
        )
    assert pick is not None
    world = flows.flow(ref, "exports", code, "WLD", pick)
    total = world.value if world and not world.mirror else None
    gdp = flows.gdp(ref, code, pick)
    alt = flows.flow(ref, "exports", code, other, pick)
    loss = hit.value * (1 - (1 + rate / 100) ** -elasticity) if elasticity else None
    return Exposure(
        rank=None,
        code=code,
        name=name,
        year=pick,
        exports_at_risk=hit.value,
        share_of_exports=hit.value / total if total else None,
        share_of_gdp=hit.value / gdp[0] if gdp else None,
        expected_loss=loss,
        other_power_takes=alt.value if alt else None,
        other_power_share=alt.value / total if alt and total else None,
        series=hit.series,
        mirror=hit.mirror,
        note="mirror flow (the imposer's imports)" if hit.mirror else None,
        stale=age > STALE_YEARS,
    )


def tariff_scenario(
    *,
    imposer: str,
    targets: list[str],
    rate: float,
    on: date,
    ref: ReferenceData,  # type: ignore[no-untyped-def]
    knowledge,
    elasticity: float | None = None,
    year: int | None = None,
    max_age: int = MAX_AGE,
) -> Scenario:
    imposer = imposer.upper()
    if imposer not in IMPOSERS:
        raise ConfigError(f"the imposer must be one of the two powers, not {imposer!r}", valid=IMPOSERS)
    if not 0 < rate <= MAX_RATE:
        raise ConfigError(f"a tariff rate must be above 0 and at most {MAX_RATE:.0f} percent, not {rate}")
    if elasticity is not None and not 0 < elasticity <= 20:
        raise ConfigError(f"an import-demand elasticity must be above 0 and at most 20, not {elasticity}")
    other = "CHN" if imposer == "USA" else "USA"
    codes = expand_targets(targets, knowledge=knowledge, on=on, imposer=imposer)
    if not codes:
        raise NoData(f"no target countries in {', '.join(targets)} on {on}")
    if year is not None:
        first, last = int(ref.series["year"].min()), int(ref.series["year"].max())
        if not any(year in flows.flow_years(ref, "exports", c, imposer) for c in codes):
            raise NoData(
                f"no exports to {imposer} from these targets in {year}: the trade data cover "
                f"{first}-{last} (IMF DOTS to 2020, Comtrade mirror for Brazil to 2023, IMF IMTS 2025)"
            )
    rows = [
        exposure(ref, c, knowledge.code_name(c), imposer, other, rate, elasticity, year, on.year - 1, max_age)
        for c in codes
    ]
    scored = sorted((r for r in rows if r.share_of_gdp is not None), key=lambda r: -r.share_of_gdp)  # type: ignore[operator]
    ranked = [r.model_copy(update={"rank": i}) for i, r in enumerate(scored, 1)]
    rest = sorted((r for r in rows if r.share_of_gdp is None), key=lambda r: r.code)
    assumptions = [
        f"{imposer} imposes {rate:g}% on all goods from each target; targets are members on {on}",
        "static: exports at risk are all the target's exports to the imposer in the latest year with data "
        "(or --year); no trade diversion, no retaliation, no exemptions",
        (
            "no elasticity: the expected loss is not estimated"
            if elasticity is None
            else f"expected loss with import-demand elasticity {elasticity:g}, full pass-through: "
            "exports x (1 - (1 + rate)^-elasticity)"
        ),
        "shares of exports use the target's own total exports (IMF DOTS); a mirror flow has no share",
        "ranking: by exports at risk as a share of GDP; targets without data are listed last, unranked",
        f"each row shows its trade year, flagged stale when more than {STALE_YEARS} years before {on}; "
        f"a target whose latest year is more than {max_age} years old is left out with the reason",
    ]
    return Scenario(
        imposer=imposer,
        other_power=other,
        targets=codes,
        rate=rate,
        on=on,
        elasticity=elasticity,
        assumptions=assumptions,
        exposures=ranked + rest,
    )
