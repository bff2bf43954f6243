"""outbox parts sent, dead letters, held messages

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("parts_sent", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("hold_reason", sa.String(length=16), nullable=True))
    op.execute("UPDATE outbox SET status = 'dead' WHERE status = 'failed'")


def downgrade() -> None:
    op.execute("UPDATE outbox SET status = 'failed' WHERE status = 'dead'")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("hold_reason")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("parts_sent")
