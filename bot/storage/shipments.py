"""Applying a Shopify webhook to its order, its parcels and its refunds, in one transaction.

    result = await store.apply_shopify(update, payload, now, webhook_id)
    result.outcome   # "applied", "waiting" (order not known yet), "duplicate" or "stale"

**Replays change nothing.** ``X-Shopify-Webhook-Id`` is not signed, so a captured
webhook can come back under a new id. An order event older than the order's stored
``updated_at`` (Shopify's), a fulfillment description older than the one stored, and a
``fulfillments/create`` for a fulfillment already described are *stale*: answered 200,
and nothing is changed (``is_older`` in ``bot.storage.orders``).

**An order we do not know yet.** Shopify does not promise the order's own webhook comes
first, and a fulfillment may name its order only by ``order_id``. Such a webhook is kept
in ``shop_events`` as *waiting*, with its payload, the order id and the order name it
gives; it is answered 200 so Shopify stops resending. Whenever a Shopify webhook is
applied to an order, the waiting events naming that order (by id or name) are applied
after it, each in its own transaction that also marks it applied, so a crash in between
leaves it waiting rather than lost or applied twice. ``shop_events(...)`` lists the
waiting ones (and the topics BorderDesk does not use, kept as *unknown*) for staff.

**The order's state comes from its parcels** (``bot.orders.shipments.order_progress``):
shipped once one parcel is handed to the carrier, delivered when every such parcel is,
with the latest estimate of those still travelling. A shipped order whose every parcel
was then cancelled goes back to paid, so no delay notice is sent for a parcel that never
left. A cancelled order stays cancelled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.orders.matching import order_key
from bot.orders.shipments import Parcel, apply_carrier_event, order_progress
from bot.orders.shopify import ShopifyUpdate
from bot.storage.orders import (
    DuplicateEvent,
    OrderChange,
    by_number,
    is_older,
    merge_order,
    next_status,
    record_event,
)
from bot.storage.parcels import drop_other_parcels, parcels_of, upsert_parcels
from bot.storage.records import new_id
from bot.storage.schema import orders, shop_events

SOURCE = "shopify"


@dataclass(frozen=True)
class ShopifyResult:
    outcome: Literal["applied", "waiting", "duplicate", "stale"]
    change: OrderChange | None = None  # when applied or stale (the order it was about)
    held_id: int | None = None  # when waiting


@dataclass(frozen=True)
class ShopEvent:
    """A webhook kept without being applied: waiting for its order, or not understood."""

    id: int
    topic: str
    status: str  # waiting | unknown | applied | stale (released, but older than stored)
    event_id: str | None
    order_external_id: str | None
    order_number: str | None
    payload: dict[str, Any]
    received_at: datetime


class ShipmentQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def apply_shopify(
        self,
        update: ShopifyUpdate,
        payload: Mapping[str, Any],
        at: datetime,
        webhook_id: str | None,
        *,
        release: int | None = None,
    ) -> ShopifyResult:
        """Apply a webhook, or keep it waiting for its order. ``release`` is the id of a
        waiting event being retried: it is not kept twice, and is marked applied with it;
        "duplicate" when it is no longer waiting (another process released it first)."""
        try:
            async with self.engine.begin() as conn:
                if release is None:  # a waiting event's id was recorded when it arrived
                    await record_event(conn, SOURCE, webhook_id, at)
                elif not await _still_waiting(conn, release):
                    return ShopifyResult("duplicate")
                result = await _apply(conn, update, payload, at, webhook_id, release)
                if release is not None and result.outcome in ("applied", "stale"):
                    await conn.execute(
                        update_event(release).values(status=result.outcome, applied_at=at)
                    )
                return result
        except DuplicateEvent:
            return ShopifyResult("duplicate")

    async def keep_shop_event(
        self, topic: str, payload: Mapping[str, Any], at: datetime, webhook_id: str | None
    ) -> bool:
        """Keep a webhook whose topic BorderDesk does not use; False when seen before."""
        try:
            async with self.engine.begin() as conn:
                await record_event(conn, SOURCE, webhook_id, at)
                await _keep(conn, "unknown", topic, payload, at, webhook_id, None, None)
        except DuplicateEvent:
            return False
        return True

    async def waiting_shop_events(self, external_id: str | None, number: str) -> list[ShopEvent]:
        """Waiting webhooks that name this order by its Shopify id or its number."""
        names = shop_events.c.order_number.is_not(None)  # compared below, "#1001" = "1001"
        condition = (
            or_(names, shop_events.c.order_external_id == external_id) if external_id else names
        )
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(shop_events)
                .where(shop_events.c.status == "waiting", condition)
                .order_by(shop_events.c.id)
            )
            found = [_event(r) for r in rows]
        key = order_key(number)
        return [
            e
            for e in found
            if (external_id and e.order_external_id == external_id)
            or (e.order_number is not None and order_key(e.order_number) == key)
        ]

    async def shopify_order_id(self, external_id: str | None, number: str | None) -> int | None:
        """The order a Shopify webhook names (by its Shopify id, else its number), if known."""
        async with self.reader.connect() as conn:
            row = await _find_order(conn, external_id, number)
        return None if row is None else int(row.id)

    async def order_parcels(self, order_id: int) -> list[Parcel]:
        """Every parcel of an order, cancelled ones included, first heard of first."""
        async with self.reader.connect() as conn:
            return (await parcels_of(conn, [order_id])).get(order_id, [])

    async def shop_events(
        self, statuses: Sequence[str] = ("waiting", "unknown")
    ) -> list[ShopEvent]:
        """Webhooks kept but not applied, oldest first (what staff should look at)."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(shop_events)
                .where(shop_events.c.status.in_(list(statuses)))
                .order_by(shop_events.c.id)
            )
            return [_event(r) for r in rows]


async def _still_waiting(conn: AsyncConnection, event_id: int) -> bool:
    """Whether the kept event is still waiting, its row locked until the caller commits.

    Two processes applying orders may release the same waiting event at once
    (PostgreSQL): the second one's lock waits for the first to commit and then reads it
    applied, so it is applied once. (SQLite's write lock already takes them in turn.)"""
    status = await conn.scalar(
        select(shop_events.c.status).where(shop_events.c.id == event_id).with_for_update()
    )
    return status == "waiting"


def update_event(event_id: int) -> Any:
    return update(shop_events).where(shop_events.c.id == event_id)


async def _apply(
    conn: AsyncConnection,
    upd: ShopifyUpdate,
    payload: Mapping[str, Any],
    at: datetime,
    webhook_id: str | None,
    release: int | None,
) -> ShopifyResult:
    if upd.order is not None:
        change = await merge_order(conn, upd.order, SOURCE, at)
        if change.stale:
            return ShopifyResult("stale", change)
        row = (await conn.execute(select(orders).where(orders.c.id == change.order_id))).one()
    else:
        row = await _find_order(conn, upd.external_id, upd.order_number)
        if row is None:
            if release is not None:
                return ShopifyResult("waiting", held_id=release)
            held = await _keep(
                conn,
                "waiting",
                upd.topic,
                payload,
                at,
                webhook_id,
                upd.external_id,
                upd.order_number,
            )
            return ShopifyResult("waiting", held_id=held)
        change = OrderChange(row.id, row.order_number, created=False, changed=False)
    touched, fresh = await _apply_parcels(conn, row.id, upd, at)
    if upd.parcels and not upd.order and not fresh:
        return ShopifyResult("stale", change)
    if upd.carrier_event is not None:
        touched = await _apply_carrier_event(conn, row.id, upd, at) or touched
    changed = change.changed or touched
    if upd.refunds:
        merged = {**(row.refunds or {}), **upd.refunds}
        if merged != row.refunds:
            await conn.execute(
                update(orders).where(orders.c.id == row.id).values(refunds=merged, updated_at=at)
            )
            changed = True
    if touched:
        changed = await _derive(conn, row.id, at) or changed
    return ShopifyResult("applied", replace(change, changed=changed))


async def _apply_parcels(
    conn: AsyncConnection, order_id: int, upd: ShopifyUpdate, at: datetime
) -> tuple[bool, bool]:
    """Each fulfillment's parcels replace what we had for it, unless the description is
    stale; (anything changed, any fulfillment was fresh)."""
    touched = fresh = False
    by_fulfillment: dict[str, list[Parcel]] = {}
    for parcel in upd.parcels:
        by_fulfillment.setdefault(parcel.fulfillment_id or "", []).append(parcel)
    known = (await parcels_of(conn, [order_id])).get(order_id, [])
    for fulfillment_id, given in by_fulfillment.items():
        if _stale(upd.topic, given, [p for p in known if p.fulfillment_id == fulfillment_id]):
            continue
        fresh = True
        keys = [p.parcel_key for p in given]
        touched = await drop_other_parcels(conn, order_id, fulfillment_id, keys) or touched
        touched = await upsert_parcels(conn, order_id, given, at) or touched
    return touched, fresh


def _stale(topic: str, given: Sequence[Parcel], known: Sequence[Parcel]) -> bool:
    """Whether a fulfillment's description is older than the one stored. A carrier's
    news may have made a parcel before any description (no stamp): that one is filled."""
    stamps = [p.shop_updated_at for p in known if p.shop_updated_at is not None]
    if not stamps:
        return False
    if topic == "fulfillments/create":  # a fulfillment is created once
        return True
    return is_older(
        max((p.shop_updated_at for p in given if p.shop_updated_at), default=None), max(stamps)
    )


async def _apply_carrier_event(
    conn: AsyncConnection, order_id: int, upd: ShopifyUpdate, at: datetime
) -> bool:
    """The carrier's news on every parcel of its fulfillment. A fulfillment we have not
    heard of yet gets a parcel of its own, so the news is not lost."""
    news = upd.carrier_event
    assert news is not None
    parcels = [
        p
        for p in (await parcels_of(conn, [order_id])).get(order_id, [])
        if p.fulfillment_id == news.fulfillment_id
    ]
    if not parcels:
        parcels = [Parcel(f"shopify:{news.fulfillment_id}:0", "success", news.fulfillment_id)]
    return await upsert_parcels(conn, order_id, [apply_carrier_event(p, news) for p in parcels], at)


async def _derive(conn: AsyncConnection, order_id: int, at: datetime) -> bool:
    """Bring the order's status, dates and tracking columns in line with its parcels."""
    row = (await conn.execute(select(orders).where(orders.c.id == order_id))).one()
    progress = order_progress((await parcels_of(conn, [order_id])).get(order_id, []))
    values: dict[str, Any] = {}
    if progress.reached is None:
        if row.status == "shipped":  # every parcel was cancelled: nothing travels
            values["status"] = "paid" if row.paid_at else "created"
        values.update(carrier=None, tracking_number=None, tracking_url=None)
    else:
        values["status"] = next_status(row.status, progress.reached)
        latest = progress.latest
        assert latest is not None
        values.update(
            carrier=latest.carrier,
            tracking_number=latest.tracking_number,
            tracking_url=latest.tracking_url,
        )
        if row.shipped_at is None:
            values["shipped_at"] = progress.shipped_at or at
        if progress.estimated_delivery is not None:
            values["estimated_delivery"] = progress.estimated_delivery
        if values["status"] == "delivered" and row.delivered_at is None:
            values["delivered_at"] = progress.delivered_at or at
    changes = {k: v for k, v in values.items() if row._mapping[k] != v}
    if changes:
        await conn.execute(
            update(orders).where(orders.c.id == order_id).values(updated_at=at, **changes)
        )
    return bool(changes)


async def _find_order(conn: AsyncConnection, external_id: str | None, number: str | None) -> Any:
    if external_id is not None:
        row = (
            await conn.execute(
                select(orders).where(orders.c.external_id == external_id).order_by(orders.c.id)
            )
        ).first()
        if row is not None:
            return row
    if number is not None:
        return (await conn.execute(by_number(number))).first()
    return None


async def _keep(
    conn: AsyncConnection,
    status: str,
    topic: str,
    payload: Mapping[str, Any],
    at: datetime,
    webhook_id: str | None,
    external_id: str | None,
    number: str | None,
) -> int:
    return new_id(
        await conn.execute(
            insert(shop_events).values(
                source=SOURCE,
                topic=topic[:64],
                event_id=webhook_id,
                order_external_id=external_id,
                order_number=number,
                status=status,
                payload=dict(payload),
                received_at=at,
            )
        )
    )


def _event(row: Any) -> ShopEvent:
    return ShopEvent(
        id=row.id,
        topic=row.topic,
        status=row.status,
        event_id=row.event_id,
        order_external_id=row.order_external_id,
        order_number=row.order_number,
        payload=dict(row.payload or {}),
        received_at=row.received_at,
    )
