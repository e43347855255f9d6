"""store: the knowledge store, every article, entity, claim and event kept with its provenance.

    engine.py        which database (--db / SPHERE_DATABASE_URL), a connection or a clear error
    migrate.py       Alembic migrations run in-process (migrations/, no alembic.ini)
    schema.py        the tables (SQLAlchemy 2 declarative `Base`), their indexes and why
    ingest.py        extract and store documents exactly once, in batches that commit whole
    writer.py        one batch of articles written set-wise: articles, sources, rows, facts
    dedup.py         content hash; MinHash signatures and LSH bands for near-duplicate stories
    consolidate.py   facts across stories: claims within tolerance, events within a date window
    rows.py          ArticleResult -> rows with offsets and extractor version
    bulk.py          COPY and array lookups on PostgreSQL, executemany and IN on SQLite
    queries.py       typed, keyword-only queries returning `...Public` models (public.py)
    export.py        the whole store as Parquet, CSV or JSON Lines
    reextract.py     recompute rows from stored texts with a newer extractor; prune old ones

Typical use:

    from sphere.store import open_session, ingest_paths, list_claims
    with open_session() as session:
        ingest_paths(["news/"], session=session)
        list_claims(session, holder="BOL", counterpart="CHN", measure="debt")
"""

from __future__ import annotations

import importlib
from typing import Any

# Names are imported on first use (PEP 562): a query must not pay for ingest's MinHash and pyarrow.
_WHERE = {
    "connect": "engine", "open_session": "engine", "session_factory": "engine",
    "export_store": "export",
    "IngestReport": "ingest", "ingest_documents": "ingest", "ingest_paths": "ingest",
    "list_articles": "queries", "list_claim_facts": "queries", "list_claims": "queries", "list_entities": "queries",
    "list_event_facts": "queries", "list_events": "queries", "stats": "queries",
    "count_articles": "queries", "count_claim_facts": "queries", "count_claims": "queries",
    "count_entities": "queries", "count_event_facts": "queries", "count_events": "queries",
    "prune": "reextract", "reextract": "reextract",
}

__all__ = [
    "IngestReport", "connect", "count_articles", "count_claim_facts", "count_claims", "count_entities",
    "count_event_facts", "count_events", "export_store", "ingest_documents", "ingest_paths", "list_articles",
    "list_claim_facts", "list_claims", "list_entities", "list_event_facts", "list_events", "open_session", "prune",
    "reextract", "session_factory", "stats",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'sphere.store' has no attribute {name!r}")
    module = importlib.import_module(f"sphere.store.{_WHERE[name]}")
    globals()[name] = value = getattr(module, name)  # `reextract` is the function, not the submodule
    return value
