"""The outbox: delivery, retries after rate limits and outages, giving up with staff told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected, ChannelUnavailable
from bot.models import ChannelCapabilities, InboundMessage
from bot.outbox import OutboxWorker, split_text
from bot.storage import OutboxItem, Store
from bot.storage.store import sqlite_url

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class ScriptedChannel:
    """A channel whose next sends fail as scripted, then succeed."""

    name = "telegram"
    capabilities = ChannelCapabilities(max_text_length=20)

    def __init__(self, failures: list[ChannelError]) -> None:
        self.failures = failures
        self.sent: list[tuple[str, str]] = []

    async def start(self, on_message: object) -> None: ...
    async def stop(self) -> None: ...

    async def send(self, chat_id: str, text: str) -> str:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((chat_id, text))
        return str(len(self.sent))


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


async def queued_store(tmp_path: Path, text: str = "Hola Ana") -> Store:
    store = await Store.open(sqlite_url(tmp_path / "bd.sqlite3"))
    stored = await store.record_inbound(
        InboundMessage(
            channel="telegram",
            chat_id="4242",
            platform_message_id="4242:1",
            user_id="4242",
            user_name="Ana",
            text="hola",
            received_at=T0,
        )
    )
    await store.enqueue("reply-1", stored.conversation_id, text, "lee", T0)
    return store


async def test_rate_limit_waits_as_told_then_delivers(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    channel = ScriptedChannel([ChannelRateLimited(7)])
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)
    assert await worker.drain() == 0
    clock.now = T0 + timedelta(seconds=6)
    assert await worker.drain() == 0, "retry_after not yet over"
    clock.now = T0 + timedelta(seconds=7)
    assert await worker.drain() == 1
    assert channel.sent == [("4242", "Hola Ana")]
    assert await worker.drain() == 0, "delivered once only"
    await store.close()


async def test_outage_backs_off_and_gives_up_telling_staff(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    channel = ScriptedChannel([ChannelUnavailable("down")] * 10)
    told: list[tuple[OutboxItem, str]] = []

    async def on_failed(item: OutboxItem, reason: str) -> None:
        told.append((item, reason))

    worker = OutboxWorker(
        store, {"telegram": channel}, clock=clock, max_attempts=3, on_failed=on_failed
    )
    for _ in range(5):
        await worker.drain()
        clock.now += timedelta(minutes=10)
    assert channel.sent == []
    assert await store.outbox_status() == {"dead": 1}
    [(item, reason)] = told
    assert item.text == "Hola Ana" and "gave up after 3 attempts" in reason
    await store.close()


async def test_a_refused_message_fails_at_once(tmp_path: Path) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    worker = OutboxWorker(
        store, {"telegram": ScriptedChannel([ChannelRejected("blocked")])}, clock=clock
    )
    await worker.drain()
    assert await store.outbox_status() == {"dead": 1}
    await store.close()


async def test_long_replies_are_split_to_the_channel_limit(tmp_path: Path) -> None:
    store = await queued_store(tmp_path, "one two three four five six seven eight nine")
    channel = ScriptedChannel([])
    await OutboxWorker(store, {"telegram": channel}, clock=Clock()).drain()
    assert [text for _, text in channel.sent] == [
        "one two three four",
        "five six seven eight",
        "nine",
    ]
    await store.close()


def test_split_text_keeps_short_text_whole_and_cuts_words_without_spaces() -> None:
    assert split_text("hello", 10) == ["hello"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
