"""Inbound messages and conversations: stored first, deduplicated, resumable.

Storing what arrives (a batch at a time, floods and oversized texts included) is
``intake``'s; these queries read messages back, finish them, and keep each conversation's
card and language. A conversation remembers its chat type (a private chat is one shopper;
a group is many people, whose replies must never carry one person's order data); an edit
remembers the message it corrects (``edits``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import CardRef, ChatType, InboundMessage, MessageKind
from bot.storage.blocked import ChannelBlockQueries
from bot.storage.edits import EditQueries
from bot.storage.floods import FloodQueries
from bot.storage.intake import IntakeQueries
from bot.storage.records import ConversationInfo
from bot.storage.schema import (
    conversations,
    customers,
    messages,
    suggestions,
)


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

    # -- conversations ---------------------------------------------------------------

    async def conversation(self, conversation_id: int) -> ConversationInfo:
        async with self.reader.connect() as conn:
            return await conversation(conn, conversation_id)

    async def conversation_by_card(self, card: CardRef) -> ConversationInfo | None:
        async with self.reader.connect() as conn:
            found = (
                await conn.execute(
                    select(conversations.c.id).where(
                        conversations.c.card_channel == card.channel,
                        conversations.c.card_ts == card.ts,
                    )
                )
            ).scalar()
        return None if found is None else await self.conversation(found)

    async def set_conversation_language(self, conversation_id: int, language: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(language=language)
            )
            await conn.execute(
                update(customers)
                .where(
                    customers.c.id
                    == select(conversations.c.customer_id)
                    .where(conversations.c.id == conversation_id)
                    .scalar_subquery()
                )
                .values(language=language)
            )

    async def set_conversation_card(self, conversation_id: int, card: CardRef) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(card_channel=card.channel, card_ts=card.ts)
            )

    async def save_posted_card(
        self,
        conversation_id: int,
        suggestion_id: int,
        card: CardRef,
        *,
        first: bool,
        processed: tuple[datetime, str | None] | None = None,
    ) -> None:
        """Where a just-posted card is, in one transaction: the suggestion's card and, for
        the ``first`` card of a conversation, the conversation's. Both or neither, so a
        card is never half-recorded and posted again. With ``processed`` (when, and the
        message's language), the card was the last step of its message: the message is
        marked processed in the same commit (``mark_processed``)."""
        async with self.engine.begin() as conn:
            if processed is not None:
                at, language = processed
                message_id = select(suggestions.c.message_id).where(
                    suggestions.c.id == suggestion_id
                )
                await conn.execute(
                    update(messages)
                    .where(messages.c.id == message_id.scalar_subquery())
                    .values(processed_at=at, language=language)
                )
            if first:
                await conn.execute(
                    update(conversations)
                    .where(conversations.c.id == conversation_id)
                    .values(card_channel=card.channel, card_ts=card.ts)
                )
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id)
                .values(card_channel=card.channel, card_ts=card.ts)
            )


async def inbound_message(conn: AsyncConnection, message_id: int) -> InboundMessage:
    """Inside a transaction: ``InboxQueries.inbound_message``."""
    original = messages.alias("original")
    row = (
        await conn.execute(
            select(
                messages,
                conversations.c.chat_id,
                conversations.c.chat_type,
                customers.c.platform_user_id,
                original.c.platform_message_id.label("original_platform_id"),
            )
            .join(conversations, conversations.c.id == messages.c.conversation_id)
            .join(customers, customers.c.id == conversations.c.customer_id)
            .outerjoin(original, original.c.id == messages.c.edit_of)
            .where(messages.c.id == message_id)
        )
    ).one()
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


async def conversation(conn: AsyncConnection, conversation_id: int) -> ConversationInfo:
    """Inside a transaction: ``InboxQueries.conversation``."""
    row = (
        await conn.execute(
            select(conversations, customers.c.name)
            .join(customers, customers.c.id == conversations.c.customer_id)
            .where(conversations.c.id == conversation_id)
        )
    ).one()
    card = CardRef(row.card_channel, row.card_ts) if row.card_ts else None
    chat_type = ChatType(row.chat_type or ChatType.PRIVATE)
    return ConversationInfo(
        row.id, row.channel, row.chat_id, row.name, row.language, card, chat_type
    )
