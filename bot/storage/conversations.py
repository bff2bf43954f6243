"""Conversations: one chat with one shopper (or one group), its card and its language.

Each conversation keeps where its card for staff is (``card_channel``/``card_ts``, set
with the first card posted) and the language it is answered in, which is also remembered
for the customer. A conversation remembers its chat type (a private chat is one shopper;
a group is many people, whose replies must never carry one person's order data).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import CardRef, ChatType
from bot.storage.records import ConversationInfo
from bot.storage.schema import conversations, customers, messages, suggestions


class ConversationQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

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
        where = {"card_in": card.channel, "card_at": card.ts, "suggestion_id": suggestion_id}
        async with self.engine.begin() as conn:
            if processed is not None:
                at, language = processed
                done = {"suggestion_id": suggestion_id, "at": at, "in_language": language}
                await conn.execute(_PROCESSED, done)
            if first:
                await conn.execute(_CONVERSATION_CARD, where | {"conversation_id": conversation_id})
            await conn.execute(_SUGGESTION_CARD, where)


# Built once: a statement built per call costs more than SQLite takes to run it.
_CONVERSATION = (
    select(conversations, customers.c.name)
    .join(customers, customers.c.id == conversations.c.customer_id)
    .where(conversations.c.id == bindparam("conversation_id"))
)


# Where a card was posted (``save_posted_card``), and its message handled.
_PROCESSED = (
    update(messages)
    .where(
        messages.c.id
        == select(suggestions.c.message_id)
        .where(suggestions.c.id == bindparam("suggestion_id"))
        .scalar_subquery()
    )
    .values(
        processed_at=bindparam("at", type_=messages.c.processed_at.type),
        language=bindparam("in_language", type_=messages.c.language.type),
    )
)
_CONVERSATION_CARD = (
    update(conversations)
    .where(conversations.c.id == bindparam("conversation_id"))
    .values(card_channel=bindparam("card_in"), card_ts=bindparam("card_at"))
)
_SUGGESTION_CARD = (
    update(suggestions)
    .where(suggestions.c.id == bindparam("suggestion_id"))
    .values(card_channel=bindparam("card_in"), card_ts=bindparam("card_at"))
)


async def conversation(conn: AsyncConnection, conversation_id: int) -> ConversationInfo:
    """Inside a transaction: ``InboxQueries.conversation``."""
    return conversation_info(await conversation_row(conn, conversation_id))


async def conversation_row(conn: AsyncConnection, conversation_id: int) -> Any:
    """Inside a transaction: the conversation's row, with its customer's ``name``."""
    found = await conn.execute(_CONVERSATION, {"conversation_id": conversation_id})
    return found.one()


def conversation_info(row: Any) -> ConversationInfo:
    """A ``conversation_row`` as the record handlers get."""
    card = CardRef(row.card_channel, row.card_ts) if row.card_ts else None
    chat_type = ChatType(row.chat_type or ChatType.PRIVATE)
    return ConversationInfo(
        row.id, row.channel, row.chat_id, row.name, row.language, card, chat_type
    )
