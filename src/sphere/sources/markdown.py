"""Markdown with YAML front matter (Jekyll posts, as in silk-road-regained): one file is one Document.

The front matter gives `title`, `date` and `categories` (the outlet, mapped to its name by `OUTLETS`);
the id is the file stem. The body is parsed by markdown-it-py (CommonMark) and kept as plain text: headings,
emphasis, links, images, HTML, Liquid tags and kramdown attribute lines go; paragraphs stay, separated by a
blank line.
Paragraphs marked as photo captions (`{:.bbg__cutline}` before them) are dropped.
"""

from __future__ import annotations

import re
from datetime import date

from markdown_it import MarkdownIt
from markdown_it.token import Token

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
# Liquid tags, bounded so that thousands of unclosed `{%` cost linear time.
_LIQUID = re.compile(r"\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}", re.S)
_PARSER = MarkdownIt("commonmark")
_BLOCK_TEXT = {"html_block": True, "code_block": False, "fence": False}  # token type -> content is HTML


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
    """Plain text of a Markdown body (parsed by markdown-it-py), paragraphs separated by a blank line."""
    lines: list[str] = []
    skip_next_block = False
    for line in _drop_comments(_LIQUID.sub("", body.replace("\r\n", "\n"))).split("\n"):
        ial = _IAL.match(line.strip())
        if ial:  # kramdown attributes: a caption's paragraph goes with them
            skip_next_block = any(name in ial.group(1) for name in CAPTION_CLASSES)
            lines.append("")
        elif skip_next_block and line.strip():
            continue
        else:
            skip_next_block = False
            lines.append(line)
    blocks: list[str] = []
    for token in _PARSER.parse("\n".join(lines)):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.type in _BLOCK_TEXT:
            blocks.append(strip_html(token.content, keep_newlines=True) if _BLOCK_TEXT[token.type] else token.content)
    return paragraphs("\n\n".join(blocks))


def _drop_comments(text: str) -> str:
    """The text without HTML comments, even those spanning blank lines (which end a Markdown HTML block);
    found with plain string searches, so unclosed `<!--` cost linear time."""
    parts, position = [], 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _inline_text(children: list[Token]) -> str:
    """The words of a paragraph or heading: text and code kept, images and inline HTML dropped."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


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
