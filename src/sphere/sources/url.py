"""URLs (http/https) fetched with httpx: a timeout of `settings.url_timeout` and a body read as a stream
and cut off at `settings.url_max_bytes`. The body goes to the reader its content type (or sniffing)
names; an unreachable host, an HTTP error status, a timeout or a body too large is an InputError
naming the URL."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx

from sphere import __version__
from sphere.config import Settings
from sphere.errors import InputError
from sphere.sources.base import Items
from sphere.sources.checks import Rejected, format_size, too_large

USER_AGENT = f"sphere/{__version__}"

# Reads the fetched bytes: (data, content_type, final_url) -> Documents and InputErrors.
BodyReader = Callable[[bytes, str, str], Items]


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, *, settings: Settings, client: httpx.Client | None = None) -> tuple[bytes, str, str]:
    """The body, content type and final URL (after redirects); raises `Rejected` with the reason."""
    own = client is None
    client = client or httpx.Client(
        timeout=settings.url_timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise Rejected(f"HTTP error {response.status_code} {response.reason_phrase}".rstrip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.url_max_bytes:
                raise too_large("response", int(declared), settings.url_max_bytes)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.url_max_bytes:
                    raise Rejected(f"response is over the {format_size(settings.url_max_bytes)} limit")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", ""), str(response.url)
    except httpx.TimeoutException:
        raise Rejected(f"timed out after {settings.url_timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise Rejected(f"unreachable host ({_os_message(exc)})") from None
    except httpx.TooManyRedirects:
        raise Rejected("too many redirects") from None
    except httpx.UnsupportedProtocol:
        raise Rejected("not a valid URL") from None
    except httpx.InvalidURL as exc:
        raise Rejected(f"not a valid URL ({_first_line(exc)})") from None
    except httpx.HTTPError as exc:
        raise Rejected(f"fetch failed ({_first_line(exc) or type(exc).__name__})") from None
    finally:
        if own:
            client.close()


def read_url(
    url: str, *, settings: Settings, read_body: BodyReader, client: httpx.Client | None = None
) -> Items:
    try:
        data, content_type, final_url = fetch(url, settings=settings, client=client)
    except Rejected as exc:
        yield InputError(url, exc.reason)
        return
    yield from read_body(data, content_type, final_url)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().split("\n")[0]


def _os_message(exc: Exception) -> str:
    """The OS message without its errno, lower-cased: "[Errno 111] Connection refused" -> "connection refused"."""
    message = re.sub(r"^\[Errno -?\d+\]\s*", "", _first_line(exc)).strip()
    return (message[:1].lower() + message[1:]) if message else "connection failed"
