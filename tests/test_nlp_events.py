"""Event extraction mechanisms: CAMEO lemma triggers, their review against SCHEMA.md, and the rows
written by hand (each must code the event of its own example sentence)."""

from __future__ import annotations

import json

import pytest
from tests.conftest import ROOT, shared_path

from sphere.models import ACTIONS
from sphere.nlp.entities import find_entities
from sphere.nlp.event_triggers import general_rows
from sphere.nlp.lexicon import load
from sphere.nlp.pipeline import extract_text


def _events(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(e.actor, e.action, e.target) for e in extract_text(text, published="2024-05-02").events}


@pytest.mark.parametrize(("lemma", "action", "example"), general_rows())
def test_each_hand_written_row_codes_its_example(lemma, action, example):
    events = _events(example)
    assert any(a == action for _, a, _ in events), (lemma, example, events)


def test_cameo_rows_carry_their_origin_and_known_types():
    lemmas = load("cameo_triggers")["lemmas"]
    assert len(lemmas) > 800
    for lemma, row in lemmas.items():
        assert row["origin"] == "general" or row["origin"].startswith("dictionary:CAMEO.2.0 "), lemma
        assert row["plover"] is None or row["plover"] in ACTIONS, lemma
        for p in row.get("patterns", []):
            assert p["plover"] is None or p["plover"] in ACTIONS, (lemma, p)


def test_review_follows_schema_conventions():
    lemmas = load("cameo_triggers")["lemmas"]
    assert lemmas["agree"]["plover"] == "AGREE"  # CAMEO 050 (SUPPORT); SCHEMA.md: agreeing is AGREE
    assert lemmas["withdraw"]["plover"] == "RETREAT"  # CAMEO 080 (CONCEDE); SCHEMA.md: material withdrawal
    assert lemmas["impose"]["plover"] == "SANCTION"  # CAMEO 170 (COERCE); SCHEMA.md: imposing tariffs
    assert {p["plover"] for p in lemmas["sign"]["patterns"]} - {None} == {"AGREE"}  # signing is AGREE
    assert not lemmas["face"].get("bare", False)  # CAMEO 040 'face' is no meeting by itself


def test_built_lexicon_matches_the_dictionary():
    """The committed cameo_triggers.json is what the builder makes from ../shared's dictionary."""
    shared = shared_path("refdata", "events", "petrarch2_dictionaries", "CAMEO.2.0.txt").parents[3]
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_cameo", ROOT / "scripts" / "build_cameo_triggers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = json.loads((ROOT / "src" / "sphere" / "nlp" / "data" / "cameo_triggers.json").read_text(encoding="utf-8"))
    assert module.build(shared) == committed


def test_verb_forms_not_listed_by_hand_are_matched_by_lemma():
    # 'castigate' and 'deport' come from the CAMEO dictionary, in any inflection
    assert _events("Germany castigated Turkey over the arrests.") == {("DEU", "ACCUSE", "TUR")}
    assert _events("Malaysia deports dozens of Chinese nationals.") == {("MYS", "COERCE", "CHN")}


def test_general_verbs_need_a_pattern():
    # CAMEO lists 'face' and 'increase' under consultation and cooperation; alone they code nothing
    assert _events("Mexico faces pressure from the United States over migration.") == set()
    assert _events("Brazil increased its exports to China.") == set()


def test_a_pledge_codes_the_pledge_not_what_is_pledged():
    events = _events("China pledged to deepen friendship with Laos and advance cooperation.")
    assert ("CHN", "AGREE", "LAO") in events
    assert all(a == "AGREE" for _, a, _ in events)


@pytest.mark.parametrize("row", load("said_content")["rows"], ids=lambda r: f"{r['slot']}-{r['plover']}")
def test_each_said_content_row_codes_its_example(row):
    events = _events(row["example"])
    assert any(a == row["plover"] for _, a, _ in events), (row["example"], events)


def test_reporting_verbs_alone_are_no_events():
    assert _events("Germany's economy minister said the Chinese delegation arrived on Monday.") == set()
    assert _events("Germany's economy minister said the Chinese subsidies were not unfair.") == set()


def test_signing_with_a_partner_is_joint_but_a_pledge_is_one_sided():
    assert _events("Brazil signed a trade accord with Argentina on Monday.") == {("BRA", "AGREE", "ARG"), ("ARG", "AGREE", "BRA")}
    assert ("ARG", "AGREE", "BRA") not in _events("Brazil pledged to build a railway for Argentina.")


def test_negation_and_modality():
    # SCHEMA C14: "would not" impose is a concession; refusing to exclude force threatens it
    assert _events("Lula said Brazil would not impose retaliatory tariffs on the United States.") == {("BRA", "CONCEDE", "USA")}
    assert _events("China refused to exclude military action against Taiwan.") == {("CHN", "THREATEN", "TWN")}


def test_announced_for_later_is_a_threat_until_in_force():
    # SCHEMA C5
    later = "Canada announced a 100% import tariff on electric vehicles made in China, effective from October 1st."
    assert _events(later) == {("CAN", "THREATEN", "CHN")}


def test_passive_financing_names_the_financier_in_its_by_or_from_phrase():
    # SCHEMA C6/C10: the financier acts toward the host, however the sentence is built
    assert _events("Kenya's new port at Lamu was built by Chinese contractors and financed by Japan.") == {
        ("CHN", "COOPERATE", "KEN"), ("JPN", "COOPERATE", "KEN")}
    assert _events("A dam in Uganda was financed with an interest-free loan from China.") == {("CHN", "AID", "UGA")}


def test_financing_told_by_the_receiver_makes_the_lender_act():
    # SCHEMA C6: the lender is the one named in "from", however the sentence is built
    assert _events("Laos borrowed money from China to build a stadium.") == {("CHN", "COOPERATE", "LAO")}
    assert _events("Kenya received a $2 billion grant from Japan.") == {("JPN", "AID", "KEN")}
    assert _events("Kenya received a delegation from Japan.") == set()


def test_naming_verbs_are_typed_by_what_the_object_is_called():
    assert _events("Washington has called Tokyo's rice policy an extreme example of protectionism.") == {("USA", "ACCUSE", "JPN")}


def test_a_visit_by_someone_is_a_meeting_with_the_host():
    events = _events("Panama quit the Belt and Road in February after a visit by U.S. Secretary of State Marco Rubio.")
    assert ("PAN", "CONSULT", "USA") in events


def test_what_is_demanded_or_owed_has_not_happened():
    # the demand is the event, not its content; "must cooperate" is no cooperation
    assert _events("China demanded that the United States cancel its arms sales to Taiwan.") == {("CHN", "REQUEST", "USA")}
    assert _events("France reminded Iraq that it must cooperate fully with the United Nations.") == set()


def test_failing_to_agree_is_no_agreement():
    events = _events("Israel and Egypt failed to reach agreement on the border on Sunday.")
    assert not {a for _, a, _ in events} & {"AGREE"}


def test_a_complaint_targets_whom_it_is_about_not_its_audience():
    assert _events("Lebanon complained to the United Nations over Israeli air raids.") == {("LBN", "ACCUSE", "ISR")}


def test_mobilizing_without_troops_is_no_mobilization():
    assert _events("Saudi Arabia has mobilized pressure groups in the United States.") == set()


def test_a_meeting_or_transfer_without_object_goes_to_the_one_other_country_in_the_sentence():
    events = _events("After Sri Lanka ran into trouble with its loans, China forgave debt.")
    assert events == {("CHN", "AID", "LKA")}
    # a group named as the place is not whom one meets
    assert _events("Wang Yi of China spoke during a meeting at the United Nations.") == set()


def test_every_coordinated_actor_acts():
    events = _events("Thailand, Laos, Sri Lanka and the Maldives have all voiced complaints about the loans from China.")
    assert events == {("THA", "ACCUSE", "CHN"), ("LAO", "ACCUSE", "CHN"), ("LKA", "ACCUSE", "CHN"), ("MDV", "ACCUSE", "CHN")}


def test_a_passive_agent_acts_on_the_subject():
    assert ("CHN", "ACCUSE", "JPN") in _events("Japan was criticized by China for the textbook revisions.")


def test_building_needs_something_built():
    assert _events("The United States is building on recent statements about Chinese overcapacity.") == set()


def test_possible_expected_or_conditional_acts_have_not_happened():
    assert _events("Malaysia might seek assistance from China to investigate the payment.") == set()
    assert _events("Egypt and the Soviet Union are expected to sign an agreement in Moscow next week.") == set()
    # the lending warned against has not happened; the warning itself urges the IMF (C11)
    assert _events("The United States cautioned the IMF against lending money to Pakistan.") == {("USA", "REQUEST", "IMF")}


def test_a_threat_played_down_is_not_the_subjects_threat():
    # playing it down is the officials' answer (CAMEO: a rejection), never their own threat
    assert _events("Peruvian officials played the threat from China down on Monday.") == {("PER", "REJECT", "CHN")}


def test_skipping_a_meeting_is_no_meeting():
    assert _events("Xi Jinping of China skipped the meeting with Russia.") == set()


def test_a_dictionary_object_pattern_beats_a_generic_gate():
    # 'raise' is gated on tariff words by hand; 'raise * CONCERNS' is a complaint (CAMEO-style pattern, general row)
    assert _events("U.S. senators raised concerns about Chinese lending.") == {("USA", "ACCUSE", "CHN")}


def test_telling_reporters_meets_no_one():
    assert _events("Geng Shuang of China told Reuters the visit to Zimbabwe was normal.") == set()


def test_nominal_aid_and_loans_name_both_sides():
    assert _events("The ministry said French aid to Gabon amounts to about 1.67 billion francs.") == {("FRA", "AID", "GAB")}
    assert _events("A loan from Japan to Laos financed the bridge.") == {("JPN", "COOPERATE", "LAO")}
    assert _events("Chinese investment in Africa rose.") == set()  # no coded receiver: a relationship, not an act


def test_supplying_arms_is_aid_not_mobilization():
    assert _events("The United States continued to send arms to Pakistan last year.") == {("USA", "AID", "PAK")}


def test_riots_are_dissent_whoever_riots_and_torture_needs_no_military_word():
    assert _events("Palestinian prisoners rioted on Monday at a jail in Israel.") == {("PSE", "PROTEST", "ISR")}
    assert ("GIN", "ASSAULT", "LBR") in _events("Security forces in Guinea have tortured scores of Liberian refugees.")


def test_an_announcement_prompted_by_another_act_is_the_announcers_threat():
    text = "Petro turned back two U.S. military planes, prompting Trump to announce 25% tariffs on Colombian goods."
    assert ("USA", "THREATEN", "COL") in _events(text)


def test_a_complaint_about_loans_a_country_issued_targets_that_country():
    text = "Lao officials expressed concern about the rates of other loans that China has issued to Laos."
    assert ("LAO", "ACCUSE", "CHN") in _events(text)


def test_not_hesitating_to_retaliate_is_a_threat():
    assert _events("The United States would not hesitate to retaliate against Germany.") == {("USA", "THREATEN", "DEU")}


def test_joint_openings_and_judgements():
    opened = "Chinese President Xi Jinping and Peruvian President Dina Boluarte opened the port of Chancay on Thursday."
    assert _events(opened) == {("CHN", "COOPERATE", "PER"), ("PER", "COOPERATE", "CHN")}
    assert _events("Colombian President Petro said he considered the U.S. position reasonable.") == {("COL", "SUPPORT", "USA")}


def test_a_qualified_plural_is_not_the_pair_last_seen():
    text = "China lent Sri Lanka money. Along with tighter coordination, African countries also need to invest in local firms."
    assert ("CHN", "COOPERATE", "LKA") in _events(text)
    assert ("LKA", "COOPERATE", "CHN") not in _events(text)


def test_no_plans_to_meet_declines_the_meeting():
    text = "Japan's farm minister said Japan has no plans to start trade talks with the United States over rice."
    assert _events(text) == {("JPN", "REJECT", "USA")}


def test_a_threat_or_pledge_codes_itself_not_its_content():
    assert _events("Iran threatened to shell Iraqi towns in retaliation for an air raid.") == {("IRN", "THREATEN", "IRQ")}
    assert ("ISR", "COOPERATE", "PSE") not in _events(
        "Israel and the Palestinians reached a consensus to exchange information on water resources.")


def test_joint_talks_are_between_the_parties_not_the_forum():
    assert _events("Japan and the United States are holding panel discussions under the WTO.") == {
        ("JPN", "CONSULT", "USA"), ("USA", "CONSULT", "JPN")}


def test_as_long_as_is_a_condition():
    text = "And as long as countries like Zambia are willing to work with China, U.S. grievances will not sway Beijing."
    assert ("ZMB", "AGREE", "CHN") not in _events(text)


def test_finalising_a_deal_agrees_and_finalising_rules_for_later_threatens():
    swap = "The United States finalized a $20 billion currency swap framework with Argentina."
    assert _events(swap) == {("USA", "AGREE", "ARG"), ("ARG", "AGREE", "USA")}
    # SCHEMA C5: rules finalised that take effect later are a threat until in force
    assert _events("Canada finalised rules on Chinese cars that take effect in January.") == {("CAN", "THREATEN", "CHN")}


def test_a_call_to_discuss_is_one_meeting_with_whom_it_is_held():
    text = "U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister Andrei Kozyrev to discuss peace in Yugoslavia."
    assert _events(text) == {("USA", "CONSULT", "RUS")}


def test_a_cancelled_visit_is_no_meeting():
    text = "A French minister has cancelled a planned visit to Haiti after a state of siege was declared."
    assert ("FRA", "CONSULT", "HTI") not in _events(text)


def test_precision_guards_seen_on_unannotated_reuters_stories():
    # a scheduled visit is a meeting (C9); being asked names no asker; agreeing with an opinion agrees on nothing;
    # telling reporters meets no one; "joined by" others is no membership
    assert _events("Prime Minister Yasuhiro Nakasone of Japan will make an official visit to the United States.") == {
        ("JPN", "CONSULT", "USA")}
    assert _events("Yugoslavia said it has been asked to take part in building a new Soviet airliner.") == set()
    assert _events("The three nations, joined by France, Britain and Canada, agree these policies are essential.") == set()
    assert _events("U.S.-Japanese talks of this kind are held each year, she told reporters.") == set()


def test_settling_a_debt_pays_it_and_trading_alone_is_no_event():
    assert _events("Pakistan may use the money to settle Chinese debts.") == set()
    assert _events("Many countries would use the port to trade directly with China.") == set()


def _documented_rows() -> list[tuple[str, str, list[list[str]]]]:
    """events.json keys written as rows with their origin, an example and the events it must give."""
    return [(key, row["example"], row["expect"]) for key, row in load("events").items()
            if isinstance(row, dict) and "origin" in row]


@pytest.mark.parametrize(("key", "example", "expect"), _documented_rows())
def test_each_documented_events_row_codes_its_example(key, example, expect):
    row = load("events")[key]
    assert row["origin"].startswith(("general", "dictionary")) or row["origin"].count("dev:") >= 2, key
    events = _events(example)
    assert {tuple(e) for e in expect} <= events, (key, events)
    assert not {tuple(e) for e in row.get("absent", [])} & events, (key, events)


def test_a_definite_description_needs_something_named_before_it():
    assert _events("The bloc condemned the U.S. tariffs.") == set()  # no group named yet
    assert _events("Brazil hosted the BRICS summit. The bloc condemned the U.S. tariffs.") == {("BRICS", "ACCUSE", "USA")}


def test_a_joint_subject_acts_toward_each_other_when_a_part_has_no_target_of_its_own():
    text = "Chinese Foreign Minister Wang Yi visited Islamabad. Both countries agreed to bring benefits directly to ordinary Pakistanis."
    assert {("CHN", "AGREE", "PAK"), ("PAK", "AGREE", "CHN")} <= _events(text)  # SCHEMA C3: "the two sides agreed"
    # each part of the subject with a target of its own keeps it; no pair between them is made up
    assert _events("Pakistan and China agreed to help Afghanistan rebuild its roads.") == {("PAK", "AGREE", "AFG"), ("CHN", "AGREE", "AFG")}


def test_what_is_demanded_or_threatened_holds_no_event_of_its_own():
    # the demanded act, its objects and what they contain are the content of the demand (SCHEMA C14)
    assert _events("China demanded that the United States cancel plans to sell weapons to Taiwan.") == {("CHN", "REQUEST", "USA")}
    assert _events("Russia threatened to stop negotiations with the United States on missiles.") == {("RUS", "THREATEN", "USA")}


def test_talks_that_only_qualify_another_noun_are_no_meeting():
    assert _events("Brazil criticised the lack of progress in the talks with Argentina.") == {("BRA", "ACCUSE", "ARG")}
    assert _events("Chile held talks with Peru on Monday.") == {("CHL", "CONSULT", "PER")}


def test_a_warning_of_retaliation_in_reported_speech_is_the_speakers_threat():
    # SCHEMA C14: a warning of coercive steps is a THREATEN by the speaker's side, toward whom it is aimed
    text = ("The European Community criticised the U.S. textile bill. Belgian Trade Minister Herman De Croo said if the bill "
            "passed, the community would retaliate by imposing taxes on U.S. exports.")
    # not the community's own threat: the minister warned
    assert _events(text) == {("EU", "ACCUSE", "USA"), ("BEL", "THREATEN", "USA")}
    assert _events("Brazilian President Lula said Brazil would retaliate against the United States.") == {("BRA", "THREATEN", "USA")}


def _key_origin_rows() -> list[tuple[str, dict]]:
    return sorted(load("events")["key_origins"]["rows"].items())


def test_every_events_key_records_its_origin_and_an_example():
    lex = load("events")
    documented = set(lex["key_origins"]["rows"]) | {k for k, v in lex.items() if isinstance(v, dict) and "origin" in v}
    assert set(lex) - documented == {"version", "about", "key_origins"}
    assert set(lex["key_origins"]["rows"]) <= set(lex)  # no origin for a key that is gone


@pytest.mark.parametrize(("key", "row"), _key_origin_rows())
def test_each_events_key_codes_its_example(key, row):
    assert row["origin"].startswith(("general", "dictionary")), key
    events = _events(row["example"])
    assert {tuple(e) for e in row["expect"]} <= events, (key, events)
    assert not {tuple(e) for e in row["absent"]} & events, (key, events)


def test_an_object_of_the_actors_own_side_is_no_reason_to_guess_a_foreign_target():
    # the letter went to U.S. officials: no meeting with China, whom the letter is about (an accusation)
    text = ("Earlier this month, 16 U.S. Senators sent a letter to U.S. Treasury Secretary Steven Mnuchin and Secretary of State "
            "Michael Pompeo raising concerns about Chinese lending tied to global infrastructure development.")
    assert _events(text) == {("USA", "ACCUSE", "CHN")}
    assert _events("Japan sent a letter to China on Monday.") == {("JPN", "CONSULT", "CHN")}  # the parser's dative "to"


def test_announced_plans_are_a_threat_or_a_promise_not_the_act():
    # SCHEMA C5: tariffs planned for later are THREATEN; C4: planned aid is AGREE, not AID
    assert _events("Yesterday, Washington announced plans to slap tariffs on Japanese imports.") == {("USA", "THREATEN", "JPN")}
    assert _events("Japan announced plans to provide aid to Nepal.") == {("JPN", "AGREE", "NPL")}


def test_a_union_named_after_a_group_is_not_taken_for_it():
    text = "The EU proposed farm reforms. Farm leader Raymond Lacombe said the union planned protests against the EU proposals."
    assert not any(actor == "EU" for actor, _, _ in _events(text))


def test_sanctions_under_consideration_are_a_threat():
    assert _events("Britain is considering how to retaliate against Japan.") == {("GBR", "THREATEN", "JPN")}  # SCHEMA C5
    assert _events("Mexico is preparing to impose tariffs on China.") == {("MEX", "THREATEN", "CHN")}


def test_a_warning_of_ones_own_coming_steps_is_a_threat_toward_whom_they_hit():
    assert _events("The United States warned that it would impose tariffs on Mexico.") == {("USA", "THREATEN", "MEX")}
    # others' acts in what is warned of are no threat of the speaker
    assert _events("Colombian business associations have warned that closer ties with Beijing could expose "
                   "the country to trade retaliation from the Trump administration.") == set()


def test_a_person_introduced_with_country_and_title_acts_for_it_when_named_again():
    text = ("Belgian Trade Minister Herman De Croo arrived in Washington on Monday. "
            "De Croo criticised the United States for its textile bill.")
    assert ("BEL", "ACCUSE", "USA") in _events(text)
    # the name is the capitalised words after the title, not the words that follow it
    people = find_entities("Indonesian Energy Minister Subroto said he would go. Subroto left.")
    assert [(e.text, e.code) for e in people if e.kind == "official"] == [("Subroto", "IDN"), ("Subroto", "IDN")]


def test_a_nominal_act_with_a_by_phrase_and_a_target_is_the_agents():
    assert _events("The loan was agreed during a visit to the United States by President Corazon Aquino.") == {("PHL", "CONSULT", "USA")}
    # with no target of its own, the visit was paid to the clause's subject
    events = _events("Chile changed its port rules in March after a visit by U.S. Secretary of State Marco Rubio.")
    assert {("CHL", "CONSULT", "USA"), ("USA", "CONSULT", "CHL")} & events  # a meeting is coded from either side


def test_talks_renewed_or_resumed_are_the_meeting_not_an_agreement():
    assert _events("Chile resumed talks with Peru.") == {("CHL", "CONSULT", "PER")}
    assert _events("Brazil rejected talks with Argentina.") == {("BRA", "REJECT", "ARG")}


def test_what_another_must_be_ready_to_do_is_the_speakers_demand_only():
    assert _events("Brazil's president said on Monday that the United States must be ready to mediate between Peru and Chile.") == {
        ("BRA", "REQUEST", "USA")}


def test_a_light_verb_leaves_the_event_to_its_noun_and_met_demands_are_no_meeting():
    assert _events("Peru has issued an ultimatum to Ecuador to halt attacks on its border posts.") == {("PER", "THREATEN", "ECU")}
    assert _events("A French minister has cancelled a planned visit to Haiti.") == {("FRA", "SANCTION", "HTI")}  # CAMEO 16x
    assert _events("Chile rejected the Peruvian plan until its demands are met.") == {("CHL", "REJECT", "PER")}


def test_what_a_party_is_accused_of_is_alleged_not_an_event_and_names_no_target():
    assert _events("China accused Japan of selling weapons to Taiwan.") == {("CHN", "ACCUSE", "JPN")}
    assert _events("Zimbabwe accused the United States of restoring blackmail in the negotiations on Namibia.") == {
        ("ZWE", "ACCUSE", "USA")}


def test_yielding_to_demands_is_a_concession_and_refusing_it_a_rejection():
    # CAMEO 08 (accede to demands) and 124x (refuse to yield)
    assert _events("Peru met Chile's demands on Monday.") == {("PER", "CONCEDE", "CHL")}
    assert _events("Brazil rejected Argentina's ultimatum on Monday.") == {("BRA", "REJECT", "ARG")}  # the verb's event only


def test_a_country_word_inside_a_firm_name_or_a_meeting_place_is_no_party():
    # Reuters-1987 sentences judged wrong in the 2026 precision sample: a firm named after a place, a venue
    firm = "Combustion Engineering Inc said its unit agreed in principle to acquire <E.C. Jordan and Co>."
    assert not any(e.code == "JOR" for e in find_entities(firm))
    assert _events(firm) == set()
    assert [e.code for e in find_entities("China Harbour Engineering Co signed a deal with Sri Lanka.")] == ["CHN", "LKA"]
    london = "El Salvador and Guatemala both backed Brazil at the London talks in resisting quotas."
    assert _events(london) == {("SLV", "SUPPORT", "BRA"), ("GTM", "SUPPORT", "BRA")}
    assert _events("China invested 2 billion dollars in Brazil.") == {("CHN", "COOPERATE", "BRA")}  # not a meeting's frame
    franc = "Sendi said he had negotiated a 69.7 mln French franc loan from the Banque Industrielle d'Afrique Oriental in Paris."
    assert [e.code for e in find_entities(franc)] == []  # a currency and a bank's seat, no French party


def test_talks_with_a_party_that_has_no_code_guess_no_other_partner():
    # silk-road-regained VOA story (2019-02-12), judged wrong in the 2026 precision sample: the Taliban were met, not Pakistan
    story = shared_path("corpora", "silk-road-regained",
                        "2019-02-12-voa-china-to-fund-installation-of-modern-facilities-at-pakistan-afghan-border-crossings.md")
    from sphere.nlp.pipeline import extract_document
    from sphere.sources import read_inputs

    doc = next(iter(read_inputs([str(story)])))
    events = {(e.actor, e.action, e.target) for e in extract_document(doc).events if e.evidence.startswith("US peace talks with Taliban")}
    assert ("USA", "CONSULT", "PAK") not in events


def test_plans_announced_with_an_adverbial_between_are_a_threat():
    # Reuters 1987, judged wrong in the 2026 precision sample (SANCTION and AGREE): "last week" moves the parse of "to slap"
    text = "Washington announced plans last week to slap up to 300 mln dlrs in tariffs on Japanese electronic goods."
    assert _events(text) == {("USA", "THREATEN", "JPN")}


def test_a_possibility_covers_the_verb_it_governs():
    # Reuters 1987, judged wrong in the 2026 precision sample (JPN RETREAT USA)
    assert _events("He expects some smaller Japanese automakers could be forced to withdraw from the U.S. market.") == set()


def test_advice_to_have_a_plan_is_no_act():
    # silk-road-regained VOA story (2019-02-12), judged wrong in the 2026 precision sample: a Chinese official's advice
    story = shared_path("corpora", "silk-road-regained",
                        "2019-02-12-voa-china-to-fund-installation-of-modern-facilities-at-pakistan-afghan-border-crossings.md")
    from sphere.nlp.pipeline import extract_document
    from sphere.sources import read_inputs

    doc = next(iter(read_inputs([str(story)])))
    advised = [e for e in extract_document(doc).events if "should have a plan to withdraw" in e.evidence]
    assert [(e.actor, e.action, e.target) for e in advised if e.action == "RETREAT"] == []


def test_improving_others_ties_is_not_the_actors_own_support():
    # silk-road-regained VOA story (2019-02-12), judged wrong in the 2026 precision sample (CHN SUPPORT PAK/AFG)
    text = "Beijing continues to help improve Islamabad's troubled ties with Kabul and encourage them to work for a settlement."
    assert not {e for e in _events(text) if e[1] == "SUPPORT"}
    assert ("CHN", "SUPPORT", "PAK") in _events("China improved its ties with Pakistan.")


def test_backing_away_concedes_and_turning_back_rejects():
    # CAMEO phrasal verbs: BACK AWAY is a concession like BACK DOWN (its "from" hangs on the particle in the parse);
    # "turned back two U.S. military planes" refuses them (latin-america dev story, Colombia 2025)
    assert ("JPN", "CONCEDE", "USA") in _events("Japan backed away from its threat against the United States.")
    assert _events("In January Colombia turned back two U.S. military planes carrying deported Colombians.") == {
        ("COL", "REJECT", "USA")}


def test_a_refused_verb_from_the_dictionary_is_no_act():
    # Reuters 1987 (dev reuters-8548): "declined to accept the plan" coded the CAMEO verb "accept" as an AGREE as well
    assert _events("Mexico declined to accept the plan proposed by the United States.") == {("MEX", "REJECT", "USA")}


def test_easing_tensions_between_others_is_mediation():
    # silk-road-regained VOA story (2019-02-12), judged wrong in the 2026 precision sample (CHN CONCEDE AFG)
    assert _events("China will help ease tensions between Pakistan and Afghanistan.") == set()
    text = "Pakistan and Afghanistan signed a trade deal on Monday. China will help ease tensions between the two countries."
    assert _events(text) == {("PAK", "AGREE", "AFG"), ("AFG", "AGREE", "PAK")}


def test_meeting_market_demand_yields_to_no_one():
    # Reuters 1987 gilts story, judged wrong in the 2026 precision sample (JPN CONCEDE USA); CAMEO 08 needs someone's demands
    text = ("Japanese, British and U.S. Securities houses have been expanding inventories of gilts to meet demand "
            "from investors seeking capital gains.")
    assert _events(text) == set()
    assert _events("Peru met the demand of Chile on Monday.") == {("PER", "CONCEDE", "CHL")}
