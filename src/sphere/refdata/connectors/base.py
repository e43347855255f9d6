"""One base class for the live connectors that refresh the snapshot.

A connector declares, as data, how the API's records map to snapshot rows (`fields`: which record key
holds the reporter, partner, year, value; `series`: API indicator -> snapshot series; `codes`: API
codes -> ISO3). `fetch()` talks to the network and returns raw records; `to_rows()` is pure and maps them,
raising `ConnectorError` that names every field or code it could not map. `update()` runs both and only
then writes, atomically, so a failure at any point leaves the snapshot untouched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

from sphere.errors import ConnectorError
from sphere.refdata.build import SERIES_COLUMNS, number
from sphere.refdata.load import SNAPSHOT

Record = Mapping[str, Any]
OFFLINE_ENV = "SPHERE_OFFLINE"


class Connector(ABC):
    """A live public source that can refresh snapshot series."""

    name: ClassVar[str]
    title: ClassVar[str]
    publisher: ClassVar[str]
    publisher_short: ClassVar[str]
    host: ClassVar[str]
    licence: ClassVar[str]
    # record key for each snapshot column (reporter, partner, year, value, series)
    fields: ClassVar[dict[str, str]]
    # API indicator / flow code -> snapshot series
    series: ClassVar[dict[str, str]]
    # API country codes -> ISO3 (codes already ISO3 pass through when `iso3_passthrough`)
    codes: ClassVar[dict[str, str]] = {}
    iso3_passthrough: ClassVar[bool] = True
    scale: ClassVar[int] = 1  # multiply values by this to get US$
    unit: ClassVar[str] = "USD"

    @property
    def snapshot_file(self) -> str:
        return f"live_{self.name}.csv"

    @abstractmethod
    def fetch(self, years: range) -> list[Record]:
        """Raw records from the live API (network)."""

    def _code(self, raw: Any, field: str, errors: list[str]) -> str:
        text = "" if raw is None else str(raw)
        if text in self.codes:
            return self.codes[text]
        if self.iso3_passthrough and len(text) == 3 and text.isalpha() and text.isupper():
            return text
        errors.append(f"{field}={text!r}")
        return ""

    def to_rows(self, records: Iterable[Record], *, origin: str = "api") -> list[dict[str, str]]:
        """Map raw records to snapshot rows; ConnectorError naming every unmapped field or code."""
        rows, errors = [], []
        for n, record in enumerate(records, start=1):
            missing = [key for key in self.fields.values() if key and key not in record]
            if missing:
                errors.append(f"record {n}: missing field(s) {', '.join(missing)}")
                continue
            indicator = str(record[self.fields["series"]])
            if indicator not in self.series:
                errors.append(f"record {n}: {self.fields['series']}={indicator!r} has no series mapping")
                continue
            value = record[self.fields["value"]]
            if value is None or value == "":
                continue  # a gap in the source stays a gap
            problems: list[str] = []
            reporter = self._code(record[self.fields["reporter"]], self.fields["reporter"], problems)
            partner_key = self.fields.get("partner")
            partner = self._code(record[partner_key], partner_key, problems) if partner_key else ""
            try:
                amount = number(str(Decimal(str(value))), self.scale)
                year = str(int(str(record[self.fields["year"]]).removeprefix("YR")))
            except (InvalidOperation, ValueError):
                problems.append(
                    f"{self.fields['value']}={value!r} or {self.fields['year']}="
                    f"{record[self.fields['year']]!r} is not a number"
                )
            if problems:
                errors.append(f"record {n}: cannot map {', '.join(problems)}")
                continue
            rows.append(
                dict(
                    zip(
                        SERIES_COLUMNS,
                        (self.series[indicator], reporter, partner, year, amount, self.unit, f"{origin}#{n}"),
                        strict=True,
                    )
                )
            )
        if errors:
            shown = "; ".join(errors[:10]) + (f"; ... ({len(errors)} in all)" if len(errors) > 10 else "")
            raise ConnectorError(f"{self.name}: could not map {shown}")
        return rows

    def check_network(self) -> None:
        if os.environ.get(OFFLINE_ENV):
            raise ConnectorError(f"{self.name}: no network ({OFFLINE_ENV} is set); the snapshot is unchanged")

    def network_error(self, exc: BaseException) -> ConnectorError:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ConnectorError(
            f"{self.name}: no network or {self.host} unreachable ({reason}); the snapshot is unchanged"
        )

    def update(self, years: range, *, snapshot: Path = SNAPSHOT, records: list[Record] | None = None) -> int:
        """Fetch (unless `records` are given), map, and write `live_<name>.csv` plus its provenance entry."""
        if records is None:
            self.check_network()
            records = self.fetch(years)
        rows = self.to_rows(records)
        if not rows:
            raise ConnectorError(
                f"{self.name}: the source returned no values for {years.start}-{years.stop - 1}"
            )
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=SERIES_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(
            sorted(rows, key=lambda r: (r["series"], r["reporter"], r["partner"], int(r["year"])))
        )
        data = buffer.getvalue().encode("utf-8")
        provenance_path = snapshot / "PROVENANCE.json"
        provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
        provenance["files"][self.snapshot_file] = {
            "source_file": f"{self.host} (live API)",
            "title": self.title,
            "publisher": self.publisher,
            "publisher_short": self.publisher_short,
            "origin": {"repo": "-", "path": self.host, "commit": "-"},
            "licence": self.licence,
            "accessed": _today(),
            "series": {s: s for s in sorted(set(self.series.values()))},
            "notes": "live update; supersedes bundled values with the same series, parties and year",
            "rows": len(rows),
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "source_sha256": hashlib.sha256(
                json.dumps(records, sort_keys=True, default=str).encode()
            ).hexdigest(),
        }
        _atomic_write(snapshot / self.snapshot_file, data)
        _atomic_write(provenance_path, (json.dumps(provenance, indent=1, ensure_ascii=False) + "\n").encode())
        return len(rows)


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _atomic_write(path: Path, data: bytes) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
