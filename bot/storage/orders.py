"""Orders from the shop and the webhook events already applied.

Events about one order arrive from several places and out of order, so storing one is a
merge, never an overwrite::

    order_id, created = await store.upsert_order(event, "shopify", now)

- "#1001" and "1001" are the same order; the stored display form is the first one seen,
  upgraded to the shop's "#1001" when that arrives later.
- A field the event does not give (None) never erases a known value.
- The status only moves forward, created -> paid -> shipped -> delivered; "cancelled" may
  come at any time and is final. A late "paid" after "shipped" still fills ``paid_at``.
- Live sources ("event", "shopify") stamp ``paid_at``/``shipped_at``/``delivered_at``
  with the time of receipt when the status moves on and the event gave no time; an
  import describes the past, so it stamps nothing. A new order without ``ordered_at``
  gets the time it was first heard of (the column cannot be empty).
- An event that says when the shop last changed the order (``updated_at``) and is older
  than the newest one applied changes nothing (``OrderChange.stale``): a replay or a
  late delivery cannot turn data back, whatever delivery id it comes with.
- An event with a tracking number also records that parcel (``shipments``, keyed by the
  number), so a second number is a second parcel rather than a replacement. Shopify's
  fulfillments and carrier events are applied by ``bot.storage.shipments``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.orders.model import PROGRESS, OrderEvent, order_key
from bot.storage.contacts import normalize_email, phones_match
from bot.storage.parcels import parcel_of_event, upsert_parcels
from bot.storage.records import new_id
from bot.storage.schema import orders, webhook_events

LIVE_SOURCES = frozenset({"event", "shopify"})
# fields an event carries as they are stored; items and status are merged on their own
_PLAIN = (
    "external_id",
    "name",
    "email",
    "phone",
    "country",
    "language",
    "currency",
    "total",
    "presentment_currency",
    "presentment_total",
    "ordered_at",
    "paid_at",
    "shipped_at",
    "carrier",
    "tracking_number",
    "tracking_url",
    "estimated_delivery",
    "delivered_at",
    "evaluation",
)
_STAMPS = {"paid": "paid_at", "shipped": "shipped_at", "delivered": "delivered_at"}


@dataclass(frozen=True)
class OrderRecord:
    """An order as stored (times aware, in UTC)."""

    id: int
    order_number: str
    source: str
    status: str
    ordered_at: datetime
    updated_at: datetime
    items: tuple[tuple[str, int], ...] = ()
    external_id: str | None = None
    customer_id: int | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
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
    presentment_currency: str | None = None
    presentment_total: float | None = None
    refunded: float | None = None  # the sum of the shop's refunds, in ``currency``

    def matches_contact(self, email: str | None = None, phone: str | None = None) -> bool:
        """Whether a shopper's e-mail or phone is the one on this order (proof it is theirs)."""
        if email and self.email and normalize_email(email) == normalize_email(self.email):
            return True
        return phones_match(phone, self.phone, self.country)


@dataclass(frozen=True)
class OrderChange:
    """What applying an event did: ``changed`` is False when it told us nothing new, and
    ``stale`` is True when it was older than what is stored (so nothing was applied)."""

    order_id: int
    order_number: str
    created: bool
    changed: bool
    stale: bool = False


class _Duplicate(Exception):
    """The event was applied before; raised to roll the transaction back."""


class OrderQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def upsert_order(self, event: OrderEvent, source: str, at: datetime) -> tuple[int, bool]:
        """Merge an event into its order (creating it); returns (order id, created)."""
        async with self.engine.begin() as conn:
            change = await merge_order(conn, event, source, at)
        return change.order_id, change.created

    async def upsert_orders(
        self, events: Sequence[OrderEvent], source: str, at: datetime
    ) -> list[OrderChange]:
        """Merge many events in one transaction (an import), in the order given."""
        async with self.engine.begin() as conn:
            return [await merge_order(conn, event, source, at) for event in events]

    async def apply_order_event(
        self, event: OrderEvent, source: str, at: datetime, event_id: str | None
    ) -> OrderChange | None:
        """Record the event id and merge the event in one transaction; None if seen before.

        One transaction, so a crash can never leave an event marked seen but not applied
        (its redelivery would then be dropped). Without an id the event is simply merged.
        """
        try:
            async with self.engine.begin() as conn:
                if event_id is not None:
                    try:
                        await conn.execute(seen_event(source, event_id, at))
                    except IntegrityError:
                        raise _Duplicate from None
                return await merge_order(conn, event, source, at)
        except _Duplicate:
            return None

    async def event_seen(self, source: str, event_id: str, at: datetime) -> bool:
        """Record an event id; True if it was recorded before (the unique constraint decides)."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(seen_event(source, event_id, at))
        except IntegrityError:
            return True
        return False

    async def order_by_number(self, number: str) -> OrderRecord | None:
        """The order with this number, written with or without "#", in any case."""
        async with self.reader.connect() as conn:
            row = (await conn.execute(by_number(number))).first()
        return None if row is None else _record(row)

    async def order_by_id(self, order_id: int) -> OrderRecord | None:
        async with self.reader.connect() as conn:
            row = (await conn.execute(select(orders).where(orders.c.id == order_id))).first()
        return None if row is None else _record(row)

    async def orders_of_customer(self, customer_id: int) -> list[OrderRecord]:
        """A customer's linked orders, newest first."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(orders)
                .where(orders.c.customer_id == customer_id)
                .order_by(orders.c.ordered_at.desc(), orders.c.id.desc())
            )
            return [_record(row) for row in rows]

    async def link_order(self, order_id: int, customer_id: int, at: datetime) -> None:
        """Attach an order to the customer who proved it is theirs."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(orders)
                .where(orders.c.id == order_id)
                .values(customer_id=customer_id, updated_at=at)
            )


def seen_event(source: str, event_id: str, at: datetime) -> Any:
    return insert(webhook_events).values(source=source, event_id=event_id, received_at=at)


def by_number(number: str) -> Any:
    # No index covers this expression; a shop's order table stays small enough to scan.
    normalised = func.lower(func.ltrim(orders.c.order_number, "#"))
    return select(orders).where(normalised == order_key(number)).order_by(orders.c.id).limit(1)


async def merge_order(
    conn: AsyncConnection, event: OrderEvent, source: str, at: datetime
) -> OrderChange:
    row = (await conn.execute(by_number(event.order_number))).first()
    if row is not None and is_older(event.updated_at, row.shop_updated_at):
        return OrderChange(row.id, row.order_number, created=False, changed=False, stale=True)
    current: dict[str, Any] = {} if row is None else dict(row._mapping)
    values = {name: getattr(event, name) for name in _PLAIN if getattr(event, name) is not None}
    if event.updated_at is not None:
        values["shop_updated_at"] = event.updated_at
    if event.items:
        values["items"] = [{"title": t, "quantity": q} for t, q in event.items]
    status = next_status(current.get("status"), event.status_reached())
    values["status"] = status
    stamp = _STAMPS.get(status)
    if (
        source in LIVE_SOURCES
        and status != current.get("status")
        and stamp is not None
        and values.get(stamp, current.get(stamp)) is None
    ):
        values[stamp] = at
    if row is None:
        values.setdefault("ordered_at", at)
        order_id = new_id(
            await conn.execute(
                insert(orders).values(
                    order_number=event.order_number, source=source, updated_at=at, **values
                )
            )
        )
        if (parcel := parcel_of_event(event)) is not None:
            await upsert_parcels(conn, order_id, [parcel], at)
        return OrderChange(order_id, event.order_number, created=True, changed=True)
    if event.order_number.strip().startswith("#") and not row.order_number.startswith("#"):
        values["order_number"] = event.order_number.strip()
    changes = {name: value for name, value in values.items() if current.get(name) != value}
    if changes:
        await conn.execute(
            update(orders).where(orders.c.id == row.id).values(updated_at=at, **changes)
        )
    parcel = parcel_of_event(event)
    parcel_changed = parcel is not None and await upsert_parcels(conn, row.id, [parcel], at)
    number = changes.get("order_number", row.order_number)
    changed = bool(changes.keys() - {"shop_updated_at"}) or parcel_changed  # what people see
    return OrderChange(row.id, number, created=False, changed=changed)


def is_older(given: datetime | None, stored: datetime | None) -> bool:
    """Whether an event stamped ``given`` is older than the ``stored`` stamp (an event or
    a row without a stamp is never older: there is nothing to compare)."""
    return given is not None and stored is not None and given < stored


def next_status(current: str | None, reached: str | None) -> str:
    """Forward only (created -> paid -> shipped -> delivered); cancelled any time, final."""
    if current is None:
        return reached or "created"
    if reached is None or current == "cancelled":
        return current
    if reached == "cancelled" or PROGRESS[reached] > PROGRESS[current]:
        return reached
    return current


def _record(row: Any) -> OrderRecord:
    data = {name: row._mapping[name] for name in _RECORD_FIELDS}
    data["items"] = tuple((str(i["title"]), int(i["quantity"])) for i in data["items"] or ())
    data["refunded"] = refunded(row.refunds)
    return OrderRecord(**data)


def refunded(refunds: Any) -> float | None:
    """The total of an order's ``refunds`` column ({refund id: amount}); None: no refund."""
    if not isinstance(refunds, dict) or not refunds:
        return None
    return round(sum(float(amount) for amount in refunds.values()), 2)


_RECORD_FIELDS = tuple(f.name for f in fields(OrderRecord) if f.name != "refunded")
