"""`sphere demo`: the main job end to end on the bundled stories, stored in a SQLite file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sphere.cli import app
from sphere.demo import bundled_documents

runner = CliRunner()


def test_bundle_is_the_29_voa_stories():
    docs = list(bundled_documents())
    assert len(docs) == 29
    assert {d.source for d in docs} == {"Voice of America"}
    assert all(d.published and d.text for d in docs)


def test_demo_extracts_checks_stores_and_is_idempotent(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    first = runner.invoke(app, ["demo", "--db", db])
    assert first.exit_code == 0, first.output
    assert "29 stories, 2018-02-18 to 2019-03-22" in first.stdout
    assert "29 new articles, 0 already there" in first.stdout
    assert "Who did what to whom" in first.stdout
    second = runner.invoke(app, ["demo", "--db", db])
    assert second.exit_code == 0
    assert "0 new articles, 29 already there" in second.stdout
