"""The dashboard: HTML pages rendered by the same server from the same library calls as the API.

    /                 world map of the tilt index (click a country to open it)
    /latam            the same map, Latin America and the Caribbean, with a ranking
    /countries/CODE   scorecard channels over the years, events timeline, the news' claims with verdicts
    /articles         stored articles; /articles/ID the text with every extracted span highlighted
    /claims           claims with verdicts, filterable
    /scenario         a tariff scenario and its exposure chart
    /paste            paste or upload an article: what sphere reads and what checks out

Every value is escaped by Jinja's autoescaping; charts travel as JSON inside <script type="application/json">
(`tojson` escapes <, > and &), drawn by static/dashboard.js: no inline script, so the CSP forbids all others.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from sphere.analysis.scenario import tariff_scenario
from sphere.api import charts, extraction
from sphere.api.context import Context, context, session, write_session
from sphere.api.highlight import Mark, figure_mark, segments
from sphere.api.pagination import paginate
from sphere.api.routes_analysis import area_codes, countries
from sphere.api.security import COOKIE, require_page_reader, token_matches
from sphere.errors import InputError, SphereError
from sphere.store import pages, queries

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_page_reader)])
login_router = APIRouter(include_in_schema=False)
Ctx = Annotated[Context, Depends(context)]
Db = Annotated[Session, Depends(session)]
Writer = Annotated[Session, Depends(write_session)]
Cursor = Annotated[str | None, Query(max_length=40)]
VERDICT_ORDER = ("consistent", "inconsistent", "unverifiable")


def render(request: Request, name: str, status: int = 200, **values: object) -> HTMLResponse:
    config = request.app.state.config
    values.setdefault("needs_token", config.token is not None)
    return TEMPLATES.TemplateResponse(request, name, values, status_code=status)


def failure(request: Request, exc: SphereError, status: int = 400) -> HTMLResponse:
    return render(request, "error.html", status=status, message=str(exc))


@router.get("/", response_class=HTMLResponse)
def world(request: Request, ctx: Ctx) -> HTMLResponse:
    today = dt.date.today()
    rows = countries(ctx, today, area_codes(ctx, today, None))
    return render(request, "map.html", view="world", title="China-US tilt of the world",
                  figure=charts.tilt_map(rows, "world"), ranked=_ranked(rows))


@router.get("/latam", response_class=HTMLResponse)
def latam(request: Request, ctx: Ctx) -> HTMLResponse:
    today = dt.date.today()
    rows = countries(ctx, today, area_codes(ctx, today, "latam"))
    return render(request, "map.html", view="latam", title="China-US tilt of Latin America and the Caribbean",
                  figure=charts.tilt_map(rows, "latam"), ranked=_ranked(rows))


def _ranked(rows):  # type: ignore[no-untyped-def]
    return sorted(rows, key=lambda c: (c.tilt is None, -(c.tilt or 0.0), c.code))


@router.get("/countries/{code}", response_class=HTMLResponse)
def country(request: Request, ctx: Ctx, db: Db, code: str, cursor: Cursor = None) -> HTMLResponse:
    try:
        card = ctx.card(code.upper()[:16], dt.date.today(), None, None)
        claim_page = paginate(lambda n, o: queries.list_claims(db, country=card.code, limit=n, offset=o),
                              limit=50, cursor=cursor)
    except SphereError as exc:
        return failure(request, exc, 404)
    events = queries.list_events(db, country=card.code, limit=300)
    return render(request, "country.html", card=card, charts=charts.channel_charts(card),
                  timeline=charts.events_timeline(events, card.code) if events else None, events=events[:30],
                  n_events=len(events), claims=claim_page)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, db: Db, text: Annotated[str | None, Query(max_length=200)] = None,
             cursor: Cursor = None) -> HTMLResponse:
    try:
        page = paginate(lambda n, o: queries.list_articles(db, text=text or None, limit=n, offset=o), limit=50,
                        cursor=cursor)
    except SphereError as exc:
        return failure(request, exc)
    return render(request, "articles.html", page=page, text=text or "", stats=queries.stats(db))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, db: Db, article_id: int) -> HTMLResponse:
    detail = pages.article_detail(db, article_id) if 0 < article_id < 2**53 else None
    if detail is None:
        return failure(request, InputError(f"article {article_id}", "no such article"), 404)
    parties = _parties(detail)
    return render(request, "article.html", d=detail, party_groups=parties,
                  segments=segments(detail.text, _marks(detail, parties)))


def _parties(detail: pages.ArticleDetailPublic) -> dict[tuple[str, str, str], list[pages.MentionPublic]]:
    """Mentions grouped by what was written and what it was read as, in order of first mention."""
    groups: dict[tuple[str, str, str], list[pages.MentionPublic]] = {}
    for e in detail.entities:
        groups.setdefault((e.text, e.code, e.kind), []).append(e)
    return groups


def _marks(detail: pages.ArticleDetailPublic, parties: dict) -> list[Mark]:  # type: ignore[type-arg]
    text = detail.text
    marks = [Mark(e.start, e.end, "entity", f"party-{i}") for i, group in enumerate(parties.values()) for e in group]
    for c in detail.claims:
        marks.append(Mark(c.start, c.end, "claim", f"claim-{c.id}"))
        figure = figure_mark(text, c.start, c.end, c.value_text, f"claim-{c.id}")
        marks += [figure] if figure else []
    marks += [Mark(e.start, e.end, "event", f"event-{e.id}") for e in detail.events]
    marks += [Mark(q.start, q.end, "quote", f"quote-{i}") for i, q in enumerate(detail.quotes)]
    return marks


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, db: Db, country: Annotated[str | None, Query(max_length=16)] = None,
           measure: Annotated[str | None, Query(max_length=32)] = None, cursor: Cursor = None) -> HTMLResponse:
    try:
        page = paginate(lambda n, o: queries.list_claims(db, country=country or None, measure=measure or None,
                                                         limit=n, offset=o), limit=50, cursor=cursor)
    except SphereError as exc:
        return failure(request, exc)
    return render(request, "claims.html", claims=page, country=country or "", measure=measure or "")


@router.get("/scenario", response_class=HTMLResponse)
def scenario(request: Request, ctx: Ctx, imposer: Annotated[str, Query(max_length=3)] = "USA",
             targets: Annotated[str, Query(max_length=300)] = "BRICS",
             rate: Annotated[float, Query(gt=0, le=1000, allow_inf_nan=False)] = 100.0,
             elasticity: Annotated[str, Query(max_length=10)] = "") -> HTMLResponse:
    form = {"imposer": imposer, "targets": targets, "rate": rate, "elasticity": elasticity}
    try:
        e = float(elasticity) if elasticity.strip() else None
    except ValueError:
        return render(request, "scenario.html", status=400, form=form, result=None,
                      error=f"elasticity {elasticity!r} is not a number")
    try:
        result = tariff_scenario(imposer=imposer, targets=[t.strip() for t in targets.split(",") if t.strip()],
                                 rate=rate, on=dt.date.today(), ref=ctx.ref, knowledge=ctx.knowledge, elasticity=e)
    except SphereError as exc:
        return render(request, "scenario.html", status=400, form=form, result=None, error=str(exc))
    return render(request, "scenario.html", form=form, result=result, figure=charts.exposure_chart(result), error=None)


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    return render(request, "paste.html", result=None, error=None, form={})


@router.post("/paste", response_class=HTMLResponse)
def paste(request: Request, ctx: Ctx, db: Writer, text: Annotated[str, Form(max_length=2_100_000)] = "",
          title: Annotated[str, Form(max_length=1000)] = "", published: Annotated[str, Form(max_length=10)] = "",
          token: Annotated[str, Form(max_length=500)] = "", store: Annotated[bool, Form()] = False,
          file: Annotated[UploadFile | None, File()] = None) -> HTMLResponse:
    form = {"text": text, "title": title, "published": published}
    config = ctx.config
    if config.token is None and not config.dev:
        return render(request, "paste.html", status=403, result=None, form=form,
                      error="extraction is disabled on this server: set SPHERE_API_TOKEN (or start it with --dev)")
    if config.token is not None and not token_matches(config, token or request.cookies.get(COOKIE)):
        return render(request, "paste.html", status=401, result=None, form=form, error="a valid API token is required")
    try:
        request.app.state.rate_limit(request)
    except Exception as exc:  # the limiter's HTTPException: shown on the page
        return render(request, "paste.html", status=429, result=None, form=form, error=str(getattr(exc, "detail", exc)))
    try:
        day = dt.date.fromisoformat(published) if published.strip() else None
        if file is not None and file.filename:
            doc = extraction.document_from_upload(file.file.read(config.max_body_bytes + 1), file.filename)
        elif text.strip():
            doc = extraction.document_from_text(text)
        else:
            raise InputError("the form", "paste an article's text or choose a file")
        doc = extraction.with_fields(doc, title=title or None, published=day, outlet=None)
        result, response = extraction.extract_and_verify(ctx, doc)
        if store:
            response.stored_article_id = extraction.store_result(db, doc, result)
    except ValueError as exc:
        return render(request, "paste.html", status=422, result=None, form=form, error=f"published: {exc}")
    except SphereError as exc:
        return render(request, "paste.html", status=422, result=None, form=form, error=str(exc))
    marks = [Mark(e.start, e.end, "entity", f"entity-{i}") for i, e in enumerate(response.entities)]
    for i, c in enumerate(response.claims):
        marks.append(Mark(c.claim.start, c.claim.end, "claim", f"claim-{i}"))
        figure = figure_mark(doc.text, c.claim.start, c.claim.end, c.claim.value_text, f"claim-{i}")
        marks += [figure] if figure else []
    marks += [Mark(e.start, e.end, "event", f"event-{i}") for i, e in enumerate(response.events)]
    counts = {v: sum(c.verdict.verdict == v for c in response.claims) for v in VERDICT_ORDER}
    return render(request, "paste.html", result=response, counts=counts, segments=segments(doc.text, marks),
                  form=form, error=None)


@login_router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html", error=None)


@login_router.post("/login", response_model=None)
def login(request: Request, token: Annotated[str, Form(max_length=500)]) -> Response:
    """Keep the token in an HttpOnly, SameSite=Strict cookie so the dashboard can read a private server."""
    if not token_matches(request.app.state.config, token):
        return render(request, "login.html", status=401, error="that is not this server's token")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response
