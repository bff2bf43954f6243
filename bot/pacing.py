"""Pacing: wait rather than exceed a platform's rate limit (nothing is ever dropped).

A ``Pacer`` remembers when each key (a chat, a channel, a whole platform) was last sent
to, and tells how long to wait before the next send stays within every limit that
applies. Time comes from an injectable monotonic clock so tests and benchmarks can run
platform time faster than the wall clock.

    pacer = Pacer()
    await pacer.acquire([("telegram:4242", Limit(1, 1.1)), ("telegram", Limit(25, 1.0))])
    await channel.send("4242", "Hola")
    pacer.hold("telegram:4242", 3.0)   # the platform said "retry after 3 s"
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence

from bot.models import Limit

Rules = Sequence[tuple[str, Limit]]


class Pacer:
    """Sliding-window pacing per key, plus holds after a platform asked us to slow down."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self._sent: dict[str, deque[float]] = {}
        self._held_until: dict[str, float] = {}

    def delay(self, rules: Rules) -> float:
        """Seconds until one more send is allowed under every rule (0 when allowed now)."""
        now = self.clock()
        wait = 0.0
        for key, limit in rules:
            wait = max(wait, self._held_until.get(key, now) - now)
            times = self._sent.get(key)
            if times is None:
                continue
            while times and times[0] <= now - limit.seconds:
                times.popleft()
            if len(times) >= limit.count:
                wait = max(wait, times[-limit.count] + limit.seconds - now)
        return max(0.0, wait)

    def note(self, rules: Rules) -> None:
        """Record a send against every rule's key."""
        now = self.clock()
        for key, limit in rules:
            times = self._sent.setdefault(key, deque())
            times.append(now)
            while len(times) > limit.count:
                times.popleft()

    async def acquire(self, rules: Rules) -> None:
        """Wait until a send is allowed, then record it (callers send right after)."""
        while (wait := self.delay(rules)) > 0:
            await self.sleep(wait)
        self.note(rules)

    def hold(self, key: str, seconds: float) -> None:
        """Send nothing under ``key`` for ``seconds`` (after a 429 with retry-after)."""
        until = self.clock() + seconds
        self._held_until[key] = max(self._held_until.get(key, until), until)


def backoff_seconds(attempts: int, *, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter: a random wait in [base/2, min(cap, base·2^n)].

    Jitter spreads retries of many failed sends so they do not hit a recovering
    platform at the same instant.
    """
    ceiling = min(cap, base * 2 ** max(0, attempts - 1))
    return random.uniform(min(base / 2, ceiling), ceiling)
