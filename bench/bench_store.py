"""Benchmarks of the knowledge store (not a test): ingest overhead and query latency, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_store.py                      # 10,000 Reuters stories, 1,000,000 claims
    .venv/bin/python bench/bench_store.py --n 1000 --claims 100000 --no-pg

1. Ingest: N Reuters-21578 stories (../shared/corpora) are extracted once (extraction alone, timed), then
   stored from those results through the whole ingest path (hashing, MinHash/LSH grouping, rows, facts,
   verdicts on every claim, commits), into a fresh SQLite file and a fresh PostgreSQL schema. Verification
   is ON, as `sphere ingest` runs it (the reference snapshot is loaded inside the timing, once, as a
   user's ingest process loads it); `--no-verify` leaves it out, and each target is also stored once
   without it to show verification's own share. The overhead is store time / extraction time. With
   --full, a real `ingest_documents` (extraction and store together) is timed too.
2. Queries: C synthetic claims (over C/50 articles) are bulk-inserted, then one country's claims with
   filters are listed through `queries.list_claims` (ORM to pydantic included): p50 and p95 over many
   random countries and measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
COUNTRIES = [
    "USA", "CHN", "RUS", "JPN", "DEU", "GBR", "FRA", "IND", "BRA", "BOL", "PAN", "ARG", "CHL", "PER", "ECU", "VEN",
    "MEX", "CAN", "AUS", "KOR", "PRK", "IDN", "MYS", "THA", "VNM", "PHL", "PAK", "LKA", "BGD", "NPL", "IRN", "IRQ",
    "SAU", "ARE", "TUR", "EGY", "ETH", "KEN", "NGA", "ZAF", "AGO", "ZMB", "TZA", "GHA", "DJI", "ITA", "ESP", "POL",
    "UKR", "KAZ", "UZB", "MNG", "MMR", "KHM", "LAO", "SGP", "NZL", "CUB", "COL", "URY",
]
MEASURES = ["debt", "loan", "investment", "fdi", "exports", "trade", "trade_balance", "aid", "tariff",
            "sanction_value", "reserves", "gdp", "deployment", "other"]


def reuters(n: int):
    from sphere.models import Document
    from sphere.sources import read_inputs

    files = sorted(str(p) for p in REUTERS.glob("reut2-*.sgm"))
    if not files:
        sys.exit(f"{REUTERS} is absent: the ingest benchmark needs the Reuters-21578 corpus")
    docs = []
    for item in read_inputs(files):
        if isinstance(item, Document):
            docs.append(item)
            if len(docs) >= n:
                break
    return docs


def fresh_pg() -> tuple[str, str]:
    import psycopg

    schema = f"sphere_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema, f"{PG}?options=-csearch_path%3D{schema}"


def drop_pg(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def bench_ingest(args, targets: dict[str, str]) -> None:
    from sphere.ingest import ingest_documents
    from sphere.nlp.pipeline import extract_documents
    from sphere.refdata.load import load_reference
    from sphere.store.engine import connect, session_factory

    docs = reuters(args.n)
    list(extract_documents(docs[:20]))  # load the model outside the timings
    started = time.perf_counter()
    results = list(extract_documents(docs, workers=args.workers))
    extraction = time.perf_counter() - started
    cached = {doc.id: result for doc, result in zip(docs, results, strict=True)}
    n_claims = sum(len(getattr(r, "claims", [])) for r in results)
    n_events = sum(len(getattr(r, "events", [])) for r in results)
    print(f"\n== ingest: {len(docs)} Reuters stories ({n_claims} claims, {n_events} events)")
    print(f"extraction alone      {extraction:8.1f} s  ({extraction / len(docs) * 1000:.2f} ms/article)")
    runs = [(True, "+ verify"), (False, "no verify")] if args.verify else [(False, "no verify")]
    for name, fresh in targets.items():
        for verify, label in runs:
            load_reference.cache_clear()  # a user's ingest loads the snapshot once: counted in its time
            engine = connect(fresh())
            with session_factory(engine)() as session:
                started = time.perf_counter()
                report = ingest_documents(docs, session=session, extract=lambda d: cached[d.id], verify=verify)
                seconds = time.perf_counter() - started
                stories = session.scalar(text("SELECT count(*) FROM stories"))
            engine.dispose()
            print(f"store into {name:10s} {label:9s} {seconds:8.1f} s  ({seconds / len(docs) * 1000:.2f} ms/article)"
                  f"  overhead {seconds / extraction:6.1%}   stored {report.stored}, {stories} stories, "
                  f"{report.verdicts} verdicts, {report.duplicates} duplicates, {len(report.errors)} errors")
            print(f"RESULT target={name} verify={verify} ms_per_article={seconds / len(docs) * 1000:.3f} "
                  f"overhead={seconds / extraction:.4f}")
    if args.full:
        with tempfile.TemporaryDirectory() as folder:
            engine = connect(f"sqlite:///{folder}/full.db")
            with session_factory(engine)() as session:
                report = ingest_documents(docs, session=session, verify=args.verify, workers=args.workers)
            engine.dispose()
        print(f"extract+store SQLite  {report.seconds:8.1f} s  overhead over extraction alone "
              f"{report.seconds / extraction - 1:6.1%}")


def fill(url: str, n_claims: int, seed: int = 1) -> float:
    """Bulk-insert synthetic stories, articles, sources and claims; returns seconds."""
    from sphere.store.engine import connect

    rng = random.Random(seed)
    n_articles = max(n_claims // 50, 1)
    start_day = dt.date(2000, 1, 1)
    now = dt.datetime.now(dt.UTC)
    days = [start_day + dt.timedelta(days=rng.randrange(9000)) for _ in range(n_articles)]
    stories = [(i + 1, f"story {i}", now) for i in range(n_articles)]
    articles = [
        (i + 1, hashlib.sha256(str(i).encode()).hexdigest(), i + 1, f"syn-{i}", f"Synthetic {i}", None,
         f"Outlet {i % 30}", days[i], days[i], "en", f"synthetic article {i}", 20, "bench", "bench", now)
        for i in range(n_articles)
    ]
    sources = [(i + 1, i + 1, "k", f"Outlet {i % 30}", None, None, days[i], f"syn-{i}", "bench", now)
               for i in range(n_articles)]
    engine = connect(url)
    started = time.perf_counter()
    claims = []
    for i in range(n_claims):
        a = rng.randrange(n_articles)
        holder, counterpart = rng.sample(COUNTRIES, 2)
        claims.append((i + 1, a + 1, a + 1, None, days[a], rng.choice(MEASURES), holder,
                       None if rng.random() < 0.1 else counterpart, rng.random() * 1e10, "USD", "exact", None,
                       "actual", rng.randrange(2000, 2026), None, f"evidence {i}", "", 0.5, 0, 10, "bench", True))
    columns = {
        "stories": "id, title, created_at",
        "articles": "id, content_hash, story_id, doc_id, title, url, outlet, published, seen_on, language, text, "
                    "n_chars, extractor_version, origin, ingested_at",
        "article_sources": "id, article_id, source_key, outlet, url, title, published, doc_id, origin, ingested_at",
        "claims": "id, article_id, story_id, fact_id, seen_on, measure, holder, counterpart, value, unit, approx, "
                  "relative_to, modality, year, source, evidence, value_text, confidence, char_start, char_end, "
                  "extractor_version, current",
    }
    data = {"stories": stories, "articles": articles, "article_sources": sources, "claims": claims}
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table, rows in data.items():
            if engine.dialect.name == "postgresql":
                with cursor.copy(f"COPY {table} ({columns[table]}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(rows[0]))
                cursor.execute("BEGIN")
                cursor.executemany(f"INSERT INTO {table} ({columns[table]}) VALUES ({marks})", rows)
                cursor.execute("COMMIT")
        if engine.dialect.name == "postgresql":
            raw.commit()
            cursor.execute("ANALYZE")
            raw.commit()
        else:
            cursor.execute("ANALYZE")
    finally:
        raw.close()
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def bench_queries(args, targets: dict[str, str]) -> None:
    from sphere.store import queries
    from sphere.store.engine import connect, session_factory

    print(f"\n== queries: {args.claims:,} synthetic claims, {args.queries} queries per shape")
    shapes = {
        "country+measure+since": lambda r: {"country": r.choice(COUNTRIES), "measure": r.choice(MEASURES),
                                           "since": dt.date(2010, 1, 1)},
        "holder+measure+year": lambda r: {"holder": r.choice(COUNTRIES), "measure": r.choice(MEASURES),
                                         "year": r.randrange(2000, 2026)},
        "country only": lambda r: {"country": r.choice(COUNTRIES)},
        "country+outlet": lambda r: {"country": r.choice(COUNTRIES), "outlet": f"outlet {r.randrange(30)}"},
    }
    for name, url in targets.items():
        seconds = fill(url, args.claims)
        print(f"{name}: bulk insert {seconds:.1f} s")
        engine = connect(url)
        with session_factory(engine)() as session:
            for shape, make in shapes.items():
                rng = random.Random(7)
                timings, found = [], 0
                for _ in range(args.queries):
                    filters = make(rng)
                    started = time.perf_counter()
                    rows = queries.list_claims(session, limit=100, **filters)
                    timings.append((time.perf_counter() - started) * 1000)
                    found += len(rows)
                    session.rollback()
                timings.sort()
                p95 = timings[int(len(timings) * 0.95) - 1]
                print(f"  {shape:24s} p50 {statistics.median(timings):7.2f} ms   p95 {p95:7.2f} ms   "
                      f"({found / args.queries:.0f} rows/query)")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="Reuters stories to ingest (0: skip)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="synthetic claims for the query benchmark (0: skip)")
    parser.add_argument("--queries", type=int, default=200, help="queries per shape")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--no-verify", dest="verify", action="store_false",
                        help="store without verdicts (default: verify every claim, as `sphere ingest` does)")
    parser.add_argument("--full", action="store_true", help="also time extraction and store together")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as folder:
        schemas = []
        try:
            if args.n:
                counter = iter(range(1_000_000))

                def sqlite_url() -> str:
                    return f"sqlite:///{folder}/ingest{next(counter)}.db"

                def pg_url() -> str:
                    schema, url = fresh_pg()
                    schemas.append(schema)
                    return url

                factories = {"SQLite": sqlite_url} if args.no_pg else {"SQLite": sqlite_url, "PostgreSQL": pg_url}
                bench_ingest(args, factories)
            if args.claims:
                targets = {"SQLite": f"sqlite:///{folder}/claims.db"}
                if not args.no_pg:
                    schema, url = fresh_pg()
                    schemas.append(schema)
                    targets["PostgreSQL"] = url
                bench_queries(args, targets)
        finally:
            for schema in schemas:
                drop_pg(schema)


if __name__ == "__main__":
    main()
