"""A corpus salted with bad items, through the real `sphere ingest`: everything good is stored with the date
a person would read, every bad item is named with its reason, and hostile but good items cost nothing.

The good items are real stories: the 29 bundled VOA stories (as text, Markdown, HTML, a JSON array with
"20 February 2025" dates and JSONL with RFC 2822, "2025/02/20" and ISO dates) and Reuters-21578 stories in
their own SGML; the bad ones are binary, huge, empty, broken encoding, non-English, a lone surrogate in a
title and a broken Reuters story (about 5% of the items).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import shared_path

from sphere.errors import InputError
from sphere.sources import read_inputs
from sphere.store.engine import connect
from sphere.store.schema import Article, ArticleSource, ClaimRow

DEMO = Path(__file__).resolve().parents[1] / "src" / "sphere" / "demo" / "data" / "voa_belt_and_road.jsonl"
SPHERE = str(Path(sys.executable).with_name("sphere"))
SPANISH = ("El gobierno de Bolivia firmó el martes un acuerdo con China para la construcción de una nueva carretera "
           "entre La Paz y Oruro, según informó el ministerio de obras públicas. El préstamo, de unos 500 millones "
           "de dólares, será pagado en veinte años, y las obras comenzarán el próximo año con empresas chinas.")
REUTERS_GOOD = 100


def voa() -> list[dict]:
    return [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]


def reuters_sgml(n: int) -> tuple[str, list[str]]:
    """The first stories of reut2-000.sgm up to the n-th with a body, and the ids of those with one."""
    text = shared_path("corpora", "reuters21578", "reut2-000.sgm").read_text(encoding="utf-8", errors="replace")
    stories = re.findall(r"<REUTERS\b.*?</REUTERS>", text, re.S)
    kept, ids, bodies = [], [], set()
    for story in stories:
        body = story.partition("<BODY>")[2]
        if body and body in bodies:
            continue  # the corpus repeats a few stories word for word: one copy, so each id is stored
        bodies.add(body)
        kept.append(story)
        if "<BODY>" in story:
            ids.append("reuters-" + re.search(r'NEWID="(\d+)"', story).group(1))
            if len(ids) == n:
                break
    return "\n".join(kept), ids


def salted_corpus(root: Path) -> tuple[dict[str, date | None], dict[str, str]]:
    """Write the corpus; returns the good ids with the date each must be read as, and each bad path's reason."""
    stories = voa()
    good: dict[str, date | None] = {}
    for k, s in enumerate(stories[:10]):
        published = date.fromisoformat(s["published"])
        if k < 4:
            (root / f"{s['id']}.txt").write_text(s["text"], encoding="utf-8")
            good[s["id"]] = None
        elif k < 7:
            (root / f"{s['id']}.md").write_text(f"---\ntitle: \"{s['title']}\"\ndate: {s['published']}\n---\n\n"
                                                + s["text"], encoding="utf-8")
            good[s["id"]] = published
        else:
            body = "".join(f"<p>{p}</p>" for p in s["text"].split("\n\n"))
            (root / f"{s['id']}.html").write_text(
                f"<html><head><title>{s['title']}</title></head><body><article><h1>{s['title']}</h1>{body}"
                "</article></body></html>", encoding="utf-8")
            good[s["id"]] = None  # no date in the page
    array = []
    for s in stories[10:20]:  # a JSON array file, dates as a person writes them
        d = date.fromisoformat(s["published"])
        array.append({**s, "published": f"{d.day} {d:%B %Y}"})
        good[s["id"]] = d
    (root / "array.json").write_text(json.dumps(array, ensure_ascii=False, indent=1), encoding="utf-8")
    forms = [lambda d: format_datetime(datetime(d.year, d.month, d.day, 9, 30, tzinfo=UTC)),
             lambda d: d.strftime("%Y/%m/%d"), lambda d: d.isoformat() + "T08:00:00Z"]
    lines = []
    for k, s in enumerate(stories[20:]):
        d = date.fromisoformat(s["published"])
        lines.append(json.dumps({**s, "published": forms[k % 3](d)}, ensure_ascii=False))
        good[s["id"]] = d
    bad: dict[str, str] = {}
    base = stories[0]["text"].split("\n\n")
    hostile = [  # good articles a careless reader would lose
        {"id": "rich-markup", "title": "Tariffs [/] and [bold]duties[/bold]", "published": "2025-01-10",
         "text": "China raised tariffs on American soybeans [/] to 25 percent, the ministry said on Monday."},
        {"id": "leap-day", "published": "2024-01-10",
         "text": "China said on 29 February that it would impose tariffs on the United States."},
        {"id": "huge-number", "published": "2025-01-10",
         "text": "China lent $" + "9" * 330 + " to Kenya, the lender said. " + base[1]},
    ]
    lines += [json.dumps(h, ensure_ascii=False) for h in hostile]
    good.update({"rich-markup": date(2025, 1, 10), "leap-day": date(2024, 1, 10), "huge-number": date(2025, 1, 10)})
    lines.append(json.dumps({"id": "surrogate", "title": "Talks \ud800 resumed", "text": base[2]}))
    bad[f"{root / 'records.jsonl'}:{len(lines)}"] = "title is not valid UTF-8 text (lone surrogate at offset 6)"
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    sgml, ids = reuters_sgml(REUTERS_GOOD)
    broken = '<REUTERS NEWID="99999">\n<DATE>1-MAR-1987</DATE><TEXT><TITLE>CUT OFF</TITLE><BODY>China said\n</REUTERS>'
    path = root / "reuters.sgm"
    path.write_text(sgml + "\n" + broken + "\n", encoding="utf-8")
    bad[f"{path}:{sgml.count(chr(10)) + 2}"] = "broken Reuters story (no </BODY>)"
    good.update(dict.fromkeys(ids))  # their dates are checked against the SGML below

    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    bad[str(root / "photo.txt")] = "binary file, not text"
    (root / "huge.txt").write_text(("China lent Kenya money. " * 130_000), encoding="utf-8")
    bad[str(root / "huge.txt")] = "text is 3.1 MB, over the 2 MB limit"
    (root / "empty.txt").write_text("", encoding="utf-8")
    bad[str(root / "empty.txt")] = "empty text"
    (root / "latin.txt").write_bytes("Beijing \u2014 ".encode() + b"\x81\x8d\x8f\x90\x9d" * 40)
    bad[str(root / "latin.txt")] = "not valid UTF-8 text (byte 0x81 at offset 12)"
    (root / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    bad[str(root / "spanish.txt")] = "not English (looks like Spanish)"
    return good, bad


@pytest.mark.shared
def test_salted_corpus_stores_every_good_item_and_names_every_bad_one(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good, bad = salted_corpus(corpus)
    assert 0.04 < len(bad) / (len(good) + len(bad)) < 0.07
    url = f"sqlite:///{tmp_path / 'salted.db'}"
    run = subprocess.run([SPHERE, "ingest", str(corpus), "--db", url, "--no-verify", "-q"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    skipped = dict(re.findall(r"^skipped (.+?): (.+)$", run.stderr, re.M))
    assert skipped == bad
    assert f"stored {len(good)} articles" in run.stderr
    # "$" and 39 nines overflows no float, but "$" and 330 digits does: the figure parser refuses it,
    # so the article is stored with its other claims and nothing infinite reaches the store
    assert "Infinity" not in run.stderr

    engine = connect(url)
    with engine.connect() as connection:
        stored = dict(connection.execute(select(ArticleSource.doc_id, ArticleSource.published)).all())
        titles = dict(connection.execute(select(ArticleSource.doc_id, ArticleSource.title)).all())
        values = list(connection.scalars(select(ClaimRow.value)))
        n_articles = len(list(connection.scalars(select(Article.id))))
    engine.dispose()
    reuters_dates = {d.id: d.published for d in read_inputs([str(corpus / "reuters.sgm")])
                     if not isinstance(d, InputError)}
    expected = {doc_id: reuters_dates.get(doc_id, day) for doc_id, day in good.items()}
    html = {s["id"] for s in voa()[7:10]}
    assert {k: v for k, v in stored.items() if k not in html} == {k: v for k, v in expected.items() if k not in html}
    assert html <= {Path(k).stem for k in stored} | set(stored)
    assert n_articles == len(good)
    assert titles["rich-markup"] == "Tariffs [/] and [bold]duties[/bold]"
    assert all(v == v and abs(v) != float("inf") for v in values)


def test_a_leap_day_before_the_publication_date_keeps_the_article(nlp):
    from sphere.models import Document
    from sphere.nlp.pipeline import extract_document

    result = extract_document(Document(id="leap", published=date(2024, 1, 10),
                                       text="China said on 29 February that it would impose tariffs on the United States."))
    assert [(e.actor, e.target, e.date) for e in result.events] == [("CHN", "USA", date(2024, 2, 29))]


SHORT = ["China lent Kenya $3.2 billion for the railway in 2014.",
         "The United States imposed tariffs of 25 percent on Chinese steel, the ministry said."]


def _time_limited(run_in_thread: bool) -> list:
    import threading

    from sphere.models import Document
    from sphere.scale.extract import extract_batch

    stories = "\n\n".join(s["text"] for s in voa())  # 138 kB of real stories, ten times over: 1.4 MB
    long_one = Document(id="all", origin="all-of-voa", text="\n\n".join([stories] * 10))
    batch = [Document(id="a", text=SHORT[0]), long_one, Document(id="b", text=SHORT[1])]
    out: list = []
    if run_in_thread:  # as in a Dask worker: the limit is raised in a thread that is not the main one
        thread = threading.Thread(target=lambda: out.extend(extract_batch(batch, 1.0)))
        thread.start()
        thread.join()
    else:
        out.extend(extract_batch(batch, 1.0))
    return out


def test_an_article_over_the_time_limit_costs_only_itself(nlp):
    """A 1.4 MB article takes several seconds, a sentence milliseconds: with a limit of 1 s per article the
    batch overruns, is run again article by article, and only the long one is lost, named."""
    from sphere.models import ArticleResult, Document
    from sphere.scale.extract import extract_batch

    expected = [r.claims for r in extract_batch([Document(id=k, text=t) for k, t in zip("ab", SHORT, strict=True)], None)]
    assert all(expected)
    for in_thread in (False, True):
        first, timed_out, second = _time_limited(in_thread)
        assert isinstance(first, ArticleResult) and isinstance(second, ArticleResult)
        assert [first.claims, second.claims] == expected
        assert (timed_out.item, timed_out.reason) == (
            "all-of-voa", "extraction took over 1 s (the time limit per article)")


@pytest.mark.parametrize(("kind", "data"), [
    ("text", "China lent Kenya money on Jan. 1, " * 12000),
    ("text", "\u201cChina said " * 16000),
    ("markdown", "---\ntitle: t\n---\n" + "<a " * 15000),
    ("markdown", "---\ntitle: t\n---\n" + "[a](" * 10000 + "{%" * 10000),
    ("reuters", '<REUTERS NEWID="1"><DATE>26-FEB-1987</DATE><BODY>' + "<REUTERS " * 5000 + "</BODY></REUTERS>"
                + "<REUTERS NEWID=\"2\"><BODY>" * 30000),
])
def test_tens_of_kilobytes_of_a_repeated_pattern_are_read_and_extracted_within_the_limit(nlp, kind, data):
    """Patterns whose searches were quadratic (20 s to minutes at these sizes) now take a fraction of the
    20 s limit per article: sentence ends after abbreviations, unclosed quotation marks, unclosed HTML tags
    in Markdown, unclosed Reuters stories."""
    from sphere.config import get_settings
    from sphere.scale.extract import extract_batch
    from sphere.sources import read_bytes

    items = list(read_bytes(data.encode(), stem="x", origin="x", settings=get_settings(), kind=kind))
    docs = [d for d in items if not isinstance(d, InputError)]
    results = extract_batch(docs, 20)
    assert [r for r in results if isinstance(r, InputError)] == []
