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

from sphere.store.engine import connect, open_session, session_factory
from sphere.store.export import export_store
from sphere.store.ingest import IngestReport, ingest_documents, ingest_paths
from sphere.store.queries import (
    list_articles,
    list_claim_facts,
    list_claims,
    list_entities,
    list_event_facts,
    list_events,
    stats,
)
from sphere.store.reextract import prune, reextract

__all__ = [
    "IngestReport", "connect", "export_store", "ingest_documents", "ingest_paths", "list_articles",
    "list_claim_facts", "list_claims", "list_entities", "list_event_facts", "list_events", "open_session", "prune",
    "reextract", "session_factory", "stats",
]
