"""Response-time reminders: before a target is missed, and once when it is missed.

Targets are counted in business hours (``bot.desk``): a first answer for every shopper
card, acknowledgement and resolution for every escalation. Each reminder is claimed in the
database before it is posted, so it is sent once — also across restarts.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.calendar.sla import Reminder, SlaItem, Target, reminders_due
from bot.context import Context
from bot.notes import NoteKind
from handlers.assignment.reminding import flag_unassigned, owner_name, remind_owner
from handlers.notes import note_for_staff

logger = logging.getLogger(__name__)


async def send_reminders(ctx: Context, now: datetime) -> int:
    """Post the reminders due at ``now``; return how many were posted."""
    items = await _items(ctx)
    posted = 0
    for reminder in reminders_due(items, now, already_sent=set()):
        if not await ctx.store.reminder_sent(str(reminder.item_id), reminder.kind, now):
            continue  # sent before, maybe by an earlier run
        await _post(ctx, reminder, now)
        posted += 1
    return posted + await flag_unassigned(ctx, now)  # with agents: cards nobody took


async def _items(ctx: Context) -> list[SlaItem]:
    desk = ctx.desk
    first_response = Target("first response", desk.first_response, desk.first_response_warn)
    items = [
        SlaItem(
            id=f"reply:{record.id}",
            target=first_response,
            calendar=desk.calendar,
            started_at=record.created_at,
            channel="inbox",
        )
        for record in await ctx.store.pending_suggestions()
    ]
    for escalation in await ctx.store.open_escalations():
        department = desk.departments[escalation.department]
        subject = f"escalation:{escalation.id}"
        if escalation.acknowledged_at is None:
            items.append(
                SlaItem(
                    id=f"{subject}:acknowledge",
                    target=Target(
                        "acknowledge", department.acknowledge_within, department.warn_before
                    ),
                    calendar=department.calendar,
                    started_at=escalation.created_at,
                    channel=department.name,
                )
            )
        items.append(
            SlaItem(
                id=f"{subject}:resolve",
                target=Target("resolve", department.resolve_within, department.warn_before),
                calendar=department.calendar,
                started_at=escalation.created_at,
                channel=department.name,
            )
        )
    return items


async def _post(ctx: Context, reminder: Reminder, now: datetime) -> None:
    kind, number = str(reminder.item_id).split(":")[:2]
    key = f"reminder:{reminder.item_id}:{reminder.kind}"
    due = reminder.due_at.strftime("%a %H:%M UTC")
    if reminder.kind == "missed":
        text = f"The {reminder.target} target was missed (due {due})."
        note_kind = NoteKind.TARGET_MISSED
    else:
        minutes = max(1, int((reminder.due_at - now).total_seconds() // 60))
        text = f"{reminder.target.capitalize()} due at {due} (in {minutes} min)."
        note_kind = NoteKind.TARGET_DUE
    if kind == "reply":
        record = await ctx.store.suggestion(int(number))
        if record is not None and record.card is not None:
            if reminder.kind != "missed" and await remind_owner(ctx, record, text, now):
                return  # the owner has it privately; a missed target goes to everyone
            if owner := await owner_name(ctx, record.conversation_id):
                text = f"{text} Owner: {owner}."
            conversation = await ctx.store.conversation(record.conversation_id)
            ref = conversation.card or record.card
            await note_for_staff(ctx, record.conversation_id, ref, text, note_kind, key=key)
        return
    escalation = await ctx.store.escalation(int(number))
    if escalation is None:
        return
    if escalation.card is not None:
        await note_for_staff(
            ctx, escalation.conversation_id, escalation.card, text, note_kind, key=key
        )
    else:
        logger.info("reminder for escalation %s has no channel to go to: %s", number, text)
