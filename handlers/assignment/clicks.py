"""Take it, Release and Reassign on a card: the conversation changes owner, the change is
recorded with who made it (``Store.set_owner``), and its undecided cards show the new
owner. Only agents of the desk file can own a conversation: a click that would give it
to anyone else is refused privately, and nothing changes.
"""

from __future__ import annotations

import logging

from bot.context import Context
from bot.models import ActionKind, StaffAction
from bot.storage import SuggestionRecord
from bot.storage.assignments import REASSIGN, RELEASE, TAKE
from handlers.assignment.owners import agent_by_id
from handlers.cards import card_for

logger = logging.getLogger(__name__)

_ACTIONS = {ActionKind.TAKE: TAKE, ActionKind.RELEASE: RELEASE, ActionKind.REASSIGN: REASSIGN}
ASSIGNMENT_ACTIONS = frozenset(_ACTIONS)


async def handle_assignment(ctx: Context, action: StaffAction, record: SuggestionRecord) -> None:
    """Change the owner of ``record``'s conversation as ``action`` says."""
    if not ctx.desk.agents:
        logger.info("%s by %s ignored: the desk file names no agents", action.kind, action.user_id)
        return
    target: str | None = None
    if action.kind is ActionKind.TAKE:
        target = action.user_id
    elif action.kind is ActionKind.REASSIGN:
        target = action.extra.get("owner") or None
        if target is None:
            logger.warning("reassign of suggestion %s without a person ignored", record.id)
            return
    if target is not None and agent_by_id(ctx.desk.agents, target) is None:
        who = "You are" if target == action.user_id else f"<@{target}> is"
        if record.card is not None:
            await ctx.workspace.tell(
                action.user_id,
                record.card,
                f"{who} not one of the desk file's agents (agents:), so cannot own cards; "
                "nothing changed.",
            )
        return
    changed = await ctx.store.set_owner(
        record.conversation_id,
        target,
        _ACTIONS[action.kind],
        by=action.user_id,
        at=action.at,
        suggestion_id=record.id,
    )
    if changed:
        await redraw_conversation(ctx, record)


async def redraw_conversation(ctx: Context, record: SuggestionRecord) -> None:
    """Redraw ``record``'s card and every undecided card of its conversation (the owner
    shows on each)."""
    pending = await ctx.store.pending_suggestions(record.conversation_id)
    seen = {r.id for r in pending}
    for card in ([record] if record.id not in seen else []) + pending:
        if card.card is not None:
            latest = await ctx.store.suggestion(card.id) or card
            await ctx.workspace.update(card.card, await card_for(ctx, latest))
