"""`sphere ingest --engine dask`: the corpus extracted on a Dask cluster, loaded into the store as it arrives.

    driver (sphere ingest)                           Dask workers (each loads the model once, keeps it)
    read inputs -> partitions (stable keys)
    skip partitions the manifest says are stored
    load shards already extracted
    submit the rest ------------------------------>  extract_partition: `extract.extract_batch` per batch
    as each completes: write its Parquet shard  <--  columns (origin, document, result, error)
      mark "extracted", load it into the store
      (the ordinary ingest: content-hash keyed, so loading twice stores nothing twice), mark "stored"

A worker that dies takes only its tasks, which the scheduler runs again elsewhere; a partition that kills
workers repeatedly is reported, document by document, and left for the next run. A run killed as a whole
resumes from its manifest (`--run-dir`, by default one per database and inputs under the user's data
directory). Without `--scheduler` a local cluster of `workers` processes is started and stopped.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from sphere.errors import ConfigError, InputError
from sphere.models import ArticleResult, Document
from sphere.scale.extract import ARTICLE_SECONDS, extract_many
from sphere.scale.partitions import PARTITION_SIZE, Partition, partitions
from sphere.scale.shards import EXTRACTED, STORED, Manifest, read_shard, shard_rows, write_shard
from sphere.store.ingest import IngestReport, per_document, store_documents


def extract_partition(documents: list[str], seconds: float | None) -> dict[str, list]:
    """Run on a worker: the documents (as JSON) extracted by the one extraction code path, as shard columns."""
    docs = [Document.model_validate_json(d) for d in documents]
    return shard_rows(docs, list(extract_many(docs, workers=1, seconds=seconds)))


def default_run_dir(url: str, inputs: Sequence[str], partition_size: int) -> Path:
    """One run directory per database, inputs and partition size: the same command resumes the same run."""
    from platformdirs import user_data_dir

    resolved = [item if "://" in item or item == "-" else str(Path(item).resolve()) for item in inputs]
    digest = hashlib.sha256(repr((url, sorted(resolved), partition_size)).encode()).hexdigest()[:16]
    return Path(user_data_dir("sphere")) / "runs" / digest


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[object]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` single-threaded processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("--engine dask needs Dask: pip install 'sphere[scale]'") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def ingest_dask(
    inputs: Sequence[str], *, session: Session, run_dir: Path | None = None, scheduler: str | None = None,
    workers: int = 1, partition_size: int = PARTITION_SIZE, seconds: float | None = ARTICLE_SECONDS,
    verify: bool = True, batch_size: int = 128, on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Read, partition, extract on the cluster, write shards and load them into the store; see the module."""
    from sphere.sources import read_inputs

    started, report = time.perf_counter(), IngestReport()
    notify = on_item or (lambda status, label: None)
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    manifest = Manifest.load(run_dir or default_run_dir(url, inputs, partition_size))

    def todo() -> Iterator[Partition]:
        """The partitions still to extract, read lazily; the others are settled on the way."""
        seen: set[str] = set()
        for part in partitions(read_inputs(inputs), partition_size):
            if isinstance(part, InputError):
                report.read += 1
                report.errors.append((part.item, part.reason))
                notify("error", part.item)
            elif manifest.state(part.key) == STORED or part.key in seen:  # stored, or the same input twice
                report.read += len(part.documents)
                report.duplicates += len(part.documents)
                for doc in part.documents:
                    notify("duplicate", doc.origin)
            elif manifest.state(part.key) == EXTRACTED and manifest.shard(part.key).exists():
                _load(part, read_shard(manifest.shard(part.key)), session, manifest, report, verify, batch_size,
                      notify)
            else:
                seen.add(part.key)
                yield part

    def load(part: Partition, columns: dict[str, list]) -> None:
        write_shard(manifest.shard(part.key), columns)
        manifest.mark(part.key, EXTRACTED, index=part.index, documents=len(part.documents))
        _load(part, read_shard(manifest.shard(part.key)), session, manifest, report, verify, batch_size, notify)

    _run_on_cluster(todo(), scheduler, workers, seconds, load, report, notify)
    report.seconds = time.perf_counter() - started
    return report


def _run_on_cluster(todo: Iterator[Partition], scheduler: str | None, workers: int, seconds: float | None,
                    load: Callable[[Partition, dict[str, list]], None], report: IngestReport,
                    notify: Callable[[str, str], None]) -> None:
    """Extract `todo` on the cluster (started only if there is work), loading each partition as it completes.
    At most two partitions per worker are in flight, so the driver's memory does not grow with the corpus."""
    from distributed import as_completed

    first = next(todo, None)
    if first is None:
        return
    with dask_client(scheduler, workers) as client:
        limit = 2 * max(len(client.scheduler_info()["workers"]), 1)  # type: ignore[attr-defined]
        flying: dict = {}
        finished = as_completed()

        def settle(future) -> None:
            part = flying.pop(future)
            try:
                columns = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the partition is named, the run goes on
                reason = f"extraction failed on the cluster ({type(exc).__name__}: {str(exc)[:200]}); rerun to retry"
                for doc in part.documents:
                    report.read += 1
                    report.errors.append((doc.origin, reason))
                    notify("error", doc.origin)
                return
            finally:
                future.release()
            load(part, columns)

        for part in itertools.chain([first], todo):
            future = client.submit(extract_partition, [d.model_dump_json() for d in part.documents],  # type: ignore[attr-defined]
                                   seconds, key=f"sphere-extract-{part.key}", retries=1)
            flying[future] = part
            finished.add(future)
            while len(flying) >= limit:
                settle(next(finished))
        for future in finished:
            settle(future)


def _load(part: Partition, rows: list[tuple[Document, ArticleResult | InputError]], session: Session,
          manifest: Manifest, report: IngestReport, verify: bool, batch_size: int,
          notify: Callable[[str, str], None]) -> None:
    """Store one extracted partition through the ordinary ingest (idempotent), then mark it stored."""
    results = {doc.origin: result for doc, result in rows}

    def stored_result(doc: Document) -> ArticleResult:
        result = results[doc.origin]
        if isinstance(result, InputError):
            raise result
        return result

    from sphere.ingest import verdict_writer

    done = store_documents([doc for doc, _ in rows], session=session, extract=per_document(stored_result),
                           verdicts=verdict_writer() if verify else None, batch_size=batch_size, on_item=notify)
    report.merge(done)
    manifest.mark(part.key, STORED, index=part.index, documents=len(part.documents))
