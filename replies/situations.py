"""What we know about the shopper's order decides which wording of an answer is sent.

An answer about an order must never describe a shipment nobody looked up. Each such answer
is written for three situations, chosen from the order facts the engine is given:

- ``with_tracking``: an order is linked to the shopper and has a tracking number;
- ``without_tracking``: an order is linked but has no tracking number (not shipped yet, or
  the carrier has not given one);
- ``without_order``: no order is linked: the answer asks for the order number and the
  e-mail or phone used at checkout, so the order can be linked
  (``handlers/order_links.py`` links it when the shopper sends them).

    order_situation({"order_status": "fulfilled", "tracking_number": "RM1"})
    # OrderSituation.WITH_TRACKING
    ASKS_FOR[OrderSituation.WITHOUT_ORDER]
    # ("order_number", "checkout_contact")
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class OrderSituation(StrEnum):
    """Which order facts an answer may rely on."""

    WITH_TRACKING = "with_tracking"
    WITHOUT_TRACKING = "without_tracking"
    WITHOUT_ORDER = "without_order"


# Set only from an order linked to the shopper (``handlers.order_links.order_variables``,
# ``borderdesk suggest``'s "order"): an order number the shopper merely typed is not enough,
# since nothing about that order has been looked up.
LINKED_ORDER_MARKER = "order_status"

# Variables each situation's wording may use: a shipment's facts need a shipment, and an
# order's facts need a linked order.
SHIPMENT_VARIABLES = frozenset({"tracking_number", "carrier", "delivery_estimate"})
ORDER_VARIABLES = frozenset({"order_number"}) | SHIPMENT_VARIABLES
FORBIDDEN_VARIABLES: Mapping[OrderSituation, frozenset[str]] = {
    OrderSituation.WITH_TRACKING: frozenset(),
    OrderSituation.WITHOUT_TRACKING: frozenset({"tracking_number", "carrier"}),
    OrderSituation.WITHOUT_ORDER: ORDER_VARIABLES,
}

# What the answer asks the shopper to send, for tools and staff ("asks_for" of a suggestion).
ASKS_FOR: Mapping[OrderSituation, tuple[str, ...]] = {
    OrderSituation.WITH_TRACKING: (),
    OrderSituation.WITHOUT_TRACKING: (),
    OrderSituation.WITHOUT_ORDER: ("order_number", "checkout_contact"),
}


# Noted in the values when the shopper gave an e-mail or phone in this message or the one
# before (``replies.facts.given``): it is not asked for again, and never shown.
GIVEN_CONTACT = "given_contact"
# Noted in the values when the message is asked before buying (a delivery time, duties, a
# payment that failed: ``replies.facts.placed``): no order exists to ask for.
NO_ORDER_YET = "no_order_yet"
# What the shopper gave, by what an answer would otherwise ask for.
_GIVEN = {"order_number": "order_number", "checkout_contact": GIVEN_CONTACT}


def asks_for(values: Mapping[str, str]) -> tuple[str, ...]:
    """What an answer for ``values`` asks the shopper for: nothing once an order is
    linked; without one, the order number and the checkout contact, less what the shopper
    already gave (``replies.facts.link`` words the request the same way), and nothing for
    a message asked before buying (``NO_ORDER_YET``)."""
    if str(values.get(NO_ORDER_YET) or "").strip():
        return ()
    return tuple(
        item
        for item in ASKS_FOR[order_situation(values)]
        if not str(values.get(_GIVEN[item]) or "").strip()
    )


def order_situation(values: Mapping[str, str]) -> OrderSituation:
    """The situation the known ``values`` describe (empty values count as unknown)."""
    if not str(values.get(LINKED_ORDER_MARKER) or "").strip():
        return OrderSituation.WITHOUT_ORDER
    if str(values.get("tracking_number") or "").strip():
        return OrderSituation.WITH_TRACKING
    return OrderSituation.WITHOUT_TRACKING
