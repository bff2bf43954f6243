"""a proactive notice's kind and values in the outbox, and every piece a reply went out in

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

Two things WhatsApp needs to know about a message after it was queued (issue 18):

- ``outbox.notice_kind`` and ``outbox.notice_values``: a proactive notice (shipped, delay,
  payment reminder, review request, rating) keeps its kind and the values its text was
  rendered from (order number, carrier, tracking number...), so once the shopper's 24-hour
  window has closed the channel can send the store's approved template for that kind,
  its variables filled from the values, instead of the text. NULL for everything else.
- ``sent_pieces``: each message a reply went out in (a long text is cut in pieces, an
  attached file is a piece of its own), by the id its platform gave it, with what the
  platform reported of that piece; a reply counts as delivered only when all its pieces
  are, and a failed piece makes it a dead letter. A report that arrives before its send
  is recorded (Meta can be that fast) waits here without an ``outbox_id`` and is applied
  when the send is recorded.

Nothing to move: rows queued before keep NULLs (their notices go as the update template,
as before) and replies sent before keep their one id in ``outbox.platform_message_id``.
Downgrading drops the table and the two columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.schema import UTCDateTime

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("notice_kind", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("notice_values", sa.JSON(), nullable=True))
    op.create_table(
        "sent_pieces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("platform_message_id", sa.String(length=128), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("piece", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=True),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("read_at", UTCDateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "platform_message_id"),
    )
    op.create_index("ix_sent_pieces_outbox_id", "sent_pieces", ["outbox_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sent_pieces_outbox_id", table_name="sent_pieces")
    op.drop_table("sent_pieces")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("notice_values")
        batch.drop_column("notice_kind")
