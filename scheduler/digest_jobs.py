"""Posting each digest exactly once, at each department's hour in its own time zone.

Exactly once rests on the claim every timed job uses (``bot.storage.job_runs``): a
department's digest of a day is the run ``digest:<department>`` of the slot ``<day>``
(ISO), claimed before it is built, marked done once posted:

1. claim the run. Another run — a double fire, a second process — has it: this one stops;
2. build and post the digest;
3. mark the run done.

A crash between 1 and 3 leaves a claim nobody finishes; after ten minutes (far longer
than any digest takes) a run may retake it, and only one retaker wins. The trade-off: a
crash after Slack accepted the post but before step 3 gives a second post once the claim
is retaken; marking first would risk no post at all, and a digest lost is worse than a
digest twice. A post that fails releases its claim, so the next run tries again.

``due_digests`` is a pure function of ``now``: each department's latest due day is the
previous local day once its hour has passed today. The same function serves the cron job
and the catch-up at start, so a process that was down at the hour posts on start::

    await post_due_digests(engine, schedules, datetime.now(UTC), post)  # catch up
    schedule_digests(scheduler, schedules, run=lambda d: post_due_digests(...))
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.calendar.hours import BusinessCalendar, aware_utc
from bot.reports import Report
from bot.storage.job_runs import RETAKE_AFTER, JobRuns
from bot.storage.store import Database
from scheduler.chart import problem_chart, problem_series
from scheduler.digest import DEFAULT_TARGETS, Translate, build_digest
from scheduler.digest_render import render_digest, render_management
from scheduler.management_report import build_management_digest

logger = logging.getLogger(__name__)

# A digest hours late beats none; exactly-once makes a late run harmless.
MISFIRE_GRACE = timedelta(hours=6)
MANAGEMENT = "management"  # gets the store-wide digest
DIGEST_JOB = "digest:"  # and the department: the job its runs are claimed under


@dataclass(frozen=True)
class DepartmentSchedule:
    """When a department gets its digest, and the escalation targets it is judged by."""

    timezone: str
    hour: int = 8
    minute: int = 0
    targets: Mapping[str, timedelta] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    calendar: BusinessCalendar | None = None  # targets in business time when given
    # the agents' names (Slack id -> the desk file's name), for the management digest's
    # line per agent; an agent not named here is shown by the name Slack gave at the click
    agents: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise ValueError(f"digest time {self.hour}:{self.minute:02d} is not a time of day")
        ZoneInfo(self.timezone)  # an unknown zone fails here, at start, not at the hour

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


async def compose_digest(
    engine: Database,
    department: str,
    day: date,
    schedule: DepartmentSchedule,
    *,
    translate: Translate | None = None,
) -> Report:
    """Build, word and chart one digest without posting it (``digest --dry-run``): the
    report a department's channel gets and, unless the day was quiet, its chart."""
    tz = schedule.zone
    if department == MANAGEMENT:
        overview = await build_management_digest(engine, day, tz, names=schedule.agents)
        report, scope = render_management(overview, department), None
    else:
        digest = await build_digest(
            engine, department, day, tz, translate=translate,
            targets=schedule.targets, calendar=schedule.calendar,
        )  # fmt: skip
        report, scope = render_digest(digest), department
    if report.quiet:
        return report
    days, series = await problem_series(engine, scope, day, tz)
    title = f"{'All departments' if scope is None else department.capitalize()}: problems"
    title += f" by type, {days[0]:%d %b} to {days[-1]:%d %b}"
    chart = await asyncio.to_thread(problem_chart, series, days, title)
    return replace(report, chart=chart, chart_name=f"{department}-{day.isoformat()}.png")


async def post_digest_once(
    engine: Database,
    department: str,
    day: date,
    now: datetime,
    post: Callable[[Report], Awaitable[None]],
    *,
    schedule: DepartmentSchedule,
    translate: Translate | None = None,
) -> bool:
    """Post the digest of ``department`` for ``day`` unless it is or is being posted.

    Returns True when this call posted it. An exception from ``post`` releases the claim
    and propagates.
    """
    now = aware_utc(now, "now")
    runs = JobRuns(engine)
    claim = await runs.claim(digest_job(department), day.isoformat(), now)
    if claim is None:
        return False
    try:
        await post(await compose_digest(engine, department, day, schedule, translate=translate))
    except BaseException:
        await runs.release(claim)
        raise
    if not await runs.finish(claim, now):
        logger.warning(
            "digest %s %s took over %s to post and was retaken; it may appear twice",
            department, day, RETAKE_AFTER,
        )  # fmt: skip
    return True


def digest_job(department: str) -> str:
    """The name a department's digest runs are claimed under (``bot.storage.job_runs``)."""
    return f"{DIGEST_JOB}{department}"


def due_digests(
    departments: Mapping[str, DepartmentSchedule],
    now: datetime,
    last_posted: Mapping[str, date],
) -> list[tuple[str, date]]:
    """(department, day) pairs to post at ``now``: the latest due day of each department.

    Once a department's local hour has passed today, yesterday is due; before it, the day
    before yesterday. Only the latest day is caught up: after a week down, seven stale
    digests would bury the one that matters (older ones stay available on the CLI).
    """
    now = aware_utc(now, "now")
    due = []
    for name, schedule in departments.items():
        today = now.astimezone(schedule.zone).date()
        posting = datetime.combine(today, time(schedule.hour, schedule.minute), schedule.zone)
        day = today - timedelta(days=1 if now >= posting else 2)
        last = last_posted.get(name)
        if last is None or last < day:
            due.append((name, day))
    return due


async def last_posted_days(engine: Database) -> dict[str, date]:
    """The latest day each department's digest was posted for."""
    done = await JobRuns(engine).last_done(DIGEST_JOB)
    return {job.removeprefix(DIGEST_JOB): date.fromisoformat(day) for job, day in done.items()}


async def post_due_digests(
    engine: Database,
    departments: Mapping[str, DepartmentSchedule],
    now: datetime,
    post: Callable[[Report], Awaitable[None]],
    *,
    translate: Translate | None = None,
) -> list[tuple[str, date]]:
    """Post whatever is due at ``now``; returns what this call posted. Run it at start."""
    posted = []
    for department, day in due_digests(departments, now, await last_posted_days(engine)):
        schedule = departments[department]
        if await post_digest_once(
            engine, department, day, now, post, schedule=schedule, translate=translate
        ):
            posted.append((department, day))
    return posted


def schedule_digests(
    scheduler: BaseScheduler,
    departments: Mapping[str, DepartmentSchedule],
    run: Callable[[str], Awaitable[None]],
) -> None:
    """One cron job a department, at its hour in its zone, calling ``run(department)``.

    ``coalesce`` turns a backlog of missed fires into one run and ``max_instances=1`` keeps
    a slow run from overlapping the next; neither is needed for correctness (the claim
    is), they just save work.
    """
    for name, schedule in departments.items():
        scheduler.add_job(
            _run_digest,
            CronTrigger(hour=schedule.hour, minute=schedule.minute, timezone=schedule.zone),
            args=(run, name),
            id=f"digest:{name}",
            name=f"{name} digest",
            replace_existing=True,
            misfire_grace_time=int(MISFIRE_GRACE.total_seconds()),
            coalesce=True,
            max_instances=1,
        )


async def _run_digest(run: Callable[[str], Awaitable[None]], department: str) -> None:
    """A coroutine function, so AsyncIOScheduler awaits it on the loop instead of a thread."""
    await run(department)
