"""Suggestions and staff decisions (decided once).

A decision can teach an example (``examples.learn_example``) in the same transaction;
escalations live in ``escalations``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.models import CardRef, Suggestion
from bot.storage.conflicts import insert_new
from bot.storage.customer_privacy import audit_row
from bot.storage.examples import learn_example
from bot.storage.outbox import insert_outbox, reply_key
from bot.storage.oversized import FULL_TEXT
from bot.storage.records import SuggestionRecord, suggestion_record
from bot.storage.schema import (
    messages,
    suggestions,
)

# Built once (see ``bot.storage.conversations``).
_SUGGESTION = select(suggestions).where(suggestions.c.id == bindparam("suggestion_id"))
_EARLIER_TURN = (
    select(
        messages.c.text,
        messages.c.purged_at,
        suggestions.c.intent,
        suggestions.c.final_intent,
    )
    .select_from(messages.outerjoin(suggestions, suggestions.c.message_id == messages.c.id))
    .where(
        messages.c.conversation_id == bindparam("conversation_id"),
        messages.c.direction == "in",
        messages.c.id < bindparam("before"),
        messages.c.created_at >= bindparam("since"),
        # the whole text of a message cut to size is not a turn of its own, and
        # reading its megabytes would undo the cap (bench/big_update.py)
        or_(messages.c.hold_reason.is_(None), messages.c.hold_reason != FULL_TEXT),
    )
    .order_by(messages.c.id.desc())
    .limit(1)
)


@dataclass(frozen=True)
class AuditNote:
    """An audit row written with a decision (``decide_and_record``): its actor is the
    person deciding, its time the decision's."""

    action: str
    customer_id: int
    detail: Mapping[str, str]


@dataclass(frozen=True)
class Decided:
    """A decision ``decide_and_record`` recorded."""

    outbox_id: int | None  # the reply it queued, if any
    learned: str | None  # the shopper's text, when it was stored as a new example


class DecisionQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def add_suggestion(
        self,
        message_id: int,
        conversation_id: int,
        suggestion: Suggestion,
        at: datetime,
        display: Mapping[str, Any] | None = None,
    ) -> int:
        """Store a suggestion once per message; returns the existing id on a second call
        (or when another process stored one for the message meanwhile: ``insert_new``)."""
        async with self.engine.begin() as conn:
            added = await conn.scalar(
                insert_new(conn, suggestions, suggestions.c.message_id)
                .values(
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
                    display=dict(display or {}),
                    status="pending",
                    created_at=at,
                )
                .returning(suggestions.c.id)
            )
            if added is not None:
                return int(added)
            existing = await conn.execute(
                select(suggestions.c.id).where(suggestions.c.message_id == message_id)
            )
            return int(existing.scalar_one())

    async def earlier_turn(
        self, conversation_id: int, before_message_id: int, since: datetime
    ) -> tuple[str | None, str | None] | None:
        """The shopper's previous message in a conversation, received after ``since``, and
        the intent it was about: (text, intent), None when there is none. The intent is
        staff's final choice when they made one, else the suggested one; None when the
        suggestion abstained. The text is None once erased (retention, forgetting)."""
        turn = {"conversation_id": conversation_id, "before": before_message_id, "since": since}
        async with self.reader.connect() as conn:
            row = (await conn.execute(_EARLIER_TURN, turn)).first()
        if row is None:
            return None
        intent = row.final_intent or row.intent
        text = None if row.purged_at is not None or not row.text.strip() else row.text
        return text, None if intent in (None, "unknown") else intent

    async def set_display(self, suggestion_id: int, display: Mapping[str, Any]) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id)
                .values(display=dict(display))
            )

    async def set_suggestion_card(self, suggestion_id: int, card: CardRef) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id)
                .values(card_channel=card.channel, card_ts=card.ts)
            )

    async def suggestion(self, suggestion_id: int) -> SuggestionRecord | None:
        async with self.reader.connect() as conn:
            row = (await conn.execute(_SUGGESTION, {"suggestion_id": suggestion_id})).first()
        return None if row is None else suggestion_record(row)

    async def pending_suggestions(
        self, conversation_id: int | None = None
    ) -> list[SuggestionRecord]:
        """Cards still waiting for staff, of one conversation or of all."""
        condition = suggestions.c.status == "pending"
        if conversation_id is not None:
            condition = condition & (suggestions.c.conversation_id == conversation_id)
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(suggestions).where(condition).order_by(suggestions.c.id)
            )
            return [suggestion_record(r) for r in rows]

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
        original_text: str | None = None,
        hold: bool = False,
    ) -> bool:
        """Record a staff decision, queueing ``final_text`` for the shopper in the same transaction.

        Only a pending suggestion can be decided: of two clicks (or two staff members at
        once) exactly one wins, and the loser gets False — nothing is sent twice. With
        ``hold`` the reply waits for staff to confirm its translation (``reply_key``).
        """
        decided = await self.decide_and_record(
            suggestion_id,
            status=status,
            user_id=user_id,
            user_name=user_name,
            at=at,
            final_text=final_text,
            final_intent=final_intent,
            original_text=original_text,
            hold=hold,
        )
        return decided is not None

    async def decide_and_record(
        self,
        suggestion_id: int,
        *,
        status: str,
        user_id: str,
        user_name: str,
        at: datetime,
        final_text: str | None = None,
        final_intent: str | None = None,
        original_text: str | None = None,
        hold: bool = False,
        learn_as: str | None = None,
        audit: AuditNote | None = None,
    ) -> Decided | None:
        """``decide``, and in the same transaction what follows from the decision: with
        ``learn_as`` (an example's source, "staff"), the shopper's message as an example of
        ``final_intent``; with ``audit``, its audit row (a manager's approval). One commit
        instead of three, and never a decision without them or them without it. None when
        someone decided first (then nothing is written)."""
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
                .returning(suggestions.c.conversation_id)
            )
            decided = result.first()
            if decided is None:
                return None
            outbox_id = None
            if final_text is not None:
                conversation_id = decided.conversation_id
                outbox_id = await insert_outbox(
                    conn,
                    reply_key(suggestion_id),
                    conversation_id,
                    final_text,
                    user_name,
                    at,
                    original_text=original_text,
                    hold=hold,
                )
            learned = None
            if learn_as is not None and final_intent is not None:
                learned = await learn_example(conn, suggestion_id, final_intent, learn_as, at)
            if audit is not None:
                detail = dict(audit.detail)
                await audit_row(conn, user_name, audit.action, audit.customer_id, detail, at)
        return Decided(outbox_id, learned)

    async def reopen(self, suggestion_id: int) -> None:
        """Undo a decision whose reply staff cancelled before it was sent."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id)
                .values(
                    status="pending",
                    decided_by=None,
                    decided_by_name=None,
                    decided_at=None,
                    final_text=None,
                    final_intent=None,
                )
            )
