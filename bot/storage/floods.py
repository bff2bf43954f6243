"""A shopper's flood: messages over the limit are held, then shown to staff together.

Every message is stored first (``IntakeQueries.record_arrivals``), and while it is stored,
``flood_marks`` says whether it goes over its conversation's limit: then it is stored held.
These queries find the held ones again once the shopper pauses, and list them for staff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import Limit
from bot.storage.oversized import FULL_TEXT
from bot.storage.records import HeldText
from bot.storage.schema import conversations, messages


@dataclass(frozen=True)
class Arriving:
    """A message about to be stored, as flood accounting sees it. ``holdable`` is False
    for what is not words (a shopper blocking the bot): counted, never held."""

    conversation_id: int
    received_at: datetime
    holdable: bool = True


@dataclass(frozen=True)
class FloodMark:
    held: bool  # over the limit: stored held, shown to staff with the others later
    began: bool  # the first held message of a new flood: the shopper is told once


async def flood_marks(
    conn: AsyncConnection, arriving: Sequence[Arriving], limit: Limit
) -> list[FloodMark]:
    """Which of ``arriving`` (messages about to be stored, in the order they came) go over
    their conversation's limit, exactly as if they were stored one at a time: a message is
    held when its conversation then has more than ``limit.count`` inbound messages (it
    included) dated within ``limit.seconds`` before it. A flood begins with a held message
    while none of its conversation is held.

    Two queries per batch, not per message: each conversation's newest ``count + 1``
    recent messages (more change nothing) and the conversations already holding a flood.
    Run it before the messages are inserted, in the same transaction.

    Counting then inserting must not race: two processes storing one shopper's messages
    at once (PostgreSQL, READ COMMITTED) would each count without the other's and hold
    too few, or each tell the shopper a flood began. So the conversations' rows are locked
    first (in id order; intake's update of their dates has locked them already, this
    says so where it matters): the second process waits until the first has committed,
    and its counts, new statements, include the first one's messages. SQLite's write
    lock takes them in turn anyway (it has no row locks; the clause is left out there)."""
    if not arriving:
        return []
    window = timedelta(seconds=limit.seconds)
    conversation_ids = sorted({a.conversation_id for a in arriving})
    await conn.execute(
        select(conversations.c.id)
        .where(conversations.c.id.in_(conversation_ids))
        .order_by(conversations.c.id)
        .with_for_update()
    )
    since = min(a.received_at for a in arriving) - window
    stored = await _newest_since(conn, conversation_ids, since, limit.count + 1)
    flooding = await _holding_a_flood(conn, conversation_ids)
    earlier: dict[int, list[datetime]] = {}  # this batch's messages so far, per conversation
    marks = []
    for message in arriving:
        dates = earlier.setdefault(message.conversation_id, [])
        dates.append(message.received_at)
        if not message.holdable:
            marks.append(FloodMark(held=False, began=False))
            continue
        start = message.received_at - window
        recent = _count_since(stored.get(message.conversation_id, []), start, limit.count)
        recent += _count_since(dates, start, limit.count - recent)
        held = recent > limit.count
        marks.append(FloodMark(held, began=held and message.conversation_id not in flooding))
        if held:
            flooding.add(message.conversation_id)
    return marks


def _count_since(dates: Sequence[datetime], start: datetime, enough: int) -> int:
    """How many of ``dates`` are at or after ``start``; stops counting past ``enough``."""
    found = 0
    for date in dates:
        if date >= start:
            found += 1
            if found > enough:
                break
    return found


async def _newest_since(
    conn: AsyncConnection, conversation_ids: list[int], since: datetime, most: int
) -> dict[int, list[datetime]]:
    """The dates of each conversation's newest ``most`` inbound messages since ``since``
    (a row keeping an oversized text whole is not a message of its own). Newest first, so
    whoever counts the ones after a later date finds them all among these. One statement,
    a part per conversation: each stops after ``most`` rows, however long the flood."""
    parts = [
        select(messages.c.conversation_id, messages.c.created_at)
        .where(
            messages.c.conversation_id == conversation_id,
            messages.c.direction == "in",
            messages.c.created_at >= since,
            or_(messages.c.hold_reason.is_(None), messages.c.hold_reason != FULL_TEXT),
        )
        .order_by(messages.c.created_at.desc())
        .limit(most)
        .subquery()
        for conversation_id in conversation_ids
    ]
    rows = await conn.execute(union_all(*(select(part) for part in parts)))
    dates: dict[int, list[datetime]] = {}
    for conversation_id, created_at in rows:
        dates.setdefault(conversation_id, []).append(created_at)
    return dates


async def _holding_a_flood(conn: AsyncConnection, conversation_ids: list[int]) -> set[int]:
    """The conversations with held messages not yet shown to staff."""
    held = (
        select(messages.c.id)
        .where(
            messages.c.conversation_id == conversations.c.id,
            messages.c.hold_reason == "flood",
            messages.c.processed_at.is_(None),
        )
        .exists()
    )
    rows = await conn.execute(
        select(conversations.c.id).where(conversations.c.id.in_(conversation_ids), held)
    )
    return set(rows.scalars())


class FloodQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def quiet_floods(self, quiet_since: datetime) -> dict[int, list[HeldText]]:
        """Held messages of conversations that have sent nothing since ``quiet_since``."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(
                    messages.c.id,
                    messages.c.conversation_id,
                    messages.c.kind,
                    messages.c.text,
                    messages.c.attachment,
                )
                .where(messages.c.hold_reason == "flood", messages.c.processed_at.is_(None))
                .order_by(messages.c.id)
            )
            held: dict[int, list[HeldText]] = {}
            for r in rows:
                held.setdefault(r.conversation_id, []).append(
                    HeldText(r.id, r.kind, r.text, r.attachment)
                )
            if not held:
                return {}
            latest = await conn.execute(
                select(messages.c.conversation_id, func.max(messages.c.created_at))
                .where(
                    messages.c.conversation_id.in_(list(held)),
                    messages.c.direction == "in",
                )
                .group_by(messages.c.conversation_id)
            )
            busy = {r[0] for r in latest if r[1] >= quiet_since}
        return {cid: texts for cid, texts in held.items() if cid not in busy}

    async def release_flood_held(self, message_ids: list[int], at: datetime) -> None:
        """Held messages were shown to staff together: they are processed now."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(messages).where(messages.c.id.in_(message_ids)).values(processed_at=at)
            )

    async def flood_messages(
        self, conversation_id: int, offset: int, limit: int
    ) -> tuple[int, list[HeldText]]:
        """A page of the messages a conversation sent over its flood limit (held or already
        summarised for staff), oldest first, and how many there are in all."""
        flood = and_(
            messages.c.conversation_id == conversation_id, messages.c.hold_reason == "flood"
        )
        async with self.reader.connect() as conn:
            total = (await conn.execute(select(func.count()).where(flood))).scalar_one()
            rows = await conn.execute(
                select(messages.c.id, messages.c.kind, messages.c.text, messages.c.attachment)
                .where(flood)
                .order_by(messages.c.id)
                .offset(offset)
                .limit(limit)
            )
            return total, [HeldText(r.id, r.kind, r.text, r.attachment) for r in rows]
