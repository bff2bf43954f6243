"""Shopify: the HMAC check and how payloads map onto orders."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, date, datetime

import pytest

from bot.orders.model import OrderDataError
from bot.orders.shopify import shopify_event, verify_shopify
from tests.orders.payloads import TRACKING, shopify_fulfillment, shopify_order

SECRET = "shpss_0f3c9a7d51e24b8e"


def shopify_hmac(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def test_verify_accepts_only_the_hmac_of_these_exact_bytes() -> None:
    body = json.dumps(shopify_order()).encode()
    assert verify_shopify(body, shopify_hmac(body), SECRET)
    assert verify_shopify(body, f" {shopify_hmac(body)}\n", SECRET)
    assert not verify_shopify(body + b" ", shopify_hmac(body), SECRET)
    assert not verify_shopify(body, shopify_hmac(body, "another-secret"), SECRET)
    assert not verify_shopify(body, "", SECRET)
    assert not verify_shopify(body, "ünïcode-garbage", SECRET)


def test_an_order_maps_onto_our_fields() -> None:
    event = shopify_event("orders/create", shopify_order())
    assert event is not None
    assert event.order_number == "#1042"
    assert event.external_id == "5820371468331"
    assert event.name == "Lucía Moreno"
    assert event.email == "lucia.moreno@example.es"
    assert event.phone == "+34612345678"  # from the customer, the order has none
    assert (event.country, event.language, event.currency) == ("ES", "es", "EUR")
    assert event.total == 64.8
    assert event.items == (("Ceramic pour-over set (Sand)", 1), ("Paper filters (100)", 2))
    assert event.status == "created"  # payment pending
    assert event.ordered_at == datetime(2026, 3, 1, 17, 12, 44, tzinfo=UTC)


def test_paid_and_cancelled_orders() -> None:
    paid = shopify_event("orders/paid", shopify_order(financial_status="paid"))
    assert paid is not None and paid.status == "paid"
    created_paid = shopify_event("orders/create", shopify_order(financial_status="paid"))
    assert created_paid is not None and created_paid.status == "paid"
    cancelled = shopify_event(
        "orders/paid", shopify_order(cancelled_at="2026-03-02T08:00:00+01:00")
    )
    assert cancelled is not None and cancelled.status == "cancelled"


def test_a_fulfillment_brings_tracking_to_its_order() -> None:
    event = shopify_event("fulfillments/create", shopify_fulfillment())
    assert event is not None
    assert event.order_number == "#1042"
    assert (event.carrier, event.tracking_number) == ("Correos", TRACKING)
    assert event.tracking_url is not None and event.tracking_url.endswith(TRACKING)
    assert event.status == "shipped"
    assert event.shipped_at == datetime(2026, 3, 3, 10, 5, tzinfo=UTC)


def test_a_delivered_fulfillment_with_only_the_plural_fields() -> None:
    event = shopify_event(
        "fulfillments/update",
        shopify_fulfillment(
            name="#EU-1042.2",
            tracking_number=None,
            tracking_url=None,
            shipment_status="delivered",
            updated_at="2026-03-06T14:20:00+01:00",
            estimated_delivery_at="2026-03-06T00:00:00+01:00",
        ),
    )
    assert event is not None
    assert event.order_number == "#EU-1042"
    assert event.tracking_number == TRACKING and event.tracking_url is not None
    assert event.status == "delivered"
    assert event.delivered_at == datetime(2026, 3, 6, 13, 20, tzinfo=UTC)
    assert event.estimated_delivery == date(2026, 3, 6)


def test_a_cancelled_fulfillment_and_other_topics_apply_nothing() -> None:
    assert shopify_event("fulfillments/update", shopify_fulfillment(status="cancelled")) is None
    assert shopify_event("products/update", {"id": 1, "title": "Mug"}) is None


def test_a_typo_in_a_shopper_typed_phone_does_not_lose_the_order(
    caplog: pytest.LogCaptureFixture,
) -> None:
    payload = shopify_order(phone="call me after six")
    payload["customer"] = {**payload["customer"], "phone": None}
    event = shopify_event("orders/create", payload)
    assert event is not None and event.phone is None and event.email is not None
    assert "the phone does not validate; left out" in caplog.text
    assert "call me" not in caplog.text  # personal data stays out of the logs


def test_shop_data_that_does_not_validate_is_refused_naming_the_field() -> None:
    with pytest.raises(OrderDataError) as caught:
        shopify_event("orders/create", shopify_order(total_price="-3.00"))
    assert caught.value.field == "total"
    with pytest.raises(OrderDataError) as caught:
        shopify_event("fulfillments/create", shopify_fulfillment(name=None))
    assert caught.value.field == "name"
