"""The reads and the one write behind spike alerts: recent problems, the same clock
windows on earlier days, and each alert's key recorded once.

What a spike is, which windows are compared and what an alert's key is are the alert's
rules (``scheduler/spikes.py``); these queries read the problems of the windows they are
given and insert the keys they are handed. ``alerts.key`` is unique, so of two processes
recording the same key only one inserts it::

    recent = await store.recent_problems(now - window, now)
    history = await store.problem_history([("logistics", "delivery_delay")], windows)
    inserted, continuing = await store.record_alert(key, "logistics", now, previous=old_key)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.digest_queries import SEEN_PROBLEM, in_department_window
from bot.storage.report_records import SeenProblem
from bot.storage.schema import alerts, problems


class SpikeQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def recent_problems(self, start: datetime, end: datetime) -> list[SeenProblem]:
        """Problems of every department first reported in ``[start, end)``, oldest first."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(*SEEN_PROBLEM)
                .where(problems.c.created_at >= start, problems.c.created_at < end)
                .order_by(problems.c.created_at)
            )
            return list(map(SeenProblem._make, rows))

    async def problem_history(
        self, subjects: Sequence[tuple[str, str]], windows: Sequence[tuple[datetime, datetime]]
    ) -> dict[tuple[str, str], list[SeenProblem]]:
        """For each (department, intent) of ``subjects``, its problems first reported in
        any of the windows (``[start, end)`` each), oldest first; in one transaction.

        The range from the first window's start to the last one's end is what the index
        answers; only the rows inside a window reach Python (1/8 of it for 3-hour windows
        on each day)."""
        if not windows:
            return {subject: [] for subject in subjects}
        span = min(s for s, _ in windows), max(e for _, e in windows)
        inside = or_(
            *((problems.c.created_at >= s) & (problems.c.created_at < e) for s, e in windows)
        )
        found: dict[tuple[str, str], list[SeenProblem]] = {}
        async with self.reader.connect() as conn:
            for department, intent in subjects:
                rows = await conn.execute(
                    select(*SEEN_PROBLEM)
                    .where(
                        in_department_window(department, *span),
                        problems.c.intent == intent,
                        inside,
                    )
                    .order_by(problems.c.created_at)
                )
                found[(department, intent)] = list(map(SeenProblem._make, rows))
        return found

    async def record_alert(
        self, key: str, department: str, now: datetime, *, previous: str
    ) -> tuple[bool, bool]:
        """Insert the alert ``key``: (whether this call inserted it, whether the alert
        continues one recorded as ``previous``). A key already there is (False, True): the
        alert is someone else's to announce, and going on."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(alerts).values(key=key, department=department, created_at=now)
                )
                earlier = await conn.scalar(select(alerts.c.id).where(alerts.c.key == previous))
        except IntegrityError:
            return False, True
        return True, earlier is not None
