"""Pacing: wait rather than exceed a platform's rate limit (nothing is ever dropped).

A ``Pacer`` remembers when each key (a chat, a channel, a whole platform) was last sent
to, and tells how long to wait before the next send stays within every limit that
applies. Time comes from an injectable monotonic clock so tests and benchmarks can run
platform time faster than the wall clock.

    pacer = Pacer()
    async with pacer.slot([("telegram:4242", Limit(1, 1.1)), ("telegram", Limit(25, 1.0))]):
        await channel.send("4242", "Hola")
    pacer.hold("telegram:4242", 3.0)   # the platform said "retry after 3 s"
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from bot.models import Limit

Rules = Sequence[tuple[str, Limit]]


class _Mark:
    """One send against a key: in flight until ``done``, then dated by its completion."""

    __slots__ = ("at", "done")

    def __init__(self, at: float, done: bool) -> None:
        self.at = at
        self.done = done


class Pacer:
    """Sliding-window pacing per key, plus holds after a platform asked us to slow down.

    A send is dated by when its request *finished* (``slot``): the platform received it
    no later than that, so the spacing the platform sees is never less than ours, however
    long the network took. A send still in flight counts as happening now.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self._sent: dict[str, deque[_Mark]] = {}
        self._held_until: dict[str, float] = {}

    def delay(self, rules: Rules) -> float:
        """Seconds until one more send is allowed under every rule (0 when allowed now)."""
        now = self.clock()
        wait = 0.0
        for key, limit in rules:
            wait = max(wait, self._held_until.get(key, now) - now)
            marks = self._sent.get(key)
            if not marks:
                continue
            recent = [m for m in marks if not m.done or m.at > now - limit.seconds]
            if len(recent) != len(marks):
                self._sent[key] = deque(recent)
            if len(recent) >= limit.count:
                times = sorted(m.at if m.done else now for m in recent)
                wait = max(wait, times[-limit.count] + limit.seconds - now)
        return max(0.0, wait)

    def note(self, rules: Rules) -> None:
        """Record a send, made now, against every rule's key."""
        self._mark(rules, done=True)

    async def acquire(self, rules: Rules) -> None:
        """Wait until a send is allowed, then record it as made now."""
        while (wait := self.delay(rules)) > 0:
            await self.sleep(wait)
        self.note(rules)

    @asynccontextmanager
    async def slot(self, rules: Rules) -> AsyncIterator[None]:
        """Wait until a send is allowed; the send happens inside the block and is dated by
        when the block ends::

            async with pacer.slot(rules):
                await channel.send(chat_id, text)
        """
        while (wait := self.delay(rules)) > 0:
            await self.sleep(wait)
        marks = self._mark(rules, done=False)
        try:
            yield
        finally:
            finished = self.clock()
            for mark in marks:
                mark.at, mark.done = finished, True

    def hold(self, key: str, seconds: float) -> None:
        """Send nothing under ``key`` for ``seconds`` (after a 429 with retry-after)."""
        until = self.clock() + seconds
        self._held_until[key] = max(self._held_until.get(key, until), until)

    def _mark(self, rules: Rules, *, done: bool) -> list[_Mark]:
        now = self.clock()
        marks = [_Mark(now, done) for _ in rules]
        for (key, _), mark in zip(rules, marks, strict=True):
            self._sent.setdefault(key, deque()).append(mark)
        return marks


def backoff_seconds(attempts: int, *, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter: a random wait in [base/2, min(cap, base·2^n)].

    Jitter spreads retries of many failed sends so they do not hit a recovering
    platform at the same instant.
    """
    ceiling = min(cap, base * 2 ** max(0, attempts - 1))
    return random.uniform(min(base / 2, ceiling), ceiling)
