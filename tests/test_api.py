"""The REST API over real stored VOA stories, on SQLite and on the PostgreSQL test server: every list is
paged by cursor and says when there is more, answers equal the library's (the same functions), sphere's
errors are clear statuses, and extraction returns the pipeline's claims with the verifier's verdicts."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from sphere.store import pages, queries
from sphere.store.engine import connect, session_factory
from test_api_support import BOLIVIA, TOKEN, api_store, make_app, voa_results  # noqa: F401

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(api_store):  # noqa: F811
    with TestClient(make_app(api_store.url)) as c:
        yield c


@pytest.fixture(scope="module")
def library(api_store):  # noqa: F811
    """Run a library call in a session of its own (SQLite: no transaction left open to block the server)."""
    engine = connect(api_store.url)

    def run(call):
        with session_factory(engine)() as session:
            return call(session)

    yield run
    engine.dispose()


def walk(client, path: str, limit: int) -> tuple[list[dict], int]:
    """Every item of a list, page by page; the number of pages read."""
    items, cursor, n = [], None, 0
    while True:
        sep = "&" if "?" in path else "?"
        page = client.get(f"{path}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")).json()
        n += 1
        items += page["items"]
        assert page["has_more"] == (page["next_cursor"] is not None)
        if not page["has_more"]:
            return items, n
        assert len(page["items"]) == limit
        cursor = page["next_cursor"]


def test_lists_page_by_cursor_and_end_where_the_library_ends(client, library, api_store):  # noqa: F811
    articles, pages_read = walk(client, "/api/articles", 2)
    assert [a["id"] for a in articles] == [a.id for a in library(lambda s: queries.list_articles(s, limit=None))]
    assert len(articles) == 4 and pages_read == 2  # 5 documents: one is the same text from another outlet
    dam = api_store.article_ids["dam-again"]
    assert api_store.article_ids[api_store.docs[2].id] == dam
    assert next(a for a in articles if a["id"] == dam)["n_sources"] == 2
    claims, _ = walk(client, "/api/claims", 3)
    assert [c["id"] for c in claims] == [c.id for c in library(lambda s: queries.list_claims(s, limit=None))]
    assert len(claims) >= 4
    events, _ = walk(client, "/api/events?country=CHN", 4)
    assert [e["id"] for e in events] == [e.id for e in library(lambda s: queries.list_events(s, country="CHN", limit=None))]
    entities, _ = walk(client, "/api/entities", 5)
    assert [(e["code"], e["name"]) for e in entities] == [(e.code, e.name) for e in library(lambda s: queries.list_entities(s, limit=None))]
    stories, _ = walk(client, "/api/stories", 1)
    assert len(stories) == 3 and max(s["articles"] for s in stories) == 2  # the trimmed copy joined its story
    facts, _ = walk(client, "/api/facts/claims", 2)
    assert len(facts) == len(library(lambda s: queries.list_claim_facts(s, limit=None)))


def test_claims_carry_their_stored_verdicts(client, library):
    claims = client.get("/api/claims?limit=500").json()["items"]
    stored = library(lambda s: pages.verdicts_for(s, [c["id"] for c in claims]))
    assert len(stored) == len(claims)  # ingest verified every claim
    for c in claims:
        v = stored[c["id"]]
        assert (c["verdict"], c["verdict_reason"], c["reference_value"], c["reference_year"]) == (
            v.verdict, v.reason, v.reference_value, v.reference_year)
    assert {c["verdict"] for c in claims} <= {"consistent", "inconsistent", "unverifiable"}


def test_article_detail_holds_text_spans_sources_and_story(client, api_store):  # noqa: F811
    dam = api_store.article_ids["dam-again"]
    detail = client.get(f"/api/articles/{dam}").json()
    text = detail["text"]
    assert detail["article"]["title"] == "Uganda Launches China-Built Isimba Dam"
    assert {s["outlet"] for s in detail["sources"]} == {"Voice of America", "Wire Copy"}
    assert all(text[e["start"]:e["end"]] == e["text"] for e in detail["entities"])
    assert all(text[c["start"]:c["end"]] == c["evidence"] for c in detail["claims"])
    assert [a["id"] for a in detail["story_articles"]] == [api_store.article_ids["dam-cut"]]
    assert set(detail["verdicts"]) == {str(c["id"]) for c in detail["claims"]}
    assert client.get("/api/articles/999999").status_code == 404


def test_analysis_resources_answer_as_the_cli_does(client):
    latam = client.get("/api/countries?region=latam&limit=500").json()
    assert latam["has_more"] is False and {"BOL", "BRA", "PAN"} <= {c["code"] for c in latam["items"]}
    world = client.get("/api/countries?limit=100").json()
    assert world["has_more"] is True and len(world["items"]) == 100
    card = client.get("/api/countries/UGA/scorecard").json()
    assert card["code"] == "UGA" and card["name"] == "Uganda" and card["events"] is not None
    ranked = client.get("/api/rankings?region=latam&limit=5").json()
    assert len(ranked["items"]) == 5 and ranked["items"][0]["rank"] in (1, None)
    scenario = client.get("/api/scenarios/tariff?imposer=USA&targets=BRA,ARG&rate=50").json()
    assert scenario["targets"] == ["ARG", "BRA"] and scenario["rate"] == 50
    coverage = client.get("/api/refdata/coverage").json()
    assert "ids_debt_china_bilateral" in {s["series"] for s in coverage["series"]}


def test_errors_are_clear_statuses(client):
    bad = client.get("/api/claims?measure=debts")
    assert bad.status_code == 400 and "unknown measure 'debts'" in bad.json()["detail"]
    assert client.get("/api/countries/QQQ/scorecard").status_code == 404
    assert "unknown country code 'QQQ'" in client.get("/api/countries/QQQ/scorecard").json()["detail"]
    cursor = client.get("/api/articles?cursor=not-ours")
    assert cursor.status_code == 400 and "invalid cursor" in cursor.json()["detail"]
    assert client.get("/api/scenarios/tariff?imposer=FRA").status_code == 400
    assert client.get("/api/claims?limit=0").status_code == 422


def test_extract_returns_claims_with_verdicts_and_stores_only_when_asked(client, library):
    from sphere.refdata import load_reference
    from sphere.verify import verify_claim

    before = library(queries.stats).articles
    answer = client.post("/api/extract", headers=AUTH, json={"text": BOLIVIA, "published": "2025-02-20"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    debt = next(c for c in body["claims"] if c["claim"]["measure"] == "debt")
    assert (debt["claim"]["holder"], debt["claim"]["counterpart"], debt["claim"]["value"]) == ("BOL", "CHN", 1.7e9)
    from sphere.models import Claim

    expected = verify_claim(Claim.model_validate(debt["claim"]), published=dt.date(2025, 2, 20), ref=load_reference())
    assert debt["verdict"] == expected.model_dump(mode="json")
    assert body["stored_article_id"] is None and library(queries.stats).articles == before
    stored = client.post("/api/extract", headers=AUTH, json={"text": BOLIVIA, "store": True, "title": "Bolivia"})
    article_id = stored.json()["stored_article_id"]
    assert library(queries.stats).articles == before + 1
    assert client.get(f"/api/articles/{article_id}").json()["article"]["title"] == "Bolivia"


def test_extract_refuses_unreadable_input(client):
    assert client.post("/api/extract", headers=AUTH, json={"text": "   "}).status_code == 422
    both = client.post("/api/extract", headers=AUTH, json={"text": "x", "url": "https://example.org/"})
    assert both.status_code == 422 and "exactly one of text or url" in both.text
    french = client.post("/api/extract", headers=AUTH, json={
        "text": "La Bolivie doit plus de 1,7 milliard de dollars à la Chine, selon les données de la Banque "
                "mondiale. Le gouvernement a annoncé mardi de nouvelles négociations avec ses créanciers."})
    assert french.status_code == 422 and "English" in french.json()["detail"]


def test_openapi_lists_every_resource(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/claims", "/api/events",
            "/api/entities", "/api/facts/claims", "/api/facts/events", "/api/countries",
            "/api/countries/{code}/scorecard", "/api/rankings", "/api/scenarios/tariff", "/api/refdata/coverage",
            "/api/extract", "/api/ingest", "/api/refdata/update", "/api/stats"} <= paths


def test_ingest_stores_each_text_once_and_reports_unreadable_ones(client, library, api_store):  # noqa: F811
    dam = api_store.docs[2]
    before = library(queries.stats)
    documents = [{"text": dam.text, "title": dam.title, "outlet": "Another Outlet"}, {"text": "  "}]
    answer = client.post("/api/ingest", headers=AUTH, json={"documents": documents}).json()
    assert (answer["stored"], answer["duplicates"]) == (0, 1)  # the text was there: one more source of it
    assert [item for item, _ in answer["errors"]] == ["documents[1]"]
    after = library(queries.stats)
    assert after.articles == before.articles and after.outlets == before.outlets + 1


def test_paste_page_reads_an_uploaded_html_file(client, api_store):  # noqa: F811
    zambia = api_store.docs[1]
    html = f"<html><head><title>{zambia.title}</title></head><body><article><h1>{zambia.title}</h1>" + "".join(
        f"<p>{p}</p>" for p in zambia.text.split("\n\n")) + "</article></body></html>"
    page = client.post("/paste", data={"token": TOKEN, "published": str(zambia.published)},
                       files={"file": ("zambia.html", html.encode(), "text/html")})
    assert page.status_code == 200, page.text[-500:]
    expected = client.post("/api/extract", headers=AUTH, json={"text": zambia.text,
                                                               "published": str(zambia.published)}).json()
    assert f'<h2 id="verdicts">{len(expected["claims"])} figures:' in page.text
    refused = client.post("/paste", data={"token": TOKEN}, files={"file": ("feed.rss", b"<rss></rss>")})
    assert refused.status_code == 422 and "cannot read a feed file here" in refused.text


def test_a_comparative_figure_is_shown_as_a_comparison(client):
    text = "Brazil exported $30 billion more to China than to the United States in 2023, the trade ministry said."
    answer = client.post("/api/extract", headers=AUTH, json={"text": text, "store": True}).json()
    [claim] = answer["claims"]
    assert (claim["claim"]["holder"], claim["claim"]["counterpart"], claim["claim"]["relative_to"]) == (
        "BRA", "CHN", "USA")
    page = client.get(f"/articles/{answer['stored_article_id']}").text
    assert '<span class="compare">compared with BRA → USA</span>' in page
