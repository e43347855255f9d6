"""`BatchReport`: what a batch read and skipped, for the one line the CLI prints at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sphere.errors import InputError
from sphere.models import Document

# Reason prefix -> the short category a summary groups it under (first match wins).
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("not English", "not English"),
    ("malformed JSON", "malformed JSON"),
    ("malformed feed", "malformed feed"),
    ("not valid UTF", "not UTF-8"),
    ("binary file", "binary"),
    ("empty text", "empty"),
    ("no article text", "no text in HTML"),
    ("no such file", "not found"),
    ("unreachable host", "unreachable"),
    ("timed out", "timed out"),
    ("HTTP error", "HTTP error"),
    ('no "text" field', "no text field"),
    ("unparseable date", "bad date"),
    ('"', "bad field"),  # '"id" is an array, not a string'
    ("not an RSS or Atom feed", "not a feed"),
    ("feed has no entries", "empty feed"),
    ("unsupported URL scheme", "bad URL"),
    ("not a valid URL", "bad URL"),
    ("fetch failed", "fetch failed"),
    ("no files in directory", "empty directory"),
    ("could not be read", "reader error"),
    ("broken Reuters story", "broken story"),
    ("empty JSON array", "empty"),
)
_LIMIT = " limit"  # "text is 3.1 MB, over the 2 MB limit"


def category(reason: str) -> str:
    """The short category of a skip reason, e.g. "not English (looks like Spanish)" -> "not English"."""
    for prefix, name in CATEGORIES:
        if reason.startswith(prefix):
            return name
    if reason.endswith(_LIMIT):
        return "too large"
    if "not valid UTF" in reason:  # "title is not valid UTF-8 text (lone surrogate at offset 4)"
        return "not UTF-8"
    return reason.split(" (")[0]


@dataclass
class BatchReport:
    """Counts of a batch: articles processed and the inputs skipped with their reasons."""

    processed: int = 0
    skipped: list[InputError] = field(default_factory=list)

    def add(self, item: Document | InputError) -> None:
        if isinstance(item, InputError):
            self.skipped.append(item)
        else:
            self.processed += 1

    def reasons(self) -> Counter[str]:
        return Counter(category(error.reason) for error in self.skipped)

    def summary_line(self) -> str:
        """E.g. "processed 12 articles, skipped 3 (2 not English, 1 malformed JSON)"."""
        line = f"processed {self.processed} article{'' if self.processed == 1 else 's'}, skipped {len(self.skipped)}"
        if not self.skipped:
            return line
        counts = sorted(self.reasons().items(), key=lambda pair: (-pair[1], pair[0]))
        return line + " (" + ", ".join(f"{n} {name}" for name, n in counts) + ")"
