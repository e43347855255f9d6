"""What verification adds, as the CLI shows it: a claim's period and the other routes to its quantity,
membership events checked against the dated membership tables and stored with the event, and the data
year, staleness flag and left-out channels of scorecards, rankings and scenario rows.

Exact values come from the bundled VOA stories and the reference snapshot; the membership story is three
written sentences stating real events (Egypt joined BRICS on 1 January 2024; Italy left the Belt and Road
in 2023; Argentina declined to join BRICS, so the table has no row for it).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sphere.cli import app
from test_cli_queries import run
from test_cli_support import cli_store  # noqa: F401

MEMBERSHIP_STORY = {
    "id": "brics-1", "published": "2024-01-03", "title": "Egypt joins BRICS", "outlet": "Test Wire",
    "text": "CAIRO — Egypt joined the BRICS group as a full member on January 1, 2024, the foreign ministry "
            "said. Italy withdrew from the Belt and Road Initiative in December 2023, officials said. "
            "Argentina joined BRICS on January 1, 2024, the government said.",
}


DEBT_STORY = {
    "id": "djibouti-1", "published": "2018-10-15", "title": "Djibouti's debt", "outlet": "Test Wire",
    "text": "DJIBOUTI — China owns $1.4 billion of Djibouti's debt, according to official figures.",
}


@pytest.fixture(scope="module")
def membership_store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("members")
    source = folder / "members.jsonl"
    source.write_text(json.dumps(MEMBERSHIP_STORY) + "\n" + json.dumps(DEBT_STORY) + "\n", encoding="utf-8")
    db = str(folder / "store.db")
    result = run("ingest", str(source), "--db", db, "-q")
    assert result.exit_code == 0, result.output
    return db


def test_a_claim_shows_its_period_and_the_other_route_that_differs(membership_store):
    djibouti = [c for c in as_json_db(membership_store, "claims", "--holder", "DJI", "--measure", "debt")
                if c["unit"] == "USD"]
    assert [(c["value"], c["period"], c["verdict"]) for c in djibouti] == [(1.4e9, "stock", "inconsistent")]
    (other,) = djibouti[0]["routes"]
    assert (other["series"], other["year"], round(other["value"]), other["verdict"]) == (
        "ids_debt_china_bilateral", 2017, 1160525645, "unverifiable")
    table = run("claims", "--db", membership_store, "--holder", "DJI", "--measure", "debt").stdout
    row = next(line for line in table.splitlines() if "$1.4 bn" in line)
    assert "(stock)" in table and "inconsistent" in row.split()
    assert "other route for 2018-10-15 debt DJI→CHN (inconsistent)" in table
    assert "$1.16 bn in 2017 (unverifiable)" in " ".join(table.split())
    assert max(map(len, table.splitlines())) <= 80
    csv = run("claims", "--db", membership_store, "--holder", "DJI", "--measure", "debt", "-f", "csv").stdout
    header, *rows = csv.splitlines()
    assert {"period", "since", "routes"} <= set(header.split(",")) and any("ids_debt_china_bilateral" in r
                                                                         for r in rows)


def test_membership_events_are_verified_stored_and_shown(membership_store):
    events = {e["actor"]: e for e in as_json_db(membership_store, "events")}
    assert {code: (e["membership"], e["membership_verdict"]) for code, e in events.items()} == {
        "EGY": ("join", "consistent"), "ITA": ("leave", "consistent"), "ARG": ("join", "inconsistent")}
    assert events["ARG"]["membership_reason"] == "the BRICS table has no row for ARG: no record of joining"
    assert events["EGY"]["membership_source"].endswith(tuple("0123456789"))  # publisher and file:row
    table = run("events", "--db", membership_store).stdout
    assert max(map(len, table.splitlines())) <= 80
    rows = [line.split() for line in table.splitlines()[2:] if line[:4].isdigit()]
    shown = {r[1]: [w for w in r if w in ("consistent", "inconsistent", "unverifiable")] for r in rows}
    assert shown == {"ARG": ["inconsistent"], "EGY": ["consistent"], "ITA": ["consistent"]}


def as_json_db(db: str, *args: str) -> list[dict]:
    result = run(*args, "--db", db, "-f", "json", "--all")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_as_of_filters_memberships_in_the_scorecard_itself():
    from sphere.analysis.scorecard import scorecard
    from sphere.knowledge import load_knowledge
    from sphere.refdata import load_reference

    ref, knowledge = load_reference(), load_knowledge()
    before = scorecard("COL", ref=ref, knowledge=knowledge, as_of=date(2020, 1, 1))
    after = scorecard("COL", ref=ref, knowledge=knowledge, as_of=date(2025, 6, 1))
    assert {"BRI", "MNNA"} <= {m.group for m in after.memberships}
    assert not {"BRI", "MNNA"} & {m.group for m in before.memberships}
    card = json.loads(run("country", "COL", "--as-of", "2020-01-01", "-f", "json").stdout)
    assert "BRI" not in {m["group"] for m in card["memberships"]}


def test_scorecard_shows_each_channel_year_the_voting_block_and_stale_channels():
    text = run("country", "DMA", "--as-of", "2026-11-30", columns=200).stdout
    assert "UN voting (" in text
    assert "exports (2020 stale): left out: data from 2020, 6 years before 2026-11-30" in text
    assert "stale: exports: data from 2020, 6 years before 2026-11-30: left out (older than 5 years)" in text


def test_rank_and_scenario_rows_show_data_year_and_staleness():
    ranked = run("rank", "--region", "latam", "--as-of", "2026-11-30").stdout
    assert "data year" in ranked and max(map(len, ranked.splitlines())) <= 80
    assert "left out DMA: exports: data from 2020, 6 years before 2026-11-30" in " ".join(ranked.split())
    scenario = run("scenario", "tariff", "--targets", "ARE,BRA", "--on", "2026-11-30").stdout
    are = next(line for line in scenario.splitlines() if " ARE " in line)
    assert "2002 stale" in are
    assert "note ARE (2002 stale): latest exports to USA are from 2002, 24 years old" in " ".join(scenario.split())


def test_verify_file_prints_membership_verdicts(tmp_path: Path):
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps(MEMBERSHIP_STORY) + "\n", encoding="utf-8")
    extracted = CliRunner().invoke(app, ["extract", str(story), "-f", "json"])
    assert extracted.exit_code == 0, extracted.output
    path = tmp_path / "extracted.jsonl"
    path.write_text(extracted.stdout, encoding="utf-8")
    text = " ".join(run("verify", str(path), columns=200).stdout.split())
    assert "inconsistent membership ARG join BRICS (2024-01-01)" in text
    assert "consistent membership EGY join BRICS (2024-01-01)" in text


def test_verify_db_prints_the_stored_membership_verdicts(membership_store):
    result = run("verify", "--db", membership_store, "-f", "json")
    assert result.exit_code == 0, result.output
    members = [json.loads(line)["membership"] for line in result.stdout.splitlines() if '"membership"' in line]
    assert sorted((m["country"], m["verdict"]) for m in members) == [
        ("ARG", "inconsistent"), ("EGY", "consistent"), ("ITA", "consistent")]
