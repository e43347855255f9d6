"""How quickly the `sphere` command answers (not a test): `--help` and simple queries on a small store,
against `python -c pass` timed in the same run, in the same rounds.

    .venv/bin/python bench/bench_cli.py                  # builds a small store from the bundled stories
    .venv/bin/python bench/bench_cli.py --db PATH --rounds 30

Each round runs every command once as a fresh process (as a user's shell does), in turn, so a busy
moment of the machine weighs on all of them alike; the table gives the median and the fastest round.
The target (issue 9): `sphere --help` and a simple query on a small store answer in under 0.4 s.
The load average before and after is printed: on a busy machine every figure grows, the baseline too;
the CPU seconds (user + system, of the process) say what a command costs with less of the machine's noise.
The last line, `RESULT key=value ...`, is for scripts.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEMO = ROOT / "src" / "sphere" / "demo" / "data" / "voa_belt_and_road.jsonl"
TARGET = 0.4


def commands(db: str) -> dict[str, list[str]]:
    sphere = str(BIN / "sphere")
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "sphere --help": [sphere, "--help"],
        "sphere claims --limit 5": [sphere, "claims", "--db", db, "--limit", "5"],
        "sphere claims --holder Djibouti -f json": [sphere, "claims", "--db", db, "--holder", "Djibouti", "-f", "json"],
        "sphere entities --limit 5": [sphere, "entities", "--db", db, "--limit", "5"],
        "sphere articles --outlet voice -f csv": [sphere, "articles", "--db", db, "--outlet", "voice", "-f", "csv"],
    }


def build_store(folder: Path) -> str:
    db = str(folder / "small.db")
    subprocess.run([str(BIN / "sphere"), "ingest", str(DEMO), "--db", db, "-q"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def time_once(argv: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run of `argv` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {done.returncode}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing small store (default: the 29 bundled stories, ingested now)")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp))
        runs = commands(db)
        for argv in runs.values():  # warm the file cache and the bytecode once
            time_once(argv)
        load_before = os.getloadavg()[0]
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, argv in runs.items():
                wall, used = time_once(argv)
                times[name].append(wall)
                cpu[name].append(used)
        load_after = os.getloadavg()[0]
    base = statistics.median(times["python -c pass"])
    print(f"{args.rounds} rounds; load average {load_before:.2f} before, {load_after:.2f} after "
          f"({os.cpu_count()} CPUs)")
    print(f"| command | median s | fastest s | CPU s (median) | median / python -c pass | under {TARGET} s |")
    print("|---|---|---|---|---|---|")
    result = []
    for name, values in times.items():
        median = statistics.median(values)
        ok = "baseline" if name == "python -c pass" else ("yes" if median < TARGET else "no")
        print(f"| `{name}` | {median:.3f} | {min(values):.3f} | {statistics.median(cpu[name]):.3f} | "
              f"{median / base:.1f}x | {ok} |")
        result.append(f"{name.split()[1].lstrip('-')}_{len(result)}={median:.3f}")
    print("RESULT " + " ".join(result))


if __name__ == "__main__":
    main()
