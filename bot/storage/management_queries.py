"""The reads behind the management digest: the whole store's day in one transaction.

How waits are measured, how outcomes are grouped and how open escalations are aged are
the digest's rules (``scheduler/management_report.py``); this query reads what happened
between the times it is given. Messages are read by range queries on
``ix_messages_created_at``, so the cost follows the day's volume, not the database's::

    day = await store.store_day(start, end, timeline=(start - lookback, end + horizon))
    day.inbound[0].channel, day.top_problems[0], len(day.open_since)
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.ratings import LOW_RATING
from bot.storage.report_records import Inbound, StoreDay, Turn
from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    messages,
    problems,
    ratings,
    suggestions,
)


class ManagementQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def store_day(
        self,
        start: datetime,
        end: datetime,
        *,
        timeline: tuple[datetime, datetime],
        top: int = 10,
    ) -> StoreDay:
        """The shopper messages of ``[start, end)`` with what became of their suggestions,
        every message of the ``timeline`` window (but a rating answer that needed no card:
        nobody owes it a reply), the ``top`` problem types first reported in
        ``[start, end)`` and the escalations still open at ``end``."""
        inbound_on_day = (
            (messages.c.direction == "in")
            & (messages.c.created_at >= start)
            & (messages.c.created_at < end)
        )
        since, until = timeline
        async with self.reader.connect() as conn:
            inbound = await conn.execute(
                select(messages.c.channel, messages.c.language, customers.c.country)
                .join(conversations, conversations.c.id == messages.c.conversation_id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(inbound_on_day)
            )
            # an answer to the rating question that needed no card is no wait for a reply
            rated = select(ratings.c.message_id).where(
                ratings.c.message_id.is_not(None), ratings.c.score > LOW_RATING
            )
            turns = await conn.execute(
                select(messages.c.conversation_id, messages.c.direction, messages.c.created_at)
                .where(messages.c.created_at >= since, messages.c.created_at < until)
                .where(messages.c.id.not_in(rated))
                .order_by(messages.c.conversation_id, messages.c.created_at, messages.c.id)
            )
            statuses = tuple(
                (intent, status, int(n))
                for intent, status, n in await conn.execute(
                    select(suggestions.c.intent, suggestions.c.status, func.count())
                    .join(messages, messages.c.id == suggestions.c.message_id)
                    .where(inbound_on_day)
                    .group_by(suggestions.c.intent, suggestions.c.status)
                )
            )
            top_problems = tuple(
                (department, intent, int(n))
                for department, intent, n in await conn.execute(
                    select(problems.c.department, problems.c.intent, func.count())
                    .where(problems.c.created_at >= start, problems.c.created_at < end)
                    .group_by(problems.c.department, problems.c.intent)
                    .order_by(func.count().desc(), problems.c.department, problems.c.intent)
                    .limit(top)
                )
            )
            open_since = await conn.scalars(
                select(escalations.c.created_at).where(
                    escalations.c.created_at < end,
                    or_(escalations.c.resolved_at.is_(None), escalations.c.resolved_at >= end),
                )
            )
            return StoreDay(
                inbound=tuple(map(Inbound._make, inbound)),
                timeline=tuple(map(Turn._make, turns)),
                suggestions=statuses,
                top_problems=top_problems,
                open_since=tuple(open_since),
            )
