"""A real store for the CLI tests: the 29 bundled VOA stories and a few Reuters-21578 stories, ingested,
extracted and verified by `sphere ingest` exactly as a user would (built once per test session).

The Reuters stories are the ones the README's Reuters examples speak of: Bolivia's and Brazil's debt in
March 1987 and the United States threatening Japan with tariffs in April 1987. Without ../shared the store
holds the VOA stories only, and tests that need Reuters skip.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sphere.cli import app

DEMO = Path(__file__).resolve().parents[1] / "src" / "sphere" / "demo" / "data" / "voa_belt_and_road.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared"
# Reuters-21578 story ids (NEWID) by file: Bolivia's debt, Brazil's debt, US tariff threats against Japan.
REUTERS = {"reut2-004.sgm": {"4226", "4548", "4764"}, "reut2-009.sgm": {"9591"},
           "reut2-011.sgm": {"11198"}, "reut2-016.sgm": {"16088"}}


@dataclass(frozen=True)
class Store:
    db: str  # SQLite file
    reuters: bool  # whether the Reuters stories are in it


def reuters_records() -> list[dict]:
    """The chosen Reuters stories as JSONL records (read by sphere's own Reuters reader)."""
    from sphere.config import get_settings
    from sphere.models import Document
    from sphere.sources.reuters import read_reuters

    records = []
    for name, ids in REUTERS.items():
        path = SHARED / "corpora" / "reuters21578" / name
        for doc in read_reuters(path.read_text(encoding="latin-1"), origin=str(path), settings=get_settings()):
            if isinstance(doc, Document) and doc.id.removeprefix("reuters-") in ids:
                records.append({"id": doc.id, "title": doc.title, "text": doc.text, "source": doc.source,
                                "published": doc.published.isoformat() if doc.published else None})
    return records


def build_store(folder: Path) -> Store:
    sources = [str(DEMO)]
    reuters = (SHARED / "corpora" / "reuters21578").is_dir()
    if reuters:
        path = folder / "reuters.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in reuters_records()), encoding="utf-8")
        sources.append(str(path))
    db = str(folder / "store.db")
    result = CliRunner().invoke(app, ["ingest", *sources, "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return Store(db=db, reuters=reuters)


_BUILT: list[Store] = []  # one store per test session, whichever module asks first


@pytest.fixture(scope="session")
def cli_store(tmp_path_factory) -> Store:
    if not _BUILT:
        _BUILT.append(build_store(tmp_path_factory.mktemp("cli-store")))
    return _BUILT[0]


def test_the_queries_name_the_schema_s_tables_and_columns():
    """The queries name tables without the ORM schema (for start-up time); they name exactly its columns."""
    from sphere.store import queries
    from sphere.store.schema import Base

    for light in queries.TABLES:
        mapped = Base.metadata.tables[light.__tablename__]
        assert [c.name for c in light.table.columns] == [c.name for c in mapped.columns], light.__tablename__


@pytest.mark.parametrize("argv", [["claims", "--help"], ["scenario", "tariff", "--help"], ["db", "--help"],
                                  ["refdata", "list", "--help"], ["eval", "--help"]])
def test_the_command_alone_answers_as_the_whole_app_does(argv):
    """`sphere NAME` builds only NAME (start-up time); what it prints is what the whole app prints."""
    from sphere.cli import app_for

    alone, whole = CliRunner().invoke(app_for(argv), argv), CliRunner().invoke(app, argv)
    assert len(app_for(argv).registered_commands) + len(app_for(argv).registered_groups) == 1
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output) and "Usage: sphere" in alone.output


def test_no_command_or_an_unknown_one_gets_the_whole_app():
    from sphere.cli import app_for

    assert app_for([]) is app and app_for(["--help"]) is app and app_for(["nosuch"]) is app
