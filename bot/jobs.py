"""All timed work of a running desk, on one APScheduler 3 scheduler.

The job table:

==================  ====================================  ============================
job                 when                                  claimed once (job_runs)?
==================  ====================================  ============================
``resume``          every 30 s (``Intervals.resume``)     no: claims each message
``reminders``       every minute                          no: claims each reminder
``proactive``       every minute, and at once on an       no: each notice is keyed
                    order event (``run_now``)             in the outbox
``retention``       hourly, when retention is set         yes: per hour
``examples``        every 5 s (BORDERDESK_EXAMPLES_       no: each process learns for
                    INTERVAL), given the examples' feed   itself
``digest:<dept>``   the department's hour, in its zone    yes: per department and day
``spikes``          every 10 minutes                      yes: per 10 minutes
``database watch``  every 2 s (added by the runtime)      no: this process's own file
==================  ====================================  ============================

Why each does or does not claim its run is in ``bot.jobs_periodic`` (the periodic jobs)
and ``scheduler.digest_jobs`` (digests); the claim itself is ``bot.storage.job_runs``.
Spike alerts claim each 10-minute slot because their "one event, one alert" rule reads
the alerts already raised before writing one: two processes checking at once could each
raise half of one event.

Every interval job runs at once when the desk starts, then every so often; a run never
overlaps the one before (``max_instances=1``), fires missed while the loop was busy make
one run (``coalesce``), and a late run is never skipped (no misfire grace limit: each run
does all that is due, so late beats never). A run that fails is logged and the job runs
again next time. Digests go out at each department's hour in its own time zone; a digest
missed while the process was down is caught up at start.

Once the desk's SQLite file is lost (deleted, replaced, or a backup copied over it), the
runtime pauses the jobs: what they send could not be recorded (so it would be sent again
from the right file), and a report computed from a file that is not the desk's must not
be posted. A run already going finds out at its next database step (``DatabaseLost``) or
right before it posts, and stops without a traceback; the runtime has said why, once. A
digest that fell due meanwhile is caught up when the desk starts again on the right file.

    jobs = Jobs(ctx, clock, intervals=Intervals())
    await jobs.start()      # schedules, and catches up on a missed digest
    jobs.run_now(PROACTIVE) # an order event: proactive notices now, not in a minute
    await jobs.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.channels.base import StaffWorkspace
from bot.context import Context
from bot.desk import Desk
from bot.jobs_periodic import (
    EXAMPLES,
    PROACTIVE,
    REMINDERS,
    RESUME,
    RETENTION,
    Intervals,
    learn_elsewhere,
    resume,
    retention,
)
from bot.jobs_periodic import slot as run_slot
from bot.reports import Report
from bot.storage.examples import ExampleFeed
from bot.storage.file_guard import DatabaseLost
from handlers.agents import post_work_logs
from handlers.proactive import send_proactive
from handlers.reminders import send_reminders
from scheduler.agent_reports import post_weekly_report, schedule_agent_reports
from scheduler.digest_jobs import (
    MANAGEMENT,
    DepartmentSchedule,
    post_due_digests,
    schedule_digests,
)
from scheduler.spike_report import spike_report
from scheduler.spikes import new_spikes

logger = logging.getLogger(__name__)

SPIKES = "spikes"

__all__ = ["PROACTIVE", "Intervals", "Jobs", "digest_schedules", "post_digest"]


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
            agents={agent.user_id: agent.name for agent in desk.agents},
        )
        for name, department in desk.departments.items()
    }


async def post_digest(workspace: StaffWorkspace, report: Report) -> None:
    """A digest and its chart in the department's channel."""
    if await workspace.post(report) is None:
        logger.info("no channel for %s: see `borderdesk digest`", report.department)


class Jobs:
    """Owns the desk's one scheduler; every job reads the time from the desk's clock.

    ``reports`` adds the digests and spike alerts (tests of other things leave them out).
    ``examples``: the feed of the examples other processes' staff decisions store
    (``Store.staff_example_feed``), learned every ``Intervals.examples`` seconds.
    """

    def __init__(
        self,
        ctx: Context,
        clock: Callable[[], datetime],
        *,
        intervals: Intervals | None = None,
        reports: bool = True,
        examples: ExampleFeed | None = None,
    ) -> None:
        self.ctx = ctx
        self.examples = examples
        self.clock = clock
        self.intervals = intervals or Intervals()
        self.reports = reports
        self.schedules = digest_schedules(ctx.desk)
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self.scheduler.add_listener(self._skipped, EVENT_JOB_MAX_INSTANCES)
        self._catch_up: asyncio.Task[None] | None = None
        self._running: defaultdict[str, set[asyncio.Task[object]]] = defaultdict(set)
        self._again: set[str] = set()  # asked for while running: run once more after
        self._nudged: set[str] = set()  # asked for, not started yet
        self._keep_running: set[str] = set()  # not paused when the file is lost
        self._paused = False
        self._stopping = False

    def every(
        self,
        name: str,
        seconds: float,
        run: Callable[[], Awaitable[object]],
        *,
        failed: str,
        keep_running: bool = False,
    ) -> None:
        """Run ``run`` at once, then every ``seconds``; ``failed`` is what the log says
        when a run raises (the job runs again next time). ``keep_running``: not paused
        when the database file is lost (the runtime's watch of that file)."""
        self.scheduler.add_job(
            self._run,
            IntervalTrigger(seconds=seconds),
            args=(name, run, failed),
            id=name,
            name=name,
            next_run_time=datetime.now(UTC),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        if keep_running:
            self._keep_running.add(name)

    async def start(self) -> None:
        every = self.intervals
        self.every(RESUME, every.resume, self.resume, failed="resuming stored messages failed")
        self.every(
            REMINDERS, every.reminders, self.send_reminders, failed="sending reminders failed"
        )
        self.every(
            PROACTIVE, every.proactive, self.send_proactive, failed="proactive messages failed"
        )
        if self.ctx.config.retention_days > 0:
            self.every(RETENTION, every.retention, self.purge, failed="retention purge failed")
        if self.examples is not None:
            self.every(
                EXAMPLES,
                every.examples,
                self.learn_elsewhere,
                failed="learning the examples taught in other processes failed",
            )
        if self.reports:
            schedule_digests(self.scheduler, self.schedules, self.run_digest)
            when = self.schedules.get(MANAGEMENT)
            schedule_agent_reports(
                self.scheduler,
                self.agent_zone,
                when.hour if when else 8,
                when.minute if when else 0,
                work_logs=self.run_work_logs,
                weekly=self.run_weekly_report,
            )
            self.scheduler.add_job(
                self.check_spikes,
                IntervalTrigger(seconds=every.spikes),
                id=SPIKES,
                coalesce=True,
                max_instances=1,
            )
        self.scheduler.start()
        if self.reports:
            self._catch_up = asyncio.create_task(self._catch_up_reports(), name="digest catch-up")

    def run_now(self, name: str) -> None:
        """Run a job now instead of at its next time (an order event: proactive notices
        at once). Asked while it runs, it runs once more as soon as that run ends, as
        the run going may have read the database before what asked for it was stored."""
        if self._paused or self.scheduler.get_job(name) is None:
            return
        if self._running[name]:
            self._again.add(name)
            return
        self._nudged.add(name)
        self.scheduler.modify_job(name, next_run_time=datetime.now(UTC))

    def stop_job(self, name: str) -> None:
        """Take a job off the scheduler for good (a run going ends on its own)."""
        if self.scheduler.get_job(name) is not None:
            self.scheduler.remove_job(name)

    def pause(self) -> None:
        """No job starts any more (the database file is lost), and the runs of the
        periodic jobs going now are cancelled; say so once."""
        self._paused = True
        for job in self.scheduler.get_jobs():
            if job.id not in self._keep_running:
                job.pause()
        for name in (RESUME, REMINDERS, PROACTIVE, RETENTION, EXAMPLES):
            for task in self._running[name]:
                task.cancel()
        if self._catch_up is not None:
            self._catch_up.cancel()
        if self.reports:
            logger.warning(
                "digests and spike alerts are paused until borderdesk restarts on the right "
                "database file; a digest due meanwhile is posted then"
            )

    async def stop(self) -> None:
        """Stop the scheduler and wait for the runs it cancels, so none is left using the
        store the runtime closes next."""
        self._stopping = True
        if self._catch_up is not None:
            self._catch_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._catch_up
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)  # cancels the runs going
        going = [task for tasks in self._running.values() for task in tasks]
        for task in going:
            task.cancel()
        await asyncio.gather(*going, return_exceptions=True)

    async def _run(self, name: str, run: Callable[[], Awaitable[object]], failed: str) -> None:
        """One run of an interval job, and once more each time ``run_now`` asked meanwhile.
        A lost database file ends it quietly (the runtime says it, once, and pauses the
        jobs), as does a cancellation by ``pause`` or ``stop``; anything else is logged,
        and the job runs again next time."""
        task: asyncio.Task[object] = asyncio.current_task()  # type: ignore[assignment]
        self._running[name].add(task)
        self._nudged.discard(name)
        try:
            while True:
                self._again.discard(name)
                try:
                    await run()
                except DatabaseLost:
                    return
                except asyncio.CancelledError:
                    if self._paused or self._stopping:
                        return  # ours: no "job raised an exception" from the scheduler
                    raise
                except Exception:
                    logger.exception("%s; will try again", failed)
                if name not in self._again or self._paused:
                    return
        finally:
            self._running[name].discard(task)

    def _skipped(self, event: JobExecutionEvent) -> None:
        """A run asked for by ``run_now`` found the previous one still counted as running
        (it had just ended): ask again, so the request is not lost."""
        if event.job_id in self._nudged:
            self._nudged.discard(event.job_id)
            asyncio.get_running_loop().call_soon(self.run_now, event.job_id)

    async def resume(self) -> None:
        """Messages left unprocessed, and floods whose pause is over."""
        resumed = await resume(self.ctx)
        if resumed:
            logger.info("resumed %d stored message(s)", resumed)

    async def send_reminders(self) -> None:
        await send_reminders(self.ctx, self.clock())

    async def send_proactive(self) -> None:
        queued = await send_proactive(self.ctx, self.clock())
        if queued:
            logger.info("queued %d proactive message(s)", queued)

    async def purge(self) -> None:
        """Message text past retention, once an hour across all processes."""
        purged = await retention(self.ctx, self.clock(), self.intervals.retention)
        if purged:
            logger.info("erased the text of %d message(s) past retention", purged)

    async def learn_elsewhere(self) -> None:
        """Examples other processes' staff decisions taught, learned by this engine."""
        assert self.examples is not None  # the job runs only with a feed
        learned = await learn_elsewhere(self.ctx, self.examples)
        if learned:
            logger.info("learned %d example(s) taught in other processes", learned)

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

    async def _catch_up_reports(self) -> None:
        """At start: the digests, work logs and weekly report due while the desk was down."""
        await self._post_due()
        await self.run_work_logs()
        await self.run_weekly_report()

    @property
    def agent_zone(self) -> ZoneInfo:
        """The zone of the agents' reports: the management digest's, else support's."""
        when = self.schedules.get(MANAGEMENT)
        return when.zone if when else ZoneInfo(self.ctx.desk.calendar.timezone)

    async def run_work_logs(self) -> None:
        """Each agent's work log of the day before, to them (``handlers.agents.daily``)."""
        try:
            posted = await post_work_logs(
                self.ctx.store, self.ctx.desk.agents, self.clock(), self.post_report,
                zone=self.agent_zone,
            )  # fmt: skip
        except DatabaseLost:
            return
        except Exception:
            logger.exception("posting work logs failed; the next run tries again")
            return
        if posted:
            logger.info("work logs posted to %d agent(s)", len(posted))

    async def run_weekly_report(self) -> None:
        """The team's last whole week, to management (``scheduler.agent_reports``)."""
        names = {agent.user_id: agent.name for agent in self.ctx.desk.agents}
        try:
            posted = await post_weekly_report(
                self.ctx.store.engine, self.clock(), self.post_report,
                zone=self.agent_zone, names=names,
            )  # fmt: skip
        except DatabaseLost:
            return
        except Exception:
            logger.exception("posting the weekly team report failed; the next run tries again")
            return
        if posted:
            logger.info("weekly team report posted")

    async def post_report(self, report: Report) -> None:
        """A work log to its agent, or the weekly report to management's channel."""
        self.ctx.store.check_file()
        if await self.ctx.workspace.post(report) is None:
            logger.info("%s not posted: management has no channel", report.title)

    async def post_digest(self, report: Report) -> None:
        self.ctx.store.check_file()  # composing took a while: still the desk's file?
        await post_digest(self.ctx.workspace, report)

    async def check_spikes(self) -> int:
        """Raise each new spike once in its department's channel; the check of a
        10-minute slot runs in one process only (see the module's docstring)."""
        raised = 0

        async def raise_new() -> None:
            nonlocal raised
            for spike in await new_spikes(self.ctx.store.engine, now):
                self.ctx.store.check_file()
                await self.ctx.workspace.post(spike_report(spike))
                raised += 1

        now = self.clock()
        try:
            await self.ctx.store.job_runs.once(
                SPIKES, run_slot(now, self.intervals.spikes), now, raise_new
            )
        except DatabaseLost:
            pass  # paused: nothing raised from a file that is not the desk's
        return raised

    async def translate(self, text: str, source: str) -> str | None:
        """Shopper quotes in the digest, in the staff language (None: keep the original)."""
        result = await self.ctx.translator.translate(
            text, source=source, target=self.ctx.staff_language
        )
        return result.text if result.ok else None
