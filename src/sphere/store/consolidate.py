"""Facts across stories: many mentions of one figure or one event become one consolidated fact.

A claim joins the claim fact with the same key (measure, holder, counterpart, unit, year, relative_to)
whose first figure is within `TOLERANCE` of its own; a figure outside it starts a new fact with the
same key, so conflicting figures stay side by side instead of being averaged. An event joins the event
fact with the same (actor, action, target) whose anchor day is within `WINDOW` (undated events use the
article's date); for CONSULT the two parties are unordered.

Counts are recomputed from the mentions after each change, so `n_stories` counts distinct stories
(a wire story republished by 366 outlets is one) and stays right however the mentions arrive.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import bindparam, delete, distinct, func, insert, select, update
from sqlalchemy.orm import Session

from sphere.store.schema import ArticleSource, ClaimFact, ClaimRow, EventFact, EventRow

TOLERANCE = 0.02
WINDOW = dt.timedelta(days=3)


def claim_key(row: dict) -> str:
    parts = (row["measure"], row["holder"], row["counterpart"], row["unit"], row["year"], row["relative_to"])
    return "|".join("" if p is None else str(p) for p in parts)


def event_key(row: dict) -> str:
    actor, target = row["actor"], row["target"]
    if row["action"] == "CONSULT" and target is not None and target < actor:
        actor, target = target, actor
    return f"{actor}|{row['action']}|{target or ''}"


def within(a: float, b: float, tolerance: float = TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b)) or a == b


def attach_claims(session: Session, *, rows: list[dict]) -> set[int]:
    """Set `fact_id` of each claim row (a dict of column values), creating facts as needed; returns those touched."""
    if not rows:
        return set()
    keys = {claim_key(row) for row in rows}
    facts: dict[str, list[list]] = defaultdict(list)  # key -> [[fact id or None, anchor value, rows]]
    for fact_id, key, value in session.execute(
        select(ClaimFact.id, ClaimFact.key, ClaimFact.value).where(ClaimFact.key.in_(keys))
    ):
        facts[key].append([fact_id, value, []])
    for row in rows:
        key, value = claim_key(row), row["value"]
        close = [f for f in facts[key] if within(f[1], value)]
        if close:
            fact = min(close, key=lambda f: (abs(f[1] - value), f[0] is None, f[0] or 0))
        else:
            fact = [None, value, []]
            facts[key].append(fact)
        fact[2].append(row)
    created = [(key, f) for key, fs in facts.items() for f in fs if f[0] is None]
    if created:
        values = [{
            "key": key, "value": f[1], "value_min": f[1], "value_max": f[1], "n_stories": 0, "n_mentions": 0,
            "n_outlets": 0, **{c: f[2][0][c] for c in ("measure", "holder", "counterpart", "unit", "year", "relative_to")},
        } for key, f in created]
        _insert_facts(session, ClaimFact.__table__, created, values)
    return _link(facts)


def attach_events(session: Session, *, rows: list[dict]) -> set[int]:
    """Set `fact_id` of each event row (a dict of column values), creating facts as needed; returns those touched."""
    if not rows:
        return set()
    keys = {event_key(row) for row in rows}
    first, last = min(r["day"] for r in rows) - WINDOW, max(r["day"] for r in rows) + WINDOW
    facts: dict[str, list[list]] = defaultdict(list)  # key -> [[fact id or None, anchor day, rows]]
    for fact_id, key, day in session.execute(
        select(EventFact.id, EventFact.key, EventFact.day).where(EventFact.key.in_(keys), EventFact.day.between(first, last))
    ):
        facts[key].append([fact_id, day, []])
    for row in rows:
        key, day = event_key(row), row["day"]
        close = [f for f in facts[key] if abs(f[1] - day) <= WINDOW]
        if close:
            fact = min(close, key=lambda f: (abs((f[1] - day).days), f[0] is None, f[0] or 0))
        else:
            fact = [None, day, []]
            facts[key].append(fact)
        fact[2].append(row)
    created = [(key, f) for key, fs in facts.items() for f in fs if f[0] is None]
    if created:
        values = [{
            "key": key, "actor": f[2][0]["actor"], "action": f[2][0]["action"], "target": f[2][0]["target"],
            "day": f[1], "date_min": f[1], "date_max": f[1], "n_stories": 0, "n_mentions": 0, "n_outlets": 0,
        } for key, f in created]
        _insert_facts(session, EventFact.__table__, created, values)
    return _link(facts)


def _insert_facts(session: Session, table, created: list, values: list[dict]) -> None:
    """Insert new facts in one statement and give each pending fact its id."""
    ids = session.connection().scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), values)
    for (_, f), fact_id in zip(created, ids, strict=True):
        f[0] = fact_id


def _link(facts: dict) -> set[int]:
    """Point every member row at its fact; returns the facts that gained members."""
    touched: set[int] = set()
    for fs in facts.values():
        for fact_id, _, members in fs:
            for row in members:
                row["fact_id"] = fact_id
            if members:
                touched.add(fact_id)
    return touched


def _refresh(session: Session, fact_table, row_table, fact_ids: Iterable[int], low, high, names) -> None:
    """Recompute facts' counts and ranges from their current mentions, set-wise; drop facts left empty."""
    ids = sorted(set(fact_ids))
    if not ids:
        return
    current = (row_table.fact_id.in_(ids), row_table.current.is_(True))
    stats = {
        fact_id: rest
        for fact_id, *rest in session.execute(
            select(row_table.fact_id, func.count(), func.count(distinct(row_table.story_id)),
                   func.min(row_table.seen_on), func.max(row_table.seen_on), func.min(low), func.max(high))
            .where(*current).group_by(row_table.fact_id)
        )
    }
    outlets: dict[int, int] = dict(session.execute(
        select(row_table.fact_id, func.count(distinct(ArticleSource.outlet)))
        .join(ArticleSource, ArticleSource.article_id == row_table.article_id)
        .where(*current).group_by(row_table.fact_id)
    ).all())
    empty = [i for i in ids if i not in stats]
    if empty:
        session.execute(delete(fact_table).where(fact_table.id.in_(empty)))
    if stats:
        columns = ("n_mentions", "n_stories", "first_seen", "last_seen", *names, "n_outlets")
        statement = update(fact_table.__table__).where(fact_table.__table__.c.id == bindparam("fact_id")).values(
            **{c: bindparam(f"new_{c}") for c in columns}
        )
        values = [
            {"fact_id": i, **{f"new_{c}": v for c, v in zip(columns, [*s, outlets.get(i, 0)], strict=True)}}
            for i, s in stats.items()
        ]
        session.connection().execute(statement, values)


def refresh_claim_facts(session: Session, *, fact_ids: Iterable[int]) -> None:
    """Recompute the counts and dates of claim facts from their current mentions; drop empty facts."""
    _refresh(session, ClaimFact, ClaimRow, fact_ids, ClaimRow.value, ClaimRow.value, ("value_min", "value_max"))


def refresh_event_facts(session: Session, *, fact_ids: Iterable[int]) -> None:
    """Recompute the counts and dates of event facts from their current mentions; drop empty facts."""
    _refresh(session, EventFact, EventRow, fact_ids, EventRow.day, EventRow.day, ("date_min", "date_max"))


def facts_of_articles(session: Session, *, article_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """The claim and event facts these articles' rows support."""
    ids = list(set(article_ids))
    claims = session.scalars(
        select(ClaimRow.fact_id).where(ClaimRow.article_id.in_(ids), ClaimRow.fact_id.is_not(None)).distinct()
    ).all()
    events = session.scalars(
        select(EventRow.fact_id).where(EventRow.article_id.in_(ids), EventRow.fact_id.is_not(None)).distinct()
    ).all()
    # fact_id IS NOT NULL in both queries, so every value is an int
    return set(cast("Sequence[int]", claims)), set(cast("Sequence[int]", events))
