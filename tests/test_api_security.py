"""Security of the API: the token on costly endpoints (refused when unset unless --dev), closed reads,
body cap, rate limit, CORS closed by default, the SSRF guard on fetched URLs, escaped article text,
and the hardening headers on every response."""

from __future__ import annotations

import http.server
import re
import threading

import pytest
from fastapi.testclient import TestClient

from sphere.api.ssrf import check_url, refusal
from sphere.errors import InputError
from test_api_support import SCRIPT, TOKEN, make_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = {"text": "Bolivia owes China over $1.7 billion, according to World Bank data."}


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('security') / 'store.db'}"


def test_costly_endpoints_need_the_token(url):
    with TestClient(make_app(url)) as client:
        assert client.post("/api/extract", json=TEXT).status_code == 401
        assert client.post("/api/extract", json=TEXT, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post("/api/extract", json=TEXT, headers={"X-API-Token": TOKEN}).status_code == 200
        assert client.post("/api/ingest", json={"documents": [TEXT]}).status_code == 401
        assert client.post("/api/refdata/update", json={"source": "wdi"}).status_code == 401
        assert client.get("/api/claims").status_code == 200  # reads are open by default


def test_without_a_token_costly_endpoints_are_refused_unless_dev(url):
    with TestClient(make_app(url, token=None)) as client:
        refused = client.post("/api/extract", json=TEXT)
        assert refused.status_code == 403 and "SPHERE_API_TOKEN" in refused.json()["detail"]
    with TestClient(make_app(url, token=None, dev=True)) as client:
        assert client.post("/api/extract", json=TEXT).status_code == 200


def test_reads_can_be_closed(url):
    with TestClient(make_app(url, private_reads=True)) as client:
        assert client.get("/api/claims").status_code == 401
        to_login = client.get("/", follow_redirects=False)
        assert (to_login.status_code, to_login.headers["location"]) == (303, "/login")
        assert client.get("/api/claims", headers=AUTH).status_code == 200
        signed = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
        assert signed.status_code == 303 and "httponly" in signed.headers["set-cookie"].lower()
        assert client.get("/api/claims").status_code == 200  # the cookie now carries the token
        assert client.get("/", follow_redirects=False).status_code == 200


def test_bodies_are_capped_and_costly_calls_rate_limited(url):
    with TestClient(make_app(url, max_body_bytes=10_000, costly_rate="3/minute")) as client:
        big = client.post("/api/extract", headers=AUTH, json={"text": "word " * 5000})
        assert big.status_code == 413 and "10000 byte limit" in big.json()["detail"]
        codes = [client.post("/api/extract", headers=AUTH, json={"text": ""}).status_code for _ in range(4)]
        assert codes == [422, 422, 422, 429]
        assert client.get("/api/claims").status_code == 200  # reads are not limited


def test_cors_is_closed_by_default_and_opens_for_listed_origins(url):
    origin = {"Origin": "https://elsewhere.example"}
    with TestClient(make_app(url)) as client:
        assert "access-control-allow-origin" not in client.get("/api/claims", headers=origin).headers
    with TestClient(make_app(url, cors_origins=("https://elsewhere.example",))) as client:
        answer = client.get("/api/claims", headers=origin)
        assert answer.headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_security_headers_on_every_response(url):
    with TestClient(make_app(url)) as client:
        for path in ("/", "/api/claims", "/static/dashboard.css"):
            headers = client.get(path).headers
            assert "default-src 'self'" in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"


def test_article_text_and_title_render_inert(url):
    story = (f"Bolivia owes China over $1.7 billion, according to World Bank data. {SCRIPT} "
             "The finance ministry said talks with creditors would resume in March.")
    with TestClient(make_app(url)) as client:
        stored = client.post("/api/extract", headers=AUTH, json={"text": story, "store": True, "title": SCRIPT})
        article_id = stored.json()["stored_article_id"]
        page = client.get(f"/articles/{article_id}").text
        assert "<script>window.pwned" not in page
        assert page.count("&lt;script&gt;window.pwned = 1&lt;/script&gt;") == 3  # <title>, heading, text
        assert re.findall(r"<script[^>]*>", page) == [
            '<script src="/static/vendor/plotly.min.js" defer>', '<script src="/static/dashboard.js" defer>']
        pasted = client.post("/paste", data={"text": story, "token": TOKEN, "title": SCRIPT}).text
        assert "<script>window.pwned" not in pasted and "&lt;script&gt;window.pwned" in pasted


@pytest.mark.parametrize("address,why", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("fd12:3456::1", "private"), ("0.0.0.0", "unspecified"), ("::ffff:127.0.0.1", "loopback"),
    ("100.64.0.1", "not a public"), ("224.0.0.1", "multicast"),
])
def test_the_url_guard_refuses_internal_addresses(address, why):
    assert why in (refusal(address) or "")


def test_the_url_guard_checks_every_address_a_host_resolves_to():
    assert refusal("93.184.215.14") is None and refusal("2606:4700::6810:84e5") is None
    with pytest.raises(InputError, match="loopback"):
        check_url("http://news.example/a", resolver=lambda host: ["93.184.215.14", "127.0.0.1"])
    with pytest.raises(InputError, match="only http and https"):
        check_url("file:///etc/passwd")
    check_url("https://news.example/a", resolver=lambda host: ["93.184.215.14"])  # public: allowed


class _Redirect(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        self.send_response(302)
        self.send_header("Location", f"http://localhost:{self.server.server_address[1]}/internal")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_extract_by_url_needs_the_token_and_is_checked_on_every_redirect(url):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        with TestClient(make_app(url, ssrf_exempt_hosts=("127.0.0.1",))) as client:
            target = {"url": f"http://127.0.0.1:{port}/story"}
            assert client.post("/api/extract", json=target).status_code == 401
            bounced = client.post("/api/extract", headers=AUTH, json=target)
            assert bounced.status_code == 422 and "localhost" in bounced.json()["detail"]
            assert "loopback" in bounced.json()["detail"]
        with TestClient(make_app(url)) as client:
            direct = client.post("/api/extract", headers=AUTH, json=target)
            assert direct.status_code == 422 and "127.0.0.1 is a loopback address" in direct.json()["detail"]
    finally:
        server.shutdown()


def test_reads_do_not_wait_for_a_writer_on_sqlite(url):
    """An ingest holds SQLite's write lock for a whole batch; page views and API reads go on meanwhile."""
    import sqlite3
    import time

    with TestClient(make_app(url)) as client:
        writer = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            assert client.get("/api/claims").status_code == 200
            assert client.get("/articles").status_code == 200
            assert time.monotonic() - started < 10  # the busy timeout is 60 s: no waiting happened
        finally:
            writer.execute("ROLLBACK")
            writer.close()


def test_the_address_connected_to_is_checked_too():
    """DNS rebinding: a name checked as public but connected to loopback gets no answer read."""
    import httpx

    from sphere.api.ssrf import check_peer

    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with httpx.Client() as client, client.stream("GET", f"http://127.0.0.1:{server.server_address[1]}/") as answer:
            check_peer(answer, exempt=("127.0.0.1",))  # an exempt host passes
            with pytest.raises(InputError, match="127.0.0.1 is a loopback address"):
                check_peer(answer)
    finally:
        server.shutdown()


def test_a_client_waiting_too_long_for_the_model_is_told_the_server_is_busy(url):
    app = make_app(url)
    context = app.state.context
    context.extract_wait = 0.2
    with TestClient(app) as client:
        context.extract_lock.acquire()  # another request is extracting
        try:
            busy = client.post("/api/extract", headers=AUTH, json=TEXT)
        finally:
            context.extract_lock.release()
        assert busy.status_code == 503 and busy.headers["retry-after"] == "30"
        assert "busy extracting" in busy.json()["detail"]
        assert client.post("/api/extract", headers=AUTH, json=TEXT).status_code == 200
