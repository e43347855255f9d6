"""Shared fixtures: the spaCy model once per session, and the path to ../shared when it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the project in development and CI)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from sphere.nlp.model import load_model

    return load_model()
