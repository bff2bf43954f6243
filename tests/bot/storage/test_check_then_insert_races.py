"""Two processes that check, then write, at the same moment: the second sees the first's row.

Issue 17: what SQLite's single writer made safe needs a key or a lock on PostgreSQL (READ
COMMITTED), where two processes can each check, find nothing, and each insert. Each test
opens two Stores on one database (two engines, as two ``borderdesk run`` processes) and
lets both do the same thing at once: file a problem about the same order, send the same
chat a join code, release the same waiting shop webhook, store one shopper's flood.

On PostgreSQL the race is made certain, not left to chance: a third connection holds the
table both write to (``LOCK TABLE ... IN SHARE MODE``: reading it goes on, writing
waits) until both processes wait for a lock, each having made its check. Without the
key or the lock the fix brings, both then write. On a SQLite file the write lock takes
the two in turn; the same outcome is asserted.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select

from bot.models import InboundMessage, Limit, Suggestion
from bot.orders.model import OrderEvent
from bot.orders.shopify import shopify_update
from bot.storage import Store
from bot.storage.customer_joins import JoinRequest, QueuedText
from bot.storage.escalations import ProblemFacts
from bot.storage.intake import Arrival
from bot.storage.schema import (
    conversations,
    join_codes,
    messages,
    problem_filings,
    problem_reports,
    problems,
    shipments,
)
from tests.bot.orders.payloads import shopify_fulfillment, shopify_order
from tests.bot.storage.databases import DATABASES, database_url

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ROUNDS = 4  # at once, so that on PostgreSQL 2 * ROUNDS transactions wait together
SUGGESTION = Suggestion(
    language="es",
    intent="damaged_item",
    confidence=0.9,
    top=(("damaged_item", 0.9),),
    department="returns",
    reply="Lo sentimos",
    reply_language="es",
)


@dataclass
class Desk:
    """Two processes' Stores on one database, and how to make them meet mid-transaction."""

    kind: str
    url: str
    first: Store
    second: Store

    @property
    def both(self) -> tuple[Store, Store]:
        return self.first, self.second

    async def at_once(self, table: Table, calls: list[Awaitable[Any]]) -> list[Any]:
        """Run ``calls`` together; on PostgreSQL, writes to ``table`` wait until every one
        of them waits for a lock (each has checked and is about to write)."""
        if self.kind == "sqlite":
            return list(await asyncio.gather(*calls))
        import asyncpg

        holder = await asyncpg.connect(self.url.replace("+asyncpg", ""))
        try:
            transaction = holder.transaction()
            await transaction.start()
            await holder.execute(f"LOCK TABLE {table.name} IN SHARE MODE")
            running = asyncio.gather(*calls)
            await _until(lambda: _waiting(holder), len(calls), running)
            await transaction.commit()
            return list(await running)
        finally:
            await holder.close()


async def _waiting(holder: Any) -> int:
    """Backends of this database waiting for a lock. (The holder is inside a transaction,
    where PostgreSQL would keep showing the first look at its statistics: dropped first.)"""
    await holder.execute("SELECT pg_stat_clear_snapshot()")
    return int(
        await holder.fetchval(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
    )


async def _until(
    count: Callable[[], Awaitable[int]], wanted: int, running: asyncio.Future[Any]
) -> None:
    """Wait until ``count()`` reaches ``wanted``; a call that failed meanwhile fails here."""
    while await count() < wanted:
        if running.done():
            running.result()
            raise AssertionError("the calls ended without waiting for the held table")
        await asyncio.sleep(0.01)


@pytest.fixture(params=DATABASES)
async def desk(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Desk]:
    async with database_url(request.param, tmp_path) as url:
        first = await Store.open(url)
        second = await Store.open(url)
        try:
            yield Desk(request.param, url, first, second)
        finally:
            await first.close()
            await second.close()


def inbound(shopper: int, number: int = 1, *, seconds: float | None = None) -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        chat_id=str(shopper),
        platform_message_id=f"{shopper}:{number}",
        user_id=str(shopper),
        user_name=f"Shopper {shopper}",
        text="La taza llegó rota",
        received_at=T0 + timedelta(seconds=number if seconds is None else seconds),
        language_hint="es",
    )


async def rows(store: Store, table: Table, *where: Any) -> int:
    async with store.reader.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(table).where(*where)))


async def test_two_shoppers_reporting_one_order_at_once_are_one_problem(desk: Desk) -> None:
    """Two chats about the same broken order (#2001, #2002, ...) are carded by two
    processes at once: each order is one problem with both reports, whichever was first."""
    cards = []
    for order in range(1, ROUNDS + 1):
        for shopper in (100 + order, 200 + order):
            stored = await desk.first.record_inbound(inbound(shopper))
            suggestion_id = await desk.first.add_suggestion(
                stored.message_id, stored.conversation_id, SUGGESTION, T0
            )
            cards.append((suggestion_id, f"#20{order:02d}"))
    filed = await desk.at_once(
        problems,
        [
            store.record_problem(
                suggestion_id,
                department="returns",
                intent="damaged_item",
                language="es",
                facts=ProblemFacts(order_number=number),
                at=T0,
            )
            for (suggestion_id, number), store in zip(cards, desk.both * ROUNDS, strict=True)
        ],
    )
    assert filed[::2] == filed[1::2]  # both reports of an order went to one problem
    assert await rows(desk.first, problems) == ROUNDS
    assert await rows(desk.first, problem_reports) == 2 * ROUNDS
    assert await rows(desk.first, problem_filings) == 0  # nothing kept once filed


async def test_the_same_card_filed_by_two_processes_is_one_report(desk: Desk) -> None:
    """Staff's click and the desk's own filing of one card meet: one report, one problem."""
    stored = await desk.first.record_inbound(inbound(300))
    suggestion_id = await desk.first.add_suggestion(
        stored.message_id, stored.conversation_id, SUGGESTION, T0
    )
    filed = await desk.at_once(
        problems,
        [
            store.record_problem(
                suggestion_id,
                department="returns",
                intent="damaged_item",
                language="es",
                facts=ProblemFacts(order_number="#3001"),
                at=T0,
            )
            for store in desk.both
        ],
    )
    assert filed[0] == filed[1]
    assert await rows(desk.first, problems) == 1
    assert await rows(desk.first, problem_reports) == 1


async def _two_chats_and_an_order(store: Store, shopper: int) -> tuple[int, int, int, int]:
    """The asking chat (its customer and conversation), the chat the order is linked to
    (its customer), and the order."""
    asking = await store.record_inbound(inbound(shopper))
    owner = await store.record_inbound(inbound(shopper + 1000))
    order_id, _ = await store.upsert_order(
        OrderEvent(order_number=f"#4{shopper:03d}", status="paid", ordered_at=T0), "import", T0
    )
    return (
        await customer_of(store, asking.conversation_id),
        asking.conversation_id,
        await customer_of(store, owner.conversation_id),
        order_id,
    )


async def customer_of(store: Store, conversation_id: int) -> int:
    async with store.reader.connect() as conn:
        return int(
            await conn.scalar(
                select(conversations.c.customer_id).where(conversations.c.id == conversation_id)
            )
        )


async def test_a_chat_asking_twice_at_once_has_one_code_to_type(desk: Desk) -> None:
    """Two messages of one chat prove the same order at the same moment, handled by two
    processes: both codes are sent, as one after the other would be, but only one
    works (a chat has one pending code; the earlier one expired)."""
    attempts = []
    for shopper in range(1, ROUNDS + 1):
        asking, conversation_id, owner, order_id = await _two_chats_and_an_order(
            desk.first, shopper
        )
        for number, store in ((2, desk.first), (3, desk.second)):
            message = await store.record_inbound(inbound(shopper, number))
            request = JoinRequest(asking, owner, order_id, message.message_id)
            queued = [QueuedText(f"code:{message.message_id}", conversation_id, "123456")]
            attempts.append(store.create_join_code(request, "123456", T0, queued))
    made = await desk.at_once(join_codes, attempts)
    assert all(code is not None for code in made)
    assert await rows(desk.first, join_codes) == 2 * ROUNDS
    assert await rows(desk.first, join_codes, join_codes.c.status == "pending") == ROUNDS
    for code in made:
        pending = await desk.first.pending_join_code(code.asking_customer_id)
        assert pending is not None and pending.id in {c.id for c in made}


async def test_one_message_asking_in_two_processes_gets_one_code(desk: Desk) -> None:
    attempts = []
    for shopper in range(1, ROUNDS + 1):
        asking, conversation_id, owner, order_id = await _two_chats_and_an_order(
            desk.first, shopper
        )
        message = await desk.first.record_inbound(inbound(shopper, 2))
        request = JoinRequest(asking, owner, order_id, message.message_id)
        queued = [QueuedText(f"code:{message.message_id}", conversation_id, "123456")]
        attempts += [store.create_join_code(request, "123456", T0, queued) for store in desk.both]
    made = await desk.at_once(join_codes, attempts)
    for mine, theirs in zip(made[::2], made[1::2], strict=True):
        assert [mine is None, theirs is None].count(True) == 1  # "this message asked before"
    assert await rows(desk.first, join_codes) == ROUNDS


async def test_a_waiting_webhook_released_by_two_processes_is_applied_once(desk: Desk) -> None:
    """Shopify sent the fulfillment before its order; the order then reaches both
    processes, and each releases the waiting fulfillment: applied once, one parcel."""
    fulfillment = shopify_fulfillment()
    update = shopify_update("fulfillments/create", fulfillment)
    assert update is not None
    kept = await desk.first.apply_shopify(update, fulfillment, T0, "fulfillment-1")
    assert kept.outcome == "waiting" and kept.held_id is not None
    order = shopify_order()
    order_update = shopify_update("orders/create", order)
    assert order_update is not None
    assert (await desk.first.apply_shopify(order_update, order, T0, "order-1")).outcome == "applied"
    released = await desk.at_once(
        shipments,
        [
            store.apply_shopify(update, fulfillment, T0, "fulfillment-1", release=kept.held_id)
            for store in desk.both
        ],
    )
    assert sorted(result.outcome for result in released) == ["applied", "duplicate"]
    assert await rows(desk.first, shipments) == 1
    assert [e.status for e in await desk.first.shop_events(("applied",))] == ["applied"]


async def test_one_shoppers_flood_stored_by_two_processes_is_counted_whole(desk: Desk) -> None:
    """A shopper's four messages within a minute, two reaching each process at once, with
    a limit of two a minute: two are held, whichever process stored them, and the
    shopper is told once that a flood began."""
    limit = Limit(2, 60.0)
    rounds = []
    for shopper in range(1, ROUNDS + 1):
        # the conversation exists already (an hour ago), so only the counting races
        await desk.first.record_arrivals([Arrival(inbound(shopper, 0, seconds=-3600))])
        rounds += [
            desk.first.record_arrivals([Arrival(inbound(shopper, n)) for n in (1, 2)], flood=limit),
            desk.second.record_arrivals(
                [Arrival(inbound(shopper, n)) for n in (3, 4)], flood=limit
            ),
        ]
    stored = await desk.at_once(messages, rounds)
    for shopper, (mine, theirs) in enumerate(zip(stored[::2], stored[1::2], strict=True), 1):
        together = [*mine, *theirs]
        assert [r.held for r in together].count(True) == 2, shopper
        assert [r.flood_began for r in together].count(True) == 1, shopper
