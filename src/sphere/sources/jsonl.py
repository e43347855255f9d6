"""JSONL corpora: one JSON object per line with `text` and optionally `id`, `title`, `published`, `url`,
`source` (other fields are ignored). Each bad line is an InputError naming `path:lineno`; the file goes on.
A `.json` file holds an array of such records (each bad one named `path[index]`), or one record; a `.json`
file that is JSONL after all is read as JSONL.

`published` is read as a person writes a date (`sources.dates`): ISO, RFC 2822, "20 February 2025",
"2025/02/20". The text is taken exactly as stored, so any text the checks accept round-trips unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import partial

from sphere.config import Settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources.base import Item, Items, build_document, isolated, to_date
from sphere.sources.checks import Rejected, decode

STRING_FIELDS = ("title", "url", "source")


def read_jsonl(
    lines: Iterable[bytes], *, stem: str, origin: str, settings: Settings, first_line: int = 1
) -> Items:
    """Read JSONL from byte lines split on b"\\n" only (so U+2028 inside a string stays in its line)."""
    for lineno, raw in enumerate(lines, start=first_line):
        if raw.strip():
            where = f"{origin}:{lineno}"
            yield from isolated(where, partial(_line_items, raw, f"{stem}-{lineno}", where, settings))


def read_json(data: bytes, *, stem: str, origin: str, settings: Settings) -> Items:
    """A JSON file: an array of records, one record, or JSONL under a `.json` name."""
    try:
        records = _parse(decode(data))
    except Rejected as exc:
        if "Extra data" in exc.reason:  # several values, one per line: JSONL
            yield from read_jsonl(data.split(b"\n"), stem=stem, origin=origin, settings=settings)
        else:
            yield InputError(origin, exc.reason)
        return
    if isinstance(records, dict):
        yield from record_items(records, stem, origin, settings)
    elif not isinstance(records, list):
        yield InputError(origin, f"malformed JSON (a file must hold an array of objects, not {_json_type(records)})")
    elif not records:
        yield InputError(origin, "empty JSON array")
    for index, record in enumerate(records if isinstance(records, list) else []):
        where = f"{origin}[{index}]"
        yield from isolated(where, partial(record_items, record, f"{stem}-{index + 1}", where, settings))


def _line_items(raw: bytes, default_id: str, where: str, settings: Settings) -> Items:
    try:
        record = _parse(decode(raw).rstrip("\r\n"))
        if not isinstance(record, dict):
            raise Rejected(f"malformed JSON (a line must be an object, not {_json_type(record)})")
        yield _record_document(record, default_id=default_id, where=where, settings=settings)
    except Rejected as exc:
        yield InputError(where, exc.reason)


def record_items(record: object, default_id: str, where: str, settings: Settings) -> Items:
    try:
        if not isinstance(record, dict):
            raise Rejected(f"malformed JSON (a record must be an object, not {_json_type(record)})")
        yield _record_document(record, default_id=default_id, where=where, settings=settings)
    except Rejected as exc:
        yield InputError(where, exc.reason)


def _parse(line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise Rejected(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise Rejected("malformed JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise Rejected(f"malformed JSON ({str(exc).split(';')[0]})") from None


def _record_document(record: dict, *, default_id: str, where: str, settings: Settings) -> Item:
    if "text" not in record:
        raise Rejected('no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise Rejected(f'"text" is {_json_type(text)}, not a string')
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = default_id
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
    found = to_date(value) if not isinstance(value, int | float) else None  # a number is no date
    if found is None:
        shown = json.dumps(value, ensure_ascii=False, default=str)
        raise Rejected(f'unparseable date {shown[:80]} in "published"')
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
