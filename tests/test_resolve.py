"""The resolution pass: memory across sentences, tested without spaCy (plain data in and out)."""

from __future__ import annotations

from datetime import date

import pytest

from sphere.models import Entity
from sphere.nlp.resolve import (
    SentenceFacts,
    after_sentence,
    author_of,
    lead_party,
    other_main_party,
    partner_of,
    record_event,
    resolve_slot,
    start_article,
)


def _mention(text: str, start: int, code: str, kind: str = "country") -> Entity:
    return Entity(text=text, start=start, end=start + len(text), code=code, kind=kind, name=text)  # type: ignore[arg-type]


TEXT = "Bolivia owes China $1.7 billion. Bolivia's budget deficit widened. China lent it more."
MENTIONS = [_mention("Bolivia", 0, "BOL"), _mention("China", 13, "CHN"), _mention("Bolivia", 33, "BOL"),
            _mention("China", 67, "CHN")]


def test_start_article_ranks_countries_and_reads_the_topic_of_the_story():
    state = start_article(TEXT, date(2025, 2, 25), MENTIONS)
    assert (state.main, state.ranking, state.mentions) == ("BOL", ("BOL", "CHN"), {"BOL": 2, "CHN": 2})
    assert state.fiscal is True  # a budget deficit, and no trade balance named
    assert state.no_trade is True


def test_slots_fall_back_from_the_most_specific_memory_to_the_article_subject():
    state = start_article(TEXT, None, MENTIONS)
    assert resolve_slot(state, "the_country") == "BOL"  # nothing seen yet: the most-mentioned country
    after_sentence(state, SentenceFacts(subject="CHN"))
    assert resolve_slot(state, "the_country") == "CHN"
    assert resolve_slot(state, "person") == "CHN"
    after_sentence(state, SentenceFacts(officials=("USA", "PAN")))
    assert resolve_slot(state, "person") == "PAN"  # the last official named
    assert resolve_slot(state, "the_country") == "CHN"  # a sentence with no party subject keeps the topic
    state.last_actor = "USA"
    assert resolve_slot(state, "it") == "USA"
    assert resolve_slot(state, "the_two") is None
    state.last_pair = ("USA", "PAN")
    assert resolve_slot(state, "the_two") == ("USA", "PAN")


def test_an_unparsed_sentence_gives_its_topic_by_the_party_it_opens_with():
    state = start_article(TEXT, None, MENTIONS)
    after_sentence(state, SentenceFacts(lead=lead_party([_mention("China", 67, "CHN")], 52)))
    assert state.topic == "CHN"
    assert lead_party([_mention("China", 120, "CHN")], 52) is None  # too far into the sentence


def test_an_unknown_slot_is_an_error():
    with pytest.raises(ValueError, match="unknown slot kind 'them'"):
        resolve_slot(start_article("", None, []), "them")  # type: ignore[arg-type]


def test_a_group_description_takes_the_last_group_named_and_nothing_before_one():
    state = start_article(TEXT, None, MENTIONS)
    assert resolve_slot(state, "the_group") is None  # no group named yet: "the bloc" stays unresolved
    after_sentence(state, SentenceFacts(subject="ESP", groups=("NATO", "EU")))
    assert resolve_slot(state, "the_group") == "EU"
    after_sentence(state, SentenceFacts(subject="BRA"))
    assert resolve_slot(state, "the_group") == "EU"  # a sentence naming no group keeps it
    assert resolve_slot(state, "topic") == "BRA"


def test_events_leave_the_actor_the_pair_and_the_partner_met_for_later_sentences():
    state = start_article(TEXT, None, MENTIONS)
    record_event(state, "BOL", "CONSULT", "CHN")
    assert (resolve_slot(state, "it"), resolve_slot(state, "the_two")) == ("BOL", ("BOL", "CHN"))
    assert (partner_of(state, "BOL"), partner_of(state, "CHN"), partner_of(state, "USA")) == ("CHN", "BOL", None)
    record_event(state, "USA", "ACCUSE", None)
    assert (resolve_slot(state, "it"), resolve_slot(state, "the_two")) == ("USA", ("BOL", "CHN"))
    record_event(state, "CHN", "CONSULT", "PER")
    assert (partner_of(state, "CHN"), partner_of(state, "PER")) == ("PER", "CHN")  # the latest meeting wins for the actor


def test_the_implicit_other_party_is_one_the_article_returns_to():
    mentions = [*MENTIONS, _mention("Peru", 90, "PER")]
    state = start_article(TEXT + " Peru.", None, mentions)
    assert other_main_party(state, "BOL") == "CHN"  # named twice
    assert other_main_party(state, "BOL", min_mentions=3) is None
    assert other_main_party(start_article("", None, [_mention("Peru", 0, "PER"), _mention("China", 9, "CHN")]), "PER") is None


def test_a_statement_named_later_is_made_by_the_latest_party_to_make_one_of_its_kind():
    state = start_article(TEXT, None, MENTIONS)
    assert author_of(state, ["THREATEN"]) is None
    record_event(state, "BRA", "THREATEN", "MEX")
    record_event(state, "JPN", "AGREE", "VNM")
    record_event(state, "USA", "THREATEN", "CHN")
    record_event(state, "PER", "CONSULT", "CHL")
    assert author_of(state, ["THREATEN"]) == "USA"  # "the threat": the latest threat, not the latest event
    assert author_of(state, ["AGREE", "REQUEST"]) == "JPN"  # "the offer"
    assert author_of(state, ["THREATEN", "AGREE"]) == "USA"  # the latest of either kind
    assert author_of(state, []) == "PER"  # "the remarks" of any kind: whoever acted last
