"""The China-United States tilt index of one country, from -100 (toward the United States) to +100
(toward China). The method and its validation are written out in docs/method.md; in short:

    economic  = sum_k w_k * d_k * r_k / sum_k w_k * d_k   k in exports, imports, debt, direct investment
    r_k       = (China_k - US_k) / (China_k + US_k)        direction of the channel, in [-1, 1]
    d_k       = (China_k + US_k) / GDP                     dependence: interaction volume over GDP
    alignment = (n_China - n_US) / (n_China + n_US)        symmetric ties on each side (0 when none)
    voting    = (D_US - D_China) / (D_US + D_China)        UNGA ideal-point distance to each power
    tilt      = 100 * sum_b W_b * block_b / sum_b W_b      over the blocks with data, W_b equal

Ties on China's side: a Belt and Road MoU in force, BRICS member or partner, SCO, an FTA in force with
China, a switch of recognition from Taipei to Beijing since 2000. On the US side: an FTA in force with the
United States, Major Non-NATO Ally, NATO, G7, recognising Taipei. Each side has a trade agreement, a club
and a security or recognition tie, so neither side is counted on channels the other cannot have.

Staleness is never silent: each channel carries its data year and `stale` when that year is more than
`STALE_YEARS` before the as-of date; a channel older than `max_age` (default `MAX_AGE`) is left out with
the reason. A channel with one side missing is left out (never filled with 0); without the economic block
the index is a gap (None). `sensitivity` gives the index with each weight halved and increased by half.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from statistics import median

from pydantic import BaseModel, ConfigDict

from sphere.analysis import flows
from sphere.refdata.load import ReferenceData

WEIGHTS: dict[str, float] = {"exports": 1.0, "imports": 1.0, "debt": 1.0, "investment": 1.0}
BLOCK_WEIGHTS: dict[str, float] = {"economic": 1.0, "alignment": 1.0, "voting": 1.0}
STALE_YEARS = 2  # a channel whose data year is more than this before the as-of date is flagged
MAX_AGE = 5  # ... and left out when more than this
CHINA_SIDE = ("BRI", "BRICS", "SCO", "FTA_CHN", "PRC_SWITCH")
US_SIDE = ("FTA_USA", "MNNA", "NATO", "G7", "ROC_RECOGNITION")
SWITCH_SINCE = "2000-01-01"  # a switch of recognition to Beijing counts as a tie when this recent


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
    stale: bool = False  # data year more than STALE_YEARS before the as-of date


class Tilt(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    as_of: date
    index: float | None
    economic: float | None
    alignment: float
    alignment_weight: float  # the alignment block's share of the block weights
    china_side: list[str]
    us_side: list[str]
    components: list[Component]
    voting: Component | None = None
    blocks: dict[str, float | None] = {}
    data_year: int | None = None  # the oldest data year among the channels used
    stale: list[str] = []  # channels used whose data are more than STALE_YEARS old
    max_age: int = MAX_AGE
    sensitivity: dict[str, dict[str, float | None]] = {}


def _age_check(component: Component, as_of: date, max_age: int) -> Component:
    """Flag a stale channel; leave out one older than `max_age`, saying so."""
    if component.year is None or not component.available:
        return component
    age = as_of.year - component.year
    if age > max_age:
        return component.model_copy(
            update={
                "available": False,
                "stale": True,
                "note": f"data from {component.year}, {age} years before {as_of}: older than the "
                f"{max_age}-year limit, left out",
            }
        )
    return component.model_copy(update={"stale": age > STALE_YEARS})


def _channel(
    name: str,
    year: int | None,
    china: float | None,
    usa: float | None,
    gdp: tuple[float, int] | None,
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
    c, u = max(china, 0.0), max(usa, 0.0)  # a negative position (disinvestment) counts as none
    total = c + u
    direction = (c - u) / total if total else None
    dependence = total / gdp[0] if gdp and gdp[0] else None
    if gdp and gdp[1] != year:
        note = "; ".join(filter(None, (note, f"share of {gdp[1]} GDP (no GDP for {year} yet)")))
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
        note=note if ok else (note or "no GDP for that year or nothing on either side"),
    )


def _trade(ref: ReferenceData, code: str, measure: str, through: int, weight: float) -> Component:
    year = flows.paired_year(ref, measure, code, through=through)
    if year is None:
        return _channel(measure, None, None, None, None, weight, None)
    c, u = flows.flow(ref, measure, code, "CHN", year), flows.flow(ref, measure, code, "USA", year)
    assert c is not None and u is not None
    mirror = "mirror flow" if c.mirror or u.mirror else None
    return _channel(
        measure,
        year,
        c.value,
        u.value,
        flows.gdp_near(ref, code, year),
        weight,
        " / ".join(dict.fromkeys((c.series, u.series))),
        mirror,
    )


def _paired(
    ref: ReferenceData, china: tuple[str, str, str], usa: tuple[str, str, str], through: int
) -> int | None:
    years = set(ref.years(*china)) & set(ref.years(*usa))
    usable = [y for y in years if y <= through]
    return max(usable) if usable else None


def _debt(ref: ReferenceData, code: str, through: int, weight: float) -> Component:
    """Debt owed to China (every Chinese creditor, IDS creditor table) vs owed to the United States."""
    series = "ids_ppg_debt (CHN) / ids_ppg_debt (USA)"
    year = _paired(ref, ("ids_ppg_debt", code, "CHN"), ("ids_ppg_debt", code, "USA"), through)
    if year is None:
        note = (
            "no series of debt owed to the United States for this country (IDS by creditor is in the "
            "snapshot for African debtors only)"
            if ref.years("ids_debt_china_bilateral", code, "CHN")
            else None
        )
        return _channel("debt", None, None, None, None, weight, series, note)
    china = ref.values("ids_ppg_debt", code, "CHN")[year]
    usa = ref.values("ids_ppg_debt", code, "USA")[year]
    return _channel("debt", year, china, usa, flows.gdp_near(ref, code, year), weight, series)


def _investment(ref: ReferenceData, code: str, through: int, weight: float) -> Component:
    """Direct-investment positions of China (MOFCOM) and the United States (BEA) in the country (IMF DIP)."""
    series = "dip_position (CHN) / dip_position (USA)"
    year = _paired(ref, ("dip_position", "CHN", code), ("dip_position", "USA", code), through)
    if year is None:
        return _channel("investment", None, None, None, None, weight, series)
    china = ref.values("dip_position", "CHN", code)[year]
    usa = ref.values("dip_position", "USA", code)[year]
    return _channel("investment", year, china, usa, flows.gdp_near(ref, code, year), weight, series)


def _direction(own: float, usa: float, china: float) -> float:
    d_usa, d_china = abs(own - usa), abs(own - china)
    return (d_usa - d_china) / (d_usa + d_china) if d_usa + d_china else 0.0


@lru_cache(maxsize=64)
def _median_direction(ref: ReferenceData, year: int) -> float:
    """The voting direction of the median UN member in `year` (most members vote nearer China than the US)."""
    frame = ref.series[(ref.series["series"] == "unga_ideal_point") & (ref.series["year"] == year)]
    points = dict(zip(frame["reporter"], frame["value"], strict=True))
    usa, china = points["USA"], points["CHN"]
    return float(median(_direction(v, usa, china) for c, v in points.items() if c not in ("USA", "CHN")))


def _voting(ref: ReferenceData, code: str, through: int, as_of: date, max_age: int) -> Component:
    """UNGA ideal-point distance to the United States against distance to China, latest common year,
    centred on the median member of that year (the index compares countries, and the United States'
    distance from almost every member would otherwise read as a tilt toward China for nearly all)."""
    keys = [("unga_ideal_point", c, None) for c in (code, "USA", "CHN")]
    years = set.intersection(*(set(ref.years(*k)) for k in keys))
    usable = [y for y in years if y <= through]
    if not usable:
        return Component(
            name="un_voting",
            year=None,
            china=None,
            usa=None,
            weight=BLOCK_WEIGHTS["voting"],
            available=False,
            series="unga_ideal_point",
            note="no UNGA ideal point for the country (and both powers) in a year",
        )
    year = max(usable)
    own, usa, china = (ref.values(*k)[year] for k in keys)
    raw = _direction(own, usa, china)
    centre = _median_direction(ref, year)
    component = Component(
        name="un_voting",
        year=year,
        china=abs(own - china),
        usa=abs(own - usa),
        direction=max(-1.0, min(1.0, raw - centre)),
        weight=BLOCK_WEIGHTS["voting"],
        available=True,
        series="unga_ideal_point",
        note=f"china / usa: ideal-point distance to each power (Voeten); direction {raw:+.2f} less the "
        f"median member's {centre:+.2f}",
    )
    return _age_check(component, as_of, max_age)


def _recognition_ties(ref: ReferenceData, code: str, as_of: date) -> tuple[list[str], list[str]]:
    rows = ref.memberships[
        (ref.memberships["group"] == "PRC_RECOGNITION") & (ref.memberships["iso3"] == code)
    ]
    china: list[str] = []
    usa: list[str] = []
    day = as_of.isoformat()
    for _, row in rows.iterrows():
        switched = "ROC" in row["note"] and row["status"] == "PRC"
        if row["status"] == "ROC" or (switched and row["effective_from"] > day):
            usa.append("ROC_RECOGNITION")
        elif switched and SWITCH_SINCE <= row["effective_from"] <= day:
            china.append("PRC_SWITCH")
    return china, usa


def alignment_sides(code: str, *, ref: ReferenceData, knowledge, as_of: date) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The ties that put the country on China's side and on the United States' side on `as_of`."""
    china, usa = _recognition_ties(ref, code, as_of)
    tables = {
        "BRI": (china, ("member",)),
        "BRICS": (china, ("member", "partner")),
        "FTA_CHN": (china, ("in_force",)),
        "FTA_USA": (usa, ("in_force",)),
        "MNNA": (usa, ("designated",)),
    }
    for group, (side, statuses) in tables.items():
        if group in ref.groups and code in ref.members(group, as_of, statuses=statuses):
            side.append(group)
    for group, side in (("SCO", china), ("NATO", usa), ("G7", usa)):
        if group in knowledge.groups and code in knowledge.members_of(group, on=as_of):
            side.append(group)
    return sorted(china, key=CHINA_SIDE.index), sorted(usa, key=US_SIDE.index)


def economic_block(components: list[Component], weights: dict[str, float]) -> float | None:
    used = [c for c in components if c.available]
    mass = total = 0.0
    for c in used:
        assert c.dependence is not None and c.direction is not None
        mass += weights[c.name] * c.dependence
        total += weights[c.name] * c.dependence * c.direction
    return total / mass if used and mass > 0 else None


def combine(
    components: list[Component],
    alignment: float,
    voting: float | None,
    weights: dict[str, float],
    blocks: dict[str, float],
) -> tuple[float | None, float | None]:
    """(index, economic) for given weights; None when the economic block has no channel."""
    economic = economic_block(components, weights)
    if economic is None:
        return None, None
    values = {"economic": economic, "alignment": alignment, "voting": voting}
    used = {k: v for k, v in values.items() if v is not None and blocks[k] > 0}
    mass = sum(blocks[k] for k in used)
    return 100 * sum(blocks[k] * v for k, v in used.items()) / mass, economic


def tilt_index(
    code: str,
    *,
    ref: ReferenceData,
    knowledge,
    as_of: date,  # type: ignore[no-untyped-def]
    weights: dict[str, float] | None = None,
    blocks: dict[str, float] | None = None,
    max_age: int = MAX_AGE,
) -> Tilt:
    """The tilt of `code` on `as_of`, using data for years before as_of's year."""
    weights = {**WEIGHTS, **(weights or {})}
    block_weights = {**BLOCK_WEIGHTS, **(blocks or {})}
    through = as_of.year - 1
    raw = [
        _trade(ref, code, "exports", through, weights["exports"]),
        _trade(ref, code, "imports", through, weights["imports"]),
        _debt(ref, code, through, weights["debt"]),
        _investment(ref, code, through, weights["investment"]),
    ]
    components = [_age_check(c, as_of, max_age) for c in raw]
    vote = _voting(ref, code, through, as_of, max_age)
    voting = vote.direction if vote.available else None
    china, usa = alignment_sides(code, ref=ref, knowledge=knowledge, as_of=as_of)
    alignment = (len(china) - len(usa)) / (len(china) + len(usa)) if china or usa else 0.0
    index, economic = combine(components, alignment, voting, weights, block_weights)
    sensitivity: dict[str, dict[str, float | None]] = {}
    for name in [*WEIGHTS, *BLOCK_WEIGHTS]:
        row: dict[str, float | None] = {}
        for label, factor in (("half", 0.5), ("one_and_half", 1.5)):
            w, b = dict(weights), dict(block_weights)
            if name in b:
                b[name] *= factor
            else:
                w[name] *= factor
            row[label] = combine(components, alignment, voting, w, b)[0]
        shifts = [abs(v - index) for v in row.values() if v is not None and index is not None]
        row["max_shift"] = max(shifts) if shifts else None
        sensitivity[name] = row
    used = [c for c in [*components, vote] if c.available]
    return Tilt(
        code=code,
        as_of=as_of,
        index=index,
        economic=economic,
        alignment=alignment,
        alignment_weight=round(block_weights["alignment"] / sum(block_weights.values()), 4),
        china_side=china,
        us_side=usa,
        components=components,
        voting=vote,
        blocks={"economic": economic, "alignment": alignment, "voting": voting},
        data_year=min((c.year for c in used if c.year is not None), default=None),
        stale=[c.name for c in used if c.stale],
        max_age=max_age,
        sensitivity=sensitivity,
    )
