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
The day's facts are read in one transaction by ``Store.department_day``
(``bot/storage/digest_queries.py``), with range queries on
``ix_problems_department_created``, so the cost follows the day's volume, not the
database's: about 30 ms for a department on a million messages
(``bench/digest_bench.py``)::

    digest = await build_digest(engine, "logistics", date(2026, 3, 2), ZoneInfo("Asia/Tokyo"))
    digest.problems[0].count, digest.recurring["carrier"], digest.quiet
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

from bot.calendar.hours import BusinessCalendar
from bot.storage.report_records import DayReport, IntentCount, WaitingEscalation
from bot.storage.store import Database, Store
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
    engine: Database,
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
    store = Store(engine)
    start, end = day_window(day, tz)
    week_start = day_window(day - timedelta(days=TREND_DAYS), tz)[0]
    facts = await store.department_day(department, since=week_start, start=start, end=end)
    trends = _trends(facts.counts, facts.reports, start)
    quotes = await _quotes(store, trends, facts.reports)
    recurring = {
        name: tuple(
            (value, n) for value, n in ranked(getattr(p, name) for p in facts.problems) if n >= 2
        )
        for name in RECURRING_FIELDS
    }
    causes = tuple(
        sorted(
            (("unknown" if cause is None else cause, n) for cause, n in facts.resolved),
            key=lambda cn: (-cn[1], cn[0]),
        )
    )
    if translate is not None:  # concurrently: each may wait for its translator's timeout
        quotes = list(await asyncio.gather(*(_translated(q, translate) for q in quotes)))
    return Digest(
        department=department,
        day=day,
        timezone=tz.key,
        problems=tuple(trends),
        recurring=MappingProxyType(recurring),
        opened=facts.opened,
        resolved=sum(n for _, n in causes),
        root_causes=causes,
        overdue=_overdue(facts.waiting, end, targets, calendar),
        quotes=tuple(quotes),
    )


def _trends(
    counts: tuple[IntentCount, ...], reports: tuple[DayReport, ...], start: datetime
) -> list[IntentTrend]:
    """Problem types seen on the day or in the week before (a drop to zero is news too),
    or reported again on the day, with the day's reports beside the problems."""
    seen = {c.intent: (c.on_day, c.before / TREND_DAYS) for c in counts}
    made = Counter(r.intent for r in reports)
    earlier = Counter(r.intent for r in reports if r.problem_at < start)
    trends = [
        IntentTrend(intent, *seen.get(intent, (0, 0.0)), made[intent], earlier[intent])
        for intent in seen.keys() | made.keys()
    ]
    return sorted(trends, key=lambda t: (-t.count, -t.reports, -t.average, t.intent))


def _overdue(
    waiting: tuple[WaitingEscalation, ...],
    end: datetime,
    targets: Mapping[str, timedelta],
    calendar: BusinessCalendar | None,
) -> tuple[Overdue, ...]:
    """Escalations not resolved by the end of the day and past a target by then."""

    def due(start: datetime, within: timedelta) -> datetime:
        return calendar.add_business_time(start, within) if calendar else start + within

    late: list[Overdue] = []
    for e in waiting:
        acknowledged = e.acknowledged_at is not None and e.acknowledged_at < end
        for stage in ("resolve", "acknowledge"):  # the later step first: it is the worse miss
            if stage not in targets or (stage == "acknowledge" and acknowledged):
                continue
            due_at = due(e.created_at, targets[stage])
            if due_at < end:
                late.append(Overdue(e.id, e.intent, stage, e.created_at, end - due_at))
                break
    return tuple(late)


async def _quotes(
    store: Store, trends: list[IntentTrend], reports: tuple[DayReport, ...]
) -> list[Quote]:
    """The most recent report on the day of each of the top problem types, in the shopper's
    words.

    Problems BorderDesk noticed itself (a late order: no shopper message behind it) are
    counted like the others but have nothing to quote."""
    # rows are in time order, so the last one of an intent is its latest
    latest = {r.intent: r.suggestion_id for r in reports if r.suggestion_id is not None}
    chosen = [latest[t.intent] for t in trends if t.intent in latest][:QUOTES]
    by_id = await store.quoted_messages(chosen)
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
