"""how disputes were settled and what a return would have cost

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

``dispute_decisions``: one row per card staff settled with a dispute option (a refund
without return, a partial refund to keep the item, a reship, or a normal return; issue
19), with the item value, the refund, the estimated return shipping and how much of it
was avoided, for the management digest's money line (``handlers.disputes``).

Nothing to move: the table starts empty. Downgrading drops it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.schema import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dispute_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("option", sa.String(length=16), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("item_value", sa.Float(), nullable=False),
        sa.Column("refund", sa.Float(), nullable=False),
        sa.Column("return_cost", sa.Float(), nullable=True),
        sa.Column("return_currency", sa.String(length=3), nullable=True),
        sa.Column("return_avoided", sa.Float(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_by_name", sa.String(length=256), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"]),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("suggestion_id"),
    )
    op.create_index(
        "ix_dispute_decisions_conversation_id",
        "dispute_decisions",
        ["conversation_id"],
        unique=False,
    )
    op.create_index(
        "ix_dispute_decisions_decided_at", "dispute_decisions", ["decided_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_dispute_decisions_decided_at", table_name="dispute_decisions")
    op.drop_index("ix_dispute_decisions_conversation_id", table_name="dispute_decisions")
    op.drop_table("dispute_decisions")
