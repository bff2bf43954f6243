"""What the report queries return: problems, reports, escalations and messages as the
digests, the chart and the spike alerts read them, as plain values built from table rows.

The scheduler builds its reports from these and never sees a row or a query; the queries
are ``bot.storage.digest_queries``, ``bot.storage.management_queries`` and
``bot.storage.spike_queries``. Values read by the thousand (every problem of two weeks for
the chart, four weeks of one problem type for a spike, every message around a day for
response times) are named tuples, which cost little more than the rows they come from::

    day = await store.department_day("logistics", since=week_start, start=start, end=end)
    day.counts[0].on_day, day.problems[0].carrier, day.waiting[0].acknowledged_at
    for conversation_id, direction, at in (await store.store_day(...)).timeline: ...
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


class SeenProblem(NamedTuple):
    """One problem (a cause, however often reported) with what could be read about it;
    the facts a digest finds recurring and a spike breaks down by."""

    department: str
    intent: str
    created_at: datetime  # its first report's
    order_number: str | None
    product: str | None
    carrier: str | None
    country: str | None


@dataclass(frozen=True)
class DayReport:
    """One report made on a day: the intent and first report (``problem_at``) of the
    problem it is about, and the suggestion of the shopper's message behind it (None when
    BorderDesk noticed the problem itself)."""

    intent: str
    problem_at: datetime
    suggestion_id: int | None


@dataclass(frozen=True)
class IntentCount:
    """Problems of one intent first reported on a day, and in the days compared with it."""

    intent: str
    on_day: int
    before: int


@dataclass(frozen=True)
class WaitingEscalation:
    """An escalation not resolved by the end of a day."""

    id: int
    intent: str
    created_at: datetime
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class DepartmentDay:
    """What a department's digest is built from, read in one transaction, so every count
    is of the same moment. ``resolved`` counts the escalations resolved on the day by root
    cause (None: resolved without one)."""

    reports: tuple[DayReport, ...]  # in the order they were made
    counts: tuple[IntentCount, ...]
    problems: tuple[SeenProblem, ...]  # first reported on the day, oldest first
    opened: int  # escalations opened on the day
    resolved: tuple[tuple[str | None, int], ...]
    waiting: tuple[WaitingEscalation, ...]  # oldest first


@dataclass(frozen=True)
class QuotedMessage:
    """A shopper's message behind a suggestion, as written."""

    text: str
    language: str | None


class Inbound(NamedTuple):
    """A shopper's message: where it came from."""

    channel: str
    language: str | None
    country: str | None  # the shopper's


class Turn(NamedTuple):
    """A message in a conversation's timeline: "in" from the shopper, "out" to them."""

    conversation_id: int
    direction: str
    at: datetime


class ProblemAt(NamedTuple):
    """A problem's intent and first report, counted per day by the chart."""

    intent: str
    created_at: datetime


@dataclass(frozen=True)
class StoreDay:
    """What the management digest is built from, read in one transaction.

    ``timeline`` holds every message of the window asked for, by conversation and time;
    ``suggestions`` counts the suggestions for the day's shopper messages by (intent,
    status); ``top_problems`` the problems first reported on the day by (department,
    intent), most first; ``open_since`` when each escalation not resolved by the end of the
    day was opened."""

    inbound: tuple[Inbound, ...]
    timeline: tuple[Turn, ...]
    suggestions: tuple[tuple[str, str, int], ...]
    top_problems: tuple[tuple[str, str, int], ...]
    open_since: tuple[datetime, ...]
