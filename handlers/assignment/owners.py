"""Giving a new card an owner, and reading who owns a conversation for its card.

A conversation keeps its owner while they are on shift, so a shopper's follow-up goes to
the agent who already knows the case. Otherwise the card goes to an agent on shift who
reads the shopper's language, round robin: the one the desk gave a conversation to least
recently (``bot.calendar.shifts.pick``). With nobody on shift the card stays as it is
(with its earlier owner, or nobody's) until someone takes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.calendar.shifts import Agent, on_shift, pick
from bot.context import Context
from bot.models import CardOwner
from bot.storage.assignments import AUTO, DESK, Ownership


def agent_by_id(agents: Sequence[Agent], user_id: str | None) -> Agent | None:
    return next((agent for agent in agents if agent.user_id == user_id), None)


async def assign_card(
    ctx: Context, conversation_id: int, suggestion_id: int, language: str, now: datetime
) -> Ownership | None:
    """The conversation's owner once its new card (``suggestion_id``) is placed: kept while
    on shift, else the round robin's choice among agents on shift who read ``language``;
    None without agents, or with nobody to give it to."""
    agents = ctx.desk.agents
    if not agents:
        return None
    current = await ctx.store.owner_of(conversation_id)
    if current is not None:
        owner = agent_by_id(agents, current.owner_id)
        if owner is not None and owner.on_shift(now):
            return current
    chosen = pick(on_shift(agents, language, now), await ctx.store.last_auto_assigned())
    if chosen is None:
        return current
    await ctx.store.set_owner(
        conversation_id, chosen.user_id, AUTO, by=DESK, at=now, suggestion_id=suggestion_id
    )
    return Ownership(chosen.user_id, now)


async def card_owner(ctx: Context, conversation_id: int, now: datetime) -> CardOwner | None:
    """Who owns the conversation, as its card shows them; None when nobody does."""
    ownership = await ctx.store.owner_of(conversation_id)
    if ownership is None:
        return None
    agent = agent_by_id(ctx.desk.agents, ownership.owner_id)
    return CardOwner(
        user_id=ownership.owner_id,
        name=agent.name if agent else ownership.owner_id,
        since=ownership.since,
        on_shift=agent.on_shift(now) if agent else False,
    )
