"""The reads behind the agent figures and work logs (issue 19): what each agent did in a
window, what is still open with them, and the ratings of the replies they sent.

An agent is the Slack user id their clicks carry (``suggestions.decided_by``, the
``agents:`` of the desk file). How a decision counts, how a first response is measured
and how ratings are averaged are the figures' rules (``bot/storage/agent_figures.py``,
shared by the flows and the timed jobs); this reads the facts, in one transaction, by
range queries on indexed columns: decisions through ``ix_messages_created_at`` (a card is
decided after its message came, so a card decided in the window is found among the
messages of the window and the ``lookback`` before it), ratings through
``ratings.answered_at``, one agent's assignments through ``ix_assignments_owner_at`` (every
agent's: the assignments table is read in the window; it grows by one row per change of
owner, far slower than messages)::

    work = await store.agent_work(start, end, lookback=timedelta(days=14))
    work.decisions[0].decided_by, work.timeline[0], work.ratings[0].score
    figures = await store.agents_between(start, end, names={"U0LENA0001": "Lena"})
    open_cards = await store.open_with(["U0AIKO0001"])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.agent_figures import (
    AUTOMATIC,
    LOOKBACK,
    AgentFigures,
    AgentRating,
    AgentWork,
    Decision,
    OpenCard,
    agent_figures,
)
from bot.storage.report_records import Turn
from bot.storage.schema import (
    assignments,
    conversation_owners,
    conversations,
    customers,
    messages,
    ratings,
    suggestions,
)

_CHUNK = 500  # conversation ids per IN (...) list, well under SQLite's variable limit


class AgentQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def agent_work(
        self,
        start: datetime,
        end: datetime,
        *,
        lookback: timedelta = LOOKBACK,
        agent_id: str | None = None,
    ) -> AgentWork:
        """Decisions made in ``[start, end)`` on cards whose message came at most
        ``lookback`` before ``start`` (of ``agent_id`` only, when given), without the
        automatic ones, with what the figures need beside them."""
        since = start - lookback
        decided = (
            (messages.c.created_at >= since)
            & (messages.c.created_at < end)
            & (suggestions.c.decided_at >= start)
            & (suggestions.c.decided_at < end)
            & suggestions.c.decided_by.is_not(None)
            & (suggestions.c.decided_by != AUTOMATIC)
        )
        rated = (ratings.c.answered_at >= start) & (ratings.c.answered_at < end)
        given = (
            assignments.c.owner_id.is_not(None)
            & (assignments.c.at >= start)
            & (assignments.c.at < end)
        )
        if agent_id is not None:
            decided &= suggestions.c.decided_by == agent_id
            rated &= ratings.c.agent_id == agent_id
            given &= assignments.c.owner_id == agent_id
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(
                    suggestions.c.id,
                    suggestions.c.conversation_id,
                    suggestions.c.intent,
                    suggestions.c.status,
                    suggestions.c.decided_by,
                    suggestions.c.decided_by_name,
                    suggestions.c.decided_at,
                    messages.c.created_at,
                    suggestions.c.language,
                    customers.c.name,
                )
                .join(messages, messages.c.id == suggestions.c.message_id)
                .join(conversations, conversations.c.id == suggestions.c.conversation_id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(decided)
                .order_by(suggestions.c.decided_at, suggestions.c.id)
            )
            decisions = tuple(Decision._make(row) for row in rows)
            timeline: list[Turn] = []
            ids = sorted({d.conversation_id for d in decisions})
            for n in range(0, len(ids), _CHUNK):
                turns = await conn.execute(
                    select(messages.c.conversation_id, messages.c.direction, messages.c.created_at)
                    .where(
                        messages.c.conversation_id.in_(ids[n : n + _CHUNK]),
                        messages.c.created_at >= since,
                        messages.c.created_at < end,
                    )
                    .order_by(messages.c.conversation_id, messages.c.created_at, messages.c.id)
                )
                timeline += map(Turn._make, turns)
            answers = await conn.execute(
                select(
                    ratings.c.agent_id,
                    ratings.c.agent_name,
                    ratings.c.score,
                    ratings.c.comment,
                    ratings.c.answered_at,
                    customers.c.name,
                )
                .join(conversations, conversations.c.id == ratings.c.conversation_id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(rated, ratings.c.score.is_not(None))
                .order_by(ratings.c.answered_at, ratings.c.id)
            )
            assigned = await conn.execute(
                select(
                    assignments.c.owner_id, func.count(func.distinct(assignments.c.conversation_id))
                )
                .where(given)
                .group_by(assignments.c.owner_id)
                .order_by(assignments.c.owner_id)
            )
            return AgentWork(
                decisions=decisions,
                timeline=tuple(timeline),
                ratings=tuple(AgentRating._make(row) for row in answers),
                assigned=tuple((owner, int(n)) for owner, n in assigned),
            )

    async def agents_between(
        self,
        start: datetime,
        end: datetime,
        *,
        names: Mapping[str, str] | None = None,
        agent_id: str | None = None,
    ) -> tuple[AgentFigures, ...]:
        """The figures of ``[start, end)`` (``bot.storage.agent_figures``), of every agent
        or of ``agent_id`` only; ``names`` are the desk file's (Slack id -> name)."""
        return agent_figures(await self.agent_work(start, end, agent_id=agent_id), names)

    async def open_with(self, owner_ids: Sequence[str] | None = None) -> list[OpenCard]:
        """Cards still pending in conversations the agents ``owner_ids`` own (every owned
        conversation's when None), oldest first: what is still open with each agent."""
        owned = select(
            conversation_owners.c.owner_id,
            suggestions.c.id,
            suggestions.c.conversation_id,
            suggestions.c.intent,
            suggestions.c.language,
            suggestions.c.created_at,
            customers.c.name,
        ).select_from(
            conversation_owners.join(
                suggestions, suggestions.c.conversation_id == conversation_owners.c.conversation_id
            )
            .join(conversations, conversations.c.id == conversation_owners.c.conversation_id)
            .join(customers, customers.c.id == conversations.c.customer_id)
        )
        query = owned.where(suggestions.c.status == "pending")
        if owner_ids is not None:
            query = query.where(conversation_owners.c.owner_id.in_(list(owner_ids)))
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                query.order_by(conversation_owners.c.owner_id, suggestions.c.created_at)
            )
            return [OpenCard._make(row) for row in rows]
