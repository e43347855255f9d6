"""Plain text: one file (or stdin) is one Document, its text kept as written (line ends normalised)."""

from __future__ import annotations

from sphere.config import Settings
from sphere.sources.base import Items, one_document


def read_text(text: str, *, doc_id: str, origin: str, settings: Settings) -> Items:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    yield from one_document(text, origin=origin, settings=settings, id=doc_id)
