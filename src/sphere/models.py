"""The typed records that pass between pipeline stages.

A reader turns an input into `Document`s; the extractor turns a `Document` into an
`ArticleResult` holding `Entity`, `Claim`, `Event` and `Quote` records. Field names of
`Claim` and `Event` follow ../shared/eval/SCHEMA.md exactly, so the JSON output can be
scored and stored without any renaming. Offsets (`start`, `end`) are character offsets
of the evidence sentence into the document text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Measure = Literal[
    "debt", "loan", "investment", "fdi", "exports", "trade", "trade_balance", "aid", "tariff",
    "sanction_value", "reserves", "gdp", "deployment", "other",
]
MEASURES: tuple[str, ...] = Measure.__args__  # type: ignore[attr-defined]
Approx = Literal["exact", "over", "under", "about", "almost"]
Membership = Literal["join", "leave"]
Modality = Literal["actual", "threatened", "planned"]
# How the news means a figure (an extra field beyond SCHEMA.md, read by verification):
# a flow of one year, a running total since a year, a stock at a date, or one deal or project.
Period = Literal["annual", "cumulative", "stock", "deal"]
Action = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]

# PLOVER cooperation-conflict scores (manual draft, like GDELT's Goldstein scale).
PLOVER_SCORE: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 1.0, "SUPPORT": 3.5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
    "RETREAT": 5.0, "REQUEST": -0.5, "ACCUSE": -2.0, "REJECT": -3.0, "THREATEN": -3.5, "PROTEST": -4.5,
    "SANCTION": -6.0, "MOBILIZE": -7.0, "COERCE": -8.0, "ASSAULT": -9.0,
}


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Record):
    """One article as read from an input, before extraction."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None  # the outlet ("Reuters", "VOA")
    origin: str = "-"  # where it was read from (path, path:line, URL), for messages


class Entity(Record):
    """A mention linked to a code: a country, group, institution acting for a country, or official."""

    text: str
    start: int
    end: int
    code: str  # ISO3 country code or group code (SCHEMA.md)
    kind: Literal["country", "demonym", "capital", "group", "institution", "official"]
    name: str  # canonical name of what is mentioned
    role: str | None = None  # for officials: "foreign minister", ...


class Claim(Record):
    """One quantitative statement (SCHEMA.md: a claim)."""

    measure: Measure
    holder: str | None
    counterpart: str | None
    value: float
    unit: str
    approx: Approx = "exact"
    relative_to: str | None = None
    modality: Modality = "actual"
    year: int | None = None
    source: str | None = None
    evidence: str
    start: int
    end: int
    value_text: str = ""  # the figure as written ("$1.7 billion")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    period: Period | None = None  # annual flow, cumulative since `since`, stock, or a single deal; None if unknown
    since: int | None = None  # first year of a cumulative figure ("since 2013")


class Event(Record):
    """Who did what to whom (SCHEMA.md: an event), coded with a PLOVER type."""

    actor: str
    action: Action
    target: str | None
    date: dt.date | None = None
    evidence: str
    start: int
    end: int
    membership: Membership | None = None
    mode: str | None = None  # the content of a threat or sanction ("tariff", "military force")
    trigger: str = ""  # the word that coded the event
    score: float = 0.0  # PLOVER cooperation-conflict score
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Quote(Record):
    """Quoted words with their speaker, when the text names one."""

    speaker: str | None
    speaker_country: str | None
    text: str
    start: int
    end: int


class ArticleResult(Record):
    """Everything extracted from one article."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    extractor_version: str
    entities: list[Entity] = []
    claims: list[Claim] = []
    events: list[Event] = []
    quotes: list[Quote] = []
