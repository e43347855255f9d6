"""Reuters-21578 SGML (`reut2-*.sgm`): each `<REUTERS>` with a `<BODY>` is a Document.

id `reuters-<NEWID>`, title from `<TITLE>`, published from `<DATE>` (`26-FEB-1987 15:01:01.79`),
source "Reuters". In the shared copy the paragraph indents became the three characters `&\\t`: they are
read back as paragraph breaks. Entities are unescaped, control characters (`&#3;`) dropped, and the
trailing "Reuter" signature line removed. Stories without a BODY by design (TYPE="BRIEF", "UNPROC") are
skipped quietly; a broken story is named as skipped with the reason.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from functools import partial

from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items, isolated, one_document

SOURCE = "Reuters"
PARAGRAPH_MARK = "&\\t"

_OPEN = re.compile(r"<REUTERS\b([^<>]{0,2000})>")  # bounded: an unclosed tag must not make the search quadratic
_NEWID = re.compile(r'\bNEWID="(\d+)"')
_DATE = re.compile(r"<DATE>\s*(\d{1,2}-[A-Za-z]{3}-\d{4})")
_NO_BODY = re.compile(r'<TEXT\s+TYPE="(?:BRIEF|UNPROC)"')  # stories that have only a title, by design
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]|127);|[\x00-\x08\x0b-\x1f\x7f]")
_SIGNATURE = re.compile(r"\n[ \t]*(?:&\\t)?[ \t]*reuter\b[^\n]*\s*\Z", re.I)


def read_reuters(text: str, *, origin: str, settings: Settings) -> Items:
    """One Document per story with a BODY; a broken story (unclosed, no NEWID, an unclosed BODY) is an
    InputError naming `file:line`, and the file goes on. Stories are cut at each `<REUTERS` with plain
    string searches, so no search runs past the next story (linear in the file, however broken)."""
    opens = list(_OPEN.finditer(text))
    line, position = 1, 0
    for k, tag in enumerate(opens):
        line += text.count("\n", position, tag.start())
        position = tag.start()
        stop = opens[k + 1].start() if k + 1 < len(opens) else len(text)
        where = f"{origin}:{line}"
        yield from isolated(where, partial(_story, tag.group(1), text[tag.end():stop], where, settings))


def _story(attributes: str, story: str, where: str, settings: Settings) -> Items:
    close = story.find("</REUTERS>")
    newid = _NEWID.search(attributes)
    if close < 0:
        yield InputError(where, "broken Reuters story (no </REUTERS>)")
        return
    story = story[:close]
    if newid is None:
        yield InputError(where, "broken Reuters story (no NEWID)")
        return
    body = _between(story, "<BODY>", "</BODY>")
    if body is None:
        if "<BODY>" in story:
            yield InputError(where, "broken Reuters story (no </BODY>)")
        elif not _NO_BODY.search(story):
            yield InputError(where, "broken Reuters story (no <BODY>)")
        return
    title = _between(story, "<TITLE>", "</TITLE>")
    yield from one_document(
        clean_body(body),
        origin=where,
        settings=settings,
        id=f"reuters-{newid.group(1)}",
        title=_clean(title) if title else None,
        published=_date(story),
        source=SOURCE,
    )


def _between(text: str, start: str, end: str) -> str | None:
    """The text between the first `start` and the `end` after it, or None."""
    begin = text.find(start)
    if begin < 0:
        return None
    finish = text.find(end, begin + len(start))
    return text[begin + len(start):finish] if finish >= 0 else None


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
