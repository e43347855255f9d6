"""Benchmark of the REST API under load (not a test): p50/p99 latency and requests per second at 50
concurrent clients on loopback, against the same calls made directly through the library in the same run.

    .venv/bin/python bench/bench_api.py                         # 1,000,000 claims in PostgreSQL
    .venv/bin/python bench/bench_api.py --claims 100000 --requests 500

1. A fresh PostgreSQL schema is filled with C synthetic claims (bench_store.fill: C/50 articles over 60
   countries and 14 measures, 2000-2024, bulk COPY).
2. `sphere serve --db ... --workers W` is started as users start it (a separate process, uvicorn, the
   token set, the rate limit raised so the load is not refused).
3. Three endpoints are driven by 50 concurrent clients (asyncio + httpx, one process, keep-alive):
   the scorecard of a random country (`/api/countries/CODE/scorecard`: the tilt and the stored events'
   counts), a page of 50 claims of a random country and measure (`/api/claims`), and extraction of a
   real article (`POST /api/extract`, one bundled VOA story with its verdicts; fewer requests).
4. The baseline: the very functions those endpoints call (`country_card`, `claims_page`,
   `extract_and_verify`), called in a loop in this process on one session, with no HTTP: what the same
   answer costs without the server.

Both sides share the machine's two cores with the load generator; the figures say what one 2-core box
serves, not what the server alone could.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import COUNTRIES, MEASURES, drop_pg, fill, fresh_pg  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"
TARGETS = [c for c in COUNTRIES if c not in ("CHN", "USA")]
CLAIM_MEASURES = [m for m in MEASURES if m != "trade_balance"]  # a measure the current model may not know


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "SPHERE_API_TOKEN": TOKEN}
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "sphere"), "serve", "--db", url, "--port", str(port), "--workers",
         str(workers), "--rate", "10000000/minute"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            sys.exit(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
        time.sleep(0.5)
    process.terminate()
    sys.exit("the server did not answer within 120 s")


def summary(latencies: list[float], seconds: float, errors: int = 0) -> dict:
    ordered = sorted(latencies)
    return {"n": len(ordered), "p50": statistics.median(ordered) * 1000,
            "p99": ordered[max(int(len(ordered) * 0.99) - 1, 0)] * 1000, "rate": len(ordered) / seconds,
            "errors": errors}


async def drive(base: str, make: Callable[[random.Random], tuple[str, str, dict | None]], total: int,
                clients: int) -> dict:
    """`total` requests from `clients` concurrent keep-alive connections; latency of each."""
    latencies: list[float] = []
    errors = 0
    remaining = total
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits,
                                 headers={"Authorization": f"Bearer {TOKEN}"}) as client:

        async def worker(seed: int) -> None:
            nonlocal remaining, errors
            rng = random.Random(seed)
            while remaining > 0:
                remaining -= 1
                method, path, body = make(rng)
                started = time.perf_counter()
                response = await client.request(method, path, json=body)
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        seconds = time.perf_counter() - started
    return summary(latencies, seconds, errors)


def direct(call: Callable[[random.Random], object], total: int) -> dict:
    rng = random.Random(99)
    latencies = []
    started = time.perf_counter()
    for _ in range(total):
        t = time.perf_counter()
        call(rng)
        latencies.append(time.perf_counter() - t)
    return summary(latencies, time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="synthetic claims in PostgreSQL")
    parser.add_argument("--requests", type=int, default=2000, help="requests per read endpoint")
    parser.add_argument("--extract-requests", type=int, default=200, help="requests to the extract endpoint")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    args = parser.parse_args()

    from sphere.api.app import build_context
    from sphere.api.config import ApiConfig
    from sphere.api.extraction import document_from_text, extract_and_verify
    from sphere.api.routes_analysis import country_card
    from sphere.api.routes_store import claims_page
    from sphere.demo import bundled_documents

    article = list(bundled_documents())[18]  # Zambia's borrowing: claims, events, verdicts
    schema, url = fresh_pg()
    try:
        print(f"== API load: {args.claims:,} synthetic claims in PostgreSQL, {args.clients} concurrent clients, "
              f"{args.workers} server workers, {os.cpu_count()} cores")
        print(f"fill: {fill(url, args.claims):.1f} s")
        ctx = build_context(ApiConfig(db=url))
        today = dt.date.today()
        scenarios: dict[str, tuple[Callable, Callable, int]] = {
            "scorecard": (
                lambda r: ("GET", f"/api/countries/{r.choice(TARGETS)}/scorecard", None),
                lambda r: country_card(ctx, session, r.choice(TARGETS), as_of=today), args.requests),
            "claims list": (
                lambda r: ("GET", f"/api/claims?country={r.choice(TARGETS)}&measure={r.choice(CLAIM_MEASURES)}"
                           "&limit=50", None),
                lambda r: claims_page(session, limit=50, cursor=None, country=r.choice(TARGETS),
                                      measure=r.choice(CLAIM_MEASURES)), args.requests),
            "extract": (
                lambda r: ("POST", "/api/extract", {"text": article.text, "published": str(article.published)}),
                lambda r: extract_and_verify(ctx, document_from_text(article.text)), args.extract_requests),
        }
        results = {}
        with ctx.sessions() as session:
            for name, (_, call, total) in scenarios.items():
                call(random.Random(0))  # warm: model loaded, tilts cached, as the server's first requests do
                results[name] = {"library": direct(call, max(total // 4, 20))}
                session.rollback()
        process, base = start_server(url, args.workers)
        try:
            for name, (make, _, total) in scenarios.items():
                asyncio.run(drive(base, make, min(total, 4 * args.clients), args.clients))  # warm every worker
                results[name]["http"] = asyncio.run(drive(base, make, total, args.clients))
        finally:
            process.terminate()
            process.wait(timeout=30)
        print(f"{'endpoint':12s} {'side':8s} {'n':>6s} {'p50 ms':>8s} {'p99 ms':>8s} {'req/s':>8s} {'errors':>6s}")
        for name, sides in results.items():
            for side in ("library", "http"):
                s = sides[side]
                print(f"{name:12s} {side:8s} {s['n']:6d} {s['p50']:8.1f} {s['p99']:8.1f} {s['rate']:8.1f} "
                      f"{s['errors']:6d}")
            lib, http = sides["library"], sides["http"]
            print(f"{'':12s} http/library: p50 x{http['p50'] / lib['p50']:.1f}, throughput x{http['rate'] / lib['rate']:.2f}"
                  f"{'' if name == 'extract' else (' (p99 target < 100 ms: ' + ('met' if http['p99'] < 100 else 'NOT met') + ')')}")
        ctx.engine.dispose()
    finally:
        drop_pg(schema)


if __name__ == "__main__":
    main()
