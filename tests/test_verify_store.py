"""Verdicts in the SQLite store: migration 0002 creates the tables; store_verdicts writes one per claim."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from sphere.refdata.load import load_reference
from sphere.refdata.tables import ClaimVerdictRow, RefSeriesRow, load_into_store
from sphere.store.engine import connect, session_factory
from sphere.store.schema import Article, ClaimRow, Story
from sphere.verify.store import store_verdicts, stored_verdicts

NOW = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)


@pytest.fixture
def session(tmp_path):
    engine = connect(f"sqlite:///{tmp_path / 'store.db'}")
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def add_article(session, claims: list[dict]) -> int:
    story = Story(title="t", created_at=NOW)
    session.add(story)
    session.flush()
    article = Article(
        content_hash="h" * 64,
        story_id=story.id,
        doc_id="seed-bolivia",
        title="t",
        published=dt.date(2025, 2, 20),
        seen_on=dt.date(2025, 2, 20),
        text="x",
        n_chars=1,
        extractor_version="test",
        ingested_at=NOW,
    )
    session.add(article)
    session.flush()
    for c in claims:
        session.add(
            ClaimRow(
                article_id=article.id,
                story_id=story.id,
                seen_on=article.seen_on,
                char_start=0,
                char_end=1,
                extractor_version="test",
                current=True,
                approx=c.pop("approx", "exact"),
                modality="actual",
                value_text="",
                confidence=0.9,
                evidence="e",
                relative_to=None,
                year=None,
                **c,
            )
        )
    session.flush()
    return article.id


def test_migration_creates_reference_tables(session):
    tables = set(inspect(session.get_bind()).get_table_names())
    assert {"ref_series", "claim_verdicts"} <= tables


def test_store_verdicts_writes_one_row_per_claim(session):
    article_id = add_article(
        session,
        [
            dict(
                measure="debt",
                holder="BOL",
                counterpart="CHN",
                value=1.7e9,
                unit="USD",
                approx="over",
                source="World Bank",
            ),
            dict(measure="investment", holder="CHN", counterpart="BOL", value=6e9, unit="USD", source=None),
        ],
    )
    assert store_verdicts(session, article_id) == 2
    assert store_verdicts(session, article_id) == 2  # re-verifying replaces, never duplicates
    rows = session.scalars(select(ClaimVerdictRow).order_by(ClaimVerdictRow.claim_id)).all()
    assert [r.verdict for r in rows] == ["unverifiable", "consistent"]
    assert rows[0].reference_value == 1286820081.0 and rows[0].coverage == "partial"
    assert rows[1].reference_value == 5_810_000_000.0 and rows[1].source_differs is None
    found = stored_verdicts(session, country="BOL")
    assert len(found) == 2 and found[0][2] == dt.date(2025, 2, 20)


def test_load_into_store_copies_every_value(session):
    ref = load_reference()
    count = load_into_store(session, ref)
    assert count == len(ref.series)
    row = session.scalars(
        select(RefSeriesRow).where(
            RefSeriesRow.series == "ids_debt_china_bilateral",
            RefSeriesRow.reporter == "BOL",
            RefSeriesRow.year == 2023,
        )
    ).one()
    assert (row.value, row.source_row, row.publisher) == (1409570895.9, "122", "World Bank")


def test_scorecard_reads_events_and_news_claims_from_the_store(session):
    from sphere.analysis.scorecard import scorecard
    from sphere.knowledge import load_knowledge
    from sphere.store.schema import EventRow

    article_id = add_article(
        session,
        [dict(measure="investment", holder="CHN", counterpart="BOL", value=6e9, unit="USD", source="AEI")],
    )
    story_id = session.get(Article, article_id).story_id
    for actor, action, target in (
        ("CHN", "CONSULT", "BOL"),
        ("BOL", "COOPERATE", "BRICS"),
        ("USA", "THREATEN", "BOL"),
    ):
        session.add(
            EventRow(
                article_id=article_id,
                story_id=story_id,
                seen_on=dt.date(2025, 2, 20),
                actor=actor,
                action=action,
                target=target,
                day=dt.date(2025, 2, 18),
                score=0.0,
                evidence="e",
                confidence=0.9,
                char_start=0,
                char_end=1,
                extractor_version="test",
                current=True,
            )
        )
    store_verdicts(session, article_id)
    card = scorecard(
        "BOL",
        ref=load_reference(),
        knowledge=load_knowledge(),
        as_of=dt.date(2025, 2, 20),
        session=session,
        event_since=dt.date(2025, 1, 1),
        event_until=dt.date(2025, 12, 31),
    )
    assert [(e.partner, e.action, e.score, e.count) for e in card.events] == [
        ("CHN", "CONSULT", 1.0, 1),
        ("USA", "THREATEN", -3.5, 1),
    ]
    assert [c.verdict.verdict for c in card.claims] == ["consistent"]
    assert card.claims[0].verdict.reference_value == 5_810_000_000.0


def test_stored_period_and_since_are_read_by_verification(session):
    # "Chinese firms have invested $20 billion in Argentina since 2013": the stored period decides the sum
    article_id = add_article(
        session,
        [
            dict(
                measure="investment", holder="CHN", counterpart="ARG", value=20e9, unit="USD", source="AEI",
                period="cumulative", since=2013,
            )
        ],
    )
    assert store_verdicts(session, article_id, ref=load_reference()) == 1
    row = session.scalars(select(ClaimVerdictRow)).one()
    assert row.verdict == "consistent"
    assert row.reference_value == pytest.approx(20.02e9)
    assert "2013-2024" in row.year_note
