"""A reply waiting for staff to choose how it goes out: nothing shown as sent is unsent.

Staff who write in their own language to a shopper of another (in a card's thread, or in
the Edit dialog) see the translation first. The reply is held in the outbox
(``Store.enqueue(..., hold=True)``) and a confirmation is posted in the card's thread:

- translated: Send translation / Send untranslated / Cancel;
- the translator could not be reached: Send untranslated / Retry translation / Cancel.
  Nothing goes out by itself; Retry asks the translator again and, when it answers,
  offers the usual three choices in a new confirmation.

Meanwhile the cards the reply answers say "waiting for a translation choice" (who wrote
it, when) and show no buttons, never "answered" (``handlers.cards``). A thread reply
leaves its cards pending with a ``held_reply`` mark, so a Cancel simply gives them their
buttons back; a card decision (Send, Edit, Other answer) is decided at once, and a Cancel
reopens it. Each click is answered on the confirmation itself, and a second click finds
nothing held and does nothing.

    await ask_choice(ctx, conversation.card, outbox_id, text, translated)
    await handle_confirmation(ctx, action)   # CONFIRM_TRANSLATED, _ORIGINAL, _CANCEL, _RETRY
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.context import Context
from bot.models import ActionKind, CardRef, StaffAction
from bot.notes import Note
from bot.staff_items import Confirmation
from bot.storage import SuggestionRecord
from bot.storage.records import HeldReply
from handlers.card_decisions import redraw
from handlers.card_refs import same_card
from handlers.cards import HELD_MARK

logger = logging.getLogger(__name__)

CONFIRMATIONS = frozenset(
    {
        ActionKind.CONFIRM_TRANSLATED,
        ActionKind.CONFIRM_ORIGINAL,
        ActionKind.CONFIRM_CANCEL,
        ActionKind.CONFIRM_RETRY,
    }
)
SUGGESTION_PREFIX = "suggestion:"  # outbox keys of replies decided on a card (``reply_key``)


async def ask_choice(
    ctx: Context, root: CardRef | None, outbox_id: int | None, original: str, translated: str | None
) -> None:
    """Post the confirmation of a held reply in the card's thread (``root``)."""
    if root is not None and outbox_id is not None:
        await ctx.workspace.post(Confirmation(outbox_id, original, translated), thread=root)


async def wait_on(
    ctx: Context, records: list[SuggestionRecord], outbox_id: int, action: StaffAction
) -> None:
    """Pending cards a held thread reply answers: mark and redraw them as waiting."""
    mark = {
        "outbox": outbox_id,
        "by": action.user_name,
        "user_id": action.user_id,
        "at": action.at.isoformat(),
    }
    for record in records:
        await ctx.store.set_display(record.id, {**record.display, HELD_MARK: mark})
        await redraw(ctx, record.id)


async def settle(
    ctx: Context, conversation_id: int, outbox_id: int, at: datetime, *, sent: bool
) -> None:
    """The held thread reply ``outbox_id`` went out (``sent``: its cards are answered, by
    whoever wrote it) or was cancelled (its cards get their buttons back)."""
    for record in await ctx.store.pending_suggestions(conversation_id):
        mark = record.display.get(HELD_MARK)
        if not isinstance(mark, dict) or mark.get("outbox") != outbox_id:
            continue
        display = {k: v for k, v in record.display.items() if k != HELD_MARK}
        await ctx.store.set_display(record.id, display)
        if sent:
            await ctx.store.decide(
                record.id,
                status="answered",
                user_id=str(mark.get("user_id") or ""),
                user_name=str(mark.get("by") or "staff"),
                at=at,
            )
        await redraw(ctx, record.id)


async def handle_confirmation(ctx: Context, action: StaffAction) -> None:
    """Staff chose on a confirmation: send the translation, send what they wrote, ask the
    translator again, or cancel."""
    held = await ctx.store.held(int(action.extra.get("outbox", "0") or 0))
    if held is None:
        return  # already answered (a second click)
    if action.card is not None and "thread" in action.extra:
        # a confirmation lives in its conversation card's thread: an old one names another
        conversation = await ctx.store.conversation(held.conversation_id)
        root = CardRef(action.card.channel, action.extra["thread"])
        if not await same_card(
            ctx, action, conversation.card, f"held reply {held.id}", clicked=root
        ):
            return
    when = action.at.strftime("%H:%M UTC")
    if action.kind is ActionKind.CONFIRM_RETRY:
        notice = await _retry(ctx, held, action)
    elif action.kind is ActionKind.CONFIRM_CANCEL:
        if not await ctx.store.cancel_held(held.id):
            return
        await _after(ctx, held, action.at, sent=False)
        notice = f"Cancelled by {action.user_name} at {when}: nothing was sent."
    else:
        original = action.kind is ActionKind.CONFIRM_ORIGINAL
        if not await ctx.store.release_held(held.id, action.at, use_original=original):
            return
        ctx.wake_outbox()
        await _after(ctx, held, action.at, sent=True)
        sent = held.original_text if original else held.text
        how = "untranslated" if original or held.text == held.original_text else "translated"
        notice = f"Sent {how} by {action.user_name} at {when}:\n> {sent}"
    if action.card is not None:
        await ctx.workspace.update(action.card, Note(notice))


async def _after(ctx: Context, held: HeldReply, at: datetime, *, sent: bool) -> None:
    """Redraw the cards the reply answers: sent (decided) or cancelled (open again)."""
    if held.key.startswith(SUGGESTION_PREFIX):
        suggestion_id = int(held.key.split(":")[1])
        if not sent:
            await ctx.store.reopen(suggestion_id)
        await redraw(ctx, suggestion_id)
    else:
        await settle(ctx, held.conversation_id, held.id, at, sent=sent)


async def _retry(ctx: Context, held: HeldReply, action: StaffAction) -> str:
    """Ask the translator again; a new confirmation carries the choices either way."""
    when = action.at.strftime("%H:%M UTC")
    conversation = await ctx.store.conversation(held.conversation_id)
    original = held.original_text or held.text
    language = conversation.language or "unknown"
    result = await ctx.translator.translate(original, source=ctx.staff_language, target=language)
    translated = result.text if result.ok and result.text != original else None
    if translated is not None:
        changed = await ctx.store.edit_unsent(
            held.key, translated, original_text=original, hold=True
        )
        if changed is None or changed[1] != "held":
            return f"Retried by {action.user_name} at {when}, but the reply was no longer held."
    await ask_choice(ctx, conversation.card, held.id, original, translated)
    if translated is None:
        logger.info("translation retry for held reply %s failed: %s", held.id, result.error)
        return (
            f"Retried by {action.user_name} at {when}: translation still unavailable "
            f"({result.error}). Choose again below."
        )
    return f"Translated on retry by {action.user_name} at {when}: choose below."
