"""what became of each reply: the platform's delivery statuses

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

``delivery_statuses``: one row per outbox row a platform reported on (WhatsApp's status
webhooks: sent, delivered, read, failed; issue 18), holding the furthest state reached
and when it was delivered and read, or the platform's reason for a failure, so the card
can show "Delivered 14:35 UTC · Read 14:40 UTC" and a failure becomes a dead letter.

Statuses name the message by the id the platform gave at send time, so the outbox gets an
index on ``platform_message_id`` to find the row a status is about.

Nothing to move: the table starts empty. Downgrading drops it and the index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.schema import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_statuses",
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("read_at", UTCDateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"]),
        sa.PrimaryKeyConstraint("outbox_id"),
    )
    op.create_index(
        "ix_outbox_platform_message_id", "outbox", ["platform_message_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_platform_message_id", table_name="outbox")
    op.drop_table("delivery_statuses")
