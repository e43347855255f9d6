"""Verdicts an analyst can read whole: the other routes to a claim's quantity (own report vs partner's
mirror, as JSON on `claim_verdicts.alternatives`) and each membership event's verdict against the dated
membership tables, kept with the event (`events.membership_verdict`, `_reason`, `_source`). All nullable:
rows verified before this revision have none until `sphere verify --db` runs again.

Revision ID: 0005_routes_memberships
Revises: 0004_claim_period
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_routes_memberships"
down_revision = "0004_claim_period"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_verdicts") as batch:
        batch.add_column(sa.Column("alternatives", sa.Text(), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("membership_verdict", sa.String(16), nullable=True))
        batch.add_column(sa.Column("membership_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("membership_source", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("membership_source")
        batch.drop_column("membership_reason")
        batch.drop_column("membership_verdict")
    with op.batch_alter_table("claim_verdicts") as batch:
        batch.drop_column("alternatives")
