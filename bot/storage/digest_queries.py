"""The reads behind a department's daily digest and the digests' chart.

The day's window, the trend's days before it, what counts as overdue and which quotes are
shown are the digest's rules (``scheduler/digest.py``); these queries only read what
happened between the times they are given. Problems are read by range queries on
``ix_problems_department_created``, so the cost follows the day's volume, not the
database's (``bench/digest_bench.py``)::

    day = await store.department_day("logistics", since=week_start, start=start, end=end)
    quoted = await store.quoted_messages([report.suggestion_id for report in day.reports])
    seen = await store.problem_times(two_weeks_ago, end, department=None)  # every department
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.report_records import (
    DayReport,
    DepartmentDay,
    IntentCount,
    ProblemAt,
    QuotedMessage,
    SeenProblem,
    WaitingEscalation,
)
from bot.storage.schema import escalations, messages, problem_reports, problems, suggestions

# the columns of a SeenProblem, in its order
SEEN_PROBLEM = (
    problems.c.department,
    problems.c.intent,
    problems.c.created_at,
    problems.c.order_number,
    problems.c.product,
    problems.c.carrier,
    problems.c.country,
)


def in_department_window(department: str, start: datetime, end: datetime) -> ColumnElement[bool]:
    """The predicate ``ix_problems_department_created`` answers on its own."""
    return (
        (problems.c.department == department)
        & (problems.c.created_at >= start)
        & (problems.c.created_at < end)
    )


class DigestQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def department_day(
        self, department: str, *, since: datetime, start: datetime, end: datetime
    ) -> DepartmentDay:
        """What happened in ``department`` in ``[start, end)``: the reports made, the
        problems first reported (counted by intent, beside those of ``[since, start)``),
        the escalations opened and resolved, and those still waiting at ``end``."""
        async with self.reader.connect() as conn:
            return DepartmentDay(
                reports=await _reports(conn, department, start, end),
                counts=await _counts(conn, department, since, start, end),
                problems=tuple(
                    map(
                        SeenProblem._make,
                        await conn.execute(
                            select(*SEEN_PROBLEM)
                            .where(in_department_window(department, start, end))
                            .order_by(problems.c.created_at, problems.c.id)
                        ),
                    )
                ),
                opened=await _opened(conn, department, start, end),
                resolved=await _resolved(conn, department, start, end),
                waiting=await _waiting(conn, department, end),
            )

    async def quoted_messages(self, suggestion_ids: Sequence[int]) -> dict[int, QuotedMessage]:
        """The shopper's message behind each of these suggestions, by suggestion id."""
        if not suggestion_ids:
            return {}
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(suggestions.c.id, messages.c.text, messages.c.language)
                .join(messages, messages.c.id == suggestions.c.message_id)
                .where(suggestions.c.id.in_(list(suggestion_ids)))
            )
            return {row.id: QuotedMessage(row.text, row.language) for row in rows}

    async def problem_times(
        self, start: datetime, end: datetime, *, department: str | None
    ) -> list[ProblemAt]:
        """The intent and first report of every problem first reported in ``[start, end)``,
        of ``department`` or, with None, of every department."""
        query = select(problems.c.intent, problems.c.created_at).where(
            problems.c.created_at >= start, problems.c.created_at < end
        )
        if department is not None:
            query = query.where(problems.c.department == department)
        async with self.reader.connect() as conn:
            return list(map(ProblemAt._make, await conn.execute(query)))


async def _reports(
    conn: AsyncConnection, department: str, start: datetime, end: datetime
) -> tuple[DayReport, ...]:
    """The reports made in the window about the department's problems, in time order."""
    rows = await conn.execute(
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
    return tuple(DayReport(*row) for row in rows)


async def _counts(
    conn: AsyncConnection, department: str, since: datetime, start: datetime, end: datetime
) -> tuple[IntentCount, ...]:
    """Problems first reported in ``[start, end)`` and in ``[since, start)``, by intent."""
    on_day = func.sum(case((problems.c.created_at >= start, 1), else_=0))
    rows = await conn.execute(
        select(problems.c.intent, on_day, func.count())
        .where(in_department_window(department, since, end))
        .group_by(problems.c.intent)
    )
    return tuple(
        IntentCount(intent, int(day), int(total) - int(day)) for intent, day, total in rows
    )


async def _opened(conn: AsyncConnection, department: str, start: datetime, end: datetime) -> int:
    opened = await conn.scalar(
        select(func.count()).where(
            escalations.c.department == department,
            escalations.c.created_at >= start,
            escalations.c.created_at < end,
        )
    )
    return int(opened or 0)


async def _resolved(
    conn: AsyncConnection, department: str, start: datetime, end: datetime
) -> tuple[tuple[str | None, int], ...]:
    """Escalations resolved in the window, counted by root cause."""
    rows = await conn.execute(
        select(escalations.c.root_cause, func.count())
        .where(
            escalations.c.department == department,
            escalations.c.resolved_at >= start,
            escalations.c.resolved_at < end,
        )
        .group_by(escalations.c.root_cause)
    )
    return tuple((cause, int(n)) for cause, n in rows)


async def _waiting(
    conn: AsyncConnection, department: str, end: datetime
) -> tuple[WaitingEscalation, ...]:
    """Escalations opened before ``end`` and not resolved by then, oldest first."""
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
    return tuple(WaitingEscalation(*row) for row in rows)
