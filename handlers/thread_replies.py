"""Staff wrote in a card's thread: it reaches the shopper, or the thread says why not.

Staff believe what they write under a card reaches the shopper, so nothing they write
there may vanish. A reply — with its files — is queued for the shopper (held for a
translation choice when written in the staff language: ``handlers.held_replies``) (files fetched
now and stored with it, so the send never depends on Slack). Whatever cannot go out gets
a note in the thread naming what and why: a file the shopper's channel cannot take or
that could not be fetched, an edit or deletion made after the reply was sent, a kind of
Slack message that cannot be forwarded. Notes go through the outbox like everything
else, keyed by the Slack message, so Slack's redeliveries never repeat them.

    await handle_thread_action(ctx, action)   # THREAD_REPLY, _EDITED, _DELETED, _UNSENDABLE
"""

from __future__ import annotations

import asyncio
import logging

from bot.context import Context
from bot.errors import ChannelError
from bot.models import ActionKind, StaffAction, StaffFile
from bot.notes import Note, NoteKind
from bot.storage.attachments import NewFile
from bot.storage.records import ConversationInfo
from handlers.approvals import Approval, reply_approval
from handlers.card_decisions import asked, audit_approval, decide, redraw
from handlers.held_replies import ask_choice, settle, wait_on
from handlers.notes import note_for_staff
from handlers.replying import staff_text_for_shopper

logger = logging.getLogger(__name__)

THREAD_ACTIONS = frozenset(
    {
        ActionKind.THREAD_REPLY,
        ActionKind.THREAD_REPLY_EDITED,
        ActionKind.THREAD_REPLY_DELETED,
        ActionKind.THREAD_REPLY_UNSENDABLE,
    }
)
MB = 1024 * 1024


async def handle_thread_action(ctx: Context, action: StaffAction) -> None:
    """Queue, change or cancel a reply written in a card's thread, or say why not."""
    conversation = await _conversation(ctx, action)
    if conversation is None:
        return
    match action.kind:
        case ActionKind.THREAD_REPLY:
            await _reply(ctx, action, conversation)
        case ActionKind.THREAD_REPLY_EDITED:
            await _edited(ctx, action, conversation)
        case ActionKind.THREAD_REPLY_DELETED:
            await _deleted(ctx, action, conversation)
        case ActionKind.THREAD_REPLY_UNSENDABLE:
            kind = action.extra.get("subtype") or "unknown"
            await _note(
                ctx,
                action,
                conversation,
                Note(
                    f"Not sent to the shopper: a Slack message of kind '{kind}' cannot be "
                    "forwarded. Write your answer as an ordinary reply in this thread.",
                    NoteKind.WARNING,
                ),
            )


CARD_RECORD_GRACE = 5.0  # seconds


def thread_key(action: StaffAction) -> str:
    """The outbox key of a thread reply: the card's ts and the reply's own ts."""
    card_ts = action.card.ts if action.card is not None else "?"
    return f"thread:{card_ts}:{action.extra.get('ts') or action.at.isoformat()}"


async def _conversation(ctx: Context, action: StaffAction) -> ConversationInfo | None:
    """The conversation whose card ``action`` is under. A card is posted first and its
    place recorded right after: a reply that arrives in between (Slack can deliver it
    before our write lands) waits up to ``CARD_RECORD_GRACE`` seconds for the record
    instead of being taken for a thread that is not a card."""
    if action.card is None:
        return None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + CARD_RECORD_GRACE
    while (conversation := await ctx.store.conversation_by_card(action.card)) is None:
        if loop.time() >= deadline:
            break
        await asyncio.sleep(0.1)
    if conversation is None:
        logger.info(
            "%s in a thread that is not a BorderDesk card ignored (event %s)",
            action.kind.value,
            action.extra.get("event_id") or "without id",
        )
    return conversation


async def _reply(ctx: Context, action: StaffAction, conversation: ConversationInfo) -> None:
    text = (action.text or "").strip()
    key = thread_key(action)
    if not text and not action.files:
        return  # Slack shows nothing either
    if await ctx.store.outbox_id(key) is not None:
        return  # Slack delivered the same event again: do not fetch the files twice
    pending = await ctx.store.pending_suggestions(conversation.id)
    intents = [intent for record in pending for intent in asked(record)]
    approval, flagged = await reply_approval(ctx, conversation.id, intents, action.user_id)
    if approval is Approval.REFUSED:
        return
    files, refused = await _fetch_files(ctx, conversation, action.files)
    if not text and not files:
        await _note(
            ctx,
            action,
            conversation,
            Note(f"Nothing was sent to the shopper: {refused}.", NoteKind.WARNING),
        )
        return
    hold, translated = (
        await staff_text_for_shopper(ctx, text, conversation.language) if text else (False, None)
    )
    queued = await ctx.store.enqueue(
        key,
        conversation.id,
        translated or text,
        action.user_name,
        action.at,
        original_text=text if hold else None,
        hold=hold,
        files=files,
    )
    if queued is None:
        return  # queued meanwhile by a redelivery of the same event
    if refused:
        rest = "The other files go." if not text else "Your text goes without them."
        if text and files:
            rest = "Your text and the other files go."
        await _note(
            ctx,
            action,
            conversation,
            Note(f"Not sent to the shopper: {refused}. {rest}", NoteKind.WARNING),
        )
    if approval is Approval.APPROVED and flagged is not None:
        await audit_approval(ctx, action, flagged.id, None)
    if hold:  # nothing is answered until staff choose how it goes out
        await ask_choice(ctx, action.card, queued, text, translated)
        await wait_on(ctx, pending, queued, action)
        return
    ctx.wake_outbox()
    for record in pending:
        if await decide(ctx, action, record, "answered"):
            await redraw(ctx, record.id)


async def _fetch_files(
    ctx: Context, conversation: ConversationInfo, attached: tuple[StaffFile, ...]
) -> tuple[list[NewFile], str]:
    """The attached files the shopper's channel can take, fetched; and each one that will
    not be sent, with why ("" when all will)."""
    channel = ctx.channels.get(conversation.channel)
    capabilities = channel.capabilities if channel is not None else None
    fetched: list[NewFile] = []
    refused: list[str] = []
    for file in attached:
        name = file.name or "a file"
        if capabilities is None or not capabilities.files:
            refused.append(f"{name} ({conversation.channel} cannot send files)")
            continue
        limit = capabilities.max_file_bytes
        if capabilities.file_limits is not None:  # a channel taking some types only
            if file.mimetype not in capabilities.file_limits:
                refused.append(
                    f"{name} ({conversation.channel} does not take {file.mimetype} files)"
                )
                continue
            limit = capabilities.file_limits[file.mimetype]
        if file.size > limit:
            refused.append(
                f"{name} ({_mb(file.size)}; {conversation.channel} takes up to {_mb(limit)})"
            )
            continue
        try:
            data = await ctx.workspace.fetch_file(file)
        except ChannelError as exc:
            logger.warning("file %s could not be fetched: %s", file.file_id or "?", exc)
            refused.append(f"{name} (it could not be fetched from Slack: {exc})")
            continue
        if len(data) > limit:
            refused.append(
                f"{name} ({_mb(len(data))}; {conversation.channel} takes up to {_mb(limit)})"
            )
            continue
        fetched.append(NewFile(name, file.mimetype, data))
    return fetched, "; ".join(refused)


async def _edited(ctx: Context, action: StaffAction, conversation: ConversationInfo) -> None:
    text = (action.text or "").strip()
    if not text:
        await _note(
            ctx,
            action,
            conversation,
            Note(
                "An edit that removes all the text is not applied. To take the reply back "
                "before it is sent, delete it."
            ),
        )
        return
    hold, translated = await staff_text_for_shopper(ctx, text, conversation.language)
    changed = await ctx.store.edit_unsent(
        thread_key(action), translated or text, original_text=text if hold else None, hold=hold
    )
    if changed is None:
        note = Note(
            "Not sent: the shopper never got the first version of this reply either "
            "(see the notes above). Write a new reply to answer them.",
            NoteKind.WARNING,
        )
    else:
        item_id, status = changed
        note = _after_edit(status, item_id)
        if status in ("pending", "held") and hold:
            await ask_choice(ctx, action.card, item_id, text, translated)
        elif status == "held":  # now in the shopper's language: it goes, its cards answered
            ctx.wake_outbox()
            await settle(ctx, conversation.id, item_id, action.at, sent=True)
    await _note(ctx, action, conversation, note)


def _after_edit(status: str, item_id: int) -> Note:
    if status in ("pending", "held"):
        return Note(
            "Edited before it was sent: the shopper will get the new version.", NoteKind.EDITED
        )
    if status == "dead":
        return Note(
            f"Edited. This reply could not be delivered and is parked: "
            f"`/borderdesk retry {item_id}` sends the new version.",
            NoteKind.EDITED,
        )
    if status == "cancelled":
        return Note("This reply was cancelled, so the edit is not sent either. Write a new reply.")
    return Note(
        "Already sent: the shopper still sees the first version. Editing in Slack "
        "does not change it; to correct it, write a new reply in this thread.",
        NoteKind.WARNING,
    )


async def _deleted(ctx: Context, action: StaffAction, conversation: ConversationInfo) -> None:
    status = await ctx.store.cancel_unsent(thread_key(action))
    if status is None or status == "cancelled":
        logger.info("deleted thread reply was never queued or already cancelled; nothing to do")
        return
    if status in ("pending", "held", "dead"):
        note = Note(
            "Deleted before it was sent: cancelled, the shopper gets nothing.", NoteKind.DELETED
        )
    else:
        note = Note(
            "Deleting in Slack does not unsend it: the shopper already has this "
            "reply. To correct it, write a new reply in this thread.",
            NoteKind.WARNING,
        )
    await _note(ctx, action, conversation, note)


async def _note(
    ctx: Context, action: StaffAction, conversation: ConversationInfo, note: Note
) -> None:
    """A note under the card, once per Slack message (and per edit of it)."""
    if action.card is None:
        return
    what = action.extra.get("edit_ts") or ""
    key = f"note:{action.kind.value}:{thread_key(action)}:{what}"
    await note_for_staff(ctx, conversation.id, action.card, note.body, note.kind, key=key)


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB" if size < 10 * MB else f"{size // MB} MB"
