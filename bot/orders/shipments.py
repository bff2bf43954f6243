"""Parcels: what a shop tells us about each package of an order, and what they add up to.

An order may leave in several parcels (a split shipment, or one fulfillment with several
tracking numbers), and each parcel has its own carrier, number, link, carrier status and
estimate. Shoppers ask about "my order", so the order's own state is derived from its
parcels rather than overwritten by whichever arrived last::

    progress = order_progress(parcels)
    progress.reached            # "shipped" once one parcel is on its way,
                                # "delivered" when every parcel on its way is delivered
    progress.estimated_delivery # the latest estimate of the parcels still travelling

Only a fulfillment with status ``success`` is a parcel on its way. ``pending`` and
``open`` are recorded (the shop is preparing it) but ship nothing, and ``cancelled``,
``error`` and ``failure`` mark a parcel that is not travelling (kept, shown as such,
never counted). A carrier's ``delivered`` event delivers its parcel; ``out_for_delivery``,
``attempted_delivery`` and ``failure`` are recorded on it for staff and the shopper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

# The shop's fulfillment statuses (Shopify's Fulfillment.status).
SHIPPED = "success"
PREPARING = frozenset({"pending", "open"})
NOT_SHIPPED = frozenset({"cancelled", "error", "failure"})
FULFILLMENT_STATUSES = frozenset({SHIPPED}) | PREPARING | NOT_SHIPPED
# What a person reads for the carrier's statuses (Shopify's FulfillmentEvent.status).
CARRIER_STATUS_LABELS = {
    "label_printed": "label printed",
    "label_purchased": "label purchased",
    "confirmed": "confirmed by the carrier",
    "carrier_picked_up": "picked up by the carrier",
    "picked_up": "picked up",
    "in_transit": "in transit",
    "delayed": "delayed",
    "ready_for_pickup": "ready for pickup",
    "out_for_delivery": "out for delivery",
    "attempted_delivery": "delivery attempted",
    "failure": "delivery failed",
    "delivered": "delivered",
}


@dataclass(frozen=True)
class Parcel:
    """One package as the shop describes it now; None means "not said", never "erase"."""

    parcel_key: str  # "shopify:<fulfillment id>:<n>" or "tracking:<number>"
    status: str  # one of FULFILLMENT_STATUSES
    fulfillment_id: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    shipment_status: str | None = None
    shipment_status_at: datetime | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    estimated_delivery: date | None = None
    # when the shop last changed its fulfillment (Shopify's updated_at): an older
    # description of the fulfillment is stale and changes nothing
    shop_updated_at: datetime | None = None

    @property
    def travelling(self) -> bool:
        """Handed to the carrier (delivered or not)."""
        return self.status == SHIPPED

    @property
    def delivered(self) -> bool:
        return self.travelling and (
            self.delivered_at is not None or self.shipment_status == "delivered"
        )

    def state(self) -> str:
        """What a person reads about this parcel: "in transit", "being prepared", ..."""
        if not self.travelling:
            return "being prepared" if self.status in PREPARING else f"shipment {self.status}"
        if self.delivered:
            return "delivered"
        if self.shipment_status:
            return CARRIER_STATUS_LABELS.get(
                self.shipment_status, self.shipment_status.replace("_", " ")
            )
        return "shipped"


@dataclass(frozen=True)
class CarrierEvent:
    """A carrier's news about every parcel of one fulfillment (fulfillment_events/create)."""

    fulfillment_id: str
    status: str  # a key of CARRIER_STATUS_LABELS, or another word the carrier used
    happened_at: datetime | None = None
    estimated_delivery: date | None = None


@dataclass(frozen=True)
class Progress:
    """What an order's parcels say about the order."""

    reached: str | None  # "shipped", "delivered", or None when nothing travels
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    estimated_delivery: date | None = None
    latest: Parcel | None = None  # for the order's own carrier/tracking columns


def order_progress(parcels: Iterable[Parcel]) -> Progress:
    """The order's state from its parcels (see the module docstring)."""
    travelling = [p for p in parcels if p.travelling]
    if not travelling:
        return Progress(None)
    shipped = [p.shipped_at for p in travelling if p.shipped_at is not None]
    pending = [p for p in travelling if not p.delivered]
    estimates = [p.estimated_delivery for p in pending or travelling if p.estimated_delivery]
    delivered = [p.delivered_at for p in travelling if p.delivered_at is not None]
    return Progress(
        reached="shipped" if pending else "delivered",
        shipped_at=min(shipped, default=None),
        delivered_at=None if pending else max(delivered, default=None),
        estimated_delivery=max(estimates, default=None),
        latest=travelling[-1],
    )


def apply_carrier_event(parcel: Parcel, event: CarrierEvent) -> Parcel:
    """The parcel after the carrier's event; an older event never hides a newer one."""
    if (
        parcel.shipment_status_at is not None
        and event.happened_at is not None
        and event.happened_at < parcel.shipment_status_at
    ):
        return parcel
    delivered_at = parcel.delivered_at
    if event.status == "delivered" and delivered_at is None:
        delivered_at = event.happened_at
    return replace(
        parcel,
        shipment_status=event.status,
        shipment_status_at=event.happened_at or parcel.shipment_status_at,
        delivered_at=delivered_at,
        estimated_delivery=event.estimated_delivery or parcel.estimated_delivery,
    )
