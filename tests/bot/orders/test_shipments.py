"""An order's state from its parcels, and carrier events on a parcel (pure functions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.orders.shipments import CarrierEvent, Parcel, apply_carrier_event, order_progress
from handlers.shipments import parcel_variables

T = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
FIRST = Parcel(
    "shopify:1:0", "success", "1", "Correos", "PQ1", "https://t.example/PQ1",
    shipped_at=T, estimated_delivery=date(2026, 3, 6),
)  # fmt: skip
SECOND = Parcel(
    "shopify:2:0", "success", "2", "DHL", "JJD2", "https://t.example/JJD2",
    shipped_at=T.replace(day=4), estimated_delivery=date(2026, 3, 9),
)  # fmt: skip


def test_shipped_once_one_parcel_travels_delivered_when_all_do() -> None:
    assert order_progress([replace(FIRST, status="pending")]).reached is None
    both = order_progress([FIRST, SECOND])
    assert (both.reached, both.shipped_at, both.estimated_delivery) == (
        "shipped",
        T,
        date(2026, 3, 9),
    )
    one_there = order_progress([replace(FIRST, delivered_at=T.replace(day=5)), SECOND])
    assert one_there.reached == "shipped" and one_there.delivered_at is None
    assert one_there.estimated_delivery == date(2026, 3, 9)  # of the parcel still travelling
    all_there = order_progress(
        [
            replace(FIRST, delivered_at=T.replace(day=5)),
            replace(SECOND, shipment_status="delivered"),
        ]
    )
    assert (all_there.reached, all_there.delivered_at) == ("delivered", T.replace(day=5))


def test_a_cancelled_parcel_counts_for_nothing() -> None:
    progress = order_progress([FIRST, replace(SECOND, status="cancelled")])
    assert progress.latest == FIRST and progress.estimated_delivery == date(2026, 3, 6)
    assert order_progress([replace(FIRST, status="cancelled")]).reached is None


def test_carrier_events_update_the_parcel_and_an_older_one_changes_nothing() -> None:
    out = apply_carrier_event(FIRST, CarrierEvent("1", "out_for_delivery", T.replace(day=6)))
    assert out.state() == "out for delivery"
    later = apply_carrier_event(
        out, CarrierEvent("1", "delayed", T.replace(day=7), estimated_delivery=date(2026, 3, 10))
    )
    assert (later.state(), later.estimated_delivery) == ("delayed", date(2026, 3, 10))
    assert apply_carrier_event(later, CarrierEvent("1", "in_transit", T.replace(day=5))) == later
    there = apply_carrier_event(later, CarrierEvent("1", "delivered", T.replace(day=8)))
    assert there.delivered and there.delivered_at == T.replace(day=8)


def test_reply_variables_list_every_parcel_on_its_way() -> None:
    assert parcel_variables([FIRST]) == {
        "carrier": "Correos",
        "tracking_number": "PQ1",
        "tracking_link": "https://t.example/PQ1",
    }
    assert parcel_variables(
        [FIRST, SECOND, replace(FIRST, parcel_key="x", status="cancelled", tracking_number="GONE")]
    ) == {
        "carrier": "Correos, DHL",
        "tracking_number": "PQ1 (Correos), JJD2 (DHL)",
        "tracking_link": "https://t.example/PQ1 https://t.example/JJD2",
    }
    assert parcel_variables([replace(FIRST, status="pending")]) == {}
