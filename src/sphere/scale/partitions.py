"""A corpus cut into partitions: the unit of work sent to a worker, and of resumption.

A partition's key is the sha256 of its documents' origins and texts, so the same corpus cut the same way
gives the same keys run after run: a rerun finds in its manifest which partitions are already stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sphere.errors import InputError
from sphere.models import Document

PARTITION_SIZE = 256  # documents per partition: a few seconds of one worker's time


@dataclass(frozen=True)
class Partition:
    index: int
    key: str
    documents: tuple[Document, ...]


def partition_key(documents: Iterable[Document]) -> str:
    digest = hashlib.sha256()
    for doc in documents:
        for part in (doc.origin, doc.id, doc.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()[:24]


def partitions(items: Iterable[Document | InputError], size: int = PARTITION_SIZE) -> Iterator[Partition | InputError]:
    """Partitions of `size` documents in input order; the InputErrors among `items` pass through as they come."""
    batch: list[Document] = []
    index = 0
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield Partition(index, partition_key(batch), tuple(batch))
            index, batch = index + 1, []
    if batch:
        yield Partition(index, partition_key(batch), tuple(batch))
