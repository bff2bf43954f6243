"""joining two chats of one shopper, on a code only they can read

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10

Identities are never merged by an e-mail anyone can type (issue 14), so two chats of one
shopper (a new phone, another app) could not be joined at all. ``customers.person_id``
now joins identities proven to be one person: a one-time code sent to the chat an order
is linked to and typed in the other one (``join_codes``, hashed, with expiry and tries),
or staff joining them. ``outbox.kept_text`` is what a message keeps once sent when its
text must not stay (the code). Existing identities stay alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch.create_index("ix_customers_person_id", ["person_id"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("kept_text", sa.Text(), nullable=True))
    op.create_table(
        "join_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asking_customer_id", sa.Integer(), nullable=False),
        sa.Column("owner_customer_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("code_salt", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("wrong_tries", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("last_message_id", sa.Integer(), nullable=True),
        sa.Column("created_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("expires_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("finished_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["asking_customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["owner_customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    for column in ("asking_customer_id", "owner_customer_id"):
        op.create_index(f"ix_join_codes_{column}", "join_codes", [column])


def downgrade() -> None:
    for column in ("owner_customer_id", "asking_customer_id"):
        op.drop_index(f"ix_join_codes_{column}", "join_codes")
    op.drop_table("join_codes")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("kept_text")
    with op.batch_alter_table("customers") as batch:
        batch.drop_index("ix_customers_person_id")
        batch.drop_column("person_id")
