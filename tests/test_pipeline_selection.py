"""Sentence pre-selection never hides an annotated claim or event.

sphere parses only the sentences that may carry a claim or an event (a figure, a party or a word
that may resolve to one, a trigger or a cue word). That is a speed decision; it must cost no
recall: every gold item of the dev set lies in a parsed sentence.
"""

from __future__ import annotations

from datetime import date

from tests.conftest import shared_path

from sphere.evaluate.score import load_jsonl
from sphere.models import Document
from sphere.nlp.pipeline import _prepare


def _skipped_gold() -> list[tuple[str, str, str]]:
    gold = load_jsonl(shared_path("eval", "dev.jsonl"))
    lost = []
    for aid, rec in gold.items():
        text = rec["text"]
        prepared = _prepare(Document(id=aid, text=text, published=date.fromisoformat(rec["published"][:10])))
        chosen = set(prepared.selected)
        for kind in ("claims", "events"):
            for item in rec.get(kind) or []:
                evidence = item.get("evidence") or ""
                at = text.find(evidence[:60])
                assert at >= 0, f"{aid}: evidence not in text: {evidence[:60]!r}"
                hit = [i for i, s in enumerate(prepared.sentences) if s.start < at + len(evidence) and s.end > at]
                if not chosen.intersection(hit):
                    lost.append((aid, kind, evidence[:80]))
    return lost


def test_no_gold_item_lies_in_a_skipped_sentence():
    assert _skipped_gold() == []


def test_preselection_skips_sentences_with_nothing_to_find():
    text = ("The weather was mild and sunny. China lent Laos $2 billion last year. "
            "Few people were outside. The two countries signed an accord.")
    p = _prepare(Document(id="t", text=text))
    kept = [text[p.sentences[i].start:p.sentences[i].end] for i in p.selected]
    assert kept == ["China lent Laos $2 billion last year.", "The two countries signed an accord."]
