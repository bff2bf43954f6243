"""What became of the replies the outbox sent, as their platform reported it.

WhatsApp reports each message it was handed as ``sent``, ``delivered``, ``read`` or
``failed``, naming it by the id the send call returned (``outbox.platform_message_id``).
Each report is recorded against that outbox row in ``delivery_statuses``: the furthest
state reached, when the reply was delivered and read (the card shows them), and for a
failure the platform's reason. The reports may come out of order and more than once
(Meta retries a webhook it had no 200 for), so a state never goes back: a ``delivered``
after a ``read`` changes nothing, and ``failed`` ends it.

A failure means the reply never reached the shopper although the send call went through,
so the row, ``sent`` until now, becomes a dead letter with the platform's reason, in the
same transaction: ``borderdesk outbox retry`` and ``/borderdesk dead`` then see it as any
other.

    found = await store.record_delivery(DeliveryReport("whatsapp", "wamid.HBg...", "read", at),
                                        now=now)
    if found and found.newly_dead:
        ...  # tell staff, as for any dead letter (found.item)
    shown = await store.delivery_of(found.outbox_id)   # for the card
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import DeliveryReport
from bot.storage.records import OutboxItem
from bot.storage.schema import delivery_statuses, outbox

# how far a reply got; a report of a lower rank than the one recorded changes nothing
RANK = {"sent": 1, "delivered": 2, "read": 3, "failed": 4}


@dataclass(frozen=True)
class Delivery:
    """What is known of one reply's delivery."""

    outbox_id: int
    state: str  # the furthest: sent | delivered | read | failed
    delivered_at: datetime | None = None
    read_at: datetime | None = None
    reason: str = ""  # failed: the platform's words


@dataclass(frozen=True)
class Recorded:
    """A report recorded against its outbox row."""

    delivery: Delivery
    item: OutboxItem  # the reply it is about
    key: str  # the row's idempotency key (a card's reply: ``reply_key``)
    changed: bool  # the report moved the delivery on (a redraw is worth it)
    newly_dead: bool  # a failure turned the sent row into a dead letter just now

    @property
    def outbox_id(self) -> int:
        return self.delivery.outbox_id


class DeliveryQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def record_delivery(self, report: DeliveryReport, *, now: datetime) -> Recorded | None:
        """Record ``report`` against the outbox row its platform id names; None when no
        reply of that channel has that id (a message sent by another tool on the same
        number, or a report that overtook the recording of its send), or when the state
        is new to the desk and nothing was known of the reply."""
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    select(outbox).where(
                        outbox.c.platform_message_id == report.platform_message_id,
                        outbox.c.channel == report.channel,
                    )
                )
            ).first()
            if row is None:
                return None
            before = await _delivery(conn, row.id)
            after = _moved_on(row.id, before, report, now)
            if after is None:
                return None
            if after != before:
                values = {
                    "state": after.state,
                    "delivered_at": after.delivered_at,
                    "read_at": after.read_at,
                    "reason": after.reason or None,
                    "updated_at": now,
                }
                if before is None:
                    await conn.execute(insert(delivery_statuses).values(outbox_id=row.id, **values))
                else:
                    await conn.execute(
                        update(delivery_statuses)
                        .where(delivery_statuses.c.outbox_id == row.id)
                        .values(**values)
                    )
            newly_dead = False
            if after.state == "failed" and row.status == "sent":
                result = await conn.execute(
                    update(outbox)
                    .where(outbox.c.id == row.id, outbox.c.status == "sent")
                    .values(
                        status="dead",
                        last_error=f"{report.channel} could not deliver it: "
                        f"{after.reason or 'no reason given'}",
                    )
                )
                newly_dead = result.rowcount == 1
        item = OutboxItem(
            row.id, row.conversation_id, row.channel, row.chat_id, row.text, row.author,
            row.attempts, row.parts_sent, row.attachment_id,
        )  # fmt: skip
        return Recorded(after, item, row.idempotency_key, after != before, newly_dead)

    async def delivery_of(self, outbox_id: int) -> Delivery | None:
        """What its platform reported about the outbox row ``outbox_id``, if anything."""
        async with self.reader.connect() as conn:
            return await _delivery(conn, outbox_id)

    async def delivery_by_key(self, key: str) -> Delivery | None:
        """The same, for the outbox row queued under ``key`` (a card's reply)."""
        async with self.reader.connect() as conn:
            found = await conn.execute(select(outbox.c.id).where(outbox.c.idempotency_key == key))
            outbox_id = found.scalar_one_or_none()
            return None if outbox_id is None else await _delivery(conn, outbox_id)


async def _delivery(conn: AsyncConnection, outbox_id: int) -> Delivery | None:
    row = (
        await conn.execute(
            select(delivery_statuses).where(delivery_statuses.c.outbox_id == outbox_id)
        )
    ).first()
    if row is None:
        return None
    return Delivery(outbox_id, row.state, row.delivered_at, row.read_at, row.reason or "")


def _moved_on(
    outbox_id: int, before: Delivery | None, report: DeliveryReport, now: datetime
) -> Delivery | None:
    """The delivery once ``report`` is taken in: a state never goes back, a failure is
    final, and a read reply was delivered (WhatsApp may report the read first). A state
    new to the desk changes nothing (the channel logs it)."""
    rank = RANK.get(report.state)
    if rank is None or (
        before is not None and (before.state == "failed" or rank <= RANK[before.state])
    ):
        return before
    at = report.at or now
    delivered_at = before.delivered_at if before else None
    read_at = before.read_at if before else None
    if report.state in ("delivered", "read") and delivered_at is None:
        delivered_at = at
    if report.state == "read" and read_at is None:
        read_at = at
    reason = report.reason if report.state == "failed" else ""
    return Delivery(outbox_id, report.state, delivered_at, read_at, reason)
