"""Sample payloads, shaped like what Shopify and a shop's own system send (values made up)."""

from __future__ import annotations

from typing import Any

TRACKING = "PQ4F6P0703673180146001X"


def shopify_order(**changes: Any) -> dict[str, Any]:
    """An orders/create payload: a Spanish shopper, two lines, paid by card."""
    order: dict[str, Any] = {
        "id": 5820371468331,
        "name": "#1042",
        "order_number": 1042,
        "email": "Lucia.Moreno@example.es",
        "phone": None,
        "created_at": "2026-03-01T18:12:44+01:00",
        "updated_at": "2026-03-01T18:12:47+01:00",
        "currency": "EUR",
        "total_price": "64.80",
        "presentment_currency": "EUR",
        "total_price_set": {
            "shop_money": {"amount": "64.80", "currency_code": "EUR"},
            "presentment_money": {"amount": "64.80", "currency_code": "EUR"},
        },
        "financial_status": "pending",
        "fulfillment_status": None,
        "cancelled_at": None,
        "customer_locale": "es-ES",
        "customer": {
            "id": 7301928374655,
            "first_name": "Lucía",
            "last_name": "Moreno",
            "email": "lucia.moreno@example.es",
            "phone": "+34 612 345 678",
        },
        "shipping_address": {
            "name": "Lucía Moreno",
            "address1": "Calle de Ejemplo 12",
            "city": "Valencia",
            "zip": "46001",
            "country": "Spain",
            "country_code": "ES",
            "phone": "+34 612 345 678",
        },
        "line_items": [
            {"id": 1, "title": "Ceramic pour-over set", "variant_title": "Sand", "quantity": 1},
            {"id": 2, "title": "Paper filters (100)", "variant_title": None, "quantity": 2},
        ],
    }
    order.update(changes)
    return order


def shopify_fulfillment(**changes: Any) -> dict[str, Any]:
    """A fulfillments/create payload: the first parcel of order #1042, handed to Correos."""
    fulfillment: dict[str, Any] = {
        "id": 4410028851243,
        "order_id": 5820371468331,
        "name": "#1042.1",
        "status": "success",
        "created_at": "2026-03-03T11:05:00+01:00",
        "updated_at": "2026-03-03T11:05:02+01:00",
        "service": "manual",
        "tracking_company": "Correos",
        "tracking_number": TRACKING,
        "tracking_numbers": [TRACKING],
        "tracking_url": f"https://www.correos.es/localizador?numero={TRACKING}",
        "tracking_urls": [f"https://www.correos.es/localizador?numero={TRACKING}"],
        "shipment_status": None,
        "line_items": [{"id": 1, "title": "Ceramic pour-over set", "quantity": 1}],
    }
    fulfillment.update(changes)
    return fulfillment


def shopify_order_paid_in(currency: str, amount: str, **changes: Any) -> dict[str, Any]:
    """Order #1042 as a shopper abroad saw it: the shop books EUR, they paid ``currency``."""
    order = shopify_order(presentment_currency=currency, **changes)
    order["total_price_set"] = {
        "shop_money": {"amount": order["total_price"], "currency_code": "EUR"},
        "presentment_money": {"amount": amount, "currency_code": currency},
    }
    return order


def shopify_fulfillment_event(**changes: Any) -> dict[str, Any]:
    """A fulfillment_events/create payload: the carrier's news about fulfillment #1042.1."""
    event: dict[str, Any] = {
        "id": 944956393,
        "fulfillment_id": 4410028851243,
        "order_id": 5820371468331,
        "shop_id": 690933842,
        "status": "in_transit",
        "message": "Parcel sorted at the Madrid hub",
        "happened_at": "2026-03-04T07:30:00+01:00",
        "created_at": "2026-03-04T07:31:12+01:00",
        "updated_at": "2026-03-04T07:31:12+01:00",
        "estimated_delivery_at": None,
        "city": "Madrid",
        "province": "Madrid",
        "zip": "28001",
        "country": "Spain",
        "address1": None,
        "latitude": 40.4168,
        "longitude": -3.7038,
        "admin_graphql_api_id": "gid://shopify/FulfillmentEvent/944956393",
    }
    event.update(changes)
    return event


def shopify_refund(**changes: Any) -> dict[str, Any]:
    """A refunds/create payload: 20.00 EUR back for one pour-over set of order #1042."""
    refund: dict[str, Any] = {
        "id": 929361462,
        "order_id": 5820371468331,
        "created_at": "2026-03-08T10:00:00+01:00",
        "processed_at": "2026-03-08T10:00:00+01:00",
        "note": "Chipped on arrival",
        "restock": False,
        "user_id": 548380009,
        "refund_line_items": [
            {
                "id": 104689539,
                "line_item_id": 1,
                "quantity": 1,
                "restock_type": "no_restock",
                "subtotal": "20.00",
                "total_tax": "0.00",
            }
        ],
        "transactions": [
            {
                "id": 245135429,
                "order_id": 5820371468331,
                "kind": "refund",
                "gateway": "bogus",
                "status": "success",
                "amount": "20.00",
                "currency": "EUR",
                "created_at": "2026-03-08T10:00:00+01:00",
                "parent_id": 801038806,
            }
        ],
        "order_adjustments": [],
        "admin_graphql_api_id": "gid://shopify/Refund/929361462",
    }
    refund.update(changes)
    return refund


def shipment_event(**changes: Any) -> dict[str, Any]:
    """A generic event from the shop's warehouse system: order BD-2207 left the building."""
    event: dict[str, Any] = {
        "event_id": "wms-ship-88213",
        "order_number": "BD-2207",
        "email": "k.tanaka@example.jp",
        "country": "JP",
        "language": "ja",
        "status": "shipped",
        "shipped_at": "2026-03-02T17:40:00+09:00",
        "carrier": "Japan Post",
        "tracking_number": "EJ123456785JP",
        "tracking_url": "https://trackings.post.japanpost.jp/search?requestNo1=EJ123456785JP",
        "estimated_delivery": "2026-03-06",
        "items": [{"title": "Linen apron", "quantity": 1}],
    }
    event.update(changes)
    return event
