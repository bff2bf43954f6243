"""The daily department digest: what shoppers reported to one department yesterday.

Customer service sees every defect first; the digest hands that back to the team that can
fix it, every morning, so the same defect stops recurring. A department digest answers
"what went wrong, how often compared with last week, is it the same order, product,
carrier or country again, and what is still waiting on us". The management digest, the
store-wide overview, is ``scheduler/management_report.py``; both are put in words by
``scheduler/digest_render.py`` and posted by ``scheduler/digest_jobs.py``.

Problems are causes (``bot/storage/problem_causes.py``): a late parcel the shopper wrote
about twice and BorderDesk noticed itself is one problem with three reports. A problem is
counted on the day of its first report; the reports of the day are counted beside it,
including those about problems first reported earlier ("late delivery: 3 (5 reports, 1
about an earlier problem)"), so a shopper's message never vanishes from the digest.

A "day" is the department's local calendar day, ``[00:00, next 00:00)`` in its zone, so a
23- or 25-hour day around a clock change is counted whole (``report_counts.day_window``).
Problems are read by range queries on ``ix_problems_department_created`` (and the
management digest's messages on ``ix_messages_created_at``), so the cost follows the day's
volume, not the database's: about 30 ms for a department on a million messages
(``bench/digest_bench.py``)::

    digest = await build_digest(engine, "logistics", date(2026, 3, 2), ZoneInfo("Asia/Tokyo"))
    digest.problems[0].count, digest.recurring["carrier"], digest.quiet
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.calendar.hours import BusinessCalendar
from bot.storage.schema import (
    escalations,
    messages,
    problem_reports,
    problems,
    suggestions,
)
from scheduler.report_counts import day_window, ranked

logger = logging.getLogger(__name__)

type Translate = Callable[[str, str], Awaitable[str | None]]

# How long an escalation may wait for each step; the desk file may give its own.
DEFAULT_TARGETS: Mapping[str, timedelta] = MappingProxyType(
    {"acknowledge": timedelta(hours=4), "resolve": timedelta(days=2)}
)
RECURRING_FIELDS = ("order_number", "product", "carrier", "country")
TREND_DAYS = 7
QUOTES = 3
QUOTE_LIMIT = 400


@dataclass(frozen=True)
class IntentTrend:
    """One problem type on the day, against its average over the seven days before.

    ``count`` is problems first reported on the day, ``reports`` the reports made on the
    day (of those and of ``earlier`` ones: problems first reported before the day)."""

    intent: str
    count: int
    average: float
    reports: int = 0
    earlier: int = 0  # reports on the day about problems first reported before it

    @property
    def change(self) -> float | None:
        """Relative change against the average (0.5 = +50%); None when there is no history."""
        return None if self.average == 0 else (self.count - self.average) / self.average


@dataclass(frozen=True)
class Overdue:
    """An escalation still waiting at the end of the day, past the target of ``stage``."""

    escalation_id: int
    intent: str
    stage: str  # "acknowledge" | "resolve"
    created_at: datetime
    late_by: timedelta


@dataclass(frozen=True)
class Quote:
    """A shopper's own words for a top problem; ``translated`` is None when kept as written."""

    intent: str
    language: str | None
    text: str
    translated: str | None = None


@dataclass(frozen=True)
class Digest:
    """One department's day. ``recurring`` maps a field to ``(value, count)``, count >= 2."""

    department: str
    day: date
    timezone: str
    problems: tuple[IntentTrend, ...]
    recurring: Mapping[str, tuple[tuple[str, int], ...]]
    opened: int
    resolved: int
    root_causes: tuple[tuple[str, int], ...]
    overdue: tuple[Overdue, ...]
    quotes: tuple[Quote, ...]

    @property
    def total(self) -> int:
        """Problems first reported on the day (causes, not messages)."""
        return sum(trend.count for trend in self.problems)

    @property
    def reports(self) -> int:
        """Reports made on the day, of new problems and of earlier ones."""
        return sum(trend.reports for trend in self.problems)

    @property
    def quiet(self) -> bool:
        """Nothing reported, opened or resolved, and nothing overdue: one line is enough."""
        return not (self.total or self.reports or self.opened or self.resolved or self.overdue)


async def build_digest(
    engine: AsyncEngine,
    department: str,
    day: date,
    tz: ZoneInfo,
    *,
    translate: Translate | None = None,
    targets: Mapping[str, timedelta] = DEFAULT_TARGETS,
    calendar: BusinessCalendar | None = None,
) -> Digest:
    """The digest of ``department`` for local ``day``.

    ``targets`` maps a step ("acknowledge", "resolve") to how long it may take from the
    escalation's opening; a step without a target is never overdue. With ``calendar`` the
    targets count business time (as the SLA reminders do), otherwise wall-clock time.
    Overdue is judged at the end of the day, so building the same digest twice gives the
    same answer. ``translate(text, source_language)`` turns quotes into the staff language.
    """
    start, end = day_window(day, tz)
    week_start = day_window(day - timedelta(days=TREND_DAYS), tz)[0]
    async with engine.connect() as conn:
        reports = await _reports(conn, department, start, end)
        trends = await _trends(conn, department, week_start, start, end, reports)
        day_rows = (
            await conn.execute(
                select(problems.c.id, *(problems.c[f] for f in RECURRING_FIELDS))
                .where(_in_department_window(department, start, end))
                .order_by(problems.c.created_at, problems.c.id)
            )
        ).all()
        opened, resolved, causes = await _escalation_flow(conn, department, start, end)
        overdue = await _overdue(conn, department, end, targets, calendar)
        quotes = await _quotes(conn, trends, reports)
    recurring = {
        name: tuple((value, n) for value, n in ranked(getattr(r, name) for r in day_rows) if n >= 2)
        for name in RECURRING_FIELDS
    }
    if translate is not None:  # concurrently: each may wait for its translator's timeout
        quotes = list(await asyncio.gather(*(_translated(q, translate) for q in quotes)))
    return Digest(
        department=department,
        day=day,
        timezone=tz.key,
        problems=tuple(trends),
        recurring=MappingProxyType(recurring),
        opened=opened,
        resolved=resolved,
        root_causes=causes,
        overdue=overdue,
        quotes=tuple(quotes),
    )


def _in_department_window(department: str, start: datetime, end: datetime) -> ColumnElement[bool]:
    """The predicate ``ix_problems_department_created`` answers on its own."""
    return (
        (problems.c.department == department)
        & (problems.c.created_at >= start)
        & (problems.c.created_at < end)
    )


async def _reports(
    conn: AsyncConnection, department: str, start: datetime, end: datetime
) -> Sequence[Row[*tuple[Any, ...]]]:
    """The reports made on the day about the department's problems, in time order, with
    their problem's intent and first report (``problem_at``)."""
    query = (
        select(
            problems.c.intent,
            problems.c.created_at.label("problem_at"),
            problem_reports.c.suggestion_id,
        )
        .join(problems, problems.c.id == problem_reports.c.problem_id)
        .where(
            problems.c.department == department,
            problem_reports.c.created_at >= start,
            problem_reports.c.created_at < end,
        )
        .order_by(problem_reports.c.created_at, problem_reports.c.id)
    )
    return (await conn.execute(query)).all()


async def _trends(
    conn: AsyncConnection,
    department: str,
    week_start: datetime,
    start: datetime,
    end: datetime,
    reports: Sequence[Row[*tuple[Any, ...]]],
) -> list[IntentTrend]:
    """Problem types seen on the day or in the week before (a drop to zero is news too),
    or reported again on the day, with the day's reports beside the problems."""
    on_day = func.sum(case((problems.c.created_at >= start, 1), else_=0))
    rows = await conn.execute(
        select(problems.c.intent, on_day, func.count())
        .where(_in_department_window(department, week_start, end))
        .group_by(problems.c.intent)
    )
    counts = {intent: (int(today), (total - today) / TREND_DAYS) for intent, today, total in rows}
    made = Counter(r.intent for r in reports)
    earlier = Counter(r.intent for r in reports if r.problem_at < start)
    trends = [
        IntentTrend(intent, *counts.get(intent, (0, 0.0)), made[intent], earlier[intent])
        for intent in counts.keys() | made.keys()
    ]
    return sorted(trends, key=lambda t: (-t.count, -t.reports, -t.average, t.intent))


async def _escalation_flow(
    conn: AsyncConnection, department: str, start: datetime, end: datetime
) -> tuple[int, int, tuple[tuple[str, int], ...]]:
    """Escalations opened on the day, and those resolved on it counted by root cause."""
    opened = await conn.scalar(
        select(func.count()).where(
            escalations.c.department == department,
            escalations.c.created_at >= start,
            escalations.c.created_at < end,
        )
    )
    causes = (
        await conn.execute(
            select(func.coalesce(escalations.c.root_cause, "unknown"), func.count())
            .where(
                escalations.c.department == department,
                escalations.c.resolved_at >= start,
                escalations.c.resolved_at < end,
            )
            .group_by(escalations.c.root_cause)
        )
    ).all()
    ranked = tuple(sorted(((c, int(n)) for c, n in causes), key=lambda cn: (-cn[1], cn[0])))
    return int(opened or 0), sum(n for _, n in ranked), ranked


async def _overdue(
    conn: AsyncConnection,
    department: str,
    end: datetime,
    targets: Mapping[str, timedelta],
    calendar: BusinessCalendar | None,
) -> tuple[Overdue, ...]:
    """Escalations not resolved by the end of the day and past a target by then."""
    rows = await conn.execute(
        select(
            escalations.c.id,
            escalations.c.intent,
            escalations.c.created_at,
            escalations.c.acknowledged_at,
        )
        .where(
            escalations.c.department == department,
            escalations.c.created_at < end,
            or_(escalations.c.resolved_at.is_(None), escalations.c.resolved_at >= end),
        )
        .order_by(escalations.c.created_at)
    )

    def due(start: datetime, within: timedelta) -> datetime:
        return calendar.add_business_time(start, within) if calendar else start + within

    late: list[Overdue] = []
    for row in rows:
        acknowledged = row.acknowledged_at is not None and row.acknowledged_at < end
        for stage in ("resolve", "acknowledge"):  # the later step first: it is the worse miss
            if stage not in targets or (stage == "acknowledge" and acknowledged):
                continue
            due_at = due(row.created_at, targets[stage])
            if due_at < end:
                late.append(Overdue(row.id, row.intent, stage, row.created_at, end - due_at))
                break
    return tuple(late)


async def _quotes(
    conn: AsyncConnection, trends: list[IntentTrend], reports: Sequence[Row[*tuple[Any, ...]]]
) -> list[Quote]:
    """The most recent report on the day of each of the top problem types, in the shopper's
    words.

    Problems BorderDesk noticed itself (a late order: no shopper message behind it) are
    counted like the others but have nothing to quote."""
    # rows are in time order, so the last one of an intent is its latest
    latest = {r.intent: r.suggestion_id for r in reports if r.suggestion_id is not None}
    chosen = [latest[t.intent] for t in trends if t.intent in latest][:QUOTES]
    if not chosen:
        return []
    rows = await conn.execute(
        select(suggestions.c.id, messages.c.text, messages.c.language)
        .join(messages, messages.c.id == suggestions.c.message_id)
        .where(suggestions.c.id.in_(chosen))
    )
    by_id = {row.id: row for row in rows}
    intents = {suggestion: intent for intent, suggestion in latest.items()}
    return [
        Quote(intents[i], by_id[i].language, _clip(by_id[i].text, QUOTE_LIMIT))
        for i in chosen
        if i in by_id and by_id[i].text.strip()
    ]


async def _translated(quote: Quote, translate: Translate) -> Quote:
    """A failed translation keeps the original: the digest must go out regardless."""
    try:
        text = await translate(quote.text, quote.language or "auto")
    except Exception:
        logger.exception("digest quote not translated; keeping the shopper's words")
        return quote
    if not text or text == quote.text:
        return quote
    return Quote(quote.intent, quote.language, quote.text, _clip(text, QUOTE_LIMIT))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
