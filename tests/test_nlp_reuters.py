"""Extraction on real Reuters-21578 stories (read from ../shared, not shipped): the general mechanisms
behind the development scores, pinned on stories outside the annotated set."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from sphere.nlp.pipeline import extract_documents
from sphere.sources import read_inputs

STORIES = {
    "reut2-001.sgm": ["reuters-1952"],
    "reut2-004.sgm": ["reuters-4136", "reuters-4849"],
    "reut2-007.sgm": ["reuters-7029", "reuters-7087"],
    "reut2-009.sgm": ["reuters-9176"],
    "reut2-010.sgm": ["reuters-10332"],
    "reut2-012.sgm": ["reuters-12829", "reuters-12047", "reuters-12118", "reuters-12122"],
    "reut2-014.sgm": ["reuters-14331"],
    "reut2-017.sgm": ["reuters-17664"],
    "reut2-019.sgm": ["reuters-19017"],
}


@pytest.fixture(scope="module")
def results():
    wanted = {i for ids in STORIES.values() for i in ids}
    docs = []
    for name in STORIES:
        path = shared_path("corpora", "reuters21578", name)
        docs += [d for d in read_inputs([str(path)]) if getattr(d, "id", None) in wanted]
    return {r.id: r for r in extract_documents(docs)}


def claims(result):
    return {(c.measure, c.holder, c.counterpart, c.value, c.unit) for c in result.claims}


def events(result):
    return {(e.actor, e.action, e.target) for e in result.events}


def test_barter_pact_is_trade_and_mutual_agreement(results):
    r = results["reuters-7087"]  # JORDAN, SUDAN SIGN 100 MLN DLR BARTER TRADE PACT
    assert claims(r) == {("trade", "JOR", "SDN", 1e8, "USD")}
    assert events(r) == {("JOR", "AGREE", "SDN"), ("SDN", "AGREE", "JOR")}


def test_volumes_in_tonnes(results):
    r = results["reuters-10332"]  # THAI TIN EXPORTS FALL IN FEBRUARY
    assert claims(r) == {("exports", "THA", None, 1120.0, "tonnes")}


def test_nominal_imposition_of_tariffs(results):
    r = results["reuters-12047"]  # BAKER SEES NO TRADE WAR OVER TARIFFS
    assert events(r) == {("USA", "SANCTION", "JPN")}


def test_company_debt_is_not_a_country_claim(results):
    assert claims(results["reuters-12118"]) == set()  # WEATHERFORD INT'L GETS DEBT AGREEMENT


def test_sovereign_debt_rescheduling(results):
    r = results["reuters-12122"]  # NEW VENEZUELA DEBT INTEREST RATE GOES INTO EFFECT
    assert ("debt", "VEN", None, 20.3e9, "USD") in claims(r)
    assert all(c.holder == "VEN" for c in r.claims)


def test_budget_deficits_are_not_trade_balances(results):
    r = results["reuters-19017"]  # FALL IN CANADIAN BUDGET DEFICIT TO SLOW
    assert {c.measure for c in r.claims} == {"gdp"}


def test_pesos_are_the_holders_currency_and_monetary_surpluses_no_trade_balance(results):
    r = results["reuters-7029"]  # PHILIPPINES' LIQUIDITY RISES
    assert {c.unit for c in r.claims} == {"PHP"}
    assert "trade_balance" not in {c.measure for c in r.claims}


def test_each_of_coordinated_debtors_holds_its_own_debt(results):
    r = results["reuters-4136"]  # DRESDNER BANK UNIT SAYS NOT WORRIED ON BRAZIL DEBT
    debts = {c for c in claims(r) if c[0] == "debt"}
    # "Brazil and Mexico, each owing about 100 billion dlrs": two debtors, neither Mexico Brazil's lender
    assert {("debt", "BRA", None, 100e9, "USD"), ("debt", "MEX", None, 100e9, "USD")} <= debts
    assert not any(c[1] == "BRA" and c[2] == "MEX" for c in debts)


def test_buyers_awarding_supply_contracts_import(results):
    r = results["reuters-1952"]  # TAIWAN BUYS 60,000 TONNES OF U.S. MAIZE
    # "Taiwan's maize importers ... awarded contracts to two U.S. companies to supply ... 60,000 tonnes"
    assert ("exports", "USA", "TWN", 60000.0, "tonnes") in claims(r)
    assert not any(c.holder == "TWN" for c in r.claims)


def test_rescheduling_debtor_holds_the_debt(results):
    r = results["reuters-4849"]
    # "West Germany and Sierra Leone signed an agreement to reschedule 26 mln marks": Sierra Leone owes (C6)
    assert ("debt", "SLE", "DEU", 26e6, "DEM") in claims(r)
    assert not any(c.holder == "DEU" for c in r.claims)


def test_commercial_banks_foreign_assets_are_no_reserves(results):
    r = results["reuters-9176"]  # "Net foreign assets of Swiss banks rose ... to 71.2 billion francs"
    assert "reserves" not in {c.measure for c in r.claims}


def test_reserves_in_special_drawing_rights_are_the_countrys(results):
    r = results["reuters-12829"]  # CANADIAN FOREIGN RESERVES SURGE IN MONTH
    # "- special drawing rights 191.8 mln vs 188.6 mln": Canada's reserves held in the IMF's unit
    assert ("reserves", "CAN", None, 191.8e6, "USD") in claims(r)
    assert {c.holder for c in r.claims} == {"CAN"}


def test_provide_a_country_with_aid(results):
    r = results["reuters-17664"]  # "France is to provide Togo with 475 mln cfa francs of aid"
    assert ("aid", "FRA", "TGO", 475e6, "XOF") in claims(r)


def test_ecu_amounts_keep_their_currency(results):
    r = results["reuters-14331"]  # "difficulties in obtaining a 600 mln ECU loan from the European Community"
    assert ("loan", "YUG", "EU", 600e6, "XEU") in claims(r)
