"""What shoppers send: kept or turned away, and stored a whole batch at a time.

Intake decides once what is ours to keep: a group chat's messages are not stored unless
``BORDERDESK_TELEGRAM_GROUPS=allow`` (strangers' group chatter is not ours to keep). The
rest of a batch is stored in one transaction (``Store.record_arrivals``), so a shopper
pasting thousands of messages costs a few transactions, not thousands, and holds up nobody
queued behind them. A redelivered message is recognised and ignored. A shopper's messages
over their flood limit are kept, held, and shown to staff together once the shopper
pauses (``handlers.inbound.release_floods``); the shopper is told once that we have them.
Everything else is handed back, to be handled right away (``process_message``).

A message whose platform vouches for the sender's phone (``InboundMessage.phone``: a
WhatsApp id, a Telegram contact of the sender's own) says where the shopper is better
than their app's language does: the phone (kept in E.164 when it is a full number, else
dropped) gives the customer record its country (and so the shopper's zone and plugs),
and, when the platform gave no language, a language hint (``bot.calendar.phone_hints``:
"pt-BR" for a +55 number), stored with the message as a platform's own hint would be::

    for message_id, conversation_id in await accept_inbound_batch(ctx, messages):
        await process_message(ctx, message_id, conversation_id)
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bot.calendar.countries import country_from_language_code
from bot.calendar.phone_hints import phone_language_hint
from bot.context import Context
from bot.models import ChatType, InboundMessage
from bot.orders.matching import e164, phone_region
from bot.storage.intake import Arrival, Recorded
from bot.storage.oversized import MAX_INBOUND_TEXT
from handlers.chat_members import CHAT_MEMBER_KINDS

logger = logging.getLogger(__name__)


async def accept_inbound(ctx: Context, message: InboundMessage) -> tuple[int, int] | None:
    """Store one message (a channel that delivers one at a time); (message id,
    conversation id) when it should be handled now, None when it is a duplicate, held in
    a flood, or a group's message not kept."""
    accepted = await accept_inbound_batch(ctx, [message])
    return accepted[0] if accepted else None


async def accept_inbound_batch(
    ctx: Context, messages: Sequence[InboundMessage]
) -> list[tuple[int, int]]:
    """Store what is ours to keep of ``messages`` (in the order they came, in one
    transaction); (message id, conversation id) of those to handle now, in that order.
    Raises, having stored nothing, when the database does: the platform sends it again."""
    kept = [_read_phone(message) for message in messages if _ours_to_keep(ctx, message)]
    arrivals = [
        Arrival(
            message,
            phone_region(message.phone) or country_from_language_code(message.language_hint),
            holdable=message.kind not in CHAT_MEMBER_KINDS,  # not words: never held
        )
        for message in kept
    ]
    recorded = await ctx.store.record_arrivals(arrivals, flood=ctx.flood_limit)
    handle_now: list[tuple[int, int]] = []
    held: Counter[int] = Counter()
    for message, stored in zip(kept, recorded, strict=True):
        if not stored.is_new:
            logger.info(
                "duplicate %s message %s ignored", message.channel, message.platform_message_id
            )
            continue
        if message.kind not in CHAT_MEMBER_KINDS:  # words, not a bot blocked or unblocked
            ctx.metrics.message_in(message.channel)
        if stored.held:
            held[stored.conversation_id] += 1
            if stored.flood_began:
                await _tell_flooding(ctx, message, stored)
        else:
            handle_now.append((stored.message_id, stored.conversation_id))
    for conversation_id, count in held.items():
        logger.info(
            "conversation %s over its flood limit; %d message(s) held", conversation_id, count
        )
    return handle_now


def _read_phone(message: InboundMessage) -> InboundMessage:
    """The message with its vouched phone in E.164 (dropped when it is not a full number)
    and that phone's language hint when the platform gave none."""
    if message.phone is None:
        return message
    phone = e164(message.phone)
    hint = message.language_hint or phone_language_hint(phone)
    return replace(message, phone=phone, language_hint=hint)


def _ours_to_keep(ctx: Context, message: InboundMessage) -> bool:
    if message.chat_type is ChatType.GROUP and ctx.config.telegram_groups != "allow":
        logger.info(
            "%s update %s is from a group chat; ignored, not stored "
            "(BORDERDESK_TELEGRAM_GROUPS=ignore)",
            message.channel,
            message.delivery_id or message.platform_message_id,
        )
        return False
    return True


async def _tell_flooding(ctx: Context, message: InboundMessage, stored: Recorded) -> None:
    """A flood began: tell the shopper once that we have their messages."""
    conversation = await ctx.store.conversation(stored.conversation_id)
    # the conversation's language, or — while its first messages are still being handled
    # in the background — this message's own
    language = conversation.language or ctx.engine.detect_language(
        message.text[:MAX_INBOUND_TEXT], hint=message.language_hint, history_language=None
    )
    language = "en" if language == "unknown" else language
    name = message.user_name.split()[0] if message.user_name.strip() else ""
    country = (await ctx.store.customer_of_conversation(stored.conversation_id)).country
    text, _ = ctx.notices.render("flood", language, {"shopper_name": name}, country=country)
    key = f"flood:{stored.message_id}"
    if await ctx.store.enqueue(key, stored.conversation_id, text, "BorderDesk", ctx.clock()):
        ctx.wake_outbox()
