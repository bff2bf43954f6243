"""Escalating a card answers the shopper too, unless staff choose not to.

A shopper whose problem went to a department used to hear nothing until it was resolved,
often days later, although their card's suggested answer said exactly what they should
hear ("our warehouse team will check..."). Now the Escalate button (and a department's
automatic escalation) decides the card and queues, in the same transaction, either:

- the card's suggested reply, when it answers the escalated problem; or
- the ``escalated`` notice in the shopper's language: "we have passed this to our
  <department> team; we will get back to you" (``replies/notices/escalated.yaml``).

"Escalate without replying" decides the card with no reply. The reply is keyed by the card
in the outbox (``reply_key``), so a second click or a redelivery never sends it twice.
A flagged buyer's refund or return answer needs a manager (``reply_approval``); escalating
does not go round that: such a buyer gets the acknowledgement, which promises nothing.

    if await escalate_card(ctx, record, intent, by=("U123", "lee"), at=now, reply=True):
        ...  # decided here; the department's card is posted
"""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.staff import Deed
from bot.storage import SuggestionRecord
from handlers.approvals import flagged_identity, needs_manager
from handlers.escalation import escalate, record_problem

AUTOMATIC = ("borderdesk", "BorderDesk (automatic)")


async def escalate_card(
    ctx: Context,
    record: SuggestionRecord,
    intent: str,
    *,
    by: tuple[str, str],
    at: datetime,
    reply: bool,
) -> str | None:
    """Decide the card "escalated" (answering the shopper when ``reply``), count the
    problem and post it to its department; the department, or None when the card was
    decided already (by someone else, or by an earlier click)."""
    user_id, user_name = by
    library_department = ctx.engine.intent_info(intent).department if intent != "unknown" else None
    department = ctx.desk.department_for(intent, library_department)
    text = await answer_for_escalation(ctx, record, intent, department, user_id) if reply else None
    decided = await ctx.store.decide(
        record.id,
        status="escalated",
        user_id=user_id,
        user_name=user_name,
        at=at,
        final_text=text,
        final_intent=intent if text else None,
    )
    if not decided:
        return None
    ctx.metrics.decided("escalated")
    if text:
        ctx.wake_outbox()
    department = await record_problem(ctx, record, intent, library_department)
    await escalate(ctx, record, intent, department, user_name, at)
    return department


async def answer_for_escalation(
    ctx: Context, record: SuggestionRecord, intent: str, department: str, user_id: str
) -> str:
    """The card's suggested reply when it answers ``intent`` (and may be sent by this
    person), else the acknowledgement naming ``department`` in the shopper's language."""
    suggestion = record.suggestion
    if suggestion.reply and suggestion.intent == intent:
        flagged = await flagged_identity(ctx, record.conversation_id)
        if (
            flagged is None
            or not needs_manager(ctx, [intent])
            or await ctx.staff.may(user_id, Deed.APPROVE)
        ):
            return suggestion.reply
    conversation = await ctx.store.conversation(record.conversation_id)
    language = conversation.language or suggestion.language
    language = "en" if language in (None, "unknown") else language
    name = conversation.customer_name.split()[0] if conversation.customer_name.strip() else ""
    country = (await ctx.store.customer_of_conversation(record.conversation_id)).country
    team = ctx.notices.team(department, language, country=country)
    values = {"shopper_name": name, "team": team}
    text, _ = ctx.notices.render("escalated", language, values, country=country)
    return text
