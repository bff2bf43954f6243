"""A shopper wrote: store it, understand it, and put a card in front of staff.

The message is stored before anything else (``handlers.intake``); if any later step fails
(Slack down, a crash), the message stays unprocessed and ``resume_unprocessed`` finishes
it later. One process at a time handles a conversation's messages, in the order they
came, whichever process stored them (``handlers.claims``). A group's replies never carry
order data. An edit is shown as a correction (``corrections``), a blocked or unblocked
bot marks the shopper (``chat_members``).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.calendar.countries import format_local_named
from bot.context import Context
from bot.errors import ChannelError
from bot.models import CardRef, ChatType, InboundMessage, MessageKind, Suggestion
from bot.repeated_failures import RepeatedFailures
from bot.storage.oversized import cut_note
from bot.storage.records import HeldText
from handlers.approvals import flagged_identity
from handlers.assignment.coverage import closed_for
from handlers.assignment.owners import assign_card
from handlers.cards import card_for
from handlers.chat_members import CHAT_MEMBER_KINDS, chat_member_changed
from handlers.claims import handle_conversation
from handlers.corrections import Correction, show_correction
from handlers.customer_joins import ProofMessage, handle_join_code
from handlers.escalation import record_problem
from handlers.escalation_reply import AUTOMATIC, escalate_card
from handlers.intake import accept_inbound
from handlers.notes import note_for_staff
from handlers.opt_out import handle_opt_word
from handlers.order_links import link_by_vouched_phone, link_from_message, vouched_phone
from handlers.ratings import take_rating_answer
from handlers.replying import (
    answer_for_staff,
    answer_in,
    in_staff_language,
    template_variables,
)
from handlers.understanding import earlier_turn, english_view, reading_notes
from replies.facts.fill import where_is_shopper
from replies.store import hours_zone

logger = logging.getLogger(__name__)

SAVE_RETRY_SECONDS = 1.0
FLOOD_QUOTED_WHOLE = 20  # held messages quoted in full; more are summarised
FLOOD_ENDS = 3  # first and last messages quoted in a summary
# Like the logger it writes to, one per process: failures are counted across messages.
_HANDLING_FAILURES = RepeatedFailures(logger, "handling stored messages")
CORRECTED_NOTE = "The shopper edited their message to this; the earlier card is superseded."


async def handle_inbound(ctx: Context, message: InboundMessage) -> None:
    """Persist first, then act (``accept_inbound`` then ``process_message``)."""
    stored = await accept_inbound(ctx, message)
    if stored is not None:
        await process_message(ctx, *stored)


async def release_floods(ctx: Context) -> int:
    """Show staff, in one thread post per conversation, the messages held during a flood
    once the shopper has paused for the flood window; returns how many were released.

    A short flood is quoted whole; a long one (a shopper pasting 10,000 messages) as a
    summary: how many of each kind, the first and the last few, and the command that
    lists them all (``/borderdesk held ID``), never hundreds of posts."""
    quiet_since = ctx.clock() - timedelta(seconds=ctx.flood_limit.seconds)
    released = 0
    for conversation_id, held in (await ctx.store.quiet_floods(quiet_since)).items():
        conversation = await ctx.store.conversation(conversation_id)
        if conversation.card is None:
            continue  # its first card is not posted yet; the resume loop sees to that
        key = f"flood-held:{held[0].id}"
        text = flood_summary(conversation_id, held)
        await note_for_staff(ctx, conversation_id, conversation.card, text, key=key)
        await ctx.store.release_flood_held([h.id for h in held], ctx.clock())
        released += len(held)
    return released


def flood_summary(conversation_id: int, held: list[HeldText]) -> str:
    """The staff post for messages held in a flood (see ``release_floods``)."""
    lines = [f"{len(held)} more message(s) sent in quick succession, shown together:"]
    if len(held) <= FLOOD_QUOTED_WHOLE:
        return "\n".join(lines + [f"> {held_line(h)}" for h in held])
    kinds = Counter(h.kind for h in held)
    made_of = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
    lines = [
        f"{len(held)} more messages sent in quick succession ({made_of}); the first and "
        f"last {FLOOD_ENDS} are shown, /borderdesk held {conversation_id} lists them all:",
        *(f"> {held_line(h)}" for h in held[:FLOOD_ENDS]),
        f"> … {len(held) - 2 * FLOOD_ENDS} more …",
        *(f"> {held_line(h)}" for h in held[-FLOOD_ENDS:]),
    ]
    return "\n".join(lines)


def held_line(held: HeldText) -> str:
    """One held message on one line, at most 300 characters, its kind shown if not text."""
    text = " ".join(held.text.split())
    text = text if len(text) <= 300 else text[:299] + "…"
    if held.kind in (MessageKind.TEXT.value, MessageKind.COMMAND.value):
        return text
    attachment = f": {held.attachment}" if held.attachment else ""
    return f"[{held.kind}{attachment}] {text}".strip()


async def resume_unprocessed(ctx: Context) -> int:
    """Finish messages stored but not handled (after a crash, a platform outage, or a
    process that died holding their conversation), conversation by conversation, in the
    order their first waiting message came; returns how many were handled here. A
    conversation another process is handling is its to finish (``handlers.claims``)."""
    done = 0
    waiting = dict.fromkeys(c for _, c in await ctx.store.unprocessed_inbound())
    for conversation_id in waiting:
        handle = functools.partial(_handle_one, ctx, conversation_id)
        done += len(await handle_conversation(ctx, conversation_id, handle))
    return done


async def process_message(ctx: Context, message_id: int, conversation_id: int) -> bool:
    """Handle a message just stored: with its conversation's other waiting messages, in
    the order they came, under the conversation's claim (``handlers.claims``); True when
    this call handled it. False also when a process (this one or another) is handling
    the conversation already: that one takes this message too."""
    handle = functools.partial(_handle_one, ctx, conversation_id)
    done = await handle_conversation(ctx, conversation_id, handle, announced={message_id})
    return message_id in done


async def _handle_one(ctx: Context, conversation_id: int, message_id: int) -> bool:
    """Suggest an answer and post (or re-post) its card; True when the message is done.
    Whatever fails leaves it stored and unprocessed, for the resume job."""
    try:
        done = await _process(ctx, message_id, conversation_id)
    except ChannelError as exc:
        logger.warning("message %s kept for a retry: %s", message_id, exc)
        return False
    except Exception as exc:
        # a bug or a full disk must not take the process down; the message stays stored
        # and unprocessed, and the same failure again and again is one line a minute
        _HANDLING_FAILURES.failed(exc, f"message {message_id}, kept for a retry")
        return False
    else:
        if done and _HANDLING_FAILURES.succeeded():
            await _space_returned(ctx)
    return done


async def _process(ctx: Context, message_id: int, conversation_id: int) -> bool:
    """Handle one stored message; False when it must wait (an edit of one not handled yet)."""
    message = await ctx.store.inbound_message(message_id)
    conversation = await ctx.store.conversation(conversation_id)
    now = ctx.clock()
    if message.kind in CHAT_MEMBER_KINDS:
        await chat_member_changed(ctx, message, message_id, conversation_id)
        await ctx.store.mark_processed(message_id, now, None)
        return True
    language = ctx.engine.detect_language(
        message.text, hint=message.language_hint, history_language=conversation.language
    )
    if language != "unknown" and language != conversation.language:
        await ctx.store.set_conversation_language(conversation_id, language)
    corrected = False
    if message.edit_of is not None:
        outcome = await show_correction(ctx, message_id, message, conversation, language)
        if outcome is Correction.WAIT:
            return False
        if outcome is Correction.SHOWN:
            await ctx.store.mark_processed(message_id, now, language)
            return True
        corrected = outcome is Correction.RESUGGEST

    if await handle_opt_word(ctx, message, conversation_id, message_id, language):
        await ctx.store.mark_processed(message_id, now, language)  # "stop": no card needed
        return True
    if await handle_join_code(ctx, message, conversation_id, message_id, language):
        await ctx.store.mark_processed(message_id, now, language)  # a join code: no card
        return True
    rated = await take_rating_answer(ctx, message, conversation_id, message_id)
    if rated is not None and not rated.follow_up:
        await ctx.store.mark_processed(message_id, now, language)  # a rating: no card
        return True
    words = message.text.split()
    if message.kind is MessageKind.COMMAND and words and words[0].lower().startswith("/start"):
        await _greet(ctx, message, conversation_id, language, message_id)
        await ctx.store.mark_processed(message_id, now, language)
        return True

    customer = await ctx.store.customer_of_conversation(conversation_id)
    first_notes = [CORRECTED_NOTE] if corrected else []
    first_notes += [rated.note] if rated is not None else []  # a low rating to follow up
    first_notes += [cut] if (cut := cut_note(message.text)) else []
    if message.chat_type is ChatType.PRIVATE:  # a group's message links no order
        where = ProofMessage(conversation_id, message_id, language)
        # a number the platform verified (WhatsApp) proves the orders placed with it
        if vouched := vouched_phone(ctx, customer):
            first_notes += await link_by_vouched_phone(ctx, customer, vouched)
        link_note = await link_from_message(ctx, customer, message.text, where, vouched=vouched)
        first_notes += [link_note] if link_note else []
    variables = await template_variables(ctx, message, language)
    english = await english_view(ctx, message.text, language)
    earlier = await earlier_turn(ctx, conversation_id, message_id, now)
    with ctx.metrics.classifying():
        suggestion = ctx.engine.suggest(
            message.text,
            lang_hint=message.language_hint,
            history_language=conversation.language,
            variables=variables,
            language=language,
            english=english,
            earlier=earlier,
        )
    suggestion, display = await _localize(ctx, message, suggestion, language, variables)
    display["notes"] = [*display["notes"], *reading_notes(ctx, suggestion)]
    if first_notes:
        display["notes"] = [*first_notes, *display["notes"]]
    flagged = await flagged_identity(ctx, conversation_id)
    if flagged is not None and suggestion.auto_send:
        display["notes"] = [*display["notes"], "Not sent automatically: the buyer is flagged."]
    await _acknowledge_out_of_hours(ctx, message, conversation_id, language, variables, now)
    suggestion_id = await ctx.store.add_suggestion(
        message_id, conversation_id, suggestion, now, display
    )
    await assign_card(ctx, conversation_id, suggestion_id, language, now)  # with agents only
    if suggestion.auto_send and suggestion.reply and flagged is None:
        await ctx.store.decide(
            suggestion_id,
            status="auto_sent",
            user_id="borderdesk",
            user_name="BorderDesk",
            at=now,
            final_text=suggestion.reply,
            final_intent=suggestion.intent,
        )
        ctx.metrics.decided("auto_sent")
        ctx.wake_outbox()
    record = await ctx.store.suggestion(suggestion_id)
    assert record is not None
    if suggestion.is_problem and suggestion.intent != "unknown" and record.card is None:
        department = await record_problem(ctx, record, suggestion.intent, suggestion.department)
        if ctx.desk.departments[department].auto_escalate and await escalate_card(
            ctx, record, suggestion.intent, by=AUTOMATIC, at=now, reply=True
        ):  # the shopper is answered as by the Escalate button
            display["notes"] = [*display["notes"], f"Escalated automatically to {department}."]
            await ctx.store.set_display(suggestion_id, display)
            record = await ctx.store.suggestion(suggestion_id)
            assert record is not None
    if record.card is None:
        card = await card_for(ctx, record)
        conversation = await ctx.store.conversation(conversation_id)
        first = conversation.card is None
        # the conversation's first card starts its thread in the inbox; later ones go in it
        ref = await ctx.workspace.post(card, thread=conversation.card)
        ctx.metrics.card_posted()
        done = (now, language)  # the card is the message's last step: one commit for both
        await _save_posted_card(ctx, conversation_id, suggestion_id, ref, first=first, done=done)
    else:  # its card is posted already (a retry after a crash)
        await ctx.store.mark_processed(message_id, now, language)
    return True


async def _save_posted_card(
    ctx: Context,
    conversation_id: int,
    suggestion_id: int,
    ref: CardRef,
    *,
    first: bool,
    done: tuple[datetime, str | None],
) -> None:
    """Record a card Slack already shows, and its message as processed (``done``: when, in
    which language), retrying while storage fails (a full disk): giving up would leave the
    message unprocessed and the resume loop would post the card a second time. The
    conversation's claim is held (and renewed) meanwhile, so nothing overtakes it."""
    failures = RepeatedFailures(logger, f"saving the card of suggestion {suggestion_id}")
    while True:
        try:
            await ctx.store.save_posted_card(
                conversation_id, suggestion_id, ref, first=first, processed=done
            )
        except Exception as exc:  # the store's own failure: nothing else runs here
            failures.failed(exc)
            await asyncio.sleep(SAVE_RETRY_SECONDS)
        else:
            if failures.succeeded():
                await _space_returned(ctx)
            return


async def _space_returned(ctx: Context) -> None:
    """Writes work again after failing: give back the space the write-ahead log took."""
    try:
        await ctx.store.checkpoint_wal()
    except Exception as exc:  # it is only housekeeping; the next recovery tries again
        logger.warning("could not checkpoint the database after write failures: %s", exc)


async def _localize(
    ctx: Context,
    message: InboundMessage,
    suggestion: Suggestion,
    language: str,
    variables: dict[str, str],
) -> tuple[Suggestion, dict[str, Any]]:
    """Add what staff read in their language, and the reply in the shopper's language."""
    notes: list[str] = []
    translation, note = await in_staff_language(ctx, message.text, language)
    notes += [note] if note else []
    if suggestion.reply is not None and language not in ("unknown", suggestion.reply_language):
        text, used, note = await answer_in(ctx, suggestion.intent, language, variables)
        notes += [note] if note else []
        suggestion = replace(
            suggestion, reply=text, reply_language=used, machine_translated=used == language
        )
    reply_for_staff = None
    if suggestion.reply is not None and suggestion.reply_language:
        reply_for_staff = await answer_for_staff(
            ctx, suggestion.intent, suggestion.reply, suggestion.reply_language, variables
        )
    return suggestion, {"translation": translation, "reply_staff": reply_for_staff, "notes": notes}


async def _acknowledge_out_of_hours(
    ctx: Context,
    message: InboundMessage,
    conversation_id: int,
    language: str,
    variables: Mapping[str, str],
    now: datetime,
) -> None:
    """Outside support hours, tell the shopper when they will hear back, in their language;
    once per closed period, not for every message. With agents in the desk file, "outside
    hours" is nobody who reads the shopper's language on shift, and the time is when the
    next one comes on (``handlers.assignment.coverage``).

    The time is in the shopper's zone by the rule the answers follow for the store's hours
    (``replies.store.hours_zone``): only when their linked order's or their phone's country
    says where they are and keeps one time; otherwise in the store's zone. A language's region
    (Telegram's ``pt-br``) is not a place, and "Eastern Time" for a US shopper would be a
    guess. The zone is named either way, so nobody has to guess whose nine o'clock it is.
    ``variables`` are the reply's (``template_variables``), which carry those countries.
    """
    closed = closed_for(ctx, language, now)
    if closed is None:
        return
    opening = closed.opening
    shopper_zone = hours_zone(variables)
    shown_language = language if language != "unknown" else "en"
    store_zone = ctx.desk.calendar.timezone
    reply_time = format_local_named(opening, shopper_zone or store_zone, shown_language)
    name = message.user_name.split()[0] if message.user_name.strip() else ""
    # written as the answers are for where the shopper is (pt-PT in Portugal)
    where = where_is_shopper(message.text, variables, language_code=message.language_hint)
    text, _ = ctx.notices.render(
        closed.notice,
        shown_language,
        {"shopper_name": name, "reply_time": reply_time},
        country=where.code if where else None,
    )
    key = f"out-of-hours:{conversation_id}:{opening.isoformat()}"
    if await ctx.store.enqueue(key, conversation_id, text, "BorderDesk", now) is not None:
        ctx.wake_outbox()


async def _greet(
    ctx: Context, message: InboundMessage, conversation_id: int, language: str, message_id: int
) -> None:
    """/start: greet in the shopper's language, straight away (no approval needed)."""
    variables = await template_variables(ctx, message, language)
    text, _, _ = await answer_in(ctx, "greeting", language, variables)
    await ctx.store.enqueue(
        f"greeting:{message_id}", conversation_id, text, "BorderDesk", ctx.clock()
    )
    ctx.wake_outbox()
