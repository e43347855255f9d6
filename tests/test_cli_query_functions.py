"""The library queries behind the CLI, on SQLite and PostgreSQL: every `count_x` agrees with its `list_x`,
names resolve to codes, outlets match by prefix in any case, `%` and `_` are literal, a country's forms
fold into one entity, claims carry their verdicts. Stories: five bundled VOA stories, really extracted."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sphere.cli import app
from sphere.store import queries
from test_cli_support import DEMO
from test_store_support import store_url  # noqa: F401


@pytest.fixture
def filled(store_url, tmp_path):  # noqa: F811
    lines = DEMO.read_text(encoding="utf-8").splitlines()[:5]
    path = tmp_path / "five.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", store_url, "-q"])
    assert result.exit_code == 0, result.output
    from sphere.store.engine import open_session

    with open_session(store_url) as session:
        yield session, [json.loads(line) for line in lines]


FILTERS = [
    ("claims", {}), ("claims", {"country": "China"}), ("claims", {"holder": "chinese", "measure": "loan"}),
    ("claims", {"outlet": "VOICE of"}), ("claims", {"text": "%"}), ("claims", {"text": "billion", "source": "a"}),
    ("events", {}), ("events", {"country": "kenyan"}), ("events", {"action": "accuse", "outlet": "voice"}),
    ("articles", {}), ("articles", {"country": "Djibouti"}), ("articles", {"text": "_"}),
    ("entities", {}), ("entities", {"country": "CHN"}), ("entities", {"kind": "capital"}),
    ("claim_facts", {}), ("claim_facts", {"country": "PRC", "min_stories": 1}),
    ("event_facts", {}), ("event_facts", {"actor": "China"}),
]


def test_counts_agree_with_lists(filled):
    session, _ = filled
    for kind, filters in FILTERS:
        listed = getattr(queries, f"list_{kind}")(session, **filters, limit=None)
        assert getattr(queries, f"count_{kind}")(session, **filters) == len(listed), (kind, filters)
        first = getattr(queries, f"list_{kind}")(session, **filters, limit=2)
        assert first == listed[:2], (kind, filters)


def test_names_outlets_and_literal_text(filled):
    session, records = filled
    every = queries.list_claims(session, limit=None)
    assert every and queries.list_claims(session, holder="China", limit=None) == [
        c for c in every if c.holder == "CHN"]
    assert len(queries.list_articles(session, outlet="voice of america", limit=None)) == len(records) == 5
    assert queries.list_articles(session, outlet="america", limit=None) == []  # a prefix, not any part
    assert [c.id for c in queries.list_claims(session, text="%", limit=None)] == [
        c.id for c in every if "%" in c.evidence]
    texts = {r["title"] for r in records if "_" in r["text"]}  # as a wildcard, _ would match all five
    assert {a.title for a in queries.list_articles(session, text="_", limit=None)} == texts


def test_entities_fold_forms_and_claims_carry_verdicts(filled):
    session, _ = filled
    china = [e for e in queries.list_entities(session, limit=None) if e.code == "CHN" and e.kind == "country"]
    assert len(china) == 1 and {"China", "Chinese"} <= set(china[0].forms)
    claims = queries.list_claims(session, limit=None)
    assert claims and all(c.verdict in ("consistent", "inconsistent", "unverifiable") for c in claims)
    facts = queries.list_claim_facts(session, limit=None)
    assert facts and all(f.verdict in ("consistent", "inconsistent", "unverifiable") for f in facts)
