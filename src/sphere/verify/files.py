"""Verification over article files, without a store: JSON lines holding either extracted `ArticleResult`s
(as `sphere extract --format json` writes) or gold lines (../shared/eval/*.jsonl); both carry `claims`
with the SCHEMA.md field names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from sphere.errors import InputError
from sphere.models import Claim, Event
from sphere.refdata.load import ReferenceData
from sphere.verify.check import verify_claim
from sphere.verify.membership import MembershipVerdict, verify_membership
from sphere.verify.model import Verdict

CLAIM_FIELDS = set(Claim.model_fields)
EVENT_FIELDS = set(Event.model_fields)


class ArticleVerdicts(BaseModel):
    id: str
    published: date | None
    verdicts: list[Verdict]
    memberships: list[MembershipVerdict] = []  # membership events (joined, left) against the tables


def read_membership_events(line: str, origin: str) -> list[Event]:
    """The membership events (join / leave) of one JSON line; InputError naming the line when unreadable."""
    try:
        raw = json.loads(line)
        return [
            Event.model_validate({"start": 0, "end": 0, **{k: v for k, v in e.items() if k in EVENT_FIELDS}})
            for e in raw.get("events", [])
            if e.get("membership")
        ]
    except (json.JSONDecodeError, TypeError, ValueError, ValidationError) as exc:
        raise InputError(origin, f"not an article with events: {exc}".splitlines()[0]) from exc


def read_claims(line: str, origin: str) -> tuple[str, date | None, list[Claim]]:
    """(id, published, claims) of one JSON line; InputError naming the line when it cannot be read."""
    try:
        raw = json.loads(line)
        published = date.fromisoformat(raw["published"]) if raw.get("published") else None
        claims = [
            Claim.model_validate({"start": 0, "end": 0, **{k: v for k, v in c.items() if k in CLAIM_FIELDS}})
            for c in raw.get("claims", [])
        ]
        return str(raw.get("id", origin)), published, claims
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, ValidationError) as exc:
        raise InputError(origin, f"not an article with claims: {exc}".splitlines()[0]) from exc


def verify_file(path: Path, *, ref: ReferenceData, only: set[str] | None = None) -> Iterator[ArticleVerdicts]:
    """Verdicts for every article (or those whose id is in `only`) of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            article_id, published, claims = read_claims(line, f"{path}:{number}")
            if only and article_id not in only:
                continue
            events = read_membership_events(line, f"{path}:{number}")
            yield ArticleVerdicts(
                id=article_id,
                published=published,
                verdicts=[verify_claim(c, published=published, ref=ref) for c in claims],
                memberships=[verify_membership(e, published=published, ref=ref) for e in events],
            )
