"""Ingest: idempotent, one transaction per article, near-duplicate stories, facts counted once per story."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

import sphere.verify
from sphere.ingest import ingest_documents
from sphere.models import ArticleResult, Claim, Event
from sphere.store import consolidate, queries
from sphere.store.schema import (
    EXTRACTED,
    Article,
    ArticleSource,
    ClaimFact,
    ClaimRow,
    EntityMention,
    EventFact,
    Story,
)
from test_store_support import doc, reuters_documents, session, store_url, stub_extract  # noqa: F401

WIRE = (
    "China agreed on Tuesday to lend Bolivia 1.7 billion dollars for new roads, officials said.\n\n"
    "The loan is the largest Bolivia has taken from a single country in a decade.\n\n"
    "Critics in La Paz said the terms were not made public and warned about the country's debt."
)


def count(session, table) -> int:  # noqa: F811
    return session.scalar(select(func.count()).select_from(table))


def counts(session) -> dict[str, int]:  # noqa: F811
    return {t.__tablename__: count(session, t) for t in (Story, Article, ArticleSource, *EXTRACTED)}


def ingest(session, docs, **options):  # noqa: F811
    options.setdefault("verify", False)
    return ingest_documents(docs, session=session, extract=stub_extract, **options)


def test_ingesting_again_stores_nothing_new(session):  # noqa: F811
    docs = [doc(f"Story {i}: the United States said trade with Japan reached {i}00 dollars.", id=str(i))
            for i in range(5)]
    first = ingest(session, docs)
    before = counts(session)
    second = ingest(session, docs)
    assert (first.stored, second.stored, second.duplicates) == (5, 0, 5)
    assert counts(session) == before
    assert before["articles"] == before["claims"] == before["events"] == 5


def test_same_text_from_another_outlet_is_one_article_with_two_sources(session):  # noqa: F811
    ingest(session, [doc(WIRE, source="Reuters")])
    report = ingest(session, [doc(WIRE + "\n", source="AP", url="https://ap.example/x")])  # same normalised text
    assert (report.stored, report.new_sources) == (0, 1)
    assert count(session, Article) == 1 and count(session, ArticleSource) == 2
    assert queries.list_claim_facts(session)[0].n_outlets == 2


def test_database_error_rolls_back_that_article_only(session, monkeypatch):  # noqa: F811
    original = consolidate.refresh_event_facts

    def failing(session, *, fact_ids):  # noqa: F811
        written = session.scalar(select(func.count()).select_from(ClaimRow).join(Article).where(Article.doc_id == "bad"))
        if written:  # the poisoned article's rows are written: now a real database error
            session.execute(text("SELECT * FROM no_such_table"))
        return original(session, fact_ids=fact_ids)

    monkeypatch.setattr(consolidate, "refresh_event_facts", failing)
    docs = [doc(f"Article {i} about trade worth {i} dollars.", id=str(i)) for i in range(3)]
    docs.insert(1, doc("A poison article of 99 dollars.", id="bad"))
    report = ingest(session, docs)
    assert report.stored == 3 and len(report.errors) == 1
    assert "database error, article rolled back" in report.errors[0][1]
    assert counts(session) == {"stories": 3, "articles": 3, "article_sources": 3, "entity_mentions": 3,
                               "claims": 3, "events": 3, "quotes": 3}
    assert count(session, ClaimFact) == 3  # the fact the poisoned article created is gone too


def test_offsets_outside_the_text_are_refused(session):  # noqa: F811
    bad = ArticleResult(id="x", extractor_version="t", claims=[Claim(
        measure="debt", holder="BOL", counterpart="CHN", value=1.0, unit="USD", evidence="x", start=0, end=999)])
    report = ingest_documents([doc("Short text.")], session=session, extract=lambda d: bad, verify=False)
    assert report.stored == 0 and "outside the article" in report.errors[0][1]
    assert count(session, Article) == 0


def test_input_errors_are_reported_and_skipped(session):  # noqa: F811
    from sphere.errors import InputError

    report = ingest(session, [InputError("a.txt", "not English"), doc("   "), doc(WIRE)])
    assert report.stored == 1 and [e[1] for e in report.errors] == ["not English", "empty text"]


def test_verification_runs_in_the_article_transaction(session, monkeypatch):  # noqa: F811
    calls = []

    def store_verdicts(s, article_id):
        calls.append((article_id, s.scalar(select(func.count()).select_from(ClaimRow)
                                           .where(ClaimRow.article_id == article_id))))
        return 1

    monkeypatch.setattr(sphere.verify, "store_verdicts", store_verdicts, raising=False)
    report = ingest(session, [doc(WIRE)], verify=True)
    assert report.verdicts == 1 and calls == [(1, 1)]  # the article's claims were visible to it
    ingest(session, [doc(WIRE + " More.")], verify=False)
    assert len(calls) == 1

    def broken(s, article_id):
        s.execute(text("SELECT * FROM no_such_table"))

    monkeypatch.setattr(sphere.verify, "store_verdicts", broken)
    report = ingest(session, [doc("Another story entirely, 5 dollars.")], verify=True)
    assert report.stored == 1 and "verification skipped" in report.warnings[0][1]


def wire_variants(story, n: int) -> list:
    """`n` republications of a wire story by distinct outlets: new headline, last paragraph cut, boilerplate."""
    paragraphs = story.text.split("\n\n")
    variants = []
    for i in range(n):
        kept = paragraphs[:-1] if i % 2 and len(paragraphs) > 2 else paragraphs
        outlet = f"Example Times {i}"
        body = "\n\n".join(kept)
        if i % 3 == 0:
            body = f"(WIRE SERVICE) -- {body}"
        body += f"\n\nRead more: https://news{i}.example/world\n\nCopyright 2026 {outlet}. All rights reserved."
        variants.append(doc(body, id=f"v{i}", source=outlet, title=f"{story.title} ({outlet} headline {i})",
                            published=story.published + dt.timedelta(days=i % 4), url=f"https://news{i}.example/a"))
    return variants


@pytest.mark.shared
def test_one_kidnapping_is_not_366(session):  # noqa: F811
    from sphere.store.dedup import signature, similarity

    stories = [d for d in reuters_documents(files=3) if "DEBT" in (d.title or "") and len(d.text) > 1200]
    wire = stories[0]
    other = next(d for d in stories[1:] if similarity(signature(d.text), signature(wire.text)) < 0.2)
    assert "debt" in wire.text and "debt" in other.text  # two different stories on the same topic
    report = ingest(session, [*wire_variants(wire, 366), other])
    assert report.stored == 367
    assert count(session, Story) == 2
    story_of_wire = session.scalar(select(Article.story_id).where(Article.doc_id == "v0"))
    articles = queries.list_articles(session, story=story_of_wire, limit=None)
    assert len(articles) == 366 and len({a.outlet for a in articles}) == 366
    fact = next(f for f in queries.list_claim_facts(session) if f.n_mentions == 366)
    assert (fact.n_stories, fact.n_outlets) == (1, 366)
    event_facts = queries.list_event_facts(session)
    assert sum(f.n_stories for f in event_facts) == 2  # one kidnapping counts once, the other story once
    assert session.scalar(select(Article.story_id).where(Article.doc_id == other.id)) != story_of_wire


def test_near_duplicates_found_across_runs(session):  # noqa: F811
    ingest(session, [doc(WIRE, source="Reuters")])
    trimmed = WIRE.rsplit("\n\n", 1)[0] + "\n\nCopyright 2026 Example Times. All rights reserved."
    report = ingest(session, [doc(trimmed, source="Example Times"), doc("Brazil and China signed a soybean "
                              "deal worth 3 billion dollars on Monday in Brasilia, the ministry said.")])
    assert (report.stored, report.near_duplicates, report.new_stories) == (2, 1, 1)


def result_with(claims=(), events=()) -> ArticleResult:
    return ArticleResult(id="r", extractor_version="t", claims=list(claims), events=list(events))


def claim(value, **kw) -> Claim:
    fields = {"measure": "debt", "holder": "BOL", "counterpart": "CHN", "unit": "USD", "year": 2024,
              "evidence": "x", "start": 0, "end": 1}
    return Claim(value=value, **{**fields, **kw})


def event(day, **kw) -> Event:
    fields = {"actor": "CHN", "action": "AGREE", "target": "BOL", "evidence": "x", "start": 0, "end": 1}
    return Event(date=day, **{**fields, **kw})


def test_figures_within_tolerance_consolidate_and_conflicts_stay_apart(session):  # noqa: F811
    values = [1.70e9, 1.72e9, 1.69e9, 2.5e9, 1.70e9]  # 2.5e9 is outside 2%: a conflicting figure
    docs = [doc(f"Distinct story number {i} with its own words about Bolivia and China {i * 7}.", id=str(i),
                published=dt.date(2025, 1, 1 + i), source=f"Outlet {i}") for i in range(5)]
    results = {d.id: result_with([claim(v)]) for d, v in zip(docs, values, strict=True)}
    ingest_documents(docs, session=session, extract=lambda d: results[d.id], verify=False)
    facts = sorted(queries.list_claim_facts(session, holder="BOL", measure="debt"), key=lambda f: f.value)
    assert [(f.value, f.n_stories, f.n_mentions) for f in facts] == [(1.7e9, 4, 4), (2.5e9, 1, 1)]
    assert (facts[0].value_min, facts[0].value_max) == (1.69e9, 1.72e9)
    assert (facts[0].first_seen, facts[0].last_seen) == (dt.date(2025, 1, 1), dt.date(2025, 1, 5))
    assert facts[0].conflicts == [facts[1].id] and facts[1].conflicts == [facts[0].id]
    assert len(queries.list_claims(session, fact=facts[0].id)) == 4


def test_events_consolidate_within_a_date_window(session):  # noqa: F811
    days = [dt.date(2025, 3, 1), dt.date(2025, 3, 3), None, dt.date(2025, 3, 20)]
    published = [dt.date(2025, 3, 1), dt.date(2025, 3, 3), dt.date(2025, 3, 2), dt.date(2025, 3, 20)]
    docs = [doc(f"Unrelated wording {i} on a Chinese agreement with Bolivia number {i * 13}.", id=str(i),
                published=p) for i, p in enumerate(published)]
    results = {d.id: result_with(events=[event(day)]) for d, day in zip(docs, days, strict=True)}
    results["1"] = result_with(events=[event(days[1], actor="BOL", target="CHN", action="CONSULT"),
                                       event(days[1])])
    results["0"] = result_with(events=[event(days[0]), event(days[0], action="CONSULT")])
    ingest_documents(docs, session=session, extract=lambda d: results[d.id], verify=False)
    facts = queries.list_event_facts(session, country="BOL")
    agree = sorted((f.day, f.n_stories) for f in facts if f.action == "AGREE")
    assert agree == [(dt.date(2025, 3, 1), 3), (dt.date(2025, 3, 20), 1)]  # the undated one by its article date
    consult = [f for f in facts if f.action == "CONSULT"]
    assert len(consult) == 1 and consult[0].n_stories == 2  # CONSULT in either order is one meeting
    assert count(session, EventFact) == 3


@pytest.mark.shared
def test_real_extraction_offsets_point_into_the_stored_text(session):  # noqa: F811
    docs = [d for d in reuters_documents(400, files=1) if "billion" in d.text or "tariff" in d.text][:40]
    report = ingest_documents(docs, session=session, verify=True)  # the real pipeline and verification
    assert report.stored == len({d.text for d in docs}) and not report.errors and not report.warnings
    assert report.claims > 0 and report.verdicts == report.claims
    texts = dict(session.execute(select(Article.id, Article.text)).all())
    for claim in queries.list_claims(session, limit=None):
        assert texts[claim.article_id][claim.start:claim.end] == claim.evidence
    for event in queries.list_events(session, limit=None):
        assert texts[event.article_id][event.start:event.end] == event.evidence
    mentions = session.execute(select(EntityMention.article_id, EntityMention.char_start, EntityMention.char_end,
                                      EntityMention.text)).all()
    assert mentions and all(texts[a][s:e] == t for a, s, e, t in mentions)
