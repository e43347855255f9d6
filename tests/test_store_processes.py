"""Real `sphere ingest` processes: killed with SIGKILL mid-batch and rerun, or two at once on one database.

The subprocesses run the real CLI with the stub extractor (`test_store_support.py` as the program), so
what is tested is the store: transactions per article, the content-hash key and the write lock.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from sqlalchemy import func, select

from sphere.ingest import ingest_documents
from sphere.store.engine import connect, session_factory
from sphere.store.schema import EXTRACTED, Article, ArticleSource, ClaimFact, EventFact, Story
from test_store_support import cli_command, store_url, stub_extract, synthetic_jsonl  # noqa: F401

TABLES = (Story, Article, ArticleSource, ClaimFact, EventFact, *EXTRACTED)
N = 400


def table_counts(url: str) -> dict[str, int]:
    engine = connect(url)
    with engine.connect() as connection:
        counts = {t.__tablename__: connection.scalar(select(func.count()).select_from(t)) for t in TABLES}
        counts["articles without rows"] = connection.scalar(
            select(func.count()).select_from(Article).where(
                ~Article.id.in_(select(EXTRACTED[1].article_id)))  # every stub article has one claim
        )
    engine.dispose()
    return counts


def clean_run(tmp_path, docs) -> dict[str, int]:
    url = f"sqlite:///{tmp_path / 'clean.db'}"
    engine = connect(url)
    with session_factory(engine)() as session:
        ingest_documents(docs, session=session, extract=stub_extract, verify=False)
    engine.dispose()
    return table_counts(url)


def ingest_process(path, url: str, delay: str = "0", start_at: float = 0, batch: int = 64) -> subprocess.Popen:
    env = {**os.environ, "SPHERE_STUB_DELAY": delay, "SPHERE_STUB_START_AT": str(start_at)}
    args = ("ingest", str(path), "--db", url, "--no-verify", "-q", "--batch-size", str(batch))
    return subprocess.Popen(cli_command(*args), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_ingest_leaves_no_partial_article_and_resumes(store_url, tmp_path):  # noqa: F811
    path = tmp_path / "in.jsonl"
    docs = synthetic_jsonl(path, N)
    connect(store_url).dispose()  # create the schema before racing the process
    process = ingest_process(path, store_url, delay="0.004", batch=16)
    engine = connect(store_url)
    deadline = time.monotonic() + 60
    with engine.connect() as connection:
        while time.monotonic() < deadline:
            stored = connection.scalar(select(func.count()).select_from(Article))
            connection.rollback()
            if stored >= 20:
                break
            time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    engine.dispose()
    assert process.returncode == -signal.SIGKILL
    after_kill = table_counts(store_url)
    assert 20 <= after_kill["articles"] < N, "the kill should land mid-batch"
    assert after_kill["articles without rows"] == 0
    assert after_kill["claims"] == after_kill["events"] == after_kill["quotes"] == after_kill["articles"]

    rerun = ingest_process(path, store_url)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{after_kill['articles']} already stored" in err
    assert table_counts(store_url) == clean_run(tmp_path, docs)


def test_two_ingests_at_once_lose_nothing_and_duplicate_nothing(store_url, tmp_path):  # noqa: F811
    path = tmp_path / "in.jsonl"
    docs = synthetic_jsonl(path, 100, seed=11)
    connect(store_url).dispose()
    backwards = tmp_path / "backwards.jsonl"  # the same articles, the other way round: they meet in the middle
    backwards.write_text("".join(reversed(path.read_text().splitlines(keepends=True))))
    start_at = time.time() + 6  # both have read their input and checked the store by then
    processes = [ingest_process(p, store_url, delay="0.001", start_at=start_at, batch=4) for p in (path, backwards)]
    outputs = [p.communicate(timeout=180) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    stored = [int(err.split("stored ")[1].split()[0]) for _, err in outputs]
    assert sum(stored) == 100
    if store_url.startswith("postgresql"):  # SQLite's busy wait may let one writer take every turn
        assert min(stored) > 0, "both processes should have stored some articles"
    assert table_counts(store_url) == clean_run(tmp_path, docs)


@pytest.mark.parametrize("n", [3])
def test_ingest_cli_reports_and_stores(tmp_path, n):
    path = tmp_path / "in.jsonl"
    synthetic_jsonl(path, n)
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"\n')
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = subprocess.run(cli_command("ingest", str(path), str(tmp_path / "bad.jsonl"), "--db", url,
                                        "--no-verify", "-q"), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"stored {n} articles" in result.stderr and "skipped" in result.stderr
    assert table_counts(url)["articles"] == n


def test_two_first_ingests_on_an_empty_database_both_succeed(store_url, tmp_path):  # noqa: F811
    """Neither process finds a schema: the one that takes the schema lock creates it, the other finds it made
    (without the lock PostgreSQL failed on a duplicate type and SQLite said "made by an older sphere")."""
    paths = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    docs = synthetic_jsonl(paths[0], 20, seed=3) + synthetic_jsonl(paths[1], 20, seed=4)
    processes = [ingest_process(p, store_url) for p in paths]  # started together, on a database with no tables
    outputs = [p.communicate(timeout=180) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert table_counts(store_url) == clean_run(tmp_path, docs)
