"""Read the bundled reference snapshot into pandas frames and typed values.

`load_reference()` returns a `ReferenceData` over `snapshot/` (or another folder built by
`sphere.refdata.build`). Every value it hands out is a `RefValue` that names its series, its
publisher, the snapshot file and the original source file and row, so any number sphere shows
can be traced back. A gap is `None`, never 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict

from sphere.errors import NoData, RefdataError, UnknownCode

SNAPSHOT = Path(__file__).resolve().parent / "snapshot"


class RefValue(BaseModel):
    """One reference number with everything needed to trace it."""

    model_config = ConfigDict(frozen=True)

    series: str
    reporter: str
    partner: str | None
    year: int
    value: float
    unit: str
    publisher: str
    publisher_short: str
    snapshot_file: str
    source_file: str
    source_row: str


class ReferenceData:
    """The reference snapshot: numeric series, memberships and their provenance."""

    def __init__(self, folder: Path = SNAPSHOT) -> None:
        path = folder / "PROVENANCE.json"
        if not path.exists():
            raise RefdataError(f"no reference snapshot at {folder} (PROVENANCE.json missing)")
        self.folder = folder
        self.provenance: dict = json.loads(path.read_text(encoding="utf-8"))
        series: list[pd.DataFrame] = []
        members: list[pd.DataFrame] = []
        for name, meta in self.provenance["files"].items():
            frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
            frame["snapshot_file"] = name
            frame["source_file"] = meta["source_file"]
            frame["publisher"] = meta["publisher"]
            frame["publisher_short"] = meta["publisher_short"]
            (series if "series" in frame.columns else members).append(frame)
        self.series = pd.concat(series, ignore_index=True)
        self.series["year"] = self.series["year"].astype(int)
        self.series["value"] = self.series["value"].astype(float)
        self.memberships = pd.concat(members, ignore_index=True)
        self._index: dict[tuple[str, str, str], dict[int, int]] = {}
        for i, (s, r, p, y) in enumerate(
            zip(
                self.series["series"].tolist(),
                self.series["reporter"].tolist(),
                self.series["partner"].tolist(),
                self.series["year"].tolist(),
                strict=True,
            )
        ):
            self._index.setdefault((s, r, p), {})[int(y)] = i

    @property
    def version(self) -> str:
        return str(self.provenance["version"])

    @cached_property
    def series_ids(self) -> list[str]:
        return sorted(self.series["series"].unique())

    @cached_property
    def codes(self) -> set[str]:
        """Every code that has any series (as reporter or partner) or any membership."""
        found = set(self.series["reporter"]) | set(self.series["partner"]) | set(self.memberships["iso3"])
        return {c for c in found if c}

    def check_series(self, series: str) -> None:
        if series not in self.series_ids:
            raise UnknownCode(f"unknown reference series {series!r}", valid=self.series_ids)

    @cached_property
    def _rows(self) -> list[tuple]:
        """Every series row as a plain tuple in `RefValue` field order (row lookups without pandas)."""
        columns = {name: self.series[name].tolist() for name in RefValue.model_fields}
        columns["partner"] = [p or None for p in columns["partner"]]
        return list(zip(*columns.values(), strict=True))

    def _value(self, i: int) -> RefValue:
        # built from a row of the validated frame: types are already right, so no second validation
        return RefValue.model_construct(**dict(zip(RefValue.model_fields, self._rows[i], strict=True)))

    def years(self, series: str, reporter: str, partner: str | None = None) -> list[int]:
        """Years with a value, ascending (empty when the series has nothing for the pair)."""
        return sorted(self._index.get((series, reporter, partner or ""), {}))

    def get(self, series: str, reporter: str, partner: str | None, year: int) -> RefValue | None:
        """The value for one year, or None for a gap."""
        i = self._index.get((series, reporter, partner or ""), {}).get(year)
        return None if i is None else self._value(i)

    def require(self, series: str, reporter: str, partner: str | None, year: int) -> RefValue:
        """Like `get`, but a gap raises `NoData` naming the years there are."""
        found = self.get(series, reporter, partner, year)
        if found is None:
            years = self.years(series, reporter, partner)
            span = f"{years[0]}-{years[-1]}" if years else "none"
            raise NoData(
                f"{series} has no value for {reporter}->{partner or '-'} in {year} (years with data: {span})"
            )
        return found

    def latest(
        self, series: str, reporter: str, partner: str | None, *, before: int | None = None
    ) -> RefValue | None:
        """The latest value strictly before year `before` (any year when None)."""
        years = [y for y in self.years(series, reporter, partner) if before is None or y < before]
        return self.get(series, reporter, partner, years[-1]) if years else None

    def values(self, series: str, reporter: str, partner: str | None) -> dict[int, float]:
        """Year -> value for one pair; missing years are absent (a gap, not 0)."""
        index = self._index.get((series, reporter, partner or ""), {})
        column = self.series["value"]
        return {y: float(column.iat[i]) for y, i in sorted(index.items())}

    def cumulative(
        self, series: Iterable[str], reporter: str, partner: str, *, through: int
    ) -> tuple[float, list[RefValue]] | None:
        """Sum of several series over all years up to `through`, with the rows summed; None when none."""
        parts = [
            self.get(s, reporter, partner, y)
            for s in series
            for y in self.years(s, reporter, partner)
            if y <= through
        ]
        found = [p for p in parts if p is not None]
        return (sum(p.value for p in found), found) if found else None

    def members(self, group: str, on: date, statuses: Iterable[str] = ("member",)) -> list[str]:
        """Codes in `group` with one of `statuses` on date `on` (joined on or before, not yet left)."""
        frame = self.memberships[self.memberships["group"] == group]
        if frame.empty:
            raise UnknownCode(f"no membership data for group {group!r}", valid=self.groups)
        day = on.isoformat()
        keep = frame[
            frame["status"].isin(list(statuses))
            & (frame["effective_from"] != "")
            & (frame["effective_from"] <= day)
            & ((frame["date_to"] == "") | (frame["date_to"] > day))
        ]
        return sorted(keep["iso3"])

    @cached_property
    def groups(self) -> list[str]:
        return sorted(self.memberships["group"].unique())

    def memberships_of(self, code: str) -> pd.DataFrame:
        return self.memberships[self.memberships["iso3"] == code]

    def coverage(self) -> pd.DataFrame:
        """One row per series: publisher, unit, years, reporters, partners, rows, snapshot file."""
        grouped = self.series.groupby(["series", "snapshot_file"], sort=True)
        return grouped.agg(
            publisher=("publisher_short", "first"),
            unit=("unit", "first"),
            first_year=("year", "min"),
            last_year=("year", "max"),
            reporters=("reporter", "nunique"),
            partners=("partner", "nunique"),
            rows=("value", "size"),
        ).reset_index()


@lru_cache(maxsize=4)
def load_reference(folder: Path | None = None) -> ReferenceData:
    """The reference snapshot (the bundled one by default), loaded once per folder."""
    return ReferenceData(folder or SNAPSHOT)
