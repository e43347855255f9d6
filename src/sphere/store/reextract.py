"""`sphere reextract`: recompute claims and events from the stored texts after the extractor improves.

Each article is redone in its own transaction: its current rows are marked superseded (kept, with the
version that made them, until pruned), the new rows inserted and their facts consolidated again.
Articles already at the current version are skipped, so an interrupted run resumes where it stopped.
`prune_old` deletes every superseded row.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sphere.errors import InputError, SphereError
from sphere.models import Document
from sphere.store import rows
from sphere.store.engine import lock_for_write
from sphere.store.ingest import BatchExtractor, VerdictWriter
from sphere.store.schema import EXTRACTED, Article

BATCH = 128


@dataclass
class ReextractReport:
    articles: int = 0
    skipped: int = 0
    pruned: int = 0
    claims: int = 0
    events: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def _document(article: Article) -> Document:
    return Document(
        id=article.doc_id, text=article.text, title=article.title, published=article.published,
        url=article.url, source=article.outlet, origin=f"article {article.id}",
    )


def reextract_articles(
    session: Session, *, extract: BatchExtractor, version: str, force: bool = False, prune_old: bool = False,
    verdicts: VerdictWriter | None = None, on_item=None,
) -> ReextractReport:
    """Re-extract (with `extract`) every article not made by `version` (all with `force`); `verdicts`, when
    given, verifies each article again inside its transaction."""
    report, started = ReextractReport(), time.perf_counter()
    notify = on_item or (lambda status, label: None)
    query = select(Article.id).order_by(Article.id)
    if not force:
        query = query.where(Article.extractor_version != version)
    ids = iter(session.scalars(query).all())
    session.rollback()
    writer = verdicts
    while batch := list(islice(ids, BATCH)):
        articles = session.scalars(select(Article).where(Article.id.in_(batch)).order_by(Article.id)).all()
        docs = {a.id: _document(a) for a in articles}
        session.rollback()  # no lock is held while extracting
        for article_id, result in zip(docs, extract(list(docs.values())), strict=True):
            label = f"article {article_id}"
            if isinstance(result, InputError):
                report.errors.append((label, result.reason))
                notify("error", label)
                continue
            try:
                lock_for_write(session)
                article = session.get(Article, article_id)
                assert article is not None  # its id was read from the articles table in this run
                rows.retire_extracted(session, article_ids={article.id})
                built = rows.build_rows([rows.Located(article.id, article.story_id, article.seen_on, article.n_chars,
                                                      result)])
                rows.write_rows(session, built)
                counts = built.counts[article.id]
                article.extractor_version = result.extractor_version
                if writer is not None:
                    with session.begin_nested():
                        writer(session, article.id)
                session.commit()
            except (SphereError, SQLAlchemyError) as exc:
                session.rollback()
                report.errors.append((label, str(exc).splitlines()[0]))
                notify("error", label)
                continue
            report.articles += 1
            report.claims += counts.claims
            report.events += counts.events
            notify("stored", label)
    if prune_old:
        report.pruned = prune(session)
    report.seconds = time.perf_counter() - started
    return report


def prune(session: Session) -> int:
    """Delete every row superseded by a newer extraction; returns how many."""
    lock_for_write(session)
    total = 0
    for table in EXTRACTED:
        # a DELETE always returns a CursorResult; Session.execute is only typed as returning a Result
        result = cast("CursorResult[Any]", session.execute(delete(table).where(table.current.is_(False))))
        total += result.rowcount or 0
    session.commit()
    return total


def __getattr__(name: str):
    """`reextract` (with the pipeline and verification as defaults) lives above the store, in `sphere.ingest`."""
    if name == "reextract":
        import sphere.ingest

        return sphere.ingest.reextract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
