"""Building inbox cards from stored suggestions, and the line that records a decision."""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.models import Card
from bot.storage import SuggestionRecord
from handlers.customers import flag_warning, load_profile, summary_line

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
    if record.final_text and record.status in ("edited", "replaced"):
        notes.append(f"Sent text: {record.final_text}")
    return Card(
        suggestion_id=record.id,
        customer_name=conversation.customer_name,
        channel=conversation.channel,
        language=record.suggestion.language,
        original_text=message.display_text(),
        suggestion=record.suggestion,
        decision=decision_line(record, extra),
        translated_text=record.display.get("translation"),
        reply_in_staff_language=record.display.get("reply_staff"),
        notes=tuple(notes),
        profile=summary_line(profile, now) if profile else None,
        warning=flag_warning(profile) if profile else None,
    )
