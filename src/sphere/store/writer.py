"""Write a batch of extracted articles in one transaction, with set-wise statements.

Each article is written whole (article, source, signature, band hashes, mentions, claims, events,
quotes, facts) or not at all: the batch commits together, and when it fails the caller retries its
articles one by one, so a bad article is rolled back alone. A batch costs about twenty statements
whatever its size, which is what keeps the store within a few percent of extraction time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sphere.models import ArticleResult, Document
from sphere.store import bulk, consolidate, dedup, rows
from sphere.store.engine import lock_for_write
from sphere.store.schema import Article, ArticleSignature, ArticleSource, LshBand, Story


@dataclass
class Pending:
    """One extracted document waiting to be written."""

    document: Document
    result: ArticleResult
    content_hash: str
    signature: np.ndarray | None = None


@dataclass(frozen=True)
class Stored:
    """The outcome for one document: `status` is stored, duplicate or new_source."""

    status: str
    article_id: int
    story_id: int
    near_duplicate: bool = False
    counts: rows.Counts | None = None


def source_key(doc: Document) -> str:
    return hashlib.sha256(f"{doc.source}\x1f{doc.url}\x1f{doc.title}".encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _source_row(article_id: int, doc: Document) -> dict:
    return {
        "article_id": article_id, "source_key": source_key(doc), "outlet": doc.source, "url": doc.url,
        "title": doc.title, "published": doc.published, "doc_id": doc.id, "origin": doc.origin,
        "ingested_at": _now(),
    }


def finite_claims(result: ArticleResult) -> tuple[ArticleResult, list[str]]:
    """The result without claims whose value is not a finite number (`$` and 330 digits parse as infinity),
    and the value texts of those dropped: no Infinity or NaN reaches a column or a JSON export."""
    bad = [c for c in result.claims if c.value is not None and not math.isfinite(c.value)]
    if not bad:
        return result, []
    kept = [c for c in result.claims if c not in bad]
    return result.model_copy(update={"claims": kept}), [c.value_text or str(c.value) for c in bad]


def store_batch(session: Session, *, items: list[Pending]) -> list[Stored]:
    """Write `items` in the session's transaction (the caller commits); one outcome per item, in order."""
    items = [replace(p, result=finite_claims(p.result)[0]) for p in items]
    lock_for_write(session)
    hashes = {p.content_hash for p in items}
    stored = {
        h: (article_id, story_id)
        for h, article_id, story_id in session.execute(
            select(Article.content_hash, Article.id, Article.story_id).where(Article.content_hash.in_(hashes))
        )
    }
    fresh: dict[str, int] = {}  # content hash -> index of the first new item with it
    for i, p in enumerate(items):
        if p.content_hash not in stored and p.content_hash not in fresh:
            fresh[p.content_hash] = i
    new = [items[i] for i in fresh.values()]
    stories, near = _assign_stories(session, new)
    story_ids = _insert_stories(session, new, stories)
    article_ids = _insert_articles(session, new, story_ids)
    for p, article_id in zip(new, article_ids, strict=True):
        stored[p.content_hash] = (article_id, story_ids[id(p)])
    _insert_signatures(session, new, article_ids)
    outcomes, sources, touched = [], [], set()
    known = _known_sources(session, {stored[p.content_hash][0] for p in items})
    for i, p in enumerate(items):
        article_id, story_id = stored[p.content_hash]
        key = source_key(p.document)
        if fresh.get(p.content_hash) == i:
            outcomes.append(Stored("stored", article_id, story_id, near[id(p)]))
        else:
            status = "duplicate" if (article_id, key) in known else "new_source"
            outcomes.append(Stored(status, article_id, story_id))
            if status == "duplicate":
                continue
            touched.add(article_id)
        known.add((article_id, key))
        sources.append(_source_row(article_id, p.document))
    if sources:
        bulk.insert_rows(session, ArticleSource.__table__, sources)
    counts = _insert_rows(session, new, article_ids, story_ids)  # after the sources: facts count outlets
    outcomes = [
        replace(o, counts=counts[id(items[i])]) if o.status == "stored" else o for i, o in enumerate(outcomes)
    ]
    old = touched - set(article_ids)
    if old:  # a stored text seen at a new outlet: its facts count one more outlet
        claim_facts, event_facts = consolidate.facts_of_articles(session, article_ids=old)
        consolidate.refresh_claim_facts(session, fact_ids=claim_facts)
        consolidate.refresh_event_facts(session, fact_ids=event_facts)
    return outcomes


def _signature(p: Pending) -> np.ndarray:
    """The item's MinHash signature, computed on first use and kept on the item."""
    if p.signature is None:
        p.signature = dedup.signature(p.document.text)
    return p.signature


def _assign_stories(session: Session, new: list[Pending]) -> tuple[dict[int, int | tuple], dict[int, bool]]:
    """Story of each new item: an existing story id, or ("new", i) for a story made by new item i."""
    bands = {id(p): dedup.band_hashes(_signature(p)) for p in new}
    all_bands = {b for values in bands.values() for b in values}
    in_db: dict[tuple[int, int], list[int]] = defaultdict(list)
    if all_bands:
        table = LshBand.__table__
        query = select(table.c.band, table.c.hash, table.c.article_id).where(
            bulk.in_values(session, table.c.hash, {value for _, value in all_bands})
        )
        for band, value, article_id in session.connection().execute(query):
            if (band, value) in all_bands:
                in_db[(band, value)].append(article_id)
    hit_ids = {a for ids in in_db.values() for a in ids}
    stored_sigs = _signatures(session, hit_ids)
    in_batch: dict[tuple[int, int], list[int]] = defaultdict(list)
    story: dict[int, int | tuple] = {}
    near: dict[int, bool] = {}
    sig: np.ndarray
    cand_story: int | tuple
    for i, p in enumerate(new):
        hits: dict[tuple, int] = defaultdict(int)
        for band in bands[id(p)]:
            for article_id in in_db.get(band, ()):
                hits[("db", article_id)] += 1
            for j in in_batch.get(band, ()):
                hits[("batch", j)] += 1
        best, best_score = None, dedup.THRESHOLD
        for cand, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: dedup.MAX_CANDIDATES]:
            if cand[0] == "db":
                if cand[1] not in stored_sigs:  # bands of an article that is gone
                    continue
                sig, cand_story = stored_sigs[cand[1]]
            else:
                sig, cand_story = _signature(new[cand[1]]), story[id(new[cand[1]])]
            score = dedup.similarity(_signature(p), sig)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = cand_story, score
        story[id(p)] = best if best is not None else ("new", i)
        near[id(p)] = best is not None
        for band in bands[id(p)]:
            in_batch[band].append(i)
    return story, near


def _signatures(session: Session, article_ids: set[int]) -> dict[int, tuple[np.ndarray, int]]:
    if not article_ids:
        return {}
    query = (
        select(ArticleSignature.article_id, ArticleSignature.minhash, Article.story_id)
        .join(Article, Article.id == ArticleSignature.article_id)
        .where(ArticleSignature.article_id.in_(article_ids))
    )
    return {a: (np.frombuffer(blob, dtype="<u4"), s) for a, blob, s in session.execute(query)}


def _insert_stories(session: Session, new: list[Pending], stories: dict) -> dict[int, int]:
    makers = [(i, p) for i, p in enumerate(new) if stories[id(p)] == ("new", i)]
    made = {}
    if makers:
        values = [{"title": p.document.title or p.result.title, "created_at": _now()} for _, p in makers]
        table = Story.__table__
        inserted = session.connection().execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), values
        )
        ids = [row[0] for row in inserted]
        made = {("new", i): story_id for (i, _), story_id in zip(makers, ids, strict=True)}
    return {id(p): made.get(stories[id(p)], stories[id(p)]) for p in new}


def _insert_articles(session: Session, new: list[Pending], story_ids: dict[int, int]) -> list[int]:
    if not new:
        return []
    values = []
    for p in new:
        doc, result = p.document, p.result
        published = doc.published or result.published
        values.append({
            "content_hash": p.content_hash, "story_id": story_ids[id(p)], "doc_id": doc.id,
            "title": doc.title or result.title, "url": doc.url or result.url, "outlet": doc.source or result.source,
            "published": published, "seen_on": published or _now().date(), "language": result.language,
            "text": doc.text, "n_chars": len(doc.text), "extractor_version": result.extractor_version,
            "origin": doc.origin, "ingested_at": _now(),
        })
    table = Article.__table__
    inserted = session.connection().execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), values
    )
    return [row[0] for row in inserted]


def _insert_signatures(session: Session, new: list[Pending], article_ids: list[int]) -> None:
    if not new:
        return
    signatures: list[dict] = []
    bands: list[dict] = []
    for p, article_id in zip(new, article_ids, strict=True):
        signatures.append({"article_id": article_id, "num_perm": dedup.NUM_PERM,
                           "minhash": _signature(p).astype("<u4").tobytes()})
        bands.extend({"band": b, "hash": h, "article_id": article_id} for b, h in dedup.band_hashes(_signature(p)))
    bulk.insert_rows(session, ArticleSignature.__table__, signatures)
    bulk.insert_rows(session, LshBand.__table__, bands)


def _known_sources(session: Session, article_ids: set[int]) -> set[tuple[int, str]]:
    query = select(ArticleSource.article_id, ArticleSource.source_key).where(ArticleSource.article_id.in_(article_ids))
    return {(a, k) for a, k in session.execute(query)}


def _insert_rows(
    session: Session, new: list[Pending], article_ids: list[int], story_ids: dict[int, int]
) -> dict[int, rows.Counts]:
    located = []
    for p, article_id in zip(new, article_ids, strict=True):
        published = p.document.published or p.result.published
        located.append(rows.Located(article_id, story_ids[id(p)], published or _now().date(), len(p.document.text),
                                    p.result))
    built = rows.build_rows(located)
    rows.write_rows(session, built)
    return {id(p): built.counts[article_id] for p, article_id in zip(new, article_ids, strict=True)}
