"""Every command line of the README's "Using it" block runs, as written, and gives a non-empty, plausible answer.

The store is built from the bundled VOA stories and a few Reuters stories (`test_cli_support.py`); store
commands get `--db` pointed at it (a PostgreSQL URL in the README becomes that SQLite file). The files the
first example names (story.txt, page.html, corpus.jsonl, feed.rss, corpus/) are made from the bundled
stories; the URL in it needs the network and is left out, and `sphere serve` (a server that runs until
stopped) is not run. Each command has a check of what a user should see; a README command without one fails.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sphere.cli import app
from test_cli_support import DEMO, Store, cli_store  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
STORE_COMMANDS = {"ingest", "claims", "events", "articles", "entities", "export", "stats", "reextract", "db",
                  "verify"}
EXEMPT = {"serve"}  # runs until stopped


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Using it\s+```sh\n(.*?)```", text, re.S)
    assert block, "README has no 'Using it' block"
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.startswith("sphere ")]


def _stories() -> list[dict]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()[:3]]


def make_inputs(cwd: Path) -> str:
    """story.txt, page.html, corpus.jsonl, feed.rss and corpus/ from the bundled stories; returns stdin text."""
    one, two, three = _stories()
    (cwd / "story.txt").write_text(one["text"], encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in two["text"].split("\n\n"))
    (cwd / "page.html").write_text(f"<html><head><title>{two['title']}</title></head><body><article>"
                                   f"{paragraphs}</article></body></html>", encoding="utf-8")
    (cwd / "corpus.jsonl").write_text(json.dumps(three) + "\n", encoding="utf-8")
    item = (f"<item><title>{one['title']}</title><pubDate>Sun, 18 Feb 2018 10:00:00 +0000</pubDate>"
            f"<description><![CDATA[{one['text']}]]></description></item>")
    (cwd / "feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Voice of America'
                                  f"</title>{item}</channel></rss>", encoding="utf-8")
    (cwd / "corpus").mkdir(exist_ok=True)
    for story in (one, three):
        (cwd / "corpus" / f"{story['id'][:40]}.txt").write_text(story["text"], encoding="utf-8")
    return two["text"]


def _rows(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


# command words -> check(stdout, stderr, cwd); each says what a user must see
CHECKS: dict[str, Callable[[str, str, Path], bool]] = {
    "extract": lambda out, err, cwd: "Claims" in out and "processed 5 articles" in err,
    "extract --format json": lambda out, err, cwd: all(
        {"id", "claims", "events"} <= set(json.loads(line)) for line in out.splitlines()) and len(
        out.splitlines()) == 2,
    "eval": lambda out, err, cwd: "claims by measure" in out and "events by action" in out,
    "ingest": lambda out, err, cwd: "stored" in err and "skipped" in err,
    "claims --holder": lambda out, err, cwd: "BOL→" in out and "debt" in out and "verdict" in out,
    "events": lambda out, err, cwd: "USA" in out and "THREATEN" in out and "JPN" in out,
    "articles": lambda out, err, cwd: out.count("Reuters") >= 3,
    "entities": lambda out, err, cwd: _rows(out)[0]["code"] == "CHN" and "Beijing" in _rows(out)[0]["forms"],
    "claims --facts": lambda out, err, cwd: "BRA→" in out and "debt" in out,
    "export": lambda out, err, cwd: (cwd / "dump" / "claims.parquet").exists() and "wrote" in err,
    "stats": lambda out, err, cwd: "articles" in out and "stories" in out,
    "reextract": lambda out, err, cwd: "re-extracted" in err,
    "db": lambda out, err, cwd: "is at" in err,
    "verify": lambda out, err, cwd: "claims verified" in err and "consistent" in out,
    "country": lambda out, err, cwd: "tilt index" in out and (cwd / "bol.png").stat().st_size > 1000,
    "rank": lambda out, err, cwd: "BOL" in out and "BRA" in out,
    "scenario": lambda out, err, cwd: "BRA" in out and "CHN" in out,
    "refdata": lambda out, err, cwd: "wdi_gdp" in out and "1990-2024" in out,
}
NEEDS_REUTERS = {"claims --holder", "events", "articles", "claims --facts"}


def check_for(words: list[str]) -> str:
    for size in (3, 2, 1):
        key = " ".join(words[:size])
        if key in CHECKS:
            return key
    raise AssertionError(f"README command `sphere {' '.join(words)}` has no check in this test")


def prepare(line: str, store: Store, cwd: Path) -> tuple[list[str], str | None]:
    """The arguments to run for a README line (URL left out, --db pointed at the store), and the file a
    `>` redirect names."""
    args = shlex.split(line)[1:]
    target = None
    if ">" in args:
        target = args[args.index(">") + 1]
        args = args[: args.index(">")]
    args = [a for a in args if not a.startswith(("http://", "https://"))]
    if "--db" in args:
        del args[args.index("--db"): args.index("--db") + 2]
    if args[0] in STORE_COMMANDS:
        args += ["--db", store.db]
    args = [str((ROOT / a).resolve()) if a.startswith("../") else a for a in args]
    return args, target


@pytest.mark.parametrize("line", [c for c in readme_commands() if c.split()[1] not in EXEMPT])
def test_readme_example(line, cli_store, tmp_path, monkeypatch):  # noqa: F811
    args, target = prepare(line, cli_store, tmp_path)
    key = check_for(args)
    if key in NEEDS_REUTERS and not cli_store.reuters:
        pytest.skip("needs the Reuters stories in ../shared/corpora")
    if args[0] == "eval" and not Path(args[1]).exists():
        pytest.skip(f"{args[1]} is absent (../shared is only beside the project in development and CI)")
    stdin = make_inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args, input=stdin)
    assert result.exit_code == 0, result.output + result.stderr
    out = result.stdout
    if target:
        (tmp_path / target).write_text(out, encoding="utf-8")
    assert out.strip() or result.stderr.strip(), "no answer at all"
    assert CHECKS[key](out, result.stderr, tmp_path), f"implausible answer to `{line}`:\n{out}\n{result.stderr}"


def test_every_readme_command_has_a_check():
    for line in readme_commands():
        words = shlex.split(line)[1:]
        if words[0] not in EXEMPT:
            check_for(words)
