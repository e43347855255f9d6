"""Resolution: the one place that carries memory from sentence to sentence.

Sentence extractors see one sentence. What they cannot settle alone is an unresolved slot: a
pronoun ("it", "he"), a definite description ("the country", "the government"), a pair ("the
two sides") or a bare figure whose holder is the story's subject. This module decides those
from the article's memory, and it alone updates that memory after each sentence:

- the article topic: the country that was last the subject of a main clause (else the most
  mentioned country of the article);
- the last official named (for "he", "his country"), resolved to a country for the
  article's date by the gazetteer before it gets here;
- the last acting party and the last pair seen together (for "it" and "the two");
- the last group named (for "the bloc", "the community");
- the party each actor last met (for "said during the meeting").

Everything here is plain data in, plain data out: it is tested without spaCy
(tests/test_resolve.py). Extractors call `resolve_slot`; the pipeline calls `start_article`
and `after_sentence`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sphere.models import Entity
from sphere.nlp.context import ArticleState
from sphere.nlp.entities import country_ranking, main_country

Slot = Literal["it", "the_country", "person", "the_two", "the_group", "topic"]
"""Kinds of unresolved slot: a neuter pronoun or the last actor ("it", "its"); a definite
description of a country ("the country", "the government", "the nation"); a person ("he",
"she", "the minister", "the official"); a pair ("the two", "both sides"); a definite description
of a group ("the bloc", "the community"); the story's subject alone (who holds "the talks")."""

_FISCAL = re.compile(r"\b(?:budget|fiscal|federal|government) (?:deficit|shortfall|surplus)", re.I)
_TRADE_WORDS = re.compile(r"\b(?:trade|trading|exports?|imports?|merchandise)\b", re.I)
_TRADE_BALANCE = re.compile(r"\b(?:trade|merchandise|current account) (?:deficit|surplus|balance|gap)", re.I)


@dataclass(frozen=True)
class SentenceFacts:
    """What the pipeline learnt from one sentence, for the memory to take in.

    `subject` is the code of the main clause's subject when it is (or is qualified by) a party;
    `lead` is the first party named near the start of a sentence that was not parsed;
    `officials` are the countries of the officials named, in order; `groups` the groups named
    (EU, BRICS, ...), in order.
    """

    subject: str | None = None
    lead: str | None = None
    officials: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


def start_article(text: str, published: date | None, entities: Sequence[Entity]) -> ArticleState:
    """The memory at the start of an article: its most-mentioned countries and what it is about."""
    listed = list(entities)
    return ArticleState(
        published=published,
        main=main_country(listed),
        ranking=country_ranking(listed),
        mentions=dict(Counter(e.code for e in listed if e.kind != "group")),
        fiscal=bool(_FISCAL.search(text)) and not _TRADE_BALANCE.search(text),
        no_trade=not _TRADE_WORDS.search(text),
    )


def after_sentence(state: ArticleState, facts: SentenceFacts) -> None:
    """Take in one sentence: a new topic if its subject is a party, and the last official named."""
    if facts.subject:
        state.topic = facts.subject
    elif facts.lead:
        state.topic = facts.lead
    if facts.officials:
        state.last_person = facts.officials[-1]
    if facts.groups:
        state.last_group = facts.groups[-1]


def record_event(state: ArticleState, actor: str, action: str, target: str | None) -> None:
    """Take in one event as it is found: its actor answers a later "it", its pair a later "the two",
    and a meeting's partner a later "during the meeting"."""
    state.last_actor = actor
    state.last_by_action.pop(action, None)  # re-inserted: the dict's order is the order of the latest events
    state.last_by_action[action] = actor
    if target:
        state.last_pair = (actor, target)
    if action == "CONSULT" and target:
        state.partners[actor] = target
        state.partners.setdefault(target, actor)


def other_main_party(state: ArticleState, actor: str, min_mentions: int = 2) -> str | None:
    """The article's most-mentioned country other than `actor`, if the article keeps returning to it
    (named at least `min_mentions` times): the implicit target of a threat or sanction."""
    other = state.other_party(actor)
    return other if other and state.mentions.get(other, 0) >= min_mentions else None


def author_of(state: ArticleState, actions: Iterable[str]) -> str | None:
    """Who made "the remarks", "the threat", "the proposal": the actor of the latest event of one of
    the types such a statement can be (the latest of all events when `actions` is empty)."""
    wanted = list(actions)
    if not wanted:
        return state.last_actor
    latest = [a for a in reversed(state.last_by_action) if a in wanted]
    return state.last_by_action[latest[0]] if latest else None


def partner_of(state: ArticleState, actor: str) -> str | None:
    """The party `actor` was last seen meeting ("said during the meeting": the one met)."""
    return state.partners.get(actor)


def the_country(state: ArticleState) -> str | None:
    """"The country", a bare figure's holder: the running topic, else the article's main country."""
    return state.topic or state.main


def resolve_slot(state: ArticleState, slot: Slot) -> str | tuple[str, str] | None:
    """The party an unresolved slot stands for, from the article's memory (None when unknown)."""
    if slot == "it":
        return state.last_actor or state.topic or state.main
    if slot == "the_country":
        return the_country(state)
    if slot == "person":
        return state.last_person or state.topic or state.main
    if slot == "the_two":
        return state.last_pair
    if slot == "the_group":
        return state.last_group
    if slot == "topic":
        return state.topic
    raise ValueError(f"unknown slot kind {slot!r}")


def lead_party(entities: Iterable[Entity], sentence_start: int, window: int = 30) -> str | None:
    """The first country, official or institution named within `window` characters of a sentence's start."""
    for e in entities:
        if e.kind in ("country", "official", "institution") and e.code and e.start - sentence_start < window:
            return e.code
    return None

