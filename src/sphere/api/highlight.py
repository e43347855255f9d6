"""An article's text cut into segments for the article page: each segment is a run of characters covered
by the same set of extracted spans (a claim's sentence, its figure, an entity, an event, a quote), so
nested and overlapping spans all show. The template escapes each segment's text; nothing here is HTML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # entity, claim, figure, event, quote
    ref: str  # the anchor of the item in the list beside the text ("claim-12")


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]

    @property
    def kinds(self) -> str:
        return " ".join(sorted({m.kind for m in self.marks}))

    @property
    def refs(self) -> str:
        return " ".join(dict.fromkeys(m.ref for m in self.marks))


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text from start to end as segments; marks outside the text or empty are ignored."""
    size = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in kept), *(m.end for m in kept)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in kept if m.start <= a and b <= m.end)
        out.append(Segment(text[a:b], covering))
    return out


def figure_mark(text: str, start: int, end: int, value_text: str, ref: str) -> Mark | None:
    """Where a claim's figure as written ("$1.7 billion") lies inside its sentence, if it is found there."""
    if not value_text:
        return None
    at = text.find(value_text, start, end)
    return Mark(at, at + len(value_text), "figure", ref) if at >= 0 else None
