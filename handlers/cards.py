"""Building inbox cards from stored suggestions, and the line that records a decision."""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.models import Card
from bot.storage import SuggestionRecord
from bot.storage.outbox import reply_key
from handlers.customers import flag_warning, load_profile, summary_line
from handlers.escalation import escalation_outcome

HELD_MARK = "held_reply"  # set by ``handlers.held_replies`` on cards a held reply answers

_VERBS = {
    "sent": "Sent",
    "auto_sent": "Sent automatically",
    "edited": "Edited and sent",
    "replaced": "Other answer sent",
    "escalated": "Escalated",
    "ignored": "Ignored",
    "answered": "Answered in the thread",
}


def decision_line(record: SuggestionRecord, extra: str = "") -> str | None:
    """ "Sent by Lee at 2026-11-28 10:02 UTC" — what the card shows once decided."""
    if record.status == "pending" or record.decided_at is None:
        return None
    verb = _VERBS.get(record.status, record.status.capitalize())
    when = _format_time(record.decided_at)
    who = record.decided_by_name or "BorderDesk"
    return f"{verb}{extra} by {who} at {when}"


def _format_time(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")


async def card_for(ctx: Context, record: SuggestionRecord, extra: str = "") -> Card:
    """The card for a suggestion as it stands now (pending, or with its decision)."""
    message = await ctx.store.inbound_message(record.message_id)
    conversation = await ctx.store.conversation(record.conversation_id)
    customer = await ctx.store.customer_of_conversation(record.conversation_id)
    now = ctx.clock()
    profile = await load_profile(ctx, customer.id, now)
    notes = list(record.display.get("notes") or [])
    waiting = await waiting_line(ctx, record)
    decision = None if waiting else decision_line(record, extra)
    outcome = escalation_outcome(record)
    if decision and outcome:  # what the shopper was told, beside who escalated it
        decision = f"{decision} · {outcome}"
    if (
        not waiting
        and record.final_text
        and record.status in ("edited", "replaced", "escalated")
        and record.final_text != record.suggestion.reply
    ):
        notes.append(f"Sent text: {record.final_text}")
    return Card(
        suggestion_id=record.id,
        customer_name=conversation.customer_name,
        channel=conversation.channel,
        language=record.suggestion.language,
        original_text=message.display_text(),
        suggestion=record.suggestion,
        decision=decision,
        waiting=waiting,
        translated_text=record.display.get("translation"),
        reply_in_staff_language=record.display.get("reply_staff"),
        notes=tuple(notes),
        profile=summary_line(profile, now) if profile else None,
        warning=flag_warning(profile) if profile else None,
        conversation_id=record.conversation_id,
    )


async def waiting_line(ctx: Context, record: SuggestionRecord) -> str | None:
    """ "Waiting for a translation choice: reply by Lee at …" while the reply that answers
    this card is held for staff to choose how it goes out (``handlers.held_replies``)."""
    mark = record.display.get(HELD_MARK)
    if record.status == "pending" and isinstance(mark, dict):
        item = mark.get("outbox")
        who = str(mark.get("by") or "staff")
        when = _format_time(datetime.fromisoformat(str(mark.get("at"))))
    elif record.status != "pending" and record.final_text and record.decided_at is not None:
        item = await ctx.store.outbox_id(reply_key(record.id))
        who, when = record.decided_by_name or "staff", _format_time(record.decided_at)
    else:
        return None
    if not isinstance(item, int) or await ctx.store.held(item) is None:
        return None
    return f"Waiting for a translation choice: reply by {who} at {when}"
