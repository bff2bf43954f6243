"""The management digest: the whole store's day at a glance, every morning.

Where a department digest hands defects back to the team that can fix them
(``scheduler/digest.py``), this one answers "how busy were we, how fast did we answer,
which suggested answers staff had to rewrite, and what is stuck": volume by channel,
language and country; first response times; what staff did with each intent's suggested
answers; the top problems of every department; and open escalations by age.

A "day" is the local calendar day in the zone of the management digest's schedule
(``report_counts.day_window``), read by range queries on ``ix_messages_created_at``, so
the cost follows the day's volume, not the database's (``bench/digest_bench.py``)::

    overview = await build_management_digest(engine, date(2026, 3, 2), ZoneInfo("Europe/Berlin"))
    overview.first_response_median, overview.outcomes[0].rewritten, overview.quiet
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    messages,
    problems,
    suggestions,
)
from scheduler.report_counts import day_window, ranked

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
        by_channel=ranked(row.channel for row in volume),
        by_language=ranked(row.language or "unknown" for row in volume),
        by_country=ranked(row.country or "unknown" for row in volume),
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
