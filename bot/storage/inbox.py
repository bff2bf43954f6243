"""Inbound messages: stored first, deduplicated, resumable.

Storing what arrives (a batch at a time, floods and oversized texts included) is
``intake``'s; these queries read messages back and finish them. An edit remembers the
message it corrects (``edits``). The conversation a message belongs to (its card, its
language, its chat type) is kept by ``conversations``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import ChatType, InboundMessage, MessageKind
from bot.storage.blocked import ChannelBlockQueries
from bot.storage.edits import EditQueries
from bot.storage.floods import FloodQueries
from bot.storage.intake import IntakeQueries
from bot.storage.schema import conversations, customers, messages


class InboxQueries(IntakeQueries, FloodQueries, EditQueries, ChannelBlockQueries):
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def inbound_message(self, message_id: int) -> InboundMessage:
        """Rebuild a stored inbound message (used when resuming after a restart). An edit
        of a message we never stored comes back as a plain message (``edit_of`` None)."""
        async with self.reader.connect() as conn:
            return await inbound_message(conn, message_id)

    async def unprocessed_inbound(self) -> list[tuple[int, int]]:
        """(message id, conversation id) of inbound messages stored but not fully handled."""
        async with self.reader.connect() as conn:
            result = await conn.execute(
                select(messages.c.id, messages.c.conversation_id)
                .where(
                    messages.c.direction == "in",
                    messages.c.processed_at.is_(None),
                    messages.c.hold_reason.is_(None),
                )
                .order_by(messages.c.id)
            )
            return [(r.id, r.conversation_id) for r in result]

    async def mark_processed(self, message_id: int, at: datetime, language: str | None) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(messages)
                .where(messages.c.id == message_id)
                .values(processed_at=at, language=language)
            )


_ORIGINAL = messages.alias("original")
# Built once (see ``bot.storage.conversations``): the message, its chat and shopper, and
# the platform id of the message it edits.
_INBOUND = (
    select(
        messages,
        conversations.c.chat_id,
        conversations.c.chat_type,
        customers.c.platform_user_id,
        _ORIGINAL.c.platform_message_id.label("original_platform_id"),
    )
    .join(conversations, conversations.c.id == messages.c.conversation_id)
    .join(customers, customers.c.id == conversations.c.customer_id)
    .outerjoin(_ORIGINAL, _ORIGINAL.c.id == messages.c.edit_of)
    .where(messages.c.id == bindparam("message_id"))
)


async def inbound_message(conn: AsyncConnection, message_id: int) -> InboundMessage:
    """Inside a transaction: ``InboxQueries.inbound_message``."""
    row = (await conn.execute(_INBOUND, {"message_id": message_id})).one()
    return InboundMessage(
        channel=row.channel,
        chat_id=row.chat_id,
        platform_message_id=row.platform_message_id,
        user_id=row.platform_user_id,
        user_name=row.author or "",
        text=row.text,
        received_at=row.created_at,
        kind=MessageKind(row.kind),
        language_hint=row.language_hint,
        attachment=row.attachment,
        chat_type=ChatType(row.chat_type or ChatType.PRIVATE),
        edit_of=row.original_platform_id,
    )
