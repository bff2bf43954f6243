"""A "where is my order?" about an order past its deadline gets the late order's apology.

Sendability check (2026-12-07): "siparişim nerede kaldı?" about a parcel whose estimate
had passed two days before was answered with the tracking and the passed date, without a
word of apology, unless the shopper also wrote that it was late.
"""

from __future__ import annotations

from datetime import date

import pytest

from replies.also import LATE_ORDER, WHEREABOUTS, also_templates, with_late_order
from replies.facts.country import LANGUAGES
from replies.facts.delivery import is_overdue
from replies.facts.fill import order_overdue
from replies.facts.terms import parse_shipping
from replies.library import load_library

LIBRARY = load_library()
TODAY = date(2026, 12, 7)
TERMS = parse_shipping({"ships_from": "DE", "delivery_days": {"SA": "7-14", "GB": "3-6"}})
NO_TIMES = parse_shipping({})
SORRY = {
    "en": "sorry", "es": "sentimos", "fr": "désolés", "de": "leid", "it": "dispiace",
    "pt": "lamentamos", "nl": "spijt", "pl": "przepraszamy", "ru": "извинения",
    "tr": "özür", "ja": "申し訳", "ko": "죄송", "zh": "抱歉", "ar": "نعتذر",
}  # fmt: skip


def test_an_order_is_overdue_by_its_passed_estimate_or_the_stores_time() -> None:
    assert is_overdue(None, None, NO_TIMES, TODAY, estimated_on=date(2026, 12, 5))
    assert not is_overdue(None, None, NO_TIMES, TODAY, estimated_on=TODAY)
    # 23 November + 14 business days to Saudi Arabia = 11 December: still on time
    assert not is_overdue(date(2026, 11, 23), "SA", TERMS, TODAY)
    assert is_overdue(date(2026, 11, 20), "GB", TERMS, TODAY)  # due 30 November
    # late by the promise even when the carrier now expects it next week
    assert is_overdue(date(2026, 11, 20), "GB", TERMS, TODAY, estimated_on=date(2026, 12, 12))
    # no deadline at all: two weeks is long, but nothing promised it sooner
    assert not is_overdue(date(2026, 11, 23), "SA", NO_TIMES, TODAY)


def test_only_a_linked_orders_dates_count() -> None:
    linked = {"order_status": "shipped", "estimated_on": "2026-12-05"}
    assert order_overdue(linked, terms=NO_TIMES, today=TODAY)
    assert not order_overdue({"estimated_on": "2026-12-05"}, terms=NO_TIMES, today=TODAY)
    by_table = {"order_status": "processing", "ordered_on": "2026-11-20", "order_country": "GB"}
    assert order_overdue(by_table, terms=TERMS, today=TODAY)
    assert not order_overdue({**by_table, "ordered_on": "20/11/2026"}, terms=TERMS, today=TODAY)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("first", sorted(WHEREABOUTS))
def test_where_is_an_overdue_order_adds_the_late_orders_apology(first: str, language: str) -> None:
    others = with_late_order(LIBRARY[first], [], LIBRARY[LATE_ORDER], overdue=True)
    sentences = also_templates(LIBRARY[first], others, language)
    assert sentences == [LIBRARY[LATE_ORDER].also[language]]
    assert SORRY[language] in sentences[0].casefold()


def test_nothing_is_added_on_time_for_other_questions_or_twice() -> None:
    late, track = LIBRARY[LATE_ORDER], LIBRARY["track_order"]
    assert with_late_order(track, [], late, overdue=False) == []
    assert with_late_order(LIBRARY["return_item"], [], late, overdue=True) == []
    assert with_late_order(track, [late], late, overdue=True) == [late]
    assert with_late_order(track, [], None, overdue=True) == []  # a library without it
