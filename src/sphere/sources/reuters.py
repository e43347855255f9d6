"""Reuters-21578 SGML (`reut2-*.sgm`): each `<REUTERS>` with a `<BODY>` is a Document.

id `reuters-<NEWID>`, title from `<TITLE>`, published from `<DATE>` (`26-FEB-1987 15:01:01.79`),
source "Reuters". In the shared copy the paragraph indents became the three characters `&\\t`: they are
read back as paragraph breaks. Entities are unescaped, control characters (`&#3;`) dropped, and the
trailing "Reuter" signature line removed. Stories without a BODY (TYPE="BRIEF", "UNPROC") are skipped.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime

from sphere.config import Settings
from sphere.sources.base import Items, one_document

SOURCE = "Reuters"
PARAGRAPH_MARK = "&\\t"

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'\bNEWID="(\d+)"')
_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Za-z]{3}-\d{4})")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]|127);|[\x00-\x08\x0b-\x1f\x7f]")
_SIGNATURE = re.compile(r"\n[ \t]*(?:&\\t)?[ \t]*reuter\b[^\n]*\s*\Z", re.I)


def read_reuters(text: str, *, origin: str, settings: Settings) -> Items:
    line, position = 1, 0
    for story in _STORY.finditer(text):
        line += text.count("\n", position, story.start())
        position = story.start()
        body = _BODY.search(story.group(2))
        newid = _NEWID.search(story.group(1))
        if body is None or newid is None:
            continue
        title = _TITLE.search(story.group(2))
        yield from one_document(
            clean_body(body.group(1)),
            origin=f"{origin}:{line}",
            settings=settings,
            id=f"reuters-{newid.group(1)}",
            title=_clean(title.group(1)) if title else None,
            published=_date(story.group(2)),
            source=SOURCE,
        )


def clean_body(raw: str) -> str:
    """Story text: paragraphs from `&\\t`, lines joined, entities unescaped, signature dropped."""
    raw = _SIGNATURE.sub("", "\n" + _CONTROL.sub("", raw).rstrip())
    paragraphs = (_clean(part) for part in raw.split(PARAGRAPH_MARK))
    return "\n\n".join(part for part in paragraphs if part)


def _clean(raw: str) -> str:
    return " ".join(html.unescape(_CONTROL.sub("", raw)).split())


def _date(story: str) -> date | None:
    found = _DATE.search(story)
    if not found:
        return None
    try:
        return datetime.strptime(found.group(1).upper(), "%d-%b-%Y").date()
    except ValueError:
        return None
