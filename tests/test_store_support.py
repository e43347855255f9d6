"""Helpers for the store tests (no tests here): databases, a stub extractor, Reuters stories.

The stub extractor is a pure function of the text (one entity, claim, event and quote per article,
the claim's value the first number in the text), so store behaviour is tested without the spaCy
pipeline; `run_cli` runs the real `sphere` CLI in a subprocess with the stub in place.
"""

from __future__ import annotations

import os
import re
import sys
import time
import types
import uuid
from datetime import date as dt_date
from pathlib import Path

import pytest

from sphere.models import ArticleResult, Claim, Document, Entity, Event, Quote

PG_BASE = os.environ.get("SPHERE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STUB_VERSION = "stub-1"
TESTS = Path(__file__).parent
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def pg_reachable() -> str | None:
    """None when the test server answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_BASE.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: skip with the reason
        return f"PostgreSQL at {PG_BASE} unreachable: {exc}".splitlines()[0]


def make_pg_schema() -> tuple[str, str]:
    """A fresh schema on the test server; returns (schema, URL whose search_path is that schema)."""
    import psycopg

    schema = f"sphere_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_BASE.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema, f"{PG_BASE}?options=-csearch_path%3D{schema}"


def drop_pg_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_BASE.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A fresh, empty store: a SQLite file, or a schema of its own on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    reason = pg_reachable()
    if reason:
        pytest.skip(reason)
    schema, url = make_pg_schema()
    try:
        yield url
    finally:
        drop_pg_schema(schema)


@pytest.fixture
def session(store_url):
    from sphere.store.engine import connect, session_factory

    engine = connect(store_url)
    with session_factory(engine)() as s:
        yield s
    engine.dispose()


def stub_extract(doc: Document) -> ArticleResult:
    """One entity, claim, event and quote per article, from the first sentence; value = first number."""
    text = doc.text
    end = text.find(".") + 1 or len(text)
    number = _NUMBER.search(text)
    value = float(number.group().replace(",", "")) if number else 1.0
    sentence = text[:end]
    delay = float(os.environ.get("SPHERE_STUB_DELAY", "0"))
    if delay:
        time.sleep(delay)
    return ArticleResult(
        id=doc.id, title=doc.title, published=doc.published, url=doc.url, source=doc.source,
        extractor_version=os.environ.get("SPHERE_STUB_VERSION", STUB_VERSION),
        entities=[Entity(text=text[: min(4, end)], start=0, end=min(4, end), code="USA", kind="country",
                         name="United States")],
        claims=[Claim(measure="trade", holder="USA", counterpart="JPN", value=value, unit="USD", evidence=sentence,
                      start=0, end=end, year=1987)],
        events=[Event(actor="USA", action="ACCUSE", target="JPN", date=doc.published, evidence=sentence, start=0,
                      end=end)],
        quotes=[Quote(speaker=None, speaker_country=None, text=sentence, start=0, end=end)],
    )


def stub_extract_documents(docs, *, workers: int = 1, **_):
    start_at = float(os.environ.get("SPHERE_STUB_START_AT", "0"))  # lets racing processes start together
    if start_at > time.time():
        time.sleep(start_at - time.time())
    for doc in docs:
        yield stub_extract(doc)


def install_stub() -> None:
    """Make `sphere.nlp.pipeline` the stub (in this process)."""
    try:
        import sphere.nlp.pipeline as pipeline
    except Exception:  # the real pipeline is not needed for store tests
        pipeline = types.ModuleType("sphere.nlp.pipeline")
        sys.modules["sphere.nlp.pipeline"] = pipeline
    pipeline.extract_document = stub_extract
    pipeline.extract_documents = stub_extract_documents
    pipeline.EXTRACTOR_VERSION = os.environ.get("SPHERE_STUB_VERSION", STUB_VERSION)


def run_cli() -> None:
    """Entry point of subprocess tests: `python test_store_support.py ARGS...` is `sphere ARGS...` with the stub."""
    install_stub()
    from sphere.cli import app

    app(prog_name="sphere")


def cli_command(*args: str) -> list[str]:
    return [sys.executable, str(TESTS / "test_store_support.py"), *args]


def reuters_documents(limit: int | None = None, *, files: int = 22) -> list[Document]:
    """Reuters-21578 stories as Documents (skips the test when ../shared is absent)."""
    from conftest import shared_path

    folder = shared_path("corpora", "reuters21578")
    from sphere.sources import read_inputs

    paths = [str(folder / f"reut2-{i:03d}.sgm") for i in range(files)]
    docs = []
    for item in read_inputs(paths):
        if isinstance(item, Document):
            docs.append(item)
            if limit and len(docs) >= limit:
                break
    return docs


def doc(text: str, *, id: str = "d", source: str | None = "Wire", published=None, title=None, url=None) -> Document:  # noqa: A002
    return Document(id=id, text=text, source=source, published=published, title=title, url=url)


if __name__ == "__main__":
    sys.path.insert(0, str(TESTS.parent))
    run_cli()


_WORDS = {
    "who": ["The minister", "A spokesman", "The central bank", "The trade office", "An official", "The embassy"],
    "verb": ["said", "announced", "confirmed", "warned", "reported", "denied"],
    "what": ["new loans", "higher tariffs", "a port project", "talks on debt", "soybean exports", "rail links",
             "a currency swap", "mining rights", "fishing quotas", "power plants", "grain sales", "troop visits"],
    "where": ["Beijing", "Washington", "La Paz", "Brasilia", "Panama City", "Lima", "Quito", "Santiago"],
    "when": ["on Monday", "on Tuesday", "last week", "this month", "in March", "late on Friday"],
}


def synthetic_jsonl(path: Path, n: int, *, seed: int = 7) -> list[Document]:
    """`n` distinct English articles in a JSONL file (and as Documents), each about 120 words."""
    import json
    import random

    rng = random.Random(seed)
    docs = []
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            sentences = [
                f"{rng.choice(_WORDS['who'])} in {rng.choice(_WORDS['where'])} {rng.choice(_WORDS['verb'])} "
                f"{rng.choice(_WORDS['when'])} that {rng.choice(_WORDS['what'])} worth {rng.randint(1, 999)} "
                f"million dollars would follow {rng.choice(_WORDS['what'])}."
                for _ in range(8)
            ]
            record = {"id": f"syn-{i}", "text": f"Report {i}. " + " ".join(sentences), "title": f"Report {i}",
                      "published": f"2025-0{1 + i % 9}-1{i % 10}", "source": f"Outlet {i % 7}",
                      "url": f"https://outlet{i % 7}.example/{i}"}
            handle.write(json.dumps(record) + "\n")
            docs.append(Document(**{**record, "published": dt_date.fromisoformat(record["published"])},
                                 origin=f"{path}:{i + 1}"))
    return docs
