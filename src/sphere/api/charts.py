"""Plotly figures (plain JSON: data and layout) for the dashboard, built from the library's models. The
page embeds them as JSON and static/dashboard.js draws them with the plotly.js this server ships; the map
shapes come from /static/topojson/ (plotly.js would fetch them from a CDN otherwise)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sphere.analysis.scenario import Scenario
from sphere.analysis.scorecard import Scorecard
from sphere.api.schemas import CountryPublic
from sphere.store.public import EventPublic

CHINA, USA, OTHER = "#c0392b", "#1f5fa8", "#7f8c8d"
TILT_SCALE = [[0.0, USA], [0.5, "#f4f4f4"], [1.0, CHINA]]
VIEWS: dict[str, dict[str, Any]] = {
    "world": {"projection": {"type": "natural earth"}},
    "latam": {"projection": {"type": "mercator"}, "lonaxis": {"range": [-118, -32]},
              "lataxis": {"range": [-56, 33]}},
}
BILLION = 1e9


def _layout(title: str, **extra: Any) -> dict:
    return {"title": {"text": title, "font": {"size": 15}}, "margin": {"l": 50, "r": 20, "t": 40, "b": 40},
            "height": 320, "legend": {"orientation": "h"}, **extra}


def tilt_map(countries: Sequence[CountryPublic], view: str) -> dict:
    """A choropleth of the tilt index; clicking a country opens its page (data-link in the template)."""
    shown = [c for c in countries if c.tilt is not None]
    geo = {"showframe": False, "showcoastlines": False, "showcountries": True, "countrycolor": "#bbb",
           "showland": True, "landcolor": "#e8e8e8", **VIEWS[view]}
    return {
        "data": [{
            "type": "choropleth", "locationmode": "ISO-3", "locations": [c.code for c in shown],
            "z": [round(c.tilt or 0.0, 1) for c in shown], "text": [c.name for c in shown],
            "zmin": -100, "zmax": 100, "zmid": 0, "colorscale": TILT_SCALE,
            "hovertemplate": "%{text}: %{z:+.0f}<extra></extra>",
            "colorbar": {"title": {"text": "tilt"}, "tickvals": [-100, 0, 100],
                         "ticktext": ["US -100", "0", "China +100"]},
        }],
        "layout": {"geo": geo, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "height": 520 if view == "latam" else 460},
    }


def _lines(title: str, years: list[int], series: list[tuple[str, list[float | None], str]], unit: str) -> dict:
    return {
        "data": [{"type": "scatter", "mode": "lines+markers", "name": name, "x": years, "y": values,
                  "line": {"color": color}} for name, values, color in series],
        "layout": _layout(title, yaxis={"title": {"text": unit}}, xaxis={"dtick": 5}),
    }


def _bn(value: float | None) -> float | None:
    return None if value is None else round(value / BILLION, 3)


def channel_charts(card: Scorecard) -> dict[str, dict]:
    """One chart per channel with data: exports, imports, debt, Chinese finance and investment."""
    charts = {}
    for name, rows in (("exports", card.exports), ("imports", card.imports)):
        if rows:
            charts[name] = _lines(f"{name.capitalize()}: with China and with the United States",
                                  [r.year for r in rows],
                                  [("China", [_bn(r.china) for r in rows], CHINA),
                                   ("United States", [_bn(r.usa) for r in rows], USA)], "US$ bn")
    if card.debt:
        charts["debt"] = _lines("Public debt owed (World Bank IDS)", [r.year for r in card.debt],
                                [("China, bilateral", [_bn(r.china_bilateral) for r in card.debt], CHINA),
                                 ("United States", [_bn(r.usa) for r in card.debt], USA),
                                 ("all creditors", [_bn(r.all_creditors) for r in card.debt], OTHER)], "US$ bn")
    if card.finance:
        charts["finance"] = _lines("Chinese finance and investment", [r.year for r in card.finance],
                                   [("AidData commitments (2021 US$)",
                                     [_bn(r.aiddata_commitments_usd2021) for r in card.finance], CHINA),
                                    ("CGIT investment", [_bn(r.cgit_investment) for r in card.finance], "#e67e22"),
                                    ("CGIT construction", [_bn(r.cgit_construction) for r in card.finance], OTHER)],
                                   "US$ bn")
    return charts


def events_timeline(events: Sequence[EventPublic], code: str) -> dict:
    """Each stored event of the country on its day, by PLOVER cooperation (+) or conflict (-) score."""
    return {
        "data": [{
            "type": "scatter", "mode": "markers", "x": [str(e.day) for e in events], "y": [e.score for e in events],
            "text": [f"{e.actor} {e.action} {e.target or ''}" for e in events],
            "marker": {"size": 10, "color": [CHINA if "CHN" in (e.actor, e.target) else
                                             USA if "USA" in (e.actor, e.target) else OTHER for e in events]},
            "hovertemplate": "%{x}: %{text}<extra></extra>",
        }],
        "layout": _layout(f"Events involving {code} (colour: with China red, with the US blue)",
                          yaxis={"title": {"text": "PLOVER score"}, "range": [-11, 11]}),
    }


def exposure_chart(scenario: Scenario) -> dict:
    """Exports at risk to the imposer beside what the other power takes, per target, largest first."""
    rows = sorted((r for r in scenario.exposures if r.exports_at_risk is not None),
                  key=lambda r: -(r.exports_at_risk or 0.0))
    imposer, other = (USA, CHINA) if scenario.imposer == "USA" else (CHINA, USA)
    codes = [r.code for r in rows]
    return {
        "data": [
            {"type": "bar", "name": f"exports to {scenario.imposer} (at risk)", "x": codes,
             "y": [_bn(r.exports_at_risk) for r in rows], "marker": {"color": imposer},
             "customdata": [None if r.share_of_gdp is None else round(100 * r.share_of_gdp, 2) for r in rows],
             "hovertemplate": "%{x}: $%{y:.2f} bn (%{customdata}% of GDP)<extra></extra>"},
            {"type": "bar", "name": f"exports to {scenario.other_power}", "x": codes,
             "y": [_bn(r.other_power_takes) for r in rows], "marker": {"color": other}},
        ],
        "layout": _layout(f"Exports exposed to a {scenario.rate:g}% {scenario.imposer} tariff", barmode="group",
                          yaxis={"title": {"text": "US$ bn"}}),
    }
