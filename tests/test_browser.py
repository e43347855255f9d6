"""The dashboard in a real headless Chromium (Playwright driving Debian's `chromium`): every page renders its
charts from assets this server ships, with no request to any other host (each is recorded and aborted, and
fails the test) and no console error (a CSP violation is one); the map leads to a country, the country to a
claim, the claim to its article; a pasted article shows its verdicts; stored <script> stays text.
Screenshots are saved under test-output/browser/. Skipped when Chromium or Playwright is absent."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from test_api_support import BOLIVIA, SCRIPT, TOKEN, LiveServer, fill, make_app, voa_results  # noqa: F401

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "browser"
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def live(tmp_path_factory, voa_results):  # noqa: F811
    store = fill(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.db'}", voa_results)
    server = LiveServer(make_app(store.url))
    story = f"{BOLIVIA} {SCRIPT} The finance ministry said talks with creditors would resume in March."
    stored = httpx.post(f"{server.base}/api/extract", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
                        json={"text": story, "store": True, "title": f"Bolivia {SCRIPT}", "published": "2025-02-20"})
    assert stored.status_code == 200, stored.text
    server.script_article = stored.json()["stored_article_id"]  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (.ci/run installs Debian's chromium package)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, live):
    """A page that aborts and records every request outside the server, and records console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(live.base + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert outside == [], f"requests outside the server: {outside}"
    assert errors == [], f"console errors: {errors}"


def open_page(page, live, path: str, shot: str) -> None:
    page.goto(live.base + path)
    page.wait_for_selector("body[data-charts-ready=yes]", timeout=30_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)


@pytest.mark.parametrize("path,shot,charts", [
    ("/", "map-world", 1), ("/latam", "map-latam", 1), ("/countries/UGA", "country-uga", None),
    ("/articles", "articles", 0), ("/claims", "claims", 0), ("/scenario?targets=BRICS&rate=100", "scenario", 1),
    ("/paste", "paste", 0),
])
def test_every_page_renders_its_charts_from_this_server(page, live, path, shot, charts):
    open_page(page, live, path, shot)
    drawn = page.locator(".chart.js-plotly-plot").count()  # plotly marks each chart it drew
    assert page.locator(".chart.js-plotly-plot:not(:has(.main-svg))").count() == 0
    expected = page.locator("[data-figure]").count() if charts is None else charts
    assert drawn == expected and (charts != 0 or drawn == 0)
    if path in ("/", "/latam"):
        assert page.locator("path.choroplethlocation").count() > 20  # the shipped shapes, coloured


def test_map_to_country_to_claim_to_article(page, live):
    open_page(page, live, "/", "flow-1-map")
    page.locator("#tilt-map").scroll_into_view_if_needed()
    x, y = page.evaluate("""() => {
        const shape = [...document.querySelectorAll('path.choroplethlocation')].find(p => p.__data__.loc === 'UGA');
        const box = shape.getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
    }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/countries/UGA")
    page.wait_for_selector("body[data-charts-ready=yes]")
    assert page.locator("h1").inner_text().startswith("Uganda")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "flow-2-country.png"))
    link = page.locator("a.claim-link").first
    href = link.get_attribute("href")
    claim = href.split("#")[1]
    link.click()
    page.wait_for_url(f"**{href}")
    page.wait_for_selector("body[data-charts-ready=yes]")
    assert page.locator(f"li#{claim}.lit").count() == 1  # the claim is picked out in the list
    assert page.locator(f'.hl.claim.lit[data-refs~="{claim}"]').count() >= 1  # and in the text
    page.screenshot(path=str(SHOTS / "flow-3-article.png"))


def test_paste_an_article_and_see_its_verdicts(page, live):
    open_page(page, live, "/paste", "paste-empty")
    page.fill("textarea[name=text]", BOLIVIA)
    page.fill("input[name=published]", "2025-02-20")
    page.fill("input[name=token]", TOKEN)
    page.click("#check")
    page.wait_for_selector("#verdicts")
    page.wait_for_selector("body[data-charts-ready=yes]")
    page.screenshot(path=str(SHOTS / "paste-verdicts.png"), full_page=True)
    api = httpx.post(f"{live.base}/api/extract", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
                     json={"text": BOLIVIA, "published": "2025-02-20"}).json()
    verdicts = [c["verdict"]["verdict"] for c in api["claims"]]
    assert page.locator("table.claims tbody tr .verdict").all_inner_texts() == verdicts
    heading = page.locator("#verdicts").inner_text()
    assert heading.startswith(f"{len(verdicts)} figures: {verdicts.count('consistent')} consistent")
    assert page.locator(".article-text .hl.figure").count() >= 1


def test_stored_script_stays_text(page, live):
    open_page(page, live, f"/articles/{live.script_article}", "article-script")
    assert page.evaluate("window.pwned") is None
    assert SCRIPT in page.locator(".article-text").inner_text()
    assert page.locator("h1").inner_text() == f"Bolivia {SCRIPT}"
