"""Rate limits for the desk as a whole: two processes pacing through one database never
send to a chat together more than its limit allows, and a hold one of them was told is
obeyed by the other (issue 17).

Each test opens two Stores on one database (two engines: two ``borderdesk run``
processes), on a real SQLite file and on PostgreSQL, and gives each its own ``Pacer``
with ``PaceSlots`` on its store as the shared backend. Both run on one virtual clock
(``tests.bot.test_pacing``): it moves only when a pacer sleeps, so when each send went
is read off the clock, not measured, and nothing really waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.channels.local import LocalWorkspace
from bot.config import Config
from bot.models import Limit
from bot.pacing import Pacer
from bot.runtime import Runtime
from bot.storage import Store
from bot.storage.pace_slots import FORGET_AFTER, PaceSlots
from bot.storage.schema import pace_sends
from tests.bot.storage.databases import DATABASES, database_url
from tests.bot.test_pacing import YieldingTime, most_in_any_window
from tests.handlers.desk import DESK

PER_CHAT = Limit(1, 1.1)  # Telegram: about one message a second to one chat
OVERALL = Limit(25, 1.0)
CHAT = [("telegram:4242", PER_CHAT), ("telegram", OVERALL)]


@pytest.fixture(params=DATABASES)
async def two_stores(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Store, Store]]:
    """Two Stores on one new database, each with its own engine (two processes)."""
    async with database_url(request.param, tmp_path) as url:
        first = await Store.open(url)
        second = await Store.open(url)
        try:
            yield first, second
        finally:
            await first.close()
            await second.close()


def pacers(stores: tuple[Store, Store], time: YieldingTime, **options: float) -> list[Pacer]:
    """A pacer per process, sharing its store's database, all on the one virtual clock."""
    return [
        Pacer(time.clock, time.sleep, shared=PaceSlots(store.engine, time.clock, **options))
        for store in stores
    ]


async def test_two_processes_sending_to_one_chat_keep_its_limit_together(
    two_stores: tuple[Store, Store],
) -> None:
    time = YieldingTime()
    went: list[float] = []

    async def send(pacer: Pacer) -> None:
        async with pacer.slot(CHAT):
            went.append(time.now)
            await asyncio.sleep(0)  # the request: the other process runs meanwhile

    first, second = pacers(two_stores, time)
    await asyncio.gather(*(send(pacer) for _ in range(5) for pacer in (first, second)))

    assert len(went) == 10
    assert most_in_any_window(went, PER_CHAT.seconds) == 1


async def test_the_second_process_waits_for_the_first_ones_send_and_no_longer(
    two_stores: tuple[Store, Store],
) -> None:
    time = YieldingTime()
    first, second = pacers(two_stores, time)
    await first.acquire(CHAT)
    await second.acquire(CHAT)
    assert time.sleeps == pytest.approx([1.1])
    await second.acquire([("telegram:7", PER_CHAT), ("telegram", OVERALL)])  # another chat
    assert time.sleeps == pytest.approx([1.1])  # went at once


async def test_a_send_in_flight_in_one_process_counts_in_the_other_until_it_ends(
    two_stores: tuple[Store, Store],
) -> None:
    time = YieldingTime()
    first, second = pacers(two_stores, time)
    async with first.slot(CHAT):
        assert await second.shared.claim(CHAT) == (pytest.approx(1.1), [])  # type: ignore[union-attr]
        time.now += 0.5  # the request took half a second
    await second.acquire(CHAT)
    assert time.now == pytest.approx(1.6)  # 1.1 s after the first send ended, not began


async def test_a_hold_set_by_one_process_is_obeyed_by_the_other(
    two_stores: tuple[Store, Store],
) -> None:
    time = YieldingTime()
    first, second = pacers(two_stores, time)
    first.hold("telegram:4242", 3.0)  # Telegram told the first one: retry after 3 s
    first.hold("telegram:4242", 1.0)  # a shorter hold never shortens the longer one
    await first.settled()
    await second.acquire([("telegram:7", PER_CHAT), ("telegram", OVERALL)])
    assert time.now == 0  # other chats are not held
    await second.acquire(CHAT)
    assert time.now == pytest.approx(3.0)


async def test_a_process_that_died_mid_send_holds_the_chat_no_longer_than_the_in_flight_limit(
    two_stores: tuple[Store, Store],
) -> None:
    time = StoppingTime()
    first, second = pacers(two_stores, time, in_flight_limit=10.0)
    assert first.shared is not None
    wait, _ = await first.shared.claim(CHAT)  # claimed, never finished: the process died
    assert wait == 0
    await second.acquire(CHAT)
    # an in-flight send counts as now, so the other looks again every 1.1 s until then
    assert 10.0 <= time.now <= 10.0 + PER_CHAT.seconds + 1e-9


class StoppingTime(YieldingTime):
    """Virtual time that fails a test whose pacer would wait for ever."""

    async def sleep(self, seconds: float) -> None:
        if self.now > 60:
            raise AssertionError(f"still waiting at {self.now:.1f} s (virtual)")
        await super().sleep(seconds)


async def test_turns_still_take_their_slots_in_order_within_a_process(
    two_stores: tuple[Store, Store],
) -> None:
    """One shopper's ten queued cards delay another's by one slot, not ten, with the
    slots counted in the database."""
    time = YieldingTime()
    pacer, _ = pacers(two_stores, time)
    inbox = [("slack:C0INBOX0001", Limit(1, 1.1))]
    went: list[tuple[str, float]] = []

    async def post(turn: str) -> None:
        async with pacer.slot(inbox, turn=turn):
            went.append((turn, time.now))
            await asyncio.sleep(0)

    turns = ["conversation:1"] * 10 + ["conversation:2"]
    await asyncio.gather(*[asyncio.create_task(post(turn)) for turn in turns])
    assert [turn for turn, _ in went].index("conversation:2") == 1
    assert most_in_any_window([at for _, at in went], 1.1) == 1


class PacedWorkspace(LocalWorkspace):
    """A workspace that paces its own calls, as Slack's does (``SlackWorkspace.pacer``)."""

    def __init__(self) -> None:
        super().__init__()
        self.pacer = Pacer()


@pytest.mark.parametrize("kind", DATABASES)
async def test_a_desk_paces_through_the_database_only_when_several_processes_can_share_it(
    kind: str, tmp_path: Path
) -> None:
    """On PostgreSQL the desk's pacers (the outbox's, the workspace's) count every
    process's sends; on a SQLite file, one process's alone, they keep to memory (no round
    trip per send)."""
    async with database_url(kind, tmp_path) as url:
        config = replace(Config(), database_url=url, translator="none")
        workspace = PacedWorkspace()
        runtime = Runtime(config, channels=[], workspace=workspace, background=False, desk=DESK)
        async with runtime:
            shared = runtime.pacer.shared
            assert workspace.pacer.shared is shared
    assert (shared is not None) == (kind == "postgresql")


async def test_sends_to_a_chat_written_to_once_are_forgotten_within_the_hour(
    two_stores: tuple[Store, Store],
) -> None:
    """A shopper who wrote once leaves no send behind for ever: the tidy after a later
    claim (any key, any process) deletes it once it is an hour old."""
    time = YieldingTime()
    first, second = pacers(two_stores, time)
    await first.acquire([("telegram:1", PER_CHAT)])
    await first.acquire([("telegram:2", PER_CHAT)])
    assert await sends_stored(two_stores[0]) == 2
    time.now += FORGET_AFTER + 1
    await second.acquire([("telegram:3", PER_CHAT)])
    assert await sends_stored(two_stores[0]) == 1  # the one just made


async def sends_stored(store: Store) -> int:
    async with store.engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(pace_sends)) or 0)
