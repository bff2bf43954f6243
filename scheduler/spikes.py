"""Spike alerts: a sudden run of one problem is raised within the hour, and raised once.

The rule. Every few minutes, for each department and problem intent — and within it for
each product, carrier and country — count the problems ``k`` first reported in the last
``window`` (3 hours by default). A problem is a cause (``bot/storage/problem_causes.py``):
a shopper writing three times about one parcel is one, not a run of three. The expected
count ``λ`` is the mean of the same clock window on each of the previous 28 days
(``[now - d·24h - window, now - d·24h)``, d = 1..28), so the daily rhythm of a store's
market is built in: a busy morning is compared with earlier mornings, not with the night.
It is a spike when both hold:

- ``P(X >= k) < 0.001`` for ``X ~ Poisson(λ)``, problems of different shoppers being
  independent: with eight 3-hour windows a day, 30 problem types give at most about 1.7
  false alarms a week, and fewer in practice, as the floor below is the stricter test
  for rare problems;
- ``k >= max(5, 3·λ)``: the p-value alone flags "2 reports where 0.01 were expected"
  for a rare product, and "130 where 100 were expected" for a big one, where real
  counts vary more than Poisson says; neither is worth interrupting a team for. Five
  reports and three times the usual is.

One event, one alert. When an intent spikes as a whole, its product, carrier and country
spikes are the same event: they are recorded silently and the breakdown is given as
evidence; likewise a whole-intent spike that grows out of a narrow one already announced.
An alert's key is ``department:intent:scope:bucket``, the bucket being the window's start
rounded down to a multiple of the window length; ``alerts.key`` is unique, so of two
processes only one inserts it. A spike that persists writes the key of each new bucket
and stays silent while the previous bucket's key exists; a new alert needs the spike to
have been gone for a whole bucket. Run ``new_spikes`` every 10 minutes or so::

    for spike in await new_spikes(engine, datetime.now(UTC)):
        await post(department_channel[spike.department], spike)
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.calendar.hours import aware_utc
from bot.storage.report_records import SeenProblem
from bot.storage.store import Database, Store

WINDOW = timedelta(hours=3)
HISTORY_DAYS = 28
P_VALUE = 1e-3
MIN_COUNT = 5
MIN_RATIO = 3.0
SCOPES = ("product", "carrier", "country")
EVIDENCE_ORDERS = 5
_DAY = timedelta(days=1)
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_KEY_LIMIT = 160  # the length of ``alerts.key``


@dataclass(frozen=True)
class Spike:
    """A run of one problem, with the evidence a department needs to act on it."""

    department: str
    intent: str
    scope: str  # "all" | "product" | "carrier" | "country"
    value: str | None  # the product, carrier or country; None for "all"
    count: int
    expected: float
    p_value: float
    window_start: datetime
    window_end: datetime
    orders: tuple[str, ...] = ()  # a few of the orders concerned
    breakdown: tuple[tuple[str, str, int], ...] = ()  # (field, value, count) that dominate

    @property
    def key(self) -> str:
        """The ``alerts.key`` of this spike's bucket."""
        return self._key(_bucket(self.window_start, self.window_end - self.window_start))

    @property
    def previous_key(self) -> str:
        """The key the same spike wrote one bucket earlier, if it was already going on."""
        length = self.window_end - self.window_start
        return self._key(_bucket(self.window_start, length) - length)

    def _key(self, bucket: datetime) -> str:
        subject = "all" if self.value is None else f"{self.scope}={self.value}"
        key = f"{self.department}:{self.intent}:{subject}:{bucket:%Y%m%dT%H%MZ}"
        if len(key) > _KEY_LIMIT:  # a long product name: keep it unique, not readable
            digest = hashlib.sha256(subject.encode()).hexdigest()[:16]
            key = f"{self.department}:{self.intent}:{self.scope}#{digest}:{bucket:%Y%m%dT%H%MZ}"
        return key


def poisson_tail(k: int, mean: float) -> float:
    """``P(X >= k)`` for ``X ~ Poisson(mean)``, accurate for tails far below 1e-16.

    Summing the upper terms directly (rather than ``1 - lower``) keeps tiny tails exact;
    when ``k`` is below the mean the tail is large and ``1 - lower`` is accurate enough.
    """
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0

    def pmf(i: int) -> float:
        return math.exp(i * math.log(mean) - mean - math.lgamma(i + 1))

    if k <= mean:
        return max(0.0, 1.0 - math.fsum(pmf(i) for i in range(k)))
    total, term, i = 0.0, pmf(k), k
    while term > total * 1e-17:
        total += term
        i += 1
        term *= mean / i
    return min(total, 1.0)


def is_spike(count: int, expected: float) -> bool:
    """The rule of the module docstring, on one count and its expectation."""
    return count >= max(MIN_COUNT, MIN_RATIO * expected) and poisson_tail(count, expected) < P_VALUE


async def detect_spikes(
    engine: Database, now: datetime, *, window: timedelta = WINDOW
) -> list[Spike]:
    """Every spike going on at ``now``, widest scope first; nothing is written."""
    now = aware_utc(now, "now")
    if not timedelta(0) < window <= _DAY:
        raise ValueError(f"window must be longer than 0 and at most one day, got {window}")
    store = Store(engine)
    start = now - window
    groups: dict[tuple[str, str], list[SeenProblem]] = defaultdict(list)
    for problem in await store.recent_problems(start, now):
        groups[(problem.department, problem.intent)].append(problem)
    # an intent with fewer problems cannot spike, nor can any narrower scope of it
    candidates = sorted(subject for subject, rows in groups.items() if len(rows) >= MIN_COUNT)
    compared = [(end - window, end) for end in _window_ends(now)]
    histories = await store.problem_history(candidates, compared)
    spikes: list[Spike] = []
    for department, intent in candidates:
        rows, history = groups[(department, intent)], histories[(department, intent)]
        for scope, value in _subjects(rows):
            mine = _matching(rows, scope, value)
            times = [r.created_at for r in _matching(history, scope, value)]
            expected = _same_window_mean(times, now, window)
            if is_spike(len(mine), expected):
                spikes.append(
                    Spike(
                        department=department,
                        intent=intent,
                        scope=scope,
                        value=value,
                        count=len(mine),
                        expected=expected,
                        p_value=poisson_tail(len(mine), expected),
                        window_start=start,
                        window_end=now,
                        orders=_latest_orders(mine),
                        breakdown=_breakdown(mine, scope),
                    )
                )
    return spikes


async def new_spikes(engine: Database, now: datetime, *, window: timedelta = WINDOW) -> list[Spike]:
    """The spikes to announce at ``now``: recorded in ``alerts``, each announced once."""
    spikes = await detect_spikes(engine, now, window=window)
    store, now = Store(engine), aware_utc(now, "now")
    recorded: list[tuple[Spike, bool, bool]] = []
    for spike in spikes:
        inserted, continuing = await store.record_alert(
            spike.key, spike.department, now, previous=spike.previous_key
        )
        recorded.append((spike, inserted, continuing))
    whole = {(s.department, s.intent) for s in spikes if s.scope == "all"}
    running = {(s.department, s.intent) for s, _, continuing in recorded if continuing}
    fresh: list[Spike] = []
    for spike, inserted, continuing in recorded:
        subject = (spike.department, spike.intent)
        # A narrow spike inside a whole-intent one, or a whole-intent spike grown out of a
        # narrow one already announced, is the same event.
        same_event = subject in (running if spike.scope == "all" else whole)
        if inserted and not continuing and not same_event:
            fresh.append(spike)
    return fresh


def _subjects(rows: Sequence[SeenProblem]) -> list[tuple[str, str | None]]:
    """The intent as a whole, then each product, carrier, country frequent enough to spike."""
    subjects: list[tuple[str, str | None]] = [("all", None)]
    for scope in SCOPES:
        counts = Counter(getattr(r, scope) for r in rows if getattr(r, scope))
        subjects += [(scope, value) for value, n in sorted(counts.items()) if n >= MIN_COUNT]
    return subjects


def _matching(rows: Sequence[SeenProblem], scope: str, value: str | None) -> list[SeenProblem]:
    return list(rows) if value is None else [r for r in rows if getattr(r, scope) == value]


def _window_ends(now: datetime) -> list[datetime]:
    """Where the compared windows end: the same moment on each of the previous days."""
    return [now - days * _DAY for days in range(1, HISTORY_DAYS + 1)]


def _same_window_mean(times: Sequence[datetime], now: datetime, window: timedelta) -> float:
    """Mean count in the same clock window on each of the previous ``HISTORY_DAYS`` days."""
    ends = _window_ends(now)
    total = sum(bisect_left(times, end) - bisect_left(times, end - window) for end in ends)
    return total / HISTORY_DAYS


def _latest_orders(rows: Sequence[SeenProblem]) -> tuple[str, ...]:
    """The most recent distinct order numbers, oldest first, so staff can look them up."""
    distinct = list(dict.fromkeys(r.order_number for r in reversed(rows) if r.order_number))
    return tuple(reversed(distinct[:EVIDENCE_ORDERS]))


def _breakdown(rows: Sequence[SeenProblem], scope: str) -> tuple[tuple[str, str, int], ...]:
    """For each other field, the value most reports share, when at least two share it."""
    found = []
    for name in SCOPES:
        if name == scope:
            continue
        counts = Counter(getattr(r, name) for r in rows if getattr(r, name))
        if counts:
            value, n = min(counts.items(), key=lambda vn: (-vn[1], vn[0]))
            if n >= 2:
                found.append((name, value, n))
    return tuple(found)


def _bucket(moment: datetime, length: timedelta) -> datetime:
    """``moment`` rounded down to a multiple of ``length`` counted from a fixed epoch."""
    return _EPOCH + ((moment - _EPOCH) // length) * length
