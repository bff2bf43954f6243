"""A shopper blocked or unblocked the bot: mark them, and tell staff under their card.

While blocked nothing reaches them, so proactive messages (order updates, reminders,
review requests) skip customers marked ``channel_blocked_at``; replies staff write still
go to the outbox, which parks them with the platform's refusal. The change itself was
stored first, like every message (kind CHAT_BLOCKED / CHAT_UNBLOCKED); it needs no card.
"""

from __future__ import annotations

import logging

from bot.context import Context
from bot.models import InboundMessage, MessageKind
from bot.notes import NoteKind
from handlers.notes import note_for_staff

logger = logging.getLogger(__name__)

CHAT_MEMBER_KINDS = frozenset({MessageKind.CHAT_BLOCKED, MessageKind.CHAT_UNBLOCKED})


async def chat_member_changed(
    ctx: Context, message: InboundMessage, message_id: int, conversation_id: int
) -> None:
    """Set or clear the customer's block mark; a note for staff when it changed."""
    blocked = message.kind is MessageKind.CHAT_BLOCKED
    at = message.received_at if blocked else None
    if not await ctx.store.set_channel_blocked(conversation_id, at):
        logger.info(
            "conversation %s: %s again, nothing changes", conversation_id, message.kind.value
        )
        return
    logger.info(
        "conversation %s: the shopper %s the bot",
        conversation_id,
        "blocked" if blocked else "unblocked",
    )
    conversation = await ctx.store.conversation(conversation_id)
    if conversation.card is None:
        return  # nothing to write under; the mark alone pauses proactive messages
    who = conversation.customer_name or "The shopper"
    platform = message.channel.capitalize()
    if blocked:
        text = (
            f"{who} blocked the bot on {platform}. Nothing reaches "
            "them now: replies are kept and shown here as undelivered, and proactive "
            "messages (order updates, reminders, review requests) are paused until they "
            "unblock it."
        )
    else:
        text = (
            f"{who} unblocked the bot on {platform}: replies "
            "reach them again and proactive messages resume."
        )
    kind = NoteKind.BLOCKED if blocked else NoteKind.UNBLOCKED
    await note_for_staff(
        ctx, conversation_id, conversation.card, text, kind, key=f"member:{message_id}"
    )
