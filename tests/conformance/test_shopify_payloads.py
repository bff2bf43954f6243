"""Shopify webhooks as Shopify sends them, through the real aiohttp endpoint, into a real
SQLite file: for each payload kind, the HTTP answer, what was stored, and what staff read
in the shopper's profile (``/borderdesk customer``).

The payloads follow the Admin REST API's documented webhook shapes (Order, Fulfillment,
FulfillmentEvent, Refund) with our own values (``tests/bot/orders/payloads.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.config import Config
from bot.models import InboundMessage
from bot.orders.shipments import Parcel
from bot.storage import Store, sqlite_url
from bot.storage.orders import OrderRecord
from bot.storage.schema import orders, shop_events
from handlers.customers import load_profile, profile_text
from tests.bot.orders.payloads import (
    TRACKING,
    shopify_fulfillment,
    shopify_fulfillment_event,
    shopify_order,
    shopify_order_paid_in,
    shopify_refund,
)
from tests.bot.orders.test_server import NOW, Server, running
from tests.bot.orders.test_shopify import SECRET
from tests.handlers.desk import DESK

PAID = ("orders/paid", shopify_order(financial_status="paid"))
SHIPPED = ("fulfillments/create", shopify_fulfillment())
SPLIT = ["LX204918377ES", "LX204918378ES"]


@dataclass(frozen=True)
class Seen:
    """What one payload left behind."""

    order: OrderRecord | None
    parcels: list[Parcel]
    profile: str
    kept: list[tuple[str, str]]  # shop events kept unapplied: (topic, status)
    orders: int


@dataclass(frozen=True)
class Case:
    id: str
    topic: str
    payload: Any
    answer: tuple[int, str]
    check: Callable[[Seen], None]
    before: tuple[tuple[str, Any], ...] = ()
    signature: str | None = None  # a wrong X-Shopify-Hmac-Sha256


def shows(*texts: str) -> Callable[[Seen], None]:
    """The profile staff read names each text."""

    def check(seen: Seen) -> None:
        for text in texts:
            assert text in seen.profile, (text, seen.profile)

    return check


def both(*checks: Callable[[Seen], None]) -> Callable[[Seen], None]:
    def check(seen: Seen) -> None:
        for one in checks:
            one(seen)

    return check


def order_is(**expected: Any) -> Callable[[Seen], None]:
    def check(seen: Seen) -> None:
        assert seen.order is not None
        actual = {name: getattr(seen.order, name) for name in expected}
        assert actual == expected

    return check


def parcels_are(*states: tuple[str | None, str]) -> Callable[[Seen], None]:
    """(tracking number, state) of every parcel, in order."""

    def check(seen: Seen) -> None:
        assert [(p.tracking_number, p.state()) for p in seen.parcels] == list(states)

    return check


def no_order_and_kept(*kept: tuple[str, str]) -> Callable[[Seen], None]:
    def check(seen: Seen) -> None:
        assert (seen.orders, seen.kept) == (0, list(kept))

    return check


CASES = [
    Case(
        "order create",
        "orders/create",
        shopify_order(),
        (200, "applied"),
        both(
            order_is(status="created", total=64.8, currency="EUR", external_id="5820371468331"),
            shows("#1042 · 2026-03-01 · created", "1 × Ceramic pour-over set (Sand)"),
        ),
    ),
    Case(
        "order updated",
        "orders/updated",
        shopify_order(total_price="70.30", email=None, note="gift wrap"),
        (200, "applied"),
        both(order_is(total=70.3, email="lucia.moreno@example.es"), shows("70.30 EUR")),
        before=(("orders/create", shopify_order()),),
    ),
    Case(
        "order paid",
        *PAID,
        (200, "applied"),
        both(order_is(status="paid", paid_at=NOW), shows("#1042 · 2026-03-01 · paid")),
    ),
    Case(
        "order cancelled",
        "orders/cancelled",
        shopify_order(cancelled_at="2026-03-02T08:00:00+01:00", cancel_reason="customer"),
        (200, "applied"),
        both(order_is(status="cancelled"), shows("#1042 · 2026-03-01 · cancelled", "Orders: 0")),
        before=(PAID,),
    ),
    Case(
        "fulfillment success",
        *SHIPPED,
        (200, "applied"),
        both(
            order_is(status="shipped", carrier="Correos", tracking_number=TRACKING),
            parcels_are((TRACKING, "shipped")),
            shows(f"Correos {TRACKING} · shipped"),
        ),
        before=(PAID,),
    ),
    Case(
        "fulfillment pending",
        "fulfillments/create",
        shopify_fulfillment(status="pending"),
        (200, "applied"),
        both(
            order_is(status="paid", tracking_number=None, shipped_at=None),
            parcels_are((TRACKING, "being prepared")),
            shows(f"Correos {TRACKING} · being prepared"),
        ),
        before=(PAID,),
    ),
    Case(
        "fulfillment open",
        "fulfillments/update",
        shopify_fulfillment(status="open"),
        (200, "applied"),
        both(order_is(status="paid"), parcels_are((TRACKING, "being prepared"))),
        before=(PAID,),
    ),
    Case(
        "fulfillment cancelled",
        "fulfillments/update",
        shopify_fulfillment(status="cancelled"),
        (200, "applied"),
        both(
            order_is(status="paid", tracking_number=None),
            parcels_are((TRACKING, "shipment cancelled")),
            shows(f"Correos {TRACKING} · shipment cancelled"),
        ),
        before=(PAID, SHIPPED),
    ),
    Case(
        "fulfillment without name",
        "fulfillments/create",
        shopify_fulfillment(name=None),
        (200, "applied"),
        both(order_is(status="shipped", tracking_number=TRACKING), shows(TRACKING)),
        before=(PAID,),
    ),
    Case(
        "fulfillment with a line break in the tracking number",
        "fulfillments/create",
        shopify_fulfillment(tracking_number="PQ4F6P07\n", tracking_numbers=["PQ4F6P07\r\n"]),
        (200, "applied"),
        both(order_is(tracking_number="PQ4F6P07"), parcels_are(("PQ4F6P07", "shipped"))),
        before=(PAID,),
    ),
    Case(
        "fulfillment with several tracking numbers",
        "fulfillments/create",
        shopify_fulfillment(
            tracking_company="Correos Express",
            tracking_number=SPLIT[0],
            tracking_numbers=SPLIT,
            tracking_url=None,
            tracking_urls=[f"https://s.correosexpress.com/{n}" for n in SPLIT],
        ),
        (200, "applied"),
        both(
            parcels_are((SPLIT[0], "shipped"), (SPLIT[1], "shipped")),
            shows("2 parcels", SPLIT[0], SPLIT[1]),
        ),
        before=(PAID,),
    ),
    Case(
        "fulfillment event delivered",
        "fulfillment_events/create",
        shopify_fulfillment_event(status="delivered", happened_at="2026-03-05T12:40:00+01:00"),
        (200, "applied"),
        both(
            order_is(status="delivered", delivered_at=datetime(2026, 3, 5, 11, 40, tzinfo=UTC)),
            parcels_are((TRACKING, "delivered")),
            shows(f"Correos {TRACKING} · delivered 2026-03-05"),
        ),
        before=(PAID, SHIPPED),
    ),
    Case(
        "fulfillment event attempted delivery",
        "fulfillment_events/create",
        shopify_fulfillment_event(status="attempted_delivery"),
        (200, "applied"),
        both(order_is(status="shipped"), shows(f"{TRACKING} · delivery attempted")),
        before=(PAID, SHIPPED),
    ),
    Case(
        "fulfillment event out for delivery",
        "fulfillment_events/create",
        shopify_fulfillment_event(status="out_for_delivery"),
        (200, "applied"),
        both(order_is(status="shipped"), shows(f"{TRACKING} · out for delivery")),
        before=(PAID, SHIPPED),
    ),
    Case(
        "fulfillment event estimate change",
        "fulfillment_events/create",
        shopify_fulfillment_event(
            status="delayed", estimated_delivery_at="2026-03-11T18:00:00+01:00"
        ),
        (200, "applied"),
        both(
            order_is(status="shipped", estimated_delivery=date(2026, 3, 11)),
            shows(f"{TRACKING} · delayed · estimated 2026-03-11"),
        ),
        before=(PAID, SHIPPED),
    ),
    Case(
        "refund",
        "refunds/create",
        shopify_refund(),
        (200, "applied"),
        both(order_is(refunded=20.0), shows("refunded 20.00 EUR")),
        before=(PAID,),
    ),
    Case(
        "presentment currency",
        "orders/create",
        shopify_order_paid_in("USD", "70.12"),
        (200, "applied"),
        both(
            order_is(presentment_currency="USD", presentment_total=70.12, currency="EUR"),
            shows("64.80 EUR · shopper paid 70.12 USD"),
        ),
    ),
    Case(
        "unknown topic",
        "inventory_levels/update",
        {"inventory_item_id": 271878346, "location_id": 24826418, "available": 3},
        (200, "stored, topic not used"),
        no_order_and_kept(("inventory_levels/update", "unknown")),
    ),
    Case(
        "bad signature",
        "orders/create",
        shopify_order(),
        (401, "wrong X-Shopify-Hmac-Sha256: sign the raw body with the app's secret"),
        no_order_and_kept(),
        signature="bm90IHRoZSBzaWduYXR1cmU=",
    ),
]


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[tuple[Store, Server]]:
    store = await Store.open(sqlite_url(tmp_path / "shop.sqlite3"))
    webhooks, changed, url = await running(store, Config(shopify_webhook_secret=SECRET))
    try:
        async with aiohttp.ClientSession(base_url=url) as session:
            yield store, Server(session, changed)
    finally:
        await webhooks.stop()
        await store.close()


async def seen(store: Store) -> Seen:
    """What the database holds now, and the profile of the shopper who linked #1042."""
    order = await store.order_by_number("#1042")
    async with store.engine.connect() as conn:
        count = int(await conn.scalar(select(func.count()).select_from(orders)) or 0)
        kept = [
            (r.topic, r.status)
            for r in await conn.execute(select(shop_events).order_by(shop_events.c.id))
        ]
    if order is None:
        return Seen(None, [], "", kept, count)
    message = InboundMessage(
        channel="telegram", chat_id="4242", platform_message_id="4242:1", user_id="4242",
        user_name="Lucía", text="hola", received_at=NOW,
    )  # fmt: skip
    stored = await store.record_inbound(message)
    customer = await store.customer_by_identity("telegram", "4242")
    assert customer is not None and stored.conversation_id
    await store.link_customer_order(customer.id, order.id)
    ctx = SimpleNamespace(store=store, desk=DESK, config=Config())
    profile = await load_profile(ctx, customer.id, NOW)  # type: ignore[arg-type]
    assert profile is not None
    parcels = await store.order_parcels(order.id)
    return Seen(await store.order_by_id(order.id), parcels, profile_text(profile, NOW), kept, count)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_shopify_payload(shop: tuple[Store, Server], case: Case) -> None:
    store, server = shop
    for n, (topic, payload) in enumerate(case.before):
        assert (await server.shopify(topic, payload, f"before-{n}"))[0] == 200
    answer = await server.shopify(case.topic, case.payload, "webhook-under-test", case.signature)
    assert answer == case.answer
    case.check(await seen(store))


async def test_a_fulfillment_for_an_unknown_order_waits_for_it(
    shop: tuple[Store, Server],
) -> None:
    store, server = shop
    early = shopify_fulfillment(name=None)  # only the order's id: it cannot be named yet
    assert await server.shopify("fulfillments/create", early, "f-1") == (
        200,
        "stored, waiting for its order",
    )
    assert await server.shopify("fulfillments/create", early, "f-1") == (200, "duplicate")
    assert [(e.topic, e.status) for e in await store.shop_events()] == [
        ("fulfillments/create", "waiting")
    ]
    assert await store.order_by_number("#1042") is None

    assert await server.shopify("orders/paid", shopify_order(financial_status="paid"), "o-1") == (
        200,
        "applied",
    )
    order = await store.order_by_number("#1042")
    assert order is not None
    assert (order.status, order.tracking_number) == ("shipped", TRACKING)
    assert await store.shop_events() == []  # applied, nothing left for staff to look at
    assert server.changed == ["#1042"]


async def test_a_refused_webhook_is_logged_once_with_its_id(
    shop: tuple[Store, Server], caplog: pytest.LogCaptureFixture
) -> None:
    _, server = shop
    body_of_another = "bm90IHRoZSBzaWduYXR1cmU="
    await server.shopify("orders/create", shopify_order(), "b7f1e2d4-refused", body_of_another)
    status, text = await server.shopify(
        "orders/create", shopify_order(total_price="sixty"), "b7f1e2d4-bad-total"
    )
    assert status == 400 and text.startswith("total: 'sixty' is not an amount")
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refused) == 2
    assert "b7f1e2d4-refused" in refused[0] and "b7f1e2d4-bad-total" in refused[1]
