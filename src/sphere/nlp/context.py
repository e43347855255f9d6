"""What one sentence's extractors see: its text, parse, mentions and figures, plus article context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from sphere.models import Entity
from sphere.nlp.figures import Figure


@dataclass
class ArticleState:
    """Context carried from sentence to sentence: the running topic for pronouns and bare figures."""

    published: date | None
    main: str | None  # the article's most-mentioned country
    topic: str | None = None  # last country that was a sentence subject
    last_actor: str | None = None  # last event actor (for "it", "its")
    last_person: str | None = None  # country of the last official named (for "he", "his country")
    ranking: tuple[str, ...] = ()  # countries by mentions, most first
    mentions: dict = field(default_factory=dict)
    fiscal: bool = False  # the article is about a budget deficit and names no trade balance
    no_trade: bool = False  # the article never speaks of trade, exports or imports  # country -> number of mentions in the article
    last_by_action: dict = field(default_factory=dict)  # PLOVER type -> actor of its last event ("the threat")
    last_group: str | None = None  # last group named (for "the bloc", "the community")
    last_pair: tuple | None = None  # (actor, target) of the last event with both ("the two signed ...")
    partners: dict = field(default_factory=dict)  # actor -> last party it met (for "during a meeting")

    def other_party(self, actor: str) -> str | None:
        """The article's most-mentioned country other than `actor` (an implicit target)."""
        return next((c for c in self.ranking if c != actor), None)
    currency: str | None = None  # last explicit currency (for "imports fell to 8.33 billion")
    seen_claims: set = field(default_factory=set)
    seen_values: set = field(default_factory=set)  # figures already claimed: a restatement is not a new claim
    last_holder: dict = field(default_factory=dict)  # measure -> last holder ("Sri Lanka faces a 20% tariff")
    last_modality: str = "actual"  # modality of the last percentage claim (a continued list keeps it)
    last_percent_measure: tuple | None = None  # (measure, sentence start) of the last percentage claim
    last_claim_pair: dict = field(default_factory=dict)  # measure -> (holder, counterpart) of its last claim ("the loan")
    last_balance: str | None = None  # measure of the last balance claim ("other" for a current account): "the shortfall" is that one


@dataclass
class SentenceContext:
    start: int  # offsets of the sentence in the article text
    end: int
    text: str
    doc: Doc
    entities: list[Entity]  # mentions inside the sentence (article offsets)
    figures: list[Figure]  # offsets relative to the sentence
    state: ArticleState
