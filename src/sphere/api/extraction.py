"""`POST /api/extract` and the paste page: one article in (text, an uploaded file or a URL), what sphere
reads in it and what checks out against the snapshot out, stored only when asked.

Input goes through the same readers and checks as the CLI (`sphere.sources`: decoding, binary, size,
English), extraction through the same pipeline, verification through `verify_claim`, storage through the
store's `store_article`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from sqlalchemy.orm import Session

from sphere.api.context import Context
from sphere.api.schemas import ExtractedClaim, ExtractResponse
from sphere.api.ssrf import check_url, guarded_client
from sphere.config import get_settings
from sphere.errors import InputError, SphereError
from sphere.models import ArticleResult, Document
from sphere.sources import EXTENSIONS, read_bytes
from sphere.sources.url import read_url
from sphere.verify.check import verify_claim

UPLOAD_KINDS = ("text", "markdown", "html")


def _one(items, origin: str) -> Document:  # type: ignore[no-untyped-def]
    """The single Document read from an input, or the InputError that says why there is none."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for item in items:
        (errors if isinstance(item, InputError) else documents).append(item)
    if errors:
        raise errors[0]
    if len(documents) != 1:
        raise InputError(origin, f"expected one article, found {len(documents)}")
    return documents[0]


def document_from_text(text: str, *, origin: str = "pasted text") -> Document:
    return _one(read_bytes(text.encode("utf-8"), stem="pasted", origin=origin, settings=get_settings(),
                           kind="text"), origin)


def document_from_upload(data: bytes, filename: str) -> Document:
    """An uploaded .txt, .md or .html file (anything else is refused with the kinds accepted)."""
    kind = EXTENSIONS.get(PurePath(filename).suffix.lower(), "text")
    if kind not in UPLOAD_KINDS:
        raise InputError(filename, f"cannot read a {kind} file here (upload one article as .txt, .md or .html)")
    return _one(read_bytes(data, stem=PurePath(filename).stem or "upload", origin=filename,
                           settings=get_settings(), kind=kind), filename)


def document_from_url(url: str, *, exempt: tuple[str, ...] = ()) -> Document:
    """Fetch a public URL (the guard refuses loopback, private and link-local hosts, on every redirect)."""
    check_url(url, exempt=exempt)
    settings = get_settings()
    with guarded_client(settings, exempt=exempt) as client:
        items = read_url(url, settings=settings, client=client, read_body=lambda data, ctype, final: read_bytes(
            data, stem="url", origin=url, settings=settings, content_type=ctype, url=final))
        return _one(list(items), url)


def with_fields(doc: Document, *, title: str | None, published: dt.date | None, outlet: str | None) -> Document:
    """The document with the fields the client gave (a client's value wins over one read from the input)."""
    update = {k: v for k, v in (("title", title), ("published", published), ("source", outlet)) if v}
    return doc.model_copy(update=update)


@contextmanager
def extraction_turn(ctx: Context) -> Iterator[None]:
    """Wait for this process's turn at the model; after `ctx.extract_wait` seconds, give up with ServerBusy."""
    if not ctx.extract_lock.acquire(timeout=ctx.extract_wait):
        raise ServerBusy(f"the server is busy extracting other articles (waited {ctx.extract_wait:g} s): retry later")
    try:
        yield
    finally:
        ctx.extract_lock.release()


class ServerBusy(SphereError):
    """Too many extractions queued in this process (HTTP 503 with Retry-After)."""


def extract_and_verify(ctx: Context, doc: Document) -> tuple[ArticleResult, ExtractResponse]:
    from sphere.nlp.pipeline import extract_document

    with extraction_turn(ctx):
        result = extract_document(doc)
    claims = [ExtractedClaim(claim=c, verdict=verify_claim(c, published=result.published, ref=ctx.ref))
              for c in result.claims]
    response = ExtractResponse(
        title=result.title, published=result.published, url=result.url, extractor_version=result.extractor_version,
        snapshot_version=ctx.ref.version, entities=result.entities, claims=claims, events=result.events,
        quotes=result.quotes,
    )
    return result, response


def store_result(session: Session, doc: Document, result: ArticleResult) -> int:
    """Keep the article with its rows and verdicts; the id of the stored (or already stored) article."""
    from sphere.store.ingest import store_article

    outcome = store_article(session, document=doc, result=result)
    session.commit()
    return outcome.article_id
