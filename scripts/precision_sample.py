#!/usr/bin/env python
"""Draw the precision sample: random claims and events from stories no one annotated.

    python scripts/precision_sample.py --claims 60 --events 60 --out tests/data/precision_sample.jsonl

Stories come from ../shared/corpora (Reuters-21578 and the silk-road-regained Belt and Road
stories), minus any story that is also in ../shared/eval/dev.jsonl. The draw is seeded, so the
same extractor gives the same sample. Each line holds the item as extracted, its evidence
sentence and an empty `verdict` that a person fills in by reading the sentence against
SCHEMA.md: `correct` (every scored field right: measure, holder, counterpart, unit, value,
relative_to for claims; actor, action, target for events) or `wrong` with a `note` saying which
field is wrong. tests/test_precision_sample.py reads the judged file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLAIM_KEYS = ("measure", "holder", "counterpart", "value", "unit", "approx", "relative_to", "modality", "year", "source")
EVENT_KEYS = ("actor", "action", "target", "date", "membership")


def _stories(n_reuters: int, seed: int) -> list:
    from sphere.models import Document
    from sphere.sources import read_inputs

    dev = [json.loads(line) for line in (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    dev_heads = {" ".join(d["text"].split())[:120] for d in dev}
    rng = random.Random(seed)
    sgm = sorted((SHARED / "corpora" / "reuters21578").glob("reut2-*.sgm"))
    reuters = [d for d in read_inputs([str(p) for p in rng.sample(sgm, 4)]) if isinstance(d, Document)]
    reuters = rng.sample(reuters, min(n_reuters, len(reuters)))
    bri = [d for d in read_inputs([str(SHARED / "corpora" / "silk-road-regained")]) if isinstance(d, Document)]
    docs = [d for d in reuters + bri if " ".join(d.text.split())[:120] not in dev_heads]
    return docs


def _stratified(items: list[dict], n: int, rng: random.Random) -> list[dict]:
    """Half from each family where it has enough items; the other family fills the rest."""
    bri = [x for x in items if x["family"] == "belt-and-road"]
    reuters = [x for x in items if x["family"] != "belt-and-road"]
    take_bri = min(len(bri), n // 2)
    take_reuters = min(len(reuters), n - take_bri)
    return rng.sample(bri, take_bri) + rng.sample(reuters, take_reuters)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=60)
    ap.add_argument("--events", type=int, default=60)
    ap.add_argument("--reuters", type=int, default=600, help="Reuters stories drawn before sampling items")
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    from sphere.models import ArticleResult
    from sphere.nlp.pipeline import EXTRACTOR_VERSION, extract_documents

    docs = _stories(args.reuters, args.seed)
    claims, events = [], []
    for r in extract_documents(docs):
        if not isinstance(r, ArticleResult):
            continue
        family = "belt-and-road" if r.id.startswith("20") or "silk" in (r.source or "").lower() else "reuters"
        for c in r.claims:
            claims.append({"kind": "claim", "story": r.id, "family": family, "published": str(r.published),
                           **c.model_dump(mode="json", include=set(CLAIM_KEYS)), "evidence": c.evidence})
        for e in r.events:
            events.append({"kind": "event", "story": r.id, "family": family, "published": str(r.published),
                           **e.model_dump(mode="json", include=set(EVENT_KEYS)), "evidence": e.evidence})
    rng = random.Random(args.seed)
    picked = _stratified(claims, args.claims, rng) + _stratified(events, args.events, rng)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"about": "precision sample; verdicts judged by hand against SCHEMA.md",
                             "extractor": EXTRACTOR_VERSION, "seed": args.seed, "stories": len(docs),
                             "claims_found": len(claims), "events_found": len(events)}) + "\n")
        for item in picked:
            fh.write(json.dumps({**item, "verdict": None, "note": ""}, ensure_ascii=False) + "\n")
    print(f"{len(docs)} stories, {len(claims)} claims and {len(events)} events found; "
          f"{len(picked)} items written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
