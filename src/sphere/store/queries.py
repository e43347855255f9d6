"""Typed queries over the store: keyword-only filters in, `...Public` models out.

"What has been claimed about Bolivia's debt to China, by whom, since when?" is
`list_claims(session, holder="BOL", counterpart="CHN", measure="debt")` (mentions, each with its
article) or `list_claim_facts(...)` (consolidated figures, conflicting ones side by side). Only rows of
the current extraction are returned; `country` matches either side (holder or counterpart, actor or target).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import ColumnElement, Select, distinct, func, or_, select, union_all
from sqlalchemy.orm import Session

from sphere.errors import ConfigError
from sphere.models import ACTIONS, MEASURES
from sphere.store.public import (
    ArticlePublic,
    ClaimFactPublic,
    ClaimPublic,
    EntityPublic,
    EventFactPublic,
    EventPublic,
    StatsPublic,
)
from sphere.store.schema import (
    EXTRACTED,
    Article,
    ArticleSource,
    ClaimFact,
    ClaimRow,
    EntityMention,
    EventFact,
    EventRow,
    Story,
)

_ARTICLE_COLUMNS = (Article.published, Article.outlet, Article.title, Article.url)


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def _choice(value: str | None, valid: tuple[str, ...], what: str, *, upper: bool = False) -> str | None:
    if value is None:
        return None
    value = value.strip().upper() if upper else value.strip().lower()
    if value not in valid:
        raise ConfigError(f"unknown {what} {value!r}", valid=valid)
    return value


def _outlet_filter(column, outlet: str):
    """The row's article was carried by `outlet` (any case): a correlated EXISTS, so a query read in date
    order through an index checks the few rows it needs instead of collecting all the outlet's articles."""
    return (
        select(ArticleSource.id)
        .where(ArticleSource.article_id == column, func.lower(ArticleSource.outlet) == outlet.lower())
        .exists()
    )


def _page(query: Select, limit: int | None, offset: int) -> Select:
    return query.limit(limit).offset(offset) if limit else query.offset(offset)


def list_claims(
    session: Session, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, source: str | None = None, text: str | None = None, fact: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[ClaimPublic]:
    """Claim mentions, newest first; `source` and `text` match parts of the attribution and evidence.

    `country` on either side is read as two index range scans in date order (holder, then counterpart),
    each stopped after `limit + offset` rows, merged: never a sort of all of a country's claims.
    """
    measure = _choice(measure, MEASURES, "measure")
    conditions: list[ColumnElement[bool]] = [ClaimRow.current.is_(True)]
    for column, value in ((ClaimRow.holder, holder), (ClaimRow.counterpart, counterpart)):
        if value:
            conditions.append(column == _code(value))
    filters = {ClaimRow.measure: measure, ClaimRow.year: year, ClaimRow.fact_id: fact}
    conditions += [column == value for column, value in filters.items() if value is not None]
    if since:
        conditions.append(ClaimRow.seen_on >= since)
    if until:
        conditions.append(ClaimRow.seen_on <= until)
    if outlet:
        conditions.append(_outlet_filter(ClaimRow.article_id, outlet))
    if source:
        conditions.append(ClaimRow.source.ilike(f"%{source}%"))
    if text:
        conditions.append(ClaimRow.evidence.ilike(f"%{text}%"))
    order = (ClaimRow.seen_on.desc(), ClaimRow.id.desc())
    query = select(ClaimRow, *_ARTICLE_COLUMNS).join(Article, Article.id == ClaimRow.article_id)
    if country:
        code = _code(country)
        arms = [
            _page(select(ClaimRow.id).where(*conditions, ClaimRow.holder == code).order_by(*order),
                  limit and limit + offset, 0).subquery(),
            _page(select(ClaimRow.id).where(*conditions, ClaimRow.counterpart == code,
                                             or_(ClaimRow.holder.is_(None), ClaimRow.holder != code))
                  .order_by(*order), limit and limit + offset, 0).subquery(),
        ]
        ids = union_all(*(select(arm.c.id) for arm in arms)).subquery()
        query = query.join(ids, ids.c.id == ClaimRow.id)
    else:
        query = query.where(*conditions)
    query = _page(query.order_by(*order), limit, offset)
    return [
        ClaimPublic(**_columns(row), start=row.char_start, end=row.char_end, published=published, outlet=o,
                    title=title, url=url)
        for row, published, o, title, url in session.execute(query)
    ]


def list_events(
    session: Session, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, text: str | None = None, fact: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[EventPublic]:
    """Event mentions, newest first; dates filter the event's day (the article's date when undated)."""
    action = _choice(action, ACTIONS, "action", upper=True)
    query = select(EventRow, *_ARTICLE_COLUMNS).join(Article, Article.id == EventRow.article_id)
    query = query.where(EventRow.current.is_(True))
    if country:
        query = query.where(or_(EventRow.actor == _code(country), EventRow.target == _code(country)))
    for column, value in ((EventRow.actor, actor), (EventRow.target, target)):
        if value:
            query = query.where(column == _code(value))
    filters = {EventRow.action: action, EventRow.fact_id: fact}
    query = query.where(*(column == value for column, value in filters.items() if value is not None))
    if since:
        query = query.where(EventRow.day >= since)
    if until:
        query = query.where(EventRow.day <= until)
    if outlet:
        query = query.where(_outlet_filter(EventRow.article_id, outlet))
    if text:
        query = query.where(EventRow.evidence.ilike(f"%{text}%"))
    query = _page(query.order_by(EventRow.day.desc(), EventRow.id.desc()), limit, offset)
    return [
        EventPublic(**_columns(row), start=row.char_start, end=row.char_end, published=published, outlet=o,
                    title=title, url=url)
        for row, published, o, title, url in session.execute(query)
    ]


def _columns(row) -> dict:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in ("char_start", "char_end")}


def list_claim_facts(
    session: Session, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None,
    until: dt.date | None = None, min_stories: int = 1, limit: int | None = 100, offset: int = 0,
) -> list[ClaimFactPublic]:
    """Consolidated figures, most independent stories first; each lists the facts it conflicts with."""
    measure = _choice(measure, MEASURES, "measure")
    query = select(ClaimFact).where(ClaimFact.n_stories >= min_stories)
    if country:
        query = query.where(or_(ClaimFact.holder == _code(country), ClaimFact.counterpart == _code(country)))
    for column, value in ((ClaimFact.holder, holder), (ClaimFact.counterpart, counterpart)):
        if value:
            query = query.where(column == _code(value))
    query = query.where(*(c == v for c, v in ((ClaimFact.measure, measure), (ClaimFact.year, year)) if v is not None))
    if since:
        query = query.where(ClaimFact.last_seen >= since)
    if until:
        query = query.where(ClaimFact.first_seen <= until)
    query = _page(query.order_by(ClaimFact.n_stories.desc(), ClaimFact.id), limit, offset)
    facts = session.scalars(query).all()
    siblings: dict[str, list[int]] = defaultdict(list)
    keys = {f.key for f in facts}
    if keys:
        for key, fact_id in session.execute(select(ClaimFact.key, ClaimFact.id).where(ClaimFact.key.in_(keys))):
            siblings[key].append(fact_id)
    return [
        ClaimFactPublic.model_validate(f).model_copy(
            update={"conflicts": sorted(i for i in siblings[f.key] if i != f.id)}
        )
        for f in facts
    ]


def list_event_facts(
    session: Session, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    min_stories: int = 1, limit: int | None = 100, offset: int = 0,
) -> list[EventFactPublic]:
    """Consolidated events, most independent stories first."""
    action = _choice(action, ACTIONS, "action", upper=True)
    query = select(EventFact).where(EventFact.n_stories >= min_stories)
    if country:
        query = query.where(or_(EventFact.actor == _code(country), EventFact.target == _code(country)))
    for column, value in ((EventFact.actor, actor), (EventFact.target, target), (EventFact.action, action)):
        if value:
            query = query.where(column == (value if column is EventFact.action else _code(value)))
    if since:
        query = query.where(EventFact.date_max >= since)
    if until:
        query = query.where(EventFact.date_min <= until)
    query = _page(query.order_by(EventFact.n_stories.desc(), EventFact.id), limit, offset)
    return [EventFactPublic.model_validate(f) for f in session.scalars(query)]


def list_articles(
    session: Session, *, country: str | None = None, outlet: str | None = None, since: dt.date | None = None,
    until: dt.date | None = None, text: str | None = None, story: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[ArticlePublic]:
    """Stored articles, newest first; `country` keeps those that mention it, `text` searches title and text."""
    n_sources = (
        select(func.count()).where(ArticleSource.article_id == Article.id).correlate(Article).scalar_subquery()
    )
    query = select(Article, n_sources)
    if country:
        mentioned = select(EntityMention.article_id).where(
            EntityMention.code == _code(country), EntityMention.current.is_(True)
        )
        query = query.where(Article.id.in_(mentioned))
    if outlet:
        query = query.where(_outlet_filter(Article.id, outlet))
    if since:
        query = query.where(Article.published >= since)
    if until:
        query = query.where(Article.published <= until)
    if text:
        query = query.where(or_(Article.title.ilike(f"%{text}%"), Article.text.ilike(f"%{text}%")))
    if story is not None:
        query = query.where(Article.story_id == story)
    query = _page(query.order_by(Article.published.desc().nulls_last(), Article.id.desc()), limit, offset)
    return [
        ArticlePublic.model_validate(article).model_copy(update={"n_sources": count})
        for article, count in session.execute(query)
    ]


def list_entities(
    session: Session, *, country: str | None = None, kind: str | None = None, text: str | None = None,
    outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[EntityPublic]:
    """Coded parties mentioned, most mentioned first; `text` matches the canonical name or the mention."""
    mentions = func.count(EntityMention.id)
    query = (
        select(EntityMention.code, EntityMention.name, EntityMention.kind, mentions,
               func.count(distinct(EntityMention.article_id)), func.min(Article.seen_on), func.max(Article.seen_on))
        .join(Article, Article.id == EntityMention.article_id)
        .where(EntityMention.current.is_(True))
        .group_by(EntityMention.code, EntityMention.name, EntityMention.kind)
    )
    if country:
        query = query.where(EntityMention.code == _code(country))
    if kind:
        query = query.where(EntityMention.kind == kind.lower())
    if text:
        query = query.where(or_(EntityMention.name.ilike(f"%{text}%"), EntityMention.text.ilike(f"%{text}%")))
    if outlet:
        query = query.where(_outlet_filter(EntityMention.article_id, outlet))
    if since:
        query = query.where(Article.seen_on >= since)
    if until:
        query = query.where(Article.seen_on <= until)
    query = _page(query.order_by(mentions.desc(), EntityMention.code, EntityMention.name), limit, offset)
    return [
        EntityPublic(code=code, name=name, kind=entity_kind, mentions=n_mentions, articles=n_articles,
                     first_seen=first, last_seen=last)
        for code, name, entity_kind, n_mentions, n_articles, first, last in session.execute(query)
    ]


def stats(session: Session) -> StatsPublic:
    """Counts per table, stories vs articles, outlets, extractor versions and the date range."""
    tables = (Story, Article, ArticleSource, ClaimFact, EventFact, *EXTRACTED)
    counts = {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
    superseded = sum(
        session.scalar(select(func.count()).select_from(t).where(t.current.is_(False))) or 0 for t in EXTRACTED
    )
    versions = {
        version: n
        for version, n in session.execute(
            select(Article.extractor_version, func.count()).group_by(Article.extractor_version)
        )
    }
    first, last = session.execute(select(func.min(Article.published), func.max(Article.published))).one()
    outlets = session.scalar(select(func.count(distinct(ArticleSource.outlet)))) or 0
    return StatsPublic(
        counts=counts, articles=counts["articles"], stories=counts["stories"], outlets=outlets,
        extractor_versions=versions, first_published=first, last_published=last, superseded_rows=superseded,
    )


__all__ = [
    "list_articles", "list_claim_facts", "list_claims", "list_entities", "list_event_facts",
    "list_events", "stats",
]
