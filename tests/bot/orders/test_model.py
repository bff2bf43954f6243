"""parse_order: every field checked, the bad one named, nothing guessed."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.orders.matching import order_key
from bot.orders.model import FIELDS, OrderDataError, OrderEvent, parse_order


def error_of(data: dict[str, Any]) -> OrderDataError:
    with pytest.raises(OrderDataError) as caught:
        parse_order(data)
    return caught.value


def test_a_full_order_is_cleaned_up() -> None:
    event = parse_order(
        {
            "order_number": " #1042 ",
            "external_id": 5820371468331,
            "name": "Lucía Moreno",
            "email": "Lucia.Moreno@Example.es",
            "phone": "+34 (612) 345-678",
            "country": "es",
            "language": "es-ES",
            "currency": "eur",
            "total": "64.80",
            "items": "Ceramic pour-over set x1; Paper filters (100) x2",
            "status": "PAID",
            "ordered_at": "2026-03-01T18:12:44+01:00",
            "estimated_delivery": "2026-03-06",
            "evaluation": "good",
            "event_id": "evt-1",
        }
    )
    assert event == OrderEvent(
        order_number="#1042",
        external_id="5820371468331",
        name="Lucía Moreno",
        email="lucia.moreno@example.es",
        phone="+34612345678",
        country="ES",
        language="es",
        currency="EUR",
        total=64.8,
        items=(("Ceramic pour-over set", 1), ("Paper filters (100)", 2)),
        status="paid",
        ordered_at=datetime(2026, 3, 1, 17, 12, 44, tzinfo=UTC),
        estimated_delivery=date(2026, 3, 6),
        evaluation="good",
        event_id="evt-1",
    )
    assert event.ordered_at is not None
    assert event.ordered_at.utcoffset() == timedelta(hours=1)  # the shop's zone is kept


def test_only_the_order_number_is_required() -> None:
    assert parse_order({"order_number": 1001}) == OrderEvent(order_number="1001")
    assert error_of({"email": "a@b.co"}).field == "order_number"
    assert error_of({"order_number": "   "}).field == "order_number"


def test_empty_values_count_as_absent() -> None:
    event = parse_order({"order_number": "1001", "email": "", "total": None, "items": []})
    assert event == OrderEvent(order_number="1001")


@pytest.mark.parametrize(
    ("data", "field", "says"),
    [
        ({"ordered_at": "2026-03-01T10:00:00"}, "ordered_at", "no time zone"),
        ({"ordered_at": "2026-03-01"}, "ordered_at", "no time zone"),
        ({"paid_at": "yesterday"}, "paid_at", "not an ISO 8601 time"),
        ({"delivered_at": "2026-02-30T10:00:00Z"}, "delivered_at", "not an ISO 8601 time"),
        ({"estimated_delivery": "12/03/2026"}, "estimated_delivery", "not a date"),
        ({"status": "sent"}, "status", "not one of created, paid, shipped"),
        ({"evaluation": "5 stars"}, "evaluation", "not one of good, bad"),
        ({"total": "-5"}, "total", "negative"),
        ({"total": "59,90"}, "total", "use a dot for decimals"),
        ({"total": "NaN"}, "total", "finite"),
        ({"total": True}, "total", "true/false"),
        ({"email": "lucia.moreno@"}, "email", "does not look like an e-mail"),
        ({"email": "lucia moreno@example.es"}, "email", "does not look like an e-mail"),
        ({"phone": "call me after 6"}, "phone", "not a phone number"),
        ({"country": "Spain"}, "country", "not a two-letter"),
        ({"country": "E1"}, "country", "not a two-letter"),
        ({"language": "español"}, "language", "not a language code"),
        ({"currency": "€"}, "currency", "three-letter"),
        ({"tracking_url": "www.correos.es/x"}, "tracking_url", "https://"),
        ({"items": "Mug x0"}, "items", "from 1 to 100000"),
        ({"items": '[{"title": "Mug", "quantity": 2}'}, "items", "not a JSON list"),
        ({"items": [{"quantity": 2}]}, "items", "item 1: an item needs a title"),
        ({"items": [["Mug", 1], "Towel"]}, "items", "item 2"),
        ({"name": "Ana\nGarcía"}, "name", "control characters"),
        ({"name": {"first": "Ana"}}, "name", "expected text, got an object"),
        ({"carrier": "x" * 65}, "carrier", "longer than 64"),
        ({"tracking_numbr": "EJ1"}, "tracking_numbr", "unknown field"),
    ],
)
def test_a_bad_field_is_named_with_how_to_fix_it(
    data: dict[str, Any], field: str, says: str
) -> None:
    error = error_of({"order_number": "1001", **data})
    assert error.field == field
    assert says in str(error)
    assert str(error).startswith(f"{field}: ")


def test_items_in_every_accepted_shape() -> None:
    expected = (("Linen apron", 1), ("Tea towel", 3))
    for items in (
        "Linen apron x1; Tea towel x3",
        "Linen apron; Tea towel ×3",
        '[{"title": "Linen apron", "quantity": 1}, {"title": "Tea towel", "quantity": 3}]',
        [{"title": "Linen apron"}, {"title": "Tea towel", "quantity": "3"}],
        [["Linen apron", 1], ["Tea towel", 3]],
    ):
        assert parse_order({"order_number": "1", "items": items}).items == expected


def test_aware_datetime_objects_are_accepted_and_naive_ones_refused() -> None:
    tokyo = timezone(timedelta(hours=9))
    event = parse_order({"order_number": "1", "shipped_at": datetime(2026, 3, 2, 17, tzinfo=tokyo)})
    assert event.shipped_at == datetime(2026, 3, 2, 8, tzinfo=UTC)
    naive = datetime(2026, 3, 2, 17)  # noqa: DTZ001 - the bug being refused
    assert error_of({"order_number": "1", "shipped_at": naive}).field == "shipped_at"


def test_estimated_delivery_from_a_full_time_is_its_own_date() -> None:
    event = parse_order({"order_number": "1", "estimated_delivery": "2026-03-06T23:00:00-05:00"})
    assert event.estimated_delivery == date(2026, 3, 6)


def test_status_reached_follows_the_dates_when_no_status_is_given() -> None:
    shipped = parse_order({"order_number": "1", "shipped_at": "2026-03-02T10:00:00Z"})
    assert shipped.status_reached() == "shipped"
    assert parse_order({"order_number": "1"}).status_reached() is None
    assert parse_order({"order_number": "1", "status": "paid"}).status_reached() == "paid"


def test_order_numbers_compare_without_hash_and_case() -> None:
    assert order_key("#1001") == order_key("1001") == order_key(" #1001 ")
    assert order_key("BD-2207") == order_key("bd-2207")
    assert order_key("1001") != order_key("10010")


def test_the_parsers_cover_every_field_of_the_event() -> None:
    assert FIELDS == tuple(f.name for f in fields(OrderEvent))


_raw = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(-10, 10**6),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a busy machine
@given(st.dictionaries(st.sampled_from(FIELDS + ("misc",)), _raw, max_size=8))
def test_any_input_gives_an_event_or_a_named_error(data: dict[str, Any]) -> None:
    try:
        event = parse_order(data)
    except OrderDataError as exc:
        assert exc.field in FIELDS + ("misc",)
    else:
        assert event.order_number.strip() == event.order_number
