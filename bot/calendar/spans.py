"""Spans of time as people read them, a local day as a span of UTC instants, and the two
statistics every response-time figure uses: the median and a nearest-rank percentile.

The digests, the agent figures and the work logs cut days and say how long shoppers
waited the same way::

    start, end = day_window(date(2026, 3, 29), ZoneInfo("Europe/Berlin"))  # 23 hours

    span_text(timedelta(hours=26, minutes=5))          # "1 d 2 h"
    median([4 * MIN, 10 * MIN, 30 * MIN, 60 * MIN])    # 20 min: the mean of the middle two
    percentile([4 * MIN, 10 * MIN, 30 * MIN, 60 * MIN], 0.9)   # 60 min: the 4th smallest
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def day_window(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``[local midnight, next local midnight)`` of ``day`` in ``tz``, as UTC instants: a
    23- or 25-hour day around a clock change is counted whole."""
    start = datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)
    return start, end


def span_text(span: timedelta) -> str:
    """``timedelta(hours=26, minutes=5)`` -> "1 d 2 h"; two units are enough to act on."""
    seconds = int(span.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    days, minutes = divmod(seconds // 60, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    units = [(days, "d"), (hours, "h"), (minutes, "min")]
    first = next(i for i, (n, _) in enumerate(units) if n)
    return " ".join(f"{n} {unit}" for n, unit in units[first : first + 2] if n)


def median(ordered: Sequence[timedelta]) -> timedelta | None:
    """The middle of sorted spans (the mean of the two middle ones for an even count)."""
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(ordered: Sequence[timedelta], share: float) -> timedelta | None:
    """The nearest-rank percentile of sorted spans: the ceil(share * n)-th smallest
    (``share`` 0.9: the 90th percentile)."""
    if not ordered:
        return None
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]
