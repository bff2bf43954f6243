"""assignment: who owns a conversation since when, and every take, release and reassign

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

``conversation_owners``: the agent (a Slack user id from the desk file's ``agents:``) who
owns a conversation now, and since when; no row is an unassigned conversation, which
belongs to the inbox as before. ``assignments``: one row per change of owner (issue 19),
the history agent figures and work logs are counted from: the card that caused it, the
new owner (NULL when released), what happened (``auto``: round robin among agents on
shift, ``take``, ``reassign``, ``release``), who did it (``borderdesk`` for the desk) and
when.

Nothing to move: both tables start empty, and a desk without ``agents:`` leaves them so.
Downgrading drops them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.schema import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_owners",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("since", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_index(
        "ix_conversation_owners_owner_id", "conversation_owners", ["owner_id"], unique=False
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("by_id", sa.String(length=64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.ForeignKeyConstraint(["suggestion_id"], ["suggestions.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_assignments_conversation_id", "assignments", ["conversation_id"], unique=False
    )
    op.create_index("ix_assignments_owner_at", "assignments", ["owner_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_assignments_owner_at", table_name="assignments")
    op.drop_index("ix_assignments_conversation_id", table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("ix_conversation_owners_owner_id", table_name="conversation_owners")
    op.drop_table("conversation_owners")
