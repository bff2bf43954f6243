"""The desk's one scheduler (``bot.jobs``): an order event runs the proactive job at once,
a run claimed by one process is not run again by another, and a job whose run fails
says so and runs again next time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.jobs import Intervals, Jobs
from bot.pacing import Pacer
from bot.runtime import Runtime, platform_adapters
from bot.storage import Store, sqlite_url
from bot.storage.schema import messages
from tests.bot.orders.test_shopify import SECRET
from tests.e2e.harness import (
    STAFF_ID,
    STAFF_NAME,
    Desk,
    always_open,
    desk_config,
    free_port,
)
from tests.e2e.test_shopify import link, order, parcel, post_shopify, when
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.handlers.desk import Clock, LocalDesk, local_desk

DAY = 24 * 3600.0


@asynccontextmanager
async def desk_with(
    db: Path,
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    port: int,
    intervals: Intervals,
) -> AsyncIterator[Desk]:
    """A desk on the fakes, as ``running_desk`` starts it, with its jobs' ``intervals``."""
    slack.add_user(STAFF_ID, STAFF_NAME, "Lee Staff")
    config = desk_config(
        db,
        telegram,
        slack,
        free_port(),
        shopify_webhook_secret=SECRET,
        webhook_listen=("127.0.0.1", port),
        quiet_hours=(0, 0),  # the test runs at any hour
    )
    settings, pacer = always_open(), Pacer()
    channels, workspace = platform_adapters(config, settings, pacer)
    runtime = Runtime(
        config,
        channels=channels,
        workspace=workspace,
        outbox_idle_seconds=0.05,
        desk=settings,
        jobs=False,
        pacer=pacer,
        intervals=intervals,
    )
    async with runtime:
        await asyncio.wait_for(runtime.ready.wait(), 10)
        yield Desk(runtime, telegram, slack, "")


async def test_an_order_event_sends_the_shipped_notice_at_once_not_at_the_next_run(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """The proactive job runs once at start and then only a day later: only the order
    event's "run it now" can send the notice."""
    port = free_port()
    intervals = Intervals(proactive=DAY)
    async with desk_with(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, port, intervals
    ) as desk:
        await post_shopify(port, "orders/paid", order(1042), "paid")
        await link(desk, telegram_api, 1042, cards=1)
        assert not [m for m, _ in telegram_api.calls if m == "sendMessage"]

        shipped = parcel(1042, 4410028851241, "Correos", "PQ4F6P07031ES", created_at=when(-0.1))
        await post_shopify(port, "fulfillments/create", shipped, "ship-1")
        [notice] = await telegram_api.wait_for("sendMessage")
        assert "PQ4F6P07031ES" in notice["text"]


async def _texts(desk: LocalDesk) -> list[str]:
    async with desk.store.engine.connect() as conn:
        return list(await conn.scalars(select(messages.c.text).order_by(messages.c.id)))


@pytest.fixture
async def two_processes(tmp_path: Path) -> AsyncIterator[tuple[LocalDesk, Jobs, Jobs]]:
    """A desk keeping message text 30 days, and the jobs of two processes on its database
    (the second with a store, so an engine, of its own)."""
    async with local_desk(tmp_path, Clock(), retention_days=30) as desk:
        other = await Store.open(sqlite_url(desk.db), migrate_schema=False)
        try:
            yield (
                desk,
                Jobs(desk.runtime.ctx, desk.clock),
                Jobs(replace(desk.runtime.ctx, store=other), desk.clock),
            )
        finally:
            await other.close()


async def test_the_hourly_retention_purge_runs_in_one_process_per_hour(
    two_processes: tuple[LocalDesk, Jobs, Jobs],
) -> None:
    desk, first, second = two_processes
    start = desk.clock.now
    await desk.say("An old question about my blue teapot")
    desk.clock.now = start + timedelta(days=31)
    await asyncio.gather(first.purge(), second.purge())
    assert await _texts(desk) == [""]

    desk.clock.now = start  # a message as old, stored late (an import, a resumed batch)
    await desk.say("Another old question")
    desk.clock.now = start + timedelta(days=31, minutes=20)
    await second.purge()
    assert await _texts(desk) == ["", "Another old question"], "this hour was purged already"
    desk.clock.now += timedelta(hours=1)
    await second.purge()
    assert await _texts(desk) == ["", ""]


async def test_a_failed_run_is_logged_and_the_job_runs_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs: list[int] = []
    ran_again = asyncio.Event()

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            raise ConnectionError("the shop is down")
        ran_again.set()

    async with local_desk(tmp_path) as desk:
        jobs = Jobs(desk.runtime.ctx, desk.clock, reports=False)
        jobs.every("flaky", 0.05, flaky, failed="checking the shop failed")
        await jobs.start()
        try:
            await asyncio.wait_for(ran_again.wait(), 30)
        finally:
            await jobs.stop()
    [failure] = [r for r in caplog.records if r.exc_info]
    assert failure.getMessage() == "checking the shop failed; will try again"
    assert failure.name == "bot.jobs"
