"""Probes ``bench/load.py`` attaches to a running desk: step times, log tally, loop lag.

``Timings.attach`` wraps three methods of the running desk's own objects (the store's
``record_arrivals``, through which every message is stored, a batch at a time; the Slack
workspace's ``post``, timed for cards only) to note, on the wall clock, when each shopper
message was stored and when its card was handed to the Slack adapter and came back
posted. Nothing else changes: the wrappers
call the originals with the same arguments and return what they return.

    timings = Timings()
    timings.attach(desk)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bot.models import Card, CardRef
from bot.storage.intake import Arrival, Recorded
from tests.e2e.harness import Desk


class Timings:
    """Wall-clock moments per message (by platform id) and per card (by suggestion id)."""

    def __init__(self) -> None:
        self.stored: dict[str, float] = {}
        self.card_ready: dict[int, float] = {}
        self.card_posted: dict[int, float] = {}

    def attach(self, desk: Desk) -> None:
        store = desk.runtime.ctx.store
        record_arrivals = store.record_arrivals

        async def recorded(arrivals: Sequence[Arrival], **options: Any) -> list[Recorded]:
            result = await record_arrivals(arrivals, **options)
            now = time.time()
            for arrival in arrivals:
                self.stored.setdefault(arrival.message.platform_message_id, now)
            return result

        store.record_arrivals = recorded  # type: ignore[method-assign]
        workspace = desk.runtime.workspace
        workspace.post = self._timed(workspace.post)  # type: ignore[method-assign,assignment]

    def _timed(
        self, post: Callable[..., Awaitable[CardRef | None]]
    ) -> Callable[..., Awaitable[CardRef | None]]:
        async def posted(item: object, **where: Any) -> CardRef | None:
            if not isinstance(item, Card):  # notes, confirmations, reports: not timed
                return await post(item, **where)
            self.card_ready.setdefault(item.suggestion_id, time.time())
            ref = await post(item, **where)
            self.card_posted[item.suggestion_id] = time.time()
            return ref

        return posted


class LogTally(logging.Handler):
    """Counts the desk's warnings and errors; keeps the first few distinct ones to show."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()
        self.samples: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.levelname] += 1
        head = f"{record.name}: {record.msg}"
        if head not in self.samples and len(self.samples) < 8:
            self.samples[head] = f"{record.levelname} {record.name}: {record.getMessage()}"[:300]


async def watch_loop_lag(lags: list[float], stop: asyncio.Event) -> None:
    """How late (ms) the event loop wakes a 50 ms sleep: is the process short of CPU?"""
    while not stop.is_set():
        began = time.monotonic()
        await asyncio.sleep(0.05)
        lags.append((time.monotonic() - began - 0.05) * 1000)
