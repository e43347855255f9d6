"""RSS and Atom feeds (feedparser): each entry is a Document whose text is its content, or else its
summary, with HTML stripped. The id is the entry's link (else its guid, else `<stem>-<n>`). An entry that
cannot be read is an InputError naming `<feed> entry <n>`; the feed goes on."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

import feedparser

from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items, isolated, one_document
from sphere.sources.checks import Rejected
from sphere.sources.html import strip_html

# A character reference to a lone surrogate (`&#xD800;`) makes feedparser fail on the whole feed; it becomes
# a noncharacter the entry holding it is rejected for, so the other entries are read.
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
_MARK = "\U0010fffe"


def read_feed(data: bytes, *, stem: str, origin: str, settings: Settings) -> Items:
    data = _CHAR_REF.sub(_unsurrogate, data)
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("version"):
            yield InputError(origin, "feed has no entries")
        elif parsed.get("bozo"):
            problem = str(parsed.get("bozo_exception", "")).strip().split("\n")[0] or "unreadable XML"
            yield InputError(origin, f"malformed feed ({problem})")
        else:
            yield InputError(origin, "not an RSS or Atom feed")
        return
    outlet = strip_html(parsed.feed.get("title", "")) or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{origin} entry {n}"  # each entry on its own: one that fails costs only itself
        yield from isolated(where, partial(_entry, entry, f"{stem}-{n}", where, outlet, settings))


def _unsurrogate(ref: re.Match[bytes]) -> bytes:
    digits = ref.group(1)
    code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    return f"&#{ord(_MARK)};".encode() if 0xD800 <= code <= 0xDFFF else ref.group(0)


def _entry(entry: Any, default_id: str, where: str, outlet: str | None, settings: Settings) -> Items:
    for name in ("title", "summary", "link", "id"):
        if _MARK in str(entry.get(name, "")):
            raise Rejected(f"{name} is not valid UTF-8 text (a character reference to a lone surrogate)")
    if any(_MARK in part.get("value", "") for part in entry.get("content", [])):
        raise Rejected("content is not valid UTF-8 text (a character reference to a lone surrogate)")
    link = entry.get("link") or None
    yield from one_document(
        strip_html(_body(entry)),
        origin=where,
        settings=settings,
        id=link or entry.get("id") or default_id,
        title=strip_html(entry.get("title", "")) or None,
        published=_entry_date(entry),
        url=link,
        source=outlet,
    )


def _body(entry: Any) -> str:
    """The longest of the entry's content parts, or its summary."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    return max([*contents, entry.get("summary", "")], key=len)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
    return None
