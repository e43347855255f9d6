"""Event coding measured on the PLOVER gold-standard records (Open Event Data Alliance, CC BY-SA 4.0).

Each record is one sentence from the PLOVER/CAMEO manual with its event type and source and target
actors. The records use some older type names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), mapped here
to the sixteen types of SCHEMA.md. A record counts as found when sphere codes an event of its type
whose actor is one of its sources and, when it names targets, whose target is one of them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sphere.errors import EvaluationError
from sphere.models import ArticleResult, Document

LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class GsrScore:
    records: int = 0
    action_found: int = 0  # an event of the record's type was coded, whoever the parties
    found: int = 0  # type, actor and target all right
    by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)


def load_records(path: Path) -> list[dict]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: not a PLOVER gold-standard file ({exc})") from exc
    return [r for r in records if r.get("event") not in (None, "DOCUMENT") and r.get("text")]


def _codes(actors: object) -> set[str]:
    return {str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict)} if isinstance(actors, list) else set()


def score_gsr(path: Path) -> GsrScore:
    """Extract every record's sentence and count the records whose event sphere codes."""
    from sphere.nlp.pipeline import extract_documents

    records = load_records(path)
    docs = []
    for r in records:
        try:
            published = date.fromisoformat(str(r.get("date", ""))[:10])
        except ValueError:
            published = None
        docs.append(Document(id=str(r["id"]), text=r["text"], published=published, origin=f"{path}#{r['id']}"))
    results = {x.id: x for x in extract_documents(docs) if isinstance(x, ArticleResult)}
    score = GsrScore()
    for r in records:
        action = LEGACY.get(r["event"], r["event"])
        sources, targets = _codes(r.get("source")), _codes(r.get("target"))
        events = results[str(r["id"])].events if str(r["id"]) in results else []
        score.records += 1
        score.by_type[action] += 1
        score.action_found += any(e.action == action for e in events)
        if any(e.action == action and e.actor in sources and (not targets or e.target in targets) for e in events):
            score.found += 1
            score.found_by_type[action] += 1
    return score
