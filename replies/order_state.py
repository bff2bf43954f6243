"""What the linked order's state rules out of a reading.

The classifier reads words; the linked order says where the parcel is. Some readings
cannot be right for the order the shopper asks about, and their answers then say
something false:

- an order **delivered** cannot be changed before packing: "I got the black one, could I
  change it for the grey?" is an exchange (``return_item``), not ``change_order``, whose
  answer promises to check "whether the change is still possible before packing"; and
  "where is it?" or "it's late" about an order the carrier marked delivered is a parcel
  the shopper cannot find (``lost_package``), not a shipment still on its way;
- an order **on its way** and not late is not lost because its tracking paused: "it
  hasn't moved since Thursday, is it lost?" is answered with where it is and when it is
  due (``track_order``); once past its date, with the late order's answer
  (``delivery_delay``);
- an order **not shipped yet** cannot be lost either: it is on time or late; and one
  still **awaiting payment** has no refund to track: "I paid by transfer on the 1st, the
  money has left my account and the order still says pending" is a payment not matched
  yet (``payment_issue``), not a refund on its way (``track_refund``);
- for an order **not delivered yet**, "where is it?" and "it's late" are one question,
  not a doubt between two: either answer names the order's tracking (or says it has
  none yet), and for an order past its date (``replies.facts.fill.order_overdue``) both
  apologise for the wait (``replies.also.with_late_order``); the likelier of the two
  leads with the other's share.

A status the store or the ``borderdesk suggest`` input gives in its own words is read
by what it says ("in_transit", "out for delivery", "processing"); an unknown one rules
nothing out, nor does a cancelled or refunded order. For an order **out for delivery** or
**returned to sender** (``replies.parcel_status``), a question about delivery times or
options is about this parcel: it is read as "where is it" (``track_order``).

    order = LinkedOrder.of({"order_status": "delivered"}, overdue=False)
    probs, also = order.rule_out(classifier, probs, also)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from replies.classifier import IntentClassifier
from replies.parcel_status import parcel_state

DELIVERED = "delivered"
ON_ITS_WAY = "on_its_way"
NOT_SHIPPED = "not_shipped"
_STAGES = {
    DELIVERED: frozenset({"delivered", "picked_up", "collected"}),
    ON_ITS_WAY: frozenset(
        {
            "shipped",
            "in_transit",
            "transit",
            "out_for_delivery",
            "fulfilled",
            "partially_shipped",
            "partially_fulfilled",
            "dispatched",
            "sent",
            "held_at_customs",
            "customs",
        }
    ),
    NOT_SHIPPED: frozenset(
        {
            "created",
            "pending",
            "paid",
            "processing",
            "unfulfilled",
            "on_hold",
            "awaiting_payment",
            "unpaid",
            "confirmed",
            "authorized",
            "new",
            "preparing",
        }
    ),
}
# Statuses of an order whose payment has not been received (a subset of NOT_SHIPPED).
_UNPAID = frozenset({"created", "pending", "awaiting_payment", "unpaid", "new", "on_hold"})
_SEPARATORS = re.compile(r"[\s\-]+")

TRACK = "track_order"
LATE = "delivery_delay"
LOST = "lost_package"
CHANGE = "change_order"
EXCHANGE = "return_item"
REFUND_STATUS = "track_refund"
PAYMENT = "payment_issue"
# Readings about delivery in general, which for a parcel out for delivery or coming back
# are about that parcel.
_ABOUT_THE_PARCEL = {"delivery_options": TRACK, "delivery_period": TRACK}
# (stage, overdue) -> reading that cannot be right -> the reading it is instead
_INSTEAD: Mapping[tuple[str, bool], Mapping[str, str]] = {
    (DELIVERED, False): {CHANGE: EXCHANGE, TRACK: LOST, LATE: LOST},
    (ON_ITS_WAY, False): {LOST: TRACK},
    (ON_ITS_WAY, True): {LOST: LATE},
    (NOT_SHIPPED, False): {LOST: TRACK},
    (NOT_SHIPPED, True): {LOST: LATE},
}
# Readings that are one answer for an order not delivered yet.
_ONE_ANSWER = (TRACK, LATE)
_NOT_DELIVERED = (ON_ITS_WAY, NOT_SHIPPED)


@dataclass(frozen=True)
class LinkedOrder:
    """The linked order as a reading needs it: its ``stage`` (``DELIVERED``,
    ``ON_ITS_WAY``, ``NOT_SHIPPED``, or "" when the status says none of these), whether it
    is ``overdue``, whether its payment is still awaited (``unpaid``) and whether the
    carrier says it is out for delivery or returned to sender (``parcel``)."""

    stage: str
    overdue: bool = False
    unpaid: bool = False
    parcel: bool = False

    @classmethod
    def of(cls, values: Mapping[str, str], *, overdue: bool) -> LinkedOrder | None:
        """The order ``values`` describe (``order_status``, ``tracking_number``); None
        when no order is linked."""
        status = _SEPARATORS.sub("_", str(values.get("order_status") or "").strip().lower())
        if not status:
            return None
        stage = next((name for name, known in _STAGES.items() if status in known), "")
        if not stage and str(values.get("tracking_number") or "").strip():
            stage = ON_ITS_WAY if status not in {"cancelled", "canceled", "refunded"} else ""
        return cls(
            stage,
            overdue and stage != DELIVERED,
            unpaid=status in _UNPAID,
            parcel=bool(parcel_state(values)),
        )

    def rule_out(
        self, classifier: IntentClassifier, probs: np.ndarray, also: tuple[str, ...]
    ) -> tuple[np.ndarray, tuple[str, ...]]:
        """``probs`` with each reading this order rules out given to the one it is instead,
        and the shares of "where is it" and "it's late" joined for an order not delivered
        yet (the module docstring); ``also`` renamed the same way."""
        intents = classifier.intents
        rules = dict(_INSTEAD.get((self.stage, self.overdue), {}))
        if self.unpaid:
            rules[REFUND_STATUS] = PAYMENT
        if self.parcel:
            rules |= _ABOUT_THE_PARCEL
        instead = {
            source: target
            for source, target in rules.items()
            if source in intents and target in intents
        }
        moved = probs.copy()
        for source, target in instead.items():
            moved[intents.index(target)] += moved[intents.index(source)]
            moved[intents.index(source)] = 0.0
        renamed = tuple(dict.fromkeys(instead.get(intent, intent) for intent in also))
        if self.stage in _NOT_DELIVERED and all(i in intents for i in _ONE_ANSWER):
            track, late = (intents.index(i) for i in _ONE_ANSWER)
            if int(moved.argmax()) in (track, late):
                lead, other = (track, late) if moved[track] >= moved[late] else (late, track)
                moved[lead] += moved[other]
                moved[other] = 0.0
                renamed = tuple(i for i in renamed if i not in _ONE_ANSWER)
        return moved, renamed
