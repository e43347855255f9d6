"""Reference data and verdicts: the snapshot's series and one verdict per stored claim.

Revision ID: 0002_refdata
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_refdata"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ref_series",
        sa.Column("id", BigId, nullable=False),
        sa.Column("snapshot_version", sa.String(length=32), nullable=False),
        sa.Column("series", sa.String(length=64), nullable=False),
        sa.Column("reporter", sa.String(length=16), nullable=False),
        sa.Column("partner", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("publisher", sa.String(length=300), nullable=False),
        sa.Column("snapshot_file", sa.String(length=100), nullable=False),
        sa.Column("source_file", sa.String(length=300), nullable=False),
        sa.Column("source_row", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ref_series")),
        sa.UniqueConstraint(
            "snapshot_version", "series", "reporter", "partner", "year", name="uq_ref_series_key"
        ),
    )
    op.create_index("ix_ref_series_lookup", "ref_series", ["series", "reporter", "partner", "year"])
    op.create_table(
        "claim_verdicts",
        sa.Column("id", BigId, nullable=False),
        sa.Column("claim_id", BigId, nullable=False),
        sa.Column("article_id", BigId, nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reference_value", sa.Float(), nullable=True),
        sa.Column("reference_year", sa.Integer(), nullable=True),
        sa.Column("reference_unit", sa.String(length=16), nullable=True),
        sa.Column("series", sa.String(length=200), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("source_row", sa.Text(), nullable=True),
        sa.Column("difference", sa.Float(), nullable=True),
        sa.Column("coverage", sa.String(length=16), nullable=True),
        sa.Column("coverage_note", sa.Text(), nullable=True),
        sa.Column("year_note", sa.Text(), nullable=True),
        sa.Column("source_differs", sa.Boolean(), nullable=True),
        sa.Column("snapshot_version", sa.String(length=32), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_verdicts_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claim_verdicts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_verdicts")),
    )
    op.create_index("ix_claim_verdicts_claim", "claim_verdicts", ["claim_id"])
    op.create_index("ix_claim_verdicts_article", "claim_verdicts", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_verdicts_article", table_name="claim_verdicts")
    op.drop_index("ix_claim_verdicts_claim", table_name="claim_verdicts")
    op.drop_table("claim_verdicts")
    op.drop_index("ix_ref_series_lookup", table_name="ref_series")
    op.drop_table("ref_series")
