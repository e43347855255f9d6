"""Check one claim against the reference snapshot: `verify_claim(claim, *, published, ref) -> Verdict`.

A claim is mapped to one or more *routes*: ways of computing the same quantity from series
(X's own exports to China; or China's imports from X, a mirror). Each route is a signed sum of
parts, each part one series for one pair of parties. The year is the claim's own, or else the
latest year with data strictly before the article's year. Among routes, the one with the latest
usable year wins; on a tie the first listed (the country's own figure) wins.

The claim's wording gives a band of reference values it allows (`rules.TOLERANCE`). A partial
series (bilateral debt only) gives a lower bound, a mirror flow a range (`rules.MIRROR_MARGIN`):
when the point value falls outside the band but that range overlaps it, the verdict is
`unverifiable` with a note, never `inconsistent`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sphere.models import Claim
from sphere.refdata.load import ReferenceData, RefValue
from sphere.verify import rules
from sphere.verify.model import Coverage, Verdict, VerdictKind, claim_fields

MONEY = {"debt", "investment", "fdi", "exports", "trade", "trade_balance", "gdp"}
COUNTRY = 3  # ISO3 codes have three letters; group codes (BRICS, EU) do not count as countries


@dataclass(frozen=True)
class Part:
    sign: int
    series: str
    reporter: str
    partner: str | None
    kind: Coverage = "full"


@dataclass(frozen=True)
class Route:
    parts: tuple[Part, ...]
    label: str

    @property
    def coverage(self) -> Coverage:
        kinds = {p.kind for p in self.parts}
        return "mirror" if "mirror" in kinds else "partial" if "partial" in kinds else "full"


def flow_routes(measure: str, x: str, p: str) -> list[Route]:
    """Routes for X's exports to P, imports from P, total trade or balance with P (own figures first)."""
    own_x = [Part(1, "dots_exports", x, p)]
    mirror_x = [[Part(1, f"{src}_imports", p, x, "mirror")] for src in ("comtrade", "dots")]
    mirror_m = [[Part(1, f"{src}_exports", p, x, "mirror")] for src in ("comtrade", "dots")]
    if measure == "exports":
        return [Route(tuple(own_x), f"{x}'s exports to {p} as reported by {x}")] + [
            Route(tuple(m), f"{p}'s imports from {x} as reported by {p} (mirror flow)") for m in mirror_x
        ]
    sign = -1 if measure == "trade_balance" else 1
    what = "balance" if sign < 0 else "total trade"
    routes = [
        Route((own_x[0], Part(sign, "dots_imports", x, p)), f"{x}'s {what} with {p} as reported by {x}")
    ]
    for mx, mm in zip(mirror_x, mirror_m, strict=True):
        routes.append(
            Route(
                (mx[0], Part(sign, mm[0].series, p, x, "mirror")),
                f"{x}'s {what} with {p} from {p}'s reports (mirror flow)",
            )
        )
    return routes


def routes_for(measure: str, holder: str, counterpart: str | None) -> list[Route] | str:
    """The routes for a measure and parties, or the reason there is none."""
    if measure in ("exports", "trade", "trade_balance"):
        return flow_routes(measure, holder, counterpart or "WLD")
    if measure == "debt":
        if counterpart == "CHN":
            return [
                Route(
                    (
                        Part(1, "ids_debt_china_bilateral", holder, "CHN"),
                        Part(1, "ids_debt_china_private", holder, "CHN"),
                    ),
                    f"{holder}'s PPG debt owed to China, bilateral and private (World Bank IDS)",
                ),
                Route(
                    (Part(1, "ids_debt_china_bilateral", holder, "CHN", "partial"),),
                    f"{holder}'s PPG bilateral debt owed to China (World Bank IDS)",
                ),
            ]
        partner = counterpart or "WLD"
        return [
            Route(
                (Part(1, "ids_ppg_debt", holder, partner, "partial"),),
                f"{holder}'s PPG external debt owed to {partner} (World Bank IDS)",
            )
        ]
    if measure == "gdp":
        return [
            Route((Part(1, "wdi_gdp", holder, None),), f"{holder}'s GDP (WDI NY.GDP.MKTP.CD)"),
            Route(
                (Part(1, "wdi_gdp_derived", holder, None),), f"{holder}'s GDP (WDI, per capita x population)"
            ),
        ]
    return f"no series for {measure} in the snapshot"


def relative(a: list[Route], b: list[Route]) -> list[Route]:
    """Routes for flow(a) minus flow(b), pairing routes of the same kind."""
    out = []
    for ra, rb in zip(a, b, strict=False):
        flipped = tuple(Part(-q.sign, q.series, q.reporter, q.partner, q.kind) for q in rb.parts)
        out.append(Route(ra.parts + flipped, f"{ra.label} minus {rb.label}"))
    return out


def route_years(route: Route, ref: ReferenceData) -> list[int]:
    """Years in which every part has a value (a part missing in a year is a gap for the route)."""
    sets = [set(ref.years(p.series, p.reporter, p.partner)) for p in route.parts]
    return sorted(set.intersection(*sets)) if sets else []


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


def band(claim: Claim) -> tuple[float, float]:
    lo, hi = rules.TOLERANCE[claim.approx]
    a, b = claim.value * lo, claim.value * hi
    return (min(a, b), max(a, b))


def source_differs(article_source: str | None, checked: str) -> bool | None:
    if not article_source:
        return None
    return rules.publisher_key(article_source) != rules.publisher_key(checked)


def verify_claim(claim: Claim, *, published: date | None, ref: ReferenceData) -> Verdict:
    """The verdict on one claim; never raises for a claim sphere cannot check (that is `unverifiable`)."""
    base = dict(**claim_fields(claim), snapshot_version=ref.version)

    def unverifiable(reason: str, **extra: object) -> Verdict:
        return Verdict(verdict="unverifiable", reason=reason, **base, **extra)  # type: ignore[arg-type]

    if claim.measure in rules.NO_SERIES:
        return unverifiable(rules.NO_SERIES[claim.measure])
    if claim.modality != "actual":
        return unverifiable(f"a {claim.modality} figure is not an observed value and cannot be checked")
    if claim.measure == "fdi":
        return unverifiable(rules.FDI_REASON.format(holder=claim.holder or "this investor's"))
    if claim.measure in MONEY and claim.unit != "USD":
        return unverifiable(
            f"the figure is in {claim.unit}; reference series are in USD and sphere does not "
            "convert currencies or percentages"
        )
    parties = [c for c in (claim.holder, claim.counterpart, claim.relative_to) if c]
    if not claim.holder or any(len(c) != COUNTRY for c in parties if c != "WLD"):
        return unverifiable(
            "the reference series are by country; a group or a missing party cannot be checked"
        )
    if claim.measure == "investment":
        return _investment(claim, published, ref, unverifiable, base)

    routes = routes_for(claim.measure, claim.holder, claim.counterpart)
    if isinstance(routes, str):
        return unverifiable(routes)
    if claim.relative_to:
        other = routes_for(claim.measure, claim.holder, claim.relative_to)
        routes = relative(routes, other) if not isinstance(other, str) else []
    return _compare(claim, published, ref, routes, unverifiable, base)


def _pick(
    routes: list[Route], claim: Claim, published: date | None, ref: ReferenceData
) -> tuple[Route, int, str | None] | str:
    """The route and year to compare with, the note on how the year was chosen, or why there is none."""
    best: tuple[Route, int] | None = None
    spans = []
    for route in routes:
        years = route_years(route, ref)
        if years:
            spans.append(f"{years[0]}-{years[-1]}")
        if claim.year is not None:
            usable = [y for y in years if y == claim.year]
        else:
            usable = [y for y in years if published is None or y < published.year]
        if usable and (best is None or usable[-1] > best[1]):
            best = (route, usable[-1])
    if best is None:
        if not spans:
            return f"no data for {claim.holder}->{claim.counterpart or 'world'} in the snapshot"
        when = f"for {claim.year}" if claim.year is not None else f"before {published}"
        return f"no data {when} (years with data: {', '.join(sorted(set(spans)))})"
    if claim.year is not None:
        return best[0], best[1], None
    if published is None:
        return (
            best[0],
            best[1],
            f"no year stated and no publication date: latest year in the snapshot ({best[1]})",
        )
    note = f"no year stated: latest year with data before the article's date {published} ({best[1]})"
    if published.year - best[1] > 2:
        note += "; the snapshot has nothing newer, the article may refer to a later year"
    return best[0], best[1], note


def _compare(claim, published, ref, routes, unverifiable, base) -> Verdict:  # type: ignore[no-untyped-def]
    picked = _pick(routes, claim, published, ref)
    if isinstance(picked, str):
        return unverifiable(picked)
    route, year, year_note = picked
    parts = [(p, ref.get(p.series, p.reporter, p.partner, year)) for p in route.parts]
    values = [(p, v) for p, v in parts if v is not None]
    total = sum(p.sign * v.value for p, v in values)
    return _judge(claim, total, values, route, year, year_note, base)


def _investment(claim, published, ref, unverifiable, base) -> Verdict:  # type: ignore[no-untyped-def]
    """Chinese investment in a host: CGIT investment + construction; cumulative since 2005 when no year."""
    if claim.holder != "CHN" or not claim.counterpart:
        return unverifiable(
            f"no series for investment by {claim.holder} in the snapshot (only Chinese "
            "investment, AEI/Heritage CGIT)"
        )
    series = ("cgit_investment", "cgit_construction")
    host = claim.counterpart
    years = sorted({y for s in series for y in ref.years(s, "CHN", host)})
    if not years:
        return unverifiable(f"CGIT records no Chinese deal of US$100m or more in {host} (2005-2024)")
    part = Part(1, "cgit_investment", "CHN", host)
    route = Route((part,), f"Chinese investment and construction in {host} (AEI/Heritage CGIT)")
    if claim.year is not None:
        values = [(part, v) for s in series if (v := ref.get(s, "CHN", host, claim.year)) is not None]
        if not values:
            return unverifiable(
                f"CGIT has no deal in {host} in {claim.year} (years with deals: {', '.join(map(str, years))})"
            )
        total = sum(v.value for _, v in values)
        return _judge(claim, total, values, route, claim.year, "annual sum for the stated year", base)
    through = (
        max(y for y in years if published is None or y < published.year)
        if any(published is None or y < published.year for y in years)
        else None
    )
    if through is None:
        return unverifiable(f"CGIT has no deal in {host} before {published}")
    total, found = ref.cumulative(series, "CHN", host, through=through)  # type: ignore[misc]
    note = (
        f"no year stated ('have invested'): cumulative sum of CGIT investment and construction deals, "
        f"2005-{through}, the latest year before the article's date"
    )
    return _judge(claim, total, [(part, v) for v in found], route, through, note, base)


def _judge(claim, total, values, route, year, year_note, base) -> Verdict:  # type: ignore[no-untyped-def]
    lo, hi = band(claim)
    coverage = route.coverage
    rlo, rhi = interval(values)
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
    publishers = "; ".join(dict.fromkeys(v.publisher_short for _, v in values))
    difference = (total - claim.value) / abs(claim.value) if claim.value else None
    partial = [p.series for p in route.parts if p.kind == "partial"]
    note = (
        rules.COVERAGE_NOTES["mirror"]
        if coverage == "mirror"
        else (rules.COVERAGE_NOTES.get(partial[0]) if partial else None)
    )
    verdict: VerdictKind
    gap = f"{difference:+.1%}" if difference is not None else "n/a"
    what = f"{route.label}: {_fmt(total)} in {year}"
    if lo <= total <= hi:
        verdict, reason = "consistent", f"{what}, within the band for '{claim.approx}' ({gap})"
    elif coverage != "full" and rlo <= hi and rhi >= lo:
        verdict = "unverifiable"
        reason = (
            f"{what} is outside the band for '{claim.approx}' ({gap}), but the reference covers the figure "
            f"only {'in part' if coverage == 'partial' else 'as a mirror flow'}, which does not contradict it"
        )
    else:
        verdict, reason = (
            "inconsistent",
            f"{what}: off by {gap} (band for '{claim.approx}': {_fmt(lo)}-{_fmt(hi)})",
        )
    return Verdict(
        verdict=verdict,
        reason=reason,
        **base,
        reference_value=total,
        reference_year=year,
        reference_unit=first.unit,
        series=series,
        publisher=publishers,
        source_file=files,
        source_row=rows,
        components=[v for _, v in values],
        difference=difference,
        band=(lo, hi),
        coverage=coverage,
        coverage_note=note,
        year_note=year_note,
        source_differs=source_differs(claim.source, publishers),
    )


def _fmt(value: float) -> str:
    return f"${value / 1e9:,.2f} bn" if abs(value) >= 1e8 else f"{value:,.0f}"
