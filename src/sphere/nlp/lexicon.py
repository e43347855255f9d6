"""Loads the extractor's cue lexicons (data files in `extract/data/`), once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed JSON lexicon `extract/data/<name>.json`."""
    text = resources.files("sphere.nlp").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
