"""The Store: every read and write BorderDesk does, as small async methods.

It owns the engine (opened by ``Store.open``, closed by ``close``). Methods that must be
atomic — recording an inbound message, deciding on a suggestion and queueing its reply —
run in one transaction, so a crash never leaves half a decision behind::

    store = await Store.open("sqlite+aiosqlite:///./data/borderdesk.sqlite3")
    stored = await store.record_inbound(message)
    await store.close()
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.errors import StorageError
from bot.models import CardRef, InboundMessage, MessageKind, Suggestion
from bot.storage import migrate
from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    examples,
    messages,
    outbox,
    suggestions,
)


@dataclass(frozen=True)
class StoredInbound:
    """An inbound message as stored: ids plus whether it was new (False for a duplicate)."""

    message_id: int
    conversation_id: int
    is_new: bool


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    channel: str
    chat_id: str
    customer_name: str
    language: str | None
    card: CardRef | None


@dataclass(frozen=True)
class SuggestionRecord:
    """A stored suggestion with its card and outcome."""

    id: int
    message_id: int
    conversation_id: int
    suggestion: Suggestion
    status: str
    card: CardRef | None
    decided_by_name: str | None
    decided_at: datetime | None
    final_text: str | None


@dataclass(frozen=True)
class OutboxItem:
    id: int
    conversation_id: int
    channel: str
    chat_id: str
    text: str
    author: str | None
    attempts: int


def sqlite_url(path: str | Path) -> str:
    """The database URL for a SQLite file, as ``--db PATH`` gives it."""
    return f"sqlite+aiosqlite:///{Path(path).expanduser()}"


class Store:
    """Async access to the BorderDesk database."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @classmethod
    async def open(cls, url: str, *, migrate_schema: bool = True) -> Store:
        """Open the database (creating a SQLite file's folder) and apply migrations."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
        try:
            if migrate_schema:
                await migrate.upgrade(engine)
        except Exception as exc:
            await engine.dispose()
            raise StorageError(f"cannot open or migrate the database at {url}: {exc}") from exc
        return cls(engine)

    async def close(self) -> None:
        await self.engine.dispose()

    # -- inbound ---------------------------------------------------------------------

    async def record_inbound(self, msg: InboundMessage) -> StoredInbound:
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
            conversation_id = await self._conversation_for(conn, msg)
            try:
                result = await conn.execute(
                    insert(messages).values(
                        conversation_id=conversation_id,
                        direction="in",
                        channel=msg.channel,
                        platform_message_id=msg.platform_message_id,
                        kind=msg.kind.value,
                        text=msg.text,
                        attachment=msg.attachment,
                        language_hint=msg.language_hint,
                        author=msg.user_name,
                        created_at=msg.received_at,
                    )
                )
            except IntegrityError:  # the same update raced in through another path
                await conn.rollback()
                return await self.record_inbound(msg)
            message_id = _new_id(result)
        return StoredInbound(message_id, conversation_id, is_new=True)

    async def _conversation_for(self, conn: AsyncConnection, msg: InboundMessage) -> int:
        customer = (
            await conn.execute(
                select(customers.c.id).where(
                    customers.c.channel == msg.channel,
                    customers.c.platform_user_id == msg.user_id,
                )
            )
        ).scalar()
        if customer is None:
            customer = _new_id(
                await conn.execute(
                    insert(customers).values(
                        channel=msg.channel,
                        platform_user_id=msg.user_id,
                        name=msg.user_name,
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
            conversation = _new_id(
                await conn.execute(
                    insert(conversations).values(
                        customer_id=customer,
                        channel=msg.channel,
                        chat_id=msg.chat_id,
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
        """Rebuild a stored inbound message (used when resuming after a restart)."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(messages, conversations.c.chat_id, customers.c.platform_user_id)
                    .join(conversations, conversations.c.id == messages.c.conversation_id)
                    .join(customers, customers.c.id == conversations.c.customer_id)
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
        )

    async def unprocessed_inbound(self) -> list[tuple[int, int]]:
        """(message id, conversation id) of inbound messages stored but not fully handled."""
        async with self.engine.connect() as conn:
            result = await conn.execute(
                select(messages.c.id, messages.c.conversation_id)
                .where(messages.c.direction == "in", messages.c.processed_at.is_(None))
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
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(conversations, customers.c.name)
                    .join(customers, customers.c.id == conversations.c.customer_id)
                    .where(conversations.c.id == conversation_id)
                )
            ).one()
        card = CardRef(row.card_channel, row.card_ts) if row.card_ts else None
        return ConversationInfo(row.id, row.channel, row.chat_id, row.name, row.language, card)

    async def conversation_by_card(self, card: CardRef) -> ConversationInfo | None:
        async with self.engine.connect() as conn:
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

    # -- suggestions -----------------------------------------------------------------

    async def add_suggestion(
        self, message_id: int, conversation_id: int, suggestion: Suggestion, at: datetime
    ) -> int:
        """Store a suggestion once per message; returns the existing id on a second call."""
        async with self.engine.begin() as conn:
            existing = (
                await conn.execute(
                    select(suggestions.c.id).where(suggestions.c.message_id == message_id)
                )
            ).scalar()
            if existing is not None:
                return int(existing)
            result = await conn.execute(
                insert(suggestions).values(
                    message_id=message_id,
                    conversation_id=conversation_id,
                    language=suggestion.language,
                    intent=suggestion.intent,
                    confidence=suggestion.confidence,
                    top=[list(pair) for pair in suggestion.top],
                    department=suggestion.department,
                    is_problem=suggestion.is_problem,
                    reply_text=suggestion.reply,
                    reply_language=suggestion.reply_language,
                    status="pending",
                    created_at=at,
                )
            )
            return _new_id(result)

    async def set_suggestion_card(self, suggestion_id: int, card: CardRef) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id)
                .values(card_channel=card.channel, card_ts=card.ts)
            )

    async def suggestion(self, suggestion_id: int) -> SuggestionRecord | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(suggestions).where(suggestions.c.id == suggestion_id))
            ).first()
        return None if row is None else _suggestion_record(row)

    async def pending_suggestions(self, conversation_id: int) -> list[SuggestionRecord]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(suggestions)
                .where(
                    suggestions.c.conversation_id == conversation_id,
                    suggestions.c.status == "pending",
                )
                .order_by(suggestions.c.id)
            )
            return [_suggestion_record(r) for r in rows]

    async def decide(
        self,
        suggestion_id: int,
        *,
        status: str,
        user_id: str,
        user_name: str,
        at: datetime,
        final_text: str | None = None,
        final_intent: str | None = None,
        channel: str | None = None,
        chat_id: str | None = None,
    ) -> bool:
        """Record a staff decision, queueing ``final_text`` for the shopper in the same transaction.

        Only a pending suggestion can be decided: of two clicks (or two staff members at
        once) exactly one wins, and the loser gets False — nothing is sent twice.
        """
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id, suggestions.c.status == "pending")
                .values(
                    status=status,
                    decided_by=user_id,
                    decided_by_name=user_name,
                    decided_at=at,
                    final_text=final_text,
                    final_intent=final_intent,
                )
            )
            if result.rowcount != 1:
                return False
            if final_text is not None:
                conversation_id = (
                    await conn.execute(
                        select(suggestions.c.conversation_id).where(
                            suggestions.c.id == suggestion_id
                        )
                    )
                ).scalar_one()
                await self._enqueue(
                    conn,
                    f"suggestion:{suggestion_id}",
                    conversation_id,
                    channel,
                    chat_id,
                    final_text,
                    user_name,
                    at,
                )
        return True

    # -- outbox ----------------------------------------------------------------------

    async def enqueue(
        self, key: str, conversation_id: int, text: str, author: str | None, at: datetime
    ) -> bool:
        """Queue a message for the shopper; False when ``key`` was already queued."""
        try:
            async with self.engine.begin() as conn:
                await self._enqueue(conn, key, conversation_id, None, None, text, author, at)
        except IntegrityError:
            return False
        return True

    async def _enqueue(
        self,
        conn: AsyncConnection,
        key: str,
        conversation_id: int,
        channel: str | None,
        chat_id: str | None,
        text: str,
        author: str | None,
        at: datetime,
    ) -> None:
        if channel is None or chat_id is None:
            row = (
                await conn.execute(
                    select(conversations.c.channel, conversations.c.chat_id).where(
                        conversations.c.id == conversation_id
                    )
                )
            ).one()
            channel, chat_id = row.channel, row.chat_id
        await conn.execute(
            insert(outbox).values(
                idempotency_key=key,
                conversation_id=conversation_id,
                channel=channel,
                chat_id=chat_id,
                text=text,
                author=author,
                status="pending",
                attempts=0,
                next_attempt_at=at,
                created_at=at,
            )
        )

    async def due_outbox(self, now: datetime, limit: int = 20) -> list[OutboxItem]:
        """Messages ready to go; ones left 'sending' by a crash are due again (at least once)."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(outbox)
                .where(
                    or_(outbox.c.status == "pending", outbox.c.status == "sending"),
                    outbox.c.next_attempt_at <= now,
                )
                .order_by(outbox.c.id)
                .limit(limit)
            )
            return [
                OutboxItem(
                    r.id, r.conversation_id, r.channel, r.chat_id, r.text, r.author, r.attempts
                )
                for r in rows
            ]

    async def claim_outbox(self, item_id: int, now: datetime, lease: timedelta) -> bool:
        """Take an item for sending; another worker cannot take it until the lease runs out."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox)
                .where(
                    outbox.c.id == item_id,
                    or_(outbox.c.status == "pending", outbox.c.status == "sending"),
                    outbox.c.next_attempt_at <= now,
                )
                .values(
                    status="sending", attempts=outbox.c.attempts + 1, next_attempt_at=now + lease
                )
            )
            return result.rowcount == 1

    async def outbox_sent(self, item: OutboxItem, platform_message_id: str, at: datetime) -> None:
        """Mark an item delivered and store it as an outbound message of its conversation."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(outbox)
                .where(outbox.c.id == item.id)
                .values(
                    status="sent",
                    sent_at=at,
                    platform_message_id=platform_message_id,
                    last_error=None,
                )
            )
            await conn.execute(
                insert(messages).values(
                    conversation_id=item.conversation_id,
                    direction="out",
                    channel=item.channel,
                    platform_message_id=f"out:{item.chat_id}:{platform_message_id}",
                    kind=MessageKind.TEXT.value,
                    text=item.text,
                    author=item.author,
                    created_at=at,
                    processed_at=at,
                )
            )

    async def outbox_retry(self, item_id: int, error: str, next_attempt_at: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(outbox)
                .where(outbox.c.id == item_id)
                .values(status="pending", last_error=error, next_attempt_at=next_attempt_at)
            )

    async def outbox_failed(self, item_id: int, error: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(outbox)
                .where(outbox.c.id == item_id)
                .values(status="failed", last_error=error)
            )

    async def outbox_status(self) -> dict[str, int]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(outbox.c.status, func.count()).group_by(outbox.c.status)
            )
            return {r[0]: r[1] for r in rows}

    # -- learning and escalation -----------------------------------------------------

    async def add_example(self, text: str, intent: str, source: str, at: datetime) -> bool:
        """Store a labelled example; False when the same text and intent exist already."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(examples).values(text=text, intent=intent, source=source, created_at=at)
                )
        except IntegrityError:
            return False
        return True

    async def examples(self) -> list[tuple[str, str]]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(examples.c.text, examples.c.intent).order_by(examples.c.id)
            )
            return [(r.text, r.intent) for r in rows]

    async def open_escalation(
        self, suggestion_id: int, department: str, intent: str, opened_by: str, at: datetime
    ) -> int | None:
        """Open an escalation for a suggestion once; None when it already exists."""
        record = await self.suggestion(suggestion_id)
        if record is None:
            return None
        try:
            async with self.engine.begin() as conn:
                result = await conn.execute(
                    insert(escalations).values(
                        suggestion_id=suggestion_id,
                        conversation_id=record.conversation_id,
                        department=department,
                        intent=intent,
                        status="open",
                        opened_by=opened_by,
                        created_at=at,
                    )
                )
        except IntegrityError:
            return None
        return _new_id(result)

    async def counts(self) -> dict[str, Any]:
        """Totals for summaries: messages, suggestions by status, escalations by department."""
        async with self.engine.connect() as conn:
            by_direction: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(messages.c.direction, func.count()).group_by(messages.c.direction)
                    )
                ).all()
            )
            by_status: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(suggestions.c.status, func.count()).group_by(suggestions.c.status)
                    )
                ).all()
            )
            by_department: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(escalations.c.department, func.count()).group_by(
                            escalations.c.department
                        )
                    )
                ).all()
            )
            languages: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(messages.c.language, func.count())
                        .where(and_(messages.c.direction == "in", messages.c.language.is_not(None)))
                        .group_by(messages.c.language)
                    )
                ).all()
            )
        return {
            "messages": by_direction,
            "suggestions": by_status,
            "escalations": by_department,
            "languages": languages,
        }


def _new_id(result: Any) -> int:
    """The primary key an INSERT just created."""
    return int(result.inserted_primary_key[0])


def _suggestion_record(row: Any) -> SuggestionRecord:
    suggestion = Suggestion(
        language=row.language,
        intent=row.intent,
        confidence=row.confidence,
        top=tuple((str(i), float(s)) for i, s in row.top),
        department=row.department,
        is_problem=row.is_problem,
        reply=row.reply_text,
        reply_language=row.reply_language,
    )
    card = CardRef(row.card_channel, row.card_ts) if row.card_ts else None
    return SuggestionRecord(
        id=row.id,
        message_id=row.message_id,
        conversation_id=row.conversation_id,
        suggestion=suggestion,
        status=row.status,
        card=card,
        decided_by_name=row.decided_by_name,
        decided_at=row.decided_at,
        final_text=row.final_text,
    )


__all__: Sequence[str] = (
    "ConversationInfo",
    "OutboxItem",
    "Store",
    "StoredInbound",
    "SuggestionRecord",
    "sqlite_url",
)
