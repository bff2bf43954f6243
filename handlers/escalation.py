"""Problems become work for the department that can fix their cause.

A problem report is recorded against its department as soon as it is classified; it is
escalated (a card in the department's channel) by the Escalate button, or at once when
the department asked for automatic escalation. The department acknowledges, asks the
inbox for information, and resolves with a root cause; the inbox then gets the outcome
and a reply for the shopper, prepared but sent only when staff confirm it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.context import Context
from bot.forms import AskQuestion, Resolve
from bot.models import ROOT_CAUSES, ActionKind, EscalationCard, StaffAction
from bot.notes import Note, NoteKind
from bot.staff_items import Confirmation
from bot.storage import SuggestionRecord
from bot.storage.escalations import EscalationRecord
from handlers.facts import problem_facts
from handlers.notes import note_for_staff
from handlers.replying import note_for_shopper

logger = logging.getLogger(__name__)


async def record_problem(
    ctx: Context, record: SuggestionRecord, intent: str, library_department: str | None
) -> str:
    """Report the problem to its department; return the department. A report of a cause
    already open (the same order, or the same chat lately) joins that problem instead of
    counting again (see ``bot/storage/problem_causes.py``)."""
    message = await ctx.store.inbound_message(record.message_id)
    department = ctx.desk.department_for(intent, library_department)
    facts = problem_facts(message.text, language_hint=message.language_hint, products=ctx.products)
    await ctx.store.record_problem(
        record.id,
        department=department,
        intent=intent,
        language=record.suggestion.language,
        facts=facts,
        at=record.created_at,
    )
    return department


async def escalate(
    ctx: Context, record: SuggestionRecord, intent: str, department: str, by: str, at: datetime
) -> bool:
    """Open an escalation (once per card) and post it to the department's channel."""
    escalation_id = await ctx.store.open_escalation(record.id, department, intent, by, at)
    if escalation_id is None:
        return False
    escalation = await ctx.store.escalation(escalation_id)
    assert escalation is not None
    card = await escalation_card(ctx, escalation)
    ref = await ctx.workspace.post(card)
    if ref is not None:
        await ctx.store.set_escalation_card(escalation_id, ref)
    else:
        conversation = await ctx.store.conversation(record.conversation_id)
        if conversation.card is not None:
            await note_for_staff(
                ctx,
                record.conversation_id,
                conversation.card,
                f"No Slack channel is configured for {department}: the escalation is "
                "recorded and will appear in its digest.",
                key=f"no-channel:{escalation_id}",
            )
    return True


async def handle_escalation_action(ctx: Context, action: StaffAction) -> None:
    escalation = await ctx.store.escalation(int(action.extra.get("escalation", "0") or 0))
    if escalation is None:
        logger.warning("action %s on an unknown escalation ignored", action.kind)
        return
    when = action.at.strftime("%Y-%m-%d %H:%M UTC")
    match action.kind:
        case ActionKind.ACKNOWLEDGE:
            if await ctx.store.acknowledge(escalation.id, action.user_name, action.at):
                await _redraw(ctx, escalation.id)
                await _tell_inbox(
                    ctx, escalation, f"{escalation.department} acknowledged ({action.user_name})."
                )
        case ActionKind.NEED_INFO:
            if action.handle and escalation.status != "resolved":
                await ctx.workspace.open_form(action.handle, AskQuestion(escalation.id))
        case ActionKind.NEED_INFO_SUBMIT:
            question = (action.text or "").strip()
            await _tell_inbox(
                ctx,
                escalation,
                f"{escalation.department} ({action.user_name}) needs more "
                f"information: {question}\nReply in this thread to ask the shopper.",
                NoteKind.QUESTION,
            )
            await _redraw(ctx, escalation.id, f"Asked the inbox for information ({when}).")
        case ActionKind.RESOLVE:
            if action.handle and escalation.status != "resolved":
                await ctx.workspace.open_form(action.handle, Resolve(escalation.id))
        case ActionKind.RESOLVE_SUBMIT:
            await _resolve(ctx, escalation, action)


async def _resolve(ctx: Context, escalation: EscalationRecord, action: StaffAction) -> None:
    cause = action.intent or "other"
    if cause not in ROOT_CAUSES:
        cause = "other"
    note = (action.text or "").strip()
    if not await ctx.store.resolve(escalation.id, action.user_name, action.at, cause, note):
        return
    await _redraw(ctx, escalation.id)
    await _tell_inbox(
        ctx,
        escalation,
        f"{escalation.department} resolved it ({action.user_name}). "
        f"Root cause: {ROOT_CAUSES[cause]}. {note}",
        NoteKind.RESOLVED,
    )
    await _prepare_update(ctx, escalation, note, action)


async def _prepare_update(
    ctx: Context, escalation: EscalationRecord, note: str, action: StaffAction
) -> None:
    """A reply telling the shopper the outcome, held until staff confirm it.

    The department's note goes in when it can be given in the shopper's language (as
    written, or translated: ``handlers.replying.note_for_shopper``). When it cannot (the
    translator failed or is off) the update says only that the problem is dealt with
    ("resolved_plain"), never an English note inside a German text, and staff are told
    under the card why the note was left out, so they can send the plain update or write
    their own in the thread. An empty note gets the plain update too.
    """
    conversation = await ctx.store.conversation(escalation.conversation_id)
    language = conversation.language if conversation.language not in (None, "unknown") else "en"
    name = conversation.customer_name.split()[0] if conversation.customer_name.strip() else ""
    country = (await ctx.store.customer_of_conversation(conversation.id)).country
    resolution, why_not = await note_for_shopper(ctx, note, language)
    if resolution:
        for_shopper, _ = ctx.notices.render(
            "resolved", language, {"shopper_name": name, "resolution": resolution}, country=country
        )
        for_staff, _ = ctx.notices.render(
            "resolved", ctx.staff_language, {"shopper_name": name, "resolution": note}
        )
    else:
        for_shopper, _ = ctx.notices.render(
            "resolved_plain", language, {"shopper_name": name}, country=country
        )
        for_staff, _ = ctx.notices.render(
            "resolved_plain", ctx.staff_language, {"shopper_name": name}
        )
    outbox_id = await ctx.store.enqueue(
        f"resolution:{escalation.id}",
        conversation.id,
        for_shopper,
        action.user_name,
        action.at,
        original_text=for_staff,
        hold=True,
    )
    if outbox_id is None or conversation.card is None:
        return
    if why_not is not None:
        await note_for_staff(
            ctx,
            conversation.id,
            conversation.card,
            f"The note from {escalation.department} could not be translated into "
            f"'{language}' ({why_not}), so it was left out of the update prepared for the "
            "shopper: it only says the problem is dealt with. Send it, or write your own "
            "in this thread.",
            key=f"resolution-note:{escalation.id}",
        )
    translated = for_shopper if language != ctx.staff_language else for_staff
    await ctx.workspace.post(
        Confirmation(outbox_id, for_staff, translated), thread=conversation.card
    )


async def _tell_inbox(
    ctx: Context, escalation: EscalationRecord, text: str, kind: NoteKind | None = None
) -> None:
    conversation = await ctx.store.conversation(escalation.conversation_id)
    if conversation.card is not None:
        await note_for_staff(ctx, escalation.conversation_id, conversation.card, text, kind)


async def _redraw(ctx: Context, escalation_id: int, status_line: str | None = None) -> None:
    escalation = await ctx.store.escalation(escalation_id)
    if escalation is None or escalation.card is None:
        return
    card = await escalation_card(ctx, escalation, Note(status_line) if status_line else None)
    await ctx.workspace.update(escalation.card, card)


async def escalation_card(
    ctx: Context, escalation: EscalationRecord, status_line: Note | None = None
) -> EscalationCard:
    record = await ctx.store.suggestion(escalation.suggestion_id)
    assert record is not None
    message = await ctx.store.inbound_message(record.message_id)
    conversation = await ctx.store.conversation(escalation.conversation_id)
    facts = escalation.facts
    labelled = (
        ("Order", facts.order_number),
        ("Product", facts.product),
        ("Carrier", facts.carrier),
        ("Tracking", facts.tracking_number),
        ("Country", facts.country),
    )
    return EscalationCard(
        escalation_id=escalation.id,
        department=escalation.department,
        intent=escalation.intent,
        customer_name=conversation.customer_name,
        channel=conversation.channel,
        language=record.suggestion.language,
        original_text=message.display_text(),
        translated_text=record.display.get("translation"),
        facts=tuple((label, value) for label, value in labelled if value),
        link=ctx.workspace.link_to(conversation.card) if conversation.card else None,
        opened_by=escalation.opened_by,
        status_line=status_line or _status(escalation),
        resolved=escalation.status == "resolved",
        shopper_reply=escalation_outcome(record),
    )


def escalation_outcome(record: SuggestionRecord) -> str | None:
    """What the shopper was told when the card was escalated, in a line for staff (see
    ``handlers.escalation_reply``); None when the card was not decided by escalating."""
    if record.status != "escalated":
        return None
    if not record.final_text:
        return "Shopper not answered: escalated without replying."
    if record.final_text == record.suggestion.reply:
        return "Shopper answered with the suggested reply."
    return "Shopper told the team has it (an acknowledgement in their language)."


def _status(escalation: EscalationRecord) -> Note | None:
    def at(moment: datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "?"

    if escalation.status == "resolved":
        cause = ROOT_CAUSES.get(escalation.root_cause or "", escalation.root_cause or "?")
        return Note(
            f"Resolved by {escalation.resolved_by} at "
            f"{at(escalation.resolved_at)} · root cause: {cause} · {escalation.resolution_note}",
            NoteKind.RESOLVED,
        )
    if escalation.status == "acknowledged":
        return Note(
            f"Acknowledged by {escalation.acknowledged_by} at {at(escalation.acknowledged_at)}"
        )
    return None


async def open_escalations_text(ctx: Context, text: str, now: datetime) -> str:
    """``/borderdesk open [department]``: open escalations with their age, oldest first."""
    words = text.split()
    if not words or words[0] != "open":
        return "Usage: /borderdesk open [department]"
    department = words[1].lower() if len(words) > 1 else None
    if department and department not in ctx.desk.departments:
        return f"Unknown department {department!r}; choose among {', '.join(ctx.desk.departments)}."
    rows = await ctx.store.open_escalations(department)
    if not rows:
        return f"No open escalations{f' for {department}' if department else ''}."
    lines = [f"Open escalations{f' for {department}' if department else ''}: {len(rows)}"]
    for row in rows:
        age = now - row.created_at
        hours = int(age.total_seconds() // 3600)
        when = (
            f"{hours // 24}d {hours % 24}h"
            if hours >= 24
            else f"{hours}h {age.seconds // 60 % 60}m"
        )
        order = f" · order {row.facts.order_number}" if row.facts.order_number else ""
        lines.append(
            f"• #{row.id} {row.department} · {row.intent.replace('_', ' ')} · {row.status} · "
            f"open {when}{order}"
        )
    return "\n".join(lines)
