"""Delivers queued replies to shoppers, with retries; the only path out to a customer channel.

A reply is queued in the same transaction as the decision that produced it, so a crash
between "Send" and delivery loses nothing: on start the worker finds it and sends it.
Delivery is at least once per queued item and each item is queued once (its key is
unique), so a double click or a restart never produces a second reply.

    worker = OutboxWorker(store, channels, clock=utc_now)
    task = asyncio.create_task(worker.run())
    worker.wake()          # after queueing something
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from bot.channels.base import CustomerChannel
from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected
from bot.storage import OutboxItem, Store

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
FailureHandler = Callable[[OutboxItem, str], Awaitable[None]]


def split_text(text: str, limit: int) -> list[str]:
    """Cut a long reply into pieces a channel accepts, preferring paragraph and line breaks."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]  # a break right after the limit still leaves a full piece
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def backoff(attempts: int) -> timedelta:
    """2, 4, 8 … seconds, at most 10 minutes."""
    return timedelta(seconds=min(600, 2 ** max(1, attempts)))


class OutboxWorker:
    """Sends due outbox items until stopped."""

    def __init__(
        self,
        store: Store,
        channels: Mapping[str, CustomerChannel],
        *,
        clock: Callable[[], datetime],
        max_attempts: int = 8,
        on_failed: FailureHandler | None = None,
        idle_seconds: float = 1.0,
    ) -> None:
        self.store = store
        self.channels = channels
        self.clock = clock
        self.max_attempts = max_attempts
        self.on_failed = on_failed
        self.idle_seconds = idle_seconds
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            try:
                await self.drain()
            except Exception:
                logger.exception("outbox pass failed; trying again shortly")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.idle_seconds)
            self._wake.clear()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def drain(self) -> int:
        """Send everything due now; return how many items were delivered."""
        delivered = 0
        for item in await self.store.due_outbox(self.clock()):
            if self._stopping:
                break
            if await self.store.claim_outbox(item.id, self.clock(), LEASE):
                delivered += await self._deliver(item)
        return delivered

    async def _deliver(self, item: OutboxItem) -> int:
        channel = self.channels.get(item.channel)
        if channel is None:
            await self._fail(item, f"no channel named {item.channel!r} is running")
            return 0
        try:
            platform_id = ""
            for piece in split_text(item.text, channel.capabilities.max_text_length):
                platform_id = await channel.send(item.chat_id, piece)
        except ChannelRateLimited as exc:
            await self.store.outbox_retry(
                item.id, str(exc), self.clock() + timedelta(seconds=exc.retry_after)
            )
            return 0
        except ChannelRejected as exc:
            await self._fail(item, str(exc))
            return 0
        except ChannelError as exc:
            attempts = item.attempts + 1
            if attempts >= self.max_attempts:
                await self._fail(item, f"gave up after {attempts} attempts: {exc}")
            else:
                logger.warning("outbox item %s: %s; retrying", item.id, exc)
                await self.store.outbox_retry(item.id, str(exc), self.clock() + backoff(attempts))
            return 0
        await self.store.outbox_sent(item, platform_id, self.clock())
        return 1

    async def _fail(self, item: OutboxItem, reason: str) -> None:
        logger.error("outbox item %s not delivered: %s", item.id, reason)
        await self.store.outbox_failed(item.id, reason)
        if self.on_failed is not None:
            try:
                await self.on_failed(item, reason)
            except ChannelError:
                logger.exception("could not tell staff that outbox item %s failed", item.id)
