"""Extraction: text in, exact records out. Real articles: the annotated seed story (../shared) and the
bundled Voice of America stories (public domain)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.conftest import shared_path

import sphere
from sphere.demo import bundled_documents
from sphere.nlp.dates import resolve_date
from sphere.nlp.entities import find_entities
from sphere.nlp.figures import find_figures
from sphere.nlp.model import load_model
from sphere.nlp.pipeline import extract_document
from sphere.nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("owes China over $1.7 billion according to", [(1.7e9, "USD", "money", "over")]),
        ("reached US$1.6bn in 2023", [(1.6e9, "USD", "money", "exact")]),
        ("cost Fiji about 10 mln dlrs a year", [(1e7, "$", "money", "about")]),
        ("settling Cairo's three billion dlr military debt", [(3e9, "$", "money", "exact")]),
        ("a 100% tariff and 27 pct and 5 per cent", [(100, "percent", "percent", "exact"), (27, "percent", "percent", "exact"),
                                                      (5, "percent", "percent", "exact")]),
        ("tariffs of up to 200% on", [(200, "percent", "percent", "under")]),
        ("with 10,000 National Guard members", [(10000, "persons", "count", "exact")]),
        ("5 billion yuan and R$ 3 bn and €2 million", [(5e9, "CNY", "money", "exact"), (3e9, "BRL", "money", "exact"),
                                                      (2e6, "EUR", "money", "exact")]),
        ("imports fell to 8.33 billion.", [(8.33e9, "", "scaled", "exact")]),
        ("in 1985 and 2023", []),
    ],
)
def test_figures(text, expected):
    got = [(f.value, f.unit, f.kind, f.approx) for f in find_figures(text)]
    assert [g[1:] for g in got] == [e[1:] for e in expected]
    assert [g[0] for g in got] == pytest.approx([e[0] for e in expected])


def test_sentences_keep_us_abbreviation_and_offsets():
    text = "Exports to the U.S. Rose 23 pct to 640 mln dlrs. Mr. Xi met Mr. Biden.\nTalks began."
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Exports to the U.S. Rose 23 pct to 640 mln dlrs.", "Mr. Xi met Mr. Biden.", "Talks began."]


def test_sentences_of_hard_wrapped_text_run_across_line_breaks():
    text = ("BRUSSELS, March 3 - A senior British official said that\n"
            "protectionist bills being considered by Congress could trigger\n"
            "retaliation by the European Community and threaten the\n"
            "global trading system.\n\n"
            "    Paul Channon, secretary for trade and industry, said if\n"
            "Congress passed the bill, the community would have to retaliate.\n"
            "    Talks with Japan will resume in May.\n")
    spans = split_sentences(text)
    assert [" ".join(text[s.start:s.end].split()) for s in spans] == [
        "BRUSSELS, March 3 - A senior British official said that protectionist bills being considered by Congress "
        "could trigger retaliation by the European Community and threaten the global trading system.",
        "Paul Channon, secretary for trade and industry, said if Congress passed the bill, the community would have to retaliate.",
        "Talks with Japan will resume in May."]
    # one paragraph per line (no wrapping): a line break before a capital still ends the sentence
    assert len(split_sentences("Brazil Joins Initiative\nBrazil joined the initiative on Monday\nChina welcomed it.")) == 3


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Wang said during a meeting at the United Nations on Tuesday.", date(2025, 2, 20), date(2025, 2, 18)),
        ("Talks are due to begin in Moscow on Wednesday.", date(1987, 3, 15), date(1987, 3, 18)),
        ("On August 26th Canada announced a tariff.", date(2024, 8, 28), date(2024, 8, 26)),
        ("Community sources said after a meeting yesterday.", date(1987, 4, 11), date(1987, 4, 10)),
        ("valued at 2.172 billion dlrs on May 22, 1987, he said.", date(1987, 6, 2), date(1987, 5, 22)),
        ("Brazil last week joined.", date(2025, 2, 20), None),
        ("in December 2024", date(2025, 1, 16), None),
    ],
)
def test_dates(sentence, published, expected):
    assert resolve_date(sentence, published) == expected


def test_entities_link_codes_and_skip_regions():
    text = ("Chinese Foreign Minister Wang Yi said Latin America is not a backyard, "
            "U.S. State Department data shows. Later Wang met Celinda Sosa in Beijing.")
    got = [(e.text, e.code, e.kind) for e in find_entities(text, published=date(2025, 2, 20))]
    assert got == [
        ("Chinese", "CHN", "demonym"), ("Wang Yi", "CHN", "official"), ("U.S. State Department", "USA", "institution"),
        ("Wang", "CHN", "official"), ("Celinda Sosa", "BOL", "official"),
    ]


def test_codes_of_the_time():
    got = [(e.text, e.code) for e in find_entities("Cairo stopped repaying Moscow in 1977.", published=date(1987, 3, 15))]
    assert got == [("Cairo", "EGY"), ("Moscow", "SUN")]


def test_model_loads_once():
    assert load_model() is load_model()


@pytest.fixture(scope="module")
def seed():
    line = shared_path("eval", "dev.jsonl").read_text().splitlines()[0]
    rec = json.loads(line)
    return rec, sphere.extract(rec["text"], published=rec["published"], title=rec.get("title"), id=rec["id"])


def test_seed_claims_exact(seed):
    rec, result = seed
    got = {(c.measure, c.holder, c.counterpart, c.value, c.unit, c.approx, c.relative_to, c.modality, c.source)
           for c in result.claims}
    assert got == {
        ("debt", "BOL", "CHN", 1.7e9, "USD", "over", None, "actual", "World Bank"),
        ("investment", "CHN", "BOL", 6e9, "USD", "exact", None, "actual", "American Enterprise Institute"),
        ("fdi", "USA", "BOL", 4.3e8, "USD", "about", None, "actual", "U.S. State Department"),
        ("tariff", "USA", "BRICS", 100.0, "percent", "exact", None, "threatened", None),
        ("exports", "BRA", "CHN", 7e10, "USD", "almost", "USA", "actual", "U.N. COMTRADE"),
        ("exports", "BRA", "USA", 3.7e10, "USD", "exact", None, "actual", "U.N. COMTRADE"),
        ("deployment", "MEX", None, 10000.0, "persons", "exact", None, "planned", None),
    }
    for c in result.claims:
        assert rec["text"][c.start:c.end] == c.evidence


def test_seed_events(seed):
    _, result = seed
    got = {(e.actor, e.action, e.target, e.date, e.membership) for e in result.events}
    assert ("CHN", "CONSULT", "BOL", date(2025, 2, 18), None) in got
    assert ("PAN", "REJECT", "BRI", None, "leave") in got
    assert ("BOL", "COOPERATE", "BRICS", None, "join") in got
    assert ("USA", "THREATEN", "BRICS", None, None) in got
    assert ("USA", "THREATEN", "MEX", None, None) in got and ("USA", "THREATEN", "COL", None, None) in got
    assert all(-10 <= e.score <= 10 for e in result.events)


def test_seed_quotes(seed):
    _, result = seed
    assert (result.quotes[0].speaker, result.quotes[0].speaker_country) == ("Wang Yi", "CHN")
    assert result.quotes[0].text.startswith("Latin America is the home of the Latin American people")


def test_voa_story_exact():
    doc = next(d for d in bundled_documents() if "cpec" in d.id)
    result = extract_document(doc)
    got = {(c.measure, c.holder, c.counterpart, c.value, c.approx) for c in result.claims}
    assert ("investment", "CHN", "PAK", 19e9, "over") in got
    assert result.extractor_version.startswith("sphere-")
