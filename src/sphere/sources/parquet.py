"""Parquet corpora (`.parquet`): one record per row, with the columns a JSONL record has (`text`, and
optionally `id`, `title`, `published`, `url`, `source`); each bad row is an InputError naming `path[row]`."""

from __future__ import annotations

import io
from functools import partial

import pyarrow as pa
import pyarrow.parquet as pq

from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items, isolated
from sphere.sources.jsonl import record_items

MAGIC = b"PAR1"
COLUMNS = ("text", "id", "title", "published", "url", "source")


def read_parquet(data: bytes, *, stem: str, origin: str, settings: Settings) -> Items:
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield InputError(origin, f"malformed Parquet ({str(exc).splitlines()[0][:120]})")
        return
    names = [name for name in COLUMNS if name in table.column_names]
    for index, record in enumerate(table.select(names).to_pylist()):
        where = f"{origin}[{index}]"
        yield from isolated(where, partial(record_items, record, f"{stem}-{index + 1}", where, settings))
