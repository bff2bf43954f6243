"""shopper ratings: one question per resolved conversation, and its answer

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

``ratings``: one row per conversation asked to rate the help it got (issue 19), written
when the question is queued; the shopper's answer (1-5 and an optional comment) fills
``score``, ``comment``, ``answered_at`` and ``message_id``. The card whose reply resolved
the conversation and who sent it are kept, so a rating can later count for an agent.

Nothing to move: the table starts empty. Downgrading drops it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.schema import UTCDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=True),
        sa.Column("agent_id", sa.String(length=64), nullable=True),
        sa.Column("agent_name", sa.String(length=256), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"]),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversation_id"),
    )
    op.create_index("ix_ratings_answered_at", "ratings", ["answered_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ratings_answered_at", table_name="ratings")
    op.drop_table("ratings")
