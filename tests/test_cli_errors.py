"""Every `sphere` command, given bad arguments, answers with one line naming the item and the reason and a
non-zero exit code: never a traceback, never an exception escaping to the user.

The walk covers every registered command (a test fails when a new command has no bad-argument case here).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sphere.cli import app

runner = CliRunner()
MISSING = "/nonexistent-sphere-dir/none.db"
UNWRITABLE = "/proc/sphere-cannot-write-here"


def _commands(typer_app: typer.Typer, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    out = set()
    for cmd in typer_app.registered_commands:
        out.add((*prefix, cmd.name or cmd.callback.__name__.replace("_", "-")))
    for group in typer_app.registered_groups:
        out |= _commands(group.typer_instance, (*prefix, group.name))
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    """An empty store, a binary file, malformed JSON lines, a record with a date that is none."""
    tmp = tmp_path_factory.mktemp("bad")
    db = str(tmp / "empty.db")
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    (tmp / "binary.jsonl").write_bytes(b"\x00\x01\xff\xfe" * 64)
    (tmp / "malformed.jsonl").write_text('{"id": "a", "text": \n', encoding="utf-8")
    (tmp / "baddate.jsonl").write_text(json.dumps({"id": "a", "text": "China lent Bolivia $1 billion.",
                                                   "published": "yesterday"}) + "\n", encoding="utf-8")
    return {"db": db, "dir": str(tmp), **{k: str(tmp / f"{k}.jsonl") for k in ("binary", "malformed", "baddate")}}


# (command words, arguments, a part of the message the user must see)
CASES: list[tuple[tuple[str, ...], list[str], str]] = [
    (("extract",), ["--published", "someday", "x.txt"], "--published 'someday' is not a date"),
    (("extract",), ["--format", "xml", "x.txt"], "valid: json, text"),
    (("extract",), ["--workers", "0", "x.txt"], "--workers"),
    (("eval",), ["{binary}"], "binary"),
    (("eval",), ["{malformed}"], "malformed.jsonl:1: not valid JSON"),
    (("eval",), ["{baddate}"], "baddate.jsonl: malformed annotated article"),
    (("eval",), ["{dir}"], "directory"),
    (("eval",), [MISSING], "no such file"),
    (("demo",), ["--format", "xml"], "valid: json, text"),
    (("ingest",), ["x.txt", "--db", f"{UNWRITABLE}/s.db"], UNWRITABLE),
    (("ingest",), ["x.txt", "--db", "{db}", "--batch-size", "0"], "--batch-size"),
    (("claims",), ["--db", MISSING], f"no store at {MISSING}"),
    (("claims",), ["--db", "{db}", "--holder", "Narnia"], "holder 'Narnia' is not a country or group"),
    (("claims",), ["--db", "{db}", "--country", "Bolivai"], "BOL (Bolivia)"),
    (("claims",), ["--db", "{db}", "--measure", "debts"], "valid: aid, debt"),
    (("claims",), ["--db", "{db}", "--since", "someday"], "--since 'someday' is not a date"),
    (("claims",), ["--db", "{db}", "--limit", "5", "--all"], "--limit and --all"),
    (("claims",), ["--db", "{db}", "--limit", "0"], "--limit"),
    (("claims",), ["--db", "{db}", "--facts", "--outlet", "Reuters"], "--outlet cannot be used with --facts"),
    (("claims",), ["--db", "postgresql+psycopg://127.0.0.1:9/none"], "cannot use the database"),
    (("events",), ["--db", "{db}", "--action", "HUG"], "unknown action 'HUG'"),
    (("events",), ["--db", "{db}", "--actor", "Congolese"], "ambiguous"),
    (("articles",), ["--db", "{db}", "--format", "xml"], "unknown format 'xml'"),
    (("articles",), ["--db", MISSING], "no store at"),
    (("entities",), ["--db", "{db}", "--kind", "planet"], "unknown kind 'planet'"),
    (("export",), ["--db", "{db}", "--out", f"{UNWRITABLE}/out"], UNWRITABLE),
    (("export",), ["--db", "{db}", "--out", "{dir}/x", "--format", "xls"], "unknown format 'xls'"),
    (("stats",), ["--db", MISSING], "no store at"),
    (("reextract",), ["--db", MISSING], "no store at"),
    (("db", "upgrade"), ["--db", f"{UNWRITABLE}/s.db"], UNWRITABLE),
    (("db", "current"), ["--db", MISSING], "no store at"),
    (("refdata", "list"), ["--format", "xml"], "unknown format 'xml'"),
    (("refdata", "update"), ["--source", "bea"], "comtrade"),
    (("refdata", "load"), ["--db", f"{UNWRITABLE}/s.db"], UNWRITABLE),
    (("verify",), ["{binary}"], "binary.jsonl"),
    (("verify",), [MISSING], "none.db"),
    (("verify",), ["--format", "xml"], "unknown format 'xml'"),
    (("country",), ["XXX"], "unknown country code 'XXX'"),
    (("country",), ["BOL", "--as-of", "someday"], "--as-of 'someday' is not a date"),
    (("country",), ["BOL", "--plot", f"{UNWRITABLE}/bol.png"], UNWRITABLE),
    (("country",), ["BOL", "--db", MISSING], "no store at"),
    (("rank",), ["--region", "mars"], "unknown region or group 'mars'"),
    (("rank",), ["--plot", f"{UNWRITABLE}/r.svg"], UNWRITABLE),
    (("scenario", "tariff"), ["--imposer", "FRA"], "FRA"),
    (("scenario", "tariff"), ["--targets", "Narnia"], "Narnia"),
    (("scenario", "tariff"), ["--on", "someday"], "--on 'someday' is not a date"),
    (("serve",), ["--port", "0"], "--port"),
]


def test_every_command_has_a_bad_argument_case():
    assert _commands(app) - {words for words, _, _ in CASES} == set()


@pytest.mark.parametrize(("words", "args", "expected"), CASES, ids=[" ".join((*w, *a))[:60] for w, a, _ in CASES])
def test_bad_arguments_give_one_line_and_no_traceback(files, words, args, expected):
    result = runner.invoke(app, [*words, *(a.format(**files) for a in args)], env={"COLUMNS": "200"})
    shown = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code not in (0, None), shown
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in shown
    assert expected.format(**files) in shown, shown


def test_a_literal_path_with_brackets_is_not_markup(tmp_path: Path):
    odd = tmp_path / "[red]x[bold].jsonl"
    odd.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["eval", str(odd)])
    assert result.exit_code == 2 and "[red]x[bold].jsonl" in result.stderr
