"""A shopper edited a message: show the correction to staff, and re-suggest if it matters.

"Sorry, order 10398 not 10389" typed as an edit must not be lost: staff answering the
first version would send the wrong tracking number. The edit was stored first as a message
of its own (``edit_of`` names the original), so nothing the shopper wrote is overwritten.
Here it is shown in the card's thread as before / now. When it changes the question (another
intent, or another order number) it gets a card of its own in the thread, and a suggestion
of an earlier version still waiting for staff is closed as superseded and redrawn saying
so, so nobody sends the stale answer.

    outcome = await show_correction(ctx, message_id, message, conversation, language)
    if outcome is Correction.RESUGGEST: ...  # the caller makes the new card
"""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.context import Context
from bot.models import InboundMessage, MessageKind
from bot.notes import NoteKind
from bot.storage import ConversationInfo
from bot.storage.edits import MessageVersion
from handlers.cards import card_for
from handlers.facts import order_number
from handlers.notes import note_for_staff

logger = logging.getLogger(__name__)

SHOWN_CHARS = 1200  # each version in the note; the full text stays stored
SUPERSEDED_BY = "the shopper's correction"  # "Superseded by the shopper's correction at …"
SUPERSEDED_NOTE = "The shopper edited this message; the card for the corrected text follows."


class Correction(StrEnum):
    SHOWN = "shown"  # shown in the thread (or nothing to show): no card
    RESUGGEST = "resuggest"  # it asks something else now: the caller makes a new card
    NEW = "new"  # nothing of ours to correct: handle it as a new message
    WAIT = "wait"  # the version before it is not handled yet: try again later


async def show_correction(
    ctx: Context,
    message_id: int,
    message: InboundMessage,
    conversation: ConversationInfo,
    language: str,
) -> Correction:
    """Show the edit ``message_id`` against the version before it; what is left to do."""
    versions = await ctx.store.versions_before(message_id)
    if not versions or conversation.card is None:
        return Correction.NEW  # edited before we stored it, or no card to write under
    if any(not v.processed for v in versions):
        logger.info("edit %s waits for the message it corrects to be handled", message_id)
        return Correction.WAIT
    before = versions[-1]
    if message.kind is MessageKind.LOCATION and before.kind == MessageKind.LOCATION.value:
        # a live location moves by editing its message, every few seconds: not a correction
        logger.info("edit %s is a live location update; stored, not shown", message_id)
        return Correction.SHOWN
    if (before.kind, before.text, before.attachment) == (
        message.kind.value,
        message.text,
        message.attachment,
    ):
        logger.info("edit %s changes nothing staff can see; stored, not shown", message_id)
        return Correction.SHOWN
    changed = _changed_question(ctx, versions, message, language)
    who = conversation.customer_name or "The shopper"
    lines = [
        f"{who} edited their message.",
        "Before:",
        _quoted(_shown(before.kind, before.text, before.attachment)),
        "Now:",
        _quoted(message.display_text()),
        "It asks something else now: a new suggestion follows in this thread."
        if changed
        else "Same question: the suggestion already made still applies.",
    ]
    await note_for_staff(
        ctx,
        conversation.id,
        conversation.card,
        "\n".join(lines),
        NoteKind.EDITED,
        key=f"edit:{message_id}",
    )
    if not changed:
        return Correction.SHOWN
    await _supersede(ctx, versions)
    return Correction.RESUGGEST


def _changed_question(
    ctx: Context, versions: list[MessageVersion], message: InboundMessage, language: str
) -> bool:
    """Another intent, or another order number, than the version staff were shown a
    suggestion for (the latest with one; else the one just before)."""
    suggested = [v for v in versions if v.suggestion_id is not None]
    compared = suggested[-1] if suggested else versions[-1]
    if order_number(compared.text) != order_number(message.text):
        return True
    earlier = compared.intent or ctx.engine.suggest(compared.text, language=language).intent
    return ctx.engine.suggest(message.text, language=language).intent != earlier


async def _supersede(ctx: Context, versions: list[MessageVersion]) -> None:
    """Close the suggestions still pending for earlier versions and redraw their cards.

    Every superseded card of this message is redrawn, not only the ones closed now: if a
    redraw failed before (Slack down), the retry of this edit puts it right.
    """
    now = ctx.clock()
    for version in versions:
        if version.suggestion_id is None:
            continue
        if version.suggestion_status == "pending" and await ctx.store.decide(
            version.suggestion_id,
            status="superseded",
            user_id="borderdesk",
            user_name=SUPERSEDED_BY,
            at=now,
        ):
            record = await ctx.store.suggestion(version.suggestion_id)
            assert record is not None
            notes = [*(record.display.get("notes") or []), SUPERSEDED_NOTE]
            await ctx.store.set_display(record.id, {**record.display, "notes": notes})
        record = await ctx.store.suggestion(version.suggestion_id)
        if record is not None and record.status == "superseded" and record.card is not None:
            await ctx.workspace.update(record.card, await card_for(ctx, record))


def _shown(kind: str, text: str, attachment: str | None) -> str:
    if kind in (MessageKind.TEXT.value, MessageKind.COMMAND.value):
        return text
    return f"[{kind}{': ' + attachment if attachment else ''}] {text}".strip()


def _quoted(text: str) -> str:
    text = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return "\n".join(f"> {line}" for line in (text or " ").splitlines())
