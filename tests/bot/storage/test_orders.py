"""OrderQueries on real SQLite files: merging, forward-only status, events applied once."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from bot.orders.model import OrderEvent, parse_order
from bot.storage import Store
from bot.storage.orders import next_status
from bot.storage.records import new_id
from bot.storage.schema import customers, orders, webhook_events
from tests.bot.conftest import T0


def event(**data: Any) -> Any:
    return parse_order({"order_number": "#1001", **data})


async def count(store: Store, table: Any) -> int:
    async with store.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def test_a_new_order_is_created_then_merged(store: Store) -> None:
    order_id, created = await store.upsert_order(
        event(email="ana@example.es", total="59.90", items="Linen apron x1"), "import", T0
    )
    assert created
    again, created = await store.upsert_order(event(country="ES"), "import", T0)
    assert (again, created) == (order_id, False)

    order = await store.order_by_number("#1001")
    assert order is not None
    assert order.id == order_id
    assert (order.email, order.total, order.country) == ("ana@example.es", 59.9, "ES")
    assert order.items == (("Linen apron", 1),)
    assert order.status == "created"
    assert order.ordered_at == T0  # not given: when we first heard of it
    assert await count(store, orders) == 1


async def test_none_never_erases_and_a_later_value_replaces(store: Store) -> None:
    await store.upsert_order(
        event(carrier="Correos", tracking_number="PQ1", email="ana@example.es"), "event", T0
    )
    await store.upsert_order(event(tracking_number="PQ2", carrier=None), "event", T0)
    order = await store.order_by_number("1001")
    assert order is not None
    assert (order.carrier, order.tracking_number, order.email) == (
        "Correos",
        "PQ2",
        "ana@example.es",
    )


async def test_items_are_replaced_only_by_a_list_that_says_something(store: Store) -> None:
    await store.upsert_order(event(items="Mug x2"), "import", T0)
    await store.upsert_order(event(items=[]), "import", T0)
    order = await store.order_by_number("#1001")
    assert order is not None and order.items == (("Mug", 2),)


async def test_status_moves_forward_only_and_cancelled_is_final(store: Store) -> None:
    await store.upsert_order(event(status="shipped"), "event", T0)
    await store.upsert_order(event(status="paid"), "event", T0 + timedelta(hours=1))
    order = await store.order_by_number("#1001")
    assert order is not None and order.status == "shipped"
    assert order.paid_at is None  # a late "paid" does not invent a payment time…
    await store.upsert_order(event(status="paid", paid_at="2026-03-01T12:00:00+01:00"), "event", T0)
    order = await store.order_by_number("#1001")
    assert order is not None and order.status == "shipped"
    assert order.paid_at == datetime(2026, 3, 1, 11, tzinfo=UTC)  # …but fills the one it gives

    await store.upsert_order(event(status="cancelled"), "event", T0)
    await store.upsert_order(event(status="delivered"), "event", T0)
    order = await store.order_by_number("#1001")
    assert order is not None and order.status == "cancelled"


def test_next_status_table() -> None:
    assert next_status(None, None) == "created"
    assert next_status(None, "paid") == "paid"
    assert next_status("paid", None) == "paid"
    assert next_status("paid", "created") == "paid"
    assert next_status("paid", "delivered") == "delivered"
    assert next_status("delivered", "cancelled") == "cancelled"
    assert next_status("cancelled", "paid") == "cancelled"


async def test_live_events_stamp_the_time_a_status_was_reached(store: Store) -> None:
    await store.upsert_order(event(status="created"), "shopify", T0)
    await store.upsert_order(event(status="paid"), "shopify", T0 + timedelta(minutes=5))
    shipped_at = datetime(2026, 3, 3, 10, tzinfo=UTC)
    await store.upsert_order(event(status="shipped", shipped_at=shipped_at), "shopify", T0)
    order = await store.order_by_number("#1001")
    assert order is not None
    assert order.paid_at == T0 + timedelta(minutes=5)  # received then
    assert order.shipped_at == shipped_at  # the event's own time wins


async def test_an_import_of_old_orders_stamps_nothing(store: Store) -> None:
    await store.upsert_order(event(status="delivered"), "import", T0)
    order = await store.order_by_number("#1001")
    assert order is not None
    assert order.status == "delivered" and order.delivered_at is None


async def test_order_numbers_with_and_without_hash_are_one_order(store: Store) -> None:
    await store.upsert_order(parse_order({"order_number": "1001"}), "import", T0)
    order_id, created = await store.upsert_order(event(status="paid"), "shopify", T0)
    assert not created
    order = await store.order_by_number("1001")
    assert order is not None and order.id == order_id
    assert order.order_number == "#1001"  # the shop's display form
    await store.upsert_order(parse_order({"order_number": "1001"}), "import", T0)
    again = await store.order_by_number("#1001")
    assert again is not None and again.order_number == "#1001"
    assert await store.order_by_number("BD-1001") is None
    assert await count(store, orders) == 1


async def test_estimated_delivery_and_evaluation_are_kept(store: Store) -> None:
    await store.upsert_order(event(estimated_delivery="2026-03-06", evaluation="bad"), "event", T0)
    order = await store.order_by_number("#1001")
    assert order is not None
    assert (order.estimated_delivery, order.evaluation) == (date(2026, 3, 6), "bad")


async def test_an_event_id_is_applied_once_per_source(store: Store) -> None:
    paid = event(status="paid")
    assert await store.apply_order_event(paid, "shopify", T0, "b54557e4-1") is not None
    assert await store.apply_order_event(paid, "shopify", T0, "b54557e4-1") is None
    assert await store.apply_order_event(paid, "event", T0, "b54557e4-1") is not None


async def test_an_event_id_is_applied_once_under_concurrency(store: Store) -> None:
    results = await asyncio.gather(
        *(store.apply_order_event(event(status="paid"), "event", T0, "race") for _ in range(8))
    )
    assert sum(1 for r in results if r is not None) == 1
    assert await count(store, webhook_events) == 1


async def test_an_event_is_applied_once_and_reports_what_changed(store: Store) -> None:
    first = await store.apply_order_event(event(status="paid"), "event", T0, "evt-1")
    assert first is not None and first.created and first.changed
    assert await store.apply_order_event(event(status="shipped"), "event", T0, "evt-1") is None
    order = await store.order_by_number("#1001")
    assert order is not None and order.status == "paid"
    same = await store.apply_order_event(event(status="paid"), "event", T0, "evt-2")
    assert same is not None and not same.created and not same.changed
    assert await count(store, webhook_events) == 2


async def test_a_failed_merge_leaves_the_event_unseen_for_its_redelivery(store: Store) -> None:
    naive = datetime(2026, 3, 1, 12)  # noqa: DTZ001 - parse_order refuses it; the database too
    broken = OrderEvent(order_number="#1001", paid_at=naive)
    with pytest.raises(SQLAlchemyError):
        await store.apply_order_event(broken, "event", T0, "evt-9")
    assert await count(store, orders) == 0
    redelivered = await store.apply_order_event(event(status="paid"), "event", T0, "evt-9")
    assert redelivered is not None and redelivered.created


async def new_customer(store: Store, user_id: str) -> int:
    async with store.engine.begin() as conn:
        result = await conn.execute(
            insert(customers).values(
                channel="telegram", platform_user_id=user_id, name="Ana", created_at=T0
            )
        )
        return new_id(result)


async def test_orders_of_a_linked_customer_oldest_first(store: Store) -> None:
    customer_id = await new_customer(store, "4242")
    older, _ = await store.upsert_order(
        parse_order({"order_number": "#1001", "ordered_at": "2026-02-01T10:00:00Z"}), "import", T0
    )
    newer, _ = await store.upsert_order(
        parse_order({"order_number": "#1002", "ordered_at": "2026-02-20T10:00:00Z"}), "import", T0
    )
    await store.upsert_order(parse_order({"order_number": "#1003"}), "import", T0)
    assert await store.customer_orders([customer_id]) == []
    assert await store.link_customer_order(customer_id, newer)
    assert await store.link_customer_order(customer_id, older)
    assert [o.id for o in await store.customer_orders([customer_id])] == [older, newer]


async def test_a_linked_order_keeps_the_identity_that_proved_it_first(store: Store) -> None:
    """The bug: ``link_order`` (used only by tests) moved an order to whoever asked, while
    the linking the desk does keeps the first owner; only the second remains."""
    first, second = await new_customer(store, "1"), await new_customer(store, "2")
    order_id, _ = await store.upsert_order(event(email="ana@example.es"), "import", T0)
    assert await store.link_customer_order(first, order_id, email="Ana@Example.es")
    assert not await store.link_customer_order(second, order_id, email="ana@example.es")
    order = await store.order_by_id(order_id)
    assert order is not None and order.customer_id == first
    assert await store.customer_orders([second]) == []


async def test_import_and_linking_agree_that_a_1001_written_two_ways_is_one_order(
    store: Store,
) -> None:
    """The bug: the import compared "#A-1001" and "A1001" as two orders (it kept "-"), the
    linking as one, so it then found two rows and linked nothing."""
    [first] = await store.upsert_orders(
        [event(order_number="#A-1001", email="ana@example.es")], "import", T0
    )
    again, created = await store.upsert_order(
        event(order_number="A1001", country="ES"), "event", T0
    )
    assert (again, created) == (first.order_id, False)
    assert await count(store, orders) == 1
    for written in ("#A-1001", "A1001", "a-1001", " #a1001 "):
        found = await store.order_by_number(written)
        assert found is not None and found.id == first.order_id, written
        assert (found.order_number, found.country) == ("#A-1001", "ES")
    assert await store.order_by_number("A10010") is None
