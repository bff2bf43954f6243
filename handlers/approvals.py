"""The blocklist at the moment of answering: a flagged buyer's refund or return reply
needs a manager.

Staff flag abusive buyers (``/borderdesk block``); from then on a reply to their refund or
return request is sent only when a manager acts (who may approve is the staff policy's
answer, ``bot/staff.py``: ``BORDERDESK_MANAGERS``), and anyone else is told why in the
thread::

    approval, flagged = await reply_approval(ctx, conversation_id, intents, user_id)
    if approval is Approval.REFUSED:
        return
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from bot.context import Context
from bot.notes import NoteKind
from bot.staff import Deed
from bot.storage.customer_records import CustomerRecord
from handlers.notes import note_in_conversation

REASONS = ("extortion", "bad_faith_review", "fraud", "other")
APPROVAL_CATEGORIES = frozenset({"refund", "returns"})  # library categories needing a manager


class Approval(StrEnum):
    NOT_NEEDED = "not_needed"  # not a flagged buyer, or not a refund or return
    APPROVED = "approved"  # a manager acted
    REFUSED = "refused"  # a flagged buyer's refund or return, and not a manager


async def flagged_identity(ctx: Context, conversation_id: int) -> CustomerRecord | None:
    """The flagged identity of the shopper behind a conversation, if staff flagged them."""
    person = await ctx.store.person_of_conversation(conversation_id)
    return next((c for c in person if c.blocked_at), None)


def needs_manager(ctx: Context, intents: Sequence[str | None]) -> bool:
    """A refund or return (by the library's categories) is among these intents."""
    for intent in intents:
        if intent and intent in ctx.engine.library:
            if ctx.engine.intent_info(intent).category in APPROVAL_CATEGORIES:
                return True
    return False


async def reply_approval(
    ctx: Context, conversation_id: int, intents: Sequence[str | None], user_id: str
) -> tuple[Approval, CustomerRecord | None]:
    """May this staff member answer? A non-manager is told in the thread why not."""
    flagged = await flagged_identity(ctx, conversation_id)
    if flagged is None or not needs_manager(ctx, intents):
        return Approval.NOT_NEEDED, flagged
    if await ctx.staff.may(user_id, Deed.APPROVE):
        return Approval.APPROVED, flagged
    reason = (flagged.block_reason or "other").replace("_", " ")
    await note_in_conversation(
        ctx,
        conversation_id,
        f"Not sent: this buyer is flagged ({reason}), so a reply to a refund or "
        f"return request needs {ctx.staff.approver}. Ask a manager to send it.",
        NoteKind.NOT_ALLOWED,
    )
    return Approval.REFUSED, flagged
