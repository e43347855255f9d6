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
    """Extract entities, claims, events and quotes from one article's English text.

    `published` anchors relative dates ("on Tuesday") and officials' terms of office; a string is read as
    the readers read it (2025-02-20, "20 February 2025", "Thu, 20 Feb 2025 10:00:00 +0000", "2025/02/20").
    Returns an `ArticleResult`; its `language` is the language detected ("en").

    Raises `sphere.errors.InputError` naming `id` and the reason when the input cannot be used: a
    `published` that is no date, text that is empty, too large or not text; `sphere.errors.NotEnglish`
    (an InputError with the `language` it looks like) when the text is in another language, which sphere
    declines as the command line does.
    """
    from sphere.config import get_settings
    from sphere.errors import InputError, NotEnglish
    from sphere.nlp.pipeline import extract_text
    from sphere.sources.checks import Rejected, check_text
    from sphere.sources.dates import parse_date
    from sphere.sources.language import guess_language

    day = None
    if published is not None and not (isinstance(published, str) and not published.strip()):
        day = parse_date(published)
        if day is None:
            raise InputError(id, f"published {published!r} is not a date (use 2025-02-20 or 20 February 2025)")
    if not isinstance(text, str):
        raise InputError(id, f"text must be a str, not {type(text).__name__}")
    language = guess_language(text)
    if language is not None:
        raise NotEnglish(id, language)
    try:
        check_text(text, max_bytes=get_settings().max_text_bytes)
    except Rejected as exc:
        raise InputError(id, exc.reason) from None
    return extract_text(text, published=day, title=title, id=id)
