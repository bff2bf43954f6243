"""work is claimed in the database: a conversation's lease, an outbox row's owner

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Several ``borderdesk run`` processes on one PostgreSQL database (issue 17) share the
work; what one of them is doing must be visible to the others, not kept in its memory.

- ``conversation_claims``: the process handling a conversation's messages holds its row
  (``owner``, ``claimed_until``) until it has handled them all, renewing it meanwhile;
  no other process handles that conversation until the row is released or its lease has
  run out (the owner died). See ``bot.storage.claims``.
- ``outbox.claimed_by``: who claimed a row for sending. A ``sending`` row's
  ``next_attempt_at`` was already its lease; the owner lets a worker whose lease ran out
  (a send that hung) no longer record anything for the row the next owner took over.

Nothing to move: a new table starts empty and no row is being sent during an upgrade.
Downgrading drops both.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_claims",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("claimed_until", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"]),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.add_column("outbox", sa.Column("claimed_by", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_by")
    op.drop_table("conversation_claims")
