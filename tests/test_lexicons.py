"""The extractor's cue lexicons (src/sphere/nlp/data/*.json) are consistent: known codes and labels,
no word claimed by two entries (the second would never be used), lower-case keys where matching
is on lower-case tokens."""

from __future__ import annotations

from sphere.knowledge import load_knowledge
from sphere.models import ACTIONS, MEASURES
from sphere.nlp.lexicon import load


def _no_duplicates(groups: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    seen: dict[str, str] = {}
    dups = []
    for label, words in groups.items():
        for w in words:
            if w in seen:
                dups.append((w, seen[w], label))
            seen.setdefault(w, label)
    return dups


def test_event_lexicon():
    lex = load("events")
    assert set(lex["verbs"]) == set(ACTIONS)
    assert _no_duplicates(lex["verbs"]) == []
    assert set(lex["phrasal"].values()) <= set(ACTIONS)
    assert set(lex["no_target_fallback"]) <= set(ACTIONS)
    assert set(lex["negated_flip"]) == set(ACTIONS)
    assert {v for v in lex["negated_flip"].values() if v} <= set(ACTIONS)
    assert set(lex["relations_verbs"]) <= set(ACTIONS)
    for words in lex["verbs"].values():
        assert all(w == w.lower() for w in words)
    triggers = {w for words in lex["verbs"].values() for w in words}
    assert set(lex["noun_triggers"]) <= triggers


def test_claim_lexicon():
    lex = load("claims")
    assert set(lex["measure_cues"]) <= set(MEASURES)
    assert _no_duplicates(lex["measure_cues"]) == []
    for words in lex["measure_cues"].values():
        # lemmas in lower case; "word/POS" restricts a cue to one part of speech ("finance/VERB")
        assert all(w.split("/")[0] == w.split("/")[0].lower() for w in words)
        assert all(w.split("/")[1] in ("VERB", "NOUN") for w in words if "/" in w)


def test_figure_lexicon_units():
    lex = load("figures")
    for unit in list(lex["currency_symbols"].values()) + list(lex["currency_words"].values()):
        assert unit == "$" or unit.startswith("$") or (len(unit) == 3 and unit.isupper()), unit
    assert set(lex["approx"]) == {"over", "under", "about", "almost"}


def test_entity_lexicon_codes_are_known():
    kb = load_knowledge()
    lex = load("entities")
    assert all(kb.is_known(code) for code in lex["leader_countries"])
    assert all(kb.is_known(code) for code in lex["no_code_of_the_time"])
    assert len(set(lex["not_entities"])) == len(lex["not_entities"])
