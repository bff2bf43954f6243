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

A reply that went out in several messages (a long text cut in pieces, a file before its
text) is delivered only when every piece is: each piece's id and what was reported of it
are kept in ``sent_pieces`` (recorded by the outbox as each piece goes), and the row's
delivery is their sum: the least advanced state of them all, delivered and read at the
moment the last piece was, and failed as soon as any piece failed (the reply did not
arrive whole: a dead letter, with that piece's reason).

A report can overtake the recording of its send: Meta may post the status webhook while
the send call is still being answered. Such a report is kept in ``sent_pieces`` without
an outbox row, and applied when the outbox records the piece (``bot.storage.sent_pieces``'
``record_piece``, then ``settle`` here); one about no message of ours at all (another tool
on the same number) is dropped a day later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import DeliveryReport
from bot.storage.records import OutboxItem
from bot.storage.schema import delivery_statuses, outbox, sent_pieces
from bot.storage.sent_pieces import PieceState, find_piece, keep_unclaimed, set_piece_state

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
        """Record ``report`` against the outbox row whose message (or one of whose pieces)
        its platform id names; None when nothing is known of the reply yet (a report that
        overtook the recording of its send, kept until it is recorded; or one about no
        reply of ours, such as a message sent by another tool on the same number), or when
        the state is new to the desk and nothing was known of the reply."""
        async with self.engine.begin() as conn:
            piece = await find_piece(conn, report.channel, report.platform_message_id)
            if piece is not None:  # a piece of a reply sent in several, or a report kept
                await _report_piece(conn, piece, report, now)
                if piece.outbox_id is None:
                    return None  # its send is still not recorded: ``settle`` applies it
                return await settle(conn, piece.outbox_id, now=now)
            row = (
                await conn.execute(
                    select(outbox).where(
                        outbox.c.platform_message_id == report.platform_message_id,
                        outbox.c.channel == report.channel,
                    )
                )
            ).first()
            if row is None:  # not recorded (yet): kept for the send to claim
                await _keep_unclaimed(conn, report, now)
                return None
            before = await _delivery(conn, row.id)
            return await _write(conn, row, before, _moved_on(row.id, before, report, now), now)

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


async def _write(
    conn: AsyncConnection, row: Any, before: Delivery | None, after: Delivery | None, now: datetime
) -> Recorded | None:
    """Store the reply's delivery ``after`` (when it moved on from ``before``), and make a
    failed reply that was sent a dead letter with its reason."""
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
                last_error=f"{row.channel} could not deliver it: "
                f"{after.reason or 'no reason given'}",
            )
        )
        newly_dead = result.rowcount == 1
    item = OutboxItem(
        row.id, row.conversation_id, row.channel, row.chat_id, row.text, row.author,
        row.attempts, row.parts_sent, row.attachment_id,
    )  # fmt: skip
    return Recorded(after, item, row.idempotency_key, after != before, newly_dead)


async def settle(conn: AsyncConnection, outbox_id: int, *, now: datetime) -> Recorded | None:
    """The delivery of row ``outbox_id`` from what was reported of its pieces, stored (see
    the module docstring); None while nothing can be said of the reply as a whole."""
    row = (await conn.execute(select(outbox).where(outbox.c.id == outbox_id))).first()
    if row is None:
        return None
    before = await _delivery(conn, row.id)
    pieces = list(
        await conn.execute(select(sent_pieces).where(sent_pieces.c.outbox_id == outbox_id))
    )
    return await _write(conn, row, before, _sum(row, before, pieces), now)


def _sum(row: Any, before: Delivery | None, pieces: list[Any]) -> Delivery | None:
    """The reply's delivery from its pieces': failed when any failed; else, once every
    piece is out (the row sent) and reported, the least advanced state of them, delivered
    and read when the last of them was. A delivery never goes back (``before`` stays)."""
    if before is not None and before.state == "failed":
        return before
    failed = [p for p in pieces if p.state == "failed"]
    if failed:
        return Delivery(row.id, "failed", reason=failed[0].reason or "")
    if row.status not in ("sent", "dead") or not pieces:
        return before  # more pieces to come: nothing to say of the whole yet
    if any(p.state not in RANK for p in pieces):
        return before  # a piece not heard of yet
    state = min((p.state for p in pieces), key=RANK.__getitem__)
    delivered = [p.delivered_at for p in pieces if p.delivered_at is not None]
    read = [p.read_at for p in pieces if p.read_at is not None]
    after = Delivery(
        row.id,
        state,
        max(delivered) if len(delivered) == len(pieces) else None,
        max(read) if len(read) == len(pieces) else None,
    )
    if before is not None and RANK[after.state] < RANK[before.state]:
        return before
    return after


async def _report_piece(
    conn: AsyncConnection, piece: Any, report: DeliveryReport, now: datetime
) -> None:
    """Take ``report`` in for one piece, by the same rules as for a whole reply."""
    before = (
        None
        if piece.state is None
        else Delivery(0, piece.state, piece.delivered_at, piece.read_at, piece.reason or "")
    )
    after = _moved_on(0, before, report, now)
    if after is not None and after != before:
        await set_piece_state(conn, piece.id, _state(after), now=now)


async def _keep_unclaimed(conn: AsyncConnection, report: DeliveryReport, now: datetime) -> None:
    """Keep a report whose send is not recorded (a state new to the desk is not kept)."""
    after = _moved_on(0, None, report, now)
    if after is not None:
        await keep_unclaimed(
            conn, report.channel, report.platform_message_id, _state(after), now=now
        )


def _state(delivery: Delivery) -> PieceState:
    return PieceState(delivery.state, delivery.delivered_at, delivery.read_at, delivery.reason)
