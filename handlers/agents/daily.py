"""Each agent's work log of the day before, posted to them once every morning.

An agent of the desk file's ``agents:`` counts their day from midnight to midnight in
their own zone; someone who decided cards without being listed there, in the zone given
(the management digest's). Whoever had nothing that day (nothing handled, no rating,
nothing open with them) gets nothing. Each agent's log of a day is a run claimed like a
digest (``bot.storage.job_runs``: ``worklog:<agent id>`` of the day), so a double fire,
the catch-up at start and a second process post it once::

    posted = await post_work_logs(store, desk.agents, now, workspace.post, zone=tz)
    report = await compose_work_log(store, "U0LENA0001", date(2026, 12, 7), tz, now)
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.hours import aware_utc
from bot.calendar.shifts import Agent
from bot.calendar.spans import day_window
from bot.errors import ChannelError
from bot.reports import Report
from bot.storage.store import Store
from handlers.agents.work_log import day_title, work_log

logger = logging.getLogger(__name__)

WORK_LOG_JOB = "worklog:"  # and the agent's id


async def compose_work_log(
    store: Store,
    agent_id: str,
    day: date,
    tz: ZoneInfo,
    now: datetime,
    *,
    names: Mapping[str, str] | None = None,
    upto: datetime | None = None,
    what: str = "Your day",
) -> Report:
    """One agent's log of local ``day`` in ``tz`` (up to ``upto`` when given: the day so
    far), with what is open with them at ``now``."""
    start, end = day_window(day, tz)
    figures = await store.agents_between(start, upto or end, names=names, agent_id=agent_id)
    mine = figures[0] if figures else None
    name = mine.name if mine else (names or {}).get(agent_id, agent_id)
    return work_log(
        mine,
        await store.open_with([agent_id]),
        agent_id=agent_id,
        name=name,
        title=day_title(what, day, tz),
        now=now,
        tz=tz,
        day=day,
    )


async def post_work_logs(
    store: Store,
    agents: Sequence[Agent],
    now: datetime,
    post: Callable[[Report], Awaitable[object]],
    *,
    zone: ZoneInfo,
) -> list[str]:
    """Post each agent's log of the day before their local today, unless it is (or is
    being) posted; returns the ids of the agents this call posted to. A log the workspace
    could not deliver (``ChannelError``: a person it cannot reach) is logged and left for
    the next run, and the others go on; any other exception from ``post`` releases that
    agent's claim and propagates."""
    now = aware_utc(now, "now")
    zones = {agent.user_id: ZoneInfo(agent.calendar.timezone) for agent in agents}
    names = {agent.user_id: agent.name for agent in agents}
    days = {tz.key: now.astimezone(tz).date() - timedelta(days=1) for tz in {zone, *zones.values()}}
    # whoever worked in the widest window any of those days spans (the figures of each
    # are then read for their own day)
    windows = [day_window(day, ZoneInfo(key)) for key, day in days.items()]
    start, end = min(w[0] for w in windows), max(w[1] for w in windows)
    worked = {figures.agent_id for figures in await store.agents_between(start, end)}
    owners = {card.owner_id for card in await store.open_with()}
    posted = []
    for agent_id in sorted(worked | owners | set(names)):
        tz = zones.get(agent_id, zone)
        day = days[tz.key]
        claim = await store.job_runs.claim(f"{WORK_LOG_JOB}{agent_id}", day.isoformat(), now)
        if claim is None:
            continue
        try:
            report = await compose_work_log(store, agent_id, day, tz, now, names=names)
            if not report.quiet:
                await post(report)
        except ChannelError as exc:  # one person the workspace cannot reach: the others can
            logger.warning(
                "work log for %s not posted (%s); the next run tries again", agent_id, exc
            )
            await store.job_runs.release(claim)
            continue
        except BaseException:
            await store.job_runs.release(claim)
            raise
        await store.job_runs.finish(claim, now)
        if not report.quiet:
            posted.append(agent_id)
    return posted
