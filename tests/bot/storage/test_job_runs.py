"""A timed job's run is claimed once (``bot.storage.job_runs``): of two processes on one
database, exactly one gets it; a failed run gives it back; a run left claimed by a crash
is retaken after ten minutes, by one retaker only.

Each test runs on a real SQLite file with two engines on it (two processes) and on
PostgreSQL (each test in a database of its own, from ``tests/bot/storage/databases.py``:
skipped when no server answers, failed under ``CI=true``), where issue 17 runs several
workers on one database.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import Store
from bot.storage.job_runs import JobRuns
from tests.bot.storage.databases import DATABASES, database_url

NOW = datetime(2026, 3, 2, 10, 17, tzinfo=UTC)
M = timedelta(minutes=1)


@pytest.fixture(params=DATABASES)
async def two_processes(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[JobRuns, JobRuns]]:
    """The job runs of two processes on one database (each with its own engine)."""
    async with database_url(request.param, tmp_path) as url:
        first = await Store.open(url)
        second = await Store.open(url)
        try:
            yield first.job_runs, second.job_runs
        finally:
            await first.close()
            await second.close()


async def test_of_two_processes_one_gets_the_run(two_processes: tuple[JobRuns, JobRuns]) -> None:
    first, second = two_processes
    claims = await asyncio.gather(
        first.claim("retention", "2026-03-02T10:00:00Z", NOW),
        second.claim("retention", "2026-03-02T10:00:00Z", NOW),
        first.claim("retention", "2026-03-02T10:00:00Z", NOW),
    )
    [claim] = [c for c in claims if c is not None]
    assert await second.finish(claim, NOW + M)
    assert await first.status("retention", "2026-03-02T10:00:00Z") == "done"
    assert await second.claim("retention", "2026-03-02T10:00:00Z", NOW + 60 * M) is None, "done"
    assert await second.claim("retention", "2026-03-02T11:00:00Z", NOW + 60 * M) is not None


async def test_once_runs_the_work_in_one_process_only(
    two_processes: tuple[JobRuns, JobRuns],
) -> None:
    first, second = two_processes
    ran: list[str] = []

    def work(who: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await asyncio.sleep(0)  # let the other process interleave here
            ran.append(who)

        return run

    results = await asyncio.gather(
        first.once("spikes", "2026-03-02T10:10:00Z", NOW, work("first")),
        second.once("spikes", "2026-03-02T10:10:00Z", NOW, work("second")),
    )
    assert sorted(results) == [False, True]
    assert len(ran) == 1


async def test_a_failed_run_gives_its_slot_back(two_processes: tuple[JobRuns, JobRuns]) -> None:
    first, second = two_processes

    async def fail() -> None:
        raise ConnectionError("slack is down")

    with pytest.raises(ConnectionError):
        await first.once("digest:logistics", "2026-03-02", NOW, fail)
    assert await first.status("digest:logistics", "2026-03-02") is None
    assert await second.claim("digest:logistics", "2026-03-02", NOW + M) is not None


@pytest.mark.parametrize(
    ("claimed_ago", "retaken"),
    [pytest.param(11 * M, True, id="crashed-run-retaken"), pytest.param(5 * M, False, id="busy")],
)
async def test_a_run_left_claimed_by_a_crash_is_retaken_after_ten_minutes_by_one(
    two_processes: tuple[JobRuns, JobRuns], claimed_ago: timedelta, retaken: bool
) -> None:
    first, second = two_processes
    crashed = await first.claim("digest:logistics", "2026-03-02", NOW - claimed_ago)
    assert crashed is not None  # and never finished: the process died
    claims = await asyncio.gather(
        first.claim("digest:logistics", "2026-03-02", NOW),
        second.claim("digest:logistics", "2026-03-02", NOW),
    )
    taken = [c for c in claims if c is not None]
    assert len(taken) == int(retaken)
    if retaken:
        assert not await first.finish(crashed, NOW), "the crashed run no longer holds it"
        assert await second.finish(taken[0], NOW)


async def test_the_last_slot_done_of_each_job(two_processes: tuple[JobRuns, JobRuns]) -> None:
    first, _ = two_processes
    for job, slot in [
        ("digest:logistics", "2026-02-28"),
        ("digest:logistics", "2026-03-01"),
        ("digest:warehouse", "2026-02-27"),
        ("digest_other", "2026-03-05"),  # another job whose name merely starts alike
    ]:
        claim = await first.claim(job, slot, NOW)
        assert claim is not None
        await first.finish(claim, NOW)
    assert await first.claim("digest:warehouse", "2026-03-01", NOW) is not None  # not done
    assert await first.last_done("digest:") == {
        "digest:logistics": "2026-03-01",
        "digest:warehouse": "2026-02-27",
    }
