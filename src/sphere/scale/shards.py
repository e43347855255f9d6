"""A partition's results as a Parquet shard, and the run's manifest of what is extracted and what is stored.

A shard has one row per document: `origin`, the `document` and its `result` (an ArticleResult) as JSON,
or the `error` that took its place. Shards and the manifest are written to a temporary name and renamed,
so a run killed at any moment leaves each of them whole or absent. Only the driver writes them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sphere.errors import InputError
from sphere.models import ArticleResult, Document

SCHEMA = pa.schema([("origin", pa.string()), ("document", pa.string()), ("result", pa.string()),
                    ("error", pa.string())])
EXTRACTED, STORED = "extracted", "stored"


def shard_rows(docs: list[Document], results: list[ArticleResult | InputError]) -> dict[str, list]:
    """The columns of a shard (also what a worker sends back: plain strings travel well)."""
    columns: dict[str, list] = {name: [] for name in SCHEMA.names}
    for doc, result in zip(docs, results, strict=True):
        columns["origin"].append(doc.origin)
        columns["document"].append(doc.model_dump_json())
        columns["result"].append(result.model_dump_json() if isinstance(result, ArticleResult) else None)
        columns["error"].append(result.reason if isinstance(result, InputError) else None)
    return columns


def write_shard(path: Path, columns: dict[str, list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    pq.write_table(pa.table(columns, schema=SCHEMA), temporary)
    os.replace(temporary, path)


def read_shard(path: Path) -> list[tuple[Document, ArticleResult | InputError]]:
    """Each document of the shard with its result, or the InputError that names why it has none."""
    table = pq.read_table(path, schema=SCHEMA).to_pydict()
    out: list[tuple[Document, ArticleResult | InputError]] = []
    for document, result, error in zip(table["document"], table["result"], table["error"], strict=True):
        doc = Document.model_validate_json(document)
        out.append((doc, ArticleResult.model_validate_json(result) if result is not None
                    else InputError(doc.origin, error or "no result")))
    return out


@dataclass
class Manifest:
    """`run_dir/manifest.json`: each partition's key, shard file, size and state (extracted, stored)."""

    path: Path
    partitions: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, run_dir: Path) -> Manifest:
        path = run_dir / "manifest.json"
        if path.exists():
            return cls(path, json.loads(path.read_text(encoding="utf-8"))["partitions"])
        return cls(path)

    def state(self, key: str) -> str | None:
        entry = self.partitions.get(key)
        return entry["state"] if entry else None

    def shard(self, key: str) -> Path:
        return self.path.parent / "shards" / f"{key}.parquet"

    def mark(self, key: str, state: str, *, index: int, documents: int) -> None:
        self.partitions[key] = {"index": index, "shard": f"shards/{key}.parquet", "documents": documents,
                                "state": state}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"partitions": self.partitions}, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)
