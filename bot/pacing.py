"""Pacing: wait rather than exceed a platform's rate limit (nothing is ever dropped).

A ``Pacer`` remembers when each key (a chat, a channel, a whole platform) was last sent
to, and tells how long to wait before the next send stays within every limit that
applies. Time comes from an injectable monotonic clock so tests and benchmarks can run
platform time faster than the wall clock.

    pacer = Pacer()
    async with pacer.slot([("telegram:4242", Limit(1, 1.1)), ("telegram", Limit(25, 1.0))]):
        await channel.send("4242", "Hola")
    pacer.hold("telegram:4242", 3.0)   # the platform said "retry after 3 s"

Turns: sends that name a ``turn`` (whose send it is, e.g. one shopper's conversation) and
wait for the same keys are served fairly, not in whatever order their sleeps end: the
next free slot goes to the waiting turn served least recently, first come first served
within one turn. So one shopper with ten cards queued for the inbox channel (Slack allows
about one post a second there) delays another shopper's card by one slot, not ten::

    async with pacer.slot([("slack:C0INBOX", Limit(1, 1.1))], turn="conversation:17"):
        await post_card(...)

For the desk as a whole: several processes on one PostgreSQL database are one sender to
each platform, and a pacer per process would let each use the whole limit. With a
``shared`` backend (``bot.storage.pace_slots.PaceSlots``, which the runtime gives the
pacer on PostgreSQL), a send that this process's own pacing lets go is then claimed in the
database, where the sends of every process count; when the others took the slot, it
waits and looks again. A hold after a "retry after" is written there too, so every
process obeys it. Turns stay this process's: they order its own sends among themselves.
The single-process default (SQLite) needs none of it and makes no round trip::

    pacer = Pacer(shared=PaceSlots(store.engine))
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import os
import random
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Protocol

from bot.models import Limit

logger = logging.getLogger(__name__)

Rules = Sequence[tuple[str, Limit]]


class SharedPacing(Protocol):
    """Sends counted for every process of the desk (``bot.storage.pace_slots``)::

    wait, sends = await shared.claim(rules)  # (0.0, handles) when recorded
    if not wait:
        await channel.send(...)
        await shared.finish(sends)
    """

    async def claim(self, rules: Rules) -> tuple[float, list[int]]:
        """Record a send under the rules' keys if every limit allows one now, counting
        every process's sends: ``(0.0, handles)``; else ``(seconds to wait, [])``."""
        ...

    async def finish(self, sends: Sequence[int]) -> None:
        """The claimed sends are made: dated now, when their request ended."""
        ...

    async def hold(self, key: str, seconds: float) -> None:
        """No process sends under ``key`` for ``seconds``."""
        ...


class _Mark:
    """One send against a key: in flight until ``done``, then dated by its completion."""

    __slots__ = ("at", "done")

    def __init__(self, at: float, done: bool) -> None:
        self.at = at
        self.done = done


class _Send:
    """A send that got its slot: its marks here, and its handles in the shared backend."""

    __slots__ = ("marks", "shared")

    def __init__(self, marks: list[_Mark], shared: list[int]) -> None:
        self.marks = marks
        self.shared = shared


class _Waiter:
    """A send waiting for its slot: whose turn it is, and in which order it came."""

    __slots__ = ("order", "turn", "woken")

    def __init__(self, turn: str, order: int) -> None:
        self.turn = turn
        self.order = order
        self.woken = asyncio.Event()


# Turns served longer ago than this are forgotten (they would go first anyway).
_TURN_MEMORY_SECONDS = 3600.0


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
        *,
        shared: SharedPacing | None = None,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self.shared = shared  # the other processes' sends count too (set before sending)
        self._holding: set[asyncio.Task[None]] = set()  # holds being written to ``shared``
        self._sent: dict[str, deque[_Mark]] = {}
        self._held_until: dict[str, float] = {}
        self._waiting: dict[tuple[str, ...], list[_Waiter]] = {}
        self._served: dict[str, float] = {}  # turn -> when it last got a slot
        self._arrivals = itertools.count()

    def delay(self, rules: Rules) -> float:
        """Seconds until one more send is allowed under every rule (0 when allowed now),
        as far as this process knows: with a ``shared`` backend, the sends of the others
        are counted when the slot is taken (``slot``)."""
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
        await self._finish(await self._wait_and_take(rules))

    @asynccontextmanager
    async def slot(self, rules: Rules, *, turn: str | None = None) -> AsyncIterator[None]:
        """Wait until a send is allowed (and, with a ``turn``, until it is this turn's go);
        the send happens inside the block and is dated by when the block ends::

            async with pacer.slot(rules):
                await channel.send(chat_id, text)
        """
        if turn is None or not rules:
            send = await self._wait_and_take(rules)
        else:
            send = await self._wait_for_turn(rules, turn)
        try:
            yield
        finally:
            await self._finish(send)

    async def _wait_and_take(self, rules: Rules) -> _Send:
        while True:
            wait, send = await self._take(rules)
            if send is not None:
                return send
            await self.sleep(wait)

    async def _take(self, rules: Rules) -> tuple[float, _Send | None]:
        """Take the slot if this process's pacing and then (with a ``shared`` backend)
        every process's allow a send now: the send, in flight; else the seconds to wait."""
        if (wait := self.delay(rules)) > 0:
            return wait, None
        claimed: list[int] = []
        if self.shared is not None and rules:
            wait, claimed = await self.shared.claim(rules)
            if wait > 0:
                return wait, None
        return 0.0, _Send(self._mark(rules, done=False), claimed)

    async def _finish(self, send: _Send) -> None:
        """Date the send by now, when its request ended. The send went out whatever
        happens here, so a shared backend that cannot be told is logged, not raised (the
        caller would send it again); the others count it as in flight meanwhile, for
        ``IN_FLIGHT_LIMIT`` at most (``bot.storage.pace_slots``)."""
        finished = self.clock()
        for mark in send.marks:
            mark.at, mark.done = finished, True
        if send.shared and self.shared is not None:
            try:
                await self.shared.finish(send.shared)
            except Exception:
                logger.exception("a send could not be dated for the other processes")

    async def _wait_for_turn(self, rules: Rules, turn: str) -> _Send:
        """Wait among the sends for the same keys: only the one that goes next (the turn
        served least recently, then the earliest) watches the clock; the others wait until
        it has gone (or given up), then look again."""
        keys = tuple(key for key, _ in rules)
        queue = self._waiting.setdefault(keys, [])
        me = _Waiter(turn, next(self._arrivals))
        queue.append(me)
        try:
            while True:
                if min(queue, key=self._priority) is not me:
                    me.woken.clear()
                    await me.woken.wait()
                    continue
                wait, send = await self._take(rules)
                if send is not None:
                    break
                await self.sleep(wait)
        finally:
            queue.remove(me)
            if not queue:
                del self._waiting[keys]
            for other in queue:
                other.woken.set()
        self._remember_served(turn)
        return send

    def _priority(self, waiter: _Waiter) -> tuple[float, int]:
        return self._served.get(waiter.turn, -math.inf), waiter.order

    def _remember_served(self, turn: str) -> None:
        now = self.clock()
        self._served[turn] = now
        if len(self._served) > 1024:
            old = now - _TURN_MEMORY_SECONDS
            self._served = {t: at for t, at in self._served.items() if at > old}

    def hold(self, key: str, seconds: float) -> None:
        """Send nothing under ``key`` for ``seconds`` (after a 429 with retry-after): here
        at once, and in every process once the ``shared`` backend has it (``settled``)."""
        until = self.clock() + seconds
        self._held_until[key] = max(self._held_until.get(key, until), until)
        if self.shared is not None:
            task = asyncio.create_task(self._share_hold(self.shared, key, seconds))
            self._holding.add(task)
            task.add_done_callback(self._holding.discard)

    async def settled(self) -> None:
        """Wait until the holds asked for are written for the other processes."""
        while pending := [task for task in self._holding if not task.done()]:
            await asyncio.wait(pending)

    @staticmethod
    async def _share_hold(shared: SharedPacing, key: str, seconds: float) -> None:
        try:
            await shared.hold(key, seconds)
        except Exception:  # this process holds anyway; the others may be told again
            logger.exception("the hold of %s could not be shared with the other processes", key)

    def _mark(self, rules: Rules, *, done: bool) -> list[_Mark]:
        now = self.clock()
        marks = [_Mark(now, done) for _ in rules]
        for (key, _), mark in zip(rules, marks, strict=True):
            self._sent.setdefault(key, deque()).append(mark)
        return marks


# For tests only, never for a real desk: ``borderdesk run`` with
# ``BORDERDESK_TEST_TIME_SCALE=S`` keeps the platforms' rate limits in platform seconds that
# pass S times faster than the wall clock (``time.time() * S``, the same in every process
# and in a test's fakes), as ``bench/load.py --time-scale`` does, so that a test of several
# real processes does not wait out Slack's card a second. Unset (always, outside tests),
# the real clock. Read by ``scaled_clock_for_tests`` only; not a setting of ``bot.config``.
TEST_TIME_SCALE = "BORDERDESK_TEST_TIME_SCALE"


def scaled_clock_for_tests() -> (
    tuple[Callable[[], float], Callable[[float], Awaitable[None]]] | None
):
    """The scaled clock and sleep of ``BORDERDESK_TEST_TIME_SCALE`` (see above), or None
    when it is not set."""
    if not (value := os.environ.get(TEST_TIME_SCALE)):
        return None
    scale = float(value)
    if not scale > 0:
        raise ValueError(f"{TEST_TIME_SCALE} must be a positive number, not {value!r}")

    def now() -> float:
        return time.time() * scale

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / scale)

    return now, sleep


def desk_pacer() -> Pacer:
    """A new pacer for a desk process: on real time, or the test clock when one is set."""
    scaled = scaled_clock_for_tests()
    return Pacer() if scaled is None else Pacer(*scaled)


def backoff_seconds(attempts: int, *, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with full jitter: a random wait in [base/2, min(cap, base·2^n)].

    Jitter spreads retries of many failed sends so they do not hit a recovering
    platform at the same instant.
    """
    ceiling = min(cap, base * 2 ** max(0, attempts - 1))
    return random.uniform(min(base / 2, ceiling), ceiling)
