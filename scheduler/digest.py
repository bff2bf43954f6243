"""The daily digests: what shoppers reported to one department yesterday, and the overview.

Customer service sees every defect first; the digest hands it back to the team that can
fix it, every morning, so the same defect stops recurring: what went wrong, how often
against last week, whether it is the same order, product, carrier or country again, and
what is still waiting. The management digest: volume, answer times, rewritten answers.

Problems are causes (``bot/storage/problem_causes.py``): a late parcel the shopper wrote
about twice and BorderDesk noticed itself is one problem with three reports. A problem is
counted on the day of its first report; the reports of the day are counted beside it,
including those about problems first reported earlier ("late delivery: 3 (5 reports, 1
about an earlier problem)"), so a shopper's message never vanishes from the digest.

A "day" is the department's local calendar day in its zone (a 23- or 25-hour day counts
whole). Range queries on ``ix_problems_department_created`` and ``ix_messages_created_at``
make the cost follow the day's volume: ~30 ms for a department on a million messages::

    digest = await build_digest(engine, "logistics", date(2026, 3, 2), ZoneInfo("Asia/Tokyo"))
    digest.problems[0].count, digest.recurring["carrier"], digest.quiet
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    messages,
    problem_reports,
    problems,
    suggestions,
)
from scheduler.hours import BusinessCalendar

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
# How suggestion outcomes are grouped: "as is" means staff needed no rewriting.
OUTCOMES = {
    "sent": "as_is",
    "auto_sent": "as_is",
    "edited": "edited",
    "replaced": "replaced",
    "ignored": "ignored",
    "escalated": "other",
    "answered": "other",
}
AGE_BUCKETS = (
    ("under 1 day", timedelta(days=1)),
    ("1-2 days", timedelta(days=2)),
    ("2-7 days", timedelta(days=7)),
    ("over 7 days", timedelta.max),
)
# A reply may come the day after; a wait may have started the day before.
RESPONSE_LOOKBACK = timedelta(days=1)
RESPONSE_HORIZON = timedelta(days=2)


def day_window(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``[local midnight, next local midnight)`` of ``day`` in ``tz``, as UTC instants."""
    start = datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)
    return start, end


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
        name: tuple(
            (value, n) for value, n in _ranked(getattr(r, name) for r in day_rows) if n >= 2
        )
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
    """The day's latest report (rows are in time order) of each top problem type, in the
    shopper's words; a late order BorderDesk noticed itself has no words to quote."""
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


@dataclass(frozen=True)
class Outcomes:
    """What staff did with the suggested answers of one intent on the day."""

    intent: str
    as_is: int = 0  # sent unchanged, by staff or automatically
    edited: int = 0
    replaced: int = 0
    ignored: int = 0
    other: int = 0  # escalated, or answered by hand in the thread

    @property
    def decided(self) -> int:
        return self.as_is + self.edited + self.replaced + self.ignored + self.other

    def share(self, outcome: str) -> float:
        """``outcome``'s share of the decided suggestions: ``share("edited")`` -> 0.25."""
        return getattr(self, outcome) / self.decided if self.decided else 0.0

    @property
    def rewritten(self) -> float:
        """Edited or replaced: the template did not fit and needs work."""
        return self.share("edited") + self.share("replaced")


@dataclass(frozen=True)
class ManagementDigest:
    """The whole store's day: volume, speed, answer quality, problems and backlog."""

    day: date
    timezone: str
    by_channel: tuple[tuple[str, int], ...]
    by_language: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    first_response_median: timedelta | None
    first_response_p90: timedelta | None
    answered: int  # waits that started on the day and got a reply
    unanswered: int
    outcomes: tuple[Outcomes, ...]  # most rewritten first
    top_problems: tuple[tuple[str, str, int], ...]  # (department, intent, count)
    open_by_age: tuple[tuple[str, int], ...]  # every bucket of AGE_BUCKETS, in order

    @property
    def inbound(self) -> int:
        return sum(n for _, n in self.by_channel)

    @property
    def quiet(self) -> bool:
        return not (self.inbound or self.top_problems or any(n for _, n in self.open_by_age))


async def build_management_digest(
    engine: AsyncEngine, day: date, tz: ZoneInfo, *, top: int = 10
) -> ManagementDigest:
    """The management digest for local ``day`` in ``tz``; see ``ManagementDigest``.

    First response time is measured from the first unanswered shopper message (a shopper
    who writes three lines waits once, from the first) to the next outbound message of the
    conversation, for waits that started on the day; a reply the next morning still counts.
    """
    start, end = day_window(day, tz)
    inbound_on_day = (
        (messages.c.direction == "in")
        & (messages.c.created_at >= start)
        & (messages.c.created_at < end)
    )
    async with engine.connect() as conn:
        volume = (
            await conn.execute(
                select(messages.c.channel, messages.c.language, customers.c.country)
                .join(conversations, conversations.c.id == messages.c.conversation_id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(inbound_on_day)
            )
        ).all()
        waits, unanswered = await _first_responses(conn, start, end)
        statuses = await conn.execute(
            select(suggestions.c.intent, suggestions.c.status, func.count())
            .join(messages, messages.c.id == suggestions.c.message_id)
            .where(inbound_on_day)
            .group_by(suggestions.c.intent, suggestions.c.status)
        )
        outcomes: dict[str, Counter[str]] = {}
        for intent, status, count in statuses:
            if status in OUTCOMES:
                outcomes.setdefault(intent, Counter())[OUTCOMES[status]] += count
        top_rows = await conn.execute(
            select(problems.c.department, problems.c.intent, func.count().label("n"))
            .where(problems.c.created_at >= start, problems.c.created_at < end)
            .group_by(problems.c.department, problems.c.intent)
            .order_by(func.count().desc(), problems.c.department, problems.c.intent)
            .limit(top)
        )
        top_problems = tuple((d, i, int(n)) for d, i, n in top_rows)
        open_since = (
            await conn.scalars(
                select(escalations.c.created_at).where(
                    escalations.c.created_at < end,
                    or_(escalations.c.resolved_at.is_(None), escalations.c.resolved_at >= end),
                )
            )
        ).all()
    ages = Counter(
        next(label for label, upper in AGE_BUCKETS if end - t < upper) for t in open_since
    )
    waits.sort()
    return ManagementDigest(
        day=day,
        timezone=tz.key,
        by_channel=_ranked(row.channel for row in volume),
        by_language=_ranked(row.language or "unknown" for row in volume),
        by_country=_ranked(row.country or "unknown" for row in volume),
        first_response_median=_median(waits),
        first_response_p90=waits[math.ceil(0.9 * len(waits)) - 1] if waits else None,
        answered=len(waits),
        unanswered=unanswered,
        outcomes=tuple(
            sorted(
                (Outcomes(intent, **counts) for intent, counts in outcomes.items()),
                key=lambda o: (-o.rewritten, -o.decided, o.intent),
            )
        ),
        top_problems=top_problems,
        open_by_age=tuple((label, ages[label]) for label, _ in AGE_BUCKETS),
    )


async def _first_responses(
    conn: AsyncConnection, start: datetime, end: datetime
) -> tuple[list[timedelta], int]:
    """Waits that started in ``[start, end)``: their lengths, and how many got no reply."""
    rows = await conn.execute(
        select(messages.c.conversation_id, messages.c.direction, messages.c.created_at)
        .where(
            messages.c.created_at >= start - RESPONSE_LOOKBACK,
            messages.c.created_at < end + RESPONSE_HORIZON,
        )
        .order_by(messages.c.conversation_id, messages.c.created_at, messages.c.id)
    )
    waits: list[timedelta] = []
    unanswered = 0
    conversation, waiting_since = None, None
    for conversation_id, direction, at in rows:
        if conversation_id != conversation:
            unanswered += waiting_since is not None and start <= waiting_since < end
            conversation, waiting_since = conversation_id, None
        if direction == "in":
            waiting_since = waiting_since or at
        elif waiting_since is not None:
            if start <= waiting_since < end:
                waits.append(at - waiting_since)
            waiting_since = None
    unanswered += waiting_since is not None and start <= waiting_since < end
    return waits, unanswered


def _median(ordered: Sequence[timedelta]) -> timedelta | None:
    """The middle wait (mean of the two middle ones for an even count) of sorted waits."""
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _ranked(values: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    """Counts of the values given (None and "" skipped), largest first, ties by name, so
    the digest reads the same every time."""
    counts = Counter(value for value in values if value)
    return tuple(sorted(counts.items(), key=lambda vn: (-vn[1], vn[0])))
