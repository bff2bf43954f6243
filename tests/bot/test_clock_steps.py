"""A wall clock that steps back (NTP correcting a fast clock) never parks a chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.errors import ChannelUnavailable
from bot.models import InboundMessage
from bot.outbox import OutboxWorker
from bot.storage.outbox import LONGEST_WAIT
from tests.bot.test_outbox import T0, Clock, ScriptedChannel, queued_store
from tests.e2e.harness import running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI


async def test_a_retry_scheduled_by_a_fast_clock_is_due_after_the_clock_steps_back(
    tmp_path: Path,
) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    channel = ScriptedChannel([ChannelUnavailable("connection reset")])
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)
    clock.now = T0 + timedelta(days=1)  # the clock runs a day fast when the send fails
    assert await worker.drain() == 0
    clock.now = T0 + timedelta(seconds=30)  # NTP puts it right
    assert await worker.drain() == 1, "the chat waits for a day that is not coming"
    assert channel.sent == [("4242", "Hola Ana")]
    await store.close()


async def test_a_later_message_of_that_chat_is_not_held_behind_it(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    [conversation_id] = [item.conversation_id for item in await store.due_outbox(T0)]
    await store.enqueue("reply-2", conversation_id, "Adios", "lee", T0)
    channel = ScriptedChannel([ChannelUnavailable("connection reset")])
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)
    clock.now = T0 + timedelta(days=1)
    await worker.drain()
    clock.now = T0 + timedelta(minutes=1)
    while await worker.drain():
        pass
    assert [text for _, text in channel.sent] == ["Hola Ana", "Adios"]
    await store.close()


async def test_retry_frees_an_item_waiting_far_in_the_future(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    channel = ScriptedChannel([])
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)
    [item_id] = [item.id for item in await store.due_outbox(T0)]
    later = T0 + LONGEST_WAIT - timedelta(minutes=1)  # a wait the outbox would honour
    await store.outbox_retry(item_id, "connection reset", later)
    assert await worker.drain() == 0

    assert await store.retry_dead(T0, [item_id]) == [item_id]
    assert await worker.drain() == 1, "/borderdesk retry could not free it"
    assert channel.sent == [("4242", "Hola Ana")]
    assert await store.retry_dead(T0, [item_id]) == [], "a sent item is not queued again"
    await store.close()


async def test_retry_all_frees_waiting_and_parked_items(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    [item_id] = [item.id for item in await store.due_outbox(T0)]
    await store.outbox_retry(item_id, "connection reset", T0 + timedelta(minutes=30))
    assert await store.retry_dead(T0) == [item_id]
    assert [item.id for item in await store.due_outbox(clock())] == [item_id]
    await store.close()


async def test_borderdesk_retry_sends_a_reply_parked_by_a_wrong_clock_now(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        store = desk.runtime.ctx.store
        stored = await store.record_inbound(
            InboundMessage("telegram", "4242", "4242:1", "4242", "Ana", "hola", received_at=T0)
        )
        item_id = await store.enqueue("reply-1", stored.conversation_id, "Hola Ana", "lee", T0)
        assert item_id is not None
        later = datetime.now(UTC) + LONGEST_WAIT - timedelta(minutes=1)
        await store.outbox_retry(item_id, "connection reset", later)

        status, answer = await desk.command(f"retry {item_id}")
        assert status == 200 and f"Queued again: #{item_id}" in answer
        sent = await telegram_api.wait_for("sendMessage")
        assert [m["text"] for m in sent] == ["Hola Ana"]
