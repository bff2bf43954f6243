"""Timed jobs of a running desk, on APScheduler 3: daily digests and spike alerts.

Digests go out at each department's hour in its own time zone, exactly once per
department and day (claimed in the database); a digest missed while the process was down
is caught up at start. Spike alerts are checked every 10 minutes and raised once per spike.

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
from scheduler.digest_jobs import (
    DepartmentSchedule,
    DigestMessage,
    post_due_digests,
    schedule_digests,
)
from scheduler.digest_render import render_spike
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


async def post_digest(workspace: StaffWorkspace, message: DigestMessage) -> None:
    """A digest and its chart in the department's channel."""
    ref = await workspace.post_report(
        message.department,
        message.notification,
        message.blocks,
        message.chart,
        message.chart_name,
    )
    if ref is None:
        logger.info("no channel for %s: see `borderdesk digest`", message.department)


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
        except Exception:
            logger.exception("posting digests failed; the next run tries again")
            return
        for department, day in posted:
            logger.info("digest for %s on %s posted", department, day)

    async def post_digest(self, message: DigestMessage) -> None:
        await post_digest(self.ctx.workspace, message)

    async def check_spikes(self) -> int:
        """Raise each new spike once in its department's channel."""
        raised = 0
        for spike in await new_spikes(self.ctx.store.engine, self.clock()):
            await self.ctx.workspace.post_report(spike.department, render_spike(spike))
            raised += 1
        return raised

    async def translate(self, text: str, source: str) -> str | None:
        """Shopper quotes in the digest, in the staff language (None: keep the original)."""
        result = await self.ctx.translator.translate(
            text, source=source, target=self.ctx.staff_language
        )
        return result.text if result.ok else None
