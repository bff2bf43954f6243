"""The store on real SQLite files: dedupe, decide-once, the outbox, restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.models import InboundMessage, MessageKind, Suggestion
from bot.storage import Store
from bot.storage.examples import IMPORTED
from bot.storage.store import sqlite_url

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def inbound(message_id: str = "4242:1", text: str = "hola", chat: str = "4242") -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        chat_id=chat,
        platform_message_id=message_id,
        user_id=chat,
        user_name="Ana García",
        text=text,
        received_at=T0,
        language_hint="es",
    )


SUGGESTION = Suggestion(
    language="es",
    intent="track_order",
    confidence=0.9,
    top=(("track_order", 0.9), ("delivery_delay", 0.05)),
    department="logistics",
    reply="Hola Ana",
    reply_language="es",
)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = await Store.open(sqlite_url(tmp_path / "sub" / "bd.sqlite3"))
    yield opened
    await opened.close()


async def test_open_creates_the_folder_and_migrates(tmp_path: Path) -> None:
    store = await Store.open(sqlite_url(tmp_path / "new" / "dir" / "bd.sqlite3"))
    async with store.engine.connect() as conn:
        tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    await store.close()
    assert {
        "customers",
        "conversations",
        "messages",
        "suggestions",
        "outbox",
        "alembic_version",
    } <= set(tables)
    again = await Store.open(sqlite_url(tmp_path / "new" / "dir" / "bd.sqlite3"))  # idempotent
    await again.close()


async def test_inbound_is_stored_once_per_platform_message(store: Store) -> None:
    first = await store.record_inbound(inbound())
    second = await store.record_inbound(inbound())
    other = await store.record_inbound(inbound("4242:2", "¿y mi pedido?"))
    assert first.is_new and not second.is_new and other.is_new
    assert second.message_id == first.message_id
    assert other.conversation_id == first.conversation_id
    assert (await store.counts())["messages"] == {"in": 2}
    rebuilt = await store.inbound_message(first.message_id)
    assert rebuilt.text == "hola" and rebuilt.received_at == T0 and rebuilt.kind is MessageKind.TEXT


async def test_a_suggestion_is_decided_once_and_queued_once(store: Store) -> None:
    stored = await store.record_inbound(inbound())
    sid = await store.add_suggestion(stored.message_id, stored.conversation_id, SUGGESTION, T0)
    assert (
        await store.add_suggestion(stored.message_id, stored.conversation_id, SUGGESTION, T0) == sid
    )
    won = await store.decide(
        sid,
        status="sent",
        user_id="U1",
        user_name="lee",
        at=T0,
        final_text="Hola Ana",
        final_intent="track_order",
    )
    lost = await store.decide(
        sid,
        status="sent",
        user_id="U2",
        user_name="priya",
        at=T0,
        final_text="Hola Ana",
        final_intent="track_order",
    )
    assert won and not lost
    record = await store.suggestion(sid)
    assert record is not None and record.status == "sent" and record.decided_by_name == "lee"
    assert record.suggestion.top == SUGGESTION.top
    due = await store.due_outbox(T0)
    assert [(i.chat_id, i.text) for i in due] == [("4242", "Hola Ana")]


async def test_outbox_claim_lease_and_delivery(store: Store) -> None:
    stored = await store.record_inbound(inbound())
    assert await store.enqueue("k1", stored.conversation_id, "one", "lee", T0)
    assert not await store.enqueue("k1", stored.conversation_id, "one again", "lee", T0)
    [item] = await store.due_outbox(T0)
    assert await store.claim_outbox(item.id, T0, timedelta(seconds=60))
    assert not await store.claim_outbox(item.id, T0, timedelta(seconds=60)), "leased"
    # A crash while sending: after the lease the item is due again (delivered at least once).
    assert [i.id for i in await store.due_outbox(T0 + timedelta(seconds=61))] == [item.id]
    await store.outbox_sent(item, "77", T0)
    assert await store.due_outbox(T0 + timedelta(hours=1)) == []
    assert (await store.counts())["messages"] == {"in": 1, "out": 1}


async def test_naive_datetimes_are_refused(store: Store) -> None:
    stored = await store.record_inbound(inbound())
    with pytest.raises(Exception, match="naive datetime"):
        await store.enqueue("k", stored.conversation_id, "x", None, datetime(2026, 1, 1))  # noqa: DTZ001


async def test_unprocessed_messages_survive_a_restart(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "bd.sqlite3")
    first = await Store.open(url)
    stored = await first.record_inbound(inbound())
    await first.close()
    second = await Store.open(url)
    assert await second.unprocessed_inbound() == [(stored.message_id, stored.conversation_id)]
    await second.mark_processed(stored.message_id, T0, "es")
    assert await second.unprocessed_inbound() == []
    await second.close()


async def test_imported_history_and_staff_decisions_are_told_apart(store: Store) -> None:
    """A restart trains on a store's imported history and re-learns staff decisions one
    by one (bot/runtime.py): the two must come back separately, each oldest first."""
    at = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    await store.add_example("wo ist mein paket", "track_order", "staff", at)
    await store.add_example("where is my parcel", "track_order", IMPORTED, at)
    await store.add_example("refund please", "get_refund", "staff", at)
    assert await store.examples(IMPORTED) == [("where is my parcel", "track_order")]
    assert await store.staff_examples() == [
        ("wo ist mein paket", "track_order"),
        ("refund please", "get_refund"),
    ]
    assert len(await store.examples()) == 3
