"""Quotes: quoted words with their speaker and the speaker's country.

Quotation marks are found in the text; the speaker is the mention nearest a speech verb
("said", "told", "stated") in the same sentence, outside the quote, or the official named
in the sentence right before or after when the quote stands alone.
"""

from __future__ import annotations

import re

from sphere.models import Entity, Quote
from sphere.nlp.sentences import Span

_QUOTE = re.compile(r"“([^”]{12,}?)”|\"([^\"]{12,}?)\"")
_SPEECH = re.compile(r"\b(said|says|told|stated|added|posted|wrote|declared|announced|according to)\b")


def extract_quotes(text: str, sentences: list[Span], entities: list[Entity]) -> list[Quote]:
    out: list[Quote] = []
    for m in _QUOTE.finditer(text):
        words = m.group(1) or m.group(2)
        if len(words.split()) < 3:
            continue
        sent = next((s for s in sentences if s.start <= m.start() < s.end), None)
        if sent is None:
            continue
        speaker = _speaker(text, sent, m.start(), m.end(), entities)
        out.append(Quote(
            speaker=speaker.name if speaker else None,
            speaker_country=speaker.code if speaker else None,
            text=words.strip(), start=m.start(), end=m.end(),
        ))
    return out


def _speaker(text: str, sent: Span, qs: int, qe: int, entities: list[Entity]) -> Entity | None:
    inside = [e for e in entities if sent.start <= e.start < sent.end and not (qs <= e.start < qe) and e.code]
    speech = [sm.start() + sent.start for sm in _SPEECH.finditer(text[sent.start:sent.end])
              if not (qs <= sm.start() + sent.start < qe)]
    if not inside or not speech:
        return None
    pri = {"official": 0, "institution": 1, "country": 2, "capital": 2, "demonym": 3, "group": 3}
    return min(inside, key=lambda e: (min(abs(e.start - s) for s in speech) // 40, pri.get(e.kind, 4),
                                      min(abs(e.start - s) for s in speech)))
