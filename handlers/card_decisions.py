"""Recording a staff decision on a card and showing it: shared by the card buttons
(``handlers.staff``) and replies written in a card's thread (``handlers.thread_replies``).

    if await decide(ctx, action, record, "answered"):
        await redraw(ctx, record.id)
"""

from __future__ import annotations

from bot.context import Context
from bot.models import StaffAction
from bot.storage import SuggestionRecord
from bot.storage.decisions import AuditNote
from handlers.cards import card_for


def asked(record: SuggestionRecord) -> list[str]:
    """What the shopper asked: the suggested intent, and the best guess when unsure."""
    guess = [record.suggestion.top[0][0]] if record.suggestion.top else []
    return [record.suggestion.intent, *guess]


async def decide(ctx: Context, action: StaffAction, record: SuggestionRecord, status: str) -> bool:
    """Move a pending suggestion to ``status``; False when someone decided it first."""
    decided = await ctx.store.decide(
        record.id, status=status, user_id=action.user_id, user_name=action.user_name, at=action.at
    )
    if decided:
        ctx.metrics.decided(status)
    return decided


async def redraw(ctx: Context, suggestion_id: int, extra: str = "") -> None:
    """Show a card's decision (who did what and when) in place of its buttons."""
    record = await ctx.store.suggestion(suggestion_id)
    if record is None or record.card is None:
        return
    await ctx.workspace.update(record.card, await card_for(ctx, record, extra))


async def audit_approval(
    ctx: Context, action: StaffAction, customer_id: int, suggestion_id: int | None
) -> None:
    """A manager answered a flagged buyer's refund or return: that is their approval."""
    note = approval_note(action, customer_id, suggestion_id)
    await ctx.store.audit_customer(
        action.user_name, note.action, note.customer_id, dict(note.detail), action.at
    )


def approval_note(action: StaffAction, customer_id: int, suggestion_id: int | None) -> AuditNote:
    """The audit row of a manager's approval (``audit_approval``), for a decision to write
    with itself (``Store.decide_and_record``)."""
    detail = {"kind": action.kind.value, "manager": action.user_id}
    if suggestion_id is not None:
        detail["suggestion"] = str(suggestion_id)
    return AuditNote("approve_refund", customer_id, detail)
