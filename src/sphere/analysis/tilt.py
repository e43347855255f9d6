"""The China-United States tilt index of one country, from -100 (toward the United States) to +100
(toward China). The method is written out in docs/method.md; in short, after the FBIC index:

    economic  = sum_k w_k * d_k * r_k / sum_k w_k * d_k     over channels k with both sides in the data
    r_k       = (China_k - US_k) / (China_k + US_k)          direction of the channel, in [-1, 1]
    d_k       = (China_k + US_k) / GDP                       dependence: interaction volume over GDP
    alignment = (n_China - n_US) / (n_China + n_US)          memberships on each side (0 when none)
    tilt      = 100 * ((1 - a) * economic + a * alignment)   a = alignment weight

A channel with one side missing is left out (never filled with 0) and listed as unavailable; without any
economic channel the index is a gap (None). `sensitivity` gives the index with each weight halved and
increased by half.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from sphere.analysis import flows
from sphere.refdata.load import ReferenceData

WEIGHTS: dict[str, float] = {"exports": 1.0, "imports": 1.0, "debt": 1.0}
ALIGNMENT_WEIGHT = 0.25
CHINA_SIDE = ("BRI", "BRICS", "SCO")
US_SIDE = ("NATO", "G7", "ROC_RECOGNITION")


class Component(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    year: int | None
    china: float | None
    usa: float | None
    direction: float | None = None
    dependence: float | None = None
    weight: float
    available: bool
    series: str | None = None
    note: str | None = None


class Tilt(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    as_of: date
    index: float | None
    economic: float | None
    alignment: float
    alignment_weight: float
    china_side: list[str]
    us_side: list[str]
    components: list[Component]
    sensitivity: dict[str, dict[str, float | None]] = {}


def _channel(
    name: str,
    year: int | None,
    china: float | None,
    usa: float | None,
    gdp: float | None,
    weight: float,
    series: str | None,
    note: str | None = None,
) -> Component:
    if year is None or china is None or usa is None:
        return Component(
            name=name,
            year=year,
            china=china,
            usa=usa,
            weight=weight,
            available=False,
            series=series,
            note=note or "one side has no data: left out, not counted as 0",
        )
    total = china + usa
    direction = (china - usa) / total if total else None
    dependence = total / gdp if gdp else None
    ok = direction is not None and dependence is not None
    return Component(
        name=name,
        year=year,
        china=china,
        usa=usa,
        direction=direction,
        dependence=dependence,
        weight=weight,
        available=ok,
        series=series,
        note=note if ok else (note or "no GDP for that year or no flow on either side"),
    )


def _trade(ref: ReferenceData, code: str, measure: str, through: int, weight: float) -> Component:
    year = flows.paired_year(ref, measure, code, through=through)
    if year is None:
        return _channel(measure, None, None, None, None, weight, None)
    c, u = flows.flow(ref, measure, code, "CHN", year), flows.flow(ref, measure, code, "USA", year)
    assert c is not None and u is not None
    gdp = flows.gdp(ref, code, year)
    mirror = "mirror flow" if c.mirror or u.mirror else None
    return _channel(
        measure,
        year,
        c.value,
        u.value,
        gdp[0] if gdp else None,
        weight,
        " / ".join(dict.fromkeys((c.series, u.series))),
        mirror,
    )


def _debt(ref: ReferenceData, code: str, through: int, weight: float) -> Component:
    china_years = set(ref.years("ids_debt_china_bilateral", code, "CHN"))
    us_years = set(ref.years("ids_ppg_debt", code, "USA"))
    years = sorted(y for y in china_years & us_years if y <= through)
    if not years:
        note = (
            (
                "no series of debt owed to the United States for this country (IDS by creditor is in the "
                "snapshot for African debtors only)"
            )
            if china_years
            else None
        )
        return _channel(
            "debt", None, None, None, None, weight, "ids_debt_china_bilateral / ids_ppg_debt", note
        )
    year = years[-1]
    china = ref.values("ids_debt_china_bilateral", code, "CHN")[year]
    private = ref.get("ids_debt_china_private", code, "CHN", year)
    china += private.value if private else 0.0  # no private row: the bilateral figure alone (a lower bound)
    usa = ref.values("ids_ppg_debt", code, "USA")[year]
    gdp = flows.gdp(ref, code, year)
    return _channel(
        "debt",
        year,
        china,
        usa,
        gdp[0] if gdp else None,
        weight,
        "ids_debt_china_bilateral+private / ids_ppg_debt",
        None if private else "China side is bilateral debt only (no private-creditor row)",
    )


def alignment_sides(code: str, *, ref: ReferenceData, knowledge, as_of: date) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The memberships that put the country on China's side and on the United States' side on `as_of`."""
    china: list[str] = []
    usa: list[str] = []
    if code in ref.members("BRI", as_of):
        china.append("BRI")
    if code in ref.members("BRICS", as_of, statuses=("member", "partner")):
        china.append("BRICS")
    for group, side in (("SCO", china), ("NATO", usa), ("G7", usa)):
        if group in knowledge.groups and code in knowledge.members_of(group, on=as_of):
            side.append(group)
    rec = ref.memberships[(ref.memberships["group"] == "PRC_RECOGNITION") & (ref.memberships["iso3"] == code)]
    for _, row in rec.iterrows():
        later_switch = (
            row["status"] == "PRC" and row["effective_from"] > as_of.isoformat() and "ROC" in row["note"]
        )
        if row["status"] == "ROC" or later_switch:
            usa.append("ROC_RECOGNITION")
    return china, usa


def combine(
    components: list[Component], alignment: float, alignment_weight: float, weights: dict[str, float]
) -> tuple[float | None, float | None]:
    """(index, economic) for given weights; None when no economic channel is available."""
    used = [c for c in components if c.available]
    mass = total = 0.0
    for c in used:
        assert c.dependence is not None and c.direction is not None
        mass += weights[c.name] * c.dependence
        total += weights[c.name] * c.dependence * c.direction
    if not used or mass <= 0:
        return None, None
    economic = total / mass
    return 100 * ((1 - alignment_weight) * economic + alignment_weight * alignment), economic


def tilt_index(
    code: str,
    *,
    ref: ReferenceData,
    knowledge,
    as_of: date,  # type: ignore[no-untyped-def]
    weights: dict[str, float] | None = None,
    alignment_weight: float = ALIGNMENT_WEIGHT,
) -> Tilt:
    """The tilt of `code` on `as_of`, using data for years before as_of's year."""
    weights = {**WEIGHTS, **(weights or {})}
    through = as_of.year - 1
    components = [
        _trade(ref, code, "exports", through, weights["exports"]),
        _trade(ref, code, "imports", through, weights["imports"]),
        _debt(ref, code, through, weights["debt"]),
    ]
    china, usa = alignment_sides(code, ref=ref, knowledge=knowledge, as_of=as_of)
    alignment = (len(china) - len(usa)) / (len(china) + len(usa)) if china or usa else 0.0
    index, economic = combine(components, alignment, alignment_weight, weights)
    sensitivity: dict[str, dict[str, float | None]] = {}
    for name in [*WEIGHTS, "alignment"]:
        row: dict[str, float | None] = {}
        for label, factor in (("half", 0.5), ("one_and_half", 1.5)):
            w = dict(weights)
            a = alignment_weight
            if name == "alignment":
                a = min(1.0, alignment_weight * factor)
            else:
                w[name] = weights[name] * factor
            row[label] = combine(components, alignment, a, w)[0]
        shifts = [abs(v - index) for v in row.values() if v is not None and index is not None]
        row["max_shift"] = max(shifts) if shifts else None
        sensitivity[name] = row
    return Tilt(
        code=code,
        as_of=as_of,
        index=index,
        economic=economic,
        alignment=alignment,
        alignment_weight=alignment_weight,
        china_side=china,
        us_side=usa,
        components=components,
        sensitivity=sensitivity,
    )
