"""Whether the store ships to a country, answered from the desk file's delivery table, and
a late parcel's wait explained without customs inside one customs area (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.fill import fact_variables
from replies.facts.held_up import delay_cause
from replies.facts.ships_there import asks_ships_there, ships_there
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.library import load_library

LIBRARY = load_library()
TODAY = date(2026, 12, 7)
DESK = parse_shipping(
    {
        "ships_from": "DE",
        "delivery_days": {"DE": "1-2", "EU": "2-5", "CH": "3-6", "default": "7-14"},
    }
)
ONLY_EUROPE = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5"}})
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")
CUSTOMS_WORDS = (
    "customs",
    "aduana",
    "douane",
    "Zoll",
    "dogana",
    "alfândega",
    "celn",
    "таможн",
    "gümrük",
    "税関",
    "통관",
    "海关",
    "الجمارك",
)


@pytest.mark.parametrize(
    "text",
    [
        "do u guys ship to new zealand? and whats the cost",
        "¿mandan a Uruguay? quiero unas toallas",
        "vous expédiez au Canada ? merci",
        "liefert ihr auch nach Österreich??",
        "spedite anche in Svizzera o solo in Italia?",
        "vcs entregam em Portugal?",
        "leveren jullie ook naar België",
        "czy wysyłacie do Norwegii?",
        "вы доставляете в Казахстан?",
        "Azerbaycan'a gönderim yapıyor musunuz",
        "シンガポールに発送できますか？",
        "호주도 배송 되나요?",
        "能寄到新加坡吗？",
        "هل تشحنون إلى الكويت؟",
    ],
)
def test_a_question_whether_the_store_ships_there_is_heard_in_every_language(text: str) -> None:
    assert asks_ships_there(text)


@pytest.mark.parametrize(
    "text",
    [
        "how long does delivery take to Italy?",
        "¿cuánto tarda el paquete?",
        "wo ist meine Bestellung?",
        "注文はいつ届きますか",
    ],
)
def test_a_question_that_does_not_ask_whether_the_store_ships_there_adds_nothing(
    text: str,
) -> None:
    assert ships_there(text, "IT", DESK, "en") == ""


def test_a_country_with_a_delivery_time_is_told_yes_and_how_long() -> None:
    assert ships_there("do you ship to chile??", "CL", DESK, "en") == (
        "Yes, we deliver to Chile: delivery takes 7–14 business days."
    )
    assert ships_there("¿hacen envíos a Suiza?", "CH", DESK, "es") == (
        "Sí, hacemos envíos a Suiza: la entrega tarda de 3 a 6 días hábiles."
    )
    assert "3〜6営業日" in ships_there("スイスに発送できますか", "CH", DESK, "ja")


def test_a_country_the_store_gave_no_time_for_is_left_to_the_team_not_promised() -> None:
    for terms in (ONLY_EUROPE, ShippingTerms()):
        answer = ships_there("do you ship to Japan?", "JP", terms, "en")
        assert answer == (
            "Our team will confirm whether we deliver to Japan and how long it takes, "
            "and get back to you."
        )
        assert "Yes" not in answer


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_answer_to_a_customs_question_also_says_the_store_ships_there(language: str) -> None:
    """A "do you ship to ...?" beside another question is answered by the delivery options'
    further sentence, with the days from the desk file, in every language."""
    also = LIBRARY["delivery_options"].also[language]
    facts = fact_variables(
        "do you ship to Switzerland?", also, language, {}, terms=DESK, today=TODAY, country="CH"
    )
    assert "3" in facts["ships_there"] and "6" in facts["ships_there"]
    facts = fact_variables(
        "what options are there?", also, language, {}, terms=DESK, today=TODAY, country="CH"
    )
    assert facts["ships_there"] == ""


def test_the_delivery_time_is_said_once_beside_the_yes() -> None:
    template = LIBRARY["delivery_period"].replies_without_order["en"]
    facts = fact_variables(
        "do you deliver to Chile and how long?",
        template,
        "en",
        {},
        terms=DESK,
        today=TODAY,
        country="CL",
    )
    assert facts["ships_there"].startswith("Yes, we deliver to Chile")
    assert facts["delivery_time"] == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_late_parcel_inside_the_eu_customs_union_hears_nothing_of_customs(language: str) -> None:
    said = delay_cause("IT", DESK, language)
    assert said and not any(word in said for word in CUSTOMS_WORDS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_the_stores_origin_a_delay_is_not_blamed_on_customs(language: str) -> None:
    said = delay_cause("US", ShippingTerms(), language)
    assert not any(word in said for word in CUSTOMS_WORDS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_parcel_across_a_customs_border_may_be_held_at_customs(language: str) -> None:
    said = delay_cause("US", DESK, language)
    assert any(word in said for word in CUSTOMS_WORDS)


def test_the_late_order_answer_carries_the_cause_for_its_own_country() -> None:
    template = LIBRARY["delivery_delay"].replies["pl"]
    facts = fact_variables(
        "paczka stoi w sortowni",
        template,
        "pl",
        {"order_country": "PL"},
        terms=DESK,
        today=TODAY,
    )
    assert "sortowni" in facts["delay_cause"] and "celn" not in facts["delay_cause"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_order_inside_the_eu_asked_about_is_not_told_of_customs_days(language: str) -> None:
    template = LIBRARY["delivery_period"].replies[language]
    assert not any(word in template for word in CUSTOMS_WORDS)
    facts = fact_variables(
        "when does it come?",
        template,
        language,
        {"order_country": "AT", "order_status": "shipped"},
        terms=DESK,
        today=TODAY,
    )
    assert facts["delay_cause"] and not any(w in facts["delay_cause"] for w in CUSTOMS_WORDS)
