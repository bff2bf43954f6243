"""Where the shopper is: order, phone, app language, or a place the message names."""

from __future__ import annotations

import pytest

from replies.facts.country import ShopperCountry, country_in_text, shopper_country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("I'm in Toronto, will the plug fit?", "CA"),
        ("Liefert ihr auch nach Wien?", "AT"),
        ("сколько идёт доставка в Казахстан?", "KZ"),
        ("ile trwa dostawa do Kazachstanu?", "KZ"),
        ("я живу в Казахстане", "KZ"),
        ("東京に住んでいますが使えますか", "JP"),
        ("¿Envían a México?", "MX"),
        ("je suis au Canada", "CA"),
        ("do you ship to Brasil", "BR"),
        ("I live in the US", "US"),
        ("wysyłacie do Polski?", "PL"),
        ("доставка в Россию есть?", "RU"),
        ("Türkiye'ye kargo var mı", "TR"),
        ("한국으로 배송되나요", "KR"),
        ("能寄到中国吗", "CN"),
        ("هل يعمل في السعودية؟", "SA"),
        ("أنا بالرياض", "SA"),
        ("Does it work in South Korea", "KR"),
        ("will it work in New York", "US"),
        ("spedite a Milano?", "IT"),
        # CLDR's own names, no alias needed
        ("¿Envían a Estados Unidos?", "US"),
        ("livrez-vous aux États-Unis ?", "US"),
        ("Россия, Москва", "RU"),
        ("доставка в Беларусь", "BY"),
        ("الشحن إلى مصر", "EG"),
    ],
)
def test_a_country_city_or_region_named_in_passing(text: str, country: str) -> None:
    assert country_in_text(text) == country


@pytest.mark.parametrize(
    "text",
    [
        "send us a photo please",  # "us" is not the United States
        "have a nice day",  # Nice, France is not meant
        "is this mali ok",  # Polish "mali", a first name, a country: not a guess
        "이란 제품 있나요",  # Korean particle, not Iran
        "물품 인도 언제 되나요",  # "handing over goods", not India
        "ネクタイのサイズ",  # タイ inside "necktie", not Thailand
        "je veux une réunion",
        "where is my order 12345?",
    ],
)
def test_everyday_words_are_not_countries(text: str) -> None:
    assert country_in_text(text) is None


def test_the_most_trusted_source_wins() -> None:
    everything = {
        "order_country": "de",
        "phone": "+81 90-1234-5678",
        "language_code": "pt-BR",
        "text": "I'm in Toronto",
    }
    assert shopper_country(**everything) == ShopperCountry("DE", "order")
    del everything["order_country"]
    assert shopper_country(**everything) == ShopperCountry("JP", "phone")
    del everything["phone"]
    assert shopper_country(**everything) == ShopperCountry("BR", "language")
    del everything["language_code"]
    assert shopper_country(**everything) == ShopperCountry("CA", "message")
    assert shopper_country(text="hello") is None


def test_uk_is_great_britain_and_bad_phones_are_ignored() -> None:
    assert shopper_country(order_country="UK") == ShopperCountry("GB", "order")
    assert shopper_country(phone="12345", text="in Wien") == ShopperCountry("AT", "message")
    assert shopper_country(phone="+44 20 7946 0958") == ShopperCountry("GB", "phone")
    # a language without a region names no country
    assert shopper_country(language_code="en") is None
