"""Personal data kept outside messages and orders, erased with them.

``forget_customers`` and the retention purge erase texts, contacts and ids in the main
tables; newer tables keep personal data of their own, and forgetting must reach them too:

- files staff attached to replies (``attachments``): invoices, photos, labels;
- parcels (``shipments``): tracking numbers and links (``parcel_key`` may hold the number);
- shop webhooks kept unapplied (``shop_events``): whole payloads, with names and addresses.

Each function runs inside the caller's transaction::

    await erase_files(conn, conversation_ids)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import String, cast, delete, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.orders.matching import order_key
from bot.storage.schema import attachments, orders, outbox, shipments, shop_events


async def erase_files(conn: AsyncConnection, conversation_ids: Sequence[int]) -> int:
    """Delete the files attached to replies in these conversations; returns how many."""
    ids = list(conversation_ids)
    if not ids:
        return 0
    rows = await conn.execute(
        select(outbox.c.attachment_id).where(
            outbox.c.conversation_id.in_(ids), outbox.c.attachment_id.is_not(None)
        )
    )
    return await _delete_files(conn, sorted({r.attachment_id for r in rows}))


async def erase_old_files(conn: AsyncConnection, before: datetime) -> int:
    """Delete the files of replies older than ``before`` that are done with (sent,
    cancelled or parked): the retention period covers them like the texts."""
    rows = await conn.execute(
        select(outbox.c.attachment_id).where(
            outbox.c.created_at < before,
            outbox.c.status.in_(["sent", "cancelled", "dead"]),
            outbox.c.attachment_id.is_not(None),
        )
    )
    return await _delete_files(conn, sorted({r.attachment_id for r in rows}))


async def _delete_files(conn: AsyncConnection, ids: list[int]) -> int:
    if not ids:
        return 0
    await conn.execute(
        update(outbox).where(outbox.c.attachment_id.in_(ids)).values(attachment_id=None)
    )
    result = await conn.execute(delete(attachments).where(attachments.c.id.in_(ids)))
    return int(result.rowcount or 0)


async def erase_parcels(conn: AsyncConnection, order_ids: Sequence[int]) -> None:
    """Forget the tracking numbers and links of these orders' parcels (carrier, status and
    dates stay: they are what the digests count)."""
    ids = list(order_ids)
    if not ids:
        return
    await conn.execute(
        update(shipments)
        .where(shipments.c.order_id.in_(ids))
        .values(
            tracking_number=None,
            tracking_url=None,
            parcel_key=literal("forgotten:") + cast(shipments.c.id, String),
        )
    )


async def erase_kept_webhooks(conn: AsyncConnection, order_ids: Sequence[int]) -> None:
    """Empty the payloads of kept shop webhooks about these orders (by the shop's order id
    or number); the row stays, so staff still see that something came."""
    ids = list(order_ids)
    if not ids:
        return
    found = (
        await conn.execute(
            select(orders.c.external_id, orders.c.order_number).where(orders.c.id.in_(ids))
        )
    ).all()
    external = sorted({r.external_id for r in found if r.external_id})
    keys = {order_key(r.order_number) for r in found}
    named = [
        r.id
        for r in await conn.execute(
            select(shop_events.c.id, shop_events.c.order_number).where(
                shop_events.c.order_number.is_not(None)
            )
        )
        if order_key(r.order_number) in keys
    ]
    await conn.execute(
        update(shop_events)
        .where(or_(shop_events.c.order_external_id.in_(external), shop_events.c.id.in_(named)))
        .values(payload={}, order_number=None)
    )
