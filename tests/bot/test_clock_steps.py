"""A wall clock that steps back (NTP correcting a fast clock) never parks a chat."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.errors import ChannelUnavailable
from bot.outbox import OutboxWorker
from bot.storage.outbox import LONGEST_WAIT
from tests.bot.test_outbox import T0, Clock, ScriptedChannel, queued_store


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
