"""`sphere demo`: the main job end to end on the bundled real news.

The bundle is the 29 Voice of America stories (2018-2019, public domain) on China's Belt and
Road from the silk-road-regained corpus (`data/voa_belt_and_road.jsonl`, built by `build.py`).
The demo extracts them, checks every figure against the reference snapshot, stores everything
in the embedded SQLite store (the default database, or --db), and prints a digest: the figures
with their sources and verdicts, and who did what to whom.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from importlib import resources

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sphere.models import ArticleResult, Document

BUNDLE = "voa_belt_and_road.jsonl"


def bundled_documents() -> Iterator[Document]:
    """The bundled stories as Documents."""
    text = resources.files("sphere.demo").joinpath("data", BUNDLE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            rec = json.loads(line)
            yield Document(id=rec["id"], text=rec["text"], title=rec.get("title"),
                           published=date.fromisoformat(rec["published"]) if rec.get("published") else None,
                           url=rec.get("url"), source=rec.get("source"), origin=f"{BUNDLE}#{rec['id']}")


def run_demo(*, fmt: str = "text", console: Console | None = None, db: str | None = None, store: bool = True) -> int:
    """Extract, verify, store and summarise the bundled stories; returns an exit code."""
    from sphere.nlp.pipeline import extract_documents
    from sphere.refdata.load import load_reference
    from sphere.verify import verify_claim

    console = console or Console()
    docs = list(bundled_documents())
    results = [r for r in extract_documents(docs) if isinstance(r, ArticleResult)]
    ref = load_reference()
    verdicts = {}
    for r in results:
        for i, c in enumerate(r.claims):
            verdicts[(r.id, i)] = verify_claim(c, published=r.published, ref=ref)
    stored = _store(docs, results, db) if store else None
    if fmt == "json":
        for r in results:
            data = r.model_dump(mode="json")
            for i, c in enumerate(data["claims"]):
                c["verdict"] = verdicts[(r.id, i)].model_dump(mode="json", include={"verdict", "reason", "reference_value", "reference_year", "series", "publisher"})
            console.print_json(json.dumps(data, ensure_ascii=False)) if console.is_terminal else print(json.dumps(data, ensure_ascii=False))
        return 0
    _digest(results, verdicts, console, stored)
    return 0


def _store(docs: list[Document], results: list[ArticleResult], db: str | None) -> str:
    """Store the bundle (already extracted) in the store; returns a one-line note of what happened."""
    from sphere.errors import SphereError
    from sphere.store.engine import display_url, open_session, resolve_url
    from sphere.store.ingest import ingest_documents

    by_id = {r.id: r for r in results}
    try:
        with open_session(db) as session:
            report = ingest_documents(docs, session=session, extract=lambda d: by_id[d.id])
    except SphereError as exc:
        return f"not stored: {exc}"
    return (f"stored in {display_url(resolve_url(db))}: {report.stored} new articles, {report.duplicates} already there, "
            f"{report.claims} claims, {report.events} events, {report.verdicts} verdicts")


def _digest(results: list[ArticleResult], verdicts: dict, console: Console, stored: str | None) -> None:
    dates = sorted(r.published for r in results if r.published)
    n_claims = sum(len(r.claims) for r in results)
    n_events = sum(len(r.events) for r in results)
    console.rule("[bold]sphere demo[/]: Voice of America on the Belt and Road")
    console.print(f"{len(results)} stories, {dates[0]} to {dates[-1]}: {n_claims} figures claimed, {n_events} events, "
                  f"{sum(len(r.quotes) for r in results)} quotes.", highlight=False)
    if stored:
        console.print(escape(stored), highlight=False)
    t = Table("date", "measure", "who → whom", "figure", "source", "verdict", title="Figures claimed, with their sources and checks",
              title_justify="left", show_lines=False)
    for r in results:
        for i, c in enumerate(r.claims):
            v = verdicts[(r.id, i)]
            ref = ""
            if v.reference_value is not None:
                ref = f" (ref {v.reference_value / 1e9:,.2f} bn, {v.reference_year})" if abs(v.reference_value) >= 1e8 else f" (ref {v.reference_value:,.0f}, {v.reference_year})"
            parties = f"{c.holder or '?'} → {c.counterpart or '-'}" + (f" vs {c.relative_to}" if c.relative_to else "")
            t.add_row(*map(escape, (str(r.published or ""), c.measure, parties,
                                    f"{c.approx if c.approx != 'exact' else ''} {c.value_text}".strip(),
                                    c.source or "-", v.verdict + ref)))
    console.print(t)
    t = Table("date", "actor", "action", "target", "evidence", title="Who did what to whom", title_justify="left")
    for r in results:
        for e in r.events:
            t.add_row(*map(escape, (str(e.date or r.published or ""), e.actor,
                                    e.action + (f" ({e.membership})" if e.membership else ""), e.target or "-",
                                    e.evidence[:100] + ("…" if len(e.evidence) > 100 else ""))))
    console.print(t)
    pairs = Counter((e.actor, e.target) for r in results for e in r.events)
    actions = Counter(e.action for r in results for e in r.events)
    console.print(escape("Most active pairs: " + ", ".join(f"{a}→{b} ({n})" for (a, b), n in pairs.most_common(6))),
                  highlight=False)
    console.print(escape("Actions: " + ", ".join(f"{a} {n}" for a, n in actions.most_common())), highlight=False)
