"""The knowledge base: data consistency (codes, clashes, coverage) and exact lookups."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from sphere.errors import ConfigError, UnknownCode
from sphere.knowledge import INSTITUTION_KINDS, ROLES, load_knowledge, read_actors
from sphere.knowledge.petrarch import import_petrarch, parse_code, parse_date, write_actors

try:
    from tests.conftest import shared_path
except ModuleNotFoundError:  # tests/ is not a package when pytest runs from rootdir without it on sys.path
    from conftest import shared_path

G20 = (
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
)
BRICS_2025 = ("BRA", "RUS", "IND", "CHN", "ZAF", "EGY", "ETH", "IRN", "ARE", "IDN")
LAC = (
    "ATG",
    "ARG",
    "BHS",
    "BRB",
    "BLZ",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "CRI",
    "CUB",
    "DMA",
    "DOM",
    "ECU",
    "SLV",
    "GRD",
    "GTM",
    "GUY",
    "HTI",
    "HND",
    "JAM",
    "MEX",
    "NIC",
    "PAN",
    "PRY",
    "PER",
    "KNA",
    "LCA",
    "VCT",
    "SUR",
    "TTO",
    "URY",
    "VEN",
)
SCHEMA_GROUPS = (
    "BRICS",
    "BRI",
    "EU",
    "OPEC",
    "G7",
    "G20",
    "ASEAN",
    "MERCOSUR",
    "NATO",
    "UN",
    "WTO",
    "IMF",
    "WORLDBANK",
)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


# --- consistency of the data files ---------------------------------------------------------------
def test_codes_are_unique_and_groups_do_not_clash_with_countries(kb):
    assert not set(kb.countries) & set(kb.groups)
    assert set(SCHEMA_GROUPS) <= set(kb.groups)
    assert len(kb.countries) >= 249
    for code, country in kb.countries.items():
        assert country.code == code and len(code) == 3 and code.isupper()


def test_every_code_used_is_known(kb):
    used = [i.code for i in kb.institutions if i.code] + [o.code for o in kb.officials]
    used += [m[0] for g in kb.groups.values() for m in g.members]
    used += [a[0] for g in kb.groups.values() for a in g.associates]
    used += [c.successor for c in kb.countries.values() if c.successor]
    assert sorted({c for c in used if not kb.is_known(c)}) == []


def test_vocabularies_are_respected(kb):
    for c in kb.countries.values():
        assert set(c.regions) <= set(kb.regions), c.code
        assert set(c.ambiguous) <= set(c.aliases) | set(c.demonyms) | set(c.capitals), c.code
        assert c.currency is None or (len(c.currency) == 3 and c.currency.isupper())
    for g in kb.groups.values():
        assert set(g.ambiguous) <= set(g.aliases), g.code
    assert {i.kind for i in kb.institutions} <= set(INSTITUTION_KINDS)
    assert {o.role for o in kb.officials} <= set(ROLES)
    # every region and every role of the vocabulary is used somewhere
    assert {r for c in kb.countries.values() for r in c.regions} == set(kb.regions)
    assert {o.role for o in kb.officials} == set(ROLES)
    assert {i.kind for i in kb.institutions} == set(INSTITUTION_KINDS)


def test_no_surface_form_maps_to_two_codes_except_the_listed_ones(kb):
    codes: dict[str, set[str]] = defaultdict(set)
    for text, kind, key in kb.surface_forms():
        if kind in ("country", "demonym", "capital", "group"):
            codes[text].add(key)
    clashes = {text: cs for text, cs in codes.items() if len(cs) > 1}
    allowed = {form: set(cs) for form, cs, _ in kb.shared_forms}
    assert clashes == {form: cs for form, cs in allowed.items() if form in clashes}
    assert set(allowed) == set(clashes), "a listed exception no longer clashes: remove it"


def test_institution_terms_are_unique_and_fixed_codes_agree_with_places(kb):
    terms = [i.term for i in kb.institutions]
    assert len(terms) == len(set(terms))


def test_officials_rows_are_well_formed(kb):
    seen = set()
    for o in kb.officials:
        key = (o.name, o.code, o.role, o.start, o.end)
        assert key not in seen, key
        seen.add(key)
        assert o.start is None or o.end is None or o.start <= o.end, o
        assert o.name.strip() == o.name and o.name


def test_curated_file_is_large_and_separate_from_the_import(kb):
    curated = [o for o in kb.officials if o.source == "curated"]
    assert len(curated) >= 1000
    assert any(o.source == "petrarch2" for o in kb.officials)


@pytest.mark.parametrize("on", [date(2025, 2, 20), date(2016, 6, 1)])
def test_head_of_state_and_foreign_minister_in_office(kb, on):
    missing = []
    for code in sorted(set(G20) | set(BRICS_2025) | set(LAC)):
        for role in ("head_of_state", "foreign_minister"):
            if not any(
                o.code == code and o.role == role and o.source == "curated" and o.in_office(on)
                for o in kb.officials
            ):
                missing.append((code, role))
    assert missing == []


def test_head_of_government_in_parliamentary_g20(kb):
    for code in ("GBR", "CAN", "AUS", "JPN", "DEU", "ITA", "IND"):
        for on in (date(2016, 6, 1), date(2025, 2, 20)):
            assert any(
                o.code == code and o.role == "head_of_government" and o.in_office(on) for o in kb.officials
            )


# --- exact lookups ---------------------------------------------------------------------------------
def test_wang_yi(kb):
    first = kb.officials_named("Wang Yi", on=date(2025, 2, 20))[0]
    assert (first.code, first.role, first.start) == ("CHN", "foreign_minister", date(2023, 7, 25))
    earlier = kb.officials_named("Wang Yi", on=date(2018, 1, 1))[0]
    assert (earlier.start, earlier.end) == (date(2013, 3, 16), date(2022, 12, 30))


def test_rubio_petro_mulino_and_accents(kb):
    rubio = kb.officials_named("Marco Rubio", on=date(2025, 2, 20))[0]
    assert (rubio.code, rubio.role) == ("USA", "foreign_minister")
    assert kb.officials_named("Petro", on=date(2025, 2, 20))[0].code == "COL"
    for spelling in ("Jose Raul Mulino", "José Raúl Mulino", "Mulino"):
        mulino = kb.officials_named(spelling, on=date(2025, 2, 20))[0]
        assert (mulino.code, mulino.role) == ("PAN", "head_of_state")
    assert kb.officials_named("Lula", on=date(2025, 2, 20))[0].code == "BRA"
    sosa = kb.officials_named("Celinda Sosa", on=date(2025, 2, 20))[0]
    assert (sosa.code, sosa.role) == ("BOL", "foreign_minister")


def test_trump_terms_and_closest_term_first(kb):
    on_2019 = kb.officials_named("Donald Trump", on=date(2019, 5, 1))[0]
    assert (on_2019.start, on_2019.end) == (date(2017, 1, 20), date(2021, 1, 20))
    on_2023 = kb.officials_named("Donald Trump", on=date(2023, 5, 1))
    assert on_2023 and not any(o.in_office(date(2023, 5, 1)) for o in on_2023)
    assert kb.officials_named("Trump", on=date(2025, 3, 1))[0].start == date(2025, 1, 20)
    assert kb.officials_named("nobody at all") == []


def test_historic_officials(kb):
    thatcher = kb.officials_named("Margaret Thatcher", on=date(1987, 3, 1))[0]
    assert (thatcher.code, thatcher.role) == ("GBR", "head_of_government")
    assert kb.officials_named("Nakasone", on=date(1987, 3, 1))[0].code == "JPN"
    assert kb.officials_named("Alan Garcia", on=date(1987, 3, 1))[0].code == "PER"
    assert kb.officials_named("Gorbachev", on=date(1987, 3, 1))[0].code == "SUN"


@pytest.mark.parametrize(
    ("name", "on", "code", "role"),
    [
        ("Xi Jinping", date(2025, 1, 16), "CHN", "head_of_state"),
        ("Anura Kumara Dissanayake", date(2025, 1, 16), "LKA", "head_of_state"),
        ("Hosni Mubarak", date(1987, 3, 15), "EGY", "head_of_state"),
        ("Youssri Mustapha", date(1987, 3, 15), "EGY", "trade_minister"),
        ("David Lange", date(1987, 10, 19), "NZL", "head_of_government"),
        ("Leonel Figueroa", date(1987, 6, 2), "PER", "central_bank_governor"),
        ("Jake Sullivan", date(2024, 5, 15), "USA", "national_security_adviser"),
        ("Justin Trudeau", date(2024, 8, 28), "CAN", "head_of_government"),
        ("Pedro Sánchez", date(2025, 3, 1), "ESP", "head_of_government"),
    ],
)
def test_officials_resolved_on_the_date(kb, name, on, code, role):
    first = kb.officials_named(name, on=on)[0]
    assert (first.code, first.role) == (code, role)
    assert first.in_office(on)


def test_petrarch_open_terms_do_not_claim_office_today(kb):
    # Obama's PETRARCH entry is open ([USAGOV >090120]); the curated row wins and ends on 2017-01-20.
    assert not any(o.in_office(date(2025, 2, 20)) for o in kb.officials_named("Barack Obama"))


def test_code_names_and_unknown_codes(kb):
    assert kb.code_name("BOL") == "Bolivia"
    assert kb.code_name("BRICS") == "BRICS"
    assert kb.code_name("SUN") == "Soviet Union"
    assert kb.is_known("WORLDBANK") and not kb.is_known("XXX")
    with pytest.raises(UnknownCode) as err:
        kb.code_name("XXX")
    assert "BOL" in str(err.value) and err.value.valid is not None and "BRICS" in err.value.valid


def test_places_and_names(kb):
    assert "Beijing" in kb.countries["CHN"].capitals
    assert "Chinese" in kb.countries["CHN"].demonyms
    usa = kb.countries["USA"]
    assert {"United States", "U.S.", "US", "USA", "America", "United States of America"} <= set(usa.aliases)
    assert "us" not in usa.aliases
    assert {"Britain", "UK", "U.K.", "Great Britain", "United Kingdom"} <= set(kb.countries["GBR"].aliases)
    assert {"Ivory Coast", "Côte d'Ivoire"} <= set(kb.countries["CIV"].aliases)
    assert {"Holland", "the Netherlands"} <= set(kb.countries["NLD"].aliases)
    assert "West Germany" in kb.countries["DEU"].aliases
    assert "Soviet" in kb.countries["SUN"].demonyms
    assert {"Brasilia", "Brasília"} <= set(kb.countries["BRA"].capitals)
    assert "La Paz" in kb.countries["BOL"].capitals
    assert (usa.currency, usa.dollar) == ("USD", True)
    assert (kb.countries["CHN"].currency, kb.countries["CHN"].dollar) == ("CNY", False)
    assert kb.countries["FJI"].dollar and "Fijian" in kb.countries["FJI"].demonyms
    assert "Georgia" in kb.countries["GEO"].ambiguous


def test_regions(kb):
    latam = kb.region_members("latam")
    assert set(LAC) <= set(latam) and "USA" not in latam
    assert "USA" in kb.region_members("north_america")
    with pytest.raises(ConfigError) as err:
        kb.region_members("mars")
    assert "latam" in str(err.value)


def test_group_members(kb):
    on = date(2025, 2, 20)
    brics = kb.members_of("BRICS", on)
    # the curated CSV: Bolivia is a partner (2025-01-01), Indonesia a member (2025-01-06), Saudi Arabia unconfirmed
    assert "IDN" in brics and "BOL" not in brics and "SAU" not in brics
    assert set(BRICS_2025) == set(brics)
    assert ("BOL", "partner", date(2025, 1, 1)) in kb.groups["BRICS"].associates
    assert "IDN" not in kb.members_of("BRICS", date(2024, 12, 1))
    assert "GBR" in kb.members_of("EU", date(2019, 1, 1)) and "GBR" not in kb.members_of("EU", on)
    assert "PAN" in kb.members_of("BRI", date(2024, 1, 1)) and "PAN" not in kb.members_of(
        "BRI", date(2025, 6, 1)
    )
    assert "ITA" not in kb.members_of("BRI")
    assert kb.members_of("G7") == sorted(["USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN"])
    assert "BOL" in kb.members_of("MERCOSUR", on) and "VEN" not in kb.members_of("MERCOSUR", on)
    assert "QAT" not in kb.members_of("OPEC", on) and "QAT" in kb.members_of("OPEC", date(2015, 1, 1))
    with pytest.raises(UnknownCode):
        kb.members_of("XXX")


def test_code_of_the_time(kb):
    assert kb.code_of_the_time("RUS", date(1987, 3, 1)) == "SUN"
    assert kb.code_of_the_time("RUS", date(2025, 3, 1)) == "RUS"
    assert kb.code_of_the_time("BOL", date(1987, 3, 1)) == "BOL"


def test_surface_forms(kb):
    forms = set(kb.surface_forms())
    assert ("Beijing", "capital", "CHN") in forms
    assert ("Belt and Road", "group", "BRI") in forms
    assert ("Pentagon", "institution", "Pentagon") in forms
    assert kb.institution("Pentagon").code == "USA" and kb.institution("Foreign Ministry").code is None
    assert kb.institution("Sinopec").kind == "state_firm" and kb.institution("nothing") is None
    assert ("Wang Yi", "official", "Wang Yi") in forms
    assert ("Petro", "official_short", "Gustavo Petro") in forms
    assert ("Community", "group", "EU") not in forms
    assert not any(kind == "official_short" and text in ("Colombo", "Jordan") for text, kind, _ in forms)
    assert len(forms) == len(kb.surface_forms())


def test_load_is_cached():
    assert load_knowledge() is load_knowledge()


# --- the PETRARCH importer -------------------------------------------------------------------------
def test_parse_dates_and_codes():
    assert parse_date("060122") == date(2006, 1, 22)
    assert parse_date("331108") == date(1933, 11, 8)
    assert parse_date("20121115") == date(2012, 11, 15)
    assert parse_code("CHNGOV >20121115") == ("CHNGOV", date(2012, 11, 15), None)
    assert parse_code("IRQ <20030320") == ("IRQ", None, date(2003, 3, 20))
    assert parse_code("GBRGOV 790504-901128") == ("GBRGOV", date(1979, 5, 4), date(1990, 11, 28))
    assert parse_code("ELI") == ("ELI", None, None)  # a role-only code: parsed, then left out (no country)
    assert parse_code("---") is None
    with pytest.raises(ValueError):
        parse_date("1987")


def test_import_small_dictionary(tmp_path):
    src = tmp_path / "tiny.actors.txt"
    src.write_text(
        "# comment\nEVO_MORALES_  # CountryInfo.txt\n+PRESIDENT_EVO_MORALES\n\t[BOLELI 770101-000101]\n"
        "\t[BOLGOV >060122]\n\t[BOLELI]\nUN_SECRETARY_GENERAL_ [IGOUNO]\nTRYGVE_LIE_\t[IGOUNO 460201-521110] [ELI]\n"
        "BOLIVIA_ [BOL]\nHEALTH_MINISTER_X_\n\t[BOLGOVHLH 100101-110101]\n",
        encoding="utf-8",
    )
    rows = import_petrarch(src)
    assert [(o.name, o.code, o.role, o.start, o.end, o.short) for o in rows] == [
        ("Evo Morales", "BOL", "head_of_state", date(2006, 1, 22), None, "Morales"),
        ("Trygve Lie", "UN", "other", date(1946, 2, 1), date(1952, 11, 10), "Lie"),
    ]
    out = tmp_path / "out.csv"
    assert write_actors(rows, out, header={"version": "t", "as_of": "2014-01-30"}) == 2
    back, meta = read_actors(out.read_text(encoding="utf-8"))
    assert meta["as_of"] == "2014-01-30"
    assert [(o.name, o.code, o.start) for o in back] == [
        ("Evo Morales", "BOL", date(2006, 1, 22)),
        ("Trygve Lie", "UN", date(1946, 2, 1)),
    ]
    assert back[0].in_office(date(2010, 1, 1)) and not back[0].in_office(date(2020, 1, 1))


@pytest.mark.shared
def test_import_real_phoenix_dictionary():
    path = shared_path("refdata", "events", "petrarch2_dictionaries", "Phoenix.Countries.actors.txt")
    assert "XI_JINPING\n+PRESIDENT_XI_JINPING\n\t[CHNGOV >20121115]" in path.read_text(encoding="utf-8")
    rows = import_petrarch(path)
    xi = [o for o in rows if o.name == "Xi Jinping" and o.start == date(2012, 11, 15)]
    assert len(xi) == 1 and xi[0].code == "CHN" and xi[0].end is None
    thatcher = [o for o in rows if o.name == "Margaret Thatcher"]
    assert [(o.code, o.start, o.end) for o in thatcher] == [("GBR", date(1979, 5, 4), date(1990, 11, 28))]
    assert len(rows) > 10000


def test_state_contractors_and_policy_banks_act_for_their_state(kb):
    """The big SOE contractors, policy banks and export-credit agencies fix their country (SOURCES.md)."""
    for term, code, kind in [("China Road and Bridge Corporation", "CHN", "state_firm"), ("CRCC", "CHN", "state_firm"),
                             ("Sinosure", "CHN", "bank"), ("Agricultural Development Bank of China", "CHN", "bank"),
                             ("China Investment Corporation", "CHN", "bank"), ("Korea Eximbank", "KOR", "bank"),
                             ("KfW", "DEU", "bank"), ("JICA", "JPN", "agency")]:
        inst = kb.institution(term)
        assert inst is not None and (inst.code, inst.kind) == (code, kind), term
