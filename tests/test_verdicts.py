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
        measure="investment",
        holder="CHN",
        counterpart="ARG",
        value=20e9,
        period="cumulative",
        since=2013,
        source="AEI",
    )
    assert v.verdict == "consistent"
    assert v.reference_value == pytest.approx(CGIT_ARG_2013_2024)
    assert v.reference_year == 2024
    assert "2013-2024" in v.year_note
    assert (v.period, v.since) == ("cumulative", 2013)


def test_the_same_figure_read_from_2005_would_be_off(ref):
    # without `since` the running total starts with CGIT's first year and takes in 2010-2011's $7 bn
    v = check(
        ref,
        "Chinese firms have invested $20 billion in Argentina.",
        "2025-03-01",
        measure="investment",
        holder="CHN",
        counterpart="ARG",
        value=20e9,
        period="cumulative",
    )
    assert v.verdict == "inconsistent"
    assert v.reference_value == pytest.approx(CGIT_ARG_2013_2024 + (5.68 + 1.28) * 1e9)


def test_cumulative_reached_in_a_year_is_not_that_years_flow(ref):
    sentence = "Cumulative Chinese investment in Peru reached $27 billion in 2020."
    running = check(
        ref,
        sentence,
        "2021-05-01",
        measure="investment",
        holder="CHN",
        counterpart="PER",
        value=27e9,
        year=2020,
        period="cumulative",
    )
    assert running.verdict == "consistent"
    assert running.reference_value == pytest.approx(26.6e9)
    assert "2005-2020" in running.year_note
    flow = check(
        ref,
        sentence,
        "2021-05-01",
        measure="investment",
        holder="CHN",
        counterpart="PER",
        value=27e9,
        year=2020,
        period="annual",
    )
    assert (flow.verdict, flow.reference_value) == ("inconsistent", 0.9e9)


def test_annual_figure_is_that_years_sum(ref):
    v = check(
        ref,
        "Chinese investment in Brazil totalled $14 billion in 2016.",
        "2017-04-01",
        measure="investment",
        holder="CHN",
        counterpart="BRA",
        value=14e9,
        year=2016,
        period="annual",
    )
    assert (v.verdict, v.reference_value, v.reference_year) == ("consistent", 14.01e9, 2016)


def test_a_single_deal_is_never_compared_with_a_national_total(ref):
    v = check(
        ref,
        "Cosco is building the $3.6 billion Chancay port north of Lima.",
        "2024-11-14",
        measure="investment",
        holder="CHN",
        counterpart="PER",
        value=3.6e9,
        period="deal",
    )
    assert v.verdict == "unverifiable"
    assert v.reason == rules.DEAL_REASON
    assert v.reference_value is None


def test_a_running_total_with_a_gap_year_is_unverifiable(ref):
    # Brazil's own DOTS exports stop in 2020 and IMTS starts in 2025: 2021-2024 are gaps, never zeros
    v = check(
        ref,
        "Brazil has sold $400 billion of goods to China since 2019.",
        "2026-02-01",
        measure="exports",
        holder="BRA",
        counterpart="CHN",
        value=400e9,
        period="cumulative",
        since=2019,
        year=2025,
    )
    assert v.verdict == "unverifiable"
    assert "needs every year" in v.reason and "2024 has no data" in v.reason


# --- coverage from the data ---------------------------------------------------------------------------


def test_creditor_table_makes_bilateral_the_whole_debt(ref):
    # IDS's creditor table lists China with bilateral lending only for Chad: no lower bound, a clear miss
    v = check(
        ref,
        "Chad owes China $550 million, World Bank figures show.",
        "2023-06-01",
        measure="debt",
        holder="TCD",
        counterpart="CHN",
        value=550e6,
        year=2022,
        source="World Bank",
    )
    assert (v.verdict, v.reference_value, v.coverage) == ("inconsistent", 275917498.1, "full")
    assert v.series == "ids_ppg_debt"
    assert "0 where the table shows no Chinese private lending" in v.coverage_note


def test_no_creditor_table_keeps_bilateral_a_lower_bound(ref):
    above = check(
        ref,
        "Ecuador owes China more than $4 billion.",
        "2025-03-01",
        measure="debt",
        holder="ECU",
        counterpart="CHN",
        value=4e9,
        approx="over",
        year=2024,
    )
    assert (above.verdict, above.reference_value, above.coverage) == ("unverifiable", 2712107438.8, "partial")
    assert "absence is not zero" in above.coverage_note
    below = check(
        ref,
        "Ecuador owes China $1 billion.",
        "2025-03-01",
        measure="debt",
        holder="ECU",
        counterpart="CHN",
        value=1e9,
        year=2024,
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
        measure="debt",
        holder="AGO",
        counterpart="CHN",
        value=value,
        approx="over",
        year=2022,
    )
    assert v.verdict == verdict
    assert v.reference_value == 20924843000.0


def test_rounding_step():
    assert rules.rounding_step(1.7e9) == 5e7
    assert rules.band(1.7e9, "over") == (1.65e9, 2.55e9)
    assert rules.band(70e9, "almost") == (56e9, 73.5e9)


# --- routes: the source the text names, else the reporter's own figure, both shown ---------------------


def test_own_figure_followed_and_mirror_shown(ref):
    v = check(
        ref,
        "Brazil exported $68 billion of goods to China in 2020.",
        "2021-03-01",
        measure="exports",
        holder="BRA",
        counterpart="CHN",
        value=68e9,
        year=2020,
    )
    assert (v.verdict, v.series, v.reference_value) == ("consistent", "dots_exports", 68376571000.0)
    assert "the reporter's own figure" in v.reason
    mirror = next(a for a in v.alternatives if a.series == "comtrade_imports")
    assert (mirror.value, mirror.verdict) == (85517209220.0, "unverifiable")


def test_named_source_is_followed(ref):
    v = check(
        ref,
        "China bought $85 billion of Brazilian goods in 2020, according to UN Comtrade.",
        "2021-03-01",
        measure="exports",
        holder="BRA",
        counterpart="CHN",
        value=85e9,
        year=2020,
        source="UN Comtrade",
    )
    assert (v.verdict, v.series, v.coverage) == ("consistent", "comtrade_imports", "mirror")
    assert v.source_differs is False
    own = next(a for a in v.alternatives if a.series == "dots_exports")
    assert (own.value, own.verdict) == (68376571000.0, "inconsistent")


def test_exporters_own_report_of_chinas_exports(ref):
    v = check(
        ref,
        "China shipped $71.6 billion of goods to Brazil last year, customs data showed.",
        "2026-03-01",
        measure="exports",
        holder="CHN",
        counterpart="BRA",
        value=71.6e9,
        year=2025,
    )
    assert (v.verdict, v.series, v.reference_value) == ("consistent", "imts_exports", 71604300000.0)
    assert v.components[0].reporter == "CHN" and v.coverage == "full"


def test_fdi_position_from_the_named_publisher(ref):
    v = check(
        ref,
        "U.S. direct investment in Brazil stood at $91 billion in 2023, the Bureau of Economic Analysis said.",
        "2024-07-01",
        measure="fdi",
        holder="USA",
        counterpart="BRA",
        value=91e9,
        year=2023,
        source="Bureau of Economic Analysis",
    )
    assert (v.verdict, v.series, v.reference_value) == ("consistent", "dip_position", 91239000000.0)
    assert "the article cites BEA" in v.reason


def test_chinese_investment_stock_is_read_from_the_position(ref):
    v = check(
        ref,
        "China's direct investment stock in Brazil was $3.9 billion at the end of 2023.",
        "2024-09-01",
        measure="investment",
        holder="CHN",
        counterpart="BRA",
        value=3.9e9,
        year=2023,
        period="stock",
    )
    assert (v.verdict, v.series, v.reference_value) == ("consistent", "dip_position", 3944451548.98)


# --- currencies -------------------------------------------------------------------------------------------


def test_yuan_converted_at_the_annual_average(ref):
    v = check(
        ref,
        "China's exports to the United States came to 3 trillion yuan in 2025.",
        "2026-02-01",
        measure="exports",
        holder="CHN",
        counterpart="USA",
        value=3e12,
        unit="CNY",
        year=2025,
    )
    assert v.verdict == "consistent"
    assert v.reference_value == 421010000000.0
    assert v.value_usd == pytest.approx(3e12 / 7.18, rel=0.01)
    assert "2025 annual average" in v.conversion and "ECB" in v.conversion


def test_currency_the_ecb_does_not_quote(ref):
    v = check(
        ref,
        "Exports to China rose to 2 billion francs in 1987.",
        "1988-02-01",
        measure="exports",
        holder="FRA",
        counterpart="CHN",
        value=2e9,
        unit="FRF",
        year=1987,
    )
    assert v.verdict == "unverifiable" and "FRF" in v.reason


# --- memberships ------------------------------------------------------------------------------------------


def membership(ref, sentence: str, published: str, actor: str, group: str, kind: str):
    event = Event(
        actor=actor,
        action="COOPERATE" if kind == "join" else "REJECT",
        target=group,
        evidence=sentence,
        start=0,
        end=len(sentence),
        membership=kind,
    )
    return verify_membership(event, published=date.fromisoformat(published), ref=ref)


def test_joining_brics_as_partner(ref):
    v = membership(ref, "Bolivia became a BRICS partner on January 1.", "2025-02-20", "BOL", "BRICS", "join")
    assert (v.verdict, v.status, v.date_from) == ("consistent", "partner", "2025-01-01")


def test_declining_to_renew_the_belt_and_road(ref):
    v = membership(
        ref, "Panama will not renew its Belt and Road membership.", "2025-02-20", "PAN", "BRI", "leave"
    )
    assert (v.verdict, v.date_to) == ("consistent", "2025-05-04")


def test_leaving_a_group_the_table_shows_it_still_in(ref):
    v = membership(ref, "Chile has left the Belt and Road Initiative.", "2025-06-01", "CHL", "BRI", "leave")
    assert v.verdict == "inconsistent" and "no exit" in v.reason


def test_joining_a_group_the_table_never_lists(ref):
    v = membership(ref, "Brazil joined the Belt and Road Initiative.", "2025-06-01", "BRA", "BRI", "join")
    assert v.verdict == "inconsistent" and "no row for BRA" in v.reason


def test_group_without_a_table(ref):
    v = membership(ref, "Spain joined the community.", "1987-03-01", "ESP", "EU", "join")
    assert v.verdict == "unverifiable" and "no membership table for EU" in v.reason
