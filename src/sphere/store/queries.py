"""Typed queries over the store: keyword-only filters in, `...Public` models out.

"What has been claimed about Bolivia's debt to China, by whom, since when?" is
`list_claims(session, holder="Bolivia", counterpart="CHN", measure="debt")` (mentions, each with its
article and verdict) or `list_claim_facts(...)` (consolidated figures, conflicting ones side by side). Only
rows of the current extraction are returned; `country` matches either side (holder or counterpart, actor or
target). Each `list_x` has a `count_x` with the same filters, so a caller that shows a page can say how many
rows it left out. Country and group filters take codes, names and demonyms (`sphere.knowledge.lookup`);
`outlet` matches the start of the outlet's name in any case; `text` and `source` match literally.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Select,
    TableClause,
    case,
    column,
    distinct,
    func,
    literal,
    or_,
    select,
    table,
    union_all,
)

from sphere.errors import ConfigError
from sphere.store.public import (
    ArticlePublic,
    ClaimFactPublic,
    ClaimPublic,
    EntityPublic,
    EventFactPublic,
    EventPublic,
    StatsPublic,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    Reader: TypeAlias = Session | Connection  # a query runs on either: it uses Core statements only


class _Table:
    """A store table as the queries name it, without the ORM schema (`sphere.store.schema`): importing the
    mapped classes costs a query about 0.1 s of start-up (SQLAlchemy's ORM and the mapping of every class)
    for nothing a read needs. `T.holder` is a column, `T.table` the table; the names are checked against the
    schema by a test (tests/test_cli_support.py), so they cannot drift from it."""

    def __init__(self, name: str, columns: str) -> None:
        self.__tablename__ = name
        self.table: TableClause = table(name, *(column(c) for c in columns.split()))

    def __getattr__(self, name: str) -> ColumnClause[Any]:
        try:
            return self.table.c[name]
        except KeyError:
            raise AttributeError(f"table {self.__tablename__} has no column {name!r}") from None


_EXTRACTED_COLUMNS = "char_start char_end extractor_version current"
Story = _Table("stories", "id title created_at")
Article = _Table("articles", "id content_hash story_id doc_id title url outlet published seen_on language text "
                             "n_chars extractor_version origin ingested_at")
ArticleSource = _Table("article_sources", "id article_id source_key outlet url title published doc_id origin "
                                          "ingested_at")
ClaimRow = _Table("claims", "id article_id story_id fact_id seen_on measure holder counterpart value unit approx "
                            "relative_to modality year source evidence value_text confidence period since "
                            + _EXTRACTED_COLUMNS)
EventRow = _Table("events", "id article_id story_id fact_id seen_on actor action target date day membership "
                            "membership_verdict membership_reason membership_source mode trigger score evidence "
                            "confidence " + _EXTRACTED_COLUMNS)
EntityMention = _Table("entity_mentions", "id article_id code kind name role text " + _EXTRACTED_COLUMNS)
QuoteRow = _Table("quotes", "id article_id speaker speaker_country text " + _EXTRACTED_COLUMNS)
ClaimFact = _Table("claim_facts", "id key measure holder counterpart unit year relative_to value value_min "
                                  "value_max first_seen last_seen n_stories n_mentions n_outlets")
EventFact = _Table("event_facts", "id key actor action target day date_min date_max first_seen last_seen "
                                  "n_stories n_mentions n_outlets")
EXTRACTED = (EntityMention, ClaimRow, EventRow, QuoteRow)
TABLES = (Story, Article, ArticleSource, ClaimFact, EventFact, *EXTRACTED)

_ARTICLE_COLUMNS = (Article.published, Article.outlet, Article.title, Article.url)
# The verification stage's table (sphere.refdata.tables), named here without importing that stage's code.
_VERDICTS = table(
    "claim_verdicts", column("id"), column("claim_id"), column("verdict"), column("reason"),
    column("reference_value"), column("reference_year"), column("publisher"), column("alternatives"),
)
# Mention kinds that are one country under several forms ("China", "Chinese", "Beijing").
PLACE_KINDS = ("country", "demonym", "capital")


def _party(value: str | None, option: str) -> str | None:
    if not (value and value.strip()):
        return None
    from sphere.knowledge.lookup import resolve_party  # names, demonyms: loaded only when a filter names one

    return resolve_party(value.strip(), option)


def _choice(value: str | None, what: str, *, upper: bool = False) -> str | None:
    """`value` as one of sphere's measures or actions (`what`), or a ConfigError listing them."""
    if value is None:
        return None
    from sphere.models import ACTIONS, MEASURES  # the vocabularies; loaded only when a filter names one

    valid = {"measure": MEASURES, "action": ACTIONS}[what]
    value = value.strip().upper() if upper else value.strip().lower()
    if value not in valid:
        raise ConfigError(f"unknown {what} {value!r}", valid=valid)
    return value


def _like(value: str) -> str:
    """`value` as a LIKE pattern that matches it literally anywhere (its % and _ are not wildcards)."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _contains(col, value: str) -> ColumnElement[bool]:
    return col.ilike(_like(value), escape="\\")


def _outlet_filter(col, outlet: str):
    """The row's article was carried by an outlet whose name starts with `outlet`, in any case, ignoring a
    leading "www." or "The " ("reuters" finds "Reuters", "REUTERS" and "www.reuters.com").

    A correlated EXISTS, so a query read in date order through an index checks the few rows it needs instead
    of collecting all the outlet's articles.
    """
    start = _like(outlet.strip().lower())[1:]
    name = func.lower(ArticleSource.outlet)
    matches = or_(*(name.like(prefix + start, escape="\\") for prefix in ("", "www.", "the ")))
    return select(ArticleSource.id).where(ArticleSource.article_id == col, matches).exists()


def _page(query: Select, limit: int | None, offset: int) -> Select:
    return query.limit(limit).offset(offset) if limit else query.offset(offset)


def _count(session: Reader, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


# --- claims ----------------------------------------------------------------------------------------------
def _claim_conditions(
    *, holder: str | None, counterpart: str | None, measure: str | None, year: int | None,
    since: dt.date | None, until: dt.date | None, outlet: str | None, source: str | None, text: str | None,
    fact: int | None,
) -> list[ColumnElement[bool]]:
    measure = _choice(measure, "measure")
    conditions: list[ColumnElement[bool]] = [ClaimRow.current.is_(True)]
    for col, value, option in ((ClaimRow.holder, holder, "holder"), (ClaimRow.counterpart, counterpart,
                                                                     "counterpart")):
        if value:
            conditions.append(col == _party(value, option))
    filters = {ClaimRow.measure: measure, ClaimRow.year: year, ClaimRow.fact_id: fact}
    conditions += [col == value for col, value in filters.items() if value is not None]
    if since:
        conditions.append(ClaimRow.seen_on >= since)
    if until:
        conditions.append(ClaimRow.seen_on <= until)
    if outlet:
        conditions.append(_outlet_filter(ClaimRow.article_id, outlet))
    if source:
        conditions.append(_contains(ClaimRow.source, source))
    if text:
        conditions.append(_contains(ClaimRow.evidence, text))
    return conditions


def list_claims(
    session: Reader, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, source: str | None = None, text: str | None = None, fact: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[ClaimPublic]:
    """Claim mentions, newest first, each with its latest verdict; `source` and `text` match parts of the
    attribution and evidence.

    `country` on either side is read as two index range scans in date order (holder, then counterpart),
    each stopped after `limit + offset` rows, merged: never a sort of all of a country's claims.
    """
    conditions = _claim_conditions(holder=holder, counterpart=counterpart, measure=measure, year=year, since=since,
                                   until=until, outlet=outlet, source=source, text=text, fact=fact)
    order = (ClaimRow.seen_on.desc(), ClaimRow.id.desc())
    query = select(ClaimRow.table, *_ARTICLE_COLUMNS).join(Article.table, Article.id == ClaimRow.article_id)
    code = _party(country, "country")
    if code:
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
    rows = session.execute(_page(query.order_by(*order), limit, offset)).all()
    verdicts = _verdicts(session, [row.id for row in rows])
    return [ClaimPublic(**_fields(row), **verdicts.get(row.id, {})) for row in rows]


def count_claims(
    session: Reader, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, source: str | None = None, text: str | None = None, fact: int | None = None,
) -> int:
    """How many claim mentions `list_claims` with these filters would return without a limit."""
    conditions = _claim_conditions(holder=holder, counterpart=counterpart, measure=measure, year=year, since=since,
                                   until=until, outlet=outlet, source=source, text=text, fact=fact)
    code = _party(country, "country")
    if code:
        conditions.append(or_(ClaimRow.holder == code, ClaimRow.counterpart == code))
    return session.scalar(select(func.count()).select_from(ClaimRow.table).where(*conditions)) or 0


def _verdicts(session: Reader, claim_ids: Iterable[int]) -> dict[int, dict]:
    """The latest verdict of each claim, as ClaimPublic's verdict fields."""
    ids = list(claim_ids)
    if not ids:
        return {}
    query = select(_VERDICTS).where(_VERDICTS.c.claim_id.in_(ids)).order_by(_VERDICTS.c.id)
    return {
        row.claim_id: {"verdict": row.verdict, "verdict_reason": row.reason, "reference_value": row.reference_value,
                       "reference_year": row.reference_year, "reference_publisher": row.publisher,
                       "routes": json.loads(row.alternatives) if row.alternatives else []}
        for row in session.execute(query)
    }


# --- events ----------------------------------------------------------------------------------------------
def _events_query(
    *, country: str | None, actor: str | None, target: str | None, action: str | None, since: dt.date | None,
    until: dt.date | None, outlet: str | None, text: str | None, fact: int | None,
) -> Select:
    action = _choice(action, "action", upper=True)
    query = select(EventRow.table, *_ARTICLE_COLUMNS).join(Article.table, Article.id == EventRow.article_id)
    query = query.where(EventRow.current.is_(True))
    code = _party(country, "country")
    if code:
        query = query.where(or_(EventRow.actor == code, EventRow.target == code))
    for col, value, option in ((EventRow.actor, actor, "actor"), (EventRow.target, target, "target")):
        if value:
            query = query.where(col == _party(value, option))
    filters = {EventRow.action: action, EventRow.fact_id: fact}
    query = query.where(*(col == value for col, value in filters.items() if value is not None))
    if since:
        query = query.where(EventRow.day >= since)
    if until:
        query = query.where(EventRow.day <= until)
    if outlet:
        query = query.where(_outlet_filter(EventRow.article_id, outlet))
    if text:
        query = query.where(_contains(EventRow.evidence, text))
    return query


def list_events(
    session: Reader, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, text: str | None = None, fact: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[EventPublic]:
    """Event mentions, newest first; dates filter the event's day (the article's date when undated)."""
    query = _events_query(country=country, actor=actor, target=target, action=action, since=since, until=until,
                          outlet=outlet, text=text, fact=fact)
    query = _page(query.order_by(EventRow.day.desc(), EventRow.id.desc()), limit, offset)
    return [EventPublic(**_fields(row)) for row in session.execute(query)]


def count_events(
    session: Reader, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, text: str | None = None, fact: int | None = None,
) -> int:
    """How many event mentions `list_events` with these filters would return without a limit."""
    return _count(session, _events_query(country=country, actor=actor, target=target, action=action, since=since,
                                         until=until, outlet=outlet, text=text, fact=fact))


def _columns(row) -> dict:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in ("char_start", "char_end")}


def _fields(row) -> dict:  # type: ignore[no-untyped-def]
    """A selected row's columns as a `...Public` model's fields: offsets as `start` and `end`."""
    fields = dict(row._mapping)
    fields["start"], fields["end"] = fields.pop("char_start"), fields.pop("char_end")
    return fields


# --- facts -----------------------------------------------------------------------------------------------
def _claim_facts_query(
    *, country: str | None, holder: str | None, counterpart: str | None, measure: str | None, year: int | None,
    since: dt.date | None, until: dt.date | None, min_stories: int,
) -> Select:
    measure = _choice(measure, "measure")
    query = select(ClaimFact.table).where(ClaimFact.n_stories >= min_stories)
    code = _party(country, "country")
    if code:
        query = query.where(or_(ClaimFact.holder == code, ClaimFact.counterpart == code))
    for col, value, option in ((ClaimFact.holder, holder, "holder"), (ClaimFact.counterpart, counterpart,
                                                                      "counterpart")):
        if value:
            query = query.where(col == _party(value, option))
    query = query.where(*(c == v for c, v in ((ClaimFact.measure, measure), (ClaimFact.year, year)) if v is not None))
    if since:
        query = query.where(ClaimFact.last_seen >= since)
    if until:
        query = query.where(ClaimFact.first_seen <= until)
    return query


def list_claim_facts(
    session: Reader, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None,
    until: dt.date | None = None, min_stories: int = 1, limit: int | None = 100, offset: int = 0,
) -> list[ClaimFactPublic]:
    """Consolidated figures, most independent stories first; each lists the facts it conflicts with, and
    carries the approximation, modality and verdict of its first mention and every source its mentions cite."""
    query = _claim_facts_query(country=country, holder=holder, counterpart=counterpart, measure=measure, year=year,
                               since=since, until=until, min_stories=min_stories)
    facts = session.execute(_page(query.order_by(ClaimFact.n_stories.desc(), ClaimFact.id), limit, offset)).all()
    siblings: dict[str, list[int]] = defaultdict(list)
    keys = {f.key for f in facts}
    if keys:
        for key, fact_id in session.execute(select(ClaimFact.key, ClaimFact.id).where(ClaimFact.key.in_(keys))):
            siblings[key].append(fact_id)
    mentions = _fact_mentions(session, [f.id for f in facts])
    return [
        ClaimFactPublic.model_validate(
            {**f._mapping, "conflicts": sorted(i for i in siblings[f.key] if i != f.id), **mentions.get(f.id, {})}
        )
        for f in facts
    ]


def _fact_mentions(session: Reader, fact_ids: list[int]) -> dict[int, dict]:
    """Per fact: approx, modality and verdict of its first current mention, and the sources of all of them."""
    if not fact_ids:
        return {}
    query = (
        select(ClaimRow.id, ClaimRow.fact_id, ClaimRow.approx, ClaimRow.modality, ClaimRow.source)
        .where(ClaimRow.fact_id.in_(fact_ids), ClaimRow.current.is_(True))
        .order_by(ClaimRow.id)
    )
    rows = session.execute(query).all()
    verdicts = _verdicts(session, [r.id for r in rows])
    out: dict[int, dict] = {}
    for r in rows:
        first = out.setdefault(r.fact_id, {"approx": r.approx, "modality": r.modality, "sources": [],
                                           "verdict": verdicts.get(r.id, {}).get("verdict")})
        if r.source and r.source not in first["sources"]:
            first["sources"].append(r.source)
    return out


def count_claim_facts(
    session: Reader, *, country: str | None = None, holder: str | None = None, counterpart: str | None = None,
    measure: str | None = None, year: int | None = None, since: dt.date | None = None,
    until: dt.date | None = None, min_stories: int = 1,
) -> int:
    """How many facts `list_claim_facts` with these filters would return without a limit."""
    return _count(session, _claim_facts_query(country=country, holder=holder, counterpart=counterpart,
                                              measure=measure, year=year, since=since, until=until,
                                              min_stories=min_stories))


def _event_facts_query(
    *, country: str | None, actor: str | None, target: str | None, action: str | None, since: dt.date | None,
    until: dt.date | None, min_stories: int,
) -> Select:
    action = _choice(action, "action", upper=True)
    query = select(EventFact.table).where(EventFact.n_stories >= min_stories)
    code = _party(country, "country")
    if code:
        query = query.where(or_(EventFact.actor == code, EventFact.target == code))
    for col, value, option in ((EventFact.actor, actor, "actor"), (EventFact.target, target, "target")):
        if value:
            query = query.where(col == _party(value, option))
    if action:
        query = query.where(EventFact.action == action)
    if since:
        query = query.where(EventFact.date_max >= since)
    if until:
        query = query.where(EventFact.date_min <= until)
    return query


def list_event_facts(
    session: Reader, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    min_stories: int = 1, limit: int | None = 100, offset: int = 0,
) -> list[EventFactPublic]:
    """Consolidated events, most independent stories first."""
    query = _event_facts_query(country=country, actor=actor, target=target, action=action, since=since,
                               until=until, min_stories=min_stories)
    query = _page(query.order_by(EventFact.n_stories.desc(), EventFact.id), limit, offset)
    return [EventFactPublic.model_validate(dict(f._mapping)) for f in session.execute(query)]


def count_event_facts(
    session: Reader, *, country: str | None = None, actor: str | None = None, target: str | None = None,
    action: str | None = None, since: dt.date | None = None, until: dt.date | None = None, min_stories: int = 1,
) -> int:
    """How many facts `list_event_facts` with these filters would return without a limit."""
    return _count(session, _event_facts_query(country=country, actor=actor, target=target, action=action,
                                              since=since, until=until, min_stories=min_stories))


# --- articles --------------------------------------------------------------------------------------------
def _articles_query(
    *, country: str | None, outlet: str | None, since: dt.date | None, until: dt.date | None, text: str | None,
    story: int | None,
) -> Select:
    n_sources = (
        select(func.count()).where(ArticleSource.article_id == Article.id).correlate(Article.table)
        .scalar_subquery().label("n_sources")
    )
    query = select(Article.table, n_sources)
    code = _party(country, "country")
    if code:
        mentioned = select(EntityMention.article_id).where(EntityMention.code == code, EntityMention.current.is_(True))
        query = query.where(Article.id.in_(mentioned))
    if outlet:
        query = query.where(_outlet_filter(Article.id, outlet))
    if since:
        query = query.where(Article.published >= since)
    if until:
        query = query.where(Article.published <= until)
    if text:
        query = query.where(or_(_contains(Article.title, text), _contains(Article.text, text)))
    if story is not None:
        query = query.where(Article.story_id == story)
    return query


def list_articles(
    session: Reader, *, country: str | None = None, outlet: str | None = None, since: dt.date | None = None,
    until: dt.date | None = None, text: str | None = None, story: int | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[ArticlePublic]:
    """Stored articles, newest first; `country` keeps those that mention it, `text` searches title and text."""
    query = _articles_query(country=country, outlet=outlet, since=since, until=until, text=text, story=story)
    query = _page(query.order_by(Article.published.desc().nulls_last(), Article.id.desc()), limit, offset)
    return [ArticlePublic.model_validate(dict(row._mapping)) for row in session.execute(query)]


def count_articles(
    session: Reader, *, country: str | None = None, outlet: str | None = None, since: dt.date | None = None,
    until: dt.date | None = None, text: str | None = None, story: int | None = None,
) -> int:
    """How many articles `list_articles` with these filters would return without a limit."""
    return _count(session, _articles_query(country=country, outlet=outlet, since=since, until=until, text=text,
                                           story=story))


# --- entities --------------------------------------------------------------------------------------------
# A country named, its people and its capital are one party: those mentions fold into kind "country".
_ENTITY_KIND = case((EntityMention.kind.in_(PLACE_KINDS), literal("country")), else_=EntityMention.kind)


def _entities_query(
    *, country: str | None, kind: str | None, text: str | None, outlet: str | None, since: dt.date | None,
    until: dt.date | None,
) -> Select:
    mentions = func.count(EntityMention.id)
    query = (
        select(EntityMention.code, EntityMention.name, _ENTITY_KIND.label("kind"), mentions,
               func.count(distinct(EntityMention.article_id)), func.min(Article.seen_on), func.max(Article.seen_on))
        .join(Article.table, Article.id == EntityMention.article_id)
        .where(EntityMention.current.is_(True))
        .group_by(EntityMention.code, EntityMention.name, _ENTITY_KIND)
    )
    code = _party(country, "country")
    if code:
        query = query.where(EntityMention.code == code)
    if kind:
        query = query.where(EntityMention.kind == kind.strip().lower())
    if text:
        query = query.where(or_(_contains(EntityMention.name, text), _contains(EntityMention.text, text)))
    if outlet:
        query = query.where(_outlet_filter(EntityMention.article_id, outlet))
    if since:
        query = query.where(Article.seen_on >= since)
    if until:
        query = query.where(Article.seen_on <= until)
    return query


def list_entities(
    session: Reader, *, country: str | None = None, kind: str | None = None, text: str | None = None,
    outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[EntityPublic]:
    """Coded parties mentioned, most mentioned first, each once: a country's name, demonym and capital are
    folded into one row listing the forms written, most frequent first. `text` matches the name or a mention;
    `kind` keeps mentions of one kind (country, demonym, capital, group, institution, official)."""
    query = _entities_query(country=country, kind=kind, text=text, outlet=outlet, since=since, until=until)
    mentions = func.count(EntityMention.id)
    query = _page(query.order_by(mentions.desc(), EntityMention.code, EntityMention.name), limit, offset)
    rows = session.execute(query).all()
    forms = _entity_forms(session, {(code, name) for code, name, *_ in rows}, kind)
    return [
        EntityPublic(code=code, name=name, kind=entity_kind, mentions=n_mentions, articles=n_articles,
                     first_seen=first, last_seen=last, forms=forms.get((code, name, entity_kind), []))
        for code, name, entity_kind, n_mentions, n_articles, first, last in rows
    ]


def _entity_forms(session: Reader, keys: set[tuple[str, str]], kind: str | None = None,
                  ) -> dict[tuple[str, str, str], list[str]]:
    """(code, name, folded kind) -> the texts its mentions (of `kind`, if given) were written as, most
    frequent first."""
    if not keys:
        return {}
    query = (
        select(EntityMention.code, EntityMention.name, _ENTITY_KIND, EntityMention.text, func.count())
        .where(EntityMention.current.is_(True), EntityMention.code.in_({code for code, _ in keys}))
        .group_by(EntityMention.code, EntityMention.name, _ENTITY_KIND, EntityMention.text)
    )
    if kind:
        query = query.where(EntityMention.kind == kind.strip().lower())
    counts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for code, name, kind, text, n in session.execute(query):
        if (code, name) in keys:
            counts[(code, name, kind)][text] += n
    return {key: [text for text, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))] for key, c in counts.items()}


def count_entities(
    session: Reader, *, country: str | None = None, kind: str | None = None, text: str | None = None,
    outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
) -> int:
    """How many rows `list_entities` with these filters would return without a limit."""
    return _count(session, _entities_query(country=country, kind=kind, text=text, outlet=outlet, since=since,
                                           until=until))


def stats(session: Reader) -> StatsPublic:
    """Counts per table, stories vs articles, outlets, extractor versions and the date range."""
    counts = {t.__tablename__: session.scalar(select(func.count()).select_from(t.table)) or 0 for t in TABLES}
    superseded = sum(
        session.scalar(select(func.count()).select_from(t.table).where(t.current.is_(False))) or 0
        for t in EXTRACTED
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
    "PLACE_KINDS", "count_articles", "count_claim_facts", "count_claims", "count_entities", "count_event_facts",
    "count_events", "list_articles", "list_claim_facts", "list_claims", "list_entities", "list_event_facts",
    "list_events", "stats",
]
