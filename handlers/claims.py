"""A conversation's messages, handled by one process at a time, in the order they came.

Whoever has a stored message to handle (the intake right after storing it, the resume
job finding it unprocessed) calls ``handle_conversation``, which claims the conversation
in the database (``bot.storage.claims``) and handles every message of it that waits,
oldest first, before letting go. A second process, or a second call in this one, finds
the conversation taken and returns at once: the owner takes its message too, because it
looks for messages once more as it lets go. So a shopper's card is posted once however
many processes share the desk, and their second message is read after their first.

The claim is renewed every third of ``Context.claim_lease`` while the owner works (a
translation or Slack's pacing can take a while); a process that dies holding it leaves
the row until the lease ends, and then the next resume run of any process takes the
conversation over. An owner that finds its claim taken (it stalled past its lease)
stops at the next message.

A message that fails (Slack down, a bug) stays stored and unprocessed; the owner moves
on to the next one, as each message used to be handled on its own, and does not try the
failed one again before letting go: the resume job retries it later::

    done = await handle_conversation(ctx, conversation_id, handle_one, announced={message_id})
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from dataclasses import dataclass, field

from bot.context import Context
from bot.repeated_failures import RepeatedFailures

logger = logging.getLogger(__name__)

# One message handled: its id in, True when it is done (False: it stays for a retry).
MessageHandler = Callable[[int], Awaitable[bool]]
# Like the logger it writes to, one per process: failures are counted across conversations.
_CLAIM_FAILURES = RepeatedFailures(logger, "claiming conversations")


@dataclass
class _Lease:
    """The claim held by one ``handle_conversation``: renewed meanwhile (``_renewed``),
    released by ``release``, never both at once (a renewal just after the release would
    find no row and take the claim for lost)."""

    ctx: Context
    conversation_id: int
    lost: bool = False  # the claim ran out and another process took the conversation
    released: bool = False
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def renew(self) -> None:
        async with self.turn:
            if self.released:
                return
            ctx = self.ctx
            if not await ctx.store.renew_conversation(
                self.conversation_id, ctx.worker, ctx.clock(), ctx.claim_lease
            ):
                logger.warning(
                    "conversation %s was taken over by another process (this one's claim ran "
                    "out); it stops after the message it is on",
                    self.conversation_id,
                )
                self.lost = True

    async def release(self, tried: set[int]) -> list[int]:
        """Let go (``ClaimQueries.release_conversation``): [] once released, else the
        messages that came meanwhile, with the claim still held."""
        async with self.turn:
            ctx = self.ctx
            waiting = await ctx.store.release_conversation(
                self.conversation_id, ctx.worker, ctx.clock(), ctx.claim_lease, tried
            )
            self.released = not waiting
            return waiting


async def handle_conversation(
    ctx: Context,
    conversation_id: int,
    handle: MessageHandler,
    *,
    announced: Collection[int] = (),
) -> set[int]:
    """Handle the conversation's waiting messages in order, holding its claim; the ids of
    those done. Nothing (an empty set) when another process holds the claim, or when
    this one is handling the conversation already: ``announced`` (messages stored just
    now) are then left to it, which looks for them before it ends."""
    if (meanwhile := ctx.handling.get(conversation_id)) is not None:
        meanwhile.update(announced)
        return set()
    # this call's own ``announced`` were stored before its claim, which finds them; what
    # other calls announce meanwhile may have been stored after the release looked
    announced_here = ctx.handling[conversation_id] = set()
    done: set[int] = set()
    tried: set[int] = set()  # each message is tried once here; a failed one waits for resume
    holding = False
    try:
        while True:
            waiting = await ctx.store.claim_conversation(
                conversation_id, ctx.worker, ctx.clock(), ctx.claim_lease
            )
            _CLAIM_FAILURES.succeeded()
            if waiting is None:
                return done  # another process has it, and will see these messages
            holding = True
            async with _renewed(ctx, conversation_id) as lease:
                waiting = [m for m in waiting if m not in tried]
                while True:
                    for message_id in waiting:
                        tried.add(message_id)
                        ctx.in_flight.add(message_id)
                        if await handle(message_id):
                            done.add(message_id)
                        if lease.lost:
                            return done
                    # [] once released; messages that came meanwhile come with the claim
                    waiting = await lease.release(tried)
                    if not waiting:
                        break
            holding = False
            # announced here after the release looked (stored just after it): claim again
            if not announced_here - tried:
                return done
            announced_here.clear()
    except Exception as exc:  # the database failed: the claim runs out, resume retries
        _CLAIM_FAILURES.failed(exc, f"conversation {conversation_id}, kept for a retry")
        return done
    finally:
        del ctx.handling[conversation_id]
        if holding:  # cancelled, or the database failed: let others have it now if it can
            with contextlib.suppress(Exception):
                await ctx.store.release_conversation(
                    conversation_id, ctx.worker, ctx.clock(), ctx.claim_lease, None
                )
        # out of flight once their conversation is let go: a resume run may take them now
        ctx.in_flight.difference_update(tried)


@contextlib.asynccontextmanager
async def _renewed(ctx: Context, conversation_id: int) -> AsyncIterator[_Lease]:
    """Renew the claim every third of its lease until the block ends; ``lost`` once the
    claim is found taken over."""
    lease = _Lease(ctx, conversation_id)
    stop = asyncio.Event()

    async def keep() -> None:
        every = ctx.claim_lease.total_seconds() / 3
        while not lease.lost:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
                return
            try:
                await lease.renew()
            except Exception as exc:  # the database failed; the next renewal tries again
                _CLAIM_FAILURES.failed(exc, f"renewing conversation {conversation_id}")

    keeper = asyncio.create_task(keep(), name=f"claim of conversation {conversation_id}")
    try:
        yield lease
    finally:
        stop.set()
        await keeper
