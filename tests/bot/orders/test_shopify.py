"""Shopify: the HMAC check and how payloads map onto orders."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from bot.orders.model import OrderDataError, OrderEvent
from bot.orders.shopify import shopify_update, verify_shopify
from tests.bot.orders.payloads import TRACKING, shopify_fulfillment, shopify_order

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


def order_event(topic: str, payload: dict[str, Any]) -> OrderEvent:
    update = shopify_update(topic, payload)
    assert update is not None and update.order is not None
    return update.order


def test_an_order_maps_onto_our_fields() -> None:
    event = order_event("orders/create", shopify_order())
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
    assert order_event("orders/paid", shopify_order(financial_status="paid")).status == "paid"
    assert order_event("orders/create", shopify_order(financial_status="paid")).status == "paid"
    cancelled = shopify_order(cancelled_at="2026-03-02T08:00:00+01:00")
    assert order_event("orders/paid", cancelled).status == "cancelled"
    assert order_event("orders/cancelled", shopify_order()).status == "cancelled"
    assert order_event("orders/updated", shopify_order()).status == "created"


def test_a_fulfillment_is_one_parcel_per_tracking_number() -> None:
    update = shopify_update("fulfillments/create", shopify_fulfillment())
    assert update is not None and update.order is None
    assert (update.order_number, update.external_id) == ("#1042", "5820371468331")
    [parcel] = update.parcels
    assert (parcel.carrier, parcel.tracking_number, parcel.status) == (
        "Correos",
        TRACKING,
        "success",
    )
    assert parcel.tracking_url is not None and parcel.tracking_url.endswith(TRACKING)
    assert parcel.shipped_at == datetime(2026, 3, 3, 10, 5, tzinfo=UTC)

    split = shopify_update(
        "fulfillments/update",
        shopify_fulfillment(
            tracking_number="LX1",
            tracking_numbers=["LX1", "LX2"],
            tracking_urls=["https://t.example/LX1"],
        ),
    )
    assert split is not None
    assert [(p.parcel_key, p.tracking_number, p.tracking_url) for p in split.parcels] == [
        ("shopify:4410028851243:0", "LX1", "https://t.example/LX1"),
        ("shopify:4410028851243:1", "LX2", None),
    ]


def test_a_delivered_fulfillment_with_only_the_plural_fields() -> None:
    update = shopify_update(
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
    assert update is not None and update.order_number == "#EU-1042"
    [parcel] = update.parcels
    assert parcel.tracking_number == TRACKING and parcel.tracking_url is not None
    assert parcel.delivered and parcel.delivered_at == datetime(2026, 3, 6, 13, 20, tzinfo=UTC)
    assert parcel.estimated_delivery == date(2026, 3, 6)


def test_pending_and_cancelled_fulfillments_ship_nothing() -> None:
    for status in ("pending", "open", "cancelled", "error", "failure"):
        update = shopify_update("fulfillments/update", shopify_fulfillment(status=status))
        assert update is not None
        assert [p.travelling for p in update.parcels] == [False], status
        assert update.parcels[0].shipped_at is None


def test_control_characters_are_cleaned_not_refused() -> None:
    update = shopify_update(
        "fulfillments/create",
        shopify_fulfillment(
            tracking_number=None,
            tracking_numbers=["LX 123\n456DE\r\n"],
            tracking_company="DHL\tExpress\x00",
            tracking_urls=["https://t.example/LX\n123"],
        ),
    )
    assert update is not None
    [parcel] = update.parcels
    assert (parcel.tracking_number, parcel.carrier) == ("LX 123 456DE", "DHL Express")
    assert parcel.tracking_url == "https://t.example/LX123"


def test_other_topics_give_nothing() -> None:
    assert shopify_update("products/update", {"id": 1, "title": "Mug"}) is None


def test_a_typo_in_a_shopper_typed_phone_does_not_lose_the_order(
    caplog: pytest.LogCaptureFixture,
) -> None:
    payload = shopify_order(phone="call me after six")
    payload["customer"] = {**payload["customer"], "phone": None}
    event = order_event("orders/create", payload)
    assert event.phone is None and event.email is not None
    assert "the phone does not validate; left out" in caplog.text
    assert "call me" not in caplog.text  # personal data stays out of the logs


def test_shop_data_that_does_not_validate_is_refused_naming_the_field() -> None:
    with pytest.raises(OrderDataError) as caught:
        shopify_update("orders/create", shopify_order(total_price="-3.00"))
    assert caught.value.field == "total"
    with pytest.raises(OrderDataError) as caught:
        shopify_update("fulfillments/create", shopify_fulfillment(name=None, order_id=None))
    assert caught.value.field == "order_id" and "give order_id or name" in str(caught.value)
    with pytest.raises(OrderDataError) as caught:
        shopify_update("fulfillments/create", shopify_fulfillment(status="shipped-ish"))
    assert caught.value.field == "status"
