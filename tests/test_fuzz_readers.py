"""Fuzzing the readers (HTML, JSONL, JSON, feeds, Reuters SGML, Markdown, text), the date reader and the
number finder with hypothesis, on a fixed budget (derandomized: the same inputs on every run, well under a
minute in all). Inputs are soups of each format's own tokens, random text, and a token repeated thousands
of times (the shape that made patterns quadratic). The property: no exception and no hang; every item is a
Document whose text and fields can be stored, or an InputError naming its origin with a reason.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphere.config import get_settings
from sphere.errors import InputError
from sphere.models import Document
from sphere.sources import read_bytes
from sphere.sources.dates import parse_date

BUDGET = settings(max_examples=40, derandomize=True, deadline=timedelta(seconds=10),
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = ["China", "lent", "Kenya", "$1.5 billion", "U.S.", "Mr.", "Jan. 1,", "29 February", "said", "\u201c", "\"",
         "tariffs", "\n", "\n\n", " ", "[/]", "\ud800", "\x00", "é", "20 February 2025", "9" * 40]
TOKENS = {
    "html": ["<html>", "<p>", "</p>", "<a ", "<script>", "</script>", "<!--", "-->", "&amp;", "&#0;", "<div", ">",
             "<title>", "</title>", "<h1>", "<br/>"],
    "jsonl": ["{", "}", '"text": ', '"published": ', '"id": ', '"title": ', ",", ":", "[", "]", "null", "1e999",
              '"\\ud800"', '"' + "9" * 5000 + '"', "9" * 5000, "\n", '"2025/02/20"', '"Thu, 20 Feb 2025"'],
    "json": ["[", "]", "{", "}", '"text": ', '"published": ', ",", '"20 February 2025"', "[" * 50, "true"],
    "feed": ['<?xml version="1.0"?>', "<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>",
             "<description>", "</description>", "<pubDate>", "</pubDate>", "<![CDATA[", "]]>", "<feed>",
             "<entry>", "<content>", "&lt;p&gt;", "</rss>"],
    "reuters": ['<REUTERS NEWID="1">', "<REUTERS", "</REUTERS>", "<BODY>", "</BODY>", "<TITLE>", "</TITLE>",
                "<DATE>26-FEB-1987 15:01:01.79</DATE>", "&#3;", "&\\t", "Reuter", "&lt;", '<TEXT TYPE="BRIEF">'],
    "markdown": ["---\n", "title: x\n", "date: 2019-01-01\n", "#", "*", "_", "**", "`", "[", "](", ")", "![", "<a ",
                 "{%", "%}", "{{", "{:.bbg__cutline}\n", "> ", "- ", "1. ", "<!--", "-->", "|", "<div>"],
    "text": WORDS,
}


def soup(kind: str) -> st.SearchStrategy[bytes]:
    token = st.sampled_from(TOKENS[kind] + WORDS)
    mixed = st.lists(st.one_of(token, st.text(max_size=20)), max_size=60).map("".join)
    repeated = st.tuples(st.lists(token, min_size=1, max_size=3).map("".join), st.integers(500, 6000)).map(
        lambda pair: pair[0] * pair[1])
    prefix = st.sampled_from(["", TOKENS[kind][0]])
    return st.tuples(prefix, st.one_of(mixed, repeated)).map(
        lambda pair: (pair[0] + pair[1]).encode("utf-8", "surrogatepass"))


def check(items: list[Document | InputError], origin: str) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert item.item.startswith(origin) and item.reason
        else:
            assert isinstance(item, Document) and item.text.strip()
            for value in (item.text, item.title, item.url, item.source, item.id):
                if value is not None:
                    value.encode("utf-8")  # storable: no lone surrogate


def read(kind: str, data: bytes) -> list[Document | InputError]:
    return list(read_bytes(data, stem="fuzz", origin="fuzz.in", settings=get_settings(), kind=kind))


@settings(BUDGET, max_examples=200)
@given(st.sampled_from(sorted(TOKENS)).flatmap(lambda kind: st.tuples(st.just(kind), soup(kind))))
def test_readers_never_crash_or_hang(case):
    kind, data = case
    check(read(kind, data), "fuzz.in")


@BUDGET
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(
    ["20", "February", "Feb", "2025", "/", "-", ",", " ", "Thu", "+0000", "10:00:00", "29", "T", "Z", "99999"]),
    max_size=12).map("".join)))
def test_dates_are_read_or_declined(value):
    found = parse_date(value)
    assert found is None or isinstance(found, date)


@BUDGET
@given(st.lists(st.sampled_from(["$", "1", "0", ",", ".", "9" * 50, " billion", " percent", "-", " to ", "US$",
                                 "yuan ", "1.5", " mln", " dlrs", "(", ")", " "]), max_size=40).map("".join))
def test_the_number_finder_never_crashes(text):
    from sphere.nlp.figures import find_figures

    for figure in find_figures(text):
        assert figure.start <= figure.end
