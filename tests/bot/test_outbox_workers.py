"""Two outbox workers on one database (two processes, issue 17): each reply goes out once,
each chat's replies in the order they were queued, and a worker whose claim ran out
records nothing over the worker that took its reply over.

Each worker has a Store of its own (its own engine and connections) on the one database,
as two ``borderdesk run`` processes have; both send through one recording channel, so
what a shopper would get twice is seen twice. On SQLite the two take turns for the write
lock; on PostgreSQL they really race.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.channels.local import LocalChannel
from bot.errors import ChannelUnavailable
from bot.models import InboundMessage
from bot.outbox import OutboxWorker
from bot.storage import Store
from tests.bot.storage.databases import DATABASES, database_url
from tests.e2e.harness import wait_until

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CHATS = ("101", "102", "103", "104", "105")
REPLIES = 4  # per chat


class Recording(LocalChannel):
    """A channel that records what it sends (``sent``), giving way to the other worker
    each time; no pace to keep (the test is about claims)."""

    async def send(self, chat_id: str, text: str) -> str:
        await asyncio.sleep(0)  # on the wire: the other worker runs meanwhile
        return await super().send(chat_id, text)


class Hanging(LocalChannel):
    """A send that hangs until ``release``, then fails (a connection that timed out)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def send(self, chat_id: str, text: str) -> str:
        self.started.set()
        await self.release.wait()
        raise ChannelUnavailable("read timed out")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=DATABASES)
async def two_stores(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Store, Store]]:
    async with database_url(request.param, tmp_path) as url:
        first = await Store.open(url)
        second = await Store.open(url)
        try:
            yield first, second
        finally:
            await first.close()
            await second.close()


async def queue(store: Store, chat: str, texts: list[str]) -> list[int]:
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
    ids = []
    for n, text in enumerate(texts):
        queued = await store.enqueue(f"{chat}:{n}", stored.conversation_id, text, "lee", T0)
        assert queued is not None
        ids.append(queued)
    return ids


async def test_two_workers_send_each_reply_once_in_each_chats_order(
    two_stores: tuple[Store, Store],
) -> None:
    first, second = two_stores
    for chat in CHATS:
        await queue(first, chat, [f"reply {n} to {chat}" for n in range(REPLIES)])
    channel, clock = Recording(), Clock()
    workers = [OutboxWorker(store, {"telegram": channel}, clock=clock) for store in two_stores]

    delivered = 0
    while await first.due_outbox(clock.now):
        counts = await asyncio.gather(*(worker.drain() for worker in workers))
        delivered += sum(counts)

    assert delivered == len(CHATS) * REPLIES
    assert len(channel.sent) == len(CHATS) * REPLIES, "a reply was sent twice"
    for chat in CHATS:
        assert [text for to, text in channel.sent if to == chat] == [
            f"reply {n} to {chat}" for n in range(REPLIES)
        ]
    assert await first.outbox_status() == {"sent": len(CHATS) * REPLIES}


async def test_a_worker_whose_claim_ran_out_does_not_queue_the_reply_again(
    two_stores: tuple[Store, Store],
) -> None:
    """Worker A's send hangs past its lease; B takes the reply over and sends it; then A's
    send fails. A's retry must not put the sent reply back in the queue (a second copy)."""
    first, second = two_stores
    await queue(first, "101", ["Hola Ana"])
    clock, lease = Clock(), timedelta(seconds=60)
    hanging, working = Hanging(), Recording()
    a = OutboxWorker(first, {"telegram": hanging}, clock=clock, lease=lease)
    b = OutboxWorker(second, {"telegram": working}, clock=clock, lease=lease)

    stuck = asyncio.create_task(a.drain())
    await hanging.started.wait()
    assert await b.drain() == 0, "taken over while A's lease held"
    clock.now += lease + timedelta(seconds=1)
    assert await b.drain() == 1
    hanging.release.set()
    assert await stuck == 0

    assert working.sent == [("101", "Hola Ana")]
    assert await first.outbox_status() == {"sent": 1}
    clock.now += timedelta(hours=1)
    assert await a.drain() + await b.drain() == 0
    assert working.sent == [("101", "Hola Ana")]


async def test_a_chats_next_reply_waits_while_an_earlier_one_is_queued_again(
    two_stores: tuple[Store, Store],
) -> None:
    """A worker that picked a chat's second reply (its first was parked) cannot claim it
    once staff queued the first again: the first goes first, whichever worker sends it."""
    first, second = two_stores
    parked, later = await queue(first, "101", ["first", "second"])
    assert await first.outbox_dead(parked, "chat not found")
    [picked] = await second.due_outbox(T0)
    assert picked.id == later

    assert await first.retry_dead(T0, [parked]) == [parked]
    assert await second.claim_outbox(later, T0, timedelta(seconds=60)) is None
    assert await first.claim_outbox(parked, T0, timedelta(seconds=60)) is not None
    assert await second.claim_outbox(later, T0, timedelta(seconds=60)) is None, "in flight"


async def test_two_running_workers_send_what_is_queued_while_they_run_once(
    two_stores: tuple[Store, Store],
) -> None:
    """The workers' own loops (``run``), woken as replies are queued, as in two desks."""
    first, second = two_stores
    channel, clock = Recording(), Clock()
    workers = [
        OutboxWorker(store, {"telegram": channel}, clock=clock, idle_seconds=0.05)
        for store in two_stores
    ]
    running = [asyncio.create_task(worker.run()) for worker in workers]
    try:
        for chat in CHATS:
            await queue(first, chat, [f"reply {n} to {chat}" for n in range(REPLIES)])
            for worker in workers:
                worker.wake()

        async def all_sent() -> bool:
            return await first.outbox_status() == {"sent": len(CHATS) * REPLIES}

        await wait_until(all_sent, "every reply sent")
    finally:
        for worker in workers:
            worker.stop()
        await asyncio.gather(*running)

    assert len(channel.sent) == len(CHATS) * REPLIES, "a reply was sent twice"
    for chat in CHATS:
        assert [text for to, text in channel.sent if to == chat] == [
            f"reply {n} to {chat}" for n in range(REPLIES)
        ]
