"""Check one claim against the reference snapshot: `verify_claim(claim, *, published, ref) -> Verdict`.

Which series answer which measure is decided in one place, `sphere.refdata.routes`; this module reads
each route as the claim means its figure and judges it.

- **Period.** The claim's `period` (set by extraction) says how the news means the figure: an `annual`
  flow is one year's value; a `cumulative` figure is the sum of the yearly flows from `since` (or the
  series' first year) to the stated year (or the latest before the article); a `stock` (debt, an FDI
  position) is the level in one year, and a running total of a stock is that stock; a `deal` (one loan,
  one project) is never compared with a national aggregate. With no period, a flow is one year's value
  and Chinese investment with no year is CGIT's running total (what news quotes as "have invested").
- **Year.** The claim's year when it states one; else the latest year with data strictly before the
  article's publication year.
- **Route.** Among the routes with data, the verdict follows the series of the publisher the article names;
  when it names none (or one with no series), the reporter's own figure; only when there is none, a
  mirror. Within those, the latest usable year wins, the first listed on a tie. Every other route whose
  number or verdict differs is shown beside it (`alternatives`).
- **Currency.** A figure in another currency is converted to US$ through the ECB reference rates
  (`currency.py`): annual averages for flows, the year-end rate for stocks.
- **Band.** The claim's wording gives a band of reference values it allows (`rules.band`). A partial series
  (bilateral debt only, no creditor table) is a lower bound, a mirror flow a range (`rules.MIRROR_MARGIN`):
  when the point value falls outside the band but that range overlaps it, the verdict is `unverifiable`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sphere.models import Claim
from sphere.refdata.load import ReferenceData, RefValue
from sphere.refdata.routes import CGIT_SERIES, Part, Route, cgit_route, route_years, routes_for
from sphere.verify import currency, rules
from sphere.verify.model import Alternative, Verdict, VerdictKind, claim_fields

MONEY = {"debt", "investment", "fdi", "exports", "trade", "trade_balance", "gdp", "loan"}
COUNTRY = 3  # ISO3 codes have three letters; group codes (BRICS, EU) do not count as countries
ALTERNATIVE_GAP = 0.01  # another route is shown when its number differs by more than this share


@dataclass(frozen=True)
class Reading:
    """One route read for a claim: the years summed, the total and its parts."""

    route: Route
    years: list[int]
    total: float
    values: list[tuple[Part, RefValue]]
    year_note: str | None

    @property
    def year(self) -> int:
        return self.years[-1]


def relative(a: list[Route], b: list[Route]) -> list[Route]:
    """Routes for flow(a) minus flow(b), pairing routes of the same kind."""
    out = []
    for ra, rb in zip(a, b, strict=False):
        flipped = tuple(Part(-q.sign, q.series, q.reporter, q.partner, q.kind) for q in rb.parts)
        out.append(Route(ra.parts + flipped, f"{ra.label} minus {rb.label}"))
    return out


def interval(parts: list[tuple[Part, RefValue]]) -> tuple[float, float]:
    """The range the true quantity may take given each part's coverage."""
    lo = hi = 0.0
    for part, value in parts:
        v = part.sign * value.value
        if part.kind == "partial":
            a, b = (v, math.inf) if part.sign > 0 else (-math.inf, v)
        elif part.kind == "mirror":
            a, b = sorted((v * (1 - rules.MIRROR_MARGIN), v * (1 + rules.MIRROR_MARGIN)))
        else:
            a = b = v
        lo, hi = lo + a, hi + b
    return lo, hi


def source_differs(article_source: str | None, checked: str) -> bool | None:
    if not article_source:
        return None
    return rules.publisher_key(article_source) != rules.publisher_key(checked)


def _span(years: list[int]) -> str:
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])


def _cumulative(claim: Claim) -> bool:
    return claim.period == "cumulative" and claim.measure not in rules.STOCKS


def _last_year(years: list[int], claim: Claim, published: date | None) -> int | None:
    if claim.year is not None:
        return claim.year if claim.year in years else None
    usable = [y for y in years if published is None or y < published.year]
    return usable[-1] if usable else None


def _year_note(claim: Claim, published: date | None, year: int) -> str | None:
    if claim.year is not None:
        return None
    if published is None:
        return f"no year stated and no publication date: latest year in the snapshot ({year})"
    note = f"no year stated: latest year with data before the article's date {published} ({year})"
    if published.year - year > 2:
        note += "; the snapshot has nothing newer, the article may refer to a later year"
    return note


def read_route(route: Route, claim: Claim, published: date | None, ref: ReferenceData) -> Reading | str:
    """The route read for the claim's period and year, or why it cannot be."""
    years = route_years(route, ref)
    if not years:
        return "no data"
    last = _last_year(years, claim, published)
    if last is None:
        when = f"for {claim.year}" if claim.year is not None else f"before {published}"
        return f"no data {when} (years with data: {_span(years)})"
    span = [last]
    if _cumulative(claim):
        first = claim.since if claim.since is not None else years[0]
        span = list(range(first, last + 1))
        gaps = [y for y in span if y not in years]
        if gaps:
            return f"a running total since {first} needs every year, and {_span(gaps)} has no data"
    values = [
        (p, v)
        for y in span
        for p in route.parts
        if (v := ref.get(p.series, p.reporter, p.partner, y)) is not None
    ]
    total = sum(p.sign * v.value for p, v in values)
    note = _year_note(claim, published, last)
    if len(span) > 1:
        note = f"running total {_span(span)}, the sum of {len(span)} yearly values" + (
            f"; {note}" if note else ""
        )
    return Reading(route, span, total, values, note)


def pick(readings: list[Reading], source: str | None) -> tuple[Reading, str]:
    """The reading the verdict follows, and why: the named publisher's series, else the own figure."""
    named = rules.publisher_key(source)
    pools = [
        (
            [r for r in readings if named and named in r.route.sources],
            f"the article cites {named}: its series",
        ),
        ([r for r in readings if r.route.own], "the reporter's own figure"),
        (readings, "no own figure in the snapshot: the partner's mirror"),
    ]
    pool, why = next((p, w) for p, w in pools if p)
    best = pool[0]
    for reading in pool[1:]:
        if reading.year > best.year:
            best = reading
    return best, why


Unverifiable = Callable[..., Verdict]


def verify_claim(claim: Claim, *, published: date | None, ref: ReferenceData) -> Verdict:
    """The verdict on one claim; never raises for a claim sphere cannot check (that is `unverifiable`)."""
    base = dict(**claim_fields(claim), snapshot_version=ref.version)

    def unverifiable(reason: str, **extra: object) -> Verdict:
        return Verdict(verdict="unverifiable", reason=reason, **base, **extra)  # type: ignore[arg-type]

    if claim.measure in rules.NO_SERIES and not (claim.measure == "loan" and claim.period == "deal"):
        return unverifiable(rules.NO_SERIES[claim.measure])
    if claim.modality != "actual":
        return unverifiable(f"a {claim.modality} figure is not an observed value and cannot be checked")
    if claim.period == "deal" and claim.measure in MONEY:
        return unverifiable(rules.DEAL_REASON)
    if claim.measure in MONEY and claim.unit != "USD" and not currency.is_code(claim.unit):
        return unverifiable(
            f"the figure is in {claim.unit}; reference series are in USD and the ECB reference rates "
            "do not convert it (only currencies, not percentages or quantities)"
        )
    parties = [c for c in (claim.holder, claim.counterpart, claim.relative_to) if c]
    if not claim.holder or any(len(c) != COUNTRY for c in parties if c != "WLD"):
        return unverifiable(
            "the reference series are by country; a group or a missing party cannot be checked"
        )
    if (
        claim.measure == "investment"
        and claim.holder == "CHN"
        and claim.counterpart
        and claim.period != "stock"
    ):
        return _cgit(claim, published, ref, unverifiable, base)

    routes = routes_for(claim.measure, claim.holder, claim.counterpart)
    if isinstance(routes, str):
        return unverifiable(routes)
    if claim.relative_to:
        other = routes_for(claim.measure, claim.holder, claim.relative_to)
        routes = relative(routes, other) if not isinstance(other, str) else []
    readings = [read_route(r, claim, published, ref) for r in routes]
    found = [r for r in readings if isinstance(r, Reading)]
    if not found:
        return unverifiable(_none_found(claim, published, routes, readings, ref))
    chosen, why = pick(found, claim.source)
    return _judge_all(claim, chosen, why, found, unverifiable, base)


def _none_found(
    claim: Claim, published: date | None, routes: list[Route], readings: list[Reading | str], ref: ReferenceData
) -> str:
    """Why no route could be read: a running total with a gap, or the years each route has."""
    gaps = [r for r in readings if isinstance(r, str) and r.startswith("a running total")]
    if gaps:
        return gaps[0]
    spans = sorted({_span(years) for r in routes if (years := route_years(r, ref))})
    if not spans:
        return f"no data for {claim.holder}->{claim.counterpart or 'world'} in the snapshot"
    when = f"for {claim.year}" if claim.year is not None else f"before {published}"
    return f"no data {when} (years with data: {', '.join(spans)})"


def _cgit(claim, published, ref, unverifiable, base) -> Verdict:  # type: ignore[no-untyped-def]
    """Chinese investment in a host from CGIT deals: one year's sum, or a running total.

    A year with no deal of US$100m or more counts 0 in a running total (CGIT lists every such deal)."""
    host = claim.counterpart
    years = sorted({y for s in CGIT_SERIES for y in ref.years(s, "CHN", host)})
    if not years:
        return unverifiable(f"CGIT records no Chinese deal of US$100m or more in {host} (2005-2024)")
    route = cgit_route(host)
    running = claim.period == "cumulative" or (claim.period is None and claim.year is None)
    if not running:
        last = _last_year(years, claim, published)
        if last is None:
            when = f"in {claim.year}" if claim.year is not None else f"before {published}"
            return unverifiable(
                f"CGIT has no deal in {host} {when} (years with deals: {', '.join(map(str, years))})"
            )
        values = [
            (route.parts[0], v) for s in CGIT_SERIES if (v := ref.get(s, "CHN", host, last)) is not None
        ]
        note = _year_note(claim, published, last) or "annual sum for the stated year"
        reading = Reading(route, [last], sum(v.value for _, v in values), values, note)
        return _judge_all(
            claim, reading, "the only series of Chinese investment deals", [reading], unverifiable, base
        )
    usable = [
        y
        for y in years
        if (claim.year is None or y <= claim.year) and (published is None or y < published.year)
    ]
    if not usable:
        return unverifiable(f"CGIT has no deal in {host} before {published}")
    through = claim.year if claim.year is not None else usable[-1]
    first = claim.since if claim.since is not None else 2005
    found = [
        (route.parts[0], v)
        for s in CGIT_SERIES
        for y in ref.years(s, "CHN", host)
        if first <= y <= through and (v := ref.get(s, "CHN", host, y)) is not None
    ]
    if not found:
        return unverifiable(
            f"CGIT has no deal in {host} between {first} and {through}: the running total is 0"
        )
    why = "stated as cumulative" if claim.period == "cumulative" else "no year stated ('have invested')"
    note = f"{why}: running total of CGIT investment and construction deals, {first}-{through}" + (
        "" if claim.year is not None else ", the latest year before the article's date"
    )
    reading = Reading(route, list(range(first, through + 1)), sum(v.value for _, v in found), found, note)
    return _judge_all(
        claim, reading, "the only series of Chinese investment deals", [reading], unverifiable, base
    )


def _claim_usd(claim: Claim, reading: Reading) -> currency.Conversion | str | None:
    """The claim's value in US$ for a reading's years (None when it is already in US$)."""
    if claim.unit == "USD" or claim.measure not in MONEY:
        return None
    stock = claim.measure in rules.STOCKS or claim.period == "stock"
    return currency.to_usd(claim.value, claim.unit, reading.years, stock=stock)


def _verdict_of(value: float, approx: str, reading: Reading) -> tuple[VerdictKind, tuple[float, float]]:
    lo, hi = rules.band(value, approx)
    rlo, rhi = interval(reading.values)
    if lo <= reading.total <= hi:
        return "consistent", (lo, hi)
    if reading.route.coverage != "full" and rlo <= hi and rhi >= lo:
        return "unverifiable", (lo, hi)
    return "inconsistent", (lo, hi)


def _publishers(reading: Reading) -> str:
    return "; ".join(dict.fromkeys(v.publisher_short for _, v in reading.values))


def _alternatives(claim: Claim, chosen: Reading, value: float, others: list[Reading]) -> list[Alternative]:
    """Other routes whose number (beyond 1%) or verdict differs from the one followed."""
    kind, _ = _verdict_of(value, claim.approx, chosen)
    out: list[Alternative] = []
    for other in others:
        if other is chosen or other.route.series == chosen.route.series:
            continue
        usd = _claim_usd(claim, other)
        if isinstance(usd, str):
            continue
        v = usd.usd if usd else claim.value
        their, _ = _verdict_of(v, claim.approx, other)
        apart = abs(other.total - chosen.total) > ALTERNATIVE_GAP * max(abs(chosen.total), 1.0)
        if their != kind or apart:
            out.append(
                Alternative(
                    label=other.route.label,
                    series=" + ".join(other.route.series),
                    publisher=_publishers(other),
                    year=other.year,
                    value=other.total,
                    verdict=their,
                    difference=(other.total - v) / abs(v) if v else None,
                )
            )
    return out


def _judge_all(claim, chosen, why, readings, unverifiable, base) -> Verdict:  # type: ignore[no-untyped-def]
    usd = _claim_usd(claim, chosen)
    if isinstance(usd, str):
        return unverifiable(usd)
    value = usd.usd if usd else claim.value
    verdict = _judge(claim, value, chosen, base, why)
    alternatives = _alternatives(claim, chosen, value, readings)
    reason = verdict.reason
    if alternatives:
        reason += "; also " + "; ".join(
            f"{a.label}: {_fmt(a.value)} in {a.year} ({a.verdict})" for a in alternatives
        )
    if usd:  # said in the reason too, which the store keeps
        reason += f"; the figure, {claim.value:,.0f} {claim.unit}, is {_fmt(usd.usd)}: {usd.note}"
    update: dict[str, object] = {"alternatives": alternatives, "reason": reason}
    if usd:
        update |= {"value_usd": usd.usd, "conversion": usd.note}
    return verdict.model_copy(update=update)


def _coverage_note(reading: Reading) -> str | None:
    route = reading.route
    if route.coverage == "mirror":
        mirrored = [p.series for p in route.parts if p.kind == "mirror"]
        return rules.COVERAGE_NOTES.get(mirrored[0], rules.COVERAGE_NOTES["mirror"])
    partial = [p.series for p in route.parts if p.kind == "partial"]
    if partial:
        return rules.COVERAGE_NOTES.get(partial[0])
    if route.parts[0].series == "ids_ppg_debt" and route.parts[0].partner == "CHN":
        return rules.COVERAGE_NOTES["creditor_table"]
    return None


def _judge(claim: Claim, value: float, reading: Reading, base: dict, why: str) -> Verdict:
    kind, (lo, hi) = _verdict_of(value, claim.approx, reading)
    values, total, route = reading.values, reading.total, reading.route
    first = values[0][1]
    series = " + ".join(sorted({v.series for _, v in values})) if len(values) > 1 else first.series
    if claim.relative_to:
        series = " - ".join(dict.fromkeys(v.series for _, v in values))
    rows = (
        "; ".join(dict.fromkeys(f"{v.snapshot_file}:{v.source_row}" for _, v in values))
        if len(values) > 1
        else first.source_row
    )
    files = "; ".join(dict.fromkeys(v.source_file for _, v in values))
    publishers = _publishers(reading)
    difference = (total - value) / abs(value) if value else None
    gap = f"{difference:+.1%}" if difference is not None else "n/a"
    when = _span(reading.years)
    what = f"{route.label}: {_fmt(total)} in {when}"
    if kind == "consistent":
        reason = f"{what}, within the band for '{claim.approx}' ({gap})"
    elif kind == "unverifiable":
        reason = (
            f"{what} is outside the band for '{claim.approx}' ({gap}), but the reference covers the figure "
            f"only {'in part' if route.coverage == 'partial' else 'as a mirror'}, which does not contradict it"
        )
    else:
        reason = f"{what}: off by {gap} (band for '{claim.approx}': {_fmt(lo)}-{_fmt(hi)})"
    return Verdict(
        verdict=kind,
        reason=f"{reason} [{why}]",
        **base,
        reference_value=total,
        reference_year=reading.year,
        reference_unit=first.unit,
        series=series,
        publisher=publishers,
        source_file=files,
        source_row=rows,
        components=[v for _, v in values],
        difference=difference,
        band=(lo, hi),
        coverage=route.coverage,
        coverage_note=_coverage_note(reading),
        year_note=reading.year_note,
        source_differs=source_differs(claim.source, publishers),
    )


def _fmt(value: float) -> str:
    return (
        f"${value / 1e9:,.2f} bn"
        if abs(value) >= 1e8
        else f"${value / 1e6:,.1f} m"
        if abs(value) >= 1e5
        else f"{value:,.0f}"
    )
