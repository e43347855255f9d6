"""The verdict on one claim: what was checked, against what, and how far off it is."""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from sphere.refdata.load import RefValue
from sphere.refdata.routes import Coverage

VerdictKind = Literal["consistent", "inconsistent", "unverifiable"]
__all__ = ["Alternative", "ClaimLike", "Coverage", "Verdict", "VerdictKind", "claim_fields"]


class Alternative(BaseModel):
    """Another route to the same quantity (the partner's mirror, another publisher), shown beside the
    verdict when its number or its verdict differs from the one followed."""

    model_config = ConfigDict(frozen=True)

    label: str
    series: str
    publisher: str
    year: int
    value: float
    verdict: VerdictKind
    difference: float | None


class Verdict(BaseModel):
    """A claim compared with the reference snapshot.

    `reference_value` is the number the claim was compared with (a sum or difference of the
    `components` when the claim needs several series); `difference` is the signed relative
    difference (reference - claim) / |claim|. `band` is the range of reference values the claim's
    wording (`approx`) allows. `source_differs` is None when the article names no source.
    """

    model_config = ConfigDict(frozen=True)

    verdict: VerdictKind
    reason: str
    measure: str
    holder: str | None
    counterpart: str | None
    relative_to: str | None = None
    value: float
    unit: str
    approx: str
    claim_year: int | None = None
    period: str | None = None
    since: int | None = None
    evidence: str = ""
    reference_value: float | None = None
    reference_year: int | None = None
    reference_unit: str | None = None
    series: str | None = None
    publisher: str | None = None
    source_file: str | None = None
    source_row: str | None = None
    components: list[RefValue] = []
    difference: float | None = None
    band: tuple[float, float] | None = None
    coverage: Coverage | None = None
    coverage_note: str | None = None
    year_note: str | None = None
    article_source: str | None = None
    source_differs: bool | None = None
    snapshot_version: str | None = None
    value_usd: float | None = None  # the claim's value in US$ when it was stated in another currency
    conversion: str | None = None  # how it was converted (rate, basis, source)
    alternatives: list[Alternative] = []

    def summary(self) -> str:
        """One line for terminals: verdict, the claim, the reference and the gap."""
        party = f"{self.holder or '-'}->{self.counterpart or '-'}"
        if self.relative_to:
            party += f" minus {self.holder}->{self.relative_to}"
        text = f"{self.verdict:<12} {self.measure} {party} {self.approx} {_money(self.value, self.unit)}"
        if self.reference_value is not None:
            text += (
                f" | ref {_money(self.reference_value, self.reference_unit or '')} ({self.reference_year}, "
                f"{self.series}, {self.publisher})"
            )
        if self.difference is not None:
            text += f" {self.difference:+.1%}"
        return text


def _money(value: float, unit: str) -> str:
    if unit in ("USD", "USD_2021") and abs(value) >= 1e6:
        scale, word = (1e9, "bn") if abs(value) >= 1e9 else (1e6, "m")
        return f"${value / scale:,.2f} {word}"
    return f"{value:,.0f} {unit}"


class ClaimLike(Protocol):
    """What a verdict reads from a claim: a `Claim` or a stored claim row (same attribute names)."""

    @property
    def measure(self) -> str: ...
    @property
    def holder(self) -> str | None: ...
    @property
    def counterpart(self) -> str | None: ...
    @property
    def relative_to(self) -> str | None: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def approx(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def evidence(self) -> str: ...
    @property
    def source(self) -> str | None: ...


def claim_fields(claim: ClaimLike) -> dict:
    """The fields a verdict repeats from its claim."""
    return {
        "measure": claim.measure,
        "holder": claim.holder,
        "counterpart": claim.counterpart,
        "relative_to": claim.relative_to,
        "value": claim.value,
        "unit": claim.unit,
        "approx": claim.approx,
        "claim_year": claim.year,
        "evidence": claim.evidence,
        "article_source": claim.source,
        "period": getattr(claim, "period", None),
        "since": getattr(claim, "since", None),
    }
