"""Building inbox cards from stored suggestions, and the line that records a decision."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.channels.base import DeliveryReporting
from bot.context import Context
from bot.models import Card
from bot.storage import SuggestionRecord
from bot.storage.card_reads import OutboxRef
from bot.storage.delivery_statuses import Delivery
from bot.storage.outbox import reply_key
from handlers.assignment.owners import card_owner
from handlers.customers import flag_warning, profile_of, summary_line
from handlers.disputes.offer import settlements
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
    "settled": "Settled",  # a dispute (handlers.disputes): the extra says how
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
    """The card for a suggestion as it stands now (pending, or with its decision), read
    in one transaction (``Store.card_facts``)."""
    held = _held_by(record)
    facts = await ctx.store.card_facts(
        record.message_id, record.conversation_id, held=held[0] if held else None
    )
    message, conversation = facts.message, facts.conversation
    now = ctx.clock()
    profile = profile_of(ctx, facts.identities, facts.orders, facts.problems, now)
    notes = list(record.display.get("notes") or [])
    waiting = _waiting_text(held) if held and facts.reply_held else None
    decision = None if waiting else decision_line(record, extra)
    outcome = escalation_outcome(record)
    if decision and outcome:  # what the shopper was told, beside who escalated it
        decision = f"{decision} · {outcome}"
    channel = ctx.channels.get(conversation.channel)
    # only a channel that hears back from its platform has a delivery to show
    reported = decision is not None and isinstance(channel, DeliveryReporting)
    delivery = await ctx.store.delivery_by_key(reply_key(record.id)) if reported else None
    if decision and delivery and (words := delivery_words(delivery)):
        decision = f"{decision} · {words}"
    window = channel.capabilities.reply_window if channel is not None else None
    if window is not None and record.status == "pending":
        notes.append(window_line(message.received_at + window, now))
    if (
        not waiting
        and record.final_text
        and record.status in ("edited", "replaced", "escalated", "settled")
        and record.final_text != record.suggestion.reply
    ):
        notes.append(f"Sent text: {record.final_text}")
    dispute = settlements(ctx.desk.disputes, record, facts)
    assignable = bool(ctx.desk.agents)  # the desk has agents: the card shows its owner
    owner = await card_owner(ctx, record.conversation_id, now) if assignable else None
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
        dispute=dispute[0].offer() if dispute else None,
        assignable=assignable,
        owner=owner,
    )


def delivery_words(delivery: Delivery) -> str:
    """ "delivered 10:03 UTC, read 10:05 UTC": what the platform reported of the reply
    (nothing for "sent": the decision line says that already)."""
    if delivery.state == "failed":
        return f"not delivered: {delivery.reason or 'no reason given'}"
    said = [
        f"{state} {at.astimezone(UTC):%H:%M} UTC"
        for state, at in (("delivered", delivery.delivered_at), ("read", delivery.read_at))
        if at
    ]
    return ", ".join(said)


def window_line(closes: datetime, now: datetime) -> str:
    """ "Free reply until 14:32 UTC tomorrow": a channel whose free-form replies close a
    while after the shopper's last message (WhatsApp: 24 hours), counted from this card's
    message; after it, the channel sends the reply as an approved template."""
    closes, now = closes.astimezone(UTC), now.astimezone(UTC)
    when = f"{closes:%H:%M} UTC {_day(closes, now)}"
    if now < closes:
        return f"Free reply until {when}; after that it goes as an approved template"
    return f"Free-reply window closed at {when}: a reply goes as an approved template"


def _day(at: datetime, now: datetime) -> str:
    days = (at.date() - now.date()).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    return named.get(days, f"on {at:%Y-%m-%d}")


async def waiting_line(ctx: Context, record: SuggestionRecord) -> str | None:
    """ "Waiting for a translation choice: reply by Lee at …" while the reply that answers
    this card is held for staff to choose how it goes out (``handlers.held_replies``)."""
    held = _held_by(record)
    if held is None or not await ctx.store.is_held(held[0]):
        return None
    return _waiting_text(held)


def _held_by(record: SuggestionRecord) -> tuple[OutboxRef, str, str] | None:
    """The outbox row that, while held, makes the card wait (its id, or its key when the
    decision queued it), with who wrote the reply and when; None when nothing can."""
    mark = record.display.get(HELD_MARK)
    if record.status == "pending" and isinstance(mark, dict):
        item = mark.get("outbox")
        if not isinstance(item, int):
            return None
        when = datetime.fromisoformat(str(mark.get("at")))
        return item, str(mark.get("by") or "staff"), _format_time(when)
    if record.status != "pending" and record.final_text and record.decided_at is not None:
        who = record.decided_by_name or "staff"
        return reply_key(record.id), who, _format_time(record.decided_at)
    return None


def _waiting_text(held: tuple[OutboxRef, str, str]) -> str:
    _, who, when = held
    return f"Waiting for a translation choice: reply by {who} at {when}"
