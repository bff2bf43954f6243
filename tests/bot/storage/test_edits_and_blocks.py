"""Edits, chat types and blocked chats in the store, on real SQLite files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import ChatType, InboundMessage, MessageKind, Suggestion
from bot.storage import Store
from bot.storage.store import sqlite_url

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ASKED = InboundMessage(
    channel="telegram",
    chat_id="4242",
    platform_message_id="4242:7",
    user_id="4242",
    user_name="Ana",
    text="Where is order 10389?",
    received_at=T0,
)
SUGGESTION = Suggestion(language="en", intent="track_order", confidence=0.9)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(tmp_path / "bd.sqlite3"))
    yield opened
    await opened.close()


def edit(text: str, at: int) -> InboundMessage:
    return replace(
        ASKED,
        platform_message_id=f"4242:7:edit:{at}",
        text=text,
        received_at=T0 + timedelta(seconds=at),
        edit_of="4242:7",
    )


async def test_every_version_is_kept_and_an_edit_knows_what_it_corrects(store: Store) -> None:
    original = await store.record_inbound(ASKED)
    await store.add_suggestion(original.message_id, original.conversation_id, SUGGESTION, T0)
    await store.mark_processed(original.message_id, T0, "en")
    first = await store.record_inbound(edit("Where is order 10398?", 60))
    second = await store.record_inbound(edit("Where is order 10398 please?", 90))
    assert not (await store.record_inbound(edit("Where is order 10398?", 60))).is_new

    assert (await store.inbound_message(first.message_id)).edit_of == "4242:7"
    assert (await store.inbound_message(original.message_id)).text == ASKED.text  # unchanged
    before = await store.versions_before(second.message_id)
    assert [(v.text, v.intent, v.processed) for v in before] == [
        ("Where is order 10389?", "track_order", True),
        ("Where is order 10398?", None, False),
    ]
    assert await store.versions_before(original.message_id) == []


async def test_an_edit_of_a_message_never_stored_reads_back_as_a_plain_message(
    store: Store,
) -> None:
    stored = await store.record_inbound(edit("Is the lamp in stock?", 5))
    assert (await store.inbound_message(stored.message_id)).edit_of is None
    assert await store.versions_before(stored.message_id) == []


async def test_a_group_conversation_keeps_its_chat_type(store: Store) -> None:
    group = replace(ASKED, chat_id="-1001", platform_message_id="-1001:3", chat_type=ChatType.GROUP)
    stored = await store.record_inbound(group)
    private = await store.record_inbound(ASKED)
    assert (await store.conversation(stored.conversation_id)).chat_type is ChatType.GROUP
    assert (await store.inbound_message(stored.message_id)).chat_type is ChatType.GROUP
    assert (await store.conversation(private.conversation_id)).chat_type is ChatType.PRIVATE


async def test_blocking_is_marked_once_and_cleared_by_unblocking(store: Store) -> None:
    blocked = replace(ASKED, platform_message_id="4242:kicked:1", text="")
    stored = await store.record_inbound(replace(blocked, kind=MessageKind.CHAT_BLOCKED))
    conversation = stored.conversation_id
    assert await store.set_channel_blocked(conversation, T0)
    assert not await store.set_channel_blocked(conversation, T0 + timedelta(hours=1))
    assert await store.channel_blocked_at(conversation) == T0
    assert await store.set_channel_blocked(conversation, None)
    assert not await store.set_channel_blocked(conversation, None)
    assert await store.channel_blocked_at(conversation) is None
