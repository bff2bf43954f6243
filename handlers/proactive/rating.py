"""Asking a shopper to rate the help they got, once their conversation is resolved.

"Resolved" is read from what staff and the shopper did, not from a button nobody has to
press: someone sent the shopper a reply (a card sent as is, edited, replaced, answered in
the thread, settled, or escalated and its escalation resolved) in the last ``WINDOW``,
nothing waits for staff (no pending card, no reply held for staff to confirm, no message
still being handled, no open escalation), and the conversation has been quiet for
``ASK_AFTER`` since its last word. A shopper who writes
again in that time was not done, so the clock starts over.

The question goes out once per conversation, ever (its outbox key is
``rating:<conversation>`` and the ``ratings`` row's unique key keeps a second process's
question out), through the outbox like the order notices and under their rules, reused
from ``handlers.proactive.rules``: never to a shopper who said "stop", was forgotten,
blocked the bot or writes from a group; never in their quiet hours (it waits); never
later than ``WINDOW`` after it fell due (out of context by then); never on a channel
whose free-reply window has closed since the shopper last wrote (WhatsApp's 24 hours:
the question would go out as the store's "update" template, which it is not), unless the
store has a template of the question's own there (``rating=...`` in
``BORDERDESK_WHATSAPP_TEMPLATES``, ``ChannelCapabilities.templated_notices``); and only while
``rating`` is among ``BORDERDESK_PROACTIVE``'s kinds. Never to a flagged buyer either,
on any of their identities::

    asked = await ask_for_ratings(ctx, now)   # by send_proactive, every minute

The answer is read where messages arrive (``handlers.ratings``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from bot.context import Context
from bot.models import Notice
from bot.storage.ratings import RatingCandidate
from handlers.approvals import flagged_identity
from handlers.proactive.rules import (
    ProactiveSettings,
    may_notify,
    quiet_until,
    shopper_country,
    shopper_language,
    shopper_zone,
)

KIND = "rating"  # its name in BORDERDESK_PROACTIVE and its notice (replies/notices/)
AUTHOR = "BorderDesk"
# quiet this long after the conversation's last word before it counts as resolved
ASK_AFTER = timedelta(hours=2)
# how long after falling due the question still makes sense (quiet hours, an outage)
WINDOW = timedelta(days=3)


def rating_key(conversation_id: int) -> str:
    """The question's outbox key: one per conversation, ever."""
    return f"rating:{conversation_id}"


def resolved(chat: RatingCandidate, now: datetime) -> bool:
    """Whether the conversation is resolved and its question due at ``now`` (see above)."""
    if chat.answered is None or chat.pending or chat.open_escalation:
        return False
    due = chat.last_activity + ASK_AFTER
    return due <= now < due + WINDOW


def due_questions(
    chats: Iterable[RatingCandidate],
    now: datetime,
    settings: ProactiveSettings,
    reply_windows: Mapping[str, timedelta | None] | None = None,
) -> list[RatingCandidate]:
    """The conversations to ask now, by the proactive rules (flags are read afterwards:
    they span every identity of the shopper). ``reply_windows``: each channel's
    free-reply window (``ChannelCapabilities.reply_window``), None where it has none."""
    if KIND not in settings.kinds:
        return []
    windows = reply_windows or {}
    return [
        chat
        for chat in chats
        if resolved(chat, now)
        and may_notify(chat)
        and quiet_until(now, shopper_zone(chat), settings.quiet_hours) is None
        and within_reply_window(chat, now, windows.get(chat.channel))
    ]


def within_reply_window(chat: RatingCandidate, now: datetime, window: timedelta | None) -> bool:
    """Whether a free message may still reach the shopper: always on a channel without a
    window, else only while the shopper's latest message is less than ``window`` old."""
    if window is None:
        return True
    return chat.last_heard is not None and now < chat.last_heard + window


async def ask_for_ratings(ctx: Context, now: datetime) -> int:
    """Queue the rating questions due at ``now``; returns how many were queued."""
    settings = ProactiveSettings.from_config(ctx.config)
    chats = await ctx.store.rating_candidates(since=now - ASK_AFTER - WINDOW)
    # a channel with an approved template of the question's own has no window for it
    windows = {
        name: None if KIND in caps.templated_notices else caps.reply_window
        for name, caps in ((n, c.capabilities) for n, c in ctx.channels.items())
    }
    asked = 0
    for chat in due_questions(chats, now, settings, windows):
        if await flagged_identity(ctx, chat.conversation_id) is not None:
            continue  # a flagged buyer is never asked (checked each time: flags change)
        names = chat.customer_name.split()
        values = {"shopper_name": names[0] if names else ""}
        language, country = shopper_language(chat), shopper_country(chat)
        text, _ = ctx.notices.render(KIND, language, values, country=country)
        # queued first, under its key: after a crash before the row, the retry finds the
        # question queued already and only writes the row
        queued = await ctx.store.enqueue(
            rating_key(chat.conversation_id),
            chat.conversation_id,
            text,
            AUTHOR,
            now,
            notice=Notice(KIND, values),
        )
        await ctx.store.ask_rating(chat.conversation_id, chat.answered, at=now)
        asked += queued is not None
    if asked:
        ctx.wake_outbox()
    return asked
