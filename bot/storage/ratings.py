"""Shopper ratings: the conversations resolved and not asked yet, the question asked once,
the answer recorded, and ratings read back for the profile and the management digest.

What "resolved" means is ``handlers.proactive.rating``'s rule; this module reads the facts it
decides on, for the conversations active in a window, in one transaction::

    chats = await store.rating_candidates(since=now - ASK_AFTER - WINDOW)
    if await store.ask_rating(chat.conversation_id, chat.answered, at=now): ...
    rating = await store.open_rating(conversation_id, asked=(since, now), message_id=12)
    await store.record_rating(rating.id, 4, "muy bien", message_id=12, at=now)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import ChatType
from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    messages,
    outbox,
    ratings,
    suggestions,
)

# A card whose decision sent the shopper a reply (an ignored card sent nothing; an
# escalated one told the shopper who has it, and counts once its escalation is resolved).
ANSWERED = frozenset(
    {"sent", "auto_sent", "edited", "replaced", "answered", "settled", "escalated"}
)
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
# A rating this low or lower is a follow-up for staff: the answer becomes a card
# (``handlers.ratings``) and the management digest lists it.
LOW_RATING = 2


@dataclass(frozen=True)
class Answered:
    """The last card of a conversation whose decision sent the shopper a reply."""

    suggestion_id: int
    at: datetime
    by: str | None  # staff id, "borderdesk" for an automatic reply
    by_name: str | None


@dataclass(frozen=True)
class RatingCandidate:
    """A conversation with recent activity and no rating question yet, with what deciding
    whether it is resolved, and whether its shopper may be asked, needs. Its shopper
    fields are named as ``ProactiveOrder``'s, so the proactive rules read both."""

    conversation_id: int
    customer_id: int
    customer_name: str
    chat_type: str | None
    conversation_language: str | None
    customer_language: str | None
    customer_country: str | None
    customer_timezone: str | None
    opted_out: bool
    forgotten: bool
    channel_blocked: bool
    last_activity: datetime  # the latest message either way, decision or resolution
    answered: Answered | None  # None: nobody ever sent the shopper a reply
    # a card, a held reply or a stored message still waits for staff or for handling
    pending: bool
    open_escalation: bool
    country: str | None = None  # no order here: the shopper's own country is the one
    language: str | None = None
    channel: str = ""  # the conversation's channel, whose reply window may have closed
    last_heard: datetime | None = None  # the shopper's latest message


@dataclass(frozen=True)
class Rating:
    """A rating question and, once the shopper answered, their answer."""

    id: int
    conversation_id: int
    asked_at: datetime
    agent_name: str | None
    score: int | None = None
    comment: str | None = None
    answered_at: datetime | None = None
    message_id: int | None = None
    customer_name: str | None = None


class RatingQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def rating_candidates(self, since: datetime) -> list[RatingCandidate]:
        """Conversations with a message since ``since`` (a reply sent is one too: the
        outbox writes it) that were never asked to rate, private or group (the rules
        decide).

        A range read of ``ix_messages_created_at``, then a handful of grouped queries per
        500 conversations, whatever their history: the proactive job reads this every
        minute."""
        async with self.reader.connect() as conn:
            active = select(messages.c.conversation_id).where(messages.c.created_at >= since)
            rows = (
                await conn.execute(
                    select(
                        conversations.c.id,
                        conversations.c.customer_id,
                        conversations.c.chat_type,
                        conversations.c.channel,
                        conversations.c.language,
                        customers.c.name,
                        customers.c.language.label("customer_language"),
                        customers.c.country,
                        customers.c.timezone,
                        customers.c.opted_out_at,
                        customers.c.forgotten_at,
                        customers.c.channel_blocked_at,
                    )
                    .join(customers, customers.c.id == conversations.c.customer_id)
                    .where(
                        conversations.c.id.in_(active),
                        conversations.c.id.not_in(select(ratings.c.conversation_id)),
                    )
                    .order_by(conversations.c.id)
                )
            ).all()
            facts = _Facts()
            for start in range(0, len(rows), _CHUNK):
                await facts.read(conn, [r.id for r in rows[start : start + _CHUNK]], since)
        return [facts.candidate(row) for row in rows]

    async def ask_rating(
        self, conversation_id: int, answered: Answered | None, *, at: datetime
    ) -> bool:
        """Record that the conversation was asked to rate; False when it was already
        (a second process, or a run retried after a crash)."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(ratings).values(
                        conversation_id=conversation_id,
                        asked_at=at,
                        suggestion_id=answered.suggestion_id if answered else None,
                        agent_id=answered.by if answered else None,
                        agent_name=answered.by_name if answered else None,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def open_rating(
        self, conversation_id: int, *, asked: tuple[datetime, datetime], message_id: int
    ) -> Rating | None:
        """The conversation's rating question asked in ``[since, until]`` and not answered
        yet, or answered by ``message_id`` itself (that message handled again after a
        crash); None otherwise."""
        since, until = asked
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(ratings).where(
                        ratings.c.conversation_id == conversation_id,
                        ratings.c.asked_at >= since,
                        ratings.c.asked_at <= until,
                        ratings.c.score.is_(None) | (ratings.c.message_id == message_id),
                    )
                )
            ).first()
        return None if row is None else _rating(row)

    async def record_rating(
        self, rating_id: int, score: int, comment: str | None, *, message_id: int, at: datetime
    ) -> None:
        """The shopper's answer: ``score`` 1-5 and what they wrote beside it."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(ratings)
                .where(ratings.c.id == rating_id)
                .values(score=score, comment=comment, message_id=message_id, answered_at=at)
            )

    async def customer_ratings(self, customer_ids: Sequence[int]) -> list[Rating]:
        """The answered ratings of these identities' conversations, oldest first."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(ratings)
                .join(conversations, conversations.c.id == ratings.c.conversation_id)
                .where(
                    conversations.c.customer_id.in_(list(customer_ids)),
                    ratings.c.score.is_not(None),
                )
                .order_by(ratings.c.answered_at, ratings.c.id)
            )
            return [_rating(row) for row in rows]

    async def ratings_between(self, start: datetime, end: datetime) -> list[Rating]:
        """Ratings answered in ``[start, end)``, with the shopper's name, oldest first."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(ratings, customers.c.name.label("customer_name"))
                .join(conversations, conversations.c.id == ratings.c.conversation_id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(ratings.c.answered_at >= start, ratings.c.answered_at < end)
                .order_by(ratings.c.answered_at, ratings.c.id)
            )
            return [_rating(row) for row in rows]


class _Facts:
    """What ``rating_candidates`` decides on, per conversation, read chunk by chunk."""

    def __init__(self) -> None:
        self.latest: dict[int, datetime] = {}
        self.heard: dict[int, datetime] = {}  # the shopper's latest message
        self.answered: dict[int, Answered] = {}
        self.pending: set[int] = set()
        self.open_escalation: set[int] = set()

    def _later(self, conversation_id: int, at: datetime | None) -> None:
        if at is not None and (
            conversation_id not in self.latest or at > self.latest[conversation_id]
        ):
            self.latest[conversation_id] = at

    async def read(self, conn: AsyncConnection, ids: list[int], since: datetime) -> None:
        for table, column in (
            (messages, messages.c.created_at),
            (suggestions, suggestions.c.decided_at),
            (escalations, escalations.c.resolved_at),
        ):
            for conversation_id, at in await conn.execute(
                select(table.c.conversation_id, func.max(column))
                .where(table.c.conversation_id.in_(ids))
                .group_by(table.c.conversation_id)
            ):
                self._later(conversation_id, at)
        for conversation_id, at in await conn.execute(
            select(messages.c.conversation_id, func.max(messages.c.created_at))
            .where(messages.c.conversation_id.in_(ids), messages.c.direction == "in")
            .group_by(messages.c.conversation_id)
        ):
            self.heard[conversation_id] = at
        # the latest reply decided in the window (an old one is no help to rate now)
        for row in await conn.execute(
            select(
                suggestions.c.conversation_id,
                suggestions.c.id,
                suggestions.c.decided_at,
                suggestions.c.decided_by,
                suggestions.c.decided_by_name,
            )
            .where(
                suggestions.c.conversation_id.in_(ids),
                suggestions.c.status.in_(sorted(ANSWERED)),
                suggestions.c.decided_at >= since,
            )
            .order_by(suggestions.c.decided_at, suggestions.c.id)
        ):
            self.answered[row.conversation_id] = Answered(*row[1:])
        # an escalation resolved in the window: the shopper got (or gets, once staff
        # confirm it) the department's update, later than any card's reply
        for resolution in await conn.execute(
            select(
                escalations.c.conversation_id,
                escalations.c.suggestion_id,
                escalations.c.resolved_at,
                escalations.c.resolved_by,
            )
            .where(escalations.c.conversation_id.in_(ids), escalations.c.resolved_at >= since)
            .order_by(escalations.c.resolved_at, escalations.c.id)
        ):
            chat, card, at, by = resolution
            known = self.answered.get(chat)
            if known is None or at > known.at:
                self.answered[chat] = Answered(card, at, None, by)
        self.pending.update(
            await conn.scalars(
                select(suggestions.c.conversation_id).where(
                    suggestions.c.conversation_id.in_(ids), suggestions.c.status == "pending"
                )
            )
        )
        self.pending.update(  # stored and not handled yet: its card is still to come
            await conn.scalars(
                select(messages.c.conversation_id).where(
                    messages.c.conversation_id.in_(ids),
                    messages.c.direction == "in",
                    messages.c.processed_at.is_(None),
                )
            )
        )
        self.pending.update(  # a reply held for staff to confirm (the resolution update)
            await conn.scalars(
                select(outbox.c.conversation_id).where(
                    outbox.c.conversation_id.in_(ids), outbox.c.status == "held"
                )
            )
        )
        self.open_escalation.update(
            await conn.scalars(
                select(escalations.c.conversation_id).where(
                    escalations.c.conversation_id.in_(ids), escalations.c.resolved_at.is_(None)
                )
            )
        )

    def candidate(self, row: Any) -> RatingCandidate:
        return RatingCandidate(
            conversation_id=row.id,
            customer_id=row.customer_id,
            customer_name=row.name,
            chat_type=row.chat_type or ChatType.PRIVATE.value,
            conversation_language=row.language,
            customer_language=row.customer_language,
            customer_country=row.country,
            customer_timezone=row.timezone,
            opted_out=row.opted_out_at is not None,
            forgotten=row.forgotten_at is not None,
            channel_blocked=row.channel_blocked_at is not None,
            last_activity=self.latest[row.id],
            answered=self.answered.get(row.id),
            pending=row.id in self.pending,
            open_escalation=row.id in self.open_escalation,
            channel=row.channel,
            last_heard=self.heard.get(row.id),
        )


def _rating(row: Any) -> Rating:
    return Rating(
        id=row.id,
        conversation_id=row.conversation_id,
        asked_at=row.asked_at,
        agent_name=row.agent_name,
        score=row.score,
        comment=row.comment,
        answered_at=row.answered_at,
        message_id=row.message_id,
        customer_name=getattr(row, "customer_name", None),
    )
