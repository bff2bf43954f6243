"""Shopify webhooks: the signature check and the payload-to-OrderEvent mapping.

Shopify signs each webhook with the app's secret: ``X-Shopify-Hmac-Sha256`` carries the
base64 HMAC-SHA256 of the raw body. Four topics matter to us::

    orders/create, orders/paid          -> the order: contact, country, items, total, status
    fulfillments/create, .../update     -> carrier, tracking number and link, delivered

    if verify_shopify(body, request.headers["X-Shopify-Hmac-Sha256"], secret):
        event = shopify_event("orders/create", json.loads(body))

Other topics give None (the server acknowledges and logs them). Contact details are typed
by shoppers at checkout; one that does not validate (a phone of "call me") is left out
with a warning naming the field, instead of refusing the whole order and making Shopify
redeliver it for days. Everything else that does not validate raises ``OrderDataError``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import Mapping
from typing import Any

from bot.orders.model import OrderDataError, OrderEvent, parse_order

logger = logging.getLogger(__name__)

ORDER_TOPICS = ("orders/create", "orders/paid")
FULFILLMENT_TOPICS = ("fulfillments/create", "fulfillments/update")
TOPICS = ORDER_TOPICS + FULFILLMENT_TOPICS
# financial states of an order whose money has arrived (refunds are handled by staff)
_PAID = ("paid", "partially_refunded", "refunded")
# fulfillment states that mean nothing was shipped
_NOT_SHIPPED = ("cancelled", "error", "failure")
# shopper-typed fields left out, with a warning, when they do not validate
_SOFT_FIELDS = ("phone", "email", "name", "country", "language")


def verify_shopify(body: bytes, header: str, secret: str) -> bool:
    """Whether ``header`` is the base64 HMAC-SHA256 of ``body`` under ``secret``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    expected = base64.b64encode(digest)
    return hmac.compare_digest(expected, header.strip().encode("utf-8", "replace"))


def shopify_event(topic: str, payload: Mapping[str, Any]) -> OrderEvent | None:
    """The order event a webhook payload describes; None for topics we do not use."""
    if topic in ORDER_TOPICS:
        return _lenient(_order_fields(topic, payload))
    if topic in FULFILLMENT_TOPICS:
        fields = _fulfillment_fields(payload)
        return None if fields is None else _lenient(fields)
    return None


def _order_fields(topic: str, order: Mapping[str, Any]) -> dict[str, Any]:
    shipping, billing = _object(order, "shipping_address"), _object(order, "billing_address")
    customer = _object(order, "customer")
    if order.get("cancelled_at"):
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
        "items": [_line_item(item) for item in _list(order, "line_items")],
        "status": status,
        "ordered_at": order.get("created_at"),
    }


def _fulfillment_fields(fulfillment: Mapping[str, Any]) -> dict[str, Any] | None:
    if fulfillment.get("status") in _NOT_SHIPPED:
        return None
    delivered = fulfillment.get("shipment_status") == "delivered"
    return {
        "order_number": _order_name(fulfillment.get("name")),
        "external_id": fulfillment.get("order_id"),
        "carrier": fulfillment.get("tracking_company"),
        "tracking_number": fulfillment.get("tracking_number")
        or _first(fulfillment, "tracking_numbers"),
        "tracking_url": fulfillment.get("tracking_url") or _first(fulfillment, "tracking_urls"),
        "status": "delivered" if delivered else "shipped",
        "shipped_at": fulfillment.get("created_at"),
        "delivered_at": fulfillment.get("updated_at") if delivered else None,
        "estimated_delivery": fulfillment.get("estimated_delivery_at"),
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


def _order_name(name: Any) -> str:
    """The order a fulfillment belongs to: fulfillment "#1001.2" -> order "#1001"."""
    if not isinstance(name, str) or not name.strip():
        raise OrderDataError("name", "the fulfillment does not name its order (like #1001.1)")
    order, dot, sequence = name.strip().rpartition(".")
    return order if dot and order and sequence.isdigit() else name.strip()


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


def _first(data: Mapping[str, Any], key: str) -> Any:
    values = _list(data, key)
    return values[0] if values else None
