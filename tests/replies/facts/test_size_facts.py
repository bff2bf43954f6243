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
        ("calzo un 39, ¿qué talla es en US?", "es", ["EU 39 ≈", "US 6.5 (hombre) / 8 (mujer)"]),
        ("je chausse du 40", "fr", ["EU 40 ≈", "US 7 (homme)"]),
        ("noszę rozmiar 38 w butach", "pl", ["EU 38 ≈", "UK 5"]),
        ("talla US W8 zapatos", "es", ["(mujer)"]),
        ("what size M is in Europe?", "en", ["M (women) ≈", "EU 40-42", "UK 12-14", "JP 9"]),
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
