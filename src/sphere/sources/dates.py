"""Publication dates as a person writes them: ISO (`2025-02-20`, `2025-02-20T10:00:00Z`), RFC 2822
(`Thu, 20 Feb 2025 10:00:00 +0000`), `20 February 2025`, `February 20, 2025`, `2025/02/20`.

ISO forms are read directly (fast, and most corpora use them); anything else goes to dateparser, held to
absolute dates with a day, a month and a year: "yesterday" or "February 2025" is no publication date.
A string longer than `MAX_CHARS` is no date either (and never reaches the parser).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

MAX_CHARS = 64
DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: object) -> date | None:
    """A date from a `date`, a `datetime` or a string in any form above; None if there is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_CHARS:
        return None
    return _iso(value) or _written(value)


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _written(value: str) -> date | None:
    import dateparser  # loaded only when a date is not ISO: it takes a moment to import

    try:
        found = dateparser.parse(value, languages=["en"], settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, RecursionError):
        return None
    return found.date() if found else None
