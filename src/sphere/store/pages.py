"""Queries the REST API and the dashboard need beyond `queries.py`: one article with everything read in
it, stories, and the stored verdicts of a page of claims. Like `queries.py`, they take keyword filters and
return `...Public` models, never ORM rows, so any caller (API, CLI, notebook) gets the same answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sphere.refdata.tables import ClaimVerdictRow
from sphere.store.public import ArticlePublic, ClaimPublic, EventPublic, Public
from sphere.store.queries import _columns
from sphere.store.schema import Article, ArticleSource, ClaimRow, EntityMention, EventRow, QuoteRow, Story
from sphere.verify.store import VERDICT_COLUMNS


class VerdictPublic(Public):
    """The stored verdict on one claim: what it was checked against and how far off it is."""

    claim_id: int
    verdict: str
    reason: str
    reference_value: float | None
    reference_year: int | None
    reference_unit: str | None
    series: str | None
    publisher: str | None
    source_file: str | None
    source_row: str | None
    difference: float | None
    coverage: str | None
    coverage_note: str | None
    year_note: str | None
    source_differs: bool | None
    snapshot_version: str


class SourcePublic(Public):
    """One outlet that carried an article's text."""

    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None


class MentionPublic(Public):
    """A coded party as written in the text, with its offsets."""

    code: str
    name: str
    kind: str
    role: str | None
    text: str
    start: int
    end: int


class QuotePublic(Public):
    speaker: str | None
    speaker_country: str | None
    text: str
    start: int
    end: int


class ArticleDetailPublic(Public):
    """An article with its text and every span extracted from it, and the other articles of its story."""

    article: ArticlePublic
    text: str
    sources: list[SourcePublic]
    entities: list[MentionPublic]
    claims: list[ClaimPublic]
    events: list[EventPublic]
    quotes: list[QuotePublic]
    verdicts: dict[int, VerdictPublic]
    story_articles: list[ArticlePublic]


class StoryPublic(Public):
    """A group of near-duplicate articles (one story, however many outlets republished it)."""

    id: int
    title: str | None
    articles: int
    first_published: dt.date | None
    last_published: dt.date | None


def verdicts_for(session: Session, claim_ids: list[int]) -> dict[int, VerdictPublic]:
    """The stored verdict of each claim id that has one (claims never verified are absent)."""
    if not claim_ids:
        return {}
    rows = session.scalars(select(ClaimVerdictRow).where(ClaimVerdictRow.claim_id.in_(claim_ids)))
    return {
        row.claim_id: VerdictPublic(
            claim_id=row.claim_id, snapshot_version=row.snapshot_version,
            **{c: getattr(row, c) for c in VERDICT_COLUMNS},
        )
        for row in rows
    }


def _article_public(article: Article, n_sources: int) -> ArticlePublic:
    return ArticlePublic.model_validate(article).model_copy(update={"n_sources": n_sources})


def _children(session: Session, table, article_id: int) -> list:  # type: ignore[no-untyped-def]
    """The current rows of one extracted table for an article, in text order."""
    return list(session.scalars(
        select(table).where(table.article_id == article_id, table.current.is_(True))
        .order_by(table.char_start, table.id)
    ))


def article_detail(session: Session, article_id: int) -> ArticleDetailPublic | None:
    """Everything sphere read in one stored article (current extraction only); None when there is none."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    sources = session.scalars(
        select(ArticleSource).where(ArticleSource.article_id == article_id).order_by(ArticleSource.id)
    ).all()
    head: dict[str, Any] = {"published": article.published, "outlet": article.outlet, "title": article.title,
                            "url": article.url}
    claims = [ClaimPublic(**_columns(row), start=row.char_start, end=row.char_end, **head)
              for row in _children(session, ClaimRow, article_id)]
    events = [EventPublic(**_columns(row), start=row.char_start, end=row.char_end, **head)
              for row in _children(session, EventRow, article_id)]
    entities = [MentionPublic(code=m.code, name=m.name, kind=m.kind, role=m.role, text=m.text, start=m.char_start,
                              end=m.char_end) for m in _children(session, EntityMention, article_id)]
    quotes = [QuotePublic(speaker=q.speaker, speaker_country=q.speaker_country, text=q.text, start=q.char_start,
                          end=q.char_end) for q in _children(session, QuoteRow, article_id)]
    others = session.execute(
        select(Article, select(func.count()).where(ArticleSource.article_id == Article.id)
               .correlate(Article).scalar_subquery())
        .where(Article.story_id == article.story_id, Article.id != article.id)
        .order_by(Article.published.desc().nulls_last(), Article.id.desc()).limit(50)
    ).all()
    return ArticleDetailPublic(
        article=_article_public(article, len(sources)),
        text=article.text,
        sources=[SourcePublic(outlet=s.outlet, url=s.url, title=s.title, published=s.published) for s in sources],
        entities=entities, claims=claims, events=events, quotes=quotes,
        verdicts=verdicts_for(session, [c.id for c in claims]),
        story_articles=[_article_public(a, n) for a, n in others],
    )


def list_stories(session: Session, *, limit: int | None = 100, offset: int = 0) -> list[StoryPublic]:
    """Stories, newest first (by their latest article), with how many distinct texts each holds."""
    latest = func.max(Article.published)
    query = (
        select(Story.id, Story.title, func.count(Article.id), func.min(Article.published), latest)
        .join(Article, Article.story_id == Story.id)
        .group_by(Story.id, Story.title)
        .order_by(latest.desc().nulls_last(), Story.id.desc())
        .offset(offset)
    )
    if limit:
        query = query.limit(limit)
    return [
        StoryPublic(id=i, title=title, articles=n, first_published=first, last_published=last)
        for i, title, n, first, last in session.execute(query)
    ]
