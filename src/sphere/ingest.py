"""Ingest, the orchestration above the store: read inputs, extract, store, verify.

    ingest_paths(inputs, session=..., engine="local" | "dask")   what `sphere ingest` runs
    ingest_documents(items, session=...)                         Documents (or InputErrors) already read
    store_article(session, document=..., result=...)             one extracted article, verified
    reextract(session)                                           stored texts extracted again, verified

Extraction is `sphere.scale.extract` (every article under a time limit, in this process, a local pool or,
with `engine="dask"`, on a Dask cluster); storing is `sphere.store.ingest`, which is handed the extractor
and the verdict writer (`sphere.verify.store_verdicts`) so that the store never imports either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from sphere.errors import ConfigError, InputError
from sphere.models import ArticleResult, Document
from sphere.scale.extract import ARTICLE_SECONDS, extract_many
from sphere.store.ingest import (
    BATCH,
    CHUNK,
    BatchExtractor,
    Extractor,
    IngestReport,
    Stored,
    VerdictWriter,
    per_document,
    store_documents,
    store_one,
)

__all__ = ["IngestReport", "ingest_documents", "ingest_paths", "reextract", "store_article", "verdict_writer"]


def verdict_writer() -> VerdictWriter | None:
    """`sphere.verify.store_verdicts` when the verification stage provides it."""
    try:
        import sphere.verify as verify
    except ImportError:
        return None
    return getattr(verify, "store_verdicts", None)


def extractor(extract: Extractor | None = None, *, workers: int = 1,
              seconds: float | None = ARTICLE_SECONDS) -> BatchExtractor:
    """`extract` per document when given, else the pipeline (`workers` processes, `seconds` per article)."""
    if extract is not None:
        return per_document(extract)
    return lambda docs: extract_many(docs, workers=workers, seconds=seconds)


def ingest_documents(
    items: Iterable[Document | InputError], *, session: Session, extract: Extractor | None = None,
    verify: bool = True, workers: int = 1, batch_size: int = BATCH,
    on_item: Callable[[str, str], None] | None = None, seconds: float | None = ARTICLE_SECONDS,
) -> IngestReport:
    """Extract and store every document; InputErrors among `items` are reported and skipped.

    `extract` replaces the pipeline (one document in, one result out); `on_item(status, label)` is
    called once per item with status stored, duplicate, new_source or error; `seconds` is the time limit
    per article of the pipeline (an article over it is reported and skipped).
    """
    return store_documents(items, session=session, extract=extractor(extract, workers=workers, seconds=seconds),
                           verdicts=verdict_writer() if verify else None, chunk=CHUNK * max(workers, 1),
                           batch_size=batch_size, on_item=on_item)


def ingest_paths(inputs: Sequence[str], *, session: Session, engine: str = "local", scheduler: str | None = None,
                 run_dir: str | None = None, **options) -> IngestReport:
    """`sphere ingest`: read every input `sphere extract` takes, extract, store (options as above).

    `engine="dask"` extracts on a Dask cluster (`scheduler`, or a local one of `workers` processes) through
    Parquet shards recorded in `run_dir` (`sphere.scale.dask_engine`); the store sees the same ingest."""
    if engine == "dask":
        from sphere.scale.dask_engine import ingest_dask

        return ingest_dask(inputs, session=session, scheduler=scheduler,
                           run_dir=Path(run_dir) if run_dir else None, **options)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}", valid=["local", "dask"])
    if scheduler:
        raise ConfigError("--scheduler needs --engine dask")
    from sphere.sources import read_inputs

    return ingest_documents(read_inputs(inputs), session=session, **options)


def store_article(session: Session, *, document: Document, result: ArticleResult, verify: bool = True) -> Stored:
    """Store one extracted document in the session's transaction (the caller commits or rolls back)."""
    return store_one(session, document=document, result=result, verdicts=verdict_writer() if verify else None)


def reextract(session: Session, *, extract: Extractor | None = None, version: str | None = None,
              force: bool = False, prune_old: bool = False, verify: bool = True, workers: int = 1,
              on_item=None):
    """`sphere reextract`: every article not made by `version` (default: the pipeline's) extracted again."""
    from sphere.store.reextract import reextract_articles

    if version is None:
        from sphere.nlp.pipeline import EXTRACTOR_VERSION

        version = EXTRACTOR_VERSION
    return reextract_articles(session, extract=extractor(extract, workers=workers), version=version, force=force,
                              prune_old=prune_old, verdicts=verdict_writer() if verify else None, on_item=on_item)
