"""Notes for staff through the outbox: a queued note reaches the workspace as the same
``Note``, its words and its kind, across a restart, and never because of a sign its words
happen to start with."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from bot.models import CardRef, ChannelCapabilities, InboundMessage
from bot.notes import Note, NoteKind
from bot.outbox import OutboxWorker
from bot.storage import Store
from bot.storage.schema import outbox
from bot.storage.store import sqlite_url

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CARD = CardRef("CINBOX0001", "1700000000.000100")


class PostedNotes:
    """A ``NoteSink`` that keeps what it is handed, as a staff workspace would show it."""

    capabilities = ChannelCapabilities(max_text_length=40)

    def __init__(self) -> None:
        self.posted: list[tuple[CardRef, Note]] = []

    async def post_note(self, ref: CardRef, note: Note) -> CardRef:
        self.posted.append((ref, note))
        return CardRef(ref.channel, f"1700000001.{len(self.posted):06d}")


async def conversation(store: Store) -> int:
    stored = await store.record_inbound(
        InboundMessage(
            channel="telegram",
            chat_id="4242",
            platform_message_id="4242:1",
            user_id="4242",
            user_name="Ana",
            text="where is my parcel?",
            received_at=T0,
        )
    )
    return stored.conversation_id


async def posted(store: Store) -> PostedNotes:
    """Deliver every queued note (one at a time under one card, in the order queued)."""
    notes = PostedNotes()
    worker = OutboxWorker(store, {}, notes=notes, clock=lambda: T0)
    while await worker.drain():
        pass
    return notes


async def test_a_queued_notes_kind_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "bd.sqlite3"
    store = await Store.open(sqlite_url(path))
    try:
        chat = await conversation(store)
        for key, note in (
            ("late", Note("Order #B77 is late", NoteKind.LATE)),
            ("plain", Note("Escalated to warehouse.")),
            ("quoted", Note("⚠ Ana wrote this sign herself")),  # words, not a kind
        ):
            assert await store.enqueue_note(key, chat, CARD, note, T0) is not None
    finally:
        await store.close()

    store = await Store.open(sqlite_url(path))  # the restart: only the file is left
    try:
        notes = await posted(store)
    finally:
        await store.close()
    assert notes.posted == [
        (CARD, Note("Order #B77 is late", NoteKind.LATE)),
        (CARD, Note("Escalated to warehouse.")),
        (CARD, Note("⚠ Ana wrote this sign herself")),
    ]


async def test_a_long_note_shows_its_kind_once_on_its_first_piece(tmp_path: Path) -> None:
    store = await Store.open(sqlite_url(tmp_path / "bd.sqlite3"))
    try:
        chat = await conversation(store)
        body = "Order #B77 is late: estimated for 5 March, still not delivered (DHL JJD0099)."
        await store.enqueue_note("late", chat, CARD, Note(body, NoteKind.LATE), T0)
        notes = await posted(store)
    finally:
        await store.close()
    assert notes.posted == [
        (CARD, Note("Order #B77 is late: estimated for 5", NoteKind.LATE)),
        (CARD, Note("March, still not delivered (DHL")),
        (CARD, Note("JJD0099).")),
    ]


async def test_a_note_of_a_kind_this_version_does_not_know_is_still_posted(
    tmp_path: Path,
) -> None:
    """A newer version queued it, then the desk went back to this one: the note reaches
    staff without a kind, and the outbox is not stopped by it."""
    store = await Store.open(sqlite_url(tmp_path / "bd.sqlite3"))
    try:
        chat = await conversation(store)
        await store.enqueue_note("new", chat, CARD, Note("Ana left a review"), T0)
        async with store.engine.begin() as conn:
            await conn.execute(update(outbox).values(note_kind="review_left"))
        notes = await posted(store)
    finally:
        await store.close()
    assert notes.posted == [(CARD, Note("Ana left a review"))]
