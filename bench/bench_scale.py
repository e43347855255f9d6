"""Benchmark of `sphere ingest` on one process against `sphere ingest --engine dask` on 1 and 2 workers (not a test).

    .venv/bin/python bench/bench_scale.py                    # all of ../shared/corpora (about 19,000 stories)
    .venv/bin/python bench/bench_scale.py --limit 3000       # the first 3,000 stories
    .venv/bin/python bench/bench_scale.py --workers 1 2 4    # as far as the machine goes

The corpus (Reuters-21578 SGML and the silk-road Markdown stories, read by sphere's own readers) is written
once as one JSONL file, so every run reads the same stories the same way. Each run is the real command a
user types, in a fresh process, into a fresh SQLite file, with verification on:

    sphere ingest corpus.jsonl --db sqlite:///...                                  (single process, baseline)
    sphere ingest corpus.jsonl --db sqlite:///... --engine dask --workers N        (local Dask cluster)

Everything is timed: start-up, reading, the cluster's start, the model loaded in each worker, extraction,
Parquet shards and the store. Printed per run: articles stored per second, speed-up over the baseline,
scaling efficiency (throughput with N workers / (N x throughput with 1 worker)), peak RSS of the main
process and of the largest worker (sampled every 0.2 s over the process tree), and the CPU others took
(`others`: busy cores of the machine minus ours, on average) since this machine is shared, and the CPU time
per stored article of the whole process tree. Finally the CPU per article is extrapolated to a GDELT-sized
day (`--day`, stories per day): CPU time, unlike wall time, hardly depends on what else the machine runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SPHERE = str(Path(sys.executable).with_name("sphere"))


def write_corpus(path: Path, limit: int | None) -> int:
    from sphere.models import Document
    from sphere.sources import read_inputs

    inputs = [str(CORPORA / "reuters21578"), str(CORPORA / "silk-road-regained")]
    if not all(Path(p).is_dir() for p in inputs):
        sys.exit(f"{CORPORA} is absent: the benchmark needs ../shared/corpora")
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for item in read_inputs(inputs):
            if isinstance(item, Document):
                record = item.model_dump(mode="json", include={"id", "text", "title", "published", "url", "source"})
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
                if limit and n >= limit:
                    break
    return n


class TreeMeter(threading.Thread):
    """Peak RSS of a process and of each of its descendants, and the machine's busy CPU meanwhile."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peaks: dict[int, float] = {}
        self.done = threading.Event()
        self.busy0 = self._busy()

    @staticmethod
    def _busy() -> float:
        times = psutil.cpu_times()
        return times.user + times.system + getattr(times, "nice", 0.0)

    def run(self) -> None:
        while not self.done.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    rss = proc.memory_info().rss / 1e6
                    self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0.0), rss)
                except psutil.Error:
                    pass
            time.sleep(0.2)

    def stop(self) -> float:
        self.done.set()
        self.join()
        return self._busy() - self.busy0


def run(args: list[str], pid_cpu: dict) -> tuple[float, dict, float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen([SPHERE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    meter = TreeMeter(process.pid)
    meter.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    machine_busy = meter.stop()
    usage = os.times()  # CPU of the reaped process tree (workers are reaped by the command)
    own_cpu = usage.children_user + usage.children_system - pid_cpu.get("before", 0.0)
    pid_cpu["before"] = usage.children_user + usage.children_system
    if process.returncode != 0:
        sys.exit(f"sphere {' '.join(args)} failed:\n{err}")
    main = meter.peaks.get(process.pid, 0.0)
    workers = [mb for pid, mb in meter.peaks.items() if pid != process.pid and mb > 200]  # those with a model
    return seconds, {"main": main, "worker": max(workers, default=0.0)}, machine_busy, own_cpu, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories (default: all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts to run")
    parser.add_argument("--day", type=int, default=300_000, help="stories in a GDELT-sized day")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sphere-bench-scale-"))
    corpus = work / "corpus.jsonl"
    n = write_corpus(corpus, args.limit)
    print(f"{n} stories from {CORPORA} ({'first ' + str(args.limit) if args.limit else 'all'}); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    cpu_state: dict = {"before": sum(os.times()[2:4])}
    rows = []
    runs: list[tuple[str, list[str]]] = [("single process", [])] + [(f"dask x{k}", ["--engine", "dask", "--workers", str(k)]) for k in args.workers]
    for name, extra in runs:
        db = work / f"{name.replace(' ', '-')}.db"
        command = ["ingest", str(corpus), "--db", f"sqlite:///{db}", "-q"]
        if extra:
            command += ["--run-dir", str(work / f"run-{name.replace(' ', '-')}"), *extra]
        seconds, memory, busy, own, err = run(command, cpu_state)
        found = re.search(r"^stored (\d+) articles", err, re.M)
        stored = int(found.group(1)) if found else 0
        others = max(0.0, (busy - own) / seconds)
        rows.append((name, seconds, stored, stored / seconds, memory, others, own / max(stored, 1)))
        print(f"  {name:15s} {seconds:7.1f} s  {stored} stored  {stored / seconds:6.1f} articles/s  "
              f"{1000 * own / max(stored, 1):.0f} CPU ms/article  peak RSS main {memory['main']:.0f} MB, "
              f"largest worker {memory['worker']:.0f} MB  others {others:.2f}", flush=True)
    base = rows[0][3]
    one = next((r[3] for r in rows if r[0] == "dask x1"), None)
    print("\n| run | seconds | articles/s | vs single process | scaling efficiency | CPU ms/article "
          "| peak RSS main / worker (MB) | others |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, seconds, _stored, rate, memory, others, cpu in rows:
        k = int(name.split("x")[1]) if name.startswith("dask") else None
        efficiency = f"{rate / (k * one):.2f}" if k and one else "-"
        worker = f"{memory['worker']:.0f}" if memory["worker"] else "-"
        print(f"| {name} | {seconds:.1f} | {rate:.1f} | {rate / base:.2f} | {efficiency} | {1000 * cpu:.0f} | "
              f"{memory['main']:.0f} / {worker} | {others:.2f} |")
    # CPU time per article hardly depends on what else the machine runs, unlike wall time: the day's need is
    # extrapolated from the dask runs' CPU per article (workers and driver together).
    cpu = min(row[6] for row in rows if row[0].startswith("dask"))
    print(f"\nGDELT-sized day ({args.day:,} stories, {args.day / 86_400:.1f} per second on average): "
          f"{args.day * cpu / 3600:.0f} CPU hours at {1000 * cpu:.0f} ms per article, i.e. "
          f"{args.day * cpu / 86_400:.1f} cores busy around the clock")


if __name__ == "__main__":
    main()
