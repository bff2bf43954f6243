"""Inbound messages and conversations: stored first, deduplicated, resumable.

A conversation remembers its chat type (a private chat is one shopper; a group is many
people, whose replies must never carry one person's order data); an edit remembers the
message it corrects (``edits``).
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import CardRef, ChatType, InboundMessage, MessageKind
from bot.storage.blocked import ChannelBlockQueries
from bot.storage.edits import EditQueries
from bot.storage.floods import FloodQueries
from bot.storage.records import ConversationInfo, StoredInbound, new_id
from bot.storage.schema import (
    conversations,
    customers,
    messages,
    suggestions,
)

# Longer than any platform lets a person type (Telegram: 4,096): a longer text is a
# client's or a relay's doing, and handling megabytes (language, intent, a Slack card)
# would stall intake. It is cut, and the whole text kept in a row of its own.
MAX_INBOUND_TEXT = 8192
FULL_TEXT = "full_text"  # hold_reason of the row keeping an oversized message whole


async def _cut_to_size(conn: AsyncConnection, msg: InboundMessage, conversation_id: int) -> str:
    """The text to handle: ``msg.text``, or its start with a note saying where the whole
    text is kept (a processed row of the same conversation: exported and erased with it)."""
    if len(msg.text) <= MAX_INBOUND_TEXT:
        return msg.text
    kept = new_id(
        await conn.execute(
            insert(messages).values(
                conversation_id=conversation_id,
                direction="in",
                channel=msg.channel,
                platform_message_id=f"{msg.platform_message_id}:{FULL_TEXT}",
                kind=msg.kind.value,
                text=msg.text,
                author=msg.user_name,
                created_at=msg.received_at,
                processed_at=msg.received_at,
                hold_reason=FULL_TEXT,
            )
        )
    )
    return (
        f"{msg.text[:MAX_INBOUND_TEXT]} … [cut at {MAX_INBOUND_TEXT:,} of {len(msg.text):,} "
        f"characters; the whole text is kept as message {kept}]"
    )


_CUT_NOTE = re.compile(r" … \[(cut at [\d,]+ of [\d,]+ characters; [^\]]+)\]\Z")


def cut_note(text: str) -> str | None:
    """The note at the end of a text ``record_inbound`` cut, for staff; None if not cut."""
    found = _CUT_NOTE.search(text[-200:])
    return f"The shopper's message was {found.group(1)}." if found else None


class InboxQueries(FloodQueries, EditQueries, ChannelBlockQueries):
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    # -- inbound ---------------------------------------------------------------------

    async def record_inbound(
        self, msg: InboundMessage, *, country: str | None = None
    ) -> StoredInbound:
        """Store a shopper's message first of all; a duplicate is recognised, not stored twice."""
        async with self.engine.begin() as conn:
            existing = await conn.execute(
                select(messages.c.id, messages.c.conversation_id).where(
                    messages.c.channel == msg.channel,
                    messages.c.platform_message_id == msg.platform_message_id,
                )
            )
            row = existing.first()
            if row is not None:
                return StoredInbound(row.id, row.conversation_id, is_new=False)
            conversation_id = await self._conversation_for(conn, msg, country)
            original = None
            if msg.edit_of is not None:  # unknown (edited before we stored it): None
                original = (
                    await conn.execute(
                        select(messages.c.id).where(
                            messages.c.channel == msg.channel,
                            messages.c.platform_message_id == msg.edit_of,
                        )
                    )
                ).scalar()
            try:
                text = await _cut_to_size(conn, msg, conversation_id)
                result = await conn.execute(
                    insert(messages).values(
                        conversation_id=conversation_id,
                        direction="in",
                        channel=msg.channel,
                        platform_message_id=msg.platform_message_id,
                        kind=msg.kind.value,
                        text=text,
                        attachment=msg.attachment,
                        language_hint=msg.language_hint,
                        author=msg.user_name,
                        created_at=msg.received_at,
                        edit_of=original,
                    )
                )
            except IntegrityError:  # the same update raced in (from another process)
                await conn.rollback()
                result = None
        if result is None:  # stored meanwhile: answer as for a duplicate, outside the lock
            return await self.record_inbound(msg, country=country)
        return StoredInbound(new_id(result), conversation_id, is_new=True)

    async def _conversation_for(
        self, conn: AsyncConnection, msg: InboundMessage, country: str | None
    ) -> int:
        customer = (
            await conn.execute(
                select(customers.c.id).where(
                    customers.c.channel == msg.channel,
                    customers.c.platform_user_id == msg.user_id,
                )
            )
        ).scalar()
        if customer is None:
            customer = new_id(
                await conn.execute(
                    insert(customers).values(
                        channel=msg.channel,
                        platform_user_id=msg.user_id,
                        name=msg.user_name,
                        country=country,
                        created_at=msg.received_at,
                    )
                )
            )
        conversation = (
            await conn.execute(
                select(conversations.c.id).where(
                    conversations.c.channel == msg.channel, conversations.c.chat_id == msg.chat_id
                )
            )
        ).scalar()
        if conversation is None:
            conversation = new_id(
                await conn.execute(
                    insert(conversations).values(
                        customer_id=customer,
                        channel=msg.channel,
                        chat_id=msg.chat_id,
                        chat_type=msg.chat_type.value,
                        created_at=msg.received_at,
                        updated_at=msg.received_at,
                    )
                )
            )
        else:
            await conn.execute(
                update(conversations)
                .where(conversations.c.id == conversation)
                .values(updated_at=msg.received_at)
            )
        return int(conversation)

    async def inbound_message(self, message_id: int) -> InboundMessage:
        """Rebuild a stored inbound message (used when resuming after a restart). An edit
        of a message we never stored comes back as a plain message (``edit_of`` None)."""
        original = messages.alias("original")
        async with self.reader.connect() as conn:
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
        self, conversation_id: int, suggestion_id: int, card: CardRef, *, first: bool
    ) -> None:
        """Where a just-posted card is, in one transaction: the suggestion's card and, for
        the ``first`` card of a conversation, the conversation's. Both or neither, so a
        card is never half-recorded and posted again."""
        async with self.engine.begin() as conn:
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
