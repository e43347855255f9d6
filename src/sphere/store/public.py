"""What the store's queries return: `...Public` pydantic models, never ORM rows."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Public(BaseModel):
    # defer_build: a query builds the validator of the one model it returns, not all eight (start-up time)
    model_config = ConfigDict(frozen=True, from_attributes=True, defer_build=True)


class RoutePublic(Public):
    """Another route to a claim's quantity (the partner's mirror, the other publisher) with its verdict."""

    label: str
    series: str
    publisher: str
    year: int
    value: float
    verdict: str
    difference: float | None


class ArticlePublic(Public):
    id: int
    story_id: int
    content_hash: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    language: str
    extractor_version: str
    n_chars: int
    n_sources: int = 1


class ClaimPublic(Public):
    """One mention of a figure, with where it was read."""

    id: int
    article_id: int
    story_id: int
    fact_id: int | None
    measure: str
    holder: str | None
    counterpart: str | None
    value: float
    unit: str
    approx: str
    relative_to: str | None
    modality: str
    year: int | None
    source: str | None
    evidence: str
    start: int
    end: int
    value_text: str
    confidence: float
    extractor_version: str
    published: dt.date | None
    outlet: str | None
    title: str | None
    url: str | None
    period: str | None = None  # annual, cumulative, stock, deal; None when extraction did not say
    since: int | None = None  # first year of a cumulative figure
    verdict: str | None = None  # consistent, inconsistent, unverifiable; None when never verified
    verdict_reason: str | None = None
    reference_value: float | None = None
    reference_year: int | None = None
    reference_publisher: str | None = None
    routes: list[RoutePublic] = []  # other routes whose number or verdict differs from the one followed


class EventPublic(Public):
    """One mention of an event, with where it was read."""

    id: int
    article_id: int
    story_id: int
    fact_id: int | None
    actor: str
    action: str
    target: str | None
    date: dt.date | None
    day: dt.date
    membership: str | None
    membership_verdict: str | None = None  # a join/leave checked against the dated membership tables
    membership_reason: str | None = None
    membership_source: str | None = None
    mode: str | None
    trigger: str
    score: float
    evidence: str
    start: int
    end: int
    confidence: float
    extractor_version: str
    published: dt.date | None
    outlet: str | None
    title: str | None
    url: str | None


class EntityPublic(Public):
    """A coded party, with how often and where it was mentioned; a country's name, demonym and capital are one
    party of kind "country", `forms` lists what was written, most frequent first."""

    code: str
    name: str
    kind: str
    mentions: int
    articles: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    forms: list[str] = []


class ClaimFactPublic(Public):
    """One figure consolidated across stories; `conflicts` are facts with the same key and another value."""

    id: int
    measure: str
    holder: str | None
    counterpart: str | None
    unit: str
    year: int | None
    relative_to: str | None
    value: float
    value_min: float
    value_max: float
    first_seen: dt.date | None
    last_seen: dt.date | None
    n_stories: int
    n_mentions: int
    n_outlets: int
    conflicts: list[int] = []
    approx: str = "exact"  # of the first mention, like `value`
    modality: str = "actual"
    verdict: str | None = None  # of the first mention
    sources: list[str] = []  # every source the mentions attribute the figure to


class EventFactPublic(Public):
    """One event consolidated across stories."""

    id: int
    actor: str
    action: str
    target: str | None
    day: dt.date | None
    date_min: dt.date | None
    date_max: dt.date | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    n_stories: int
    n_mentions: int
    n_outlets: int


class StatsPublic(Public):
    counts: dict[str, int]
    articles: int
    stories: int
    outlets: int
    extractor_versions: dict[str, int]
    first_published: dt.date | None
    last_published: dt.date | None
    superseded_rows: int
