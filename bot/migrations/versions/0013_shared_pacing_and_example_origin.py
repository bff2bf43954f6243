"""the platforms' rate limits and the learned examples are shared by every process

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Several ``borderdesk run`` processes on one PostgreSQL database (issue 17) are one desk
to the platforms and to the staff:

- ``pace_keys`` and ``pace_sends``: the sends made under each pacing key (a chat, a
  Slack channel, a whole platform), so that every process counts the sends of all of
  them against the platform's limit, and a "retry after" one process was told holds them
  all (``pace_keys.held_until``). See ``bot.storage.pace_slots``.
- ``examples.origin``: which running desk's Store a staff decision taught the example
  in. The other processes learn the examples of other origins from the table within
  seconds (``bot.jobs_periodic.learn_elsewhere``); the one that recorded it has learned it.

Nothing to move: the pacing tables start empty (a send's record matters for a few
seconds), and an example stored before has no origin, which every process loaded at its
start already. Downgrading drops the tables and the column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pace_keys",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("held_until", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "pace_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["key"], ["pace_keys.key"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pace_sends_key", "pace_sends", ["key"], unique=False)
    op.add_column("examples", sa.Column("origin", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("examples") as batch:
        batch.drop_column("origin")
    op.drop_index("ix_pace_sends_key", table_name="pace_sends")
    op.drop_table("pace_sends")
    op.drop_table("pace_keys")
