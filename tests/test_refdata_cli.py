"""The commands of the reference stage: refdata list, verify, country, rank, scenario tariff."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sphere.cli import app
from sphere.errors import RefdataError

try:  # `tests` is importable when the project root is on sys.path, else conftest is top-level
    from tests.conftest import shared_path
except ImportError:  # pragma: no cover
    from conftest import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def knowledge():
    from sphere.knowledge import load_knowledge

    try:
        return load_knowledge()
    except RefdataError as exc:
        pytest.skip(f"sphere.knowledge cannot be loaded: {exc}")


def test_refdata_list_json():
    result = runner.invoke(app, ["refdata", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["version"] == "2026-11-30"
    assert {s["series"] for s in data["series"]} >= {
        "dots_exports",
        "ids_debt_china_bilateral",
        "cgit_investment",
    }
    assert data["files"]["investment_cgit.csv"]["publisher"].startswith("American Enterprise Institute")


def test_refdata_list_text():
    result = runner.invoke(app, ["refdata", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "dots_exports" in result.output and "BRICS" in result.output


@pytest.mark.shared
def test_verify_file_json():
    path = shared_path("eval", "dev.jsonl")
    result = runner.invoke(app, ["verify", str(path), "--id", "seed-bolivia", "--format", "json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output.splitlines()[0])
    assert [v["verdict"] for v in article["verdicts"]][:2] == ["unverifiable", "consistent"]


def test_verify_bad_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", str(path)])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output


def test_verify_store(tmp_path):
    result = runner.invoke(app, ["verify", "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json"])
    assert result.exit_code == 0, result.output


def test_refdata_update_without_network(tmp_path, monkeypatch):
    monkeypatch.setenv("SPHERE_OFFLINE", "1")
    result = runner.invoke(app, ["refdata", "update", "--source", "wdi", "--snapshot", str(tmp_path)])
    assert result.exit_code == 2
    assert "network" in result.output


def test_refdata_update_unknown_source():
    result = runner.invoke(app, ["refdata", "update", "--source", "bea"])
    assert result.exit_code == 2 and "comtrade" in result.output


def test_country_json(knowledge):
    result = runner.invoke(
        app, ["country", "BOL", "--as-of", "2025-02-20", "--since", "2018", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["code"] == "BOL" and -100 <= card["tilt"]["index"] <= 100


def test_country_text_and_plot(knowledge, tmp_path):
    result = runner.invoke(
        app,
        ["country", "bra", "--as-of", "2025-02-20", "--plot", str(tmp_path / "b.svg")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "tilt index" in result.output and (tmp_path / "b.svg").exists()


def test_country_unknown_code(knowledge):
    result = runner.invoke(app, ["country", "XXX"])
    assert result.exit_code == 2 and "unknown country code" in result.output and "BOL" in result.output


def test_rank_and_scenario(knowledge):
    result = runner.invoke(app, ["rank", "--region", "latam", "--as-of", "2025-02-20", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0])["rank"] == 1
    result = runner.invoke(
        app,
        [
            "scenario",
            "tariff",
            "--imposer",
            "USA",
            "--targets",
            "BRICS",
            "--rate",
            "100",
            "--on",
            "2025-02-20",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "ZAF" in json.loads(result.output)["targets"]
    result = runner.invoke(app, ["scenario", "tariff", "--rate", "-3"])
    assert result.exit_code == 2 and "rate" in result.output
