"""How a claim's figure is meant: `period` (annual, cumulative, stock, deal) and `since` (the first year of
a cumulative figure), written by extraction and read by verification (nullable: older rows have none).

Revision ID: 0004_claim_period
Revises: 0003_claims_by_date
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_claim_period"
down_revision = "0003_claims_by_date"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("period", sa.String(16), nullable=True))
        batch.add_column(sa.Column("since", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("since")
        batch.drop_column("period")
