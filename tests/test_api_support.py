"""Helpers for the API and browser tests (no tests here): real stored VOA stories on SQLite or on the
PostgreSQL test server, an app over them, and a live uvicorn server on a free loopback port."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator

import pytest

from sphere.models import ArticleResult, Document

TOKEN = "test-token-9f2c"
STORIES = (2, 18, 28)  # Tillerson on Africa, Zambia's borrowing, Uganda's Isimba dam: claims and events
# Paragraphs of the README's headline example, as a story would print them.
BOLIVIA = ("Bolivia owes China over $1.7 billion, according to World Bank data. "
           "Trump threatened BRICS members with a 100% tariff. Panama will not renew its Belt and Road membership.")
SCRIPT = "<script>window.pwned = 1</script>"


@dataclasses.dataclass
class Store:
    url: str
    docs: list[Document]
    article_ids: dict[str, int]  # document id -> stored article id


def voa_documents() -> list[Document]:
    from sphere.demo import bundled_documents

    docs = list(bundled_documents())
    picked = [docs[i] for i in STORIES]
    dam = picked[-1]
    # The same Uganda text carried by a second outlet (one more source), and a trimmed copy (one more
    # article of the same story, as wire copy republished with a cut is).
    again = dam.model_copy(update={"id": "dam-again", "source": "Wire Copy", "title": "Uganda opens dam"})
    cut = dam.model_copy(update={"id": "dam-cut", "source": "Daily Reprint",
                                 "text": dam.text[: int(len(dam.text) * 0.9)].rsplit(".", 1)[0] + "."})
    return [*picked, again, cut]


@pytest.fixture(scope="session")
def voa_results() -> dict[str, ArticleResult]:
    """The bundled stories extracted once with the real pipeline."""
    from sphere.nlp.pipeline import extract_documents

    docs = voa_documents()
    results = [r for r in extract_documents(docs) if isinstance(r, ArticleResult)]
    return {d.id: r for d, r in zip(docs, results, strict=True)}


def fill(url: str, results: dict[str, ArticleResult]) -> Store:
    """A store at `url` with the stories ingested (real results, real verification)."""
    from sqlalchemy import select

    from sphere.store.engine import connect, session_factory
    from sphere.store.ingest import ingest_documents
    from sphere.store.schema import Article, ArticleSource

    docs = voa_documents()
    engine = connect(url)
    try:
        with session_factory(engine)() as session:
            ingest_documents(docs, session=session, extract=lambda d: results[d.id])
            ids = dict(session.execute(select(ArticleSource.doc_id, ArticleSource.article_id)).all())
            assert session.scalar(select(Article.id).limit(1)) is not None
    finally:
        engine.dispose()
    return Store(url=url, docs=docs, article_ids=ids)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api_store(request, tmp_path_factory, voa_results) -> Iterator[Store]:
    """The stories in a fresh SQLite file, or in a schema of their own on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield fill(f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}", voa_results)
        return
    from test_store_support import drop_pg_schema, make_pg_schema, pg_reachable

    reason = pg_reachable()
    if reason:
        pytest.skip(reason)
    schema, url = make_pg_schema()
    try:
        yield fill(url, voa_results)
    finally:
        drop_pg_schema(schema)


def make_app(url: str, **config):  # type: ignore[no-untyped-def]
    from sphere.api import ApiConfig, create_app

    return create_app(ApiConfig(db=url, **{"token": TOKEN, **config}))


class LiveServer:
    """uvicorn serving `app` on 127.0.0.1 in a thread, on a port the OS picks; stopped by `stop()`."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
