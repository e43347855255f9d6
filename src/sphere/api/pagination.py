"""Cursor pagination for every list: a page says whether there is more and how to get it.

A cursor is an opaque token for the position after the last item served. The library's queries take
`limit` and `offset`; a page asks them for one item more than it serves, so `has_more` is never a guess
and a list never stops silently.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from sphere.errors import ConfigError

T = TypeVar("T")
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000


class Page(BaseModel, Generic[T]):
    """One page of a list: `next_cursor` fetches the rest; null (and `has_more` false) at the end."""

    items: list[T]
    has_more: bool
    next_cursor: str | None = Field(description="pass as ?cursor= to get the next page")
    limit: int


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The position a cursor stands for; ConfigError naming the cursor when it is not one of ours."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    if not raw.startswith("o") or not raw[1:].isdigit() or int(raw[1:]) > MAX_OFFSET:
        raise ConfigError(f"invalid cursor {cursor[:40]!r}: use the next_cursor of a previous page")
    return int(raw[1:])


def paginate(fetch: Callable[[int, int], Sequence[T]], *, limit: int, cursor: str | None) -> Page[T]:
    """Call `fetch(limit + 1, offset)` and cut the extra item off into `has_more`."""
    offset = decode_cursor(cursor)
    rows = list(fetch(limit + 1, offset))
    more = len(rows) > limit
    return Page[T](items=rows[:limit], has_more=more, next_cursor=encode_cursor(offset + limit) if more else None,
                   limit=limit)
