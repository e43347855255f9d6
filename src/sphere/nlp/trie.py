"""Compile many literal phrases into one fast regular expression shaped like a trie.

Python's `re` tries alternatives one by one; with thousands of gazetteer phrases a plain
`a|b|c|...` pattern is slow. Factoring common prefixes into a trie makes each position of
the text cost a few dictionary-like steps instead of thousands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of `phrases` (longest match first, literal text)."""
    trie: dict = {}
    for p in phrases:
        if not p:
            continue
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = True
    return _to_regex(trie)


def _to_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _to_regex(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def compile_phrases(phrases: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """Whole-word matcher for the phrases: not preceded or followed by a letter or digit."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w])(?:" + trie_pattern(phrases) + r")(?![\w])", flags)
