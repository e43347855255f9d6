"""The guard on URLs that `/api/extract` fetches for a client: no server-side request forgery.

A URL is fetched only when every address its host resolves to is a public unicast address: loopback,
private (RFC 1918, unique-local), link-local (cloud metadata at 169.254.169.254), shared, multicast,
reserved and unspecified addresses are refused. The check runs again on every redirect hop (an httpx
request hook), so a public page cannot bounce the fetch to an internal one, and the address actually
connected to is checked before any byte of the answer is read (a response hook), so a name that resolves
to a public address for the check and to an internal one for the connection (DNS rebinding) gets nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from sphere import __version__
from sphere.config import Settings
from sphere.errors import InputError

Resolver = Callable[[str], list[str]]


def resolve(host: str) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(host, f"the host does not resolve ({exc})") from None
    return sorted({str(info[4][0]) for info in infos})


def refusal(address: str) -> str | None:
    """Why an address may not be fetched, or None for a public unicast address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for flag, why in (
        ("is_unspecified", "unspecified"), ("is_loopback", "loopback"), ("is_link_local", "link-local"),
        ("is_multicast", "multicast"), ("is_private", "private"), ("is_reserved", "reserved"),
    ):
        if getattr(ip, flag):
            return f"{address} is a {why} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def check_url(url: str, *, exempt: tuple[str, ...] = (), resolver: Resolver = resolve) -> None:
    """Raise InputError naming the URL unless it is http(s) to a host with only public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, "only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise InputError(url, "the URL has no host")
    if host in exempt:
        return
    for address in resolver(host):
        reason = refusal(address)
        if reason:
            raise InputError(url, f"refused: {reason} (sphere fetches only public addresses)")


def check_peer(response: httpx.Response, *, exempt: tuple[str, ...] = ()) -> None:
    """Raise InputError when the connection behind `response` went to an address the guard refuses."""
    if response.request.url.host in exempt:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    reason = refusal(str(peer[0])) if peer else "the address connected to is unknown"
    if reason:
        response.close()
        raise InputError(str(response.request.url), f"refused: {reason} (sphere fetches only public addresses)")


def guarded_client(settings: Settings, *, exempt: tuple[str, ...] = ()) -> httpx.Client:
    """An httpx client that checks the target of every request, redirects included, and the address each
    answer came from."""

    def before(request: httpx.Request) -> None:
        check_url(str(request.url), exempt=exempt)

    def after(response: httpx.Response) -> None:
        check_peer(response, exempt=exempt)

    return httpx.Client(
        timeout=settings.url_timeout, follow_redirects=True, max_redirects=5,
        headers={"User-Agent": f"sphere/{__version__}"}, event_hooks={"request": [before], "response": [after]},
    )
