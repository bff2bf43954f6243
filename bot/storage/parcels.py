"""The ``shipments`` table row by row: one parcel of an order per row.

Used inside other modules' transactions (an order event names its tracking number, a
Shopify fulfillment lists its parcels) and by every reader that shows an order to a
person, so that no parcel of a split shipment is ever left out::

    await upsert_parcels(conn, order_id, parcels, at)
    found = await parcels_of(conn, [order_id])     # {order_id: [Parcel, ...]}

A value the parcel does not give (None) never erases a known one, like orders.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.orders.model import OrderEvent
from bot.orders.shipments import Parcel
from bot.storage.conflicts import insert_new
from bot.storage.schema import shipments

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_COLUMNS = tuple(f.name for f in fields(Parcel))


def parcel_of_event(event: OrderEvent) -> Parcel | None:
    """The parcel a generic order event or an imported row describes by its tracking
    number (None when it gives none): another number is another parcel."""
    if event.tracking_number is None:
        return None
    return _tracked_parcel(event, delivered=event.status_reached() == "delivered")


def _tracked_parcel(source: Any, *, delivered: bool) -> Parcel:
    """The one parcel an event or an order row names by its tracking number (``source``
    has the carrier, tracking and date fields under the parcel's own names)."""
    return Parcel(
        parcel_key=f"tracking:{source.tracking_number}",
        status="success",
        carrier=source.carrier,
        tracking_number=source.tracking_number,
        tracking_url=source.tracking_url,
        shipment_status="delivered" if delivered else None,
        shipped_at=source.shipped_at,
        delivered_at=source.delivered_at,
        estimated_delivery=source.estimated_delivery,
    )


async def upsert_parcels(
    conn: AsyncConnection, order_id: int, parcels: Iterable[Parcel], at: datetime
) -> bool:
    """Insert or merge each parcel by its key; True when anything changed."""
    changed = False
    for parcel in parcels:
        row = (
            await conn.execute(
                select(shipments).where(
                    shipments.c.order_id == order_id,
                    shipments.c.parcel_key == parcel.parcel_key,
                )
            )
        ).first()
        given = {name: getattr(parcel, name) for name in _COLUMNS}
        if row is None:
            added = await conn.scalar(
                insert_new(conn, shipments, shipments.c.order_id, shipments.c.parcel_key)
                .values(order_id=order_id, updated_at=at, **given)
                .returning(shipments.c.id)
            )
            if added is not None:
                changed = True
                continue
            # another process (PostgreSQL) added the parcel meanwhile: merged into its row
            row = (
                await conn.execute(
                    select(shipments).where(
                        shipments.c.order_id == order_id,
                        shipments.c.parcel_key == parcel.parcel_key,
                    )
                )
            ).one()
        known = dict(row._mapping)
        # a fulfillment's own status always counts (it may move back: cancelled)
        values = {k: v for k, v in given.items() if v is not None and known.get(k) != v}
        if values:
            await conn.execute(
                update(shipments).where(shipments.c.id == row.id).values(updated_at=at, **values)
            )
            changed = True
    return changed


async def drop_other_parcels(
    conn: AsyncConnection, order_id: int, fulfillment_id: str, keep: Sequence[str]
) -> bool:
    """Remove a fulfillment's parcels that its latest description no longer lists (a
    tracking number corrected or taken off); True when any was removed."""
    result = await conn.execute(
        delete(shipments).where(
            shipments.c.order_id == order_id,
            shipments.c.fulfillment_id == fulfillment_id,
            shipments.c.parcel_key.not_in(list(keep)),
        )
    )
    return bool(result.rowcount)


async def parcels_of(conn: AsyncConnection, order_ids: Iterable[int]) -> dict[int, list[Parcel]]:
    """Every parcel of these orders, in the order they were first heard of."""
    found: dict[int, list[Parcel]] = {}
    ids = sorted(set(order_ids))
    for start in range(0, len(ids), _CHUNK):
        rows = await conn.execute(
            select(shipments)
            .where(shipments.c.order_id.in_(ids[start : start + _CHUNK]))
            .order_by(shipments.c.order_id, shipments.c.id)
        )
        for row in rows:
            found.setdefault(row.order_id, []).append(_parcel(row))
    return found


def with_columns_parcel(row: Any, parcels: Sequence[Parcel]) -> tuple[Parcel, ...]:
    """An order's parcels; one made from its own carrier/tracking columns when it has no
    rows (orders written before parcels were kept, or straight into the table)."""
    if parcels or not row.tracking_number:
        return tuple(parcels)
    return (_tracked_parcel(row, delivered=row.status == "delivered"),)


def _parcel(row: Any) -> Parcel:
    return Parcel(**{name: row._mapping[name] for name in _COLUMNS})
