"""JSONL corpora: one JSON object per line with `text` and optionally `id`, `title`, `published`, `url`,
`source` (other fields are ignored). Each bad line is an InputError naming `path:lineno`; the file goes on.

The text is taken exactly as stored, so any text the checks accept round-trips unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from sphere.config import Settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources.base import Item, Items, build_document, to_date
from sphere.sources.checks import Rejected, decode

STRING_FIELDS = ("title", "url", "source")


def read_jsonl(
    lines: Iterable[bytes], *, stem: str, origin: str, settings: Settings, first_line: int = 1
) -> Items:
    """Read JSONL from byte lines split on b"\\n" only (so U+2028 inside a string stays in its line)."""
    for lineno, raw in enumerate(lines, start=first_line):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        try:
            yield _line_document(raw, lineno=lineno, stem=stem, where=where, settings=settings)
        except Rejected as exc:
            yield InputError(where, exc.reason)


def _line_document(raw: bytes, *, lineno: int, stem: str, where: str, settings: Settings) -> Item:
    line = decode(raw).rstrip("\r\n")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Rejected(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise Rejected("malformed JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise Rejected(f"malformed JSON (a line must be an object, not {_json_type(record)})")
    if "text" not in record:
        raise Rejected('no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise Rejected(f'"text" is {_json_type(text)}, not a string')
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{stem}-{lineno}"
    elif isinstance(doc_id, int | str) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    else:
        raise Rejected(f'"id" is {_json_type(doc_id)}, not a string')
    fields: dict[str, object] = {}
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise Rejected(f'"{name}" is {_json_type(value)}, not a string')
        fields[name] = value or None
    published = record.get("published")
    fields["published"] = _published(published) if published not in (None, "") else None
    document: Document = build_document(text, settings=settings, id=doc_id, origin=where, **fields)
    return document


def _published(value: object) -> date:
    found = to_date(value) if isinstance(value, str) else None
    if found is None:
        raise Rejected(f'unparseable date {json.dumps(value, ensure_ascii=False)} in "published"')
    return found


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)
