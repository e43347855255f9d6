"""Validate the tilt index against outside yardsticks that are not among its channels.

    python -m sphere.analysis.validate ../shared/refdata [--as-of 2024-07-01] [--out docs]

Yardsticks:
- FBIC (Formal Bilateral Influence Capacity, Pardee Center; Moyer et al. 2021): China's share of the
  influence capacity that China and 29 Western states (including the US) hold on the country,
  `fbic_china / (fbic_china + fbic_sum_west1)`, read from the shared copy (not shipped: no licence stated);
- the US State Department's UNGA voting coincidence, `1 - coincidence`: UN voting is one of the index's
  channels, so this one is compared with the index *without* its voting block.

For each yardstick: Spearman's rank correlation across every country with both numbers, and within each
region of sphere's gazetteer (regions with at least `MIN_COUNTRIES`). Nothing is fitted: the block weights
are equal and fixed (docs/method.md), so every region, Latin America included, is out of sample.
The command prints the Markdown table that docs/method.md carries and writes a CSV and a scatter plot.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from sphere.analysis.tilt import Tilt, tilt_index
from sphere.refdata.load import ReferenceData, load_reference

FBIC_FILE = "indices/fbic_china_and_west_influence_1994_2023_aasheim_subset.csv"
MIN_COUNTRIES = 8
POWERS = ("CHN", "USA")


@dataclass(frozen=True)
class Correlation:
    yardstick: str
    scope: str
    n: int
    rho: float


def fbic_yardstick(path: Path, year: int) -> dict[str, float]:
    """China's share of China's and the West's FBIC on each country in `year`."""
    out = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (
                int(row["year"]) != year
                or not row["fbic_china_on_country"]
                or not row["fbic_sum_west1_on_country"]
            ):
                continue
            china, west = float(row["fbic_china_on_country"]), float(row["fbic_sum_west1_on_country"])
            if china + west > 0:
                out[row["iso3c"]] = china / (china + west)
    return out


def coincidence_yardstick(ref: ReferenceData, year: int) -> dict[str, float]:
    """1 - the share of recorded UNGA votes cast as the United States did (US State Department)."""
    frame = ref.series[(ref.series["series"] == "unga_coincidence") & (ref.series["year"] == year)]
    return {code: 1 - value for code, value in zip(frame["reporter"], frame["value"], strict=True)}


def without_voting(tilt: Tilt) -> float | None:
    """The index recomputed without its UN voting block (equal weights on the other two)."""
    economic, alignment = tilt.blocks.get("economic"), tilt.blocks.get("alignment")
    if economic is None or alignment is None:
        return None
    return 100 * (economic + alignment) / 2


def spearman(a: dict[str, float], b: dict[str, float], codes: list[str]) -> tuple[int, float]:
    both = [c for c in codes if c in a and c in b]
    if len(both) < 3:
        return len(both), float("nan")
    return len(both), float(
        pd.Series([a[c] for c in both]).corr(pd.Series([b[c] for c in both]), method="spearman")
    )


def correlations(
    index: dict[str, float], yardstick: dict[str, float], name: str, regions: dict[str, list[str]]
) -> list[Correlation]:
    out = [Correlation(name, "all countries", *spearman(index, yardstick, sorted(index)))]
    for region, codes in sorted(regions.items()):
        n, rho = spearman(index, yardstick, codes)
        if n >= MIN_COUNTRIES:
            out.append(Correlation(name, region, n, rho))
    return out


def tilts(ref: ReferenceData, knowledge, as_of: date, codes: list[str] | None = None) -> dict[str, Tilt]:  # type: ignore[no-untyped-def]
    """The tilt of every country sphere knows (or of `codes`), except the two powers."""
    return {
        code: tilt_index(code, ref=ref, knowledge=knowledge, as_of=as_of)
        for code in sorted(codes or knowledge.countries)
        if code not in POWERS and code in knowledge.countries
    }


def table(rows: list[Correlation]) -> str:
    lines = ["| yardstick | scope | countries | Spearman rho |", "|---|---|---|---|"]
    lines += [f"| {r.yardstick} | {r.scope} | {r.n} | {r.rho:+.2f} |" for r in rows]
    return "\n".join(lines)


def plot(
    index: dict[str, float], yardstick: dict[str, float], latam: list[str], path: Path, title: str
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    codes = sorted(c for c in index if c in yardstick)
    fig, ax = plt.subplots(figsize=(8, 6))
    rest = [c for c in codes if c not in latam]
    ax.scatter(
        [yardstick[c] for c in rest], [index[c] for c in rest], s=12, color="0.6", label="other countries"
    )
    ours = [c for c in codes if c in latam]
    ax.scatter(
        [yardstick[c] for c in ours], [index[c] for c in ours], s=22, color="tab:red", label="Latin America"
    )
    for c in ours:
        ax.annotate(c, (yardstick[c], index[c]), fontsize=7, xytext=(2, 2), textcoords="offset points")
    ax.set_xlabel("FBIC: China's share of China + West influence capacity, 2023")
    ax.set_ylabel("sphere tilt index (-100 US, +100 China)")
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)


def main(argv: list[str] | None = None) -> None:
    from sphere.knowledge import load_knowledge

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared refdata folder (holds the FBIC copy)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 7, 1))
    parser.add_argument("--fbic-year", type=int, default=2023)
    parser.add_argument("--coincidence-year", type=int, default=2023)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    ref, knowledge = load_reference(), load_knowledge()
    found = tilts(ref, knowledge, args.as_of)
    index = {c: t.index for c, t in found.items() if t.index is not None}
    no_vote = {c: v for c, t in found.items() if (v := without_voting(t)) is not None}
    regions = {r: knowledge.region_members(r) for r in knowledge.regions}
    fbic = fbic_yardstick(args.shared / FBIC_FILE, args.fbic_year)
    rows = correlations(index, fbic, f"FBIC {args.fbic_year}", regions)
    blocks = {
        name: {c: v for c, t in found.items() if (v := t.blocks.get(name)) is not None}
        for name in ("economic", "alignment", "voting")
    }
    rows += [
        Correlation(
            f"FBIC {args.fbic_year}, {name} block only", "all countries", *spearman(b, fbic, sorted(b))
        )
        for name, b in blocks.items()
    ]
    state = coincidence_yardstick(ref, args.coincidence_year)
    rows += correlations(
        no_vote, state, f"State Dept. {args.coincidence_year} (index without voting)", regions
    )
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "tilt_validation.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["code", "tilt", "tilt_without_voting", "fbic_china_share", "state_dept_1_minus_coincidence"]
        )
        for code in sorted(index):
            writer.writerow(
                [
                    code,
                    f"{index[code]:.2f}",
                    _cell(no_vote.get(code)),
                    _cell(fbic.get(code), 4),
                    _cell(state.get(code)),
                ]
            )
    latam = regions.get("latam", [])
    plot(
        index,
        fbic,
        latam,
        args.out / "tilt_validation.png",
        f"tilt as of {args.as_of} vs FBIC {args.fbic_year}",
    )
    print(f"as of {args.as_of}:")
    print(table(rows))


def _cell(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    main()
