"""Bilateral flows for analysis: a country's own figure where there is one, else a mirror flow.

The same routes as verification (`sphere.refdata.routes`), so a scorecard, a scenario and a verdict never
disagree about where a number comes from. A year with no route is a gap (None), never 0.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sphere.refdata.load import ReferenceData
from sphere.refdata.routes import Route, flow_routes, route_years

POWERS = ("CHN", "USA")


class Flow(BaseModel):
    """One bilateral flow in one year, with the series it came from."""

    model_config = ConfigDict(frozen=True)

    value: float
    year: int
    series: str
    publisher: str
    mirror: bool
    source_rows: str


def _routes(measure: str, x: str, p: str) -> list[Route]:
    if measure not in ("exports", "imports"):
        raise ValueError(f"measure must be exports or imports, not {measure!r}")
    return flow_routes(measure, x, p)


def flow(ref: ReferenceData, measure: str, x: str, p: str, year: int) -> Flow | None:
    """X's exports to (or imports from) P in `year`: own figure first, then mirror; None for a gap."""
    for route in _routes(measure, x, p):
        part = route.parts[0]
        found = ref.get(part.series, part.reporter, part.partner, year)
        if found is not None:
            return Flow(
                value=found.value,
                year=year,
                series=found.series,
                publisher=found.publisher_short,
                mirror=part.kind == "mirror",
                source_rows=f"{found.snapshot_file}:{found.source_row}",
            )
    return None


def flow_years(ref: ReferenceData, measure: str, x: str, p: str) -> list[int]:
    """Years in which some route has X's flow with P."""
    return sorted({y for route in _routes(measure, x, p) for y in route_years(route, ref)})


def paired_year(ref: ReferenceData, measure: str, x: str, *, through: int | None = None) -> int | None:
    """The latest year (up to `through`) with X's flow to both China and the United States."""
    years = set(flow_years(ref, measure, x, "CHN")) & set(flow_years(ref, measure, x, "USA"))
    years = {y for y in years if through is None or y <= through}
    return max(years) if years else None


def gdp(ref: ReferenceData, x: str, year: int) -> tuple[float, str] | None:
    """GDP in current US$ (official WDI, else the derived one) and the series used."""
    for series in ("wdi_gdp", "wdi_gdp_derived"):
        found = ref.get(series, x, None, year)
        if found is not None:
            return found.value, series
    return None


GDP_LAG = 2  # a ratio to GDP may use GDP up to this many years before the flow's year (said in the note)


def gdp_near(ref: ReferenceData, x: str, year: int) -> tuple[float, int] | None:
    """GDP of `year`, else of the latest of the `GDP_LAG` years before it, with the year used."""
    for y in range(year, year - GDP_LAG - 1, -1):
        found = gdp(ref, x, y)
        if found is not None:
            return found[0], y
    return None
