"""The order endpoints over real HTTP on 127.0.0.1, against a real SQLite file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.config import Config
from bot.orders.server import OrderWebhooks, sign_event
from bot.storage import Store
from bot.storage.schema import orders, webhook_events
from tests.bot.orders.payloads import (
    TRACKING,
    shipment_event,
    shopify_fulfillment,
    shopify_fulfillment_event,
    shopify_order,
)
from tests.bot.orders.test_shopify import SECRET as SHOPIFY_SECRET
from tests.bot.orders.test_shopify import shopify_hmac

EVENTS_SECRET = "9c1f0e7b2a6d4c83b5e0"
NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())


@dataclass
class Server:
    session: aiohttp.ClientSession
    changed: list[str] = field(default_factory=list)

    async def shopify(
        self, topic: str, payload: Any, webhook_id: str, hmac_value: str | None = None
    ) -> tuple[int, str]:
        body = json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Hmac-Sha256": shopify_hmac(body) if hmac_value is None else hmac_value,
            "X-Shopify-Shop-Domain": "borderdesk-demo.myshopify.com",
            "X-Shopify-Webhook-Id": webhook_id,
            "X-Shopify-API-Version": "2026-01",
        }
        async with self.session.post("/shopify/webhooks", data=body, headers=headers) as resp:
            return resp.status, await resp.text()

    async def event(
        self, payload: Any, *, timestamp: int = NOW_TS, secret: str = EVENTS_SECRET
    ) -> tuple[int, str]:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-BorderDesk-Timestamp": str(timestamp),
            "X-BorderDesk-Signature": sign_event(body, timestamp, secret),
        }
        async with self.session.post("/orders/events", data=body, headers=headers) as resp:
            return resp.status, await resp.text()


async def running(store: Store, config: Config) -> tuple[OrderWebhooks, list[str], str]:
    changed: list[str] = []

    async def on_change(number: str) -> None:
        changed.append(number)

    webhooks = OrderWebhooks(store, config, lambda: NOW, on_change)
    await webhooks.start(("127.0.0.1", 0))
    host, port = webhooks.addresses[0][:2]
    return webhooks, changed, f"http://{host}:{port}"


@pytest.fixture
async def server(store: Store) -> AsyncIterator[Server]:
    config = Config(order_events_secret=EVENTS_SECRET, shopify_webhook_secret=SHOPIFY_SECRET)
    webhooks, changed, url = await running(store, config)
    try:
        async with aiohttp.ClientSession(base_url=url) as session:
            yield Server(session, changed)
    finally:
        await webhooks.stop()


async def rows(store: Store) -> tuple[int, int]:
    """(orders, webhook events) in the database."""
    async with store.engine.connect() as conn:
        counted = [
            (await conn.execute(select(func.count()).select_from(table))).scalar_one()
            for table in (orders, webhook_events)
        ]
    return counted[0], counted[1]


# -- Shopify -------------------------------------------------------------------------


async def test_a_signed_shopify_order_is_stored_with_its_fields(
    server: Server, store: Store
) -> None:
    status, text = await server.shopify("orders/create", shopify_order(), "b7f1e2d4-0001")
    assert (status, text) == (200, "applied")

    order = await store.order_by_number("1042")
    assert order is not None
    assert (order.order_number, order.source, order.external_id) == (
        "#1042",
        "shopify",
        "5820371468331",
    )
    assert (order.email, order.country, order.language) == ("lucia.moreno@example.es", "ES", "es")
    assert (order.currency, order.total, order.status) == ("EUR", 64.8, "created")
    assert order.items == (("Ceramic pour-over set (Sand)", 1), ("Paper filters (100)", 2))
    assert server.changed == ["#1042"]


async def test_a_fulfillment_puts_tracking_on_the_order(server: Server, store: Store) -> None:
    await server.shopify("orders/create", shopify_order(), "b7f1e2d4-0001")
    paid = shopify_order(financial_status="paid")
    assert (await server.shopify("orders/paid", paid, "b7f1e2d4-0002"))[0] == 200
    status, _ = await server.shopify("fulfillments/create", shopify_fulfillment(), "b7f1e2d4-0003")
    assert status == 200

    order = await store.order_by_number("#1042")
    assert order is not None
    assert order.status == "shipped"
    assert (order.carrier, order.tracking_number) == ("Correos", TRACKING)
    assert order.tracking_url is not None and TRACKING in order.tracking_url
    assert order.paid_at == NOW  # Shopify gives no payment time: when we heard of it
    assert order.shipped_at == datetime(2026, 3, 3, 10, 5, tzinfo=UTC)
    assert order.email == "lucia.moreno@example.es"  # the fulfillment erased nothing
    assert server.changed == ["#1042", "#1042", "#1042"]


async def test_a_carriers_news_before_its_fulfillment_does_not_make_the_create_stale(
    server: Server, store: Store
) -> None:
    """A replayed fulfillments/create is stale once the fulfillment was described, but a
    carrier's event can arrive first: the create that follows still gives the parcel its
    tracking number."""
    await server.shopify("orders/create", shopify_order(), "b7f1e2d4-0001")
    news = shopify_fulfillment_event()
    assert await server.shopify("fulfillment_events/create", news, "b7f1e2d4-0002") == (
        200,
        "applied",
    )

    answer = await server.shopify("fulfillments/create", shopify_fulfillment(), "b7f1e2d4-0003")

    assert answer == (200, "applied")
    order = await store.order_by_number("#1042")
    assert order is not None
    assert (order.carrier, order.tracking_number) == ("Correos", TRACKING)


async def test_a_wrong_hmac_is_refused_and_nothing_is_stored(server: Server, store: Store) -> None:
    body_of_another = shopify_hmac(b'{"id": 1}')
    status, text = await server.shopify(
        "orders/create", shopify_order(), "b7f1e2d4-0001", body_of_another
    )
    assert status == 401 and "wrong X-Shopify-Hmac-Sha256" in text
    status, text = await server.shopify("orders/create", shopify_order(), "b7f1e2d4-0001", "")
    assert status == 401 and "missing" in text
    assert await rows(store) == (0, 0)
    assert server.changed == []
    # the refused webhook id was not burnt: the genuine delivery is still applied
    assert await server.shopify("orders/create", shopify_order(), "b7f1e2d4-0001") == (
        200,
        "applied",
    )


async def test_a_redelivered_webhook_is_applied_once(server: Server, store: Store) -> None:
    assert (await server.shopify("orders/create", shopify_order(), "dup-1"))[1] == "applied"
    redelivery = shopify_order(financial_status="paid")  # whatever it says now
    assert await server.shopify("orders/create", redelivery, "dup-1") == (200, "duplicate")

    order = await store.order_by_number("#1042")
    assert order is not None and order.status == "created"
    assert await rows(store) == (1, 1)
    assert server.changed == ["#1042"]


async def test_other_topics_are_kept_for_staff_and_change_no_order(
    server: Server, store: Store
) -> None:
    product = {"id": 632910392, "title": "Linen apron", "vendor": "BorderDesk Demo"}
    assert await server.shopify("products/update", product, "p-1") == (
        200,
        "stored, topic not used",
    )
    assert await server.shopify("products/update", product, "p-1") == (200, "duplicate")
    assert await rows(store) == (0, 1)
    [kept] = await store.shop_events()
    assert (kept.topic, kept.status, kept.payload["title"]) == (
        "products/update",
        "unknown",
        "Linen apron",
    )


async def test_a_signed_but_broken_shopify_body_is_a_400_naming_the_field(
    server: Server, store: Store
) -> None:
    status, text = await server.shopify("orders/create", shopify_order(total_price="sixty"), "b-1")
    assert status == 400 and text.startswith("total:")
    status, text = await server.shopify("orders/create", ["not", "an", "order"], "b-2")
    assert status == 400 and "not a JSON object" in text
    assert await rows(store) == (0, 0)


# -- generic signed events ------------------------------------------------------------


async def test_a_signed_event_is_stored(server: Server, store: Store) -> None:
    assert await server.event(shipment_event()) == (200, "applied")
    order = await store.order_by_number("bd-2207")
    assert order is not None
    assert (order.source, order.status, order.carrier) == ("event", "shipped", "Japan Post")
    assert order.tracking_number == "EJ123456785JP"
    assert order.shipped_at == datetime(2026, 3, 2, 8, 40, tzinfo=UTC)
    assert server.changed == ["BD-2207"]
    assert await server.event(shipment_event()) == (200, "duplicate")
    assert server.changed == ["BD-2207"]


async def test_a_bad_signature_is_refused_and_nothing_is_stored(
    server: Server, store: Store
) -> None:
    status, text = await server.event(shipment_event(), secret="a-guess-at-the-secret")
    assert status == 401 and "does not match" in text
    async with server.session.post("/orders/events", json=shipment_event()) as resp:
        assert resp.status == 401 and "missing" in await resp.text()
    assert await rows(store) == (0, 0)


@pytest.mark.parametrize("offset", [-301, 301])
async def test_a_stale_or_future_timestamp_is_refused(
    server: Server, store: Store, offset: int
) -> None:
    status, text = await server.event(shipment_event(), timestamp=NOW_TS + offset)
    assert status == 401 and "5 minutes" in text
    assert await rows(store) == (0, 0)


async def test_a_timestamp_within_five_minutes_is_accepted(server: Server) -> None:
    assert (await server.event(shipment_event(), timestamp=NOW_TS - 299))[0] == 200


async def test_an_invalid_field_is_a_400_naming_it(server: Server, store: Store) -> None:
    status, text = await server.event(shipment_event(country="Japan"))
    assert status == 400 and text.startswith("country: 'Japan'")
    status, text = await server.event(shipment_event(event_id=None))
    assert status == 400 and text.startswith("event_id:")
    status, text = await server.event(b"{not json")
    assert status == 400 and "not JSON" in text
    assert await rows(store) == (0, 0)


@pytest.mark.parametrize("path", ["/orders/events", "/shopify/webhooks"])
async def test_a_body_over_one_mebibyte_is_a_413(server: Server, store: Store, path: str) -> None:
    big = json.dumps(shipment_event(name="x" * (1024 * 1024))).encode()
    async with server.session.post(path, data=big) as resp:
        assert resp.status == 413
    assert await rows(store) == (0, 0)


async def test_a_failing_reaction_does_not_undo_the_stored_order(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(number: str) -> None:
        raise RuntimeError("notice queue down")

    config = Config(order_events_secret=EVENTS_SECRET)
    webhooks = OrderWebhooks(store, config, lambda: NOW, broken)
    await webhooks.start(("127.0.0.1", 0))
    host, port = webhooks.addresses[0][:2]
    try:
        async with aiohttp.ClientSession(base_url=f"http://{host}:{port}") as session:
            assert await Server(session).event(shipment_event()) == (200, "applied")
    finally:
        await webhooks.stop()
    assert await store.order_by_number("BD-2207") is not None
    assert "order BD-2207 stored, but reacting to it failed" in caplog.text


async def test_a_route_exists_only_with_its_secret(store: Store) -> None:
    webhooks, _, url = await running(store, Config(shopify_webhook_secret=SHOPIFY_SECRET))
    try:
        async with aiohttp.ClientSession(base_url=url) as session:
            async with session.post("/orders/events", json=shipment_event()) as resp:
                assert resp.status == 404
    finally:
        await webhooks.stop()
    off = OrderWebhooks(store, Config(), lambda: NOW)
    await off.start(("127.0.0.1", 0))
    assert not off.enabled and off.addresses == []
    await off.stop()


async def test_secrets_and_signatures_stay_out_of_the_logs(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="bot.orders")
    await server.event(shipment_event(), secret="wrong-secret-value")
    await server.shopify("orders/create", shopify_order(), "s-1", "Zm9yZ2Vk")
    await server.shopify("orders/create", shopify_order(), "s-2")
    for secret in (EVENTS_SECRET, SHOPIFY_SECRET, "wrong-secret-value", "Zm9yZ2Vk"):
        assert secret not in caplog.text
    assert "lucia.moreno" not in caplog.text
