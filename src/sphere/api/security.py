"""Who may do what, and how much: the API token, the rate limit on costly endpoints, the body cap and
the security headers every response carries.

The token is compared in constant time and read from `Authorization: Bearer`, `X-API-Token` or the
`sphere_token` cookie (set by the dashboard's sign-in form, HttpOnly and SameSite=Strict). The Content
Security Policy allows scripts, styles, images and connections from this server only, which is also what
keeps the dashboard from reaching any other host.
"""

from __future__ import annotations

import hmac
import time

from fastapi import HTTPException, Request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sphere.api.config import ApiConfig

COOKIE = "sphere_token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def supplied_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token") or request.cookies.get(COOKIE)


def token_matches(config: ApiConfig, candidate: str | None) -> bool:
    if not config.token or not candidate:
        return False
    return hmac.compare_digest(config.token.encode(), candidate.encode())


def require_token(request: Request) -> None:
    """Writes and costly work: the token, or --dev when no token is set."""
    config: ApiConfig = request.app.state.config
    if config.token is None:
        if config.dev:
            return
        raise HTTPException(403, "this endpoint is disabled: set SPHERE_API_TOKEN on the server (or start it with --dev)")
    if not token_matches(config, supplied_token(request)):
        raise HTTPException(401, "a valid API token is required (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def require_reader(request: Request) -> None:
    """Reads: open, unless the server was started with private reads."""
    if request.app.state.config.private_reads:
        require_token(request)


def require_page_reader(request: Request) -> None:
    """Dashboard pages on a server with private reads: without the token, to the sign-in form."""
    config: ApiConfig = request.app.state.config
    if config.private_reads and not token_matches(config, supplied_token(request)):
        raise HTTPException(303, "sign in first", headers={"Location": "/login"})


class RateLimit:
    """A moving-window limit per client address (in memory: one process, one budget)."""

    def __init__(self, rate: str) -> None:
        self.item = parse(rate)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def __call__(self, request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        if not self.limiter.hit(self.item, "costly", client):
            reset = self.limiter.get_window_stats(self.item, "costly", client).reset_time
            raise HTTPException(429, f"rate limit reached: {self.item} per client on costly endpoints",
                                headers={"Retry-After": str(max(1, int(reset - time.time())))})


def rate_limited(request: Request) -> None:
    request.app.state.rate_limit(request)


class BodyLimit:
    """Refuse request bodies over `limit` bytes (413), declared or streamed, before any handler reads them."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await _too_large(send, self.limit)


class BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail":"request body over the {limit} byte limit"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add the CSP and the other hardening headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)
