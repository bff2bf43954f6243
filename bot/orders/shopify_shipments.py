"""Shopify's fulfillments, carrier events and refunds, read into parcels and amounts.

A Shopify fulfillment is one shipment from one location; it may carry several tracking
numbers (``tracking_numbers``, with ``tracking_urls`` in the same order), and each number
is a parcel of its own: ``shopify:<fulfillment id>:<n>``. A fulfillment webhook describes
the whole fulfillment as it stands, so its parcels replace what we had for it, unless
its ``updated_at`` is older than the description stored (``bot.storage.shipments``).

    parcels = fulfillment_parcels(payload)       # fulfillments/create, .../update
    event = carrier_event(payload)               # fulfillment_events/create
    amounts = refund_amounts([payload])          # refunds/create: {refund id: amount}

Payloads reach these functions already cleaned of control characters (``shopify.py``). A
tracking link that still does not validate is left out with a warning rather than losing
the parcel; anything else that does not validate raises ``OrderDataError`` naming
Shopify's field.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.orders.model import OrderDataError, parse_field
from bot.orders.shipments import FULFILLMENT_STATUSES, CarrierEvent, Parcel

logger = logging.getLogger(__name__)

_WHITESPACE = re.compile(r"\s+")


def fulfillment_parcels(fulfillment: Mapping[str, Any]) -> tuple[Parcel, ...]:
    """One parcel per tracking number (one without a number when it has none yet)."""
    fulfillment_id = _id(fulfillment.get("id"), "id")
    status = _status(fulfillment.get("status"))
    numbers = _strings(fulfillment, "tracking_numbers") or _strings(fulfillment, "tracking_number")
    urls = _strings(fulfillment, "tracking_urls") or _strings(fulfillment, "tracking_url")
    carrier = parse_field("carrier", fulfillment.get("tracking_company"), "tracking_company")
    shipment_status = _word(fulfillment.get("shipment_status"))
    delivered = shipment_status == "delivered"
    common: dict[str, Any] = {
        "fulfillment_id": fulfillment_id,
        "status": status,
        "carrier": carrier,
        "shipment_status": shipment_status,
        "shipped_at": parse_field("shipped_at", fulfillment.get("created_at"), "created_at")
        if status == "success"
        else None,
        "delivered_at": parse_field("delivered_at", fulfillment.get("updated_at"), "updated_at")
        if delivered
        else None,
        "estimated_delivery": parse_field(
            "estimated_delivery",
            fulfillment.get("estimated_delivery_at"),
            "estimated_delivery_at",
        ),
        "shop_updated_at": parse_field("updated_at", fulfillment.get("updated_at"), "updated_at"),
    }
    if not numbers:
        url = _url(urls[0] if len(urls) == 1 else None, fulfillment_id)
        return (Parcel(f"shopify:{fulfillment_id}:0", tracking_url=url, **common),)
    parcels = []
    for n, number in enumerate(numbers):
        url = urls[n] if n < len(urls) else None
        parcels.append(
            Parcel(
                f"shopify:{fulfillment_id}:{n}",
                tracking_number=parse_field("tracking_number", number, "tracking_numbers"),
                tracking_url=_url(url, fulfillment_id),
                **common,
            )
        )
    return tuple(parcels)


def carrier_event(event: Mapping[str, Any]) -> CarrierEvent:
    """A fulfillment event: the carrier's status for every parcel of its fulfillment."""
    status = _word(event.get("status"))
    if status is None:
        raise OrderDataError("status", "a fulfillment event needs its status (e.g. delivered)")
    return CarrierEvent(
        fulfillment_id=_id(event.get("fulfillment_id"), "fulfillment_id"),
        status=status,
        happened_at=parse_field("shipped_at", event.get("happened_at"), "happened_at")
        or parse_field("shipped_at", event.get("created_at"), "created_at"),
        estimated_delivery=parse_field(
            "estimated_delivery", event.get("estimated_delivery_at"), "estimated_delivery_at"
        ),
    )


def refund_amounts(refunds: Iterable[Any]) -> dict[str, float]:
    """{refund id: amount refunded}: the successful refund transactions of each refund.

    Keyed by Shopify's refund id, so the same refund read from ``refunds/create`` and again
    from an order's ``refunds`` list counts once.
    """
    amounts: dict[str, float] = {}
    for refund in refunds:
        if not isinstance(refund, Mapping):
            raise OrderDataError("refunds", "each refund must be an object")
        total = 0.0
        for transaction in _list(refund, "transactions"):
            if not isinstance(transaction, Mapping):
                continue
            if transaction.get("kind") != "refund" or transaction.get("status") not in (
                "success",
                None,
            ):
                continue
            total += parse_field("total", transaction.get("amount"), "transactions.amount") or 0
        amounts[_id(refund.get("id"), "id")] = round(total, 2)
    return amounts


def _status(raw: Any) -> str:
    status = _word(raw) or "success"  # older payloads leave it out: a created fulfillment
    if status not in FULFILLMENT_STATUSES:
        known = ", ".join(sorted(FULFILLMENT_STATUSES))
        raise OrderDataError("status", f"{status!r} is not a fulfillment status ({known})")
    return status


def _id(raw: Any, field: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, int | str) or not str(raw).strip():
        raise OrderDataError(field, "Shopify's id of the object is required")
    return str(parse_field("external_id", raw, field))


def _word(raw: Any) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    return raw.strip().lower()[:32]


def _strings(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key)
    values = value if isinstance(value, list) else [value]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _url(raw: str | None, fulfillment_id: str) -> str | None:
    """A tracking link, with any whitespace inside removed; left out if it is no link."""
    if raw is None:
        return None
    try:
        return parse_field("tracking_url", _WHITESPACE.sub("", raw), "tracking_urls")
    except OrderDataError:
        logger.warning(
            "shopify fulfillment %s: a tracking link is not a link; left out", fulfillment_id
        )
        return None


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []
