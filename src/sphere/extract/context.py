"""What one sentence's extractors see: its text, parse, mentions and figures, plus article context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from sphere.extract.figures import Figure
from sphere.models import Entity


@dataclass
class ArticleState:
    """Context carried from sentence to sentence: the running topic for pronouns and bare figures."""

    published: date | None
    main: str | None  # the article's most-mentioned country
    topic: str | None = None  # last country that was a sentence subject
    last_actor: str | None = None  # last event actor (for "He also congratulated ...")
    currency: str | None = None  # last explicit currency (for "imports fell to 8.33 billion")
    seen_claims: set = field(default_factory=set)


@dataclass
class SentenceContext:
    start: int  # offsets of the sentence in the article text
    end: int
    text: str
    doc: Doc
    entities: list[Entity]  # mentions inside the sentence (article offsets)
    figures: list[Figure]  # offsets relative to the sentence
    state: ArticleState
