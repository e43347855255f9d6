"""`sphere extract` and `sphere eval` from the command line: formats, bad input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import shared_path
from typer.testing import CliRunner

from sphere.cli import app
from sphere.demo import bundled_documents

runner = CliRunner()


def _story() -> str:
    doc = next(d for d in bundled_documents() if "cpec" in d.id)
    return doc.text


def test_extract_json_one_line_per_article(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "cpec", "text": _story(), "published": "2018-10-08", "extra": 1}) + "\n")
    result = runner.invoke(app, ["extract", "--format", "json", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert {"id", "title", "published", "entities", "claims", "events", "quotes"} <= set(rec)
    assert rec["id"] == "cpec" and rec["published"] == "2018-10-08"
    claim = next(c for c in rec["claims"] if c["measure"] == "investment" and c["value"] == 19e9)
    assert (claim["holder"], claim["counterpart"], claim["approx"]) == ("CHN", "PAK", "over")
    assert "processed 1 article" in result.stderr


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path):
    (tmp_path / "good.txt").write_text(_story())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "spanish.txt").write_text(
        "El gobierno de Bolivia anunció que la deuda con China supera los mil millones de dólares, según los datos "
        "del Banco Mundial, y que las inversiones de las empresas chinas en el país son cada vez más grandes.")
    (tmp_path / "lines.jsonl").write_text('{"id": "x", "text": "ok"\n')
    result = runner.invoke(app, ["extract", "--format", "json", str(tmp_path)])
    assert result.exit_code == 0
    err = result.stderr
    assert "empty.txt: empty text" in err
    assert "binary.txt: binary file, not text" in err
    assert "spanish.txt: not English (looks like Spanish)" in err
    assert "lines.jsonl:1: malformed JSON" in err
    assert "processed 1 article, skipped 4" in err
    assert "Traceback" not in result.output + err
    strict = runner.invoke(app, ["extract", "--format", "json", "--strict", str(tmp_path)])
    assert strict.exit_code == 1


def test_nothing_processed_exits_non_zero(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), "http://127.0.0.1:9/none"])
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr
    assert "processed 0 articles, skipped 2" in result.stderr


def test_bad_options_list_valid_values(tmp_path: Path):
    result = runner.invoke(app, ["extract", "--format", "xml", "-"])
    assert result.exit_code == 2
    assert "valid: json, text" in result.output + result.stderr


def test_text_rendering(tmp_path: Path):
    (tmp_path / "story.txt").write_text(_story())
    result = runner.invoke(app, ["extract", "--published", "2018-10-08", str(tmp_path / "story.txt")])
    assert result.exit_code == 0
    assert "Claims" in result.stdout and "investment" in result.stdout


def test_eval_command_reports_breakdowns():
    gold = shared_path("eval", "dev.jsonl")
    result = runner.invoke(app, ["eval", str(gold), "--details"])
    assert result.exit_code == 0, result.output
    assert "claims by measure" in result.stdout and "events by action" in result.stdout
    assert "MISS" in result.stdout or "EXTRA" in result.stdout
