"""The analyst's path through the query commands, on a real store (bundled VOA stories + Reuters stories):
figures shown as what they are, never silently partial, never silently empty, entities once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sphere
from sphere.cli import app
from sphere.cli.figures import amount, figure, figure_parts
from sphere.cli.show import KEEP, flow
from sphere.errors import InputError, NotEnglish, UnknownCode
from sphere.knowledge.lookup import membership_phrase, resolve_party
from test_cli_support import DEMO, Store, cli_store  # noqa: F401


def run(*args: str, columns: int = 80):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


def as_json(store: Store, *args: str) -> list[dict]:
    result = run(*args, "--db", store.db, "--format", "json", "--all")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- 1. figures shown as what they are ------------------------------------------------------------------
def test_figures_in_words():
    assert figure(1.7e9, "USD", approx="over") == "over $1.7 bn"
    assert figure(7e10, "USD", relative_to="USA") == "$70 bn more than USA"
    assert figure(1e11, "USD", modality="threatened") == "$100 bn (threatened)"
    assert figure(100, "percent", modality="planned") == "100% (planned)"
    assert figure(1.6e9, "USD", value_max=1.75e9) == "$1.6 bn to $1.75 bn"
    parts = figure_parts(5.67e8, "USD", approx="about", modality="planned")
    assert parts == ["about", "$567 mn", "(planned)"]
    assert flow(" ".join(p.replace(" ", KEEP) for p in parts), 9) == "about\n$567 mn\n(planned)"
    assert [amount(9.5e5, "USD"), amount(3.5e6, "EUR"), amount(1.234e9, "CNY"), amount(1e4, "persons")] == [
        "$950,000", "€3.5 mn", "CN¥1.23 bn", "10,000 people"]


def test_claims_table_fits_80_columns_and_never_cuts_a_verdict(cli_store):  # noqa: F811
    claims = as_json(cli_store, "claims")
    table = run("claims", "--db", cli_store.db, "--all")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert max(map(len, lines)) <= 80 and "…" not in table.stdout
    verdicts = [line.split()[-1] for line in lines[2:] if line.split() and line.split()[-1] in (
        "consistent", "inconsistent", "unverifiable", "checked")]
    assert len(verdicts) == len(claims)  # one whole verdict word per claim, on its first line
    assert {c["verdict"] for c in claims} <= {"consistent", "inconsistent", "unverifiable"}
    assert all({"approx", "modality", "relative_to", "year", "source", "verdict"} <= set(c) for c in claims)


def test_json_keeps_exact_numbers_and_the_table_shows_human_units(cli_store):  # noqa: F811
    claims = as_json(cli_store, "claims", "--holder", "DJI", "--measure", "debt")
    db = sqlite3.connect(cli_store.db)
    stored = {(v, a) for v, a in db.execute(
        "SELECT value, approx FROM claims WHERE holder='DJI' AND measure='debt' AND current")}
    assert {(c["value"], c["approx"]) for c in claims} == stored and stored
    table = run("claims", "--db", cli_store.db, "--holder", "DJI", "--measure", "debt").stdout
    for c in claims:  # the amount in human units, never broken across lines
        assert amount(c["value"], c["unit"]) in table


def test_facts_carry_comparison_approximation_modality_sources_and_verdict(cli_store):  # noqa: F811
    facts = as_json(cli_store, "claims", "--facts")
    assert facts and all({"relative_to", "approx", "modality", "sources", "verdict"} <= set(f) for f in facts)
    planned = [f for f in facts if f["modality"] == "planned"]
    assert planned and all("(planned)" in run("claims", "--facts", "--db", cli_store.db, "--all").stdout
                           for _ in planned[:1])


# --- 2. never silently partial ----------------------------------------------------------------------------
def test_a_default_limit_says_how_many_more(cli_store):  # noqa: F811
    total = len(as_json(cli_store, "entities"))
    assert total > 100
    result = run("entities", "--db", cli_store.db, "--format", "json")
    assert len(json.loads(result.stdout)) == 100
    assert f"{total - 100} more (showing 100 of {total}); use --limit N or --all" in result.stderr
    limited = run("entities", "--db", cli_store.db, "--format", "csv", "--limit", "7")
    assert len(limited.stdout.splitlines()) == 8 and f"{total - 7} more" in limited.stderr
    assert f"{total} rows" in run("entities", "--db", cli_store.db, "--format", "json", "--all").stderr


# --- 3. never silently empty ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Djibouti", "djiboutian", "DJI", "dj", "Djiboutians"])
def test_country_filters_take_names_demonyms_and_codes(cli_store, name):  # noqa: F811
    expected = as_json(cli_store, "claims", "--holder", "DJI")
    assert expected and as_json(cli_store, "claims", "--holder", name) == expected


def test_unknown_country_suggests_the_closest(cli_store):  # noqa: F811
    result = run("claims", "--db", cli_store.db, "--holder", "Djibuti")
    assert result.exit_code == 2 and "'Djibuti' is not a country or group" in result.stderr
    assert "DJI (Djibouti)" in result.stderr
    with pytest.raises(UnknownCode, match="ambiguous: it may be COD"):
        resolve_party("Congolese")
    assert [resolve_party(n) for n in ("brics", "Belt and Road", "american", "us")] == ["BRICS", "BRI", "USA", "USA"]


@pytest.mark.parametrize("outlet", ["Voice of America", "voice of america", "VOICE", "voice of"])
def test_outlet_matches_in_any_case_by_prefix(cli_store, outlet):  # noqa: F811
    voa = as_json(cli_store, "articles", "--outlet", "Voice of America")
    assert len(voa) == 29 and as_json(cli_store, "articles", "--outlet", outlet) == voa


def test_reuters_outlet_as_the_readme_says(cli_store):  # noqa: F811
    if not cli_store.reuters:
        pytest.skip("needs the Reuters stories in ../shared/corpora")
    assert len(as_json(cli_store, "articles", "--outlet", "reuters", "--since", "1987-03-01")) == 6
    debts = as_json(cli_store, "claims", "--holder", "bolivian", "--measure", "debt")
    assert debts and {(c["holder"], c["measure"], c["outlet"]) for c in debts} == {("BOL", "debt", "Reuters")}


def test_text_is_literal(cli_store):  # noqa: F811
    every = as_json(cli_store, "claims")
    assert every  # as wildcards, % and _ would match every one of them
    assert [c["id"] for c in as_json(cli_store, "claims", "--text", "%")] == [
        c["id"] for c in every if "%" in c["evidence"]]
    assert as_json(cli_store, "claims", "--text", "_") == [c for c in every if "_" in c["evidence"]]


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path: Path):
    path = tmp_path / "typo.db"
    result = run("claims", "--db", str(path))
    assert result.exit_code == 3 and f"no store at {path}" in result.stderr and not path.exists()


# --- 6. entities once ---------------------------------------------------------------------------------------
def test_china_is_listed_once_with_its_forms(cli_store):  # noqa: F811
    china = [e for e in as_json(cli_store, "entities") if e["code"] == "CHN" and e["kind"] == "country"]
    assert len(china) == 1 and {"China", "Chinese", "Beijing"} <= set(china[0]["forms"])
    db = sqlite3.connect(cli_store.db)
    (mentions,) = db.execute("SELECT count(*) FROM entity_mentions WHERE code='CHN' AND current AND kind IN "
                             "('country', 'demonym', 'capital')").fetchone()
    assert china[0]["mentions"] == mentions


def test_memberships_in_words_and_only_begun_by_the_date():
    assert membership_phrase("PRC_RECOGNITION", "PRC") == "recognises the People's Republic of China (Beijing)"
    early = run("country", "PAN", "--as-of", "2017-05-31", columns=200).stdout
    late = run("country", "PAN", "--as-of", "2018-01-01", columns=200).stdout
    assert "Belt and Road" not in early and "Belt and Road Initiative member" in late
    assert "PRC_RECOGNITION" not in late and "recognises the People's Republic of China" in late


def test_refdata_update_install_hint_keeps_its_brackets(tmp_path: Path):
    pytest.importorskip("sphere.refdata.connectors")
    try:
        import wbgapi  # noqa: F401
    except ImportError:
        result = run("refdata", "update", "--source", "wdi", "--snapshot", str(tmp_path))
        assert result.exit_code == 2 and "pip install 'sphere[connectors]'" in result.stderr
    else:
        pytest.skip("wbgapi is installed: no install hint to show")


# --- 5. input read as a person would (library and ingest) -------------------------------------------------
def test_library_reads_published_like_the_readers_and_names_bad_input():
    text = "Bolivia owes China over $1.7 billion, according to World Bank data."
    for written in ("2025-02-20", "20 February 2025", "Thu, 20 Feb 2025 10:00:00 +0000", "2025/02/20"):
        result = sphere.extract(text, published=written)
        assert result.published.isoformat() == "2025-02-20" and result.language == "en"
    with pytest.raises(InputError, match="text: published 'not a date' is not a date"):
        sphere.extract(text, published="not a date")
    spanish = ("El gobierno de Bolivia anunció que la deuda con China supera los mil millones de dólares, según "
               "los datos del Banco Mundial, y que las inversiones de las empresas chinas son cada vez más grandes.")
    with pytest.raises(NotEnglish, match=r"not English \(looks like Spanish\)") as caught:
        sphere.extract(spanish, id="es-1")
    assert caught.value.language == "Spanish" and caught.value.item == "es-1"


def test_ingest_strict_fails_on_any_skip(tmp_path: Path):
    story = json.loads(DEMO.read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(story["text"], encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    lenient = run("ingest", str(tmp_path / "in"), "--db", db, "-q", "--no-verify")
    strict = run("ingest", str(tmp_path / "in"), "--db", db, "-q", "--no-verify", "--strict")
    assert lenient.exit_code == 0 and strict.exit_code == 1 and "empty.txt: empty text" in strict.stderr


@pytest.mark.parametrize("args", [("country", "BOL"), ("rank", "--region", "latam"), ("refdata", "list"),
                                  ("scenario", "tariff", "--imposer", "USA", "--targets", "BRICS", "--rate", "100")])
def test_analysis_tables_fit_80_columns_uncut(args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert max(map(len, result.stdout.splitlines())) <= 80 and "…" not in result.stdout


def test_an_empty_csv_answer_has_the_same_header(cli_store):  # noqa: F811
    full = run("claims", "--db", cli_store.db, "-f", "csv", "--limit", "1").stdout.splitlines()
    empty = run("claims", "--db", cli_store.db, "-f", "csv", "--year", "1066")
    assert empty.stdout.splitlines() == full[:1] and "0 rows" in empty.stderr
