"""The evaluation gate: the extractor scored on the annotated development articles.

Floors live in tests/eval_baseline.json and may only go up. The scorer must agree exactly
with ../shared/eval/score.py, the reference implementation of SCHEMA.md's rules.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, shared_path

from sphere.evaluate.run import evaluate_file
from sphere.evaluate.score import claim_eq, event_eq, load_jsonl, score, unique_events

BASELINE = ROOT / "tests" / "eval_baseline.json"


@pytest.fixture(scope="module")
def dev_report():
    return evaluate_file(shared_path("eval", "dev.jsonl"))


def test_baseline_floors_only_go_up():
    """A floor may drop only in an entry that says why (a new annotated set, rules fitted to dev text removed)."""
    history = json.loads(BASELINE.read_text())["history"]
    for before, after in zip(history, history[1:], strict=False):
        if after.get("reason"):
            continue
        for key in ("claims", "events", "plover_gsr_events"):
            if key in before and key in after:
                assert after[key] >= before[key], f"{key} floor lowered without a reason in {after}"


def test_baseline_reasons_are_sentences():
    for entry in json.loads(BASELINE.read_text())["history"]:
        if "reason" in entry:
            assert len(entry["reason"].split()) >= 5, f"a re-baseline needs a real reason: {entry}"


def test_dev_set_meets_floors(dev_report):
    floor = json.loads(BASELINE.read_text())["history"][-1]
    assert dev_report.scores["claims"].f1 >= floor["claims"]
    assert dev_report.scores["events"].f1 >= floor["events"]
    assert dev_report.missing_articles == []


def test_dev_set_reports_every_family(dev_report):
    """The four source families of the dev set are scored apart, with the spread between them."""
    gold = load_jsonl(shared_path("eval", "dev.jsonl"))
    assert set(dev_report.by_family) == {str(g.get("family")) for g in gold.values()}
    assert sum(dev_report.family_articles.values()) == len(gold)
    assert sum(f["claims"].gold for f in dev_report.by_family.values()) == dev_report.scores["claims"].gold
    assert dev_report.family_spread("events") is not None


def test_plover_gsr_sentences_meet_floor():
    """The PLOVER gold-standard country-to-country sentences: an outside check of event coding."""
    floor = json.loads(BASELINE.read_text())["history"][-1]["plover_gsr_events"]
    report = evaluate_file(shared_path("eval", "plover_gsr.jsonl"))
    assert report.scores["events"].f1 >= floor


def test_scorer_agrees_with_reference_scorer(tmp_path: Path):
    gold_path = shared_path("eval", "dev.jsonl")
    reference = shared_path("eval", "score.py")
    gold = load_jsonl(gold_path)
    from datetime import date

    from sphere.models import Document
    from sphere.nlp.pipeline import extract_documents

    docs = [Document(id=k, text=v["text"], published=date.fromisoformat(v["published"])) for k, v in gold.items()]
    pred_path = tmp_path / "pred.jsonl"
    pred = {}
    with open(pred_path, "w") as fh:
        for r in extract_documents(docs):
            d = r.model_dump(mode="json")
            pred[d["id"]] = d
            fh.write(json.dumps(d) + "\n")
    out = subprocess.run([sys.executable, str(reference), str(gold_path), str(pred_path)], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    theirs = json.loads(out)
    ours = {k: round(v.f1, 3) for k, v in score(gold, pred).scores.items()}
    assert ours == theirs


def test_scoring_rules_exact():
    g = {"measure": "trade", "holder": "CHN", "counterpart": "USA", "value": 100.0, "unit": "USD", "relative_to": None}
    assert claim_eq(g, {**g, "holder": "USA", "counterpart": "CHN", "value": 101.9})  # trade: either order, 2%
    assert not claim_eq(g, {**g, "value": 102.1})
    assert not claim_eq({**g, "measure": "exports"}, {**g, "measure": "exports", "holder": "USA", "counterpart": "CHN"})
    meet = {"actor": "CHN", "action": "CONSULT", "target": "BOL"}
    assert event_eq(meet, {"actor": "BOL", "action": "CONSULT", "target": "CHN"})
    assert not event_eq({**meet, "action": "AGREE"}, {"actor": "BOL", "action": "AGREE", "target": "CHN"})
    assert len(unique_events([meet, {"actor": "BOL", "action": "CONSULT", "target": "CHN"}, meet])) == 1


def test_score_counts_spurious_and_misses():
    gold = {"a": {"claims": [{"measure": "debt", "holder": "BOL", "counterpart": "CHN", "value": 1.7e9, "unit": "USD"}],
                  "events": []}}
    pred = {"a": {"claims": [{"measure": "debt", "holder": "BOL", "counterpart": None, "value": 1.7e9, "unit": "USD"}],
                  "events": [{"actor": "USA", "action": "THREATEN", "target": "BRICS"}]}}
    r = score(gold, pred)
    assert (r.scores["claims"].hits, r.scores["claims"].pred, r.scores["claims"].gold) == (0, 1, 1)
    assert r.scores["claims_relaxed"].hits == 1
    assert len(r.misses) == 1 and len(r.spurious) == 2


def test_plover_gold_standard_records_floor():
    """The PLOVER manual's coded sentences: a second, general measure of event coding (floor only goes up)."""
    from sphere.evaluate.plover import score_gsr

    score = score_gsr(shared_path("refdata", "events", "plover_gold_standard_records_cameo.txt"))
    floor = json.loads(BASELINE.read_text())["plover_gsr_found"]
    assert score.records == 322
    assert score.found >= floor
