"""Two processes storing the same thing at once store it once, and neither fails (issue 17).

Each test opens two Stores on one database (two engines: separate connections, as two
``borderdesk run`` processes have) and lets both record the same things concurrently:
the same inbound messages (and with them their shoppers and conversations), a suggestion
for the same message, the same late order. On a real SQLite file the write lock takes
them in turn; on PostgreSQL (READ COMMITTED) both really race, and a unique constraint
with an insert that takes a conflict for "already there" keeps the second copy out.
Several rounds run at once, so that on PostgreSQL some of them meet mid-transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Table, func, select

from bot.models import InboundMessage, Suggestion
from bot.orders.model import OrderEvent
from bot.storage import Store
from bot.storage.intake import Arrival
from bot.storage.schema import (
    conversations,
    customers,
    messages,
    orders,
    problem_reports,
    problems,
    shipments,
)
from bot.storage.schema import suggestions as suggestion_rows
from tests.bot.storage.databases import DATABASES, database_url

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ROUNDS = 12
SUGGESTION = Suggestion(
    language="es",
    intent="track_order",
    confidence=0.9,
    top=(("track_order", 0.9),),
    department="logistics",
    reply="Hola",
    reply_language="es",
)


@pytest.fixture(params=DATABASES)
async def two_stores(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Store, Store]]:
    """Two Stores on one new database, each with its own engine (two processes)."""
    async with database_url(request.param, tmp_path) as url:
        first = await Store.open(url)
        second = await Store.open(url)
        try:
            yield first, second
        finally:
            await first.close()
            await second.close()


def inbound(shopper: int, number: int = 1) -> InboundMessage:
    return InboundMessage(
        channel="telegram",
        chat_id=str(shopper),
        platform_message_id=f"{shopper}:{number}",
        user_id=str(shopper),
        user_name=f"Shopper {shopper}",
        text="¿Dónde está mi pedido?",
        received_at=T0 + timedelta(seconds=number),
        language_hint="es",
    )


async def count(store: Store, table: Table) -> int:
    async with store.reader.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def test_two_processes_recording_the_same_message_store_it_once(
    two_stores: tuple[Store, Store],
) -> None:
    first, second = two_stores
    shoppers = range(1, ROUNDS + 1)  # each a new shopper: customer, chat and message race
    results = await asyncio.gather(
        *(store.record_inbound(inbound(shopper)) for shopper in shoppers for store in two_stores)
    )
    for shopper, mine, theirs in zip(shoppers, results[::2], results[1::2], strict=True):
        assert (mine.message_id, mine.conversation_id) == (
            theirs.message_id,
            theirs.conversation_id,
        ), shopper
        assert [mine.is_new, theirs.is_new].count(True) == 1, shopper  # handled once
    assert await count(first, messages) == ROUNDS
    assert await count(first, conversations) == ROUNDS
    assert await count(first, customers) == ROUNDS


async def test_two_processes_storing_batches_that_overlap_store_each_message_once(
    two_stores: tuple[Store, Store],
) -> None:
    """One process stores a shopper's messages 1-3 while the other stores 2-4 (the same
    updates handed to both): four messages, each new to exactly one of them."""
    first, second = two_stores
    batches = []
    for shopper in range(1, ROUNDS + 1):
        batches.append(first.record_arrivals([Arrival(inbound(shopper, n)) for n in (1, 2, 3)]))
        batches.append(second.record_arrivals([Arrival(inbound(shopper, n)) for n in (2, 3, 4)]))
    results = await asyncio.gather(*batches)
    for shopper, (mine, theirs) in enumerate(
        zip(results[::2], results[1::2], strict=True), start=1
    ):
        new = [r.message_id for r in (*mine, *theirs) if r.is_new]
        assert sorted(new) == sorted({r.message_id for r in (*mine, *theirs)}), shopper
        assert len(new) == 4, shopper
    assert await count(first, messages) == 4 * ROUNDS
    assert await count(first, conversations) == ROUNDS


async def test_two_processes_suggesting_for_the_same_message_store_one_suggestion(
    two_stores: tuple[Store, Store],
) -> None:
    first, second = two_stores
    stored = [await first.record_inbound(inbound(shopper)) for shopper in range(1, ROUNDS + 1)]
    ids = await asyncio.gather(
        *(
            store.add_suggestion(message.message_id, message.conversation_id, SUGGESTION, T0)
            for message in stored
            for store in two_stores
        )
    )
    assert ids[::2] == ids[1::2]  # both got the one suggestion's id
    assert len(set(ids)) == ROUNDS
    assert await count(first, suggestion_rows) == ROUNDS


async def test_two_processes_noticing_the_same_late_order_report_it_once(
    two_stores: tuple[Store, Store],
) -> None:
    """Each process's proactive job finds the same orders late: each is one problem with
    one report, and exactly one of the two processes reported it."""
    first, second = two_stores
    late = []
    for shopper in range(1, ROUNDS + 1):
        stored = await first.record_inbound(inbound(shopper))
        order_id, _ = await first.upsert_order(
            OrderEvent(
                order_number=f"#10{shopper:02d}",
                status="shipped",
                ordered_at=T0 - timedelta(days=20),
                carrier="DHL",
                tracking_number=f"JD0{shopper:02d}",
                estimated_delivery=date(2026, 11, 10),
            ),
            "import",
            T0,
        )
        late.append((order_id, stored.conversation_id))
    reported = await asyncio.gather(
        *(
            store.record_order_problem(order_id, conversation_id, at=T0)
            for order_id, conversation_id in late
            for store in two_stores
        )
    )
    for order_id, mine, theirs in zip(
        [o for o, _ in late], reported[::2], reported[1::2], strict=True
    ):
        assert [mine, theirs].count(True) == 1, order_id
    assert await count(first, problems) == ROUNDS
    assert await count(first, problem_reports) == ROUNDS


async def test_two_processes_applying_the_same_new_order_store_one_order(
    two_stores: tuple[Store, Store],
) -> None:
    """The shop's order webhooks reach two processes at once (created, then paid and
    shipped): one order and one parcel each, created by exactly one of them."""
    first, second = two_stores
    changes = []
    for number in range(1, ROUNDS + 1):
        for store, status in ((first, "paid"), (second, "shipped")):
            event = OrderEvent(
                order_number=f"#20{number:02d}",
                status=status,
                ordered_at=T0,
                carrier="DHL",
                tracking_number=f"JD2{number:02d}",
            )
            changes.append(store.upsert_order(event, "event", T0))
    results = await asyncio.gather(*changes)
    for number, (mine, theirs) in enumerate(zip(results[::2], results[1::2], strict=True), 1):
        assert mine[0] == theirs[0], number
        assert [mine[1], theirs[1]].count(True) == 1, number
    assert await count(first, orders) == ROUNDS
    assert await count(first, shipments) == ROUNDS
    for number in range(1, ROUNDS + 1):
        order = await second.order_by_number(f"#20{number:02d}")
        assert order is not None and order.status == "shipped"  # forward only, whoever was first
