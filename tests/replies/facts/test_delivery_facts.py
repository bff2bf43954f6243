"""Delivery times from the store's desk file, and how late an order is."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.delivery import add_business_days, days_text, delivery_lateness, delivery_time
from replies.facts.terms import DeliveryWindow, ShippingError, parse_shipping

TERMS = parse_shipping(
    {
        "ships_from": "DE",
        "delivery_days": {"DE": "1-2", "EU": "2-5", "US": "5-8", "default": "7-14"},
    }
)
NO_TIMES = parse_shipping({})
FRIDAY_20_NOV = date(2026, 11, 20)


def test_states_the_destinations_own_time_then_its_regions_then_the_default() -> None:
    assert delivery_time("US", TERMS, "en") == "Delivery time (United States): 5–8 business days."
    assert delivery_time("FR", TERMS, "fr") == "Délai de livraison (France) : 2–5 jours ouvrés."
    assert delivery_time("JP", TERMS, "ja") == "お届け日数（日本）：7–14営業日です。"
    assert delivery_time("DE", TERMS, "de") == "Lieferzeit (Deutschland): 1–2 Werktage."


def test_unknown_country_gives_the_usual_time_and_asks_for_the_country() -> None:
    assert delivery_time(None, TERMS, "en") == (
        "Delivery usually takes 7–14 business days; tell us your country and we will give you "
        "its exact time."
    )
    assert delivery_time(None, NO_TIMES, "es").startswith("Dinos a qué país va el pedido")
    assert delivery_time("US", NO_TIMES, "en").startswith("Tell us which country")


@pytest.mark.parametrize(
    ("window", "language", "text"),
    [
        (DeliveryWindow(1, 1), "en", "1 business day"),
        (DeliveryWindow(2, 2), "ru", "2 рабочих дня"),
        (DeliveryWindow(5, 5), "ru", "5 рабочих дней"),
        (DeliveryWindow(2, 4), "ru", "от 2 до 4 рабочих дней"),
        (DeliveryWindow(3, 3), "pl", "3 dni robocze"),
        (DeliveryWindow(1, 1), "pl", "1 dzień roboczy"),
        (DeliveryWindow(1, 2), "de", "1–2 Werktage"),
        (DeliveryWindow(3, 5), "ar", "3–5 أيام عمل"),
        (DeliveryWindow(7, 14), "ar", "7–14 يوم عمل"),
    ],
)
def test_days_are_written_with_the_languages_plural(
    window: DeliveryWindow, language: str, text: str
) -> None:
    assert days_text(window, language) == text


def test_business_days_skip_weekends() -> None:
    assert add_business_days(FRIDAY_20_NOV, 1) == date(2026, 11, 23)
    assert add_business_days(FRIDAY_20_NOV, 8) == date(2026, 12, 2)


def test_a_late_order_says_so_with_the_dates() -> None:
    late = delivery_lateness(FRIDAY_20_NOV, "US", TERMS, date(2026, 12, 7), "en")
    assert late == (
        "It was ordered on November 20, 2026 and the delivery time is 5–8 business days "
        "(United States), so it should have arrived by December 2, 2026: it is late, and we "
        "are sorry."
    )


def test_an_order_within_the_time_is_on_time_even_on_its_last_day() -> None:
    last_day = delivery_lateness(FRIDAY_20_NOV, "US", TERMS, date(2026, 12, 2), "de")
    assert "noch im Zeitplan" in last_day and "bis zum 2. Dezember 2026" in last_day
    day_after = delivery_lateness(FRIDAY_20_NOV, "US", TERMS, date(2026, 12, 3), "de")
    assert "verspätet" in day_after


def test_without_order_date_or_any_time_it_says_what_it_will_do() -> None:
    assert delivery_lateness(None, "US", TERMS, date(2026, 12, 7), "en").startswith(
        "We will compare the order date"
    )
    assert delivery_lateness(FRIDAY_20_NOV, "US", NO_TIMES, date(2026, 12, 7), "es").startswith(
        "Compararemos"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_delivery_sentence(language: str) -> None:
    today = date(2026, 12, 7)
    sentences = {
        delivery_time("US", TERMS, language),
        delivery_time(None, TERMS, language),
        delivery_time(None, NO_TIMES, language),
        delivery_lateness(FRIDAY_20_NOV, "US", TERMS, today, language),
        delivery_lateness(date(2026, 12, 4), "US", TERMS, today, language),
        delivery_lateness(None, None, TERMS, today, language),
    }
    assert len(sentences) == 6 and all(s.strip() and "{" not in s for s in sentences)
    assert ".." not in "".join(sentences)
    if language != "en":
        assert not sentences & {
            delivery_time("US", TERMS, "en"),
            delivery_lateness(None, None, TERMS, today, "en"),
        }


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({"delivery_days": {"US": "8-5"}}, "delivery_days.US"),
        ({"delivery_days": {"US": "soon"}}, "delivery_days.US"),
        ({"delivery_days": {"Narnia": "2"}}, "delivery_days.Narnia"),
        ({"delivery_days": ["US 5-8"]}, "delivery_days"),
        ({"ships_from": "Germany"}, "ships_from"),
        ({"delivery_time": {}}, "delivery_time"),
    ],
)
def test_wrong_entries_name_their_key(section: dict[str, object], key: str) -> None:
    with pytest.raises(ShippingError) as caught:
        parse_shipping(section)
    assert caught.value.key == key


def test_unquoted_no_is_norway() -> None:
    terms = parse_shipping({"delivery_days": {False: "3-4"}})
    assert terms.delivery.window_for("NO") == DeliveryWindow(3, 4)
