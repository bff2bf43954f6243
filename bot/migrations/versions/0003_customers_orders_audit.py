"""customers orders audit

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=256), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "webhook_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=128), nullable=False),
        sa.Column("received_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "event_id", name="uq_webhook_events"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=256), nullable=True),
        sa.Column("email", sa.String(length=256), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ordered_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("paid_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("shipped_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("tracking_url", sa.String(length=512), nullable=True),
        sa.Column("estimated_delivery", sa.Date(), nullable=True),
        sa.Column("delivered_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("evaluation", sa.String(length=8), nullable=True),
        sa.Column("updated_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_number"),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_email"), ["email"], unique=False)

    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=256), nullable=True))
        batch_op.add_column(sa.Column("phone", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("timezone", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("blocked_at", bot.storage.schema.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("block_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("block_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("blocked_by", sa.String(length=256), nullable=True))
        batch_op.add_column(
            sa.Column("opted_out_at", bot.storage.schema.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("forgotten_at", bot.storage.schema.UTCDateTime(), nullable=True)
        )

    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purged_at", bot.storage.schema.UTCDateTime(), nullable=True))

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.add_column(sa.Column("order_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("source", sa.String(length=16), server_default="shopper", nullable=False)
        )
        batch_op.alter_column("suggestion_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_foreign_key("fk_problems_order_id", "orders", ["order_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_constraint("fk_problems_order_id", type_="foreignkey")
        batch_op.alter_column("suggestion_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("source")
        batch_op.drop_column("order_id")

    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("purged_at")

    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("forgotten_at")
        batch_op.drop_column("opted_out_at")
        batch_op.drop_column("blocked_by")
        batch_op.drop_column("block_note")
        batch_op.drop_column("block_reason")
        batch_op.drop_column("blocked_at")
        batch_op.drop_column("timezone")
        batch_op.drop_column("phone")
        batch_op.drop_column("email")

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_email"))
        batch_op.drop_index(batch_op.f("ix_orders_customer_id"))

    op.drop_table("orders")
    op.drop_table("webhook_events")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_customer_id"))
        batch_op.drop_index(batch_op.f("ix_audit_at"))

    op.drop_table("audit")
