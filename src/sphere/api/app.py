"""The FastAPI application behind `sphere serve`: the REST API under /api, its OpenAPI schema at
/api/openapi.json, and the dashboard at /, all from one process.

sphere's own errors become JSON with one clear `detail` line and a status: a bad option or code 400,
unreadable input 422, a gap in the data 404, an unreachable store 503.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine, create_engine, event

from sphere import __version__
from sphere.api import routes_analysis, routes_pages, routes_store, routes_work
from sphere.api.config import ApiConfig
from sphere.api.context import Context
from sphere.api.extraction import ServerBusy
from sphere.api.security import BodyLimit, RateLimit, SecurityHeaders
from sphere.errors import (
    ConfigError,
    DatabaseUnavailable,
    InputError,
    NoData,
    SchemaOutdated,
    SphereError,
    UnknownCode,
)

HERE = Path(__file__).resolve().parent
CONFIG_ENV = "SPHERE_API_CONFIG"  # the config as JSON, for uvicorn's worker processes
STATUS: tuple[tuple[type[SphereError], int], ...] = (
    (UnknownCode, 404), (NoData, 404), (ConfigError, 400), (InputError, 422),
    (DatabaseUnavailable, 503), (SchemaOutdated, 503), (SphereError, 500),
)


def plotly_js() -> Path:
    """plotly.js as shipped inside the plotly package (served at /static/vendor/plotly.min.js)."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def build_context(config: ApiConfig) -> Context:
    from sphere.knowledge import load_knowledge
    from sphere.refdata import load_reference
    from sphere.store.engine import connect, session_factory

    engine = connect(config.db)
    return Context(config=config, engine=engine, sessions=session_factory(engine),
                   readers=session_factory(read_engine(engine)), ref=load_reference(), knowledge=load_knowledge())


def read_engine(engine: Engine) -> Engine:
    """The engine reads go through. The store's SQLite engine opens every transaction with BEGIN IMMEDIATE
    (one writer at a time, no deadlocks), which would also queue every page view behind an ingest and behind
    each other; reads instead use plain statements on the same WAL file, each seeing a consistent snapshot.
    PostgreSQL needs no second engine."""
    if engine.dialect.name != "sqlite":
        return engine
    reader = create_engine(engine.url, connect_args={"timeout": 60})

    @event.listens_for(reader, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA query_only=ON")
        dbapi_connection.execute("PRAGMA busy_timeout=60000")

    return reader


def create_app(config: ApiConfig | None = None) -> FastAPI:
    """The application for `config` (default: from the environment); connects to the store now."""
    config = config or ApiConfig.from_env()
    app = FastAPI(title="sphere", version=__version__, openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description=__doc__)
    app.state.config = config
    app.state.context = build_context(config)
    app.state.rate_limit = RateLimit(config.costly_rate)

    @app.exception_handler(SphereError)
    async def sphere_error(_request: Request, exc: SphereError) -> JSONResponse:
        if isinstance(exc, ServerBusy):
            return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "30"})
        status = next(code for kind, code in STATUS if isinstance(exc, kind))
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (routes_store, routes_analysis, routes_work, routes_pages):
        app.include_router(module.router)
    app.include_router(routes_pages.login_router)
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(config.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-API-Token"])
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn's workers call: the config travels as JSON in SPHERE_API_CONFIG."""
    raw = os.environ.get(CONFIG_ENV)
    if not raw:
        return create_app()
    values = json.loads(raw)
    for key in ("cors_origins", "ssrf_exempt_hosts"):
        values[key] = tuple(values.get(key, ()))
    return create_app(ApiConfig(**values))
