"""Shoppers who blocked the bot on their platform (Telegram: ``my_chat_member`` "kicked").

Nothing sent to them arrives while they are blocked, so proactive messages skip customers
with ``customers.channel_blocked_at`` set; replies staff write still go through the outbox
and are parked with the platform's refusal, as before. Unblocking clears the mark.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import conversations, customers


class ChannelBlockQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def set_channel_blocked(self, conversation_id: int, at: datetime | None) -> bool:
        """Mark the conversation's shopper as blocking us since ``at`` (None: unblocked);
        True when that changed something (a repeated update changes nothing)."""
        customer = (
            select(conversations.c.customer_id)
            .where(conversations.c.id == conversation_id)
            .scalar_subquery()
        )
        now_blocked = customers.c.channel_blocked_at.is_not(None)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(customers)
                .where(customers.c.id == customer, now_blocked if at is None else ~now_blocked)
                .values(channel_blocked_at=at)
            )
            return bool(result.rowcount)

    async def channel_blocked_at(self, conversation_id: int) -> datetime | None:
        """Since when the conversation's shopper blocks us; None when they do not."""
        async with self.reader.connect() as conn:
            return (
                await conn.execute(
                    select(customers.c.channel_blocked_at)
                    .join(conversations, conversations.c.customer_id == customers.c.id)
                    .where(conversations.c.id == conversation_id)
                )
            ).scalar()
