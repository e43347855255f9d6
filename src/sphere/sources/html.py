"""HTML pages: main text, title and date by trafilatura; and `strip_html` for HTML fragments in feeds
and Markdown.

A page trafilatura finds no article text in is rejected as "no article text found in HTML".
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree

from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items, one_document, paragraphs, to_date
from sphere.sources.checks import Rejected
from sphere.sources.language import words

BLOCK_TAGS = words(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer "
    "figure figcaption hr dd dt dl aside main nav"
)
DROP_TAGS = words("script style iframe noscript template svg object embed head")
_WHITESPACE = re.compile(r"\s+")

# trafilatura and htmldate log every page they cannot parse; the reason reaches the user as an InputError.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


class _TextTarget:
    """Collects the text of an HTML fragment from libxml2's parse events (a C parser, linear however broken
    the markup; Python's `html.parser` is quadratic on thousands of unclosed tags)."""

    def __init__(self, keep_newlines: bool) -> None:
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.dropping = 0

    def start(self, tag: str, attrib: object) -> None:
        if tag in DROP_TAGS:
            self.dropping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def end(self, tag: str) -> None:
        if tag in DROP_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data if self.keep_newlines else _WHITESPACE.sub(" ", data))

    def close(self) -> str:
        return "".join(self.parts)


def strip_html(fragment: str, *, keep_newlines: bool = False) -> str:
    """Plain text of an HTML fragment; block elements become paragraph breaks. With `keep_newlines`,
    line breaks in the source are kept (for Markdown, where a blank line is a paragraph break)."""
    if not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:  # plain text: nothing to parse
        text = fragment if keep_newlines else _WHITESPACE.sub(" ", fragment)
    else:
        try:
            fragment.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Rejected(f"not valid UTF-8 text (lone surrogate at offset {exc.start})") from None
        parser = etree.HTMLParser(target=_TextTarget(keep_newlines), no_network=True, recover=True)
        parser.feed(fragment)
        text = parser.close()
    return text if keep_newlines else paragraphs(text)


def read_html(html: str, *, doc_id: str, origin: str, settings: Settings, url: str | None = None) -> Items:
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False
        )
    except Exception:  # trafilatura raises assorted errors on broken markup; all mean "no text"
        result = None
    text = getattr(result, "text", None) or ""
    if not text.strip():
        yield InputError(origin, "no article text found in HTML")
        return
    title = getattr(result, "title", None) or None
    yield from one_document(
        _drop_headline(paragraphs(text.replace("\n", "\n\n")), title),
        origin=origin,
        settings=settings,
        id=doc_id,
        title=title,
        published=to_date(getattr(result, "date", None)),
        url=url or getattr(result, "url", None) or None,
        source=getattr(result, "sitename", None) or None,
    )


def _drop_headline(text: str, title: str | None) -> str:
    """The text without a first paragraph that only repeats the title (the page's <h1>)."""
    first, _, rest = text.partition("\n\n")
    return rest if title and rest and first.strip().casefold() == title.strip().casefold() else text
