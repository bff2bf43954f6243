"""The digest's chart: problems of the last 14 days by type, as a PNG posted under it.

A count says "12 damaged items yesterday"; the chart says whether that is a new trend or a
bad week ending. It is drawn with matplotlib's Agg canvas on a bare ``Figure``, never
through ``pyplot``: no display is needed, no global figure state is kept, and the drawing
can run in a worker thread while the event loop goes on::

    days, series = await problem_series(engine, "warehouse", date(2026, 3, 2), tz)
    png = await asyncio.to_thread(problem_chart, series, days, "warehouse, 14 days")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from bot.storage.store import Database, Store
from scheduler.report_counts import day_window

CHART_DAYS = 14
MAX_SERIES = 8  # more colours than this are unreadable; the rest becomes "other"


def problem_chart(
    series: Mapping[str, Sequence[int]],
    days: Sequence[date],
    title: str,
    *,
    empty: str = "no problems reported",
) -> bytes:
    """A stacked bar chart, one bar a day and one colour a problem type, as PNG bytes.

    ``series`` maps a problem type to its count on each of ``days``. Types beyond the
    eight largest are summed into "other"; an empty chart says ``empty``. The weekly team
    report draws its cards per agent with it too (``scheduler.agent_reports``).
    """
    # matplotlib is imported here, at the first chart, not with the module: it is a fifth
    # of the desk's start-up imports, and most processes (the CLI, a desk between digests)
    # never draw
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    for name, counts in series.items():
        if len(counts) != len(days):
            raise ValueError(f"series {name!r} has {len(counts)} counts for {len(days)} days")
    figure = Figure(figsize=(8, 3.6), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(days)))
    bottom = [0] * len(days)
    for name, counts in _folded(series):
        axes.bar(positions, counts, bottom=bottom, label=name, width=0.8)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    if not any(bottom):
        axes.text(0.5, 0.5, empty, ha="center", va="center",
                  transform=axes.transAxes, color="grey")  # fmt: skip
    axes.set_title(title, loc="left", fontsize=11)
    axes.set_xticks(positions, [f"{d:%a}\n{d.day}" for d in days], fontsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if series:
        axes.legend(
            fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1), reverse=True
        )
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _folded(series: Mapping[str, Sequence[int]]) -> list[tuple[str, list[int]]]:
    """The largest types by total, then "other" for the rest, largest at the bottom."""
    ranked = sorted(series.items(), key=lambda item: (-sum(item[1]), item[0]))
    kept = [(name, list(counts)) for name, counts in ranked[:MAX_SERIES]]
    rest = ranked[MAX_SERIES:]
    if rest:
        kept.append(("other", [sum(day) for day in zip(*(c for _, c in rest), strict=True)]))
    return kept


async def problem_series(
    engine: Database,
    department: str | None,
    last_day: date,
    tz: ZoneInfo,
    *,
    days: int = CHART_DAYS,
) -> tuple[list[date], dict[str, list[int]]]:
    """Problems per type per local day for the ``days`` ending with ``last_day``.

    ``department`` None counts every department (the management chart). Days are cut at
    local midnight in ``tz``, so the bars match the digests.
    """
    calendar = [last_day - timedelta(days=n) for n in range(days - 1, -1, -1)]
    start, end = day_window(calendar[0], tz)[0], day_window(last_day, tz)[1]
    index = {day: n for n, day in enumerate(calendar)}
    series: dict[str, list[int]] = {}
    for intent, created_at in await Store(engine).problem_times(start, end, department=department):
        counts = series.setdefault(intent, [0] * days)
        counts[index[created_at.astimezone(tz).date()]] += 1
    return calendar, series
