"""Each class of verdict on real reference rows: the claim as extraction gives it for a sentence written
here (measure, parties, value, approx, year, period, since, source), the verdict and the exact reference
number from the bundled snapshot."""

from __future__ import annotations

from datetime import date

import pytest

from sphere.models import Claim, Event
from sphere.refdata.load import load_reference
from sphere.verify import rules, verify_claim
from sphere.verify.membership import verify_membership


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def check(ref, sentence: str, published: str, **fields):
    claim = Claim(**{"unit": "USD", "evidence": sentence, "start": 0, "end": len(sentence), **fields})
    return verify_claim(claim, published=date.fromisoformat(published), ref=ref)


CGIT_ARG_2013_2024 = (2.59 + 0.35 + 0.6 + 0.68 + 5.48 + 2.34 + 1.43 + 0.18 + 1.75 + 4.07 + 0.33 + 0.22) * 1e9


# --- period: cumulative since a year, cumulative up to a year, annual, a single deal -------------------


def test_cumulative_since_a_year_sums_from_that_year(ref):
    v = check(
        ref,
        "Chinese firms have invested $20 billion in Argentina since 2013, according to the AEI.",
        "2025-03-01",
        measure="investment", holder="CHN", counterpart="ARG", value=20e9, period="cumulative", since=2013,
        source="AEI",
    )
    assert v.verdict == "consistent"
    assert v.reference_value == pytest.approx(CGIT_ARG_2013_2024)
    assert v.reference_year == 2024
    assert "2013-2024" in v.year_note
    assert (v.period, v.since) == ("cumulative", 2013)


def test_cumulative_reached_in_a_year_is_not_that_years_flow(ref):
    sentence = "Cumulative Chinese investment in Peru reached $27 billion in 2020."
    running = check(
        ref,
        sentence,
        "2021-05-01",
        measure="investment", holder="CHN", counterpart="PER", value=27e9, year=2020, period="cumulative",
    )
    assert running.verdict == "consistent"
    assert running.reference_value == pytest.approx(26.6e9)
    assert "2005-2020" in running.year_note
    flow = check(
        ref,
        sentence,
        "2021-05-01",
        measure="investment", holder="CHN", counterpart="PER", value=27e9, year=2020, period="annual",
    )
    assert (flow.verdict, flow.reference_value) == ("inconsistent", 0.9e9)


# --- coverage from the data ---------------------------------------------------------------------------


def test_creditor_table_makes_bilateral_the_whole_debt(ref):
    # IDS's creditor table lists China with bilateral lending only for Chad: no lower bound, a clear miss
    v = check(
        ref,
        "Chad owes China $550 million, World Bank figures show.",
        "2023-06-01",
        measure="debt", holder="TCD", counterpart="CHN", value=550e6, year=2022, source="World Bank",
    )
    assert (v.verdict, v.reference_value, v.coverage) == ("inconsistent", 275917498.1, "full")
    assert v.series == "ids_ppg_debt"
    assert "0 where the table shows no Chinese private lending" in v.coverage_note


def test_no_creditor_table_keeps_bilateral_a_lower_bound(ref):
    above = check(
        ref,
        "Ecuador owes China more than $4 billion.",
        "2025-03-01",
        measure="debt", holder="ECU", counterpart="CHN", value=4e9, approx="over", year=2024,
    )
    assert (above.verdict, above.reference_value, above.coverage) == ("unverifiable", 2712107438.8, "partial")
    assert "absence is not zero" in above.coverage_note
    below = check(
        ref,
        "Ecuador owes China $1 billion.",
        "2025-03-01",
        measure="debt", holder="ECU", counterpart="CHN", value=1e9, year=2024,
    )
    assert below.verdict == "inconsistent"  # a lower bound of 2.71 bn already rules out 1 bn


# --- bands ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "verdict"),
    [(22e9, "inconsistent"), (21e9, "consistent"), (20.5e9, "consistent"), (13e9, "inconsistent")],
)
def test_over_does_not_pass_a_reference_clearly_below_it(ref, value, verdict):
    # Angola's PPG debt to every Chinese creditor, 2022: 20.92 bn; "over 22" was consistent with a 10% slack
    v = check(
        ref,
        f"Angola owes China over ${value / 1e9:g} billion.",
        "2023-06-01",
        measure="debt", holder="AGO", counterpart="CHN", value=value, approx="over", year=2022,
    )
    assert v.verdict == verdict
    assert v.reference_value == 20924843000.0


def test_rounding_step():
    assert rules.rounding_step(1.7e9) == 5e7
    assert rules.band(1.7e9, "over") == (1.65e9, 2.55e9)
    assert rules.band(70e9, "almost") == (56e9, 73.5e9)


# --- routes: the source the text names, else the reporter's own figure, both shown ---------------------


@pytest.mark.parametrize(
    ("sentence", "value", "source", "followed", "why", "other", "other_value", "other_verdict"),
    [
        ("Brazil exported $68 billion of goods to China in 2020.", 68e9, None,
         ("consistent", "dots_exports", "full"), "the reporter's own figure",
         "comtrade_imports", 85517209220.0, "unverifiable"),
        ("China bought $85 billion of Brazilian goods in 2020, according to UN Comtrade.", 85e9, "UN Comtrade",
         ("consistent", "comtrade_imports", "mirror"), "the article cites UN Comtrade",
         "dots_exports", 68376571000.0, "inconsistent"),
    ],
)
def test_route_followed_and_the_other_shown(ref, sentence, value, source, followed, why, other, other_value,
                                            other_verdict):
    v = check(ref, sentence, "2021-03-01", measure="exports", holder="BRA", counterpart="CHN", value=value,
              year=2020, source=source)
    assert (v.verdict, v.series, v.coverage) == followed
    assert why in v.reason
    shown = next(a for a in v.alternatives if a.series == other)
    assert (shown.value, shown.verdict, shown.year) == (other_value, other_verdict, 2020)


# --- currencies -------------------------------------------------------------------------------------------


def test_yuan_converted_at_the_annual_average(ref):
    v = check(
        ref,
        "China's exports to the United States came to 3 trillion yuan in 2025.",
        "2026-02-01",
        measure="exports", holder="CHN", counterpart="USA", value=3e12, unit="CNY", year=2025,
    )
    assert v.verdict == "consistent"
    assert v.reference_value == 421010000000.0
    assert v.value_usd == pytest.approx(3e12 / 7.18, rel=0.01)
    assert "2025 annual average" in v.conversion and "ECB" in v.conversion


# --- one line per case: the sentence, its claim, the verdict, the reference and what the reason says ----

CASES = [
    pytest.param(
        "Chinese firms have invested $20 billion in Argentina.", "2025-03-01",
        dict(measure="investment", holder="CHN", counterpart="ARG", value=20e9, period="cumulative"),
        "inconsistent", CGIT_ARG_2013_2024 + (5.68 + 1.28) * 1e9, "2005-2024",
        id="running total from CGIT's first year takes in 2010-2011",
    ),
    pytest.param(
        "Chinese investment in Brazil totalled $14 billion in 2016.", "2017-04-01",
        dict(measure="investment", holder="CHN", counterpart="BRA", value=14e9, year=2016, period="annual"),
        "consistent", 14.01e9, "in 2016", id="annual figure is that year's sum",
    ),
    pytest.param(
        "Cosco is building the $3.6 billion Chancay port north of Lima.", "2024-11-14",
        dict(measure="investment", holder="CHN", counterpart="PER", value=3.6e9, period="deal"),
        "unverifiable", None, "never compared with a national aggregate", id="a deal is not a national total",
    ),
    pytest.param(
        "Brazil has sold $400 billion of goods to China since 2019.", "2026-02-01",
        dict(measure="exports", holder="BRA", counterpart="CHN", value=400e9, period="cumulative", since=2019,
             year=2025),
        "unverifiable", None, "2024 has no data", id="a running total with gap years",
    ),
    pytest.param(
        "China shipped $71.6 billion of goods to Brazil last year, customs data showed.", "2026-03-01",
        dict(measure="exports", holder="CHN", counterpart="BRA", value=71.6e9, year=2025),
        "consistent", 71604300000.0, "CHN's exports to BRA as reported by CHN (IMF IMTS)",
        id="the exporter's own report of China's exports",
    ),
    pytest.param(
        "China sold $59 billion of goods to Brazil in 2023, according to UN Comtrade.", "2024-03-01",
        dict(measure="exports", holder="CHN", counterpart="BRA", value=59e9, year=2023, source="UN Comtrade"),
        "consistent", 59105409511.0, "CHN's exports to BRA as reported by CHN (UN Comtrade)",
        id="the exporter's own Comtrade figure",
    ),
    pytest.param(
        "U.S. direct investment in Brazil stood at $91 billion in 2023, the Bureau of Economic Analysis said.",
        "2024-07-01",
        dict(measure="fdi", holder="USA", counterpart="BRA", value=91e9, year=2023, source="BEA"),
        "consistent", 91239000000.0, "the article cites BEA", id="an FDI position from the named publisher",
    ),
    pytest.param(
        "China's direct investment stock in Brazil was $3.9 billion at the end of 2023.", "2024-09-01",
        dict(measure="investment", holder="CHN", counterpart="BRA", value=3.9e9, year=2023, period="stock"),
        "consistent", 3944451548.98, "as reported by MOFCOM", id="a Chinese stock is the DIP position",
    ),
    pytest.param(
        "French exports to China rose to 20 billion francs in 1998.", "1999-02-01",
        dict(measure="exports", holder="FRA", counterpart="CHN", value=20e9, unit="FRF", year=1998),
        "unverifiable", None, "do not quote FRF", id="a currency the ECB does not quote",
    ),
]


@pytest.mark.parametrize(("sentence", "published", "fields", "verdict", "reference", "words"), CASES)
def test_verdict_cases(ref, sentence, published, fields, verdict, reference, words):
    v = check(ref, sentence, published, **fields)
    assert v.verdict == verdict, v.reason
    assert v.reference_value == (pytest.approx(reference) if reference else None)
    assert words in v.reason + (v.year_note or "")


# --- memberships ------------------------------------------------------------------------------------------

MEMBERSHIPS = [
    ("Bolivia became a BRICS partner on January 1.", "2025-02-20", "BOL", "BRICS", "join", "consistent", "partner"),
    ("Panama will not renew its Belt and Road membership.", "2025-02-20", "PAN", "BRI", "leave", "consistent",
     "leaving BRI on 2025-05-04"),
    ("Chile has left the Belt and Road Initiative.", "2025-06-01", "CHL", "BRI", "leave", "inconsistent", "no exit"),
    ("Brazil joined the Belt and Road Initiative.", "2025-06-01", "BRA", "BRI", "join", "inconsistent", "no row for BRA"),
    ("Colombia signed up to the Belt and Road.", "2025-05-16", "COL", "BRI", "join", "consistent", "from 2025-05-14"),
    ("Spain joined the community.", "1987-03-01", "ESP", "EU", "join", "unverifiable", "no membership table for EU"),
]


@pytest.mark.parametrize(("sentence", "published", "actor", "group", "kind", "verdict", "words"), MEMBERSHIPS)
def test_membership_events(ref, sentence, published, actor, group, kind, verdict, words):
    event = Event(
        actor=actor, action="COOPERATE" if kind == "join" else "REJECT", target=group, evidence=sentence,
        start=0, end=len(sentence), membership=kind,
    )
    v = verify_membership(event, published=date.fromisoformat(published), ref=ref)
    assert (v.verdict, v.membership, v.group) == (verdict, kind, group)
    assert words in v.reason + (v.status or "")
