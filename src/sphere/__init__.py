"""sphere: news about great-power competition turned into sourced, checked, structured data.

The pipeline, in the order data flows:
    sources/   read text, HTML, JSONL, feeds, URLs into `Document`s
    knowledge/ gazetteers: countries, groups, institutions, officials (data files)
    nlp/       the spaCy model (loaded once per process) and the extractors: sentences, figures,
               entities, claims, events, dates, quotes, run by nlp/pipeline.py
    evaluate/  scoring against annotated articles
    store/     SQLite / PostgreSQL knowledge store with provenance
    refdata/   the bundled reference snapshot and connectors to public APIs
    verify/    claims checked against the reference data
    analysis/  country scorecards and tariff scenarios
    cli/       the `sphere` command, a thin layer over this library
"""

from __future__ import annotations

from datetime import date

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def extract(text: str, *, published: date | str | None = None, title: str | None = None, id: str = "text"):  # noqa: A002
    """Extract entities, claims, events and quotes from one article's text.

    `published` anchors relative dates ("on Tuesday") and officials' terms of office.
    Returns an `ArticleResult`.
    """
    from sphere.nlp.pipeline import extract_text

    return extract_text(text, published=published, title=title, id=id)
