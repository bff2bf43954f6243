"""parcels of an order, refunds and presentment money, shop events kept for later

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

Orders that already carry a tracking number get it as their first parcel, so profiles and
replies, which read parcels, show what they showed before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("presentment_currency", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("presentment_total", sa.Float(), nullable=True))
        batch.add_column(sa.Column("refunds", sa.JSON(), nullable=True))
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("parcel_key", sa.String(length=160), nullable=False),
        sa.Column("fulfillment_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("shipment_status", sa.String(length=32), nullable=True),
        sa.Column("shipment_status_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("tracking_url", sa.String(length=512), nullable=True),
        sa.Column("shipped_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("delivered_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.Column("estimated_delivery", sa.Date(), nullable=True),
        sa.Column("updated_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_id", "parcel_key", name="uq_shipments_parcel"),
    )
    op.create_index("ix_shipments_order_id", "shipments", ["order_id"])
    op.execute(
        "INSERT INTO shipments (order_id, parcel_key, status, carrier, tracking_number,"
        " tracking_url, shipped_at, delivered_at, estimated_delivery, updated_at)"
        " SELECT id, 'tracking:' || tracking_number, 'success', carrier, tracking_number,"
        " tracking_url, shipped_at, delivered_at, estimated_delivery, updated_at"
        " FROM orders WHERE tracking_number IS NOT NULL"
    )
    op.create_table(
        "shop_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=128), nullable=True),
        sa.Column("order_external_id", sa.String(length=64), nullable=True),
        sa.Column("order_number", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", bot.storage.schema.UTCDateTime(), nullable=False),
        sa.Column("applied_at", bot.storage.schema.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_shop_events_order_external_id", "shop_events", ["order_external_id"])


def downgrade() -> None:
    op.drop_index("ix_shop_events_order_external_id", "shop_events")
    op.drop_table("shop_events")
    op.drop_index("ix_shipments_order_id", "shipments")
    op.drop_table("shipments")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("refunds")
        batch.drop_column("presentment_total")
        batch.drop_column("presentment_currency")
