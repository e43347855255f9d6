"""The API's public response and request schemas (pydantic). Store rows never leave the server: lists
carry the store's `...Public` models, extraction results the pipeline's own typed models."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sphere.models import Claim, Entity, Event, Quote
from sphere.verify.model import Verdict


class CountryPublic(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    regions: list[str]
    tilt: float | None = Field(description="China-US tilt index, -100 (United States) to +100 (China); null: a gap")


class CoverageSeries(BaseModel):
    series: str
    snapshot_file: str
    publisher: str
    unit: str
    first_year: int
    last_year: int
    reporters: int
    partners: int
    rows: int


class CoverageFile(BaseModel):
    name: str
    title: str
    publisher: str
    source_file: str
    licence: str
    accessed: str | None = None


class CoveragePublic(BaseModel):
    """What the bundled reference snapshot covers, series by series, with each file's provenance."""

    version: str
    accessed: str | None
    series: list[CoverageSeries]
    files: list[CoverageFile]


class ExtractRequest(BaseModel):
    """Text to extract from, or a URL to fetch (needs the token; public addresses only)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="the article's text")
    url: str | None = Field(default=None, max_length=2000, description="an http(s) URL to fetch instead")
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = Field(default=None, description="anchors relative dates and officials' terms")
    outlet: str | None = Field(default=None, max_length=200)
    store: bool = Field(default=False, description="also keep the article in the store")

    @model_validator(mode="after")
    def one_input(self) -> ExtractRequest:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of text or url")
        return self


class ExtractedClaim(BaseModel):
    claim: Claim
    verdict: Verdict


class ExtractResponse(BaseModel):
    """What sphere reads in one article and what checks out; `stored_article_id` only when stored."""

    title: str | None
    published: dt.date | None
    url: str | None
    extractor_version: str
    snapshot_version: str
    entities: list[Entity]
    claims: list[ExtractedClaim]
    events: list[Event]
    quotes: list[Quote]
    stored_article_id: int | None = None


class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[IngestDocument] = Field(min_length=1, max_length=100)


class IngestResponse(BaseModel):
    stored: int
    duplicates: int
    claims: int
    events: int
    verdicts: int
    errors: list[tuple[str, str]]


class RefdataUpdateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="wdi, ids, comtrade or imf")
    years: str = Field(default="2015-2024", pattern=r"^\d{4}(-\d{4})?$")


class RefdataUpdateResponse(BaseModel):
    source: str
    rows_written: int


class Health(BaseModel):
    status: str
    database: str
    articles: int
    snapshot_version: str
