"""Telling staff something under a card: queued in the outbox, never lost to an outage.

await note_for_staff(ctx, conversation_id, conversation.card, "Escalated to warehouse.")
await note_in_conversation(ctx, conversation_id, "The shopper wrote “stop” again.")
"""

from __future__ import annotations

import uuid

from bot.context import Context
from bot.models import CardRef


async def note_for_staff(
    ctx: Context, conversation_id: int, ref: CardRef, text: str, *, key: str | None = None
) -> bool:
    """Queue ``text`` under the Slack message ``ref``; False if ``key`` was queued before.

    Give a ``key`` when the same note could be queued twice (a retried step); it is sent
    once per key.
    """
    key = key or f"note:{uuid.uuid4().hex}"
    queued = await ctx.store.enqueue_note(key, conversation_id, ref, text, ctx.clock())
    if queued is not None:
        ctx.wake_outbox()
    return queued is not None


async def note_in_conversation(ctx: Context, conversation_id: int, text: str) -> None:
    """Queue ``text`` under the conversation's card; nothing when it has no card yet."""
    conversation = await ctx.store.conversation(conversation_id)
    if conversation.card is not None:
        await note_for_staff(ctx, conversation_id, conversation.card, text)
