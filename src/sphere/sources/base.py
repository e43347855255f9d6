"""What every reader shares: turning checked text into a `Document`, and paragraph clean-up."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sphere.config import Settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources.checks import Rejected, check_fields, check_text
from sphere.sources.dates import parse_date

Item = Document | InputError
Items = Iterator[Item]

_SPACES = re.compile(r"[ \t\u00a0\u200b\ufeff]+")
_BLANK_LINES = re.compile(r"\n\s*\n")


def build_document(text: str, *, settings: Settings, **fields: Any) -> Document:
    """A Document for `text` once it passes the checks; raises `Rejected` otherwise."""
    check_text(text, max_bytes=settings.max_text_bytes)
    check_fields(fields)
    return Document(text=text, **fields)


def one_document(text: str, *, origin: str, settings: Settings, **fields: Any) -> Items:
    """Yield the Document, or the InputError naming `origin` with the reason it was rejected."""
    try:
        yield build_document(text, settings=settings, origin=origin, **fields)
    except Rejected as exc:
        yield InputError(origin, exc.reason)


def isolated(where: str, read: Callable[[], Items]) -> Items:
    """The items `read()` yields; a failure of the reader (a bug, or input no check foresaw) ends only this
    item, as an InputError naming `where`, never the file, directory or batch around it."""
    try:
        yield from read()
    except Rejected as exc:
        yield InputError(where, exc.reason)
    except Exception as exc:  # noqa: BLE001 - reported with the item's name, never silent
        yield InputError(where, f"could not be read ({type(exc).__name__}: {_first_line(exc)})")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0][:200]


def paragraphs(text: str) -> str:
    """Normalise line ends and spaces; paragraphs (split by blank lines) are joined by one blank line,
    the lines inside a paragraph by a space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = (
        " ".join(_SPACES.sub(" ", line).strip() for line in part.split("\n"))
        for part in _BLANK_LINES.split(text)
    )
    return "\n\n".join(_SPACES.sub(" ", part).strip() for part in parts if part.strip())


def to_date(value: object) -> date | None:
    """A date from a `date`, a `datetime` or a string a person would read as one (see `sources.dates`)."""
    return parse_date(value)
