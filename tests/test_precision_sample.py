"""The precision check on text no one annotated: 60 claims and 60 events judged by hand.

scripts/precision_sample.py drew them at random from Reuters-21578 and Belt-and-Road stories
that are not in the dev set; a person judged each against SCHEMA.md (`verdict`, with a `note`
for every wrong one). The README reports the precision computed here; this test keeps the two
in step, so the README never shows a number the file does not give.
"""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "precision_sample.jsonl"


def _items() -> tuple[dict, list[dict]]:
    lines = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:]


def _precision(kind: str) -> tuple[int, int]:
    _, items = _items()
    judged = [x for x in items if x["kind"] == kind]
    return sum(x["verdict"] == "correct" for x in judged), len(judged)


def test_every_item_is_judged_and_every_error_says_why():
    header, items = _items()
    assert header["seed"] and header["extractor"]
    assert sum(x["kind"] == "claim" for x in items) == 60
    assert sum(x["kind"] == "event" for x in items) == 60
    for x in items:
        assert x["verdict"] in ("correct", "wrong"), x
        assert x["evidence"]
        if x["verdict"] == "wrong":
            assert len(x["note"].split()) >= 2, f"a wrong item needs a reason: {x}"


def test_both_families_are_in_the_sample():
    _, items = _items()
    assert {x["family"] for x in items} == {"reuters", "belt-and-road"}


def test_readme_reports_the_precision_the_file_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind, label in (("claim", "claims"), ("event", "events")):
        right, total = _precision(kind)
        m = re.search(rf"\| {label} \(hand-judged sample\) \| ([0-9.]+) \((\d+) of (\d+)\)", readme)
        assert m, f"README has no precision row for {label}"
        assert (float(m.group(1)), int(m.group(2)), int(m.group(3))) == (round(right / total, 2), right, total)
