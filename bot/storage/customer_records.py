"""What the customer queries return: a shopper's identities, orders, past problems and
the audit of what staff did to their record, as frozen records built from table rows.

    customer = customer_record(row)            # a ``customers`` row
    order = customer_order(row, parcels)       # an ``orders`` row and its parcels
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from bot.orders.shipments import Parcel
from bot.storage.orders import refunded
from bot.storage.parcels import with_columns_parcel


@dataclass(frozen=True)
class CustomerRecord:
    """One channel identity of a shopper, with the flags staff and the shopper set."""

    id: int
    channel: str
    platform_user_id: str
    name: str
    language: str | None
    country: str | None
    timezone: str | None
    email: str | None
    phone: str | None
    created_at: datetime
    blocked_at: datetime | None
    block_reason: str | None
    block_note: str | None
    blocked_by: str | None
    opted_out_at: datetime | None
    forgotten_at: datetime | None


@dataclass(frozen=True)
class CustomerOrder:
    """An order as a profile and template variables need it."""

    id: int
    order_number: str
    customer_id: int | None
    email: str | None
    phone: str | None
    country: str | None
    currency: str | None
    total: float | None
    items: tuple[tuple[str, int], ...]  # (title, quantity)
    status: str
    ordered_at: datetime
    shipped_at: datetime | None
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    estimated_delivery: date | None
    delivered_at: datetime | None
    evaluation: str | None
    # every parcel, cancelled ones too (bot.orders.shipments); the columns above hold the latest
    parcels: tuple[Parcel, ...] = ()
    refunded: float | None = None  # in ``currency``
    presentment_currency: str | None = None  # what the shopper paid in, when it differs
    presentment_total: float | None = None

    @property
    def shown_number(self) -> str:
        return "#" + self.order_number.lstrip("#")


@dataclass(frozen=True)
class PastProblem:
    """A problem the shopper had, and what became of it (None: never escalated)."""

    intent: str
    department: str
    created_at: datetime
    order_number: str | None
    escalation_status: str | None  # open | acknowledged | resolved
    root_cause: str | None
    reports: int = 1  # the shopper's messages and the desk's own findings about it


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    customer_id: int | None
    detail: dict[str, Any]


def customer_record(row: Any) -> CustomerRecord:
    return CustomerRecord(**{f.name: getattr(row, f.name) for f in fields(CustomerRecord)})


def customer_order(row: Any, parcels: Sequence[Parcel] = ()) -> CustomerOrder:
    items = tuple(
        (str(item.get("title", "")), int(item.get("quantity") or 1))
        for item in (row.items or [])
        if isinstance(item, dict)
    )
    return CustomerOrder(
        id=row.id,
        order_number=row.order_number,
        customer_id=row.customer_id,
        email=row.email,
        phone=row.phone,
        country=row.country,
        currency=row.currency,
        total=row.total,
        items=items,
        status=row.status,
        ordered_at=row.ordered_at,
        shipped_at=row.shipped_at,
        carrier=row.carrier,
        tracking_number=row.tracking_number,
        tracking_url=row.tracking_url,
        estimated_delivery=row.estimated_delivery,
        delivered_at=row.delivered_at,
        evaluation=row.evaluation,
        parcels=with_columns_parcel(row, parcels),
        refunded=refunded(row.refunds),
        presentment_currency=row.presentment_currency,
        presentment_total=row.presentment_total,
    )
