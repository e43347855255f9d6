"""Exact phrase lookup by tokens: the gazetteer matcher.

Tens of thousands of names (countries, groups, institutions and 13,000 officials) would make
one regular expression that takes a second to compile in every process; an index from a
phrase's first token to the phrases it starts builds in a fraction of that and matches as
fast. Tokens are maximal runs of word characters or single punctuation marks, so a match
always starts and ends on a word boundary ("U.S." matches in "the U.S. said", "Iran" does
not match inside "Iranian").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_TOKEN = re.compile(r"\w+|[^\w\s]")


class PhraseIndex:
    """Finds the given phrases in text, longest match first, left to right, without overlaps."""

    def __init__(self, phrases: Iterable[str], *, lower: bool = False) -> None:
        self.lower = lower
        index: dict[str, list[tuple[int, str]]] = {}
        for phrase in phrases:
            key = phrase.lower() if lower else phrase
            tokens = _TOKEN.findall(key)
            if tokens:
                index.setdefault(tokens[0], []).append((len(tokens), key))
        for candidates in index.values():
            candidates.sort(key=lambda c: -c[0])
        self._index = index

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase) for every match; `phrase` is the indexed form (lower-cased if `lower`)."""
        haystack = text.lower() if self.lower else text
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(haystack)]
        n = len(spans)
        i = 0
        index = self._index
        while i < n:
            start, end = spans[i]
            step = 1
            for k, phrase in index.get(haystack[start:end], ()):
                if i + k <= n:
                    stop = spans[i + k - 1][1]
                    if haystack[start:stop] == phrase:
                        yield start, stop, phrase
                        step = k
                        break
            i += step
