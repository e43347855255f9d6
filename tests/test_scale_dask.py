"""`sphere ingest --engine dask` on a real dask.distributed cluster: a scheduler and two workers started as
separate processes on loopback, one worker killed with SIGKILL mid-run. The store must then hold every
input article once, with exactly what the single-process engine extracts from it; a rerun does nothing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sphere.errors import InputError
from sphere.ingest import ingest_paths
from sphere.sources import read_inputs
from sphere.store.engine import connect, session_factory
from sphere.store.schema import EXTRACTED, Article

pytest.importorskip("distributed")

DEMO = Path(__file__).resolve().parents[1] / "src" / "sphere" / "demo" / "data" / "voa_belt_and_road.jsonl"
DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def per_article(url: str) -> dict[str, tuple[int, ...]]:
    """doc_id -> rows of each extracted table (mentions, claims, events, quotes) for every stored article."""
    engine = connect(url)
    with engine.connect() as connection:
        ids = dict(connection.execute(select(Article.id, Article.doc_id)).all())
        counts = [dict(connection.execute(select(t.article_id, func.count()).group_by(t.article_id)).all())
                  for t in EXTRACTED]
        stored = Counter(ids.values())
    engine.dispose()
    assert max(stored.values()) == 1, "an article was stored twice"
    return {doc_id: tuple(c.get(aid, 0) for c in counts) for aid, doc_id in ids.items()}


def ingest(url: str, **options):
    engine = connect(url)
    with session_factory(engine)() as session:
        report = ingest_paths([str(DEMO)], session=session, verify=False, **options)
    engine.dispose()
    return report


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers (no nanny: a killed worker stays dead)."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = open(tmp_path / "cluster.log", "w")  # noqa: SIM115 - closed below
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 stdout=logs, stderr=logs, env=env)
    workers = [subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                 "--host", "127.0.0.1", "--name", f"w{k}"], stdout=logs, stderr=logs, env=env)
               for k in range(2)]
    from distributed import Client

    with Client(address, timeout="60s") as client:
        client.wait_for_workers(2, timeout=120)
    try:
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        logs.close()


def test_a_worker_killed_mid_run_loses_nothing_and_stores_nothing_twice(cluster, tmp_path):
    address, workers = cluster
    docs = [d for d in read_inputs([str(DEMO)]) if not isinstance(d, InputError)]
    run_dir = tmp_path / "run"
    manifest = run_dir / "manifest.json"
    killed: dict[str, int] = {}

    def kill_when_first_partition_is_in() -> None:
        deadline = time.monotonic() + 300
        while not manifest.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        killed["stored"] = manifest.read_text().count('"stored"') if manifest.exists() else -1
        workers[0].send_signal(signal.SIGKILL)

    watcher = threading.Thread(target=kill_when_first_partition_is_in)
    watcher.start()
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    report = ingest(url, engine="dask", scheduler=address, run_dir=str(run_dir), partition_size=2)
    watcher.join()
    assert workers[0].wait(timeout=30) == -signal.SIGKILL
    partitions = (len(docs) + 1) // 2
    assert 0 <= killed["stored"] < partitions, f"the worker should die with partitions still to do ({killed})"
    assert (report.errors, report.stored) == ([], len(docs)) and len(docs) == 29

    reference = f"sqlite:///{tmp_path / 'local.db'}"
    ingest(reference)  # the single-process engine, same extraction code path
    stored = per_article(url)
    assert sorted(stored) == sorted(d.id for d in docs)
    local = per_article(reference)
    assert {k: (v, local.get(k)) for k, v in stored.items() if v != local.get(k)} == {}
    assert sum(claims for _, claims, _, _ in stored.values()) > 0

    again = ingest(url, engine="dask", run_dir=str(run_dir), partition_size=2)  # every partition is stored
    assert (again.stored, again.duplicates, again.errors) == (0, len(docs), [])

    # The state a driver killed between writing its shards and loading them leaves: the rerun loads the
    # shards into the store (here a fresh one) without extracting anything again (no cluster is started).
    state = json.loads(manifest.read_text())
    for entry in state["partitions"].values():
        entry["state"] = "extracted"
    manifest.write_text(json.dumps(state))
    resumed_url = f"sqlite:///{tmp_path / 'resumed.db'}"
    resumed = ingest(resumed_url, engine="dask", run_dir=str(run_dir), partition_size=2)
    assert (resumed.stored, resumed.errors) == (len(docs), [])
    assert per_article(resumed_url) == stored
