"""The knowledge store's tables (SQLAlchemy 2 declarative), one class per table.

    stories ─┬─ articles ─┬─ article_sources      every outlet/url that published this exact text
             │            ├─ article_signatures   MinHash signature (near-duplicate detection)
             │            ├─ lsh_bands            LSH band hashes of the signature, queried to find candidates
             │            ├─ entity_mentions      ┐
             │            ├─ claims ── claim_facts│ each with character offsets into articles.text
             │            ├─ events ── event_facts│ and the extractor version that made it
             │            └─ quotes               ┘

An article is one distinct text (unique sha256 of its normalised text); a story is a group of
near-duplicate articles (wire copy republished with other headlines, trims and boilerplate). Facts
consolidate the claims and events of many stories; `n_stories` counts independent stories, never copies.
Rows made by an older extractor are kept with `current = false` until pruned.

Indexes, each named for the query it serves:
    ix_claims_holder_measure_year     claims of a country as holder, by measure and year (`sphere claims --country`)
    ix_claims_counterpart_measure     the same country as counterpart (the other half of the OR in that query)
    ix_claims_holder_seen / ix_claims_counterpart_seen   a country's latest claims with no measure: read in
                                      date order and stopped after one page, never sorting all its claims
    ix_events_actor_action_day        events of a country as actor, by action and date window
    ix_events_target_action_day       the same country as target
    ix_articles_published             `articles --since/--until`, stats date range
    ix_article_sources_outlet         `--outlet` filters (lower(outlet)) on every outlet that carried an article
    ix_claim_facts_key / ix_event_facts_key_date   find-or-create of a fact during consolidation
    pk_lsh_bands (hash, band, article_id)          candidate lookup for near-duplicates (hash IN ...)
    ix_entity_mentions_code           `entities --country`, `articles --country`
    ix_<table>_article / ix_<table>_fact           children of an article / supporting mentions of a fact
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# 64-bit ids on PostgreSQL; SQLite only autoincrements an INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")
Code = String(16)  # ISO3 or group code
Version = String(64)


class Base(DeclarativeBase):
    """Declarative base of every sphere table (other stages add theirs to the same metadata)."""

    metadata = MetaData(naming_convention=NAMING)

    if TYPE_CHECKING:
        # DeclarativeBase types `__table__` as any FromClause; every sphere table is declared with
        # `__tablename__`, so it is always a Table (what insert() and bulk.insert_rows take).
        __table__: ClassVar[Table]


def _article_fk() -> Mapped[int]:
    return mapped_column(BigId, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


class Story(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_published", "published"),
        Index("ix_articles_story", "story_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    story_id: Mapped[int] = mapped_column(BigId, ForeignKey("stories.id"))
    doc_id: Mapped[str] = mapped_column(String(500))
    title: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))  # the first outlet seen; all in article_sources
    published: Mapped[dt.date | None] = mapped_column(Date)
    seen_on: Mapped[dt.date] = mapped_column(Date)  # published, or the day it was ingested when unknown
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    n_chars: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(Version)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleSource(Base):
    __tablename__ = "article_sources"
    __table_args__ = (
        UniqueConstraint("article_id", "source_key", name="uq_article_sources_article_key"),
        Index("ix_article_sources_outlet", func.lower(text("outlet")), "article_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    source_key: Mapped[str] = mapped_column(String(64))  # sha256 of outlet, url, title
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(1000))
    published: Mapped[dt.date | None] = mapped_column(Date)
    doc_id: Mapped[str] = mapped_column(String(500))
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleSignature(Base):
    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(BigId, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    num_perm: Mapped[int] = mapped_column(SmallInteger)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class LshBand(Base):
    __tablename__ = "lsh_bands"
    __table_args__ = (Index("ix_lsh_bands_article", "article_id"),)

    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # first: candidates are found by hash
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    # No foreign key: checking one per band row would double the store's cost on PostgreSQL. Bands of an
    # article that is gone are harmless: candidates are read through article_signatures, which cascades.
    article_id: Mapped[int] = mapped_column(BigId, primary_key=True)


class _Extracted:
    """Columns shared by every extracted row: offsets, version, and whether it is from the current run."""

    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(Version)
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class EntityMention(_Extracted, Base):
    __tablename__ = "entity_mentions"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end >= char_start", name="offsets"),
        Index("ix_entity_mentions_code", "code", "article_id"),
        Index("ix_entity_mentions_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    code: Mapped[str] = mapped_column(Code)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(String(500))


class ClaimFact(Base):
    __tablename__ = "claim_facts"
    __table_args__ = (
        Index("ix_claim_facts_key", "key"),
        Index("ix_claim_facts_holder_measure", "holder", "measure"),
        Index("ix_claim_facts_counterpart_measure", "counterpart", "measure"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(200))  # measure|holder|counterpart|unit|year|relative_to
    measure: Mapped[str] = mapped_column(String(32))
    holder: Mapped[str | None] = mapped_column(Code)
    counterpart: Mapped[str | None] = mapped_column(Code)
    unit: Mapped[str] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer)
    relative_to: Mapped[str | None] = mapped_column(Code)
    value: Mapped[float] = mapped_column(Float)  # the first figure seen; others agree within tolerance
    value_min: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float] = mapped_column(Float)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    n_stories: Mapped[int] = mapped_column(Integer, default=0)
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    n_outlets: Mapped[int] = mapped_column(Integer, default=0)


class EventFact(Base):
    __tablename__ = "event_facts"
    __table_args__ = (
        Index("ix_event_facts_key_date", "key", "day"),
        Index("ix_event_facts_actor", "actor", "action"),
        Index("ix_event_facts_target", "target", "action"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(100))  # actor|action|target (CONSULT: parties sorted)
    actor: Mapped[str] = mapped_column(Code)
    action: Mapped[str] = mapped_column(String(16))
    target: Mapped[str | None] = mapped_column(Code)
    day: Mapped[dt.date | None] = mapped_column(Date)  # anchor date of the window
    date_min: Mapped[dt.date | None] = mapped_column(Date)
    date_max: Mapped[dt.date | None] = mapped_column(Date)
    first_seen: Mapped[dt.date | None] = mapped_column(Date)
    last_seen: Mapped[dt.date | None] = mapped_column(Date)
    n_stories: Mapped[int] = mapped_column(Integer, default=0)
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    n_outlets: Mapped[int] = mapped_column(Integer, default=0)


class ClaimRow(_Extracted, Base):
    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end >= char_start", name="offsets"),
        Index("ix_claims_holder_measure_year", "holder", "measure", "year"),
        Index("ix_claims_counterpart_measure", "counterpart", "measure"),
        Index("ix_claims_holder_seen", "holder", "seen_on"),
        Index("ix_claims_counterpart_seen", "counterpart", "seen_on"),
        Index("ix_claims_article", "article_id"),
        Index("ix_claims_fact", "fact_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    story_id: Mapped[int] = mapped_column(BigId, ForeignKey("stories.id"))
    fact_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("claim_facts.id", ondelete="SET NULL"))
    seen_on: Mapped[dt.date] = mapped_column(Date)  # the article's date, copied for filters without a join
    measure: Mapped[str] = mapped_column(String(32))
    holder: Mapped[str | None] = mapped_column(Code)
    counterpart: Mapped[str | None] = mapped_column(Code)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32))
    approx: Mapped[str] = mapped_column(String(16))
    relative_to: Mapped[str | None] = mapped_column(Code)
    modality: Mapped[str] = mapped_column(String(16))
    year: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(300))
    evidence: Mapped[str] = mapped_column(Text)
    value_text: Mapped[str] = mapped_column(String(200), default="")
    confidence: Mapped[float] = mapped_column(Float)
    period: Mapped[str | None] = mapped_column(String(16))  # annual | cumulative | stock | deal (0004)
    since: Mapped[int | None] = mapped_column(Integer)  # first year of a cumulative figure (0004)


class EventRow(_Extracted, Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end >= char_start", name="offsets"),
        Index("ix_events_actor_action_day", "actor", "action", "day"),
        Index("ix_events_target_action_day", "target", "action", "day"),
        Index("ix_events_article", "article_id"),
        Index("ix_events_fact", "fact_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    story_id: Mapped[int] = mapped_column(BigId, ForeignKey("stories.id"))
    fact_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("event_facts.id", ondelete="SET NULL"))
    seen_on: Mapped[dt.date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(Code)
    action: Mapped[str] = mapped_column(String(16))
    target: Mapped[str | None] = mapped_column(Code)
    date: Mapped[dt.date | None] = mapped_column(Date)  # as extracted; null when the text does not resolve it
    day: Mapped[dt.date] = mapped_column(Date)  # date, or the article's date when undated (filters, windows)
    membership: Mapped[str | None] = mapped_column(String(8))
    # A membership event's verdict against the dated membership tables (sphere.verify.store; 0005).
    membership_verdict: Mapped[str | None] = mapped_column(String(16))
    membership_reason: Mapped[str | None] = mapped_column(Text)
    membership_source: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(200))
    trigger: Mapped[str] = mapped_column(String(200), default="")
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)


class QuoteRow(_Extracted, Base):
    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint("char_start >= 0 AND char_end >= char_start", name="offsets"),
        Index("ix_quotes_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    speaker: Mapped[str | None] = mapped_column(String(300))
    speaker_country: Mapped[str | None] = mapped_column(Code)
    text: Mapped[str] = mapped_column(Text)


EXTRACTED = (EntityMention, ClaimRow, EventRow, QuoteRow)
