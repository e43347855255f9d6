"""What every request of one server shares: the store's engine, the reference snapshot, the gazetteer,
the configuration, and the tilt of every country (computed once per day asked, then kept)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sphere.analysis.scorecard import Scorecard, scorecard
from sphere.analysis.tilt import Tilt, tilt_index
from sphere.api.config import ApiConfig
from sphere.refdata.load import ReferenceData

POWERS = ("CHN", "USA")


@dataclass
class Context:
    config: ApiConfig
    engine: Engine
    sessions: sessionmaker[Session]  # writes: the store's own engine (SQLite: BEGIN IMMEDIATE, one writer)
    readers: sessionmaker[Session]  # reads: on SQLite an engine that never takes the write lock
    ref: ReferenceData
    knowledge: object
    extract_lock: threading.Lock = field(default_factory=threading.Lock)  # one spaCy run at a time per process
    extract_wait: float = 60.0  # seconds a request waits for its turn before the server says it is busy

    def __post_init__(self) -> None:
        self.tilt = lru_cache(maxsize=8192)(self._tilt)
        self.card = lru_cache(maxsize=2048)(self._card)

    def _card(self, code: str, as_of: dt.date, since: int | None, until: int | None) -> Scorecard:
        """A scorecard's reference part: the snapshot does not change while the server runs, so it is kept."""
        return scorecard(code, ref=self.ref, knowledge=self.knowledge, as_of=as_of, since=since, until=until)

    def _tilt(self, code: str, as_of: dt.date) -> Tilt:
        return tilt_index(code, ref=self.ref, knowledge=self.knowledge, as_of=as_of)

    def country_codes(self) -> list[str]:
        """Every country sphere knows, except the two powers compared, by code."""
        return sorted(c for c in self.knowledge.countries if c not in POWERS)  # type: ignore[attr-defined]


def context(request: Request) -> Context:
    return request.app.state.context


def session(request: Request) -> Iterator[Session]:
    """A session for reading: it never waits for a writer (an ingest running beside the server)."""
    with request.app.state.context.readers() as s:
        yield s


def write_session(request: Request) -> Iterator[Session]:
    with request.app.state.context.sessions() as s:
        yield s
