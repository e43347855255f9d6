"""api: the REST API and the web dashboard behind `sphere serve` (FastAPI on uvicorn).

    app.py            the application: routers, error mapping, middleware, static files
    config.py         ApiConfig: store, token, --dev, private reads, CORS, body cap, rate limit
    context.py        what requests share: engine, snapshot, gazetteer, cached tilts
    security.py       the token, the rate limit, the body cap, the security headers (CSP)
    ssrf.py           the guard on URLs fetched for /api/extract
    pagination.py     cursor pages that say when there is more
    schemas.py        the public request and response models
    routes_store.py   articles, stories, claims (with verdicts), events, entities, facts, stats
    routes_analysis.py countries, scorecards, rankings, scenarios, reference-data coverage
    routes_work.py    extract, ingest, reference-data update (token and rate limit)
    routes_pages.py   the dashboard's pages (templates/, static/)
    extraction.py     one article in (text, upload, URL), claims, events and verdicts out
    highlight.py      an article's text cut into highlighted segments
    charts.py         Plotly figures from the library's models

Every route calls the same library functions as the CLI (`sphere.store.queries`, `sphere.analysis`,
`sphere.verify`, the nlp pipeline); nothing here queries the store by itself except through them.
"""

from sphere.api.app import create_app
from sphere.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]
