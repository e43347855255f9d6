"""HTML pages: main text, title and date by trafilatura; and `strip_html` for HTML fragments in feeds
and Markdown.

A page trafilatura finds no article text in is rejected as "no article text found in HTML".
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import trafilatura

from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items, one_document, paragraphs, to_date
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


class _TextParser(HTMLParser):
    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_TAGS:
            self.dropping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data if self.keep_newlines else _WHITESPACE.sub(" ", data))


def strip_html(fragment: str, *, keep_newlines: bool = False) -> str:
    """Plain text of an HTML fragment; block elements become paragraph breaks. With `keep_newlines`,
    line breaks in the source are kept (for Markdown, where a blank line is a paragraph break)."""
    parser = _TextParser(keep_newlines)
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
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
