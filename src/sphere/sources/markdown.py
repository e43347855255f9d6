"""Markdown with YAML front matter (Jekyll posts, as in silk-road-regained): one file is one Document.

The front matter gives `title`, `date` and `categories` (the outlet, mapped to its name by `OUTLETS`);
the id is the file stem. Markup is stripped to plain text: headings, emphasis, links, images, HTML
blocks, Liquid tags and kramdown attribute lines go; paragraphs stay, separated by a blank line.
Paragraphs marked as photo captions (`{:.bbg__cutline}` before them) are dropped.
"""

from __future__ import annotations

import re
from datetime import date

from sphere.config import Settings
from sphere.sources.base import Items, one_document, paragraphs, to_date
from sphere.sources.html import strip_html

# `categories` value -> outlet name as it should appear in `Document.source`.
OUTLETS: dict[str, str] = {
    "voa": "VOA",
    "rfa": "RFA",
    "rferl": "RFE/RL",
    "alhurra": "Alhurra",
    "martí": "Martí",
    "marti": "Martí",
    "ap": "AP",
}
CAPTION_CLASSES = ("cutline", "caption")

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_IAL = re.compile(r"^\{:\s*([^}]*)\}\s*$")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    """The simple `key: value` front matter (quoted strings, inline `[a, b]` and `- item` lists) and the body."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta: dict[str, str | list[str]] = {}
    key = None
    for line in match.group(1).split("\n"):
        if line.lstrip().startswith("#") or not line.strip():
            continue
        if key and line.lstrip().startswith("- "):
            items = meta.get(key)
            meta[key] = [*(items if isinstance(items, list) else []), _scalar(line.lstrip()[2:])]
            continue
        found = _KEY.match(line)
        if not found:
            continue
        key, value = found.group(1), found.group(2)
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_scalar(part) for part in value[1:-1].split(",") if part.strip()]
        else:
            meta[key] = _scalar(value) if value else []
    return meta, text[match.end() :]


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value.split(" #")[0].strip()


def strip_markdown(body: str) -> str:
    """Plain text of a Markdown body, paragraphs separated by a blank line."""
    body = _LIQUID.sub("", body.replace("\r\n", "\n"))
    lines: list[str] = []
    skip_next_block = False
    for line in body.split("\n"):
        ial = _IAL.match(line.strip())
        if ial:
            skip_next_block = any(name in ial.group(1) for name in CAPTION_CLASSES)
            lines.append("")
            continue
        if skip_next_block:
            if line.strip():
                continue
            skip_next_block = False
        if _RULE.match(line):
            lines.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            lines.extend(["", heading.group(1), ""])
            continue
        line = _LIST.sub("", line.lstrip("> ").rstrip() if line.lstrip().startswith(">") else line)
        lines.append(line)
    text = "\n".join(lines)
    text = strip_html(_LINK.sub(r"\1", _IMAGE.sub("", text)), keep_newlines=True)
    text = _EMPHASIS.sub(r"\2", text)
    return paragraphs(text)


def read_markdown(text: str, *, doc_id: str, origin: str, settings: Settings) -> Items:
    meta, body = front_matter(text)
    title = meta.get("title")
    category = meta.get("categories")
    if isinstance(category, list):
        category = category[0] if category else None
    source = OUTLETS.get(category.lower(), category) if category else None
    yield from one_document(
        strip_markdown(body),
        origin=origin,
        settings=settings,
        id=doc_id,
        title=title if isinstance(title, str) and title else None,
        published=_date(meta.get("date")),
        url=_url(meta.get("link-project")),
        source=source,
    )


def _url(value: object) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _date(value: object) -> date | None:
    """Jekyll dates: `2018-05-04`, or with a time and zone (`2018-05-04 10:00:00 -0400`)."""
    return to_date(value) or (to_date(value[:10]) if isinstance(value, str) else None)
