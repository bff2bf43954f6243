"""Trouble on demand and rate bookkeeping shared by the fake Telegram and Slack servers.

Why: the bot must survive what real platforms do now and then (refuse a call, drop the
connection, answer late) and must never send faster than the platforms allow. The fakes
mix in ``FaultInjection`` and keep a ``RateMeter`` of their successful sends, so a test can
inject a fault and assert on what was delivered and how fast::

    fake.reset_next("sendMessage")                 # the next call gets no answer at all
    fake.stall_next("chat.postMessage", 2.0)      # answered (and delivered) after 2 s
    ...
    assert fake.max_chat_rate() <= 1 and not fake.rate_violations

Rate time comes from an injectable clock (``ManualClock`` in tests, a scaled clock in a
benchmark), never from sleeping.
"""

from __future__ import annotations

import asyncio
import math
import socket
import struct
from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Fail:
    """Answer with this HTTP status, JSON body and headers instead of handling the call."""

    status: int
    body: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reset:
    """Drop the connection with a TCP reset and send no HTTP response at all."""


@dataclass(frozen=True)
class Stall:
    """Wait ``seconds`` first. ``deliver``: then handle the call normally, even when the
    client has given up meanwhile (as a real platform does); otherwise drop the connection
    without acting on the call, as if the request had been lost."""

    seconds: float
    deliver: bool = True


Fault = Fail | Reset | Stall


class FaultPlan:
    """Faults queued per method, each consumed by one call, in the order they were added."""

    def __init__(self) -> None:
        self._queues: dict[str, deque[Fault]] = defaultdict(deque)
        self._released = asyncio.Event()

    def add(self, method: str, fault: Fault, times: int = 1) -> None:
        if times < 1:
            raise ValueError(f"times must be at least 1, got {times}")
        self._queues[method].extend([fault] * times)

    def pending(self, method: str) -> int:
        """How many calls of ``method`` will still meet a fault."""
        return len(self._queues.get(method, ()))

    async def act(self, method: str, request: web.Request) -> web.Response | None:
        """Play the next fault of ``method``: the response to give instead of the normal
        answer, or None when the call is to be handled normally."""
        queue = self._queues.get(method)
        if not queue:
            return None
        fault = queue.popleft()
        if isinstance(fault, Fail):
            return web.json_response(dict(fault.body), status=fault.status, headers=fault.headers)
        if isinstance(fault, Stall):
            stalled_to_the_end = await self._sleep(fault.seconds)
            if stalled_to_the_end and fault.deliver:
                return None
        return _drop_connection(request)

    def release(self) -> None:
        """End every stall now, without delivering: the server is stopping."""
        self._released.set()
        self._released = asyncio.Event()

    async def _sleep(self, seconds: float) -> bool:
        """True when the whole stall passed, False when ``release`` cut it short."""
        try:
            await asyncio.wait_for(self._released.wait(), seconds)
        except TimeoutError:
            return True
        return False


def _drop_connection(request: web.Request) -> web.Response:
    """Reset the TCP connection (linger 0 sends RST); the returned response is never sent."""
    transport = request.transport
    if transport is not None and not transport.is_closing():
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    return web.Response(status=499)


@dataclass(frozen=True)
class Send:
    """One delivered message: when (rate clock), where (chat id or channel), by which method."""

    at: float
    target: int | str
    method: str


@dataclass(frozen=True)
class RateLimit:
    """At most ``count`` sends in any ``window`` seconds among the sends ``applies`` to,
    counted per target (chat, channel) or, with ``per_target=False``, all together."""

    text: str
    count: int
    window: float
    applies: Callable[[Send], bool]
    per_target: bool = True

    def shares_bucket(self, a: Send, b: Send) -> bool:
        return self.applies(b) and (not self.per_target or a.target == b.target)


class RateMeter:
    """Records successful sends and judges each against the platform's limits.

    A send over a limit is described in ``violations``. With ``enforce`` it is refused
    (not recorded) and ``admit`` says how many whole seconds to wait, at least 1; without,
    it goes through and the test can assert ``violations == []`` afterwards. The clock must
    not run backwards.
    """

    def __init__(
        self, limits: Sequence[RateLimit], clock: Callable[[], float], enforce: bool = False
    ) -> None:
        self.limits = tuple(limits)
        self.clock = clock
        self.enforce = enforce
        self.sends: list[Send] = []
        self.violations: list[str] = []

    def admit(self, method: str, target: int | str) -> int | None:
        """Meter a send about to be delivered: None when it may go (it is recorded), else
        the ``retry_after`` seconds the platform would answer."""
        send = Send(self.clock(), target, method)
        broken: list[str] = []
        wait = 0.0
        for limit in self.limits:
            if not limit.applies(send):
                continue
            since = send.at - limit.window  # sends at or before this are out of the window
            recent = [s.at for s in self._since(since) if limit.shares_bucket(send, s)]
            if len(recent) >= limit.count:
                broken.append(limit.text)
                # refused sends are not recorded, so one more may go when the oldest leaves
                wait = max(wait, min(recent) + limit.window - send.at)
        if broken:
            verdict = "refused" if self.enforce else "delivered anyway"
            self.violations.append(
                f"{method} to {target} at t={send.at:.3f}s broke the limit of "
                f"{' and '.join(broken)} ({verdict})"
            )
            if self.enforce:
                return max(1, math.ceil(wait))
        self.sends.append(send)
        return None

    def max_rate(self, window: float, *, method: str | None = None, per_target: bool = True) -> int:
        """Most sends (of ``method``, per target or overall) in any window [t, t + window)."""
        groups: dict[int | str | None, list[float]] = defaultdict(list)
        for send in self.sends:
            if method in (None, send.method):
                groups[send.target if per_target else None].append(send.at)
        best = 0
        for times in groups.values():
            times.sort()
            first = 0
            for last, at in enumerate(times):
                while times[first] <= at - window:
                    first += 1
                best = max(best, last - first + 1)
        return best

    def _since(self, moment: float) -> list[Send]:
        """Recorded sends later than ``moment`` (they are kept in clock order)."""
        found = []
        for send in reversed(self.sends):
            if send.at <= moment:
                break
            found.append(send)
        return found


class ManualClock:
    """A rate clock that moves only when told, for tests: ``FakeX(rate_clock=clock)``."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FaultInjection:
    """Mixin for a fake server holding ``faults`` and ``rates``; its handler calls
    ``await self.faults.act(method, request)`` and its ``stop`` calls
    ``self.faults.release()``. ``_canonical`` maps a method name to the queue key."""

    faults: FaultPlan
    rates: RateMeter

    def _canonical(self, method: str) -> str:
        return method

    def reset_next(self, method: str, times: int = 1) -> None:
        """Drop the connection of the next ``times`` calls of ``method`` without answering."""
        self.faults.add(self._canonical(method), Reset(), times)

    def stall_next(
        self, method: str, seconds: float, times: int = 1, *, deliver: bool = True
    ) -> None:
        """Hold the next ``times`` calls of ``method`` for ``seconds`` each. Then, with
        ``deliver`` (the default, like the real platform), handle them normally, even if
        the client timed out meanwhile (so a retry makes a duplicate); without, drop the
        connection and do nothing (the call is never delivered)."""
        self.faults.add(self._canonical(method), Stall(seconds, deliver), times)

    @property
    def rate_violations(self) -> list[str]:
        """Every send over a platform limit, refused or (enforcement off) delivered."""
        return self.rates.violations
