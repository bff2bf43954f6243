"""Delivers queued messages to shoppers: stored first, sent by this worker, never dropped.

A reply is queued in the same transaction as the decision that produced it, so a crash
between "Send" and delivery loses nothing: on start the worker finds it and sends it.
Each item is queued once (its key is unique), so a double click or a restart never
produces a second reply. Sending:

- per chat in order (only the oldest queued message of a chat is ever in flight, in any
  worker: several processes on one database claim each item before sending it, see
  ``bot.storage.outbox``, and record what came of it only while the claim is theirs);
- a file staff attached (stored with the reply) first, then the text: the file counts
  as the first piece, so a retry after it went out sends only the text;
- a proactive notice with its kind and values, to a channel that takes them
  (``NoticeSending``: WhatsApp sends the store's template for the kind once the shopper's
  24-hour window has closed);
- within the platform's rate limits (``ChannelCapabilities`` limits, via a ``Pacer``):
  a message over the limit waits its turn, it is never dropped;
- retried with exponential backoff and jitter on outages, after the platform's
  ``retry_after`` on a 429; long texts are split and a retry resumes after the last
  piece delivered;
- parked as ``dead`` with its error after ``max_attempts`` (or when the platform refuses
  it for good); staff are told, and ``borderdesk outbox retry`` queues it again.

Notes for staff wait in the same outbox (channel ``STAFF_NOTES``, their "chats" the
messages they go under) and go the same way, to the ``notes`` sink: each as our own
``Note``, its plain words and its kind, under the ``CardRef`` it was queued for.

One window remains: a crash after the platform accepted a message and before we recorded
it resends that message (piece) once its lease runs out (``lease``, 60 s by default); so
does a send that hangs past its lease and then goes through, as another worker took the
item over meanwhile. Telegram's sendMessage has no idempotency key, so no client can close
it.

    worker = OutboxWorker(store, channels, notes=StaffNotes(workspace), clock=utc_now)
    task = asyncio.create_task(worker.run())
    worker.wake()          # after queueing something
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime, timedelta

from bot.channels.base import CustomerChannel, DeliveryReporting, NoteSink, NoticeSending
from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected
from bot.models import CardRef, ChannelCapabilities
from bot.notes import Note
from bot.pacing import Pacer, backoff_seconds
from bot.repeated_failures import RepeatedFailures
from bot.storage import OutboxItem, Store
from bot.storage.delivery_statuses import Recorded
from bot.storage.file_guard import DatabaseLost
from bot.storage.outbox import LONGEST_WAIT, STAFF_NOTES, note_ref

logger = logging.getLogger(__name__)

# How long a claimed item is this worker's: no other worker (another process on the same
# database, or the next run after a crash) sends it before then. Far longer than a send
# takes, so a slow platform never has two workers sending one message; a crash test
# passes a few seconds, so its restarts resend within its run.
LEASE = timedelta(seconds=60)
# A platform asking for a longer pause is asked again after this (a wait beyond the
# storage's LONGEST_WAIT would read as a time set by a wrong clock).
LONGEST_RATE_WAIT = LONGEST_WAIT / 2
FailureHandler = Callable[[OutboxItem, str], Awaitable[None]]
DeliveryFound = Callable[[Recorded], Awaitable[None]]
# One piece of an item on its way: a call returning the platform's message id.
Piece = Callable[[], Awaitable[str]]


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


def backoff(attempts: int, base: float = 2.0) -> timedelta:
    """About 2, 4, 8 … seconds (with ``base`` 2) with jitter, at most 10 minutes."""
    return timedelta(seconds=backoff_seconds(attempts, base=base))


class OutboxWorker:
    """Sends due outbox items until stopped."""

    def __init__(
        self,
        store: Store,
        channels: Mapping[str, CustomerChannel],
        *,
        notes: NoteSink | None = None,
        clock: Callable[[], datetime],
        max_attempts: int = 8,
        on_failed: FailureHandler | None = None,
        on_delivery: DeliveryFound | None = None,
        idle_seconds: float = 1.0,
        pacer: Pacer | None = None,
        concurrency: int = 8,
        retry_base: float = 2.0,
        lease: timedelta = LEASE,
    ) -> None:
        self.store = store
        self.channels = channels
        self.notes = notes
        self.clock = clock
        self.max_attempts = max_attempts
        self.on_failed = on_failed
        # a delivery its platform reported before the send was recorded (or of the earlier
        # pieces of a long reply), found when the send is recorded: shown, or told as failed
        self.on_delivery = on_delivery
        self.idle_seconds = idle_seconds
        self.pacer = pacer or Pacer()
        self.concurrency = concurrency
        self.retry_base = retry_base
        self.lease = lease
        self._wake = asyncio.Event()
        self._stopping = False
        self._in_flight: dict[tuple[str, str], asyncio.Task[int]] = {}
        self._pass_failures = RepeatedFailures(logger, "outbox pass")

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Start sends as they fall due, up to ``concurrency`` at once (one per chat), until
        stopped; a slow or hanging send holds up only its own chat."""
        while not self._stopping:
            pause = self.idle_seconds
            try:
                batch, pause = await self._select()
                if self._start(batch):
                    pause = 0.0  # look again at once: more may be due behind these
            except DatabaseLost:
                break  # the runtime said it and stops the worker: nothing is sent unrecorded
            except Exception as exc:  # a full disk, a vanished database: counted, not spun
                self._pass_failures.failed(exc)
            else:
                self._pass_failures.succeeded()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), min(pause, self.idle_seconds))
            self._wake.clear()
        if self._in_flight:  # let sends already on the wire finish and be recorded
            await asyncio.wait(list(self._in_flight.values()), timeout=10)

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def drain(self) -> int:
        """Send everything due now and wait for it; return how many items were delivered.
        (For callers that run no worker: the demo, the terminal chat, tests.)"""
        batch, _ = await self._select()
        results = await asyncio.gather(*(self._claim_and_deliver(item) for item in batch))
        return sum(results)

    async def _select(self) -> tuple[list[OutboxItem], float]:
        """Due items that may go now: the oldest of each chat with nothing in flight and
        within its rate limit; and the seconds until a held-back one may go."""
        pause = self.idle_seconds
        free = self.concurrency - len(self._in_flight)
        batch: list[OutboxItem] = []
        if free <= 0 or self._stopping:
            return batch, pause
        for item in await self.store.due_outbox(self.clock(), limit=self.concurrency * 4):
            if (item.channel, item.chat_id) in self._in_flight:
                continue
            capabilities = self._capabilities(item)
            if capabilities is not None:
                rules = capabilities.limits_for(item.channel, item.chat_id)
                # a chat still inside its limit waits here, without blocking other chats
                wait = self.pacer.delay([r for r in rules if r[0] != item.channel])
                if wait > 0:
                    pause = min(pause, wait)
                    continue
            batch.append(item)
            if len(batch) >= free:
                break
        return batch, pause

    def _start(self, batch: list[OutboxItem]) -> int:
        """Send each item in its own task; when one ends, the loop looks again."""
        for item in batch:
            key = (item.channel, item.chat_id)
            task = asyncio.create_task(self._claim_and_deliver(item), name=f"outbox {item.id}")
            self._in_flight[key] = task
            task.add_done_callback(functools.partial(self._finished, key))
        return len(batch)

    def _finished(self, key: tuple[str, str], _: asyncio.Task[int]) -> None:
        self._in_flight.pop(key, None)
        self._wake.set()

    async def _claim_and_deliver(self, item: OutboxItem) -> int:
        """Claim and send one item; a storage failure (a full disk) is counted and its chat
        rests for ``idle_seconds`` instead of being tried again in a tight loop."""
        try:
            if self._stopping:
                return 0
            claim = await self.store.claim_outbox(item.id, self.clock(), self.lease)
            if claim is None:
                return 0  # another worker has it, or it is not its chat's turn
            return await self._deliver(item, claim)
        except DatabaseLost:
            return 0
        except Exception as exc:
            self._pass_failures.failed(exc, f"item {item.id}")
            await asyncio.sleep(self.idle_seconds)
            return 0

    def _capabilities(self, item: OutboxItem) -> ChannelCapabilities | None:
        """What the item's destination takes (its length, its pace); None when nothing
        here takes it."""
        if item.channel == STAFF_NOTES:
            return None if self.notes is None else self.notes.capabilities
        channel = self.channels.get(item.channel)
        return None if channel is None else channel.capabilities

    async def _deliver(self, item: OutboxItem, claim: str) -> int:
        """Send a claimed item and record what came of it, under its ``claim``: once the
        claim is no longer this worker's (its lease ran out and another worker took the
        item over), nothing more is recorded here, nor sent."""
        capabilities = self._capabilities(item)
        if capabilities is None:
            await self._fail(item, f"no channel named {item.channel!r} is running", claim)
            return 0
        rules = capabilities.limits_for(item.channel, item.chat_id)
        platform_id = ""
        reported = self._reported(item)
        try:
            pieces = await self._pieces(item, capabilities)
            for number in range(item.parts_sent, len(pieces)):
                async with self.pacer.slot(rules):
                    platform_id = await pieces[number]()
                if number + 1 < len(pieces) and not await self.store.outbox_part_sent(
                    item.id,
                    number + 1,
                    claim=claim,
                    # each piece's id, where its platform reports on each (WhatsApp)
                    platform_message_id=platform_id if reported else None,
                    at=self.clock(),
                ):
                    logger.warning("outbox item %s was taken over by another worker", item.id)
                    return 0
        except ChannelRateLimited as exc:
            for key, _ in rules:
                self.pacer.hold(key, exc.retry_after)
            logger.warning("outbox item %s: rate limited, again in %.0fs", item.id, exc.retry_after)
            # waiting as told is queueing, not failing: it does not use up an attempt
            wait = min(timedelta(seconds=exc.retry_after), LONGEST_RATE_WAIT)
            await self.store.outbox_retry(
                item.id, str(exc), self.clock() + wait, count_attempt=False, claim=claim
            )
            return 0
        except ChannelRejected as exc:
            await self._fail(item, str(exc), claim)
            return 0
        except ChannelError as exc:
            if item.attempts + 1 >= self.max_attempts:
                reason = f"gave up after {item.attempts + 1} attempts: {exc}"
                await self._fail(item, reason, claim)
            else:
                logger.warning("outbox item %s: %s; retrying", item.id, exc)
                retry_at = self.clock() + backoff(item.attempts + 1, self.retry_base)
                await self.store.outbox_retry(item.id, str(exc), retry_at, claim=claim)
            return 0
        recorded = await self._record_sent(item, platform_id, claim, reported)
        if recorded is not None and self.on_delivery is not None:
            try:  # what its platform reported before the send was recorded, applied now
                await self.on_delivery(recorded)
            except ChannelError:
                logger.exception("could not show the delivery of outbox item %s", item.id)
        return 1

    def _reported(self, item: OutboxItem) -> bool:
        """Whether the item's channel reports what became of each message (WhatsApp)."""
        channel = self.channels.get(item.channel)
        return item.channel != STAFF_NOTES and isinstance(channel, DeliveryReporting)

    async def _record_sent(
        self, item: OutboxItem, platform_id: str, claim: str, reported: bool
    ) -> Recorded | None:
        """Record a delivery, retrying while storage fails (a full disk): once the platform
        has the message, giving up here would send it again when the lease runs out."""
        while True:
            try:
                return await self.store.outbox_sent(
                    item, platform_id, self.clock(), claim=claim, reported=reported
                )
            except Exception as exc:
                if self._stopping:
                    raise
                self._pass_failures.failed(exc, f"recording item {item.id} as sent")
                await asyncio.sleep(self.idle_seconds)

    async def _pieces(self, item: OutboxItem, capabilities: ChannelCapabilities) -> Sequence[Piece]:
        """What goes out, in order: the attached file (unless it went out already), then
        the text cut to size; a note's kind goes with its first piece."""
        texts = split_text(item.text, capabilities.max_text_length)
        if item.channel == STAFF_NOTES and self.notes is not None:
            ref = note_ref(item.chat_id)
            return [
                functools.partial(
                    _post_note, self.notes, ref, Note(piece, item.note_kind if n == 0 else None)
                )
                for n, piece in enumerate(texts)
            ]
        channel = self.channels[item.channel]
        if item.notice is not None and isinstance(channel, NoticeSending):
            # a proactive notice goes with its kind and values (a template, at times)
            send = functools.partial(channel.send_notice, notice=item.notice)
            text = [functools.partial(send, item.chat_id, piece) for piece in texts]
        else:
            text = [functools.partial(channel.send, item.chat_id, piece) for piece in texts]
        if item.attachment_id is None:
            return text
        if item.parts_sent > 0:  # the file went out already: a placeholder keeps the count
            return [_already_sent, *text]
        if not channel.capabilities.files:
            raise ChannelRejected(f"{channel.name} cannot send files")
        stored = await self.store.attachment(item.attachment_id)
        if stored is None:
            raise ChannelRejected(f"the attached file {item.attachment_id} is no longer stored")
        send_file = functools.partial(
            channel.send_file, item.chat_id, stored.name, stored.data, stored.mimetype
        )
        return [send_file, *text]

    async def _fail(self, item: OutboxItem, reason: str, claim: str) -> None:
        if not await self.store.outbox_dead(item.id, reason, claim=claim):
            logger.warning("outbox item %s was taken over by another worker", item.id)
            return
        logger.error("outbox item %s parked as dead: %s", item.id, reason)
        if self.on_failed is not None:
            try:
                await self.on_failed(item, reason)
            except ChannelError:
                logger.exception("could not tell staff that outbox item %s failed", item.id)


async def _post_note(notes: NoteSink, ref: CardRef, note: Note) -> str:
    return (await notes.post_note(ref, note)).ts


async def _already_sent() -> str:
    raise AssertionError("a piece already delivered is never sent again")
