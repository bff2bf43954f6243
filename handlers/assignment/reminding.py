"""Target reminders for an owned card go to its owner first, and cards nobody owns are
flagged in the inbox once they have waited ``unassigned_after`` (the desk file's
``support:``; 30 minutes unless set).

A "first response due soon" reminder is a direct message to the owner while they are on
shift and the workspace can write to one person (``DirectMessages``); otherwise, and for
a missed target, it goes to the card's thread in the inbox, as without agents.
"""

from __future__ import annotations

from datetime import datetime

from bot.channels.base import DirectMessages
from bot.context import Context
from bot.notes import NoteKind
from bot.storage import SuggestionRecord
from handlers.assignment.owners import agent_by_id, card_owner
from handlers.notes import note_for_staff

UNASSIGNED = "unassigned"  # the reminder kind that claims a card's flag once


async def remind_owner(ctx: Context, record: SuggestionRecord, text: str, now: datetime) -> bool:
    """Write ``text`` to the owner of ``record``'s conversation directly; False when it
    must go to the inbox instead (no owner, owner off shift, no direct messages, or the
    message did not go)."""
    workspace = ctx.workspace
    if not ctx.desk.agents or record.card is None or not isinstance(workspace, DirectMessages):
        return False
    ownership = await ctx.store.owner_of(record.conversation_id)
    agent = agent_by_id(ctx.desk.agents, ownership.owner_id if ownership else None)
    if agent is None or not agent.on_shift(now):
        return False
    conversation = await ctx.store.conversation(record.conversation_id)
    link = workspace.link_to(conversation.card or record.card)
    where = f": {link}" if link else f" (card #{record.id} in the inbox)"
    return await workspace.direct(
        agent.user_id, f"{text} {conversation.customer_name}'s card is yours{where}"
    )


async def owner_name(ctx: Context, conversation_id: int) -> str | None:
    """The owner's name, for an inbox reminder to say whose card it is."""
    if not ctx.desk.agents:
        return None
    owner = await card_owner(ctx, conversation_id, ctx.clock())
    return owner.name if owner else None


async def flag_unassigned(ctx: Context, now: datetime) -> int:
    """Flag, once each, the undecided cards whose conversation nobody has owned for
    ``unassigned_after``; returns how many were flagged."""
    if not ctx.desk.agents:
        return 0
    waited = ctx.desk.unassigned_after
    old = [
        r
        for r in await ctx.store.pending_suggestions()
        if r.card is not None and r.created_at <= now - waited
    ]
    owners = await ctx.store.owners([r.conversation_id for r in old])
    flagged = 0
    for record in old:
        if record.conversation_id in owners or record.card is None:
            continue
        if not await ctx.store.reminder_sent(f"reply:{record.id}", UNASSIGNED, now):
            continue  # flagged before
        conversation = await ctx.store.conversation(record.conversation_id)
        minutes = int((now - record.created_at).total_seconds() // 60)
        text = (
            f"Nobody has taken this card for {minutes} min: Take it, or Reassign it to "
            "someone on shift (/borderdesk shifts shows who is on)."
        )
        ref = conversation.card or record.card
        key = f"unassigned:{record.id}"
        await note_for_staff(ctx, record.conversation_id, ref, text, NoteKind.WARNING, key=key)
        flagged += 1
    return flagged
