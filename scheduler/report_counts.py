"""How the reports count: over a department's local day, and largest first.

Both digests and the chart count the same "day": the department's local calendar day,
``[00:00, next 00:00)`` in its zone, so a 23- or 25-hour day around a clock change is
counted whole and the bars of the chart match the digests. Lists of counts are ranked the
same way everywhere (largest first, ties by name), so a report reads the same every time
it is built::

    start, end = day_window(date(2026, 3, 29), ZoneInfo("Europe/Berlin"))  # 23 hours
    ranked(["DHL", "UPS", "DHL", None])  # (("DHL", 2), ("UPS", 1))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.calendar.spans import day_window  # the day every report counts (the agents' too)

__all__ = ["day_window", "ranked"]


def ranked(values: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    """Counts of the values given (None and "" skipped), largest first, ties by name, so
    the digest reads the same every time."""
    counts = Counter(value for value in values if value)
    return tuple(sorted(counts.items(), key=lambda vn: (-vn[1], vn[0])))
