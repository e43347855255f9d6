"""The bundled reference snapshot: provenance, determinism, exact values from the shared files, gaps."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from sphere.errors import NoData, UnknownCode
from sphere.refdata import build
from sphere.refdata.load import SNAPSHOT, load_reference

try:  # `tests` is importable when the project root is on sys.path, else conftest is top-level
    from tests.conftest import shared_path
except ImportError:  # pragma: no cover
    from conftest import shared_path


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def test_provenance_lists_every_file_with_matching_sha256():
    provenance = json.loads((SNAPSHOT / "PROVENANCE.json").read_text(encoding="utf-8"))
    csvs = {p.name for p in SNAPSHOT.glob("*.csv")}
    assert set(provenance["files"]) == csvs
    for name, meta in provenance["files"].items():
        data = (SNAPSHOT / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == meta["sha256"], name
        assert meta["rows"] == data.count(b"\n") - 1
        for key in ("publisher", "source_file", "origin", "licence", "accessed", "source_sha256"):
            assert meta[key], (name, key)
        assert meta["accessed"] in ("2026-11-29", "2026-11-30")  # first and third pass of the shared data


def test_snapshot_is_small():
    # 2.7 MB before the third pass; IMTS 2025 (every pair), DIP positions and UNGA ideal points add 1.5 MB
    assert sum(p.stat().st_size for p in SNAPSHOT.iterdir()) < 4_500_000


@pytest.mark.shared
def test_shipped_snapshot_equals_a_rebuild(tmp_path):
    shared = shared_path("refdata")
    build.run(shared, tmp_path)
    for path in SNAPSHOT.iterdir():
        if path.suffix in (".csv", ".json"):
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.shared
def test_source_checksums_match_the_shared_files():
    shared = shared_path("refdata")
    provenance = json.loads((SNAPSHOT / "PROVENANCE.json").read_text(encoding="utf-8"))
    for meta in provenance["files"].values():
        root = build.HERE if meta.get("root") == "package" else shared
        digest = hashlib.sha256((root / meta["source_file"]).read_bytes()).hexdigest()
        assert digest == meta["source_sha256"], meta["source_file"]


def test_unknown_source_name_stops_the_build(tmp_path):
    path = tmp_path / "lac.csv"
    path.write_text(
        "debtor_name,year,indicator_code,creditor_name,value_current_usd\n"
        "Atlantis,2023,DT.DOD.BLAT.CD,China,1.0\n",
        encoding="utf-8",
    )
    with pytest.raises(build.BuildError, match="Atlantis.*names.csv"):
        build.ids_lac(path)


def test_numbers_are_scaled_exactly():
    assert build.number("48767.297", 10**6) == "48767297000"
    assert build.number("1409570895.9") == "1409570895.9"
    assert build.number("7.64804e+08") == "764804000"


def test_bolivia_bilateral_debt_owed_to_china_2023(ref):
    value = ref.get("ids_debt_china_bilateral", "BOL", "CHN", 2023)
    assert value.value == 1409570895.9
    assert value.publisher == "World Bank"
    assert value.source_file == "debt/ids_lac_ppg_bilateral_debt_owed_to_china_2015_2024_one.csv"
    assert value.source_row == "122"  # line 123 of the source: Bolivia,2023,DT.DOD.BLAT.CD,China,1409570895.9


def test_trade_values_are_in_usd(ref):
    assert ref.get("dots_exports", "BRA", "CHN", 2020).value == 68376571000.0
    assert ref.get("comtrade_imports", "CHN", "BRA", 2023).value == 122490613944.0


def test_cgit_bolivia_cumulative(ref):
    total, rows = ref.cumulative(["cgit_investment", "cgit_construction"], "CHN", "BOL", through=2024)
    assert total == 5_810_000_000.0
    assert len(rows) == 10


def test_gaps_are_none_not_zero(ref):
    assert ref.get("dots_exports", "BOL", "CHN", 2021) is None
    assert 2021 not in ref.values("dots_exports", "BOL", "CHN")
    assert ref.get("comtrade_imports", "CHN", "BRA", 2024) is None  # imports from Brazil end in 2023
    with pytest.raises(NoData, match="years with data: 1991-2020"):
        ref.require("dots_exports", "BOL", "CHN", 2023)


def test_unknown_series_lists_valid_ones(ref):
    with pytest.raises(UnknownCode, match="dots_exports"):
        ref.check_series("dots_export")


def test_memberships_as_of_a_date(ref):
    assert ref.members("BRICS", date(2025, 2, 20)) == [
        "ARE",
        "BRA",
        "CHN",
        "EGY",
        "ETH",
        "IDN",
        "IND",
        "IRN",
        "RUS",
        "ZAF",
    ]
    assert "IDN" not in ref.members("BRICS", date(2024, 12, 31))
    assert "BOL" in ref.members("BRICS", date(2025, 2, 20), statuses=("partner",))
    assert "PAN" in ref.members("BRI", date(2025, 1, 1))
    assert "PAN" not in ref.members("BRI", date(2025, 6, 1))
    assert "ITA" not in ref.members("BRI", date(2024, 1, 1))
    with pytest.raises(UnknownCode, match="BRICS"):
        ref.members("QUAD", date(2025, 1, 1))


def test_coverage_table(ref):
    cov = ref.coverage().set_index(["series", "snapshot_file"])
    row = cov.loc[("dots_exports", "trade_dots.csv")]
    assert (row.first_year, row.last_year, row.publisher) == (1990, 2020, "IMF DOTS")
