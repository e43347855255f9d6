"""Endpoints that cost work or write: extract, ingest and reference-data update. Each needs the API token
(or --dev) and counts against the per-client rate limit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from sphere.api import extraction
from sphere.api.context import Context, context, write_session
from sphere.api.schemas import (
    ExtractRequest,
    ExtractResponse,
    IngestRequest,
    IngestResponse,
    RefdataUpdateRequest,
    RefdataUpdateResponse,
)
from sphere.api.security import rate_limited, require_token
from sphere.errors import InputError
from sphere.models import Document

router = APIRouter(prefix="/api", dependencies=[Depends(require_token), Depends(rate_limited)])
Ctx = Annotated[Context, Depends(context)]
Db = Annotated[Session, Depends(write_session)]
GUARDED: dict[int | str, dict[str, Any]] = {401: {"description": "token missing or wrong"}, 403: {"description": "no token set on the server"},
           413: {"description": "body too large"}, 422: {"description": "input cannot be read"},
           429: {"description": "rate limit reached"}}


@router.post("/extract", response_model=ExtractResponse, tags=["work"], responses=GUARDED)
def extract(body: ExtractRequest, ctx: Ctx, db: Db) -> ExtractResponse:
    """Claims, events and verdicts of one article (text, or a public URL fetched by the server); stored only
    with `store: true`."""
    if body.url is not None:
        doc = extraction.document_from_url(body.url, exempt=ctx.config.ssrf_exempt_hosts)
    else:
        doc = extraction.document_from_text(body.text or "")
    doc = extraction.with_fields(doc, title=body.title, published=body.published, outlet=body.outlet)
    result, response = extraction.extract_and_verify(ctx, doc)
    if body.store:
        response.stored_article_id = extraction.store_result(db, doc, result)
    return response


@router.post("/ingest", response_model=IngestResponse, tags=["work"], responses=GUARDED)
def ingest(body: IngestRequest, ctx: Ctx, db: Db) -> IngestResponse:
    """Extract, verify and store up to 100 articles (`sphere ingest`); each stored once, however often sent."""
    from sphere.store.ingest import ingest_documents

    items: list[Document | InputError] = []
    for i, d in enumerate(body.documents):
        try:
            doc = extraction.document_from_text(d.text, origin=f"documents[{i}]")
        except InputError as exc:
            items.append(exc)
            continue
        items.append(extraction.with_fields(doc, title=d.title, published=d.published, outlet=d.outlet)
                     .model_copy(update={"id": f"documents[{i}]", "url": d.url}))
    with extraction.extraction_turn(ctx):
        report = ingest_documents(items, session=db)
    return IngestResponse(stored=report.stored, duplicates=report.duplicates, claims=report.claims,
                          events=report.events, verdicts=report.verdicts, errors=report.errors)


@router.post("/refdata/update", response_model=RefdataUpdateResponse, tags=["work"], responses=GUARDED)
async def refdata_update(body: RefdataUpdateRequest) -> RefdataUpdateResponse:
    """Refresh part of the snapshot from a live public source (`sphere refdata update`)."""
    from sphere.refdata.connectors import run_update

    written = await run_in_threadpool(run_update, body.source, years=body.years)
    return RefdataUpdateResponse(source=body.source, rows_written=written)
