"""Read-only resources over the store: articles, stories, claims (with verdicts), events, entities,
facts and counts. Each is one call to the library (`sphere.store.queries`, `sphere.store.pages`), the
same functions behind `sphere claims|events|articles|entities|stats`, paged by cursor."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from sqlalchemy.orm import Session

from sphere.api.context import Context, context, session
from sphere.api.pagination import Page, paginate
from sphere.api.schemas import Health
from sphere.api.security import require_reader
from sphere.store import pages, queries
from sphere.store.public import (
    ArticlePublic,
    ClaimFactPublic,
    ClaimPublic,
    EntityPublic,
    EventFactPublic,
    EventPublic,
    StatsPublic,
)

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])
Db = Annotated[Session, Depends(session)]
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Cursor = Annotated[str | None, Query(max_length=40, description="next_cursor of the previous page")]
Code = Annotated[str | None, Query(max_length=16, pattern=r"^[A-Za-z0-9_]+$", description="ISO3 or group code")]
Words = Annotated[str | None, Query(max_length=200)]
Since = Annotated[dt.date | None, Query(description="from this date (YYYY-MM-DD)")]
Until = Annotated[dt.date | None, Query(description="up to this date (YYYY-MM-DD)")]
Id = Annotated[int | None, Query(ge=1, le=2**53)]
Year = Annotated[int | None, Query(ge=1800, le=2200)]


@router.get("/health", response_model=Health, tags=["meta"])
def health(db: Db, ctx: Annotated[Context, Depends(context)]) -> Health:
    from sphere.store.engine import display_url

    return Health(status="ok", database=display_url(str(ctx.engine.url)), articles=queries.stats(db).articles,
                  snapshot_version=ctx.ref.version)


@router.get("/stats", response_model=StatsPublic, tags=["store"])
def stats(db: Db) -> StatsPublic:
    return queries.stats(db)


@router.get("/articles", response_model=Page[ArticlePublic], tags=["store"])
def articles(db: Db, country: Code = None, outlet: Words = None, since: Since = None, until: Until = None,
             text: Words = None, story: Id = None, limit: Limit = 50, cursor: Cursor = None) -> Page[ArticlePublic]:
    """Stored articles, newest first (`sphere articles`)."""
    return paginate(lambda n, o: queries.list_articles(db, country=country, outlet=outlet, since=since, until=until,
                                                       text=text, story=story, limit=n, offset=o),
                    limit=limit, cursor=cursor)


@router.get("/articles/{article_id}", response_model=pages.ArticleDetailPublic, tags=["store"],
            responses={404: {"description": "no such article"}})
def article(db: Db, article_id: Annotated[int, Path(ge=1, le=2**53)]) -> pages.ArticleDetailPublic:
    """One article: its text, every extracted span with offsets, verdicts, sources and its story's other texts."""
    detail = pages.article_detail(db, article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id}")
    return detail


@router.get("/stories", response_model=Page[pages.StoryPublic], tags=["store"])
def stories(db: Db, limit: Limit = 50, cursor: Cursor = None) -> Page[pages.StoryPublic]:
    """Stories (near-duplicate articles grouped), newest first."""
    return paginate(lambda n, o: pages.list_stories(db, limit=n, offset=o), limit=limit, cursor=cursor)


@router.get("/claims", response_model=Page[ClaimPublic], tags=["store"])
def claims(db: Db, country: Code = None, holder: Code = None, counterpart: Code = None, measure: Words = None,
           year: Year = None, since: Since = None, until: Until = None, outlet: Words = None, source: Words = None,
           text: Words = None, fact: Id = None, limit: Limit = 50, cursor: Cursor = None) -> Page[ClaimPublic]:
    """Claim mentions, newest first, each with its verdict, reference value, year and publisher (`sphere
    claims`); the full verdict (series, coverage and year notes) is in /api/articles/{id}."""
    return claims_page(db, limit=limit, cursor=cursor, country=country, holder=holder, counterpart=counterpart,
                       measure=measure, year=year, since=since, until=until, outlet=outlet, source=source, text=text,
                       fact=fact)


def claims_page(db: Session, *, limit: int, cursor: str | None, **filters: Any) -> Page[ClaimPublic]:
    """One page of `queries.list_claims`, each claim with its verdict (what GET /api/claims serves)."""
    return paginate(lambda n, o: queries.list_claims(db, limit=n, offset=o, **filters), limit=limit, cursor=cursor)


@router.get("/events", response_model=Page[EventPublic], tags=["store"])
def events(db: Db, country: Code = None, actor: Code = None, target: Code = None, action: Words = None,
           since: Since = None, until: Until = None, outlet: Words = None, text: Words = None, fact: Id = None,
           limit: Limit = 50, cursor: Cursor = None) -> Page[EventPublic]:
    """Event mentions, newest first (`sphere events`)."""
    return paginate(lambda n, o: queries.list_events(
        db, country=country, actor=actor, target=target, action=action, since=since, until=until, outlet=outlet,
        text=text, fact=fact, limit=n, offset=o), limit=limit, cursor=cursor)


@router.get("/entities", response_model=Page[EntityPublic], tags=["store"])
def entities(db: Db, country: Code = None, kind: Words = None, text: Words = None, outlet: Words = None,
             since: Since = None, until: Until = None, limit: Limit = 50, cursor: Cursor = None) -> Page[EntityPublic]:
    """Coded parties, most mentioned first (`sphere entities`)."""
    return paginate(lambda n, o: queries.list_entities(
        db, country=country, kind=kind, text=text, outlet=outlet, since=since, until=until, limit=n, offset=o),
        limit=limit, cursor=cursor)


@router.get("/facts/claims", response_model=Page[ClaimFactPublic], tags=["store"])
def claim_facts(db: Db, country: Code = None, holder: Code = None, counterpart: Code = None, measure: Words = None,
                year: Year = None, since: Since = None, until: Until = None,
                min_stories: Annotated[int, Query(ge=1, le=1_000_000)] = 1, limit: Limit = 50,
                cursor: Cursor = None) -> Page[ClaimFactPublic]:
    """Figures consolidated across stories, most stories first (`sphere claims --facts`)."""
    return paginate(lambda n, o: queries.list_claim_facts(
        db, country=country, holder=holder, counterpart=counterpart, measure=measure, year=year, since=since,
        until=until, min_stories=min_stories, limit=n, offset=o), limit=limit, cursor=cursor)


@router.get("/facts/events", response_model=Page[EventFactPublic], tags=["store"])
def event_facts(db: Db, country: Code = None, actor: Code = None, target: Code = None, action: Words = None,
                since: Since = None, until: Until = None, min_stories: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                limit: Limit = 50, cursor: Cursor = None) -> Page[EventFactPublic]:
    """Events consolidated across stories, most stories first (`sphere events --facts`)."""
    return paginate(lambda n, o: queries.list_event_facts(
        db, country=country, actor=actor, target=target, action=action, since=since, until=until,
        min_stories=min_stories, limit=n, offset=o), limit=limit, cursor=cursor)
