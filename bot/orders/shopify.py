"""Shopify webhooks: the signature check, and payloads read into one ``ShopifyUpdate``.

Shopify signs each webhook with the app's secret: ``X-Shopify-Hmac-Sha256`` carries the
base64 HMAC-SHA256 of the raw body. The topics we use::

    orders/create, orders/updated,     -> the order: contact, country, items, total (and the
    orders/paid, orders/cancelled         shopper's presentment money), status, refunds
    fulfillments/create, .../update    -> the fulfillment's parcels (bot.orders.shipments)
    fulfillment_events/create          -> a carrier's news about those parcels
    refunds/create                     -> an amount refunded on the order

    if verify_shopify(body, request.headers["X-Shopify-Hmac-Sha256"], secret):
        update = shopify_update("orders/create", json.loads(body))

Other topics give None (the server keeps them for staff as "not understood").

Shopify's text fields are what merchants and shoppers typed: control characters in them
are cleaned, never refused (a line break or tab becomes a space, the others are removed),
because a refusal makes Shopify retry for days and then drop the webhook. Contact details
that still do not validate (a phone of "call me") are left out with a warning naming the
field. Everything else that does not validate raises ``OrderDataError``, which the server
answers with a 400 naming the field.

A fulfillment, carrier event or refund finds its order by ``order_id`` (the order's
``external_id``) or, for a fulfillment, by its name ("#1001.2" is a parcel of "#1001").
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.orders.model import OrderDataError, OrderEvent, parse_order
from bot.orders.shipments import CarrierEvent, Parcel
from bot.orders.shopify_shipments import carrier_event, fulfillment_parcels, refund_amounts

logger = logging.getLogger(__name__)

ORDER_TOPICS = ("orders/create", "orders/updated", "orders/paid", "orders/cancelled")
FULFILLMENT_TOPICS = ("fulfillments/create", "fulfillments/update")
EVENT_TOPIC = "fulfillment_events/create"
REFUND_TOPIC = "refunds/create"
TOPICS = ORDER_TOPICS + FULFILLMENT_TOPICS + (EVENT_TOPIC, REFUND_TOPIC)
# financial states of an order whose money has arrived (refunds are recorded beside)
_PAID = ("paid", "partially_refunded", "refunded")
# shopper-typed fields left out, with a warning, when they do not validate
_SOFT_FIELDS = ("phone", "email", "name", "country", "language")
_SPACING = re.compile(r"[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True)
class ShopifyUpdate:
    """What one webhook tells us, and which order it is about."""

    topic: str
    external_id: str | None = None  # Shopify's order id
    order_number: str | None = None  # "#1001", when the payload names the order
    order: OrderEvent | None = None  # order topics: the fields to merge
    fulfillment_id: str | None = None
    parcels: tuple[Parcel, ...] = ()  # a fulfillment's parcels as they stand now
    carrier_event: CarrierEvent | None = None
    refunds: Mapping[str, float] = field(default_factory=dict)  # {refund id: amount}


def verify_shopify(body: bytes, header: str, secret: str) -> bool:
    """Whether ``header`` is the base64 HMAC-SHA256 of ``body`` under ``secret``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    expected = base64.b64encode(digest)
    return hmac.compare_digest(expected, header.strip().encode("utf-8", "replace"))


def clean(value: Any) -> Any:
    """``value`` with control characters out of every string in it, however deep."""
    if isinstance(value, str):
        return _CONTROL.sub("", _SPACING.sub(" ", value))
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, Mapping):
        return {k: clean(v) for k, v in value.items()}
    return value


def shopify_update(topic: str, payload: Mapping[str, Any]) -> ShopifyUpdate | None:
    """What a webhook payload says; None for a topic BorderDesk does not use."""
    if topic not in TOPICS:
        return None
    data: Mapping[str, Any] = clean(payload)
    if topic in ORDER_TOPICS:
        event = _lenient(_order_fields(topic, data))
        parcels = tuple(
            parcel
            for fulfillment in _list(data, "fulfillments")
            if isinstance(fulfillment, Mapping)
            for parcel in fulfillment_parcels(fulfillment)
        )
        return ShopifyUpdate(
            topic,
            external_id=event.external_id,
            order_number=event.order_number,
            order=event,
            parcels=parcels,
            refunds=refund_amounts(_list(data, "refunds")),
        )
    external_id = _order_id(data.get("order_id"))
    if topic in FULFILLMENT_TOPICS:
        number = _order_name(data.get("name"))
        if external_id is None and number is None:
            raise OrderDataError(
                "order_id", "the fulfillment names no order: give order_id or name (#1001.1)"
            )
        parcels = fulfillment_parcels(data)
        return ShopifyUpdate(
            topic,
            external_id=external_id,
            order_number=number,
            fulfillment_id=parcels[0].fulfillment_id,
            parcels=parcels,
        )
    if external_id is None:
        raise OrderDataError("order_id", f"a {topic} webhook needs the order's id")
    if topic == EVENT_TOPIC:
        news = carrier_event(data)
        return ShopifyUpdate(
            topic, external_id=external_id, fulfillment_id=news.fulfillment_id, carrier_event=news
        )
    return ShopifyUpdate(topic, external_id=external_id, refunds=refund_amounts([data]))


def _order_fields(topic: str, order: Mapping[str, Any]) -> dict[str, Any]:
    shipping, billing = _object(order, "shipping_address"), _object(order, "billing_address")
    customer = _object(order, "customer")
    if order.get("cancelled_at") or topic == "orders/cancelled":
        status = "cancelled"
    elif topic == "orders/paid" or order.get("financial_status") in _PAID:
        status = "paid"
    else:
        status = "created"
    return {
        "order_number": order.get("name") or order.get("order_number"),
        "external_id": order.get("id"),
        "name": shipping.get("name") or _full_name(customer) or billing.get("name"),
        "email": order.get("email") or order.get("contact_email") or customer.get("email"),
        "phone": order.get("phone") or customer.get("phone") or shipping.get("phone"),
        "country": shipping.get("country_code")
        or billing.get("country_code")
        or _object(customer, "default_address").get("country_code"),
        "language": order.get("customer_locale"),
        "currency": order.get("currency"),
        "total": order.get("total_price"),
        "presentment_currency": order.get("presentment_currency"),
        "presentment_total": _object(_object(order, "total_price_set"), "presentment_money").get(
            "amount"
        ),
        "items": [_line_item(item) for item in _list(order, "line_items")],
        "status": status,
        "ordered_at": order.get("created_at"),
        "updated_at": order.get("updated_at"),
    }


def _lenient(fields: dict[str, Any]) -> OrderEvent:
    """parse_order, leaving out shopper-typed contact fields that do not validate."""
    while True:
        try:
            return parse_order(fields)
        except OrderDataError as exc:
            if exc.field not in _SOFT_FIELDS or fields.get(exc.field) is None:
                raise
            # the value itself is personal data: name the field only
            logger.warning(
                "shopify order %s: the %s does not validate; left out",
                fields.get("order_number"),
                exc.field,
            )
            fields = {**fields, exc.field: None}


def _order_name(name: Any) -> str | None:
    """The order a fulfillment belongs to: fulfillment "#1001.2" -> order "#1001"."""
    if not isinstance(name, str) or not name.strip():
        return None
    order, dot, sequence = name.strip().rpartition(".")
    return order if dot and order and sequence.isdigit() else name.strip()


def _order_id(raw: Any) -> str | None:
    if isinstance(raw, bool) or not isinstance(raw, int | str) or not str(raw).strip():
        return None
    return str(raw).strip()


def _line_item(item: Any) -> Any:
    if not isinstance(item, Mapping):
        return item  # parse_order reports it
    title, variant = item.get("title"), item.get("variant_title")
    if isinstance(title, str) and isinstance(variant, str) and variant.strip():
        title = f"{title} ({variant.strip()})"
    return {"title": title, "quantity": item.get("quantity")}


def _full_name(customer: Mapping[str, Any]) -> str | None:
    parts = [customer.get("first_name"), customer.get("last_name")]
    name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    return name or None


def _object(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []
