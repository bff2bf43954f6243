"""chat types, blocked chats, edited messages, files attached to replies

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("chat_type", sa.String(length=16), nullable=True))
    with op.batch_alter_table("customers") as batch:
        batch.add_column(
            sa.Column("channel_blocked_at", bot.storage.schema.UTCDateTime(), nullable=True)
        )
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("edit_of", sa.Integer(), nullable=True))
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("mimetype", sa.String(length=128), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("attachment_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("attachment_id")
    op.drop_table("attachments")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("edit_of")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("channel_blocked_at")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("chat_type")
