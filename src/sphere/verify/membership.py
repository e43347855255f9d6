"""Membership events checked against the dated membership tables of the snapshot.

An event that says a country joined a group (as member or partner) or left it (left, withdrew, declined
to renew) carries `membership` = join | leave (set by extraction). `verify_membership(event, published=...,
ref=...)` compares it with the rows of the group's table for that country:

- join: `consistent` when the table has the country in the group (any status: member, partner, ...) from
  a date within `WINDOW_DAYS` of the event's date (its own date, else the article's); `inconsistent` when
  the table, which lists every member, never has the country, or has it only from a date far from the event;
- leave: `consistent` when the table records an exit within `WINDOW_DAYS` of the event's date (an
  announcement may precede the exit by months); `inconsistent` when the table shows the country still in
  the group with no exit;
- a group with no table (EU, NATO: not in the snapshot) or an event with no date: `unverifiable`, with why.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from sphere.models import Event
from sphere.refdata.load import ReferenceData

WINDOW_DAYS = 400  # an announcement, a signature and entry into force can be a year apart

MembershipVerdictKind = Literal["consistent", "inconsistent", "unverifiable"]


class MembershipVerdict(BaseModel):
    """A membership event compared with a dated membership table."""

    model_config = ConfigDict(frozen=True)

    verdict: MembershipVerdictKind
    reason: str
    country: str
    group: str | None
    membership: str
    event_date: date | None
    status: str | None = None  # the table's status for the country (member, partner, ...)
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    source_row: str | None = None
    evidence: str = ""


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def verify_membership(event: Event, *, published: date | None, ref: ReferenceData) -> MembershipVerdict:
    """The verdict on one membership event (join or leave)."""
    if event.membership is None:
        raise ValueError(f"not a membership event: {event.actor} {event.action} {event.target}")
    when = event.date or published
    base: dict[str, Any] = dict(
        country=event.actor,
        group=event.target,
        membership=event.membership,
        event_date=when,
        evidence=event.evidence,
    )
    group = event.target
    if group is None or group not in ref.groups:
        tables = ", ".join(ref.groups)
        return MembershipVerdict(
            verdict="unverifiable", reason=f"no membership table for {group} (tables: {tables})", **base
        )
    if when is None:
        return MembershipVerdict(
            verdict="unverifiable", reason="the event has no date and the article none", **base
        )
    frame = ref.memberships
    rows = frame[(frame["group"] == group) & (frame["iso3"] == event.actor)]
    window = timedelta(days=WINDOW_DAYS)
    if rows.empty:
        verb = "joining" if event.membership == "join" else "being in it"
        return MembershipVerdict(
            verdict="inconsistent",
            reason=f"the {group} table has no row for {event.actor}: no record of {verb}",
            **base,
        )
    row = rows.iloc[-1]
    facts: dict[str, Any] = dict(
        status=row["status"],
        date_from=row["date_from"] or None,
        date_to=row["date_to"] or None,
        source=row["publisher_short"],
        source_row=f"{row['snapshot_file']}:{row['source_row']}",
    )
    since, until = _day(row["effective_from"]), _day(row["date_to"])
    said = f"{event.actor} {row['status']} of {group}"
    if event.membership == "join":
        if since is None:
            return MembershipVerdict(
                verdict="unverifiable",
                reason=f"the table lists {said} with an uncertain start date",
                **base,
                **facts,
            )
        near = abs(since - when) <= window
        verdict: MembershipVerdictKind = "consistent" if near else "inconsistent"
        reason = f"the table lists {said} from {since}" + (
            f", within {WINDOW_DAYS} days of {when}" if near else f", not near {when}"
        )
        if until is not None and until <= when:
            verdict, reason = "inconsistent", f"{reason}, and it left on {until}"
        return MembershipVerdict(verdict=verdict, reason=reason, **base, **facts)
    if until is None:
        return MembershipVerdict(
            verdict="inconsistent",
            reason=f"the table lists {said} from {row['date_from'] or 'an uncertain date'} with no exit",
            **base,
            **facts,
        )
    near = abs(until - when) <= window
    return MembershipVerdict(
        verdict="consistent" if near else "inconsistent",
        reason=f"the table records {event.actor} leaving {group} on {until}"
        + (f", within {WINDOW_DAYS} days of {when}" if near else f", not near {when}"),
        **base,
        **facts,
    )
