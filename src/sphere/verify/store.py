"""Verdicts in the store: `store_verdicts(session, article_id)` checks the current claims of one stored
article against the snapshot and writes one `claim_verdicts` row per claim (replacing earlier ones), the
other routes to the same quantity as JSON beside it; and checks the article's membership events (joined,
left) against the dated membership tables, writing the verdict on the event row itself.
The store's ingest calls it right after writing an article's claims, inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from sphere.models import Claim, Event
from sphere.refdata.load import ReferenceData, load_reference
from sphere.refdata.tables import ClaimVerdictRow
from sphere.store.schema import Article, ClaimRow, EventRow
from sphere.verify.check import verify_claim
from sphere.verify.membership import MembershipVerdict, verify_membership
from sphere.verify.model import Alternative, Verdict, claim_fields

VERDICT_COLUMNS = (
    "verdict",
    "reason",
    "reference_value",
    "reference_year",
    "reference_unit",
    "series",
    "publisher",
    "source_file",
    "source_row",
    "difference",
    "coverage",
    "coverage_note",
    "year_note",
    "source_differs",
)


CLAIM_COLUMNS = (
    "measure",
    "holder",
    "counterpart",
    "value",
    "unit",
    "approx",
    "relative_to",
    "modality",
    "year",
    "source",
    "evidence",
    "value_text",
    "confidence",
    "period",
    "since",
)


# Built once: a statement made per call costs more than the query itself (about 1 ms an article).
_CURRENT_CLAIMS = select(
    ClaimRow.id, ClaimRow.char_start, ClaimRow.char_end, *(getattr(ClaimRow, c) for c in CLAIM_COLUMNS)
).where(ClaimRow.article_id == bindparam("article_id"), ClaimRow.current)
_PUBLISHED = select(Article.published).where(Article.id == bindparam("article_id"))
_MEMBERSHIP_EVENTS = select(
    EventRow.id, EventRow.actor, EventRow.action, EventRow.target, EventRow.date, EventRow.membership,
    EventRow.evidence, EventRow.char_start, EventRow.char_end,
).where(EventRow.article_id == bindparam("article_id"), EventRow.current, EventRow.membership.is_not(None))
_SET_MEMBERSHIP = (
    update(EventRow)
    .where(EventRow.id == bindparam("event_id"))
    .values(membership_verdict=bindparam("verdict"), membership_reason=bindparam("reason"),
            membership_source=bindparam("source"))
)


def claim_of(row) -> Claim:  # type: ignore[no-untyped-def]
    """The typed claim of a stored claim row (an ORM row or a selected row with the same names)."""
    return Claim.model_validate(
        {**{f: getattr(row, f) for f in CLAIM_COLUMNS}, "start": row.char_start, "end": row.char_end}
    )


def store_verdicts(session: Session, article_id: int, *, ref: ReferenceData | None = None) -> int:
    """Verify the current claims and membership events of one article and store the verdicts; returns how
    many claim verdicts were written.

    Runs once per stored article inside the ingest's transaction, so it reads only the columns it needs
    with prepared Core statements (no ORM objects, no flush)."""
    connection = session.connection()  # Core, no autoflush: the claims were written with Core inserts
    claims = connection.execute(_CURRENT_CLAIMS, {"article_id": article_id}).all()
    events = connection.execute(_MEMBERSHIP_EVENTS, {"article_id": article_id}).all()
    if not claims and not events:  # most articles state no figure and no membership: nothing to check
        return 0
    published = connection.execute(_PUBLISHED, {"article_id": article_id}).scalar()
    ref = ref or load_reference()
    if events:
        checked = [(row.id, verify_membership(event_of(row), published=published, ref=ref)) for row in events]
        connection.execute(_SET_MEMBERSHIP, [
            {"event_id": event_id, "verdict": v.verdict, "reason": v.reason, "source": membership_source(v)}
            for event_id, v in checked
        ])
    if not claims:
        return 0
    session.execute(delete(ClaimVerdictRow).where(ClaimVerdictRow.article_id == article_id))
    now = dt.datetime.now(dt.UTC)
    rows = []
    for row in claims:
        verdict = verify_claim(claim_of(row), published=published, ref=ref)
        rows.append(
            {
                "claim_id": row.id,
                "article_id": article_id,
                "snapshot_version": ref.version,
                "checked_at": now,
                "alternatives": alternatives_json(verdict.alternatives),
                **{c: getattr(verdict, c) for c in VERDICT_COLUMNS},
            }
        )
    session.execute(insert(ClaimVerdictRow), rows)
    return len(claims)


def event_of(row) -> Event:  # type: ignore[no-untyped-def]
    """The typed event of a stored event row (the columns `_MEMBERSHIP_EVENTS` selects)."""
    return Event.model_validate({
        "actor": row.actor, "action": row.action, "target": row.target, "date": row.date,
        "membership": row.membership, "evidence": row.evidence, "start": row.char_start, "end": row.char_end,
    })


def membership_source(verdict: MembershipVerdict) -> str | None:
    """Where the membership verdict's row is: publisher and snapshot file:row."""
    return " ".join(filter(None, (verdict.source, verdict.source_row))) or None


def alternatives_json(alternatives: list[Alternative]) -> str | None:
    """The other routes as stored (JSON), None when there are none."""
    return json.dumps([a.model_dump(mode="json") for a in alternatives]) if alternatives else None


def alternatives_of(text: str | None) -> list[Alternative]:
    """The stored other routes back as models."""
    return [Alternative.model_validate(a) for a in json.loads(text)] if text else []


def stored_verdicts(
    session: Session,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[tuple[ClaimRow, ClaimVerdictRow | None, dt.date | None]]:
    """Stored claims (of a country as holder or counterpart) with their verdict and the article's date."""
    query = (
        select(ClaimRow, ClaimVerdictRow, Article.published)
        .join(Article, Article.id == ClaimRow.article_id)
        .outerjoin(ClaimVerdictRow, ClaimVerdictRow.claim_id == ClaimRow.id)
        .where(ClaimRow.current)
    )
    if country:
        query = query.where((ClaimRow.holder == country) | (ClaimRow.counterpart == country))
    if since:
        query = query.where(ClaimRow.seen_on >= since)
    if until:
        query = query.where(ClaimRow.seen_on <= until)
    return [tuple(r) for r in session.execute(query.order_by(ClaimRow.seen_on, ClaimRow.id)).all()]  # type: ignore[misc]


def stored_memberships(session: Session) -> list[MembershipVerdict]:
    """The store's current membership events with the verdict stored on each (unverified ones left out)."""
    query = (
        select(EventRow.actor, EventRow.target, EventRow.membership, EventRow.day, EventRow.evidence,
               EventRow.membership_verdict, EventRow.membership_reason, EventRow.membership_source)
        .where(EventRow.current, EventRow.membership.is_not(None), EventRow.membership_verdict.is_not(None))
        .order_by(EventRow.day, EventRow.id)
    )
    return [
        MembershipVerdict(verdict=r.membership_verdict, reason=r.membership_reason or "", country=r.actor,
                          group=r.target, membership=r.membership, event_date=r.day, source=r.membership_source,
                          evidence=r.evidence)
        for r in session.execute(query)
    ]


def verify_store(session: Session, *, ref: ReferenceData | None = None) -> int:
    """Re-verify every article in the store; returns the number of verdicts written."""
    ids = session.scalars(select(Article.id).order_by(Article.id)).all()
    return sum(store_verdicts(session, article_id, ref=ref) for article_id in ids)


def as_verdict(row: ClaimVerdictRow, claim: ClaimRow) -> Verdict:
    """A stored verdict as the public `Verdict` model (without the component rows)."""
    return Verdict(
        **claim_fields(claim),
        snapshot_version=row.snapshot_version,
        alternatives=alternatives_of(row.alternatives),
        **{c: getattr(row, c) for c in VERDICT_COLUMNS},
    )
