"""How one `sphere serve` process is configured: which store, who may write, what it accepts.

Reads are open unless `private_reads`; writes and costly work (ingest, extract, reference-data update)
need `token` (from `SPHERE_API_TOKEN`) and are refused outright when no token is set, unless `dev`.
CORS is closed unless origins are listed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

TOKEN_ENV = "SPHERE_API_TOKEN"


@dataclass(frozen=True)
class ApiConfig:
    db: str | None = None  # None: SPHERE_DATABASE_URL or the embedded default SQLite store
    token: str | None = None
    dev: bool = False  # costly endpoints open without a token (local development only)
    private_reads: bool = False  # reads need the token too
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 2_500_000  # a 2 MB article plus its JSON envelope
    costly_rate: str = "30/minute"  # per client address, on extract, ingest and refdata update
    ssrf_exempt_hosts: tuple[str, ...] = field(default=())  # hosts the URL guard lets through: tests only, no CLI option

    @classmethod
    def from_env(cls, **overrides: object) -> ApiConfig:
        """The config with the token read from SPHERE_API_TOKEN (an empty value counts as unset)."""
        token = os.environ.get(TOKEN_ENV) or None
        values: dict = {"token": token, **{k: v for k, v in overrides.items() if v is not None}}
        return cls(**values)
