"""From `ArticleResult`s to rows: entity mentions, claims, events, quotes, and their facts.

Every row keeps its character offsets into the article's text and the extractor version that made it;
offsets outside the text are refused (the article is rolled back and reported, never half-written).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlalchemy.orm import Session

from sphere.errors import StoreError
from sphere.models import ArticleResult
from sphere.store import bulk, consolidate
from sphere.store.schema import EXTRACTED, ClaimRow, EntityMention, EventRow, QuoteRow

_CLAIM_FIELDS = {
    "measure", "holder", "counterpart", "value", "unit", "approx", "relative_to", "modality", "year", "source",
    "evidence", "value_text", "confidence", "period", "since",
}
_EVENT_FIELDS = {
    "actor", "action", "target", "date", "membership", "mode", "trigger", "score", "evidence", "confidence",
}


@dataclass
class Counts:
    entities: int = 0
    claims: int = 0
    events: int = 0
    quotes: int = 0


@dataclass(frozen=True)
class Located:
    """An article's result with what its rows need to know about the article."""

    article_id: int
    story_id: int
    seen_on: dt.date
    n_chars: int
    result: ArticleResult


@dataclass
class Built:
    mentions: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    counts: dict[int, Counts] = field(default_factory=dict)


def _check_offsets(kind: str, start: int, end: int, n_chars: int) -> None:
    if not 0 <= start <= end <= n_chars:
        raise StoreError(f"{kind} offsets {start}-{end} fall outside the article's {n_chars} characters")


def build_rows(located: list[Located]) -> Built:
    """Column values of every row of these articles (raises StoreError for offsets outside a text)."""
    built = Built()
    for a in located:
        r = a.result
        for kind, items in (("entity", r.entities), ("claim", r.claims), ("event", r.events), ("quote", r.quotes)):
            for item in items:
                _check_offsets(kind, item.start, item.end, a.n_chars)
        common = {"article_id": a.article_id, "extractor_version": r.extractor_version, "current": True}
        placed = {**common, "story_id": a.story_id, "seen_on": a.seen_on}
        built.mentions += [{
            **common, "code": e.code, "kind": e.kind, "name": e.name, "role": e.role, "text": e.text,
            "char_start": e.start, "char_end": e.end,
        } for e in r.entities]
        built.claims += [{
            **placed, **c.model_dump(include=_CLAIM_FIELDS), "char_start": c.start, "char_end": c.end,
        } for c in r.claims]
        built.events += [{
            **placed, **v.model_dump(include=_EVENT_FIELDS), "day": v.date or a.seen_on, "char_start": v.start,
            "char_end": v.end,
        } for v in r.events]
        built.quotes += [{
            **common, "speaker": q.speaker, "speaker_country": q.speaker_country, "text": q.text,
            "char_start": q.start, "char_end": q.end,
        } for q in r.quotes]
        built.counts[a.article_id] = Counts(len(r.entities), len(r.claims), len(r.events), len(r.quotes))
    return built


def write_rows(session: Session, built: Built) -> None:
    """Link claims and events to their facts, insert every row, and recompute the facts touched."""
    claim_facts = consolidate.attach_claims(session, rows=built.claims)
    event_facts = consolidate.attach_events(session, rows=built.events)
    for table, values in ((EntityMention, built.mentions), (ClaimRow, built.claims), (EventRow, built.events),
                          (QuoteRow, built.quotes)):
        bulk.insert_rows(session, table.__table__, values)
    consolidate.refresh_claim_facts(session, fact_ids=claim_facts)
    consolidate.refresh_event_facts(session, fact_ids=event_facts)


def retire_extracted(session: Session, *, article_ids: set[int]) -> None:
    """Mark these articles' current rows as superseded and detach them from their facts (no commit)."""
    claim_facts, event_facts = consolidate.facts_of_articles(session, article_ids=article_ids)
    for table in EXTRACTED:
        values: dict[str, bool | None] = {"current": False}
        if table in (ClaimRow, EventRow):
            values["fact_id"] = None
        session.execute(
            update(table).where(table.article_id.in_(article_ids), table.current.is_(True)).values(**values)
        )
    consolidate.refresh_claim_facts(session, fact_ids=claim_facts)
    consolidate.refresh_event_facts(session, fact_ids=event_facts)
