"""Store tables of the reference stage: the snapshot's series (`ref_series`) and the verdict on each
stored claim (`claim_verdicts`). Created by migration `0002_refdata` on top of the store's `0001_initial`.

    claims ── claim_verdicts     one verdict per claim and snapshot version (re-verifying replaces it)
    ref_series                   every number of the snapshot, with its file, row and publisher
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    insert,
)
from sqlalchemy import delete as sa_delete
from sqlalchemy.orm import Mapped, Session, mapped_column

from sphere.refdata.load import ReferenceData
from sphere.store.schema import Base, BigId, Code


class RefSeriesRow(Base):
    __tablename__ = "ref_series"
    __table_args__ = (
        UniqueConstraint(
            "snapshot_version", "series", "reporter", "partner", "year", name="uq_ref_series_key"
        ),
        Index("ix_ref_series_lookup", "series", "reporter", "partner", "year"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    snapshot_version: Mapped[str] = mapped_column(String(32))
    series: Mapped[str] = mapped_column(String(64))
    reporter: Mapped[str] = mapped_column(Code)
    partner: Mapped[str] = mapped_column(Code, default="")  # "" for a series with no partner (GDP)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    publisher: Mapped[str] = mapped_column(String(300))
    snapshot_file: Mapped[str] = mapped_column(String(100))
    source_file: Mapped[str] = mapped_column(String(300))
    source_row: Mapped[str] = mapped_column(Text)


class ClaimVerdictRow(Base):
    __tablename__ = "claim_verdicts"
    __table_args__ = (
        Index("ix_claim_verdicts_claim", "claim_id"),
        Index("ix_claim_verdicts_article", "article_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    claim_id: Mapped[int] = mapped_column(BigId, ForeignKey("claims.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(BigId, ForeignKey("articles.id", ondelete="CASCADE"))
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    reference_value: Mapped[float | None] = mapped_column(Float)
    reference_year: Mapped[int | None] = mapped_column(Integer)
    reference_unit: Mapped[str | None] = mapped_column(String(16))
    series: Mapped[str | None] = mapped_column(String(200))
    publisher: Mapped[str | None] = mapped_column(String(300))
    source_file: Mapped[str | None] = mapped_column(Text)
    source_row: Mapped[str | None] = mapped_column(Text)
    difference: Mapped[float | None] = mapped_column(Float)
    coverage: Mapped[str | None] = mapped_column(String(16))
    coverage_note: Mapped[str | None] = mapped_column(Text)
    year_note: Mapped[str | None] = mapped_column(Text)
    source_differs: Mapped[bool | None] = mapped_column(Boolean)
    alternatives: Mapped[str | None] = mapped_column(Text)  # JSON list of other routes (0005)
    snapshot_version: Mapped[str] = mapped_column(String(32))
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def load_into_store(session: Session, ref: ReferenceData) -> int:
    """Replace the store's copy of this snapshot version with the snapshot's series; returns the row count."""
    session.execute(sa_delete(RefSeriesRow).where(RefSeriesRow.snapshot_version == ref.version))
    columns = [
        "series",
        "reporter",
        "partner",
        "year",
        "value",
        "unit",
        "publisher",
        "snapshot_file",
        "source_file",
        "source_row",
    ]
    records = ref.series[columns].to_dict("records")
    for record in records:
        record["snapshot_version"] = ref.version
        record["year"] = int(record["year"])
    for start in range(0, len(records), 5000):
        session.execute(insert(RefSeriesRow), records[start : start + 5000])
    return len(records)
