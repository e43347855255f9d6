"""Runs the extractor over a gold file and prints the score with breakdowns."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from sphere.errors import EvaluationError
from sphere.evaluate.score import Report, load_jsonl, score
from sphere.models import ArticleResult, Document


def evaluate_file(path: Path) -> Report:
    from sphere.nlp.pipeline import extract_documents

    if not path.exists():
        raise EvaluationError(f"{path}: no such file")
    gold = load_jsonl(path)
    docs = []
    for aid, rec in gold.items():
        pub = rec.get("published")
        from datetime import date

        docs.append(Document(id=aid, text=rec.get("text") or "", title=rec.get("title"),
                             published=date.fromisoformat(pub[:10]) if pub else None, origin=f"{path}#{aid}"))
    pred: dict[str, dict] = {}
    for r in extract_documents(docs):
        if isinstance(r, ArticleResult):  # an InputError is skipped
            d = r.model_dump(mode="json")
            pred[d["id"]] = d
    return score(gold, pred)


def print_report(report: Report, *, details: bool, fmt: str, console: Console) -> None:
    if fmt == "json":
        console.print_json(json.dumps({
            "scores": {k: v.as_dict() for k, v in report.scores.items()},
            "by_family": {f: {k: v.as_dict() for k, v in row.items()} for f, row in report.by_family.items()},
            "family_articles": report.family_articles,
            "family_spread": {k: report.family_spread(k) for k in ("claims", "events")},
            "by_measure": {k: v.as_dict() for k, v in report.by_label["claims"].items()},
            "by_action": {k: v.as_dict() for k, v in report.by_label["events"].items()},
            "misses": [{"id": a, "kind": k, **{x: y for x, y in m.items() if x != "evidence"}} for a, k, m in report.misses],
            "spurious": [{"id": a, "kind": k, **{x: y for x, y in m.items() if x not in ("evidence", "start", "end")}}
                         for a, k, m in report.spurious],
        }))
        return
    t = Table("", "P", "R", "F1", "gold", "pred", "hits", title="Scores")
    for k, v in report.scores.items():
        t.add_row(k, f"{v.p:.3f}", f"{v.r:.3f}", f"{v.f1:.3f}", str(v.gold), str(v.pred), str(v.hits))
    console.print(t)
    if len(report.by_family) > 1:
        t = Table("family", "articles", "claims F1", "gold", "events F1", "gold", title="By source family (strict)")
        counts = report.family_articles
        for fam, row in report.by_family.items():
            t.add_row(fam, str(counts.get(fam, 0)), f"{row['claims'].f1:.3f}", str(row["claims"].gold),
                      f"{row['events'].f1:.3f}", str(row["events"].gold))
        spread = {k: report.family_spread(k) for k in ("claims", "events")}
        t.add_row("spread (best - worst, 5+ gold)", "", "" if spread["claims"] is None else f"{spread['claims']:.3f}", "",
                  "" if spread["events"] is None else f"{spread['events']:.3f}", "")
        console.print(t)
    for kind, label in (("claims", "measure"), ("events", "action")):
        t = Table(label, "P", "R", "F1", "gold", "pred", "hits", title=f"{kind} by {label}")
        for k, v in sorted(report.by_label[kind].items()):
            t.add_row(k, f"{v.p:.3f}", f"{v.r:.3f}", f"{v.f1:.3f}", str(v.gold), str(v.pred), str(v.hits))
        console.print(t)
    if details:
        keep = ("measure", "holder", "counterpart", "value", "unit", "relative_to", "actor", "action", "target")
        for aid, kind, m in report.misses:
            console.print(f"MISS  {aid} {kind}: {json.dumps({k: m.get(k) for k in keep if k in m})}", highlight=False)
        for aid, kind, s in report.spurious:
            console.print(f"EXTRA {aid} {kind}: {json.dumps({k: s.get(k) for k in keep if k in s})}", highlight=False)
    if report.missing_articles:
        console.print(f"articles with no output: {len(report.missing_articles)}")
