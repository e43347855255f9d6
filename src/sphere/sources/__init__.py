"""sources: every input becomes `Document`s, every bad input an `InputError` value with one clear reason.

    read_inputs(inputs)     paths (files; directories recursed in sorted order), http(s) URLs, or "-" (stdin)
      ├── text.py           .txt and unknown text
      ├── markdown.py       .md with front matter (title, date, categories)
      ├── html.py           .html/.htm or sniffed `<html`: trafilatura
      ├── jsonl.py          .jsonl: id, text, title, published, url, source; one error per bad line;
      │                     .json: an array of such records (or one record)
      ├── parquet.py        .parquet: one such record per row
      ├── feed.py           .xml/.rss/.atom or sniffed: one Document per entry
      ├── reuters.py        .sgm: Reuters-21578, one Document per story with a BODY
      └── url.py            http(s): fetched with a timeout and a size cap, then one of the above;
                            a list of URLs (`.urls`, or text whose every line is one) is each of them
    checks.py               the checks every reader applies (decoding, binary, empty, size, English)
    dates.py                publication dates in ISO, RFC 2822, "20 February 2025" or "2025/02/20" form
    report.py               BatchReport: the summary line at the end of a batch

`read_inputs` never raises for bad input: the caller reports each `InputError` and goes on. Each item is
isolated: a file in a directory, a line of a JSONL file, a record of a JSON array, a story of a Reuters file
and an entry of a feed that cannot be read costs only itself, and is named with the reason.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from sphere.config import Settings, get_settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources.base import Items, isolated
from sphere.sources.checks import SNIFF_BYTES, Rejected, check_binary, decode, too_large
from sphere.sources.feed import read_feed
from sphere.sources.html import read_html
from sphere.sources.jsonl import read_json, read_jsonl
from sphere.sources.markdown import read_markdown
from sphere.sources.parquet import MAGIC as PARQUET_MAGIC
from sphere.sources.parquet import read_parquet
from sphere.sources.report import BatchReport
from sphere.sources.reuters import read_reuters
from sphere.sources.text import read_text
from sphere.sources.url import is_url, read_url

__all__ = ["BatchReport", "read_inputs", "read_bytes", "sniff"]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_JSON_ARRAY = re.compile(rb"\[\s*(?:\{|\])")  # an array of records (or an empty one)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".sgm": "reuters", ".sgml": "reuters", ".urls": "urls",
}  # fmt: skip
# Content types of fetched URLs; anything else is sniffed.
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/json": "json",
    "text/markdown": "markdown",
}  # fmt: skip


def read_inputs(
    inputs: Sequence[str], *, published: date | None = None, settings: Settings | None = None
) -> Iterator[Document | InputError]:
    """A Document per article in `inputs`, or an InputError (yielded, not raised) per bad item.

    `published` is given to Documents that carry no date of their own."""
    settings = settings or get_settings()
    for item in inputs:
        for result in isolated(item, partial(_read_item, item, settings)):
            if isinstance(result, Document) and result.published is None and published is not None:
                result = result.model_copy(update={"published": published})
            yield result


def _read_item(item: str, settings: Settings) -> Items:
    """Read one input (stdin, URL, file or directory)."""
    if item == STDIN:
        yield from read_bytes(sys.stdin.buffer.read(), stem="stdin", origin=STDIN_ORIGIN, settings=settings)
    elif _SCHEME.match(item) and not is_url(item):
        yield InputError(item, f"unsupported URL scheme {item.split(':')[0]!r} (only http and https)")
    elif is_url(item):
        yield from read_url(
            item,
            settings=settings,
            read_body=lambda data, ctype, final: read_bytes(
                data, stem=item, origin=item, settings=settings, content_type=ctype, url=final
            ),
        )
    else:
        yield from _read_path(item, settings)


def _read_path(item: str, settings: Settings) -> Items:
    path = Path(item)
    if path.is_dir():
        unreadable: list[InputError] = []
        files = _walk(path, unreadable)
        yield from unreadable
        if not files and not unreadable:
            yield InputError(str(path), "no files in directory")
        for file in files:  # each file on its own: one that fails costs only itself
            yield from isolated(str(file), partial(_read_file, file, settings))
    else:
        yield from _read_file(path, settings, origin=item)


def _walk(root: Path, unreadable: list[InputError]) -> list[Path]:
    """Files under `root` sorted by their path below it, hidden files and folders left out; a folder that
    cannot be listed is added to `unreadable` with the reason."""
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        unreadable.append(InputError(str(exc.filename or root), _os_reason(exc)))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_file(path: Path, settings: Settings, *, origin: str | None = None) -> Items:
    origin = origin or str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            kind = EXTENSIONS.get(path.suffix.lower()) or sniff(head)
            if kind != "parquet":
                check_binary(head)
            if kind == "jsonl":
                handle.seek(0)
                yield from read_jsonl(handle, stem=path.stem, origin=origin, settings=settings)
                return
            size = os.fstat(handle.fileno()).st_size
            if kind in ("text", "markdown") and size > settings.max_text_bytes:
                raise too_large("text", size, settings.max_text_bytes)
            if kind == "html" and size > settings.url_max_bytes:
                raise too_large("HTML", size, settings.url_max_bytes)
            data = head + handle.read()
    except OSError as exc:
        yield InputError(origin, _os_reason(exc))
        return
    except Rejected as exc:
        yield InputError(origin, exc.reason)
        return
    if kind in ("urls", "text") and (kind == "urls" or _is_url_list(data)):
        yield from _read_url_list(data, origin=origin, settings=settings)
        return
    yield from read_bytes(data, stem=path.stem, origin=origin, settings=settings, kind=kind)


def _read_url_list(data: bytes, *, origin: str, settings: Settings) -> Items:
    """Each URL of a list file (only files on disk: a fetched page or an upload never makes sphere fetch)."""
    try:
        text = decode(data)
    except Rejected as exc:
        yield InputError(origin, exc.reason)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        where, line = f"{origin}:{number}", line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):  # each URL on its own: one that fails costs only itself
            yield from isolated(line, partial(_read_item, line, settings))
        else:
            yield InputError(where, "not a valid URL (a list of URLs holds one http(s) URL per line)")


def read_bytes(
    data: bytes,
    *,
    stem: str,
    origin: str,
    settings: Settings,
    kind: str | None = None,
    content_type: str = "",
    url: str | None = None,
) -> Items:
    """Read one input's bytes in the format `kind` (else named by `content_type`, else sniffed)."""
    kind = kind or CONTENT_TYPES.get(content_type.split(";")[0].strip().lower()) or sniff(data)
    try:
        if kind == "parquet":
            yield from read_parquet(data, stem=stem, origin=origin, settings=settings)
            return
        check_binary(data)
        if kind == "jsonl":
            yield from read_jsonl(data.split(b"\n"), stem=stem, origin=origin, settings=settings)
            return
        if kind == "json":
            yield from read_json(data, stem=stem, origin=origin, settings=settings)
            return
        if kind == "feed":
            yield from read_feed(data, stem=stem, origin=origin, settings=settings)
            return
        text = _decode_declared(data, content_type)
    except Rejected as exc:
        yield InputError(origin, exc.reason)
        return
    if kind == "html":
        yield from read_html(text, doc_id=stem, origin=origin, settings=settings, url=url)
    elif kind == "markdown":
        yield from read_markdown(text, doc_id=stem, origin=origin, settings=settings)
    elif kind == "reuters":
        yield from read_reuters(text, origin=origin, settings=settings)
    else:
        for document in read_text(text, doc_id=stem, origin=origin, settings=settings):
            yield (
                document.model_copy(update={"url": url})
                if url and isinstance(document, Document)
                else document
            )


def _decode_declared(data: bytes, content_type: str) -> str:
    """Decode with the charset a server declared (`text/html; charset=windows-1251`), else as `decode` does."""
    charset = content_type.lower().partition("charset=")[2].split(";")[0].strip(" \"'")
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _is_url_list(data: bytes) -> bool:
    """Text whose every non-blank line is one http(s) URL (a list of pages to fetch, not an article)."""
    lines = [line.strip() for line in data[:1_000_000].splitlines() if line.strip()]
    return bool(lines) and all(is_url(line.decode("ascii", "replace")) and len(line.split()) == 1 for line in lines)


def sniff(head: bytes) -> str:
    """The format of bytes without a telling name: feed, html, reuters, jsonl, markdown or text."""
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    start = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start[:1024] else "feed"
    if start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith((b"<!doctype lewis", b"<reuters")):
        return "reuters"
    if start.startswith(b"<!doctype html") or b"<html" in start[:1024]:
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if _JSON_ARRAY.match(start):
        return "json"
    if start.startswith(b"---\n") and b"\n---" in start[3:]:
        return "markdown"
    return "text"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()
