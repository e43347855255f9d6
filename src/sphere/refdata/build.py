"""Build the bundled reference snapshot from the shared reference files.

    python -m sphere.refdata.build /work/shared/refdata [--out DIR]

Load: each source file listed in `sources.json` is read as text (no number is parsed as float).
Process: one short function per source turns it into tidy long rows
`series,reporter,partner,year,value,unit,source_row` (memberships: one row per country and group).
Names become ISO3 codes through the reviewed table `names.csv`; a name missing from it stops the build.
Save: one CSV per source in `snapshot/` and `PROVENANCE.json` beside them, with the publisher, origin,
licence, date accessed and the sha256 of both the source file and the snapshot file.

The build is deterministic: the same inputs give byte-identical outputs (tests check it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNAPSHOT = HERE / "snapshot"
SERIES_COLUMNS = ["series", "reporter", "partner", "year", "value", "unit", "source_row"]
MEMBER_COLUMNS = [
    "group",
    "iso3",
    "status",
    "date_from",
    "date_to",
    "date_precision",
    "effective_from",
    "note",
    "source_url",
    "source_row",
]

Row = dict[str, str]


class BuildError(Exception):
    """A source file cannot be turned into the snapshot (names the file and what failed)."""


def number(text: str, scale: int = 1) -> str:
    """A source number as a plain decimal string, scaled exactly (no float rounding)."""
    value = Decimal(text.strip()) * scale
    out = format(value.normalize(), "f")
    return "0" if out in ("-0", "0") else out


def read_rows(path: Path) -> Iterator[tuple[int, Row]]:
    with path.open(newline="", encoding="utf-8") as handle:
        yield from enumerate(csv.DictReader(handle), start=1)


@lru_cache(maxsize=1)
def load_names() -> dict[str, str]:
    with (HERE / "names.csv").open(newline="", encoding="utf-8") as handle:
        return {row["name"]: row["iso3"] for row in csv.DictReader(handle)}


def iso3(name: str, source: str) -> str:
    """ISO3 code of a source's country name; '' for an aggregate; BuildError when the name is unknown."""
    names = load_names()
    if name not in names:
        raise BuildError(f"{source}: country name {name!r} is not in refdata/names.csv; add it there")
    return names[name]


def series_row(series: str, reporter: str, partner: str, year: str, value: str, unit: str, row: str) -> Row:
    return dict(zip(SERIES_COLUMNS, (series, reporter, partner, year, value, unit, row), strict=True))


# --- one function per source ----------------------------------------------------------------------

DOTS_PARTNERS = {"China, P.R.: Mainland": "CHN", "United States": "USA", "World": "WLD"}


def dots(path: Path) -> list[Row]:
    out = []
    for n, row in read_rows(path):
        partner = DOTS_PARTNERS.get(row["partner"])
        reporter = iso3(row["reporter"], path.name)
        if not partner or not reporter:
            continue
        for column, series in (("exports_fob", "dots_exports"), ("imports_cif", "dots_imports")):
            if row[column].strip():
                out.append(
                    series_row(
                        series, reporter, partner, row["year"], number(row[column], 10**6), "USD", str(n)
                    )
                )
    return out


def comtrade_mirror(path: Path) -> list[Row]:
    partners = {"China": "CHN", "USA": "USA"}
    out = []
    for n, row in read_rows(path):
        for column, series in (
            ("partner_reported_imports_from_brazil_usd", "comtrade_imports"),
            ("partner_reported_exports_to_brazil_usd", "comtrade_exports"),
        ):
            if row[column].strip():
                out.append(
                    series_row(
                        series,
                        partners[row["partner"]],
                        row["iso3"],
                        row["year"],
                        number(row[column]),
                        "USD",
                        str(n),
                    )
                )
    return out


def ids_lac(path: Path) -> list[Row]:
    out = []
    for n, row in read_rows(path):
        if row["indicator_code"] != "DT.DOD.BLAT.CD" or row["creditor_name"] != "China":
            raise BuildError(f"{path.name} row {n}: expected DT.DOD.BLAT.CD owed to China")
        out.append(
            series_row(
                "ids_debt_china_bilateral",
                iso3(row["debtor_name"], path.name),
                "CHN",
                row["year"],
                number(row["value_current_usd"]),
                "USD",
                str(n),
            )
        )
    return out


def ids_africa_china(path: Path) -> list[Row]:
    kinds = {"China (bilateral)": "ids_debt_china_bilateral", "China (private)": "ids_debt_china_private"}
    out = []
    for n, row in read_rows(path):
        debtor = iso3(row["debtor_name"], path.name)
        if row["creditor"] in kinds and debtor and row["value"].strip():
            out.append(
                series_row(
                    kinds[row["creditor"]], debtor, "CHN", row["year"], number(row["value"]), "USD", str(n)
                )
            )
    return out


def ids_africa_ppg(path: Path) -> list[Row]:
    creditors = {"All creditors": "WLD", "China": "CHN", "United States": "USA"}
    columns = ["bilateral", "bonds", "commercial banks", "multilateral", "other private"]
    out = []
    for n, row in read_rows(path):
        debtor = iso3(row["debtor_name"], path.name)
        cells = [row[c] for c in columns if row[c].strip()]
        if row["creditor_name"] in creditors and debtor and cells:
            total = sum(Decimal(c) for c in cells)
            out.append(
                series_row(
                    "ids_ppg_debt",
                    debtor,
                    creditors[row["creditor_name"]],
                    row["year"],
                    number(str(total)),
                    "USD",
                    str(n),
                )
            )
    return out


def aiddata(path: Path) -> list[Row]:
    out = []
    for n, row in read_rows(path):
        code = row["Country Code"].strip()
        out.append(
            series_row(
                "aiddata_commitments",
                code,
                "CHN",
                row["year"],
                number(row["usd_const_2021"]),
                "USD_2021",
                str(n),
            )
        )
        out.append(
            series_row(
                "aiddata_projects", code, "CHN", row["year"], number(row["projects"]), "projects", str(n)
            )
        )
    return out


def cgit(path: Path) -> list[Row]:
    sums: dict[tuple[str, str, str], list[Decimal]] = defaultdict(list)
    rows: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for n, row in read_rows(path):
        key = (row["dataset"], iso3(row["country"].strip(), path.name), row["year"])
        sums[key].append(Decimal(row["usd_millions"]))
        rows[key].append(n)
    out = []
    for key in sorted(sums):
        dataset, host, year = key
        trace = ";".join(map(str, rows[key]))
        out.append(
            series_row(f"cgit_{dataset}", "CHN", host, year, number(str(sum(sums[key])), 10**6), "USD", trace)
        )
        out.append(
            series_row(f"cgit_{dataset}_deals", "CHN", host, year, str(len(sums[key])), "deals", trace)
        )
    return out


def wdi_gdp(path: Path) -> list[Row]:
    return [
        series_row("wdi_gdp", row["iso3"], "", row["year"], number(row["gdp_current_usd"]), "USD", str(n))
        for n, row in read_rows(path)
        if row["gdp_current_usd"].strip()
    ]


def wdi_gdp_derived(path: Path, official: list[Row]) -> list[Row]:
    have = {(r["reporter"], r["year"]) for r in official}
    return [
        series_row(
            "wdi_gdp_derived",
            row["iso3"],
            "",
            row["year"],
            number(row["gdp_current_usd_derived"]),
            "USD",
            str(n),
        )
        for n, row in read_rows(path)
        if row["gdp_current_usd_derived"].strip() and (row["iso3"], row["year"]) not in have
    ]


def imts(path: Path) -> list[Row]:
    """IMF IMTS exports FOB as reported by the exporter, every pair (US$ millions -> US$)."""
    return [
        series_row(
            "imts_exports",
            row["exporter_iso3"],
            row["importer_iso3"],
            row["year"],
            number(row["exports_fob_usd_millions"], 10**6),
            "USD",
            str(n),
        )
        for n, row in read_rows(path)
        if row["exports_fob_usd_millions"].strip()
    ]


DIP_SERIES = {"O": "dip_position", "SCC": "dip_position_mirror"}


def dip(path: Path) -> list[Row]:
    """IMF direct-investment positions of the US and China by host: own report (O) and host's mirror (SCC).

    Only country counterparts (ISO3) and the world (G001 -> WLD) are carried; an empty cell is a gap."""
    out = []
    for n, row in read_rows(path):
        host = "WLD" if row["counterpart_code"] == "G001" else row["counterpart_code"]
        if len(host) != 3 or not row["position_usd_millions"].strip() or row["dv_type"] not in DIP_SERIES:
            continue
        out.append(
            series_row(
                DIP_SERIES[row["dv_type"]],
                row["reporter_iso3"],
                host,
                row["year"],
                number(row["position_usd_millions"], 10**6),
                "USD",
                str(n),
            )
        )
    return out


UNGA_FIRST_YEAR = 2000  # the tilt index reads recent years only; earlier ones are left in the source


def unga_ideal_points(path: Path) -> list[Row]:
    """UNGA ideal points (final-passage votes), one value per country and year from 2000."""
    return [
        series_row("unga_ideal_point", row["iso3c"], "", row["year"], number(row["idealpointfp"]), "points", str(n))
        for n, row in read_rows(path)
        if row["idealpointfp"].strip() and row["iso3c"].strip() and int(row["year"]) >= UNGA_FIRST_YEAR
    ]


def unga_coincidence(path: Path) -> list[Row]:
    """US State Department: share of recorded UNGA votes in which a country voted as the US did."""
    return [
        series_row("unga_coincidence", row["iso3"], "USA", row["year"], number(row["coincidence"]), "share", str(n))
        for n, row in read_rows(path)
        if row["coincidence"].strip() and row["iso3"] != "USA"
    ]


def effective_from(text: str, precision: str) -> str:
    """The first day a membership counts for 'as of' questions ('' when unknown)."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if match := re.fullmatch(r"before (\d{4}-\d{2}-\d{2})", text):
        return match.group(1)
    if match := re.fullmatch(r"(\d{4})s?", text):
        return f"{match.group(1)}-01-01"
    if text and precision != "uncertain" and text != "uncertain":
        raise BuildError(f"cannot read the date {text!r}")
    return ""


def member_row(**fields: str) -> Row:
    return {c: fields.get(c, "") for c in MEMBER_COLUMNS}


def bri(path: Path) -> list[Row]:
    out = []
    for n, row in read_rows(path):
        joined = row["likely_date_joining"].strip()
        precision = "uncertain" if joined in ("", "uncertain") else "day"
        out.append(
            member_row(
                group="BRI",
                iso3=row["iso3"],
                status="member",
                date_from="" if precision == "uncertain" else joined,
                date_to=row["likely_date_exit"],
                date_precision=precision,
                effective_from=effective_from(joined, precision),
                source_row=str(n),
            )
        )
    return out


def _dated_members(path: Path, *, group: str | None, status: str, date: str) -> list[Row]:
    """Rows of a curated membership file; `status` and `date` name its columns (they differ per file);
    with no `group`, each row names its own in a `group` column."""
    return [
        member_row(
            group=group or row["group"],
            iso3=row["iso3"],
            status=row[status],
            date_from=row[date],
            date_precision=row["date_precision"],
            effective_from=effective_from(row[date], row["date_precision"]),
            note=row["note"],
            source_url=row["source_url"],
            source_row=str(n),
        )
        for n, row in read_rows(path)
    ]


def brics(path: Path) -> list[Row]:
    return _dated_members(path, group="BRICS", status="status", date="date_joined")


def recognition(path: Path) -> list[Row]:
    return _dated_members(path, group="PRC_RECOGNITION", status="recognises", date="prc_relations_from")


def alignment_facts(path: Path) -> list[Row]:
    """Curated alignment facts (FTAs in force with each power, US security designations), one group per row."""
    return _dated_members(path, group=None, status="status", date="date_from")


BUILDERS: dict[str, Callable[[Path], list[Row]]] = {
    "trade_dots.csv": dots,
    "trade_comtrade_mirror_bra.csv": comtrade_mirror,
    "debt_ids_lac_china.csv": ids_lac,
    "debt_ids_africa_china.csv": ids_africa_china,
    "debt_ids_africa_ppg.csv": ids_africa_ppg,
    "finance_aiddata_gcdf.csv": aiddata,
    "investment_cgit.csv": cgit,
    "gdp_wdi.csv": wdi_gdp,
    "membership_bri.csv": bri,
    "membership_brics.csv": brics,
    "recognition_prc_lac.csv": recognition,
    "trade_imts_2025.csv": imts,
    "investment_dip_positions.csv": dip,
    "unga_ideal_points.csv": unga_ideal_points,
    "unga_coincidence_usa.csv": unga_coincidence,
    "alignment_fta_mnna.csv": alignment_facts,
}


# --- save -----------------------------------------------------------------------------------------


def to_csv(rows: list[Row], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def coverage(rows: list[Row]) -> dict[str, object]:
    if not rows or "series" not in rows[0]:
        return {"groups": sorted({r["group"] for r in rows}), "countries": len({r["iso3"] for r in rows})}
    years = sorted(int(r["year"]) for r in rows)
    return {
        "series": sorted({r["series"] for r in rows}),
        "years": [years[0], years[-1]],
        "reporters": len({r["reporter"] for r in rows}),
        "partners": sorted({r["partner"] for r in rows}),
    }


def run(shared: Path, out: Path = SNAPSHOT) -> dict[str, object]:
    """Build every snapshot file from `shared` (the refdata folder) into `out`; returns the provenance."""
    catalog = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    built: dict[str, list[Row]] = {}
    provenance: dict[str, object] = {k: catalog[k] for k in ("version", "accessed", "row_convention")}
    files: dict[str, object] = {}
    for name, meta in catalog["files"].items():
        source = (HERE if meta.get("root") == "package" else shared) / meta["source_file"]
        if not source.exists():
            raise BuildError(f"{source} is missing")
        if name == "gdp_wdi_derived.csv":
            rows = wdi_gdp_derived(source, built["gdp_wdi.csv"])
        else:
            rows = BUILDERS[name](source)
        built[name] = rows
        data = to_csv(rows, SERIES_COLUMNS if rows and "series" in rows[0] else MEMBER_COLUMNS)
        (out / name).write_bytes(data)
        files[name] = {
            **meta,
            "accessed": meta.get("accessed", catalog["accessed"]),
            "source_sha256": sha256(source.read_bytes()),
            "rows": len(rows),
            "bytes": len(data),
            "sha256": sha256(data),
            "coverage": coverage(rows),
        }
    provenance["files"] = files
    (out / "PROVENANCE.json").write_text(
        json.dumps(provenance, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return provenance


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared refdata folder (with SOURCES.md)")
    parser.add_argument("--out", type=Path, default=SNAPSHOT, help="where to write the snapshot")
    args = parser.parse_args(argv)
    provenance = run(args.shared, args.out)
    files: dict[str, dict[str, object]] = provenance["files"]  # type: ignore[assignment]
    for name, meta in files.items():
        print(f"{name}: {meta['rows']} rows, {meta['bytes']:,} bytes")


if __name__ == "__main__":
    main()
