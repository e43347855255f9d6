"""Dates of events, resolved against the article's publication date.

Rules follow SCHEMA.md: a weekday is the latest such day on or before publication (the
next one when the sentence speaks of the future: "are due to begin on Wednesday");
"yesterday"/"today" are relative to publication; a day and month take the publication
year (the year before when that would fall after publication); month-only, year-only and
vague expressions ("last week") give no date.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MON_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:,?\s+((?:19|20)\d\d))?\b")
_MDY = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?")
_WEEKDAY = re.compile(r"\b(?:on |last |this |next )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_FUTURE = re.compile(r"\b(will|due to|are to|is to|scheduled|next|plans? to|expected to)\b", re.I)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MON_ABBR.get(key[:4]) or _MON_ABBR[key[:3]]


def resolve_date(sentence: str, published: date | None) -> date | None:
    """The first resolvable date expression in the sentence, or None."""
    for pat, order in ((_MDY, "md"), (_DMY, "dm")):
        m = pat.search(sentence)
        if m:
            if order == "md":
                mon, day, year = _month(m.group(1)), int(m.group(2)), m.group(3)
            else:
                day, mon, year = int(m.group(1)), _month(m.group(2)), m.group(3)
            if year is None and published is None:
                return None
            y = int(year) if year else published.year  # type: ignore[union-attr]
            try:
                d = date(y, mon, day)
            except ValueError:
                return None
            if year is None and published is not None and d > published + timedelta(days=31):
                with suppress(ValueError):  # 29 February: the year before has none, so it is this year's
                    d = date(y - 1, mon, day)
            return d
    if published is None:
        return None
    low = sentence.lower()
    if re.search(r"\byesterday\b", low):
        return published - timedelta(days=1)
    if re.search(r"\btoday\b", low) and not re.search(r"\btoday'?s?\s+(?:world|economy)", low):
        return published
    m = _WEEKDAY.search(sentence)
    if m:
        wd = _WEEKDAYS.index(m.group(1).lower())
        if _FUTURE.search(sentence) and not m.group(0).lower().startswith("last"):
            delta = (wd - published.weekday()) % 7 or 7
            return published + timedelta(days=delta)
        delta = (published.weekday() - wd) % 7
        return published - timedelta(days=delta)
    return None
