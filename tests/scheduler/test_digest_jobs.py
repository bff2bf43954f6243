"""Digests are posted exactly once: double fires, restarts, concurrent runs, crashes, and a
run missed while the process was down is caught up on start."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.slack_reports import report_message
from bot.reports import Report
from bot.storage.schema import job_runs
from scheduler.digest_jobs import (
    DepartmentSchedule,
    compose_digest,
    due_digests,
    post_digest_once,
    post_due_digests,
    schedule_digests,
)
from tests.scheduler.test_digest import DAY, Shop, fill_logistics_week, tokyo

TOKYO_8 = DepartmentSchedule("Asia/Tokyo", hour=8)
BERLIN_7 = DepartmentSchedule("Europe/Berlin", hour=7, minute=30)
SCHEDULES = {"logistics": TOKYO_8, "warehouse": BERLIN_7}
NOW = tokyo(3, 9)  # Tuesday 09:00 in Tokyo: Monday's digest is due
M = timedelta(minutes=1)


class Channel:
    """Stands in for the Slack poster: records what it is given, fails when told to."""

    def __init__(self) -> None:
        self.posted: list[Report] = []
        self.fail = False

    async def post(self, message: Report) -> None:
        await asyncio.sleep(0)  # let concurrent runs interleave here
        if self.fail:
            raise ConnectionError("slack is down")
        self.posted.append(message)


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[Shop]:
    async with Shop.opened(tmp_path / "x.sqlite3") as opened:
        yield opened


async def once(engine: AsyncEngine, channel: Channel, now: datetime = NOW) -> bool:
    return await post_digest_once(engine, "logistics", DAY, now, channel.post, schedule=TOKYO_8)


async def rows(engine: AsyncEngine) -> list[tuple[str, str, str]]:
    """The digest runs claimed (``bot.storage.job_runs``): job, slot (the day) and status."""
    async with engine.connect() as conn:
        query = select(job_runs.c.job, job_runs.c.slot, job_runs.c.status)
        return [tuple(row) for row in await conn.execute(query)]  # type: ignore[misc]


async def test_posted_once_despite_a_double_fire(shop: Shop) -> None:
    await fill_logistics_week(shop)
    channel = Channel()
    assert await once(shop.engine, channel)
    assert not await once(shop.engine, channel)
    [message] = channel.posted
    assert (message.department, message.day, message.quiet) == ("logistics", DAY, False)
    notification, blocks = report_message(message)
    assert "delivery delay: 6" in message.text and blocks and blocks[0]["type"] == "header"
    assert notification == "Logistics digest, Mon 2 Mar 2026 (Asia/Tokyo)"
    assert message.chart is not None and message.chart.startswith(b"\x89PNG")
    assert message.chart_name == "logistics-2026-03-02.png"
    assert await rows(shop.engine) == [("digest:logistics", DAY.isoformat(), "done")]


async def test_posted_once_across_a_restart(shop: Shop, tmp_path: Path) -> None:
    channel = Channel()
    assert await once(shop.engine, channel)
    async with Shop.opened(tmp_path / "x.sqlite3") as restarted:
        assert not await once(restarted.engine, channel, NOW + 60 * M)
    assert len(channel.posted) == 1


async def test_concurrent_runs_post_once(shop: Shop, tmp_path: Path) -> None:
    channel = Channel()
    async with Shop.opened(tmp_path / "x.sqlite3") as other_process:
        results = await asyncio.gather(
            once(shop.engine, channel),
            once(shop.engine, channel),
            once(other_process.engine, channel),
        )
    assert sorted(results) == [False, False, True]
    assert len(channel.posted) == 1


@pytest.mark.parametrize(
    ("claimed_ago", "retaken"),
    [pytest.param(11 * M, True, id="crashed-run-retaken"), pytest.param(5 * M, False, id="busy")],
)
async def test_a_claim_left_by_a_crash_is_retaken_after_ten_minutes(
    shop: Shop, claimed_ago: timedelta, retaken: bool
) -> None:
    async with shop.engine.begin() as conn:
        await conn.execute(
            insert(job_runs).values(
                job="digest:logistics",
                slot=DAY.isoformat(),
                status="claimed",
                claimed_at=NOW - claimed_ago,
            )
        )
    channel = Channel()
    results = await asyncio.gather(once(shop.engine, channel), once(shop.engine, channel))
    assert sorted(results) == [False, retaken]
    assert len(channel.posted) == int(retaken)
    status = "done" if retaken else "claimed"
    assert await rows(shop.engine) == [("digest:logistics", DAY.isoformat(), status)]


async def test_a_failed_post_releases_the_claim(shop: Shop) -> None:
    channel = Channel()
    channel.fail = True
    with pytest.raises(ConnectionError):
        await once(shop.engine, channel)
    assert await rows(shop.engine) == []
    channel.fail = False
    assert await once(shop.engine, channel)
    assert len(channel.posted) == 1


@pytest.mark.parametrize(
    ("now", "last_posted", "expected"),
    [
        pytest.param(tokyo(3, 7, 59), {}, [("logistics", date(2026, 3, 1))], id="before-hour"),
        pytest.param(tokyo(3, 8), {}, [("logistics", DAY)], id="at-the-hour"),
        pytest.param(tokyo(3, 8), {"logistics": DAY}, [], id="already-posted"),
        pytest.param(
            tokyo(3, 7), {"logistics": date(2026, 3, 1)}, [], id="yesterdays-not-due-yet"
        ),
        pytest.param(
            tokyo(9, 12), {"logistics": date(2026, 2, 20)}, [("logistics", date(2026, 3, 8))],
            id="after-a-week-down-only-the-latest",
        ),
    ],
)  # fmt: skip
def test_due_digests(
    now: datetime, last_posted: dict[str, date], expected: list[tuple[str, date]]
) -> None:
    assert due_digests({"logistics": TOKYO_8}, now, last_posted) == expected


def test_due_digests_keeps_each_departments_own_clock() -> None:
    # Monday 23:00 UTC is Tuesday 08:00 in Tokyo but Tuesday 00:00 in Berlin.
    now = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    assert due_digests(SCHEDULES, now, {}) == [
        ("logistics", DAY),
        ("warehouse", date(2026, 3, 1)),
    ]


async def test_a_run_missed_while_down_is_caught_up_on_start(shop: Shop) -> None:
    await fill_logistics_week(shop)
    async with shop.engine.begin() as conn:  # the last run before the process went down
        await conn.execute(
            insert(job_runs).values(
                job="digest:logistics", slot="2026-03-01", status="done",
                claimed_at=tokyo(2, 8), done_at=tokyo(2, 8),
            )
        )  # fmt: skip
    channel = Channel()
    start = tokyo(3, 14)  # back up at 14:00 Tokyo, 06:00 Berlin: warehouse not due yet today
    posted = await post_due_digests(shop.engine, SCHEDULES, start, channel.post)
    assert posted == [("logistics", DAY), ("warehouse", date(2026, 3, 1))]
    assert [(m.department, m.day) for m in channel.posted] == posted
    assert await post_due_digests(shop.engine, SCHEDULES, start + 5 * M, channel.post) == []


async def test_quiet_and_management_digests(shop: Shop) -> None:
    await fill_logistics_week(shop)
    quiet = await compose_digest(shop.engine, "purchasing", DAY, TOKYO_8)
    assert quiet.quiet and quiet.chart is None and "\n" not in quiet.text
    overview = await compose_digest(shop.engine, "management", DAY, TOKYO_8)
    assert overview.text.startswith("Management digest, Mon 2 Mar 2026 (Asia/Tokyo)")
    assert "logistics / delivery delay: 6" in overview.text
    assert overview.chart is not None and overview.chart.startswith(b"\x89PNG")


async def test_cron_jobs_fire_at_each_departments_hour() -> None:
    scheduler = AsyncIOScheduler(timezone=UTC)
    called: list[str] = []

    async def run(department: str) -> None:
        called.append(department)

    schedule_digests(scheduler, SCHEDULES, run)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"digest:logistics", "digest:warehouse"}
    after = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    fires = {k: job.trigger.get_next_fire_time(None, after) for k, job in jobs.items()}
    assert fires["digest:logistics"] == tokyo(4, 8)
    assert fires["digest:warehouse"] == datetime(2026, 3, 3, 6, 30, tzinfo=UTC)  # 07:30 CET
    for job in jobs.values():
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 6 * 3600)
        await job.func(*job.args)
    assert sorted(called) == ["logistics", "warehouse"]


def test_a_bad_schedule_fails_at_start() -> None:
    with pytest.raises(ValueError, match="not a time of day"):
        DepartmentSchedule("Europe/Berlin", hour=24)
    with pytest.raises(Exception, match="Mars/Olympus"):
        DepartmentSchedule("Mars/Olympus")
