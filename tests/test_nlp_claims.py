"""Claims: role frames as data (every row fires on its example, every lexicon key is read) and the
claim mechanisms on sentences written for these tests (SCHEMA.md's conventions, not any dev article)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from sphere.models import MEASURES
from sphere.nlp.entities import find_entities
from sphere.nlp.lexicon import load
from sphere.nlp.measures import cue_lemmas
from sphere.nlp.model import load_model
from sphere.nlp.pipeline import extract_text
from sphere.nlp.role_frames import Frame, frame_for, frames
from sphere.nlp.syntax import party_for


def _frame_hit(f: Frame, measure: str) -> Frame | None:
    doc = load_model()(f.example)
    parties = [p for e in find_entities(f.example) if e.code if (p := party_for(doc, e, 0)) is not None]
    mine = [p for p in parties if p.entity is not None and re.sub(r"(?i)^the ", "", p.entity.text) == f.party]
    assert mine, f"row {f.index}: {f.party!r} is not a mention in {f.example!r}"
    base = "exports" if measure == "imports" else measure
    return frame_for(measure, mine[0], parties, cue_lemmas(base))


@pytest.mark.parametrize("f", frames(), ids=lambda f: f"{f.index}:{f.slot}:{f.role}")
def test_every_role_frame_fires_on_its_example(f: Frame):
    measure = f.measures[0] if f.measures[0] != "*" else "reserves"
    hit = _frame_hit(f, measure)
    assert hit is not None and hit.index == f.index, (f.example, hit)


def test_role_frame_rows_are_well_formed():
    data = load("role_frames")
    roles = data["measure_roles"]
    for f in frames():
        assert f.example and f.party and f.origin
        assert f.origin.startswith(("general", "dictionary", "dev:")), f.origin
        for m in f.measures:
            assert m in roles, (f.index, m)
            assert f.role in roles[m], (f.index, m, f.role)
        assert f.role in data["sides"]
    assert set(roles) - {"imports", "*"} <= set(MEASURES)


@pytest.mark.parametrize("name", ["claims", "figures", "role_frames"])
def test_every_lexicon_key_is_read(name: str):
    """A key no code reads is dead knowledge: it must go."""
    source = "".join(p.read_text(encoding="utf-8") for p in resources.files("sphere.nlp").iterdir()
                     if p.name.endswith(".py"))
    for key in load(name):
        if key in ("version", "about"):
            continue
        assert re.search(rf"""\[["']{key}["']\]""", source), f"{name}.json key {key!r} is never read"


def _claims(text: str, published: str = "2025-03-01") -> list[tuple]:
    r = extract_text(text, published=published)
    return [(c.measure, c.holder, c.counterpart, c.value, c.unit, c.approx) for c in r.claims]


@pytest.mark.parametrize(("text", "expected"), [
    # C6: the borrower holds a loan however the sentence is built
    ("Japan lent Indonesia $2 billion last month.", ("loan", "IDN", "JPN", 2e9, "USD", "exact")),
    ("Indonesia borrowed $2 billion from Japan.", ("loan", "IDN", "JPN", 2e9, "USD", "exact")),
    ("Uganda was lent $2 billion by China.", ("loan", "UGA", "CHN", 2e9, "USD", "exact")),
    ("A $2 billion loan from China to Uganda was signed.", ("loan", "UGA", "CHN", 2e9, "USD", "exact")),
    ("China is financing the $2 billion Karuma dam in Uganda.", ("loan", "UGA", "CHN", 2e9, "USD", "exact")),
    ("Japan extended a $1 billion loan to the Philippines.", ("loan", "PHL", "JPN", 1e9, "USD", "exact")),
    ("Uganda's debt to China reached $5 billion.", ("debt", "UGA", "CHN", 5e9, "USD", "exact")),
    # exporters and importers from verbs and nouns
    ("Brazil sold $40 billion of soybeans to China last year.", ("exports", "BRA", "CHN", 4e10, "USD", "exact")),
    ("China bought $30 billion of Brazilian soybeans last year.", ("exports", "BRA", "CHN", 3e10, "USD", "exact")),
    ("Vietnam shipped $20 billion of electronics to the United States in 2024.",
     ("exports", "VNM", "USA", 2e10, "USD", "exact")),
    # donors and recipients, imposers and targets
    ("Germany donated $50 million to Ukraine.", ("aid", "DEU", "UKR", 5e7, "USD", "exact")),
    ("China granted Cambodia $100 million in aid.", ("aid", "CHN", "KHM", 1e8, "USD", "exact")),
    ("Mexican goods face a 25% tariff from the United States.", ("tariff", "USA", "MEX", 25.0, "percent", "exact")),
    ("Beijing slapped a 10% levy on American farm goods.", ("tariff", "CHN", "USA", 10.0, "percent", "exact")),
    # C2: debt service paid is `other`, held by the debtor
    ("Ethiopia repaid $1 billion to China in 2022.", ("other", "ETH", "CHN", 1e9, "USD", "exact")),
])
def test_roles_from_the_sentence(text: str, expected: tuple):
    assert _claims(text) == [expected]


def test_owes_with_an_attributed_source_is_not_the_lender():
    r = extract_text("Laos owes China $5 billion, World Bank statistics indicate.", published="2025-03-01")
    assert [(c.measure, c.holder, c.counterpart, c.value, c.source) for c in r.claims] == [
        ("debt", "LAO", "CHN", 5e9, "World Bank")]


def _one(text: str, published: str = "2025-03-01"):
    claims = extract_text(text, published=published).claims
    assert len(claims) == 1, claims
    return claims[0]


def test_a_percent_change_near_a_tariff_word_is_no_tariff_rate():
    assert extract_text("Higher tariffs lowered Mexico's purchases of Chinese cars by 25% this year.",
                        published="2025-03-01").claims == []


def test_a_tariff_that_raises_the_cost_of_goods_by_a_percent_is_that_rate():
    c = _one("The U.S. tariffs would have increased the cost of Vietnamese shoes by 46% overnight.")
    assert (c.measure, c.holder, c.counterpart, c.value, c.modality) == ("tariff", "USA", "VNM", 46.0, "threatened")


def test_a_record_figure_is_exact_and_a_dateline_keeps_the_claim():
    c = _one("QUITO - Exports from Ecuador to China reached a record $5 billion in 2024.")
    assert (c.measure, c.holder, c.counterpart, c.value, c.approx, c.year, c.period) == (
        "exports", "ECU", "CHN", 5e9, "exact", 2024, "annual")


def test_gross_domestic_product_is_gdp():
    c = _one("Gross domestic product in Malaysia rose 5.2 percent in the second quarter of 2019.")
    assert (c.measure, c.holder, c.value, c.unit, c.year) == ("gdp", "MYS", 5.2, "percent", 2019)


def test_francs_of_the_1980s_are_the_currency_of_the_time():
    c = _one("The ministry said French aid to Senegal in 1986 amounts to about 900 mln francs.", "1986-02-20")
    assert (c.measure, c.holder, c.counterpart, c.value, c.unit, c.approx) == (
        "aid", "FRA", "SEN", 900e6, "FRF", "about")
    c = _one("Switzerland gave Nepal 20 million francs in aid.", "2024-05-01")
    assert c.unit == "CHF"


@pytest.mark.parametrize(("text", "period", "since", "year"), [
    ("Chinese firms have invested $9 billion in Argentina since 2013.", "cumulative", 2013, None),
    ("Sri Lanka has borrowed a total of $7 billion from China so far.", "cumulative", None, None),
    ("Laos owes China $5 billion, World Bank statistics indicate.", "stock", None, None),
    ("China is financing the $2 billion Karuma dam in Uganda.", "deal", None, None),
    ("Japan extended a $1 billion loan to the Philippines.", "deal", None, None),
    ("U.S. aid to Egypt is $1.3 billion a year.", "annual", None, None),
    ("Brazil sold $40 billion of soybeans to China in 2023.", "annual", None, 2023),
    ("Peru's trade with Japan reached $3.1 billion in the first half of 2022.", None, None, 2022),
])
def test_the_period_follows_the_grammar(text: str, period: str | None, since: int | None, year: int | None):
    c = _one(text)
    assert (c.period, c.since, c.year) == (period, since, year)
    assert c.model_dump()["period"] == period  # an extra field of the JSON output


def test_a_holder_without_a_code_makes_no_claim():
    # SCHEMA.md C7: "loans to African countries" are not annotated
    assert extract_text("So far, China has made more than $40 billion in loans to Pacific island nations.",
                        published="2025-03-01").claims == []


def test_a_creditor_without_a_code_leaves_the_counterpart_null():
    c = _one("Kenya owes $2 billion to commercial banks, and Japan is owed nothing.")
    assert (c.measure, c.holder, c.counterpart) == ("debt", "KEN", None)


def test_object_control_gives_the_imposer():
    c = _one("Mexico expelled two diplomats, prompting the United States to announce 30% tariffs on Mexican goods.")
    assert (c.measure, c.holder, c.counterpart, c.value) == ("tariff", "USA", "MEX", 30.0)


def test_a_conversion_into_another_currency_is_one_claim():
    # SCHEMA.md C13
    r = extract_text("Kenya's central bank holds a swap line with China of 20 billion yuan, or about $2.8 billion.",
                     published="2025-03-01")
    assert [(c.measure, c.value, c.unit) for c in r.claims] == [("loan", 20e9, "CNY")]


def test_outstanding_credit_is_debt_and_a_debtor_owes_the_possessor():
    c = _one("Egypt is the International Monetary Fund's second-biggest debtor, with $9 billion in outstanding credit.")
    assert (c.measure, c.holder, c.counterpart, c.value, c.period) == ("debt", "EGY", "IMF", 9e9, "stock")


def test_volumes_ranges_and_split_years():
    c = _one("Brazil exported a record 17.2\nmln bags of coffee in the 1990/91 crop year.", "1992-03-01")
    assert (c.measure, c.holder, c.value, c.unit, c.approx, c.year) == ("exports", "BRA", 17.2e6, "bags", "exact", 1991)
    c = _one("Kenya will export between 4.5 and 5 mln bags of tea.", "1992-03-01")
    assert (c.value, c.unit, c.approx, c.modality) == (4.5e6, "bags", "exact", "planned")


def test_a_current_account_surplus_is_not_a_trade_balance():
    r = extract_text("Britain's current account balance of payments showed a surplus of 150 mln stg in May, "
                     "compared with a surplus of 95 mln in April.", published="1991-06-25")
    assert [(c.measure, c.holder, c.value, c.unit, c.source) for c in r.claims] == [
        ("other", "GBR", 150e6, "GBP", None), ("other", "GBR", 95e6, "GBP", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # SCHEMA.md C1: shares of GDP and partner shares are claims of the measure they divide
    ("Djibouti's debt is more than 88 percent of the GDP.", [("debt", "DJI", None, 88.0, "percent", "over")]),
    ("In Laos, loans from China equal 65 percent of GDP.", [("debt", "LAO", "CHN", 65.0, "percent", "exact")]),
    ("Last year Vietnam took about 15% of Cambodia's exports.", [("exports", "KHM", "VNM", 15.0, "percent", "about")]),
    # not claims: a product's share within a category, what a tariff list covers, a share of revenue
    ("Canada's exports rose, with cars accounting for 10% of total Canadian exports.", []),
    ("The new duties will affect less than 6% of Canada's imports from Mexico.", []),
    ("Copper accounts for half of Chile's export earnings and 30 pct of tax revenue.", []),
])
def test_shares(text: str, expected: list):
    assert _claims(text) == expected


def test_the_value_of_goods_a_tariff_hits_is_sanction_value():
    c = _one("The United States announced tariffs on about $34 billion of goods from China.")
    assert (c.measure, c.holder, c.counterpart, c.value, c.approx) == ("sanction_value", "USA", "CHN", 34e9, "about")


@pytest.mark.parametrize(("text", "expected"), [
    # a possessor sphere cannot code (a company) owns the figure: no country's claim
    ("Canada's Norcen has a 140 mln dlr liability in loans to Husky Oil.", []),
    # a count of something is no amount of money, and the size of an economy needs the economy's figure
    ("China's exports reached $3.6 trillion, while its 400 million middle-class consumers spend more.",
     [("exports", "CHN", None, 3.6e12, "USD", "exact")]),
    ("The world's fourth-largest economy manages $1.2 trillion in foreign assets, Japan said.", []),
    # debt service due is `other` (SCHEMA.md C2)
    ("Sri Lanka needs roughly $4 billion this year to service its liabilities.",
     [("other", "LKA", None, 4e9, "USD", "about")]),
])
def test_what_a_figure_is_of(text: str, expected: list):
    assert _claims(text) == expected


def test_the_country_is_the_topic():
    r = extract_text("Laos opened a new dam in May. The dam, a $1.9 billion investment backed by Thailand, "
                     "is the country's largest power project.", published="2019-06-01")
    assert [(c.measure, c.holder, c.counterpart, c.value) for c in r.claims] == [("investment", "THA", "LAO", 1.9e9)]


@pytest.mark.parametrize("text", [
    "Kenya's $3.5 billion free-trade zone with Djibouti opened in 2018.",  # a zone, not a value of trade
    "In 2015, China did $188 billion worth of trade with Africa.",  # a partner with no code (C7)
    "China committed $60 billion in financing to the continent.",  # a borrower with no code (C7)
    "The loan was capped at $300 million to finance the $2 billion highway in Nepal.",  # no country finances it
    "Uganda depends on coffee export duties for about 60 pct of its tax revenue.",  # a share, not a rate
])
def test_not_claims(text: str):
    assert [(c.measure, c.value) for c in extract_text(text, published="2018-07-01").claims if c.value != 300e6] == []


def test_an_amount_of_tariffs_is_their_value():
    c = _one("Japan hoped to avoid the imposition of 300 mln dlrs in U.S. tariffs on April 17.", "1987-04-01")
    assert (c.measure, c.value, c.unit) == ("sanction_value", 300e6, "USD")


def test_the_loan_refers_back_and_two_way_trade_is_between_the_two():
    r = extract_text("Cambodia and Japan agreed on the terms of a $300 million loan from Japan to Cambodia. "
                     "The loan amount had first been put at $350 million.", published="2017-05-04")
    assert [(c.measure, c.holder, c.counterpart, c.value) for c in r.claims] == [
        ("loan", "KHM", "JPN", 300e6), ("loan", "KHM", "JPN", 350e6)]
    r = extract_text("Ecuador signed a trade pact with Korea. Ecuador's exports to Korea rose. "
                     "Bilateral trade reached $2.2 billion in 2023.", published="2024-06-01")
    assert [(c.measure, {c.holder, c.counterpart}, c.value) for c in r.claims if c.measure == "trade"] == [
        ("trade", {"ECU", "KOR"}, 2.2e9)]


def test_pronouns_raising_verbs_and_what_was_ruled_out():
    r = extract_text("Libya is pumping around one mln barrels per day, oil sources said. Its export capability "
                     "should reach 1.4 mln bpd next year.", published="1990-11-20")
    assert [(c.measure, c.holder, c.value, c.unit, c.modality) for c in r.claims] == [
        ("exports", "LBY", 1.4e6, "barrels_per_day", "planned")]
    c = _one("Traders say Oman is believed to be achieving sales of about 800,000 bpd.", "1990-11-20")
    assert (c.measure, c.holder, c.value, c.approx) == ("exports", "OMN", 800000.0, "about")
    assert extract_text("Brazil ruled out exports of up to 20 mln bags of coffee.", published="1992-03-01").claims == []


def test_one_figure_for_partners_sharing_no_code_is_no_claim():
    # SCHEMA.md C7: "exports to Hong Kong and Macao"; for debt the counterpart is null
    assert _claims("Portugal said exports to Angola and Mozambique rose 12 pct to 1.1 billion dlrs.", "1991-04-10") == []
    assert _claims("Bolivia owes $2 billion to Argentina and Brazil.") == [("debt", "BOL", None, 2e9, "USD", "exact")]


def test_the_noun_a_figure_sizes_decides_its_measure():
    # "repayment of X of the loan" is debt service (C2), not a loan; a capital subscription is `other`
    assert _claims("Peru asked to postpone repayment of about 45 mln dlrs of the loan.", "1991-04-10") == [
        ("other", "PER", None, 45e6, "USD", "about")]
    assert _claims("Tokyo said Japan would subscribe four billion dlrs to the Bank's capital.",
                   "1991-04-10") == [("other", "JPN", None, 4e9, "USD", "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Last month the Ivory Coast informed its creditors it had to suspend payments on its foreign debt, "
     "estimated at more than eight billion dlrs.", [("debt", "CIV", None, 8e9, "USD", "over")]),
    ("Curbing the record U.S. trade shortfall, which reached nearly 170 billion dlrs last year, is urgent, "
     "Japan said.", [("trade_balance", "USA", None, -170e9, "USD", "almost")]),
    ("Total holdings of U.S. savings bonds reached 94.76 billion dlrs, the Treasury said.", []),
    ("Thailand could fail to fill some 3,000 tonnes of its 19,000 tonne tin export quota.", []),
])
def test_unannotated_wire_copy(text: str, expected: list):
    assert _claims(text, "1987-06-01") == expected


def test_a_tariff_warning_is_the_speakers_side():
    # SCHEMA.md C14: "could face 50% duties" is a threat by the party that would impose them
    c = _one("An adviser to the U.S. president told reporters that steel from Brazil could face a 40% tariff.")
    assert (c.measure, c.holder, c.counterpart, c.value, c.modality) == ("tariff", "USA", "BRA", 40.0, "threatened")


def test_a_name_without_a_code_in_a_partner_slot_blocks_it():
    assert _claims("About $2 billion has been lent to Acme Holdings, the ministry said.") == []


def test_a_companys_figure_and_debt_amortised():
    r = extract_text("Canada's exports rose in March. Canada's exports rose again in April. Analysts said that, in "
                     "return for its two billion dlr investment, Acme would receive a plant.", published="1987-05-10")
    assert [c for c in r.claims if c.value == 2e9] == []  # "its" is the company's, not the topic country's
    c = _one("Venezuela has amortised six billion dlrs in foreign debt since 1984.", "1987-03-10")
    assert (c.measure, c.holder, c.value, c.period, c.since) == ("other", "VEN", 6e9, "cumulative", 1984)


@pytest.mark.parametrize(("text", "value", "approx"), [
    # SCHEMA.md C12: a range takes its lower bound, approx from the wording around it
    ("Washington set tariffs of 10-20% on steel from Korea.", 10.0, "exact"),
    ("Japan will lend Peru between 75 and 80 billion yen.", 75e9, "exact"),
    ("Chile owes 15 to 20 mln dlrs to Spain.", 15e6, "exact"),
    ("Japanese crushers bought 3,000 to 5,000 tonnes of Canadian rapeseed.", 3000.0, "exact"),
    ("Canada expects its economy to grow between two and 2.8 pct this year.", 2.0, "exact"),
])
def test_ranges(text: str, value: float, approx: str):
    c = _one(text, "1990-01-01")
    assert (c.value, c.approx) == (value, approx)


def test_a_change_from_one_rate_to_another_is_no_range():
    c = _one("Washington raised its tariff on Korean steel from 12 to 15 pct.", "1990-01-01")
    assert (c.measure, c.value) == ("tariff", 15.0)


def test_what_a_project_costs_is_no_sanction():
    assert _claims("Ecuador might build a pipeline to Colombia, costing 15 to 20 mln dlrs.", "1987-04-01") == []


def test_a_pronoun_for_a_company_blocks_the_claim():
    r = extract_text("Vietnam welcomes investors. Aside from Vietnamese projects already planned, Samsung said last "
                     "month that it would double its investment to $6 billion in its new plant.", published="2019-03-01")
    assert [c for c in r.claims if c.value == 6e9] == []


def test_a_company_subject_and_gapped_joint_partners():
    assert _claims("President Lula said Acme Motors would invest $1 billion in a new plant.") == []
    assert _claims("Lisbon said first quarter exports to Angola and Mozambique rose 12 pct to 1.1 billion dlrs and "
                   "imports rose 9 pct to 0.8 billion.", "1991-04-10") == []
    assert [(c.measure, {c.holder, c.counterpart}) for c in extract_text(
        "Jordan and Sudan agreed to exchange 100 mln dlrs worth of goods a year.", published="1987-03-10").claims] == [
        ("trade", {"JOR", "SDN"})]


def test_rescheduled_amounts_and_loans_a_bank_holds_are_debt():
    c = _one("Kenya's finance minister said he was hoping for a rescheduling of 120 mln dlrs.", "1987-05-01")
    assert (c.measure, c.holder, c.value, c.period) == ("debt", "KEN", 120e6, "stock")
    c = _one("Citibank, which holds about 1.5 billion dlrs in Mexican loans, may lose money.", "1987-05-01")
    assert (c.measure, c.holder, c.counterpart, c.value, c.approx) == ("debt", "MEX", None, 1.5e9, "about")


def test_announcing_or_arranging_a_loan_is_lending():
    assert _claims("China announced a $1 billion loan for Kenya.") == [("loan", "KEN", "CHN", 1e9, "USD", "exact")]
    assert _claims("Societe Generale, which arranged a 150 mln dlr loan for Peru last year, wants new terms.",
                   "1987-05-01") == [("loan", "PER", None, 150e6, "USD", "exact")]


def test_rupees_are_the_holders_own():
    assert _claims("Sri Lanka's exports rose to 9.5 billion rupees in March.", "1987-05-01") == [
        ("exports", "LKA", None, 9.5e9, "LKR", "exact")]


def test_a_change_said_with_a_noun_or_a_comparison_is_no_level():
    assert _claims("Sales of gold left Norway with a rise in its currency reserves of 300 mln dlrs, to 8.1 billion dlrs.",
                   "1987-05-01") == [("reserves", "NOR", None, 8.1e9, "USD", "exact")]
    assert [c.value for c in extract_text("Ghana drew down 700 mln dlrs in loans from the IMF, 200 mln dlrs more than "
                                          "in the previous month.", published="1987-05-01").claims] == [700e6]


def test_inflation_beside_growth_is_no_gdp_figure():
    r = extract_text("Chile's central bank expects the economy will grow 5 pct and inflation would drop to 15 pct.",
                     published="1987-05-01")
    assert [c.value for c in r.claims if c.measure == "gdp"] == [5.0]


def test_figures_of_firms_and_regions_are_no_claims():
    r = extract_text("Korea's exports rose in May. Korean bankruptcies totalled 40 in May, with debts of 30 billion won.",
                     published="1987-06-01")
    assert [c for c in r.claims if c.value == 30e9] == []
    r = extract_text("Peru's debt is large. The region's debt rose to 400 billion dlrs last year, he said.",
                     published="1987-06-01")
    assert [c for c in r.claims if c.value == 400e9] == []


def test_a_lender_named_by_a_pronoun_is_the_counterpart():
    assert _claims("The World Bank said it approved a 50 mln dlr loan for Nepal.", "1987-05-01") == [
        ("loan", "NPL", "WORLDBANK", 50e6, "USD", "exact")]


def test_budget_deficits_money_market_help_and_currency_names_are_no_claims():
    assert _claims("Keating said the budget deficit for the year would be about three billion dlrs.", "1987-05-01") == []
    assert _claims("The Bank of England said it gave the money market assistance worth 500 mln stg.", "1987-05-01") == []
    assert _claims("Argentina's current account deficit widened to 1.2 billion dlrs in the quarter.", "1987-05-01") == [
        ("other", "ARG", None, -1.2e9, "USD", "exact")]


def test_tariffs_worth_an_amount_are_the_value_of_goods_hit():
    assert _claims("The U.S. has threatened to impose tariffs worth up to 300 mln dlrs on Japanese electronics exports.",
                   "1987-04-01") == [("sanction_value", "USA", "JPN", 300e6, "USD", "under")]


def test_a_number_too_large_for_a_float_is_no_figure():
    """'$' and 330 digits overflows to infinity: no figure, so JSON output never holds Infinity."""
    from sphere.nlp.figures import find_figures

    figs = find_figures("China lent $" + "9" * 330 + " to Laos and $5 billion to Peru.")
    assert [(f.text, f.value, f.unit) for f in figs] == [("$5 billion", 5e9, "USD")]


@pytest.mark.parametrize("text", [
    # central banks' money-market operations, oil in the ground, growth of money, ratios to GDP (C1/C2)
    "The Bank of England said it provided the money market with late assistance of around 120 mln stg.",
    "Canada's Nordic Oil said the value of its oil and gas reserves rose to 52.6 mln dlrs.",
    "Australian annual broad money growth rose to 10.3 pct in February, the Reserve Bank said.",
    "Private investment in Australia as a proportion of gross domestic product fell to 9.8 pct.",
    # a firm's long-term debt, a domestic surcharge, banks' reserves, a partner with no code (C7)
    "Long term debt fell to 4.50 billion dlrs from 6.22 billion dlrs in 1985, Canada's Acme said.",
    "Brazil announced that it was scrapping a 15 pct surcharge on all new car sales.",
    "Banks had 47.1 billion marks in minimum reserves at the Bundesbank, West German dealers said.",
    "Taiwan's surplus with Europe rose to 1.53 billion dlrs last year.",
    "Shell Canada reported first quarter earnings of 103 mln dlrs, or 90 cts per share.",
    # commodity-market business: EC tender rebates, volumes traded
    "A total 118,350 tonnes of British white sugar received export rebates at today's EC tender.",
    "There were indications that 50,000 tonnes of U.S. corn traded for August shipment.",
    # lending to firms and households
    "The Fed said that U.S. business loans including acceptances fell to 278.12 billion dlrs.",
    # capital flows and public finance
    "Swiss capital exports rose to 4.64 billion francs in January.",
    "The Belgian government aims to cut the financing requirement for 1987 to 420 billion francs.",
    "India's market loans and bonds were projected at 981.50 billion rupees for 1987/88.",
    "The budget plan now under debate would lower an estimated 171 billion dlr deficit for the year, U.S. officials said.",
    "The new law set a ceiling of 108 billion dlrs for next year's federal deficit in the U.S.",
    "The eight-year domestic loan was expected by Belgium's ministry to raise 150 billion francs.",
    # a balance of transfers is no trade balance
    "The deficit in transfer payments widened to 3.70 billion marks from 2.69 billion, West Germany said.",
])
def test_not_a_claim(text: str):
    assert _claims(text, "1987-05-01") == []


def test_a_budget_deficit_keeps_its_figure_from_other_cues():
    assert _claims("Achievements include a cut in France's foreign debts and in the state budget deficit to 141.1 "
                   "billion francs.", "1987-05-01") == []


def test_interest_paid_is_debt_service_and_who_asks_for_aid_receives_it():
    assert _claims("Brazil paid 24 billion dlrs in interest in the last two years.", "1987-05-01") == [
        ("other", "BRA", None, 24e9, "USD", "exact")]
    assert _claims("Mozambique appealed for an additional 160 mln dlrs in emergency aid.", "1987-05-01") == []
    assert _claims("As Chinese investment in Sudan exceeds $15 billion, China seeks to boost its partnership.",
                   "2018-01-18") == [("investment", "CHN", "SDN", 15e9, "USD", "over")]


def test_a_state_contractor_or_policy_bank_acts_for_its_state():
    assert _claims("China Road and Bridge Corporation will invest 500 million dollars in Nigeria.", "2018-05-01") == [
        ("investment", "CHN", "NGA", 500e6, "USD", "exact")]
    assert _claims("The Agricultural Development Bank of China extended a $300 million loan to Cambodia.",
                   "2018-05-01") == [("loan", "KHM", "CHN", 300e6, "USD", "exact")]


def test_a_capital_in_a_partys_slot_is_its_government_and_an_unnamed_giver_the_other_side():
    assert _claims("Beijing lent $500 million to Nairobi for the railway.", "2018-05-01") == [
        ("loan", "KEN", "CHN", 500e6, "USD", "exact")]
    r = extract_text("Pakistan and China signed the deal. China is Pakistan's main lender. About $6 billion has been "
                     "given to Islamabad as concessional loans.", published="2018-05-01")
    assert [(c.measure, c.holder, c.counterpart) for c in r.claims if c.value == 6e9] == [("loan", "PAK", "CHN")]
    assert _claims("Exports from Moscow to Havana reached 3 billion roubles.", "1987-05-01") == [
        ("exports", "SUN", "CUB", 3e9, "RUB", "exact")]


def test_lists_of_parties_with_amounts_firm_names_weights_and_shrinking_economies():
    assert _claims("The biggest debtors were followed by Argentina with around 49 billion dlrs, Venezuela with 33 billion "
                   "and Chile with 20 billion dlrs debt.", "1987-03-01") == [
        ("debt", "ARG", None, 49e9, "USD", "about"), ("debt", "VEN", None, 33e9, "USD", "exact"),
        ("debt", "CHL", None, 20e9, "USD", "exact")]
    assert _claims("Japan Line's current liabilities amounted to 68.98 billion yen at the end of September.",
                   "1987-05-01") == []
    assert _claims("The plant will have a capacity of 550 mln pounds of PTA a year, Britain said.", "1987-05-01") == []
    assert _claims("Kuwait's economy shrank 19 pct in 1986.", "1987-05-01") == [("gdp", "KWT", None, -19.0, "percent", "exact")]
    assert _claims("Taiwan's trade surplus with the U.S. hit 13.6 billion dlrs last year.", "1987-05-01") == [
        ("trade_balance", "TWN", "USA", 13.6e9, "USD", "exact")]


def test_a_payment_on_a_debt_is_debt_service_but_debt_paid_on_is_debt():
    assert _claims("Payment on the principal of Indonesia's government debts is projected at 2.73 billion dlrs.",
                   "1987-05-01") == [("other", "IDN", None, 2.73e9, "USD", "exact")]
    assert _claims("Brazil said it was suspending interest payments on 68 billion dlrs of debt.", "1987-05-01") == [
        ("debt", "BRA", None, 68e9, "USD", "exact")]
    assert _claims("The investments let China put its $3 trillion in foreign reserves to work.", "2018-08-14") == [
        ("reserves", "CHN", None, 3e12, "USD", "exact")]


def test_a_buying_tender_is_an_import():
    assert _claims("Syria is holding a buying tender on May 6 for 24,000 tonnes of white sugar.", "1987-05-01") == [
        ("other", "SYR", None, 24000.0, "tonnes", "exact")]


def test_granting_a_credit_line_is_a_loan_and_a_lender_announcing_its_loans_is_their_counterpart():
    assert _claims("Spain has granted Cuba a 25 mln dlr credit line for the purchase of Spanish goods.", "1987-05-01") == [
        ("loan", "CUB", "ESP", 25e6, "USD", "exact")]
    assert _claims("Jordan will receive two loans totalling 96.4 mln dlrs to support projects, the World Bank said.",
                   "1987-05-01") == [("loan", "JOR", "WORLDBANK", 96.4e6, "USD", "exact")]


def test_a_bilateral_imbalance_in_ones_favour_is_a_trade_balance_with_the_other_side():
    r = extract_text("Japan and the United States open talks. The bilateral trade imbalance last year amounted to 51.48 "
                     "billion dlrs in Japan's favour.", published="1987-05-01")
    assert [(c.measure, c.holder, c.counterpart, c.value) for c in r.claims] == [("trade_balance", "JPN", "USA", 51.48e9)]


def test_dollars_owed_to_the_imf_are_us_dollars():
    assert _claims("Guyana's arrears to the International Monetary Fund are now 70 mln dlrs.", "1987-05-01") == [
        ("debt", "GUY", "IMF", 70e6, "USD", "exact")]


def test_a_named_firms_books_and_a_projects_total_cost_are_no_claims():
    # a firm (an uncoded ORG) owns the figure: its exposure or its debt is not the country's (C7)
    assert _claims("Commerzbank's total debt exposure to Latin America fell to 4.1 billion marks last year.", "1987-05-01") == []
    # the loan is only part of the project: the project's cost is no loan (C6), the part lent is
    assert _claims("Japan lent Kenya 30 mln dlrs for a road. The loan is part of a 210 mln dlr program to rebuild "
                   "the highway.", "1987-05-01") == [("loan", "KEN", "JPN", 30e6, "USD", "exact")]
    # ...but a whole that is itself the loan is the claim
    assert _claims("Gurria said the first part of the six billion dlr loan for Mexico would be disbursed in May.",
                   "1987-05-01") == [("loan", "MEX", None, 6e9, "USD", "exact")]
    # a ship's size in gross tons is not a cargo; a reporting firm does not own the figure it reports
    assert _claims("Korean yards won orders for four bulk carriers totalling 310,000 gross tons in May.", "1987-05-01") == []
    assert _claims("Chile's exports rose to 410 mln dlrs in May, Banco Santander said.", "1987-06-01") == [
        ("exports", "CHL", None, 410e6, "USD", "exact")]


def test_a_price_per_unit_and_a_non_party_are_no_claims():
    # "a tonne" after a figure makes it a price (C2), and "non-EC" names every party but the EC
    assert _claims("The buffer stock may buy when prices fall below 2,100 SDRs a tonne, the council said.", "1987-05-01") == []
    # (partners that share no code: no claim, C7; before, the EC was taken as the importer)
    assert _claims("France's wheat exports to non-EC countries rose to 410,000 tonnes in April.", "1987-05-01") == []


def test_a_regions_or_the_worlds_figure_is_not_the_topic_countrys():
    # C7: "Asian countries' imports" and "world imports" have no coded holder; the topic country does not take them
    assert _claims("Peru's debt talks continue. African countries' exports fell last year to 60 billion dlrs, "
                   "with imports rising to about 70 billion dlrs, the report said.", "1987-05-01") == []
    assert _claims("World coffee imports will fall to 70 mln bags in 1990 while Japan will buy 5 mln bags, "
                   "the council said.", "1987-05-01") == [("other", "JPN", None, 5e6, "bags", "exact")]


def test_net_loan_flows_are_other_and_domestic_loan_kinds_and_liquidity_operations_are_no_claims():
    # C2: a net loan flow is `other`, not new lending
    assert _claims("Australia's net official borrowings rose to 2.1 billion dlrs in the fourth quarter.", "1987-05-01") == [
        ("other", "AUS", None, 2.1e9, "AUD", "exact")]
    # lending to students or farmers inside one country, and a central bank's market help, are none of the measures
    assert _claims("The U.S. government holds six billion dlrs in bad student loans, Smith said.", "1987-05-01") == []
    assert _claims("The Bank of England said it provided the market with 212 mln stg of assistance to ease a liquidity "
                   "shortage.", "1987-05-01") == []
    # spaCy splits "non-merchandise": that balance is the invisibles balance (`other`, C2), no trade balance
    assert _claims("Canada's non-merchandise deficit grew to 5.1 billion dlrs in 1986.", "1987-05-01") == [
        ("other", "CAN", None, -5.1e9, "CAD", "exact")]


def test_a_bare_shortfall_after_a_current_account_is_that_account():
    # C2: "the shortfall" refers back to the current account just reported; a named trade surplus stays a trade balance
    r = extract_text("Chile's current account deficit widened to 1.3 billion dlrs in 1986. The shortfall is expected to "
                     "reach 1.6 billion dlrs this year. Its trade surplus was 1.1 billion dlrs.", published="1987-05-01")
    assert [(c.measure, c.holder, c.value) for c in r.claims] == [
        ("other", "CHL", -1.3e9), ("other", "CHL", -1.6e9), ("trade_balance", "CHL", 1.1e9)]


def test_a_bond_issue_and_money_supply_growth_are_no_claims():
    # a "loan" with a coupon and an issue price is a security sold to investors; M-2 growth is no GDP growth
    assert _claims("Belgium's 7.5 pct, eight-year state loan raised 40 billion francs at an issue price of 100.25 pct.",
                   "1987-05-01") == []
    assert _claims("Malaysia's M-2 money supply rose 1.2 pct in March, bringing year-on-year growth to 8.5 pct.",
                   "1987-05-01") == []


def test_a_country_that_needs_investment_is_its_host_not_the_investor():
    # "needs", like "attracts", puts the host in the subject: no investor is named, so no claim (C7)
    assert _claims("Kenya will need about 2 billion dlrs of foreign investment to fund its five-year plan.", "1987-05-01") == []
    assert _claims("Kenya needs 2 billion dlrs of investment from Japan.", "1987-05-01") == [
        ("investment", "JPN", "KEN", 2e9, "USD", "exact")]


def test_two_parties_in_one_slot_are_not_borrower_and_lender():
    # C7: "in Bangladesh and Nepal" names two borrowers of one figure, not a borrower and its lender
    assert _claims("The Asian Development Bank said it approved two loans totalling 60 mln dlrs for irrigation projects in "
                   "Laos and Cambodia.", "1987-05-01") == []


def test_a_bare_number_after_a_volume_keeps_the_volume_not_the_currency():
    # "106.5 mln a year earlier" after "82.9 mln lbs" is pounds of oil, not dollars
    assert [c.unit for c in extract_text("Japan's exports rose to 2 billion dlrs. Its imports of palm oil totalled 61.2 "
                                         "mln lbs in May against 70.1 mln a year earlier.", published="1987-06-01").claims
            ] == ["USD"]


def test_seeking_to_do_something_does_not_make_the_investor_a_host():
    assert _claims("As Japanese investment in Brazil's car industry exceeds $4 billion, Japan seeks to deepen ties.",
                   "2018-05-01") == [("investment", "JPN", "BRA", 4e9, "USD", "over")]
    assert _claims("China needs to invest $5 billion in Peru to finish the port.", "2018-05-01") == [
        ("investment", "CHN", "PER", 5e9, "USD", "exact")]


def test_a_banks_own_books_are_no_claims():
    # bad-loan status, provisions and monthly bank balance sheets are a bank's books, not a country's borrowing
    assert _claims("Of its loans to Chile, 310 mln dlrs have been reported as nonaccrual, Chemical Bank said.", "1987-05-01") == []
    assert _claims("Total bank assets in New Zealand rose to 41.2 billion dlrs in March, while liabilities rose to "
                   "38.1 billion.", "1987-05-01") == []
