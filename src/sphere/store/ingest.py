"""The store's side of an ingest: documents extracted by the caller's extractor, stored exactly once.

The store imports neither the pipeline nor verification: `sphere.ingest` (the orchestration above the
store) passes the extractor and the verdict writer in. An article, its source, its near-duplicate
signature, its rows, its facts and (when a verdict writer is given) its verdicts are written in one
transaction, never partly: articles are
committed in small batches (`batch_size`, default 64; 1 gives one transaction per article), and a
batch that fails is retried article by article, so a database error rolls back only the article that
caused it, which is reported while the batch goes on. An ingest killed at any moment leaves no partial
article, and a rerun picks up where it stopped: an article is identified by the sha256 of its
normalised text (unique in the database), and texts already stored are not extracted again; a new
outlet or URL for a stored text is recorded as another source of it. Writers are serialised per batch
(PostgreSQL advisory lock, SQLite BEGIN IMMEDIATE), so concurrent ingesters neither duplicate an
article nor split a story. A lost connection stops the batch with `DatabaseUnavailable`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from sphere.errors import DatabaseUnavailable, InputError, SphereError
from sphere.models import ArticleResult, Document
from sphere.store import dedup
from sphere.store.schema import Article
from sphere.store.writer import Pending, Stored, finite_claims, store_batch

Extractor = Callable[[Document], ArticleResult]
BatchExtractor = Callable[[list[Document]], Iterable[ArticleResult | InputError]]  # one result per document, in order
VerdictWriter = Callable[[Session, int], int]  # verifies one stored article; returns how many verdicts
CHUNK = 256  # documents read, checked and extracted together
BATCH = 128  # articles per transaction


@dataclass
class IngestReport:
    """What one ingest did; `errors` holds (item, reason) for every input or article that failed."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    new_sources: int = 0
    near_duplicates: int = 0
    new_stories: int = 0
    entities: int = 0
    claims: int = 0
    events: int = 0
    quotes: int = 0
    verdicts: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def merge(self, other: IngestReport) -> None:
        """Add the counts and messages of `other` (one part of a run) to this report."""
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            elif name != "seconds":
                setattr(self, name, getattr(self, name) + value)

    def add(self, outcome: Stored) -> None:
        self.duplicates += outcome.status != "stored"
        self.new_sources += outcome.status == "new_source"
        if outcome.status == "stored":
            self.stored += 1
            self.near_duplicates += outcome.near_duplicate
            self.new_stories += not outcome.near_duplicate
            if outcome.counts:
                self.entities += outcome.counts.entities
                self.claims += outcome.counts.claims
                self.events += outcome.counts.events
                self.quotes += outcome.counts.quotes


def write_verdicts(session: Session, article_id: int, writer, report: IngestReport, label: str) -> None:
    """Verify one stored article inside its transaction; a failure loses the verdicts, not the article."""
    try:
        with session.begin_nested():
            report.verdicts += writer(session, article_id) or 0
    except (SphereError, SQLAlchemyError) as exc:
        report.warnings.append((label, f"verification skipped: {str(exc).splitlines()[0]}"))


def store_one(session: Session, *, document: Document, result: ArticleResult,
              verdicts: VerdictWriter | None = None) -> Stored:
    """Store one extracted document in the session's transaction (the caller commits or rolls back)."""
    [outcome] = store_batch(session, items=[Pending(document, result, dedup.content_hash(document.text))])
    if verdicts is not None and outcome.status == "stored":
        write_verdicts(session, outcome.article_id, verdicts, IngestReport(), document.origin)
    return outcome


def _safe_extract(extract: Extractor, doc: Document) -> ArticleResult | InputError:
    try:
        return extract(doc)
    except SphereError as exc:
        return exc if isinstance(exc, InputError) else InputError(doc.origin, str(exc))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def per_document(extract: Extractor) -> BatchExtractor:
    """A batch extractor from a one-document `extract` (a SphereError it raises names that document)."""
    return lambda docs: [_safe_extract(extract, doc) for doc in docs]


def store_documents(
    items: Iterable[Document | InputError], *, session: Session, extract: BatchExtractor,
    verdicts: VerdictWriter | None = None, chunk: int = CHUNK, batch_size: int = BATCH,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Extract (with `extract`, given by the caller) and store every document; InputErrors among `items` are
    reported and skipped; `verdicts` (when given) verifies each new article inside its transaction.

    `on_item(status, label)` is called once per item with status stored, duplicate, new_source or error.
    """
    report, started = IngestReport(), time.perf_counter()
    notify = on_item or (lambda status, label: None)
    try:
        for part in _chunks(items, max(chunk, 1)):
            pending = _extract_chunk(part, session=session, extract=extract, report=report, notify=notify)
            for batch in _chunks(pending, max(batch_size, 1)):
                _write(batch, session=session, writer=verdicts, report=report, notify=notify)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _extract_chunk(chunk, *, session, extract: BatchExtractor, report, notify) -> list[Pending]:
    docs: list[Document] = []
    for item in chunk:
        report.read += 1
        if isinstance(item, InputError):
            report.errors.append((item.item, item.reason))
            notify("error", item.item)
        elif not dedup.normalise(item.text):
            report.errors.append((item.origin, "empty text"))
            notify("error", item.origin)
        else:
            docs.append(item)
    hashes = [dedup.content_hash(d.text) for d in docs]
    known = set(session.scalars(select(Article.content_hash).where(Article.content_hash.in_(set(hashes)))))
    session.rollback()  # end the read: no lock is held while extracting
    todo = [d for d, h in zip(docs, hashes, strict=True) if h not in known]
    results = iter(extract(todo) if todo else [])
    pending = []
    for doc, content_hash in zip(docs, hashes, strict=True):
        # a text already stored is not extracted again; its source is still recorded
        result = next(results) if content_hash not in known else ArticleResult(id=doc.id, extractor_version="-")
        if isinstance(result, InputError):
            report.errors.append((result.item, result.reason))
            notify("error", result.item)
        else:
            result, dropped = finite_claims(result)
            report.warnings.extend((doc.origin, f"claim dropped: {text[:40]} is not a finite number")
                                   for text in dropped)
            pending.append(Pending(doc, result, content_hash))
    return pending


def _write(batch: list[Pending], *, session, writer, report, notify) -> None:
    """Commit the batch; if it fails, commit its articles one by one and report the ones that fail."""
    try:
        outcomes = _attempt(batch, session=session, writer=writer, report=report)
    except (SphereError, SQLAlchemyError) as exc:
        if len(batch) > 1:
            for item in batch:
                _write([item], session=session, writer=writer, report=report, notify=notify)
            return
        doc = batch[0].document
        report.errors.append((doc.origin, _reason(exc)))
        notify("error", doc.origin)
        return
    for item, outcome in zip(batch, outcomes, strict=True):
        report.add(outcome)
        notify(outcome.status, item.document.origin)


def _attempt(batch: list[Pending], *, session, writer, report) -> list[Stored]:
    warnings = len(report.warnings), report.verdicts
    try:
        outcomes = store_batch(session, items=batch)
        if writer is not None:
            for item, outcome in zip(batch, outcomes, strict=True):
                if outcome.status == "stored":
                    write_verdicts(session, outcome.article_id, writer, report, item.document.origin)
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        del report.warnings[warnings[0]:]
        report.verdicts = warnings[1]
        if exc.connection_invalidated:
            raise DatabaseUnavailable(f"lost the database connection: {_reason(exc)}") from exc
        raise
    except (SphereError, SQLAlchemyError):
        session.rollback()
        del report.warnings[warnings[0]:]
        report.verdicts = warnings[1]
        raise
    return outcomes


def _reason(exc: Exception) -> str:
    if isinstance(exc, SphereError):
        return str(exc)
    orig = getattr(exc, "orig", None)
    text = (str(orig) if orig is not None else str(exc)).strip().splitlines()[0]
    if isinstance(exc, SQLAlchemyError):
        return f"database error, article rolled back: {text}"
    return text


# The orchestration (reading, the pipeline, verification) lives above the store, in `sphere.ingest`; these
# names are kept here for the callers that import them from the store, and resolved only when used.
_MOVED = ("ingest_documents", "ingest_paths", "store_article", "verdict_writer")


def __getattr__(name: str):
    if name in _MOVED:
        import sphere.ingest

        return getattr(sphere.ingest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
