"""Quotes: quoted words with their speaker and the speaker's country.

Quotation marks are found in the text; the speaker is the mention nearest a speech verb
("said", "told", "stated") in the same sentence, outside the quote, or the official named
in the sentence right before or after when the quote stands alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sphere.models import Entity, Quote
from sphere.nlp.sentences import Span

# A quotation is at most MAX_QUOTE characters: the bound keeps thousands of unclosed marks linear.
_QUOTE = re.compile(r"“([^”]{12,2000}?)”|\"([^\"]{12,2000}?)\"")
_SPEECH = re.compile(r"\b(said|says|told|stated|added|posted|wrote|declared|announced|according to)\b")


def extract_quotes(text: str, sentences: list[Span], entities: list[Entity]) -> list[Quote]:
    out: list[Quote] = []
    starts = [s.start for s in sentences]
    for m in _QUOTE.finditer(text):
        words = m.group(1) or m.group(2)
        if len(words.split()) < 4:
            continue  # "Belt and Road", "Xi Jinping Thought": names and scare quotes, not quotations
        k = bisect_right(starts, m.start()) - 1  # the sentence the quote opens in (sentences are in order)
        sent = sentences[k] if k >= 0 and m.start() < sentences[k].end else None
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
    """The mention next to a speech verb just before or after the quote ("..., Wang said";
    "Wang said: ..."; "the minister told Reuters ..."), officials first; None when no one is that close."""
    inside = [e for e in entities if sent.start <= e.start < sent.end and not (qs <= e.start < qe) and e.code]
    verbs = [sm.start() + sent.start for sm in _SPEECH.finditer(text[sent.start:sent.end])
             if not (qs <= sm.start() + sent.start < qe)]
    if not inside or not verbs:
        return None
    pri = {"official": 0, "institution": 1, "capital": 2, "country": 3, "group": 3, "demonym": 4}

    def gap(e: Entity) -> int:
        return min(abs(e.start - v) if e.start > v else abs(v - e.end) for v in verbs)

    def near_quote(e: Entity) -> bool:
        return (qe <= e.start <= qe + 90) or (qs - 120 <= e.end <= qs)

    close = [e for e in inside if gap(e) <= 30 and near_quote(e)]
    if not close:
        window = text[max(sent.start, qs - 40):min(sent.end, qe + 40)]
        if re.search(r"\b(?:he|she) (?:said|says|told|added|stated)\b|\b(?:said|says|added) (?:he|she)\b", window):
            earlier = [e for e in entities if e.kind == "official" and e.end <= qs]
            return earlier[-1] if earlier else None  # "..., he said": the last official named
        return None
    return min(close, key=lambda e: (pri.get(e.kind, 5), gap(e)))
