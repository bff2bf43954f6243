"""Sizes as shoppers write them, converted with correct tables."""

from __future__ import annotations

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.sizes import size_advice


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Do you have these sneakers in EU 42?",
            "en",
            ["EU 42 ≈", "US 8.5 (men) / 10 (women)", "UK 7.5", "JP 26.5 cm", "KR 265 mm"],
        ),
        ("I wear US 9 shoes", "en", ["US 9 (men) ≈", "UK 8", "EU 42.5", "JP 27 cm"]),
        ("US women's 8 in boots please", "en", ["US 8 (women) ≈", "UK 6", "EU 39"]),
        ("US 8½ women", "en", ["US 8.5 (women) ≈", "EU 40"]),
        ("I wear a 9.5 in Nike", "en", ["US 9.5 (men) ≈", "EU 43"]),
        ("普段は26.5cmの靴です", "ja", ["JP 26.5 cm ≈", "EU 42", "US 8.5 (メンズ)"]),
        ("신발 260 신어요", "ko", ["KR 260 mm ≈", "EU 41", "US 8 (남성)"]),
        ("平时穿42码的鞋", "zh", ["CN 42 ≈", "JP 26.5 cm"]),
        ("calzo un 39, ¿qué talla es en US?", "es", ["EU 39 ≈", "US 6,5 (hombre) / 8 (mujer)"]),
        ("je chausse du 40", "fr", ["EU 40 ≈", "US 7 (homme)"]),
        ("noszę rozmiar 38 w butach", "pl", ["EU 38 ≈", "UK 5"]),
        ("talla US W8 zapatos", "es", ["(mujer)"]),
        ("what size M is in Europe?", "en", ["M (women) ≈", "EU 40-42", "UK 12-14", "JP 9"]),
        ("what size M is in Europe?", "en", ["M (men) ≈", "EU 48-50"]),
        ("men size L", "en", ["L (men) ≈", "EU 52-54", "US 42-44"]),
        ("Ich trage Größe M bei Kleidern", "de", ["M (Damen) ≈", "EU 40-42"]),
        ("UK 12 dress", "en", ["M (women)"]),
        ("size 10 dress", "en", ["M (women)", "US 8-10"]),
    ],
)
def test_states_the_conversion_asked_for(text: str, language: str, expected: list[str]) -> None:
    advice = size_advice(text, language)
    for part in expected:
        assert part in advice


def test_the_line_ends_as_the_language_ends_a_sentence() -> None:
    assert size_advice("EU 42 shoes", "en").endswith("CN 42.")
    assert size_advice("26.5cmの靴", "ja").endswith("CN 42。")
    assert size_advice("42码的鞋", "zh").endswith("KR 265 mm。")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_size_it_asks_for_one_in_every_language(language: str) -> None:
    asked = size_advice("where is my order 12345?", language)
    assert "EU" in asked and "US" in asked and "≈" not in asked
    assert asked != size_advice("hola", "en") or language == "en"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("EU 42 Schuhe", "de", "US 8,5 (Herren) / 10 (Damen) · UK 7,5 · JP 26,5 cm"),
        ("calzo un 42", "es", "US 8,5 (hombre)"),
        ("je chausse du 42", "fr", "JP 26,5 cm"),
        ("noszę 42", "pl", "UK 7,5"),
        ("ношу 42 размер обуви", "ru", "US 8,5"),
        ("EU 42 ayakkabı", "tr", "JP 26,5 cm"),
        ("EU 42 shoes", "en", "JP 26.5 cm"),
        ("EU 42の靴", "ja", "JP 26.5 cm"),
    ],
)
def test_decimals_are_written_as_the_language_writes_them(
    text: str, language: str, expected: str
) -> None:
    assert expected in size_advice(text, language)


def test_a_brazilian_shoppers_size_is_brazilian() -> None:
    """Native review: "calço 40" from Brazil is BR 40, about EU 42, not EU 40."""
    advice = size_advice("calço 40", "pt", "BR")
    assert advice.startswith("BR 40 ≈") and "EU 42" in advice and "JP 26,5 cm" in advice
    assert size_advice("BR 40 sneakers", "en").startswith("BR 40 ≈")
    assert "BR 40" in size_advice("EU 42 tênis", "pt", "BR")  # the size they know, too
    assert size_advice("calço 40", "pt", "PT").startswith("EU 40 ≈")  # Portugal: EU sizes
    assert "BR" not in size_advice("EU 42 shoes", "en")


def test_a_letter_size_without_gender_is_given_for_both() -> None:
    """Native review: "ich trage M" was answered with women's sizes only."""
    both = size_advice("ich trage M", "de")
    assert "M (Damen) ≈" in both and "M (Herren) ≈" in both
    assert "(Damen)" not in size_advice("ich trage M, Herren", "de")
    assert "(Herren)" not in size_advice("ich trage M, Damen", "de")
