"""Charts (PNG or SVG, by the file's suffix) for scorecards, rankings and tariff scenarios.

Gaps stay gaps: a missing year is a break in the line, never a drop to zero.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from sphere.analysis.rank import Ranked  # noqa: E402
from sphere.analysis.scenario import Scenario  # noqa: E402
from sphere.analysis.scorecard import Scorecard  # noqa: E402
from sphere.errors import ConfigError  # noqa: E402

FORMATS = (".png", ".svg")
CHINA, USA = "#c0392b", "#2c5aa0"


def _save(fig, path: Path) -> Path:  # type: ignore[no-untyped-def]
    if path.suffix.lower() not in FORMATS:
        raise ConfigError(f"cannot write a chart to {path.name}", valid=FORMATS)
    fig.tight_layout()
    fig.savefig(path, dpi=120, metadata={"Date": None} if path.suffix.lower() == ".svg" else None)
    plt.close(fig)
    return path


def _series(rows, attr: str) -> tuple[list[int], list[float]]:  # type: ignore[no-untyped-def]
    years = [r.year for r in rows]
    values = [getattr(r, attr) if getattr(r, attr) is not None else float("nan") for r in rows]
    return years, values


def plot_scorecard(card: Scorecard, path: Path) -> Path:
    fig, axes = plt.subplots(2, 2, figsize=(11, 7))
    for ax, rows, title in ((axes[0][0], card.exports, "exports"), (axes[0][1], card.imports, "imports")):
        for attr, color, label in (
            ("gdp_share_china", CHINA, "China"),
            ("gdp_share_usa", USA, "United States"),
        ):
            years, values = _series(rows, attr)
            ax.plot(years, [v * 100 for v in values], color=color, label=label, marker=".")
        ax.set_title(f"{card.name}: {title}, % of GDP")
        ax.legend()
    ax = axes[1][0]
    years, values = _series(card.debt, "china_bilateral")
    ax.plot(years, [v / 1e9 for v in values], color=CHINA, marker=".", label="owed to China (bilateral)")
    years, values = _series(card.debt, "usa")
    ax.plot(years, [v / 1e9 for v in values], color=USA, marker=".", label="owed to the United States")
    ax.set_title("PPG debt, US$ bn (World Bank IDS)")
    ax.legend()
    ax = axes[1][1]
    used = [c for c in card.tilt.components if c.available]
    ax.barh(
        [f"{c.name} ({c.year})" for c in used],
        [c.direction * 100 for c in used],  # type: ignore[operator]
        color=[CHINA if (c.direction or 0) > 0 else USA for c in used],
    )
    ax.axvline(0, color="black", linewidth=0.5)
    ax.set_xlim(-100, 100)
    index = "gap" if card.tilt.index is None else f"{card.tilt.index:+.0f}"
    ax.set_title(f"tilt {index} (-100 US, +100 China); channel directions")
    return _save(fig, path)


def plot_rank(ranked: list[Ranked], path: Path, title: str) -> Path:
    rows = [r for r in ranked if r.tilt.index is not None]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.28 * len(rows))))
    ax.barh(
        [r.code for r in rows][::-1],
        [r.tilt.index for r in rows][::-1],  # type: ignore[arg-type]
        color=[CHINA if (r.tilt.index or 0) > 0 else USA for r in rows][::-1],
    )
    ax.axvline(0, color="black", linewidth=0.5)
    ax.set_xlim(-100, 100)
    ax.set_title(title)
    return _save(fig, path)


def plot_scenario(scenario: Scenario, path: Path) -> Path:
    rows = [r for r in scenario.exposures if r.share_of_gdp is not None]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.35 * len(rows))))
    ax.barh(
        [f"{r.code} ({r.year})" for r in rows][::-1],
        [r.share_of_gdp * 100 for r in rows][::-1],  # type: ignore[operator]
        color=USA if scenario.imposer == "USA" else CHINA,
    )
    ax.set_xlabel(f"exports to {scenario.imposer} at risk, % of GDP")
    ax.set_title(f"{scenario.imposer} tariff of {scenario.rate:g}% on {', '.join(scenario.targets[:8])}")
    return _save(fig, path)
