"""An order as the store returns it: one frozen record for every reader.

The order import, the webhooks, the linking of a chat to its order, profiles and reply
variables all read orders as ``OrderRecord``, built from an ``orders`` row and its
parcels (``shipments`` rows), so that no reader sees fewer parcels or a different total
than another::

    order = order_record(row, parcels)     # an ``orders`` row and its parcels
    order.shown_number                     # "#1001"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.orders.matching import shown_number
from bot.orders.shipments import Parcel
from bot.storage.parcels import with_columns_parcel


@dataclass(frozen=True)
class OrderRecord:
    """An order as stored (times aware, in UTC)."""

    id: int
    order_number: str  # the shop's display form, e.g. "#1001" (compare with order_key)
    source: str  # what first told us of it: "import", "event", "shopify"
    status: str
    ordered_at: datetime
    updated_at: datetime
    items: tuple[tuple[str, int], ...] = ()  # (title, quantity)
    external_id: str | None = None
    customer_id: int | None = None  # the identity that proved it is theirs
    name: str | None = None
    email: str | None = None
    phone: str | None = None  # as the shop wrote it, read in ``country`` when compared
    country: str | None = None
    language: str | None = None
    currency: str | None = None
    total: float | None = None
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    estimated_delivery: date | None = None
    delivered_at: datetime | None = None
    evaluation: str | None = None
    presentment_currency: str | None = None  # what the shopper paid in, when it differs
    presentment_total: float | None = None
    refunded: float | None = None  # the sum of the shop's refunds, in ``currency``
    # every parcel, cancelled ones too (bot.orders.shipments); the columns above hold the latest
    parcels: tuple[Parcel, ...] = ()

    @property
    def shown_number(self) -> str:
        return shown_number(self.order_number)


def order_record(row: Any, parcels: Sequence[Parcel] = ()) -> OrderRecord:
    """The record of an ``orders`` row; ``parcels`` are its ``shipments`` rows (an order
    with none but a tracking number in its own columns gets that one parcel)."""
    data = {name: row._mapping[name] for name in _COLUMNS}
    data["items"] = tuple(
        (str(item.get("title", "")), int(item.get("quantity") or 1))
        for item in (row.items or [])
        if isinstance(item, dict)
    )
    return OrderRecord(
        **data,
        refunded=refunded(row.refunds),
        parcels=with_columns_parcel(row, parcels),
    )


def refunded(refunds: Any) -> float | None:
    """The total of an order's ``refunds`` column ({refund id: amount}); None: no refund."""
    if not isinstance(refunds, dict) or not refunds:
        return None
    return round(sum(float(amount) for amount in refunds.values()), 2)


_COLUMNS = tuple(
    name for name in OrderRecord.__dataclass_fields__ if name not in ("refunded", "parcels")
)
