"""Staff acted on a card: send, edit, choose another answer, escalate, ignore, or
settle a dispute (``handlers.disputes``).

What staff write in a card's thread is ``handlers.thread_replies``, their choice on a held
reply's confirmation ``handlers.held_replies``, and escalating (which answers the shopper
too, unless they choose "Escalate without replying") ``handlers.escalation_reply``; this
module hands those on. An edit typed in the staff language to a shopper of another
language is held for its translation to be confirmed, like a thread reply.

Every decision goes through ``Store.decide``, which only moves a pending suggestion:
a second click, or two staff members at once, finds it decided and nothing is sent twice.
A click on a card of an earlier database is refused (``handlers.card_refs``).
"""

from __future__ import annotations

import logging

from bot.context import Context
from bot.forms import EditReply, PickAnswer
from bot.ids import positive_id
from bot.models import ActionKind, StaffAction
from bot.storage import SuggestionRecord
from bot.storage.decisions import AuditNote
from handlers.approvals import Approval, reply_approval
from handlers.assignment.clicks import ASSIGNMENT_ACTIONS, handle_assignment
from handlers.card_decisions import approval_note, asked, decide, redraw
from handlers.card_refs import same_card, with_card
from handlers.cards import waiting_line
from handlers.disputes.settle import settle
from handlers.escalation import handle_escalation_action, record_problem
from handlers.escalation_reply import escalate_card
from handlers.held_replies import CONFIRMATIONS, ask_choice, handle_confirmation
from handlers.notes import note_for_staff
from handlers.replying import answer_in, staff_text_for_shopper, template_variables
from handlers.thread_replies import THREAD_ACTIONS, handle_thread_action
from replies.salaam import returned_salaam

logger = logging.getLogger(__name__)

_REPLIES = {
    ActionKind.SEND,
    ActionKind.EDIT,
    ActionKind.EDIT_SUBMIT,
    ActionKind.OTHER,
    ActionKind.OTHER_SUBMIT,
}


async def handle_action(ctx: Context, action: StaffAction) -> None:
    """Dispatch one staff action; unknown or stale actions are logged and ignored."""
    if action.kind in THREAD_ACTIONS:
        await handle_thread_action(ctx, action)
        return
    if action.kind in CONFIRMATIONS:
        await handle_confirmation(ctx, action)
        return
    if "escalation" in action.extra:
        if await _on_its_escalation(ctx, action):
            await handle_escalation_action(ctx, action)
        return
    number = action.suggestion_id
    if number is None:
        record = None
    elif action.card is None:
        record = await ctx.store.suggestion(number)
    else:  # its card may be a moment from being recorded
        record = await with_card(lambda: ctx.store.suggestion(number), lambda r: r.card)
    if not await same_card(ctx, action, record.card if record else None, f"suggestion {number}"):
        return
    if record is None:
        logger.warning(
            "staff action %s for unknown suggestion %s ignored", action.kind, action.suggestion_id
        )
        return
    if action.kind in ASSIGNMENT_ACTIONS:  # who owns it, whatever its reply waits for
        await handle_assignment(ctx, action, record)
        return
    if record.status == "pending" and await waiting_line(ctx, record):
        # a reply in the thread waits for a translation choice: choose there first
        logger.info("%s on suggestion %s ignored: a reply is held", action.kind, record.id)
        await redraw(ctx, record.id)
        return
    approval, flagged, approved = Approval.NOT_NEEDED, None, None
    if action.kind in _REPLIES and record.status == "pending":
        chosen = action.intent if action.kind is ActionKind.OTHER_SUBMIT else None
        approval, flagged = await reply_approval(
            ctx, record.conversation_id, [*asked(record), chosen], action.user_id
        )
        if approval is Approval.REFUSED:
            return
    if approval is Approval.APPROVED and flagged is not None:  # recorded with the decision
        approved = approval_note(action, flagged.id, record.id)
    match action.kind:
        case ActionKind.SEND:
            await _send(ctx, action, record, approved)
        case ActionKind.EDIT:
            if record.status == "pending" and action.handle:
                draft = EditReply(record.id, record.suggestion.reply or "")
                await ctx.workspace.open_form(action.handle, draft)
        case ActionKind.EDIT_SUBMIT:
            await _decide_and_send(
                ctx,
                action,
                record,
                "edited",
                (action.text or "").strip(),
                record.suggestion.intent,
                staff_wrote=True,  # typed in the staff language, it is confirmed first
                approved=approved,
            )
        case ActionKind.OTHER:
            if record.status == "pending" and action.handle:
                choices = PickAnswer(record.id, tuple(ctx.engine.choices()))
                await ctx.workspace.open_form(action.handle, choices)
        case ActionKind.OTHER_SUBMIT:
            await _other_answer(ctx, action, record, approved)
        case ActionKind.ESCALATE | ActionKind.ESCALATE_QUIETLY:
            await _escalate(ctx, action, record, reply=action.kind is ActionKind.ESCALATE)
        case ActionKind.IGNORE:
            if await decide(ctx, action, record, "ignored"):
                await redraw(ctx, record.id)
        case ActionKind.SETTLE:  # its reply needs a manager for a flagged buyer too
            await settle(ctx, action, record)


async def _on_its_escalation(ctx: Context, action: StaffAction) -> bool:
    """Whether an escalation button or dialog came from that escalation's own card."""
    if action.card is None:
        return True
    written = action.extra["escalation"]
    stored = None
    if (number := positive_id(written)) is not None:
        escalation = await with_card(lambda: ctx.store.escalation(number), lambda e: e.card)
        stored = escalation.card if escalation else None
    return await same_card(ctx, action, stored, f"escalation {written}")


async def _send(
    ctx: Context, action: StaffAction, record: SuggestionRecord, approved: AuditNote | None
) -> bool:
    reply = record.suggestion.reply
    if not reply:
        conversation = await ctx.store.conversation(record.conversation_id)
        if conversation.card is not None and record.status == "pending":
            await note_for_staff(
                ctx,
                record.conversation_id,
                conversation.card,
                "There is no suggested answer to send: use Edit or Other answer.",
            )
        return False
    return await _decide_and_send(
        ctx, action, record, "sent", reply, record.suggestion.intent, approved=approved
    )


async def _other_answer(
    ctx: Context, action: StaffAction, record: SuggestionRecord, approved: AuditNote | None
) -> bool:
    intent = action.intent or ""
    if intent not in {choice.intent for choice in ctx.engine.choices()}:
        logger.warning("other answer with unknown intent %r ignored", intent)
        return False
    message = await ctx.store.inbound_message(record.message_id)
    language = record.suggestion.language
    variables = await template_variables(ctx, message, language)
    text, used, _ = await answer_in(ctx, intent, language, variables)
    # "السلام عليكم" is answered "وعليكم السلام" in the chosen answer too (``replies.salaam``)
    text = returned_salaam(text, used, message.text or "")
    info = ctx.engine.intent_info(intent)
    if info.problem:  # staff corrected the classification: count the right problem
        await record_problem(ctx, record, intent, info.department)
    else:
        await ctx.store.forget_problem(record.id)
    return await _decide_and_send(ctx, action, record, "replaced", text, intent, approved=approved)


async def _decide_and_send(
    ctx: Context,
    action: StaffAction,
    record: SuggestionRecord,
    status: str,
    text: str,
    intent: str,
    *,
    staff_wrote: bool = False,
    approved: AuditNote | None = None,
) -> bool:
    """Decide and queue the reply (True when this action decided it); text staff wrote in
    their own language waits for them to confirm its translation.

    The decision, its reply, the example it teaches and a manager's ``approved`` audit row
    are one transaction (``Store.decide_and_record``); the engine learns the example after
    the card is redrawn, as that takes a moment."""
    if not text:
        logger.warning("empty reply for suggestion %s not sent", record.id)
        return False
    conversation = await ctx.store.conversation(record.conversation_id)
    hold, translated = False, None
    if staff_wrote:
        hold, translated = await staff_text_for_shopper(ctx, text, conversation.language)
    decided = await ctx.store.decide_and_record(
        record.id,
        status=status,
        user_id=action.user_id,
        user_name=action.user_name,
        at=action.at,
        final_text=translated or text,
        final_intent=intent,
        original_text=text if hold else None,
        hold=hold,
        learn_as=None if intent == "unknown" else "staff",  # a staff decision is an example
        audit=approved,
    )
    if decided is None:
        logger.info(
            "suggestion %s was already decided; %s by %s ignored",
            record.id,
            status,
            action.user_name,
        )
        # the card may still show buttons (a crash or an outage between the decision and
        # its redraw): show the decision now, so nobody keeps clicking
        await redraw(ctx, record.id)
        return False
    ctx.metrics.decided(status)
    if hold:
        await ask_choice(ctx, conversation.card, decided.outbox_id, text, translated)
    else:
        ctx.wake_outbox()
    await redraw(ctx, record.id)  # before learning, which takes a moment
    if decided.learned is not None:  # remember it and use it from now on
        ctx.engine.learn(decided.learned, intent)
    return True


async def _escalate(
    ctx: Context, action: StaffAction, record: SuggestionRecord, *, reply: bool
) -> None:
    suggestion = record.suggestion
    intent = suggestion.intent
    if intent == "unknown" and suggestion.top:
        intent = suggestion.top[0][0]  # no confident suggestion: the best guess decides the owner
    by = (action.user_id, action.user_name)
    department = await escalate_card(ctx, record, intent, by=by, at=action.at, reply=reply)
    await redraw(ctx, record.id, extra=f" to {department}" if department else "")
