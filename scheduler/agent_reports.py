"""The weekly team report: every Monday, to management's channel, each agent's figures
for the week before (Monday to Sunday in the management digest's zone), the suggested
answers rewritten most and by whom (the templates that need work), and a chart of the
cards each agent handled each day.

The run is claimed like a digest (``bot.storage.job_runs``: ``weekly:team`` of the week's
Monday), so a double fire, the catch-up at start or a second process posts it once. The
agents' daily work logs are posted to each of them by ``handlers.agents.daily``; both are
scheduled here, at the management digest's hour::

    await post_weekly_report(engine, now, post, zone=tz, names={"U0LENA0001": "Lena"})
    schedule_agent_reports(scheduler, tz, 8, 0, work_logs=..., weekly=...)
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.calendar.hours import aware_utc
from bot.reports import Report, ReportPart
from bot.storage.agent_figures import figures_line
from bot.storage.job_runs import JobRuns
from bot.storage.store import Database, Store
from scheduler.chart import problem_chart
from scheduler.report_counts import day_window

logger = logging.getLogger(__name__)

WEEKLY_JOB = "weekly:team"
WEEKLY_TO = "management"  # the department whose channel gets the weekly report
MAX_TEMPLATES = 10
MISFIRE_GRACE = timedelta(hours=6)

type Post = Callable[[Report], Awaitable[object]]


def week_of(now: datetime, zone: ZoneInfo) -> date:
    """The Monday of the last whole week (Monday to Sunday in ``zone``) before ``now``."""
    today = aware_utc(now, "now").astimezone(zone).date()
    return today - timedelta(days=today.weekday() + 7)


async def compose_weekly_report(
    engine: Database, monday: date, zone: ZoneInfo, *, names: Mapping[str, str]
) -> Report:
    """The team's week from ``monday``: a line per agent, the templates rewritten most and
    by whom, and a chart of the cards each agent handled each day."""
    days = [monday + timedelta(days=n) for n in range(7)]
    start, end = day_window(days[0], zone)[0], day_window(days[-1], zone)[1]
    team = await Store(engine).agents_between(start, end, names=names)
    title = f"Team week, {days[0]:%a %d %b} to {days[-1]:%a %d %b %Y} ({zone.key})"
    if not any(not f.idle for f in team):
        summary = "no cards handled, no ratings."
        return Report(WEEKLY_TO, title, summary=summary, day=monday)
    handled = sum(f.handled for f in team)
    parts = [ReportPart(f"Agents: {handled} cards handled", tuple(figures_line(f) for f in team))]
    rewritten: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    by_whom: defaultdict[str, list[str]] = defaultdict(list)
    for figures in team:
        for use in figures.templates:
            decided[use.intent] += use.decided
            if use.rewritten:
                rewritten[use.intent] += use.rewritten
                by_whom[use.intent].append(f"{figures.name} {use.rewritten}/{use.decided}")
    worst = sorted(rewritten, key=lambda i: (-rewritten[i] / decided[i], -rewritten[i], i))
    templates = [
        f"{intent}: {rewritten[intent]} of {decided[intent]} rewritten "
        f"({rewritten[intent] / decided[intent]:.0%}; {', '.join(by_whom[intent])})"
        for intent in worst[:MAX_TEMPLATES]
    ]
    parts.append(
        ReportPart(
            "Suggested answers rewritten most (the templates that need work)",
            tuple(templates) or ("none: every suggestion sent was sent as is",),
        )
    )
    series: dict[str, list[int]] = {}
    index = {day: n for n, day in enumerate(days)}
    for figures in team:
        counts = series.setdefault(figures.name, [0] * 7)
        for decision in figures.decisions:
            counts[index[decision.decided_at.astimezone(zone).date()]] += 1
    chart_title = f"Cards handled per agent, {days[0]:%d %b} to {days[-1]:%d %b}"
    chart = await asyncio.to_thread(
        problem_chart, series, days, chart_title, empty="no cards handled"
    )
    report = Report(WEEKLY_TO, title, tuple(parts), day=monday)
    return replace(report, chart=chart, chart_name=f"team-week-{monday.isoformat()}.png")


async def post_weekly_report(
    engine: Database, now: datetime, post: Post, *, zone: ZoneInfo, names: Mapping[str, str]
) -> bool:
    """Post the report of the last whole week unless it is (or is being) posted."""
    now = aware_utc(now, "now")
    monday = week_of(now, zone)

    async def compose_and_post() -> None:
        await post(await compose_weekly_report(engine, monday, zone, names=names))

    return await JobRuns(engine).once(WEEKLY_JOB, monday.isoformat(), now, compose_and_post)


def schedule_agent_reports(
    scheduler: BaseScheduler,
    zone: ZoneInfo,
    hour: int,
    minute: int,
    *,
    work_logs: Callable[[], Awaitable[None]],
    weekly: Callable[[], Awaitable[None]],
) -> None:
    """The work logs every day and the weekly report every Monday, at ``hour:minute`` in
    ``zone`` (the management digest's time)."""
    for job_id, run, days in (("worklogs", work_logs, "*"), ("weekly", weekly, "mon")):
        scheduler.add_job(
            _run,
            CronTrigger(day_of_week=days, hour=hour, minute=minute, timezone=zone),
            args=(run,),
            id=job_id,
            name=job_id,
            replace_existing=True,
            misfire_grace_time=int(MISFIRE_GRACE.total_seconds()),
            coalesce=True,
            max_instances=1,
        )


async def _run(run: Callable[[], Awaitable[None]]) -> None:
    """A coroutine function, so AsyncIOScheduler awaits it on the loop."""
    await run()
