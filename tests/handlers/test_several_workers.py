"""Two workers on one database handle a conversation once, in order (issue 17).

Each test runs one desk (a Runtime on the local channel and workspace) and a second
"process" beside it: a Context of its own (its own claim name, nothing in memory shared
with the first) on a Store of its own (its own engine and connections), on the same
database, and an outbox worker on that store. Both post to the one workspace and send
through the one channel, so what the shopper and staff would see twice is seen twice.
On SQLite the two take turns for the write lock; on PostgreSQL they really race.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.channels.notes import StaffNotes
from bot.config import Config
from bot.context import Context
from bot.models import ActionKind, InboundMessage, StaffAction
from bot.outbox import OutboxWorker
from bot.runtime import Runtime
from bot.storage import Store
from bot.storage.claims import worker_name
from bot.storage.schema import conversation_claims
from handlers.inbound import process_message, resume_unprocessed
from handlers.intake import accept_inbound_batch
from tests.bot.storage.databases import DATABASES, database_url
from tests.e2e.harness import wait_until
from tests.handlers.desk import AGENT, AGENT_NAME, DESK, Clock, local_desk

WHERE = "Hello, where is my order?"
MEXICO = "Do you ship to Mexico?"


def message(text: str, clock: Clock, number: int = 1) -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        chat_id="4242",
        platform_message_id=f"4242:{number}",
        user_id="4242",
        user_name="Ana Lima",
        text=text,
        received_at=clock.now,
        language_hint="en",
    )


@dataclass
class TwoWorkers:
    first: Context
    second: Context
    runtime: Runtime
    channel: LocalChannel
    workspace: LocalWorkspace
    clock: Clock
    outboxes: tuple[OutboxWorker, OutboxWorker]
    _n: int = 0

    async def store(self, ctx: Context, *texts: str) -> list[tuple[int, int]]:
        """What ``ctx``'s intake stores (a webhook reaching that process), not handled yet."""
        arrived = []
        for text in texts:
            self._n += 1
            arrived.append(message(text, self.clock, self._n))
        return await accept_inbound_batch(ctx, arrived)

    def cards(self) -> list[str]:
        return [c.card.original_text for c in self.workspace.cards.values()]

    async def send_every_card(self) -> None:
        for posted in list(self.workspace.cards.values()):
            await self.runtime.on_action(
                StaffAction(
                    kind=ActionKind.SEND,
                    user_id=AGENT,
                    user_name=AGENT_NAME,
                    at=self.clock.now,
                    suggestion_id=posted.card.suggestion_id,
                    handle="trigger",
                )
            )

    async def deliver(self) -> None:
        """Both outbox workers at once, until nothing is due (a chat's next reply is due
        only once the one before it is sent)."""
        while await self.first.store.due_outbox(self.clock.now):
            await asyncio.gather(*(worker.drain() for worker in self.outboxes))


@pytest.fixture(params=DATABASES)
async def workers(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[TwoWorkers]:
    clock = Clock()
    async with database_url(request.param, tmp_path) as url:
        config = replace(Config(), database_url=url, translator="none")
        channel, workspace = LocalChannel(), LocalWorkspace()
        runtime = Runtime(
            config,
            channels=[channel],
            workspace=workspace,
            clock=clock,
            background=False,
            desk=DESK,
        )
        async with runtime:
            other = await Store.open(url)
            try:
                second = replace(
                    runtime.ctx, store=other, worker=worker_name(), handling={}, in_flight=set()
                )
                other_outbox = OutboxWorker(
                    other, runtime.channels, notes=StaffNotes(workspace), clock=clock
                )
                yield TwoWorkers(
                    runtime.ctx,
                    second,
                    runtime,
                    channel,
                    workspace,
                    clock,
                    (runtime.outbox, other_outbox),
                )
            finally:
                await other.close()


async def test_two_workers_resuming_one_conversation_post_each_card_once_in_order(
    workers: TwoWorkers,
) -> None:
    await workers.store(workers.first, WHERE, MEXICO)

    handled = await asyncio.gather(
        resume_unprocessed(workers.first), resume_unprocessed(workers.second)
    )

    assert sorted(handled) in ([0, 2], [1, 1]), handled
    assert workers.cards() == [WHERE, MEXICO]
    assert await workers.first.store.unprocessed_inbound() == []

    await workers.send_every_card()
    await workers.deliver()
    sent = [text for _, text in workers.channel.sent]
    assert len(sent) == 2, sent
    assert sent[1].startswith("Hi Ana, the delivery options"), sent
    assert "Mexico" not in sent[0]


async def test_shoppers_writing_to_both_workers_at_once_get_each_card_once_in_order(
    workers: TwoWorkers,
) -> None:
    """Six shoppers write three messages each, every message reaching one worker or the
    other (two processes behind one webhook address), and each worker starts handling
    what it stored at once, concurrently with the others and with both resume jobs."""

    async def shopper(number: int) -> None:
        handling = []
        for turn in (1, 2, 3):
            ctx = (workers.first, workers.second)[(number + turn) % 2]
            arrived = replace(
                message(f"Question {turn} from shopper {number}", workers.clock),
                chat_id=f"77{number}",
                user_id=f"77{number}",
                platform_message_id=f"77{number}:{turn}",
            )
            for stored in await accept_inbound_batch(ctx, [arrived]):
                handling.append(asyncio.create_task(process_message(ctx, *stored)))
        await asyncio.gather(*handling)

    await asyncio.gather(
        *(shopper(number) for number in range(6)),
        resume_unprocessed(workers.first),
        resume_unprocessed(workers.second),
    )
    await asyncio.gather(resume_unprocessed(workers.first), resume_unprocessed(workers.second))

    assert await workers.first.store.unprocessed_inbound() == []
    cards = workers.cards()
    assert len(cards) == len(set(cards)) == 18, "a card was posted twice or not at all"
    for number in range(6):
        assert [c for c in cards if c.endswith(f"shopper {number}")] == [
            f"Question {turn} from shopper {number}" for turn in (1, 2, 3)
        ]


async def test_a_message_stored_by_one_worker_while_the_other_handles_the_conversation(
    workers: TwoWorkers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second worker finds the conversation claimed and leaves its message: the first
    finds it as it lets go, and handles it after the one it was on."""
    [(first_id, conversation_id)] = await workers.store(workers.first, WHERE)
    post = workers.workspace.post
    meanwhile: list[bool] = []

    async def post_while_another_message_arrives(item: Any, **kwargs: Any) -> Any:
        if not meanwhile:
            [(second_id, _)] = await workers.store(workers.second, MEXICO)
            meanwhile.append(await process_message(workers.second, second_id, conversation_id))
        return await post(item, **kwargs)

    monkeypatch.setattr(workers.workspace, "post", post_while_another_message_arrives)
    assert await process_message(workers.first, first_id, conversation_id)

    assert meanwhile == [False], "the second worker handled a claimed conversation"
    assert workers.cards() == [WHERE, MEXICO]
    assert await workers.first.store.unprocessed_inbound() == []


async def test_a_dead_workers_conversation_is_taken_over_when_its_lease_runs_out(
    workers: TwoWorkers,
) -> None:
    [(_, conversation_id)] = await workers.store(workers.first, WHERE)
    dead = "a process that died holding it"
    lease = workers.second.claim_lease
    assert await workers.first.store.claim_conversation(
        conversation_id, dead, workers.clock.now, lease
    ) == [1]

    assert await resume_unprocessed(workers.second) == 0, "taken while its lease held"
    assert workers.cards() == []

    workers.clock.now += lease + timedelta(seconds=1)
    assert await resume_unprocessed(workers.second) == 1
    assert workers.cards() == [WHERE]
    assert await resume_unprocessed(workers.first) == 0
    assert workers.cards() == [WHERE]


async def test_a_message_stored_here_just_after_the_release_looked_is_handled_too(
    workers: TwoWorkers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The intake of this process stores a message right after the owner's release looked
    for more and found none: the owner, told of it, claims the conversation again."""
    [(first_id, conversation_id)] = await workers.store(workers.first, WHERE)
    store = workers.first.store
    release = store.release_conversation
    meanwhile: list[bool] = []

    async def release_then_a_message_arrives(*args: Any) -> list[int]:
        waiting = await release(*args)
        if not meanwhile:
            [(second_id, _)] = await workers.store(workers.first, MEXICO)
            meanwhile.append(await process_message(workers.first, second_id, conversation_id))
        return waiting

    monkeypatch.setattr(store, "release_conversation", release_then_a_message_arrives)
    assert await process_message(workers.first, first_id, conversation_id)

    assert meanwhile == [False], "handled beside the call already handling its conversation"
    assert workers.cards() == [WHERE, MEXICO]
    assert await store.unprocessed_inbound() == []


async def test_a_claim_is_renewed_while_its_owner_works(
    workers: TwoWorkers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message that takes longer than the lease (Slack slow to take the card) keeps its
    conversation: the owner renews the claim, so the other worker does not take it over."""
    lease = timedelta(seconds=0.3)  # renewed every 0.1 s
    first = replace(workers.first, claim_lease=lease)
    second = replace(workers.second, claim_lease=lease)
    [(first_id, conversation_id)] = await workers.store(first, WHERE)
    post = workers.workspace.post
    meanwhile: list[int] = []

    async def renewed() -> bool:
        async with first.store.reader.connect() as conn:
            until = await conn.scalar(select(conversation_claims.c.claimed_until))
        return until is not None and until > workers.clock.now

    async def post_after_the_first_lease_ran_out(item: Any, **kwargs: Any) -> Any:
        if not meanwhile:
            workers.clock.now += 2 * lease
            await wait_until(renewed, "the claim renewed")
            meanwhile.append(await resume_unprocessed(second))
        return await post(item, **kwargs)

    monkeypatch.setattr(workers.workspace, "post", post_after_the_first_lease_ran_out)
    assert await process_message(first, first_id, conversation_id)

    assert meanwhile == [0], "the other worker took over a conversation being handled"
    assert workers.cards() == [WHERE]


async def test_a_sqlite_desk_restarted_after_a_kill_resumes_its_claimed_messages_at_once(
    tmp_path: Path,
) -> None:
    """On SQLite the desk is the file's one process (its DatabaseGuard), so a claim found
    at start was left by a run that was killed: its messages are resumed at start, not
    after the dead run's lease."""
    clock = Clock()
    async with local_desk(tmp_path, clock) as desk:
        stored = await accept_inbound_batch(desk.runtime.ctx, [message(WHERE, clock)])
        [(_, conversation_id)] = stored
        killed = "the run that was killed"
        assert await desk.store.claim_conversation(
            conversation_id, killed, clock.now, timedelta(hours=1)
        ) == [stored[0][0]]
        assert await resume_unprocessed(desk.runtime.ctx) == 0, "taken while claimed"
        assert desk.cards() == []

    async with local_desk(tmp_path, clock) as desk:  # resumes what waits at start
        assert [c.original_text for c in desk.cards()] == [WHERE]
        assert await desk.store.unprocessed_inbound() == []
