"""Sentence splitting with character offsets.

A rule-based splitter rather than spaCy's parser: it is needed on every sentence of every
article (to find the few worth parsing), so it has to be far cheaper than the model, and
it must keep exact offsets into the original text so evidence can be traced back.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int


# Words after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "pres",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "plc", "bros", "dept", "govt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "approx", "est", "fig", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "op", "cf", "al",
}
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z\"“‘(])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.+[\"”’')\]]*$")
_WORD_WINDOW = 200  # characters before a sentence end searched for the word it follows


def split_sentences(text: str) -> list[Span]:
    """Split `text` into sentence spans (start, end), stripped of surrounding whitespace.

    Line breaks end a sentence when the next line starts like a new one (news text is
    usually one paragraph per line); a period after a known abbreviation or a single
    capital letter (an initial) does not, nor does one followed by a lower-case word.
    """
    text = unwrap_lines(text)  # same length: offsets stay those of the original
    spans: list[Span] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if "." in m.group(0) and "\n" not in m.group(0):
            # only the end of the chunk can hold the word: searching all of it is quadratic on adversarial text
            before = _WORD_BEFORE.search(text, max(start, end - _WORD_WINDOW), end)
            if before:
                word = before.group(1).lower()
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    # "U.S. Rose" ends a sentence only if a capitalised non-name follows; keep going
                    nxt = text[end:end + 40].lstrip()
                    if not nxt or not nxt[:1].isupper() or word in {"mr", "mrs", "ms", "dr", "gen", "st"}:
                        continue
                    if word in {"u.s", "u.k", "u.n", "e.u"} and nxt.split(" ", 1)[0].strip(",;:") not in _STARTERS:
                        continue
            nxt_char = text[end:end + 3].lstrip()[:1]
            if nxt_char and nxt_char.islower():
                continue
        _add(text, start, end, spans)
        start = end
    if start < n:
        _add(text, start, n, spans)
    return spans


# After "U.S." a new sentence is only assumed when one of these common openers follows
# (Reuters capitalises words after "U.S.", as in "Exports to the U.S. Rose 23 pct").
_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "This",
    "That", "These", "Those", "There", "Its", "His", "Her", "Their", "Our", "Mr", "Mrs", "Ms", "Officials",
    "However", "Meanwhile", "Last", "Earlier", "Later", "Since", "After", "Before", "While", "As", "If", "When",
}


_MID_SENTENCE_BREAK = re.compile(r"[a-z,;]\n(?=[ \t]*\S)")
_SINGLE_BREAK = re.compile(r"(?<!\n)\n(?![ \t]*\n)")
_WRAP_WIDTH = 40  # a line at least this long that stops mid-sentence was wrapped, not ended


def unwrap_lines(text: str) -> str:
    """Hard-wrapped text (Reuters 1987 wraps lines at ~65 characters and indents paragraphs) breaks
    lines inside sentences, so "said if\nCongress passed" must not end a sentence at the line break.
    When at least three line breaks, and 30% of them, fall after a lower-case word or a comma, the text
    is taken as wrapped and each single line break that continues a long line (no indent after it, no
    sentence-final mark before it) becomes a space. Returns text of the same length."""
    breaks = text.count("\n") - 2 * text.count("\n\n")
    mid = len(_MID_SENTENCE_BREAK.findall(text))
    if mid < 3 or mid < 0.3 * max(breaks, 1):
        return text
    chars = list(text)
    for m in _SINGLE_BREAK.finditer(text):
        i = m.start()
        line = text[text.rfind("\n", 0, i) + 1:i].strip()
        if len(line) >= _WRAP_WIDTH and text[i + 1:i + 2] not in (" ", "\t") and not line.endswith((".", "!", "?", ":", '"', "”")):
            chars[i] = " "
    return "".join(chars)


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
