"""the shop's own "last changed" on orders and parcels, so replays change nothing

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09

Shopify's ``X-Shopify-Webhook-Id`` is not covered by its signature: a captured old
``fulfillments/create`` sent again under a new id used to turn a tracking number back.
``orders.shop_updated_at`` and ``shipments.shop_updated_at`` keep the shop's
``updated_at`` of what was applied, and an event older than that changes nothing. Rows
written before start empty (the next event fills them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.storage.schema

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("orders", "shipments"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("shop_updated_at", bot.storage.schema.UTCDateTime(), nullable=True)
            )


def downgrade() -> None:
    for table in ("shipments", "orders"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("shop_updated_at")
