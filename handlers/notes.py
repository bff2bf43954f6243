"""Telling staff something under a card: queued in the outbox, never lost to an outage.

await note_for_staff(ctx, conversation_id, conversation.card, "Escalated to warehouse.")
await note_in_conversation(ctx, conversation_id, "Not sent: …", NoteKind.NOT_ALLOWED)

A note is plain words and its kind (``bot/notes.py``); the staff workspace shows the kind
its own way (Slack: an emoji code in front), so no flow writes a platform's markup.
"""

from __future__ import annotations

import uuid

from bot.context import Context
from bot.models import CardRef
from bot.notes import Note, NoteKind


async def note_for_staff(
    ctx: Context,
    conversation_id: int,
    ref: CardRef,
    text: str,
    kind: NoteKind | None = None,
    *,
    key: str | None = None,
) -> bool:
    """Queue ``text``, a note of ``kind``, under the staff message ``ref``; False if
    ``key`` was queued before.

    Give a ``key`` when the same note could be queued twice (a retried step); it is sent
    once per key. The note waits in the outbox as its words and its kind, and reaches the
    workspace as the same ``Note`` when it is posted.
    """
    key = key or f"note:{uuid.uuid4().hex}"
    queued = await ctx.store.enqueue_note(key, conversation_id, ref, Note(text, kind), ctx.clock())
    if queued is not None:
        ctx.wake_outbox()
    return queued is not None


async def note_in_conversation(
    ctx: Context, conversation_id: int, text: str, kind: NoteKind | None = None
) -> None:
    """Queue ``text``, a note of ``kind``, under the conversation's card; nothing when it
    has no card yet."""
    conversation = await ctx.store.conversation(conversation_id)
    if conversation.card is not None:
        await note_for_staff(ctx, conversation_id, conversation.card, text, kind)
