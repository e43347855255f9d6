"""Connectors, tested offline against recorded answers in each API's documented JSON shape
(tests/data/refdata/README.md says how they were made)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphere.errors import ConfigError, ConnectorError
from sphere.refdata.connectors import comtrade, connector, imf, parse_years, run_update, worldbank
from sphere.refdata.load import SNAPSHOT, ReferenceData

DATA = Path(__file__).parent / "data" / "refdata"


def answer(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def snapshot(tmp_path):
    folder = tmp_path / "snapshot"
    shutil.copytree(SNAPSHOT, folder)
    return folder


def test_wdi_maps_a_recorded_page():
    rows = worldbank.WDI().to_rows(worldbank.flatten(answer("wdi_gdp_page.json")))
    assert rows[0] == {
        "series": "wdi_gdp",
        "reporter": "BOL",
        "partner": "",
        "year": "2022",
        "value": "44008282879.884224",
        "unit": "USD",
        "source_row": "api#1",
    }


def test_ids_maps_china_counterpart_and_keeps_gaps():
    rows = worldbank.IDS().to_rows(worldbank.flatten(answer("ids_bol_china_page.json")))
    assert [(r["reporter"], r["partner"], r["year"], r["value"]) for r in rows] == [
        ("BOL", "CHN", "2023", "1409570895.9"),
        ("BOL", "CHN", "2024", "1286820081"),
    ]  # 2025 is null: a gap


def test_comtrade_maps_mirror_flows():
    rows = comtrade.Comtrade("key").to_rows(comtrade.records(answer("comtrade_mirror_bra.json")))
    assert [(r["series"], r["reporter"], r["partner"], r["year"], r["value"]) for r in rows] == [
        ("comtrade_imports", "CHN", "BRA", "2023", "122490613944"),
        ("comtrade_imports", "USA", "BRA", "2023", "40998269163"),
        ("comtrade_exports", "CHN", "BRA", "2024", "72073827084"),
    ]


def test_comtrade_error_answer_is_loud():
    with pytest.raises(ConnectorError, match="quota"):
        comtrade.records({"error": "quota exceeded", "data": None})


def test_imf_maps_compact_data_in_millions():
    rows = imf.IMF().to_rows(imf.flatten(answer("imf_dots_bra.json")))
    assert [(r["series"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("dots_exports", "BRA", "CHN", "68376571000"),
        ("dots_exports", "BRA", "USA", "21676568000"),
        ("dots_imports", "BRA", "CHN", "36076179000"),
    ]


def test_mapping_failure_names_the_field_and_code():
    with pytest.raises(ConnectorError) as info:
        worldbank.WDI().to_rows(worldbank.flatten(answer("wdi_unmapped_page.json")))
    message = str(info.value)
    assert "series='NE.EXP.GNFS.CD' has no series mapping" in message
    assert "economy='1W'" in message


def test_missing_field_is_named():
    with pytest.raises(ConnectorError, match="missing field.*primaryValue"):
        comtrade.Comtrade("key").to_rows(
            [{"reporterISO": "CHN", "partnerISO": "BRA", "refYear": 2023, "flowCode": "M"}]
        )


def test_update_writes_live_file_and_provenance(snapshot):
    records = worldbank.flatten(answer("ids_bol_china_page.json"))
    assert worldbank.IDS().update(range(2023, 2025), snapshot=snapshot, records=records) == 2
    provenance = json.loads((snapshot / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert provenance["files"]["live_ids.csv"]["publisher"] == "World Bank"
    ref = ReferenceData(snapshot)
    value = ref.get("ids_debt_china_bilateral", "BOL", "CHN", 2023)
    assert value.value == 1409570895.9 and value.snapshot_file == "live_ids.csv"


def test_no_network_leaves_the_snapshot_untouched(snapshot, monkeypatch):
    before = {p.name: p.read_bytes() for p in snapshot.iterdir()}
    monkeypatch.setenv("SPHERE_OFFLINE", "1")
    for name in ("wdi", "ids", "imf"):
        with pytest.raises(ConnectorError, match="no network"):
            run_update(name, snapshot=snapshot)
    assert {p.name: p.read_bytes() for p in snapshot.iterdir()} == before


def test_unreachable_host_is_a_connector_error(snapshot, monkeypatch):
    monkeypatch.delenv("SPHERE_OFFLINE", raising=False)
    source = imf.IMF()
    source.base_url = "http://127.0.0.1:9/REST"  # nothing listens on the discard port
    before = (snapshot / "PROVENANCE.json").read_bytes()
    with pytest.raises(ConnectorError, match="unreachable.*unchanged"):
        source.update(range(2020, 2021), snapshot=snapshot)
    assert (snapshot / "PROVENANCE.json").read_bytes() == before


def test_comtrade_needs_a_key(monkeypatch):
    monkeypatch.delenv("SPHERE_OFFLINE", raising=False)
    with pytest.raises(ConnectorError, match="SPHERE_COMTRADE_KEY"):
        comtrade.Comtrade(None).fetch(range(2023, 2024))


def test_bad_source_and_years():
    with pytest.raises(ConfigError, match="comtrade"):
        connector("bea")
    with pytest.raises(ConfigError, match="2015-2024"):
        parse_years("soon")
    assert parse_years("2020-2022") == range(2020, 2023)
