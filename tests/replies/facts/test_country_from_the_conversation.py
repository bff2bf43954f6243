"""A country the shopper named in the message before is not asked for again.

"Ich wohne in Wien." then "Wie lange dauert der Versand?": the second answer states the
delivery time to Austria instead of asking for the country, in every language.
"""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.delivery import delivery_time
from replies.facts.fill import fact_variables
from replies.facts.given import GIVEN_COUNTRY, shopper_gave
from replies.facts.terms import parse_shipping

TERMS = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5", "default": "7-14"}})
TODAY = date(2026, 12, 7)


def test_the_earlier_message_names_the_country() -> None:
    assert shopper_gave("Wie lange dauert der Versand?", "Ich wohne in Wien.", {}) == {
        GIVEN_COUNTRY: "AT"
    }
    assert shopper_gave("寄到香港要多久？", None, {}) == {GIVEN_COUNTRY: "HK"}


def test_this_messages_country_wins_and_a_known_one_is_kept() -> None:
    assert shopper_gave("and to Spain?", "I live in Vienna", {})[GIVEN_COUNTRY] == "ES"
    assert GIVEN_COUNTRY not in shopper_gave("and to Spain?", None, {GIVEN_COUNTRY: "FR"})
    assert GIVEN_COUNTRY not in shopper_gave("how long?", "no country here", {})


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_delivery_time_uses_the_conversations_country(language: str) -> None:
    facts = fact_variables(
        "?", "{delivery_time}", language, {GIVEN_COUNTRY: "AT"}, terms=TERMS, today=TODAY
    )
    assert facts["delivery_time"] == delivery_time("AT", TERMS, language)
    assert facts["delivery_time"] != delivery_time(None, TERMS, language)


def test_the_order_phone_and_this_message_come_first() -> None:
    given = {GIVEN_COUNTRY: "AT"}
    by_order = fact_variables(
        "", "{delivery_time}", "en", {**given, "order_country": "US"}, terms=TERMS, today=TODAY
    )
    assert by_order["delivery_time"] == delivery_time("US", TERMS, "en")
    by_message = fact_variables(
        "shipping to Japan?", "{delivery_time}", "en", given, terms=TERMS, today=TODAY
    )
    assert by_message["delivery_time"] == delivery_time("JP", TERMS, "en")
