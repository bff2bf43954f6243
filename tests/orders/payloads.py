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
