"""Orders from the shop and the webhook events already applied.

Events about one order arrive from several places and out of order, so storing one is a
merge, never an overwrite::

    order_id, created = await store.upsert_order(event, "shopify", now)

- "#A-1001", "A1001" and "a-1001" are the same order (``order_key``, the one rule in
  ``bot.orders.matching`` that linking and lookups use too); the stored display form is
  the first one seen, upgraded to one with the shop's "#" when that arrives later.
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
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.orders.matching import order_key
from bot.orders.model import PROGRESS, OrderEvent
from bot.storage.conflicts import insert_new
from bot.storage.order_records import OrderRecord, order_record
from bot.storage.parcels import parcel_of_event, parcels_of, upsert_parcels
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
class OrderChange:
    """What applying an event did: ``changed`` is False when it told us nothing new, and
    ``stale`` is True when it was older than what is stored (so nothing was applied)."""

    order_id: int
    order_number: str
    created: bool
    changed: bool
    stale: bool = False


class DuplicateEvent(Exception):
    """The sender's event was applied (or kept) before; raised inside the transaction by
    ``record_event`` so that nothing of the redelivery is kept."""


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
                await record_event(conn, source, event_id, at)
                return await merge_order(conn, event, source, at)
        except DuplicateEvent:
            return None

    async def order_by_number(self, number: str) -> OrderRecord | None:
        """The order with this number however it is written ("#A-1001", "a1001"; see
        ``bot.orders.matching``): the one an import merges events into, and the one a
        shopper's message links."""
        if not order_key(number):
            return None
        return await self._one(by_number(number))

    async def order_by_id(self, order_id: int) -> OrderRecord | None:
        return await self._one(select(orders).where(orders.c.id == order_id))

    async def _one(self, query: Any) -> OrderRecord | None:
        async with self.reader.connect() as conn:
            row = (await conn.execute(query)).first()
            if row is None:
                return None
            parcels = await parcels_of(conn, [row.id])
        return order_record(row, parcels.get(row.id, ()))


async def record_event(
    conn: AsyncConnection, source: str, event_id: str | None, at: datetime
) -> None:
    """Record in the caller's transaction that ``source`` sent the event ``event_id``;
    ``DuplicateEvent`` when it was recorded before (a redelivery), which rolls the whole
    transaction back. An event without an id cannot be told apart: it is not recorded.

        try:
            async with engine.begin() as conn:
                await record_event(conn, "shopify", webhook_id, at)
                ...  # apply it
        except DuplicateEvent:
            ...  # answered as a duplicate; nothing changed
    """
    if event_id is None:
        return
    try:
        await conn.execute(
            insert(webhook_events).values(source=source, event_id=event_id, received_at=at)
        )
    except IntegrityError:
        raise DuplicateEvent from None


def by_number(number: str) -> Any:
    """The order whose number has ``number``'s ``order_key``; the oldest row when an
    older import stored one twice (see ``bot.orders.matching``)."""
    # order_key in SQL: stored numbers are ASCII (the import refuses anything else), so
    # upper() is the same on SQLite and PostgreSQL, and hold no whitespace but, at most,
    # a space written straight into the table. No index covers this
    # expression; a shop's order table stays small enough to scan.
    key: Any = orders.c.order_number
    for dropped in ("#", "-", " "):
        key = func.replace(key, dropped, "")
    wanted = order_key(number)
    return select(orders).where(func.upper(key) == wanted).order_by(orders.c.id).limit(1)


async def merge_order(
    conn: AsyncConnection, event: OrderEvent, source: str, at: datetime
) -> OrderChange:
    row = (await conn.execute(by_number(event.order_number))).first()
    return await _merge_into(conn, row, event, source, at)


async def _merge_into(
    conn: AsyncConnection, row: Any, event: OrderEvent, source: str, at: datetime
) -> OrderChange:
    """``merge_order`` once the order's row is known (None: a new order)."""
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
        created = await conn.scalar(
            insert_new(conn, orders, orders.c.order_number)
            .values(order_number=event.order_number, source=source, updated_at=at, **values)
            .returning(orders.c.id)
        )
        if created is None:  # another process (PostgreSQL) created it meanwhile: merged in
            there = await conn.execute(
                select(orders).where(orders.c.order_number == event.order_number)
            )
            return await _merge_into(conn, there.one(), event, source, at)
        order_id = int(created)
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
