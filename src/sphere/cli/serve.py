"""`sphere serve`: the REST API and the dashboard (sphere.api) on uvicorn, one command.

Writes and costly endpoints need SPHERE_API_TOKEN; without it they are refused unless --dev. Reads are
open unless --private-reads. CORS stays closed unless --cors-origin is given.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from typing import Annotated

import typer

from sphere.cli.common import say
from sphere.errors import SphereError


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
        db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: SPHERE_DATABASE_URL).")] = None,
        workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
        dev: Annotated[bool, typer.Option("--dev", help="Open extract and ingest without a token (local use only).")] = False,
        private_reads: Annotated[bool, typer.Option("--private-reads", help="Reads need the token too.")] = False,
        cors_origin: Annotated[list[str] | None, typer.Option("--cors-origin", help="Allow this browser origin (repeat).")] = None,
        rate: Annotated[str, typer.Option(help="Limit per client on costly endpoints, e.g. 30/minute.")] = "30/minute",
    ) -> None:
        """Serve the REST API (/api, OpenAPI at /api/openapi.json) and the dashboard (/)."""
        try:
            import uvicorn

            from sphere.api.app import CONFIG_ENV, create_app
            from sphere.api.config import ApiConfig
        except ImportError as exc:
            say(f"error: sphere serve needs the api extra ({exc.name} is missing): "
                'pip install -e ".[api]"')
            raise typer.Exit(2) from None

        config = ApiConfig.from_env(db=db, dev=dev, private_reads=private_reads,
                                    cors_origins=tuple(cors_origin or ()), costly_rate=rate)
        if config.token is None and not dev:
            say("note: SPHERE_API_TOKEN is not set: extract, ingest and refdata update are refused (--dev opens them)")
        try:
            application = create_app(config)  # connects now: a bad --db fails here, with one line
        except SphereError as exc:
            say(f"error: {exc}")
            raise typer.Exit(3) from None
        say(f"sphere serving on http://{host}:{port}/ (API at /api, OpenAPI at /api/openapi.json)")
        if workers == 1:
            uvicorn.run(application, host=host, port=port, log_level="warning")
            return
        os.environ[CONFIG_ENV] = json.dumps(asdict(config))
        uvicorn.run("sphere.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
