"""Timed jobs of a running desk, on APScheduler 3: daily digests and spike alerts.

Digests go out at each department's hour in its own time zone, exactly once per
department and day (claimed in the database); a digest missed while the process was down
is caught up at start. Spike alerts are checked every 10 minutes and raised once per spike.

Once the desk's SQLite file is lost (deleted, replaced, or a backup copied over it), the
runtime pauses the jobs: a report computed from a file that is not the desk's must not be
posted, and a digest claimed in it would be marked done in the wrong file. A job already
running finds out at its next database step (``DatabaseLost``) or right before it posts,
and stops without a traceback; the runtime has said why, once. A digest that fell due
meanwhile is caught up when the desk starts again on the right file.

    jobs = Jobs(ctx, clock)
    await jobs.start()      # schedules, and catches up on a missed digest
    await jobs.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.channels.base import StaffWorkspace
from bot.context import Context
from bot.desk import Desk
from bot.reports import Report
from bot.storage.file_guard import DatabaseLost
from scheduler.digest_jobs import DepartmentSchedule, post_due_digests, schedule_digests
from scheduler.spike_report import spike_report
from scheduler.spikes import new_spikes

logger = logging.getLogger(__name__)

SPIKE_CHECK_MINUTES = 10


def digest_schedules(desk: Desk) -> dict[str, DepartmentSchedule]:
    """Each department's digest time and targets, from the desk file."""
    return {
        name: DepartmentSchedule(
            department.calendar.timezone,
            department.digest_hour,
            targets={
                "acknowledge": department.acknowledge_within,
                "resolve": department.resolve_within,
            },
            calendar=department.calendar,
        )
        for name, department in desk.departments.items()
    }


async def post_digest(workspace: StaffWorkspace, report: Report) -> None:
    """A digest and its chart in the department's channel."""
    if await workspace.post(report) is None:
        logger.info("no channel for %s: see `borderdesk digest`", report.department)


class Jobs:
    """Owns the scheduler; every job reads the time from the desk's clock."""

    def __init__(self, ctx: Context, clock: Callable[[], datetime]) -> None:
        self.ctx = ctx
        self.clock = clock
        self.schedules = digest_schedules(ctx.desk)
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self._catch_up: asyncio.Task[None] | None = None

    async def start(self) -> None:
        schedule_digests(self.scheduler, self.schedules, self.run_digest)
        self.scheduler.add_job(
            self.check_spikes,
            IntervalTrigger(minutes=SPIKE_CHECK_MINUTES),
            id="spikes",
            coalesce=True,
            max_instances=1,
        )
        self.scheduler.start()
        self._catch_up = asyncio.create_task(self._post_due(), name="digest catch-up")

    def pause(self) -> None:
        """No job starts any more (the database file is lost); say so once."""
        if self.scheduler.running:
            self.scheduler.pause()
        if self._catch_up is not None:
            self._catch_up.cancel()
        logger.warning(
            "digests and spike alerts are paused until borderdesk restarts on the right "
            "database file; a digest due meanwhile is posted then"
        )

    async def stop(self) -> None:
        if self._catch_up is not None:
            self._catch_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._catch_up
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def run_digest(self, department: str) -> None:
        await self._post_due({department: self.schedules[department]})

    async def _post_due(self, schedules: dict[str, DepartmentSchedule] | None = None) -> None:
        try:
            posted = await post_due_digests(
                self.ctx.store.engine,
                schedules or self.schedules,
                self.clock(),
                self.post_digest,
                translate=self.translate,
            )
        except DatabaseLost:
            return  # paused: nothing posted from a file that is not the desk's
        except Exception:
            logger.exception("posting digests failed; the next run tries again")
            return
        for department, day in posted:
            logger.info("digest for %s on %s posted", department, day)

    async def post_digest(self, report: Report) -> None:
        self.ctx.store.check_file()  # composing took a while: still the desk's file?
        await post_digest(self.ctx.workspace, report)

    async def check_spikes(self) -> int:
        """Raise each new spike once in its department's channel."""
        raised = 0
        try:
            for spike in await new_spikes(self.ctx.store.engine, self.clock()):
                self.ctx.store.check_file()
                await self.ctx.workspace.post(spike_report(spike))
                raised += 1
        except DatabaseLost:
            pass  # paused: nothing raised from a file that is not the desk's
        return raised

    async def translate(self, text: str, source: str) -> str | None:
        """Shopper quotes in the digest, in the staff language (None: keep the original)."""
        result = await self.ctx.translator.translate(
            text, source=source, target=self.ctx.staff_language
        )
        return result.text if result.ok else None
