"""Rank the countries of a region (or a group) by their China-United States tilt."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from sphere.analysis.tilt import Tilt, tilt_index
from sphere.errors import ConfigError
from sphere.refdata.load import ReferenceData


class Ranked(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int | None  # None: no index (a gap), listed last
    code: str
    name: str
    tilt: Tilt
    data_year: int | None = None  # the oldest data year among the channels used
    stale: list[str] = []  # channels more than STALE_YEARS older than the as-of date


def area_members(area: str, *, knowledge, on: date) -> list[str]:  # type: ignore[no-untyped-def]
    """Countries of a region (`latam`, `africa`, ...) or of a group (`BRICS`) on a date, without CHN and USA."""
    if area in knowledge.regions:
        codes = knowledge.region_members(area)
    elif area.upper() in knowledge.groups:
        codes = knowledge.members_of(area.upper(), on=on)
    else:
        raise ConfigError(f"unknown region or group {area!r}", valid=[*knowledge.regions, *knowledge.groups])
    return [c for c in codes if c not in ("CHN", "USA") and c in knowledge.countries]


def rank_area(area: str, *, ref: ReferenceData, knowledge, as_of: date) -> list[Ranked]:  # type: ignore[no-untyped-def]
    """Countries from most China-tilted to most US-tilted; those with no index come last, by code."""
    codes = area_members(area, knowledge=knowledge, on=as_of)
    tilts = [(c, tilt_index(c, ref=ref, knowledge=knowledge, as_of=as_of)) for c in codes]
    scored = sorted((t for t in tilts if t[1].index is not None), key=lambda t: (-t[1].index, t[0]))  # type: ignore[operator]
    gaps = sorted((t for t in tilts if t[1].index is None), key=lambda t: t[0])
    ordered = [(i, c, t) for i, (c, t) in enumerate(scored, 1)] + [(None, c, t) for c, t in gaps]
    return [
        Ranked(rank=i, code=c, name=knowledge.code_name(c), tilt=t, data_year=t.data_year, stale=t.stale)
        for i, c, t in ordered
    ]
