"""A shopper writes "stop" (or "start"): proactive messages off (or on again).

The whole message must be the word, in one of the desk's languages; the shopper is told
once, and staff read it in the card's thread::

    if await handle_opt_word(ctx, message, conversation_id, message_id, language):
        ...  # no card needed
"""

from __future__ import annotations

import re

from bot.context import Context
from bot.models import InboundMessage
from handlers.notes import note_in_conversation

# The whole message is one of these words (any case, trailing punctuation ignored). Short
# on purpose: "stop" inside a sentence ("stop sending the wrong size!") is a complaint.
STOP_WORDS = frozenset(
    {"stop", "/stop", "stopp", "unsubscribe", "parar", "arrêter", "arreter", "стоп", "停止",
     "ストップ", "중지", "توقف"}
)  # fmt: skip
START_WORDS = frozenset({"start", "/start", "старт", "开始", "開始", "スタート", "시작", "ابدأ"})


def opt_word(text: str) -> str | None:
    """ "stop" or "start" when the message is just that word, in one of the desk's languages."""
    word = re.sub(r"@\w+$", "", text.strip())  # "/stop@ShopBot" in a group
    word = word.rstrip(".!?。！？ ").strip(" \"'«»“”").casefold()
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    return None


async def handle_opt_word(
    ctx: Context, message: InboundMessage, conversation_id: int, message_id: int, language: str
) -> bool:
    """ "stop": no more proactive messages, confirmed once; "start": they are back on.
    True when the message needs nothing more (no card): staff read it in the thread."""
    word = opt_word(message.text)
    if word is None:
        return False
    customer = await ctx.store.customer_of_conversation(conversation_id)
    person = await ctx.store.same_person(customer.id)
    ids = [c.id for c in person]
    already = any(c.opted_out_at for c in person)
    now = ctx.clock()
    if word == "start":
        if not already:
            return False  # nothing to undo: a plain message (or the /start greeting)
        await ctx.store.set_opted_out(ids, None)
        await note_in_conversation(
            ctx,
            conversation_id,
            f"The shopper wrote “{message.text.strip()}”: proactive "
            "messages (order updates, reminders, review requests) are on again.",
        )
        return not message.text.strip().startswith("/")
    if already:
        await note_in_conversation(
            ctx, conversation_id, "The shopper wrote “stop” again; they had opted out already."
        )
        return True
    name = message.user_name.split()[0] if message.user_name.strip() else ""
    shown = language if language != "unknown" else (customer.language or "en")
    text, _ = ctx.notices.render("stopped", shown, {"shopper_name": name}, country=customer.country)
    # queued first, under the message's key: a retry after a crash confirms exactly once
    if await ctx.store.enqueue(f"stopped:{message_id}", conversation_id, text, "BorderDesk", now):
        ctx.wake_outbox()
    await ctx.store.set_opted_out(ids, now)
    await note_in_conversation(
        ctx,
        conversation_id,
        f"The shopper wrote “{message.text.strip()}”: no more proactive "
        "messages (order updates, reminders, review requests). They were told so; "
        "“start” turns them back on. Nothing to answer.",
    )
    return True
