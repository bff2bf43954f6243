"""An answer about delivery options never asks for a country the shopper has given.

Sendability check (2026-12-07): "quanto costa la spedizione express in Italia?" was
answered "tell us which country you'd like it delivered to". The answer now states the
delivery time for the shopper's country, wherever it is known from (the linked order,
the conversation, the phone, the message), and asks for the country only when it is not.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

import pytest

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.facts.delivery import delivery_time
from replies.facts.fill import fact_variables
from replies.facts.ships_there import ships_there
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.language import make_detector
from replies.library import load_library
from replies.store import StoreDetails

TABLE = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5", "default": "7-14"}})
NO_TABLE = parse_shipping({})
TODAY = date(2026, 12, 7)
# "how much is express shipping to <country>?", the country named as shoppers write it
NAMED = {
    "en": ("how much is express shipping to Italy?", "IT"),
    "es": ("cuanto cuesta el envio express a Mexico?", "MX"),
    "fr": ("vous livrez en express en Belgique ?", "BE"),
    "de": ("Gibt es Expressversand nach Österreich?", "AT"),
    "it": ("quanto costa la spedizione express in Italia?", "IT"),
    "pt": ("tem entrega expressa para Portugal?", "PT"),
    "nl": ("Kunnen jullie express leveren in België?", "BE"),
    "pl": ("Czy jest dostawa ekspresowa do Polski?", "PL"),
    "ru": ("Есть ли экспресс-доставка в Казахстан?", "KZ"),
    "tr": ("Türkiye'ye hızlı kargo var mı?", "TR"),
    "ja": ("日本へのお急ぎ便はありますか？", "JP"),
    "ko": ("한국으로 빠른 배송 되나요?", "KR"),
    "zh": ("寄到香港有快递吗？", "HK"),
    "ar": ("هل يوجد شحن سريع إلى الإمارات؟", "AE"),
}


@cache
def engine(with_table: bool) -> SuggestionEngine:
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    store = StoreDetails(
        "",
        None,
        lambda: datetime(2026, 12, 7, tzinfo=UTC),
        shipping=TABLE if with_table else NO_TABLE,
    )
    return SuggestionEngine(library, classifier, make_detector("lingua", ["en"]), store=store)


def terms_of(with_table: bool) -> ShippingTerms:
    return TABLE if with_table else NO_TABLE


@pytest.mark.parametrize("with_table", [True, False])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_known_country_is_not_asked_for(language: str, with_table: bool) -> None:
    terms = terms_of(with_table)
    reply, used = engine(with_table).render("delivery_options", language, {}, country="IT")
    assert used == language
    assert delivery_time("IT", terms, language) in reply
    assert delivery_time(None, terms, language) not in reply


@pytest.mark.parametrize("with_table", [True, False])
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_country_is_asked_for_once(language: str, with_table: bool) -> None:
    reply, _ = engine(with_table).render("delivery_options", language, {})
    assert reply.count(delivery_time(None, terms_of(with_table), language)) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_country_named_in_the_message_is_not_asked_for(language: str) -> None:
    text, code = NAMED[language]
    template, _ = engine(True).template("delivery_options", language, {})
    facts = fact_variables(text, template, language, {}, terms=TABLE, today=TODAY)
    if facts.get("ships_there"):
        # "vous livrez ... en Belgique ?" asks whether the store ships there: the answer
        # says yes with the named country's time, and the time is not said twice
        assert facts["ships_there"] == ships_there(text, code, TABLE, language)
        assert facts["delivery_time"] == ""
    else:
        assert facts["delivery_time"] == delivery_time(code, TABLE, language)


def test_the_linked_orders_country_is_not_asked_for() -> None:
    reply, _ = engine(False).render(
        "delivery_options", "pt", {"order_status": "processing", "order_country": "PT"}
    )
    assert "para Portugal" in reply and "Informe para qual país" not in reply
    assert "(Portugal)" not in reply
