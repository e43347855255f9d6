"""Queries, the CLI over them (table, json, csv), export, stats and re-extraction."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from sphere.errors import ConfigError
from sphere.models import ArticleResult, Claim, Entity, Event
from sphere.store import queries
from sphere.store.export import export_store
from sphere.store.ingest import ingest_documents
from sphere.store.reextract import reextract
from sphere.store.schema import ClaimRow
from test_store_support import doc, session, store_url, stub_extract  # noqa: F401

BOLIVIA = "Bolivia owes China 1.7 billion dollars, the World Bank said. China and Bolivia signed a deal."
PANAMA = "Panama left the Belt and Road Initiative, the foreign ministry said on Thursday in Panama City."


def bolivia(d) -> ArticleResult:
    return ArticleResult(
        id=d.id, extractor_version="t1",
        entities=[Entity(text="Bolivia", start=0, end=7, code="BOL", kind="country", name="Bolivia"),
                  Entity(text="China", start=13, end=18, code="CHN", kind="country", name="China")],
        claims=[Claim(measure="debt", holder="BOL", counterpart="CHN", value=1.7e9, unit="USD", year=2024,
                      source="World Bank", evidence=BOLIVIA[:59], start=0, end=59)],
        events=[Event(actor="CHN", action="AGREE", target="BOL", evidence=BOLIVIA[60:], start=60,
                      end=len(BOLIVIA))],
    )


def panama(d) -> ArticleResult:
    return ArticleResult(
        id=d.id, extractor_version="t1",
        entities=[Entity(text="Panama", start=0, end=6, code="PAN", kind="country", name="Panama")],
        events=[Event(actor="PAN", action="REJECT", target="BRI", date=dt.date(2025, 2, 6), membership="leave",
                      evidence=PANAMA, start=0, end=len(PANAMA))],
    )


@pytest.fixture
def filled(session):  # noqa: F811
    docs = [doc(BOLIVIA, id="b", source="Reuters", published=dt.date(2025, 2, 20), title="Bolivia debt"),
            doc(PANAMA, id="p", source="VOA", published=dt.date(2025, 2, 7), title="Panama leaves BRI")]
    ingest_documents(docs, session=session, extract=lambda d: bolivia(d) if d.id == "b" else panama(d),
                     verify=False)
    return session


def test_claims_filters(filled):
    s = filled
    assert [c.value for c in queries.list_claims(s, country="bol")] == [1.7e9]
    assert queries.list_claims(s, holder="CHN") == []
    assert len(queries.list_claims(s, counterpart="CHN", measure="debt", year=2024)) == 1
    assert len(queries.list_claims(s, source="world bank", text="owes")) == 1
    assert queries.list_claims(s, outlet="voa") == [] and len(queries.list_claims(s, outlet="reuters")) == 1
    assert queries.list_claims(s, since=dt.date(2025, 3, 1)) == []
    claim = queries.list_claims(s)[0]
    assert BOLIVIA[claim.start:claim.end] == claim.evidence and claim.outlet == "Reuters"
    with pytest.raises(ConfigError, match="valid: aid, debt"):
        queries.list_claims(s, measure="debts")


def test_events_entities_articles_filters(filled):
    s = filled
    assert [e.action for e in queries.list_events(s, country="PAN")] == ["REJECT"]
    assert [e.day for e in queries.list_events(s, actor="CHN")] == [dt.date(2025, 2, 20)]  # undated: article date
    assert queries.list_events(s, target="BRI", until=dt.date(2025, 2, 1)) == []
    assert len(queries.list_event_facts(s, action="agree")) == 1
    assert {e.code for e in queries.list_entities(s)} == {"BOL", "CHN", "PAN"}
    assert [e.mentions for e in queries.list_entities(s, country="CHN")] == [1]
    assert [a.title for a in queries.list_articles(s)] == ["Bolivia debt", "Panama leaves BRI"]
    assert [a.title for a in queries.list_articles(s, country="PAN", outlet="VOA")] == ["Panama leaves BRI"]
    assert [a.title for a in queries.list_articles(s, text="Belt and Road")] == ["Panama leaves BRI"]
    stats = queries.stats(s)
    assert (stats.articles, stats.stories, stats.outlets, stats.extractor_versions) == (2, 2, 2, {"t1": 2})
    assert (stats.first_published, stats.last_published) == (dt.date(2025, 2, 7), dt.date(2025, 2, 20))


def test_export_every_format(filled, tmp_path):
    for fmt in ("parquet", "csv", "jsonl"):
        written = export_store(filled, out=tmp_path / fmt, format=fmt)
        assert {"articles", "claims", "events", "claim_facts", "stories"} <= set(written)
        assert "lsh_bands" not in written
        claims = written["claims"]
        if fmt == "parquet":
            rows = pq.read_table(claims).to_pylist()
        elif fmt == "csv":
            rows = list(csv.DictReader(claims.open()))
        else:
            rows = [json.loads(line) for line in claims.open()]
        assert len(rows) == 1 and float(rows[0]["value"]) == 1.7e9


def test_reextract_supersedes_then_prunes(filled):
    s = filled

    def better(d):
        result = bolivia(d) if d.id == "b" else panama(d)
        claims = [c.model_copy(update={"value": 1.8e9}) for c in result.claims]
        return result.model_copy(update={"extractor_version": "t2", "claims": claims})

    report = reextract(s, extract=better, version="t2", verify=False)
    assert report.articles == 2
    assert [c.value for c in queries.list_claims(s)] == [1.8e9]
    assert [(f.value, f.n_stories) for f in queries.list_claim_facts(s)] == [(1.8e9, 1)]  # the 1.7e9 fact is gone
    assert s.scalar(select(func.count()).select_from(ClaimRow)) == 2  # the old row kept until pruned
    assert reextract(s, extract=better, version="t2", verify=False).articles == 0  # already current
    assert queries.stats(s).extractor_versions == {"t2": 2}
    report = reextract(s, extract=better, version="t2", prune_old=True, verify=False)
    assert report.pruned == 6 and queries.stats(s).superseded_rows == 0  # t1: 3 entities, 1 claim, 2 events


@pytest.fixture
def cli_db(tmp_path, monkeypatch):
    import sphere.nlp.pipeline as pipeline
    from test_store_support import install_stub

    for name in ("extract_document", "extract_documents", "EXTRACTOR_VERSION"):
        monkeypatch.setattr(pipeline, name, getattr(pipeline, name))  # restored after the test
    install_stub()
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t, "source": "Wire", "published": "2025-02-20"}) + "\n"
                            for i, t in enumerate([BOLIVIA, PANAMA])))
    db = str(tmp_path / "cli.db")
    from sphere.cli import app

    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--no-verify", "-q"])
    assert result.exit_code == 0, result.output
    return db


def run(*args):
    from sphere.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_formats(cli_db):
    as_json = json.loads(run("claims", "--db", cli_db, "--country", "USA", "--format", "json").stdout)
    assert len(as_json) == 2 and {c["holder"] for c in as_json} == {"USA"}
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", cli_db, "--format", "csv").stdout)))
    assert len(rows) == 2 and rows[0]["action"] == "ACCUSE"
    table = run("articles", "--db", cli_db)
    assert table.exit_code == 0 and "Wire" in table.stdout
    assert run("entities", "--db", cli_db, "--format", "json").exit_code == 0
    facts = json.loads(run("claims", "--db", cli_db, "--facts", "--format", "json").stdout)
    assert facts and all("conflicts" in f for f in facts)
    assert json.loads(run("stats", "--db", cli_db, "--format", "json").stdout)["articles"] == 2


def test_cli_bad_options_are_one_line(cli_db):
    result = run("claims", "--db", cli_db, "--measure", "debts")
    assert result.exit_code == 2 and "valid:" in result.output and "Traceback" not in result.output
    assert run("claims", "--db", cli_db, "--since", "yesterday").exit_code == 2
    assert run("claims", "--db", cli_db, "--format", "xml").exit_code == 2


def test_cli_export_and_reextract(cli_db, tmp_path):
    result = run("export", "--db", cli_db, "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0 and (tmp_path / "out" / "claims.jsonl").exists()
    result = run("reextract", "--db", cli_db, "--force", "--prune-old", "--no-verify")
    assert result.exit_code == 0 and "re-extracted 2 articles" in result.output
