"""The outbox: delivery, retries after rate limits and outages, giving up with staff told."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected, ChannelUnavailable
from bot.models import ChannelCapabilities, InboundMessage
from bot.outbox import OutboxWorker, backoff, split_text
from bot.pacing import backoff_seconds
from bot.storage import OutboxItem, Store
from bot.storage.attachments import NewFile
from bot.storage.schema import messages, outbox
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


class ScriptedChats:
    """A channel scripted per chat: each send to a chat takes the next outcome of that
    chat's script (None delivers, an error is raised); past the script, sends succeed."""

    name = "telegram"
    capabilities = ChannelCapabilities(max_text_length=20)

    def __init__(self, scripts: dict[str, list[ChannelError | None]]) -> None:
        self.scripts = scripts
        self.attempts: list[tuple[str, str]] = []
        self.sent: list[tuple[str, str]] = []

    async def start(self, on_message: object) -> None: ...
    async def stop(self) -> None: ...

    async def send(self, chat_id: str, text: str) -> str:
        self.attempts.append((chat_id, text))
        script = self.scripts.get(chat_id)
        if script and (failure := script.pop(0)) is not None:
            raise failure
        self.sent.append((chat_id, text))
        return str(len(self.sent))

    def texts_to(self, chat_id: str) -> list[str]:
        return [text for chat, text in self.sent if chat == chat_id]


async def store_with_chats(tmp_path: Path, *chats: str) -> tuple[Store, dict[str, int]]:
    """A store where each chat has written once; their conversation ids."""
    store = await Store.open(sqlite_url(tmp_path / "bd.sqlite3"))
    conversations = {}
    for chat in chats:
        stored = await store.record_inbound(
            InboundMessage(
                channel="telegram",
                chat_id=chat,
                platform_message_id=f"{chat}:1",
                user_id=chat,
                user_name="Ana",
                text="hola",
                received_at=T0,
            )
        )
        conversations[chat] = stored.conversation_id
    return store, conversations


async def test_a_failing_chat_holds_back_its_own_later_messages_only(tmp_path: Path) -> None:
    store, conversation = await store_with_chats(tmp_path, "111", "222")
    await store.enqueue("a1", conversation["111"], "A first", "lee", T0)
    await store.enqueue("a2", conversation["111"], "A second", "lee", T0)
    await store.enqueue("b1", conversation["222"], "B only", "lee", T0)
    channel = ScriptedChats({"111": [ChannelUnavailable("connection reset")]})
    clock = Clock()
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)

    assert await worker.drain() == 1
    assert channel.sent == [("222", "B only")], "chat B waited for chat A's trouble"
    assert await worker.drain() == 0, "A's second message overtook its first while it waits"
    assert ("111", "A second") not in channel.attempts

    clock.now += timedelta(minutes=1)  # past the first retry (at most 2 s)
    while await worker.drain():
        pass
    assert channel.texts_to("111") == ["A first", "A second"]
    assert channel.texts_to("222") == ["B only"]
    assert await store.outbox_status() == {"sent": 3}
    await store.close()


@pytest.mark.parametrize(
    "failure",
    [ChannelUnavailable("connection reset"), ChannelRateLimited(3)],
    ids=["outage", "rate-limited"],
)
async def test_a_long_reply_resumes_at_the_piece_that_failed(
    tmp_path: Path, failure: ChannelError
) -> None:
    store = await queued_store(tmp_path, "one two three four five six seven eight nine")
    channel = ScriptedChats({"4242": [None, failure]})  # the 2nd of 3 pieces fails once
    clock = Clock()
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock)

    assert await worker.drain() == 0
    assert channel.sent == [("4242", "one two three four")]
    clock.now += timedelta(minutes=1)
    assert await worker.drain() == 1
    assert channel.texts_to("4242") == ["one two three four", "five six seven eight", "nine"]
    assert channel.attempts.count(("4242", "one two three four")) == 1
    assert await store.outbox_status() == {"sent": 1}
    assert await worker.drain() == 0
    await store.close()


@pytest.mark.parametrize(("base", "cap"), [(2.0, 600.0), (1.0, 30.0), (0.2, 600.0)])
def test_backoff_is_jittered_within_its_bounds(base: float, cap: float) -> None:
    """Full jitter: at least base/2, at most base·2^(n-1) capped; and spread over that
    range rather than one value for everyone, so many failed sends do not retry at once."""
    for attempts in range(1, 16):
        ceiling = min(cap, base * 2 ** (attempts - 1))
        waits = [backoff_seconds(attempts, base=base, cap=cap) for _ in range(60)]
        assert all(base / 2 <= wait <= ceiling for wait in waits), (attempts, waits)
        if ceiling > base / 2:
            assert max(waits) - min(waits) > (ceiling - base / 2) / 2, (attempts, waits)
    assert all(backoff(30).total_seconds() <= 600 for _ in range(60)), "10 minutes at most"


async def test_sends_failing_together_are_retried_at_different_moments(tmp_path: Path) -> None:
    chats = [str(chat) for chat in range(101, 109)]
    store, conversation = await store_with_chats(tmp_path, *chats)
    for chat in chats:
        await store.enqueue(f"r{chat}", conversation[chat], "Hola", "lee", T0)
    channel = ScriptedChats({chat: [ChannelUnavailable("down")] for chat in chats})
    await OutboxWorker(store, {"telegram": channel}, clock=Clock()).drain()
    async with store.engine.connect() as conn:
        retries = list((await conn.execute(select(outbox.c.next_attempt_at))).scalars())
    assert len(retries) == len(chats) and all(at > T0 for at in retries)
    assert len(set(retries)) > 1, "every failed send retries at the same instant"
    await store.close()


class HangingChat(ScriptedChats):
    """Sends to ``chat`` hang (as a request does until the client's read timeout) until
    the test releases them."""

    def __init__(self, chat: str) -> None:
        super().__init__({})
        self.chat = chat
        self.hanging = asyncio.Event()
        self.release = asyncio.Event()

    async def send(self, chat_id: str, text: str) -> str:
        if chat_id == self.chat:
            self.hanging.set()
            await self.release.wait()
        return await super().send(chat_id, text)


async def test_a_send_hanging_on_one_chat_does_not_hold_up_another_chat(tmp_path: Path) -> None:
    store, conversation = await store_with_chats(tmp_path, "111", "222")
    channel = HangingChat("111")
    worker = OutboxWorker(store, {"telegram": channel}, clock=Clock(), idle_seconds=0.01)
    await store.enqueue("a1", conversation["111"], "A first", "lee", T0)
    running = asyncio.create_task(worker.run())
    try:
        await asyncio.wait_for(channel.hanging.wait(), 5)
        await store.enqueue("b1", conversation["222"], "B only", "lee", T0)
        worker.wake()
        try:
            # B is due at once and A hangs until released: only a hold-up keeps B waiting,
            # for ever, so the bound is generous (a busy machine may take seconds for B)
            async with asyncio.timeout(30):
                while not channel.sent:
                    await asyncio.sleep(0.01)
        except TimeoutError:
            raise AssertionError("chat B's reply waited for chat A's hanging send") from None
        assert channel.sent == [("222", "B only")]
    finally:
        channel.release.set()
        worker.stop()
        await running
        await store.close()


async def test_rate_limits_do_not_use_up_the_attempts_before_a_message_is_parked(
    tmp_path: Path,
) -> None:
    store, clock = await queued_store(tmp_path), Clock()
    failures: list[ChannelError] = [ChannelRateLimited(1)] * 7 + [ChannelUnavailable("blip")]
    channel = ScriptedChannel(failures)
    worker = OutboxWorker(store, {"telegram": channel}, clock=clock, max_attempts=8)
    for _ in range(10):
        await worker.drain()
        clock.now += timedelta(minutes=1)
    assert await store.dead_letters() == []
    assert channel.sent == [("4242", "Hola Ana")]
    await store.close()


class FileChannel(ScriptedChannel):
    """A scripted channel that also takes files; only its texts fail as scripted."""

    capabilities = ChannelCapabilities(max_text_length=20, files=True, max_file_bytes=1000)

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        self.sent.append((chat_id, f"file {name} {len(data)} {mimetype}"))
        return str(len(self.sent))


async def store_with_file_reply(tmp_path: Path, *files: NewFile) -> tuple[Store, int]:
    store = await queued_store(tmp_path)  # "reply-1" is queued first: a chat's order holds
    conversation = (await store.due_outbox(T0))[0].conversation_id
    queued = await store.enqueue(
        "reply-2", conversation, "Aquí tienes tu factura", "lee", T0, files=files
    )
    assert queued is not None
    return store, queued


INVOICE = NewFile("factura.pdf", "application/pdf", b"%PDF-1.7 " * 10)
LABEL = NewFile("label.png", "image/png", b"\x89PNG" * 5)


async def test_a_file_goes_before_its_text_and_a_retry_does_not_send_it_again(
    tmp_path: Path,
) -> None:
    store, _ = await store_with_file_reply(tmp_path, INVOICE)
    channel = FileChannel([])
    worker = OutboxWorker(store, {"telegram": channel}, clock=Clock())
    assert await worker.drain() == 1  # "reply-1": one item of a chat at a time
    # the file goes, then the text fails: the retry sends only the text
    channel.failures = [ChannelUnavailable("down")]
    assert await worker.drain() == 0
    later = Clock()
    later.now = T0 + timedelta(minutes=15)
    worker.clock = later
    assert await worker.drain() == 1
    assert channel.sent == [
        ("4242", "Hola Ana"),
        ("4242", "file factura.pdf 90 application/pdf"),
        ("4242", "Aquí tienes tu"),
        ("4242", "factura"),
    ]
    async with store.reader.connect() as conn:
        kinds = (await conn.execute(select(messages.c.kind, messages.c.attachment))).all()
    assert ("document", "factura.pdf") in kinds, "the shopper's history shows the file"
    await store.close()


async def test_further_files_follow_the_text_and_are_held_and_released_with_it(
    tmp_path: Path,
) -> None:
    store = await queued_store(tmp_path)
    conversation = (await store.due_outbox(T0))[0].conversation_id
    held = await store.enqueue(
        "reply-2", conversation, "Here you are", "lee", T0, hold=True, files=(INVOICE, LABEL)
    )
    assert held is not None
    channel = FileChannel([])
    worker = OutboxWorker(store, {"telegram": channel}, clock=Clock())
    await worker.drain()
    assert await worker.drain() == 0, "held: nothing of the reply goes before staff confirm"
    assert await store.release_held(held, T0, use_original=False)
    while await worker.drain():
        pass
    assert channel.sent == [
        ("4242", "Hola Ana"),
        ("4242", "file factura.pdf 90 application/pdf"),
        ("4242", "Here you are"),
        ("4242", "file label.png 20 image/png"),
    ]
    await store.close()


async def test_a_file_for_a_channel_without_files_is_parked_not_dropped(tmp_path: Path) -> None:
    store, queued = await store_with_file_reply(tmp_path, INVOICE)
    worker = OutboxWorker(store, {"telegram": ScriptedChannel([])}, clock=Clock())
    while await worker.drain():
        pass
    [dead] = await store.dead_letters()
    assert (dead.id, dead.error) == (queued, "telegram cannot send files")
    await store.close()


async def test_unsent_replies_can_be_edited_or_cancelled_sent_ones_cannot(tmp_path: Path) -> None:
    store, queued = await store_with_file_reply(tmp_path, INVOICE, LABEL)
    assert await store.edit_unsent("reply-2", "Nueva", original_text=None, hold=False) == (
        queued,
        "pending",
    )
    assert await store.edit_unsent("nothing", "x", original_text=None, hold=False) is None
    worker = OutboxWorker(store, {"telegram": FileChannel([])}, clock=Clock())
    await worker.drain()  # "reply-1" goes
    assert await store.edit_unsent("reply-1", "Otra", original_text=None, hold=False) == (
        1,
        "sent",
    )
    assert await store.cancel_unsent("reply-1") == "sent"
    assert await store.cancel_unsent("reply-2") == "pending"
    assert await worker.drain() == 0, "the cancelled reply and its second file stay unsent"
    assert await store.outbox_status() == {"sent": 1, "cancelled": 2}
    await store.close()
