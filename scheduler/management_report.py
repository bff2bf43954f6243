"""The management digest: the whole store's day at a glance, every morning.

Where a department digest hands defects back to the team that can fix them
(``scheduler/digest.py``), this one answers "how busy were we, how fast did we answer,
which suggested answers staff had to rewrite, and what is stuck": volume by channel,
language and country; first response times; what staff did with each intent's suggested
answers; the top problems of every department; open escalations by age; the money kept
by settling disputes without having items shipped back (``handlers.disputes``), on the
day and over the 30 days to its end; the shoppers' ratings given that day
(``handlers.ratings``), the low ones listed; and a line per agent: cards handled and what
became of them, first responses, ratings (``bot/storage/agent_figures.py``).

A "day" is the local calendar day in the zone of the management digest's schedule
(``report_counts.day_window``), read in one transaction by ``Store.store_day``
(``bot/storage/management_queries.py``) with range queries on ``ix_messages_created_at``,
so the cost follows the day's volume, not the database's (``bench/digest_bench.py``)::

    overview = await build_management_digest(engine, date(2026, 3, 2), ZoneInfo("Europe/Berlin"))
    overview.first_response_median, overview.outcomes[0].rewritten, overview.quiet
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.spans import median, percentile
from bot.storage.agent_figures import AgentFigures
from bot.storage.disputes import SettledTotal
from bot.storage.ratings import LOW_RATING, Rating
from bot.storage.report_records import Turn
from bot.storage.store import Database, Store
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
    "settled": "other",  # a dispute settled with one of its settlements' replies
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
# the longer period of the money line, beside the day
SETTLED_PERIOD = timedelta(days=30)


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
    # disputes settled on the day, and in the SETTLED_PERIOD to its end
    settled: tuple[SettledTotal, ...] = ()
    settled_period: tuple[SettledTotal, ...] = ()
    ratings: tuple[Rating, ...] = ()  # answered on the day, oldest first
    agents: tuple[AgentFigures, ...] = ()  # each agent's figures of the day, by name

    @property
    def rating_average(self) -> float | None:
        scores = [r.score for r in self.ratings if r.score is not None]
        return sum(scores) / len(scores) if scores else None

    @property
    def low_ratings(self) -> tuple[Rating, ...]:
        """The ratings of LOW_RATING or less: each one a follow-up card in the inbox."""
        return tuple(r for r in self.ratings if r.score is not None and r.score <= LOW_RATING)

    @property
    def inbound(self) -> int:
        return sum(n for _, n in self.by_channel)

    @property
    def quiet(self) -> bool:
        busy = self.inbound or self.top_problems or self.settled or self.ratings or self.agents
        return not (busy or any(n for _, n in self.open_by_age))


async def build_management_digest(
    engine: Database,
    day: date,
    tz: ZoneInfo,
    *,
    top: int = 10,
    names: Mapping[str, str] | None = None,
) -> ManagementDigest:
    """The management digest for local ``day`` in ``tz``; see ``ManagementDigest``.
    ``names`` name the agents (Slack id -> the desk file's name; else Slack's name).

    First response time is measured from the first unanswered shopper message (a shopper
    who writes three lines waits once, from the first) to the next outbound message of the
    conversation, for waits that started on the day; a reply the next morning still counts.
    """
    start, end = day_window(day, tz)
    store = Store(engine)
    facts = await store.store_day(
        start, end, timeline=(start - RESPONSE_LOOKBACK, end + RESPONSE_HORIZON), top=top
    )
    waits, unanswered = _first_responses(facts.timeline, start, end)
    outcomes: dict[str, Counter[str]] = {}
    for intent, status, count in facts.suggestions:
        if status in OUTCOMES:
            outcomes.setdefault(intent, Counter())[OUTCOMES[status]] += count
    ages = Counter(
        next(label for label, upper in AGE_BUCKETS if end - t < upper) for t in facts.open_since
    )
    waits.sort()
    return ManagementDigest(
        day=day,
        timezone=tz.key,
        by_channel=ranked(m.channel for m in facts.inbound),
        by_language=ranked(m.language or "unknown" for m in facts.inbound),
        by_country=ranked(m.country or "unknown" for m in facts.inbound),
        first_response_median=median(waits),
        first_response_p90=percentile(waits, 0.9),
        answered=len(waits),
        unanswered=unanswered,
        outcomes=tuple(
            sorted(
                (Outcomes(intent, **counts) for intent, counts in outcomes.items()),
                key=lambda o: (-o.rewritten, -o.decided, o.intent),
            )
        ),
        top_problems=facts.top_problems,
        open_by_age=tuple((label, ages[label]) for label, _ in AGE_BUCKETS),
        settled=await store.disputes_settled(start, end),
        settled_period=await store.disputes_settled(end - SETTLED_PERIOD, end),
        ratings=tuple(await store.ratings_between(start, end)),
        agents=await store.agents_between(start, end, names=names),
    )


def _first_responses(
    timeline: Iterable[Turn], start: datetime, end: datetime
) -> tuple[list[timedelta], int]:
    """Waits that started in ``[start, end)``: their lengths, and how many got no reply.
    ``timeline`` is every message around the day, by conversation and time."""
    waits: list[timedelta] = []
    unanswered = 0
    conversation, waiting_since = None, None
    for conversation_id, direction, at in timeline:
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
