"""`sphere export`: the whole store, one file per table, as Parquet, CSV or JSON Lines.

Rows are streamed in chunks, so a store larger than memory exports too. The near-duplicate index
(`article_signatures`, `lsh_bands`) is derived data and is left out.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Table, inspect, select, types
from sqlalchemy.orm import Session

from sphere.errors import ConfigError
from sphere.store.schema import Base

FORMATS = ("parquet", "csv", "jsonl")
DERIVED = {"article_signatures", "lsh_bands"}
CHUNK = 20_000


def _arrow_type(column_type: types.TypeEngine) -> pa.DataType:
    if isinstance(column_type, types.Boolean):
        return pa.bool_()
    if isinstance(column_type, types.Integer):
        return pa.int64()
    if isinstance(column_type, types.Float | types.Numeric):
        return pa.float64()
    if isinstance(column_type, types.DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(column_type, types.Date):
        return pa.date32()
    if isinstance(column_type, types.LargeBinary):
        return pa.binary()
    return pa.string()


def store_tables(session: Session) -> list[Table]:
    """Every sphere table present in the database (other stages' tables included), parents first."""
    for module in ("sphere.refdata.tables", "sphere.verify.tables"):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    present = set(inspect(session.connection()).get_table_names())
    return [t for t in Base.metadata.sorted_tables if t.name in present and t.name not in DERIVED]


def export_store(session: Session, *, out: Path, format: str = "parquet") -> dict[str, Path]:  # noqa: A002
    """Write each table to `out/<table>.<format>`; returns the files written by table name."""
    if format not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}", valid=FORMATS)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in store_tables(session):
        path = out / f"{table.name}.{format}"
        result = session.connection().execution_options(stream_results=True).execute(select(table))
        names = [c.name for c in table.columns]
        if format == "parquet":
            schema = pa.schema([(c.name, _arrow_type(c.type)) for c in table.columns])
            with pq.ParquetWriter(path, schema) as writer:
                wrote = False
                while chunk := result.fetchmany(CHUNK):
                    writer.write_table(pa.Table.from_pylist([dict(zip(names, r, strict=True)) for r in chunk], schema))
                    wrote = True
                if not wrote:
                    writer.write_table(schema.empty_table())
        elif format == "csv":
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(names)
                while chunk := result.fetchmany(CHUNK):
                    writer.writerows(chunk)
        else:
            with path.open("w", encoding="utf-8") as handle:
                while chunk := result.fetchmany(CHUNK):
                    for row in chunk:
                        handle.write(json.dumps(dict(zip(names, row, strict=True)), default=_json, ensure_ascii=False))
                        handle.write("\n")
        result.close()
        written[table.name] = path
    return written


def _json(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
