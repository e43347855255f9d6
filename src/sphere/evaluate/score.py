"""Scoring extracted claims and events against gold annotations, by SCHEMA.md's rules.

The rules match ../shared/eval/score.py exactly (a test checks the two agree):
a claim matches when measure, holder, counterpart (either order for `trade`), unit and
relative_to are equal and the values agree within 2%; events are compared as distinct
(actor, action, target) triples per article, CONSULT in either order; each gold item
matches at most one extracted item, greedily in order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphere.errors import EvaluationError

MUTUAL = {"CONSULT"}


def _norm(x: Any) -> str | None:
    return None if x in (None, "", "null") else str(x).upper()


def claim_eq(g: dict, p: dict, strict: bool = True) -> bool:
    try:
        gv, pv = float(g["value"]), float(p.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return False
    ok = pv == 0 if gv == 0 else abs(gv - pv) <= 0.02 * abs(gv)
    if not ok or _norm(g.get("unit")) != _norm(p.get("unit")):
        return False
    if not strict:
        return True
    if (g.get("measure") or "").lower() != (p.get("measure") or "").lower():
        return False
    gh, gc = _norm(g.get("holder")), _norm(g.get("counterpart"))
    ph, pc = _norm(p.get("holder")), _norm(p.get("counterpart"))
    if g.get("measure") == "trade":
        if {gh, gc} != {ph, pc}:
            return False
    elif (gh, gc) != (ph, pc):
        return False
    return _norm(g.get("relative_to")) == _norm(p.get("relative_to"))


def event_eq(g: dict, p: dict, strict: bool = True) -> bool:
    if _norm(g.get("action")) != _norm(p.get("action")):
        return False
    ga, gt, pa, pt = _norm(g.get("actor")), _norm(g.get("target")), _norm(p.get("actor")), _norm(p.get("target"))
    if _norm(g.get("action")) in MUTUAL and strict:
        return {ga, gt} == {pa, pt}
    if ga != pa:
        return False
    return (not strict) or gt == pt


def unique_events(events: Iterable[dict]) -> list[dict]:
    seen: set = set()
    out = []
    for e in events:
        a, t = _norm(e.get("actor")), _norm(e.get("target"))
        act = _norm(e.get("action"))
        key = (act, frozenset((a, t))) if act in MUTUAL else (act, a, t)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _match(gold: list[dict], pred: list[dict], eq: Callable[[dict, dict], bool]) -> tuple[int, list[dict], list[dict]]:
    used: set[int] = set()
    hits = 0
    missed = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and eq(g, p):
                used.add(i)
                hits += 1
                break
        else:
            missed.append(g)
    return hits, missed, [p for i, p in enumerate(pred) if i not in used]


@dataclass
class KindScore:
    gold: int = 0
    pred: int = 0
    hits: int = 0

    @property
    def p(self) -> float:
        return self.hits / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 3), "r": round(self.r, 3), "f1": round(self.f1, 3), "gold": self.gold,
                "pred": self.pred, "hits": self.hits}


@dataclass
class Report:
    scores: dict[str, KindScore]
    by_label: dict[str, dict[str, KindScore]]  # "claims" -> measure -> score; "events" -> action -> score
    misses: list[tuple[str, str, dict]] = field(default_factory=list)
    spurious: list[tuple[str, str, dict]] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    by_family: dict[str, dict[str, KindScore]] = field(default_factory=dict)  # family -> kind -> strict score
    family_articles: dict[str, int] = field(default_factory=dict)  # family -> number of gold articles

    def family_spread(self, kind: str, min_gold: int = 5) -> float | None:
        """Best family F1 minus the worst, over families with `min_gold` or more gold items.

        The same rule as ../shared/eval/score.py --by-family: an extractor that generalizes
        scores alike on each source family, so the spread is watched beside the total.
        """
        vals = [fam[kind].f1 for fam in self.by_family.values() if fam[kind].gold >= min_gold]
        return round(max(vals) - min(vals), 3) if vals else None


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Report:
    """Score predictions (id -> {"claims", "events"}) against gold (id -> record)."""
    scores: dict[str, KindScore] = {}
    by_label: dict[str, dict[str, KindScore]] = {"claims": {}, "events": {}}
    misses: list = []
    spurious: list = []
    for kind, eq, label_key in (("claims", claim_eq, "measure"), ("events", event_eq, "action")):
        for strict in (True, False):
            total = KindScore()
            for aid, g in gold.items():
                gl = g.get(kind) or []
                pl = (pred.get(aid) or {}).get(kind) or []
                if kind == "events":
                    gl, pl = unique_events(gl), unique_events(pl)
                # a def, not a lambda: mypy cannot type a lambda whose defaults bind the loop's values
                def same(
                    a: dict, b: dict, eq: Callable[[dict, dict, bool], bool] = eq, strict: bool = strict
                ) -> bool:
                    return eq(a, b, strict)

                h, missed, extra = _match(gl, pl, same)
                total.hits += h
                total.pred += len(pl)
                total.gold += len(gl)
                if strict:
                    misses += [(aid, kind, m) for m in missed]
                    spurious += [(aid, kind, s) for s in extra]
                    per = by_label[kind]
                    for item in gl:
                        per.setdefault(str(item.get(label_key)), KindScore()).gold += 1
                    for item in pl:
                        per.setdefault(str(item.get(label_key)), KindScore()).pred += 1
                    matched_gold = [x for x in gl if x not in missed]
                    for item in matched_gold:
                        per[str(item.get(label_key))].hits += 1
            scores[kind if strict else kind + "_relaxed"] = total
    return Report(scores, by_label, misses, spurious, [a for a in gold if a not in pred], _by_family(gold, pred),
                  dict(sorted(Counter(str(g.get("family")) for g in gold.values()).items())))


def _by_family(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, dict[str, KindScore]]:
    """Strict scores per source family (the gold lines' `family` field)."""
    out: dict[str, dict[str, KindScore]] = {}
    for aid, g in gold.items():
        fam = out.setdefault(str(g.get("family")), {"claims": KindScore(), "events": KindScore()})
        for kind, eq in (("claims", claim_eq), ("events", event_eq)):
            gl = g.get(kind) or []
            pl = (pred.get(aid) or {}).get(kind) or []
            if kind == "events":
                gl, pl = unique_events(gl), unique_events(pl)
            h, _, _ = _match(gl, pl, eq)
            fam[kind].hits += h
            fam[kind].pred += len(pl)
            fam[kind].gold += len(gl)
    return dict(sorted(out.items()))


def load_jsonl(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(rec, dict) or "id" not in rec:
                raise EvaluationError(f"{path}:{n}: a record needs an 'id'")
            out[str(rec["id"])] = rec
    return out


def summary(report: Report) -> Counter:
    return Counter({k: v.f1 for k, v in report.scores.items()})
