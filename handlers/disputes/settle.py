"""Staff settle a dispute with one click: the settlement's reply goes to the shopper in
their language, and the decision and its cost are recorded together
(``Store.settle_dispute``), for the management digest's money line.

The settlements are worked out again at the click from what is stored now (the order, the
desk file), so what is recorded is what the card would show; a click on a settlement no
longer offered sends nothing and says why. A flagged buyer's settlement is a refund or a
return like any other: it needs a manager (``handlers.approvals``)::

    await settle(ctx, action, record)   # action.extra["option"] == "keep_refund"
"""

from __future__ import annotations

import logging

from bot.context import Context
from bot.models import StaffAction
from bot.notes import NoteKind
from bot.orders.matching import bare_number
from bot.storage import SuggestionRecord
from bot.storage.disputes import Settled
from handlers.approvals import Approval, reply_approval
from handlers.card_decisions import approval_note, redraw
from handlers.disputes.economics import KEEP, PARTIAL, RESHIP, Option, Settlements
from handlers.disputes.offer import settlements
from handlers.disputes.texts import settle_texts
from handlers.notes import note_in_conversation

logger = logging.getLogger(__name__)

# every settlement gives money back or takes an item back: a refund, by the library
REFUND_INTENTS = ("get_refund", "return_item")
_DONE = {
    KEEP: "refund without return",
    PARTIAL: "{percent}% refund, item kept",
    RESHIP: "replacement sent",
}


async def settle(ctx: Context, action: StaffAction, record: SuggestionRecord) -> bool:
    """Settle ``record``'s dispute as ``action.extra["option"]`` says; True when this click
    decided it."""
    key = action.extra.get("option", "")
    if record.status != "pending":
        await redraw(ctx, record.id)  # decided meanwhile: show it, nothing is sent twice
        return False
    facts = await ctx.store.card_facts(record.message_id, record.conversation_id, held=None)
    found = settlements(ctx.desk.disputes, record, facts)
    option = found[0].option(key) if found else None
    if found is None or option is None:
        logger.warning("settlement %r on suggestion %s is not offered; ignored", key, record.id)
        await note_in_conversation(
            ctx,
            record.conversation_id,
            f"Not sent: {key or 'that settlement'} is no longer offered on this card (its "
            "order or the desk file's disputes: changed). Choose again on the card.",
            NoteKind.NOT_ALLOWED,
        )
        await redraw(ctx, record.id)
        return False
    options, order = found
    approval, flagged = await reply_approval(
        ctx, record.conversation_id, REFUND_INTENTS, action.user_id
    )
    if approval is Approval.REFUSED:
        return False
    audit = None
    if approval is Approval.APPROVED and flagged is not None:
        audit = approval_note(action, flagged.id, record.id)
    case = options.case
    text, _ = settle_texts().render(
        option.kind,
        record.suggestion.language,
        shopper_name=facts.message.user_name.split()[0] if facts.message.user_name.strip() else "",
        order_number=bare_number(order.order_number),
        amount=option.refund,
        currency=case.currency,
        percent=option.percent,
        country=order.country,
    )
    outbox_id = await ctx.store.settle_dispute(
        record.id,
        user_id=action.user_id,
        user_name=action.user_name,
        at=action.at,
        final_text=text,
        final_intent=record.suggestion.intent,
        settled=_settled(option, options, order.id),
        audit=audit,
    )
    if outbox_id is None:
        logger.info("suggestion %s was already decided; settlement ignored", record.id)
        await redraw(ctx, record.id)
        return False
    ctx.metrics.decided("settled")
    ctx.wake_outbox()
    await redraw(ctx, record.id, extra=f" ({done(option.kind, option.percent)})")
    return True


def done(kind: str, percent: int | None = None) -> str:
    """What a settlement did, for the card's decision line ("Settled (… ) by lee …")."""
    return _DONE.get(kind, "normal return").format(percent=percent)


def _settled(option: Option, options: Settlements, order_id: int) -> Settled:
    """The row ``dispute_decisions`` keeps of ``option``."""
    cost = options.return_cost
    return Settled(
        option=option.kind,
        currency=options.case.currency,
        item_value=float(options.case.value),
        refund=float(option.refund),
        return_cost=None if cost is None else float(cost),
        return_currency=options.return_currency if cost is not None else None,
        return_avoided=float(option.avoided),
        percent=option.percent,
        order_id=order_id,
    )
