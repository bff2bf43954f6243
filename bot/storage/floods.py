"""A shopper's flood: messages over the limit are held, then shown to staff together.

Every message is stored first (``InboxQueries.record_inbound``); these queries only mark
the ones over a conversation's limit as held and find them again once the shopper pauses.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.records import HeldText
from bot.storage.schema import messages


class FloodQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def hold_if_flooding(
        self, message_id: int, conversation_id: int, since: datetime, limit: int
    ) -> tuple[bool, bool]:
        """Hold a message when its conversation sent more than ``limit`` since ``since``.

        Returns (held, first): ``first`` when no other message of the conversation is held,
        i.e. a new flood began (the shopper is told once).
        """
        recent_count = (
            select(func.count())
            .where(
                messages.c.conversation_id == conversation_id,
                messages.c.direction == "in",
                messages.c.created_at >= since,
                or_(messages.c.hold_reason.is_(None), messages.c.hold_reason != "full_text"),
            )
            .scalar_subquery()
        )
        async with self.reader.connect() as conn:  # the usual case: no write lock needed
            if (await conn.execute(select(recent_count))).scalar_one() <= limit:
                return False, False
        async with self.engine.begin() as conn:
            if (await conn.execute(select(recent_count))).scalar_one() <= limit:
                return False, False
            others = (
                await conn.execute(
                    select(func.count()).where(
                        messages.c.conversation_id == conversation_id,
                        messages.c.hold_reason == "flood",
                        messages.c.processed_at.is_(None),
                    )
                )
            ).scalar_one()
            await conn.execute(
                update(messages).where(messages.c.id == message_id).values(hold_reason="flood")
            )
            return True, others == 0

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
