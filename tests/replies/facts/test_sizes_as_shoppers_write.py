"""Sizes read as shoppers write them: the size they wear, the system they ask for, a
women's dress numbered the Italian, French, German or Spanish way, a Japanese letter
size, a Chinese height/chest size (issue 15; the faults of sendability set 3 #16, #17,
#43, #49, with probes written fresh for this file)."""

from __future__ import annotations

import re

import pytest

from replies.facts.sizes import size_advice
from replies.library import DEFAULT_LIBRARY_DIR, load_library
from replies.variants import load_variants
from tests.replies.test_portuguese_for_portugal import BRAZILIAN


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Bonjour, je chausse du 43 en homme, ça fait quoi en taille US ?",
            "fr",
            "EU 43 (homme) ≈ US 9,5 ·",
        ),
        (
            "¿Qué número americano es un 44 de hombre en zapatillas?",
            "es",
            "EU 44 (hombre) ≈ US 10 ·",
        ),
        ("Jaki to rozmiar UK dla męskich butów 42?", "pl", "EU 42 (męskie) ≈ UK 7,5 ·"),
        ("Welche Grösse in UK wäre das bei Herrenschuhen 45?", "de", "EU 45 (Herren) ≈ UK 10 ·"),
        ("Is a US 10 or 11 right? I wear EU 44 men's sneakers", "en", "EU 44 (men) ≈ US 10 ·"),
    ],
)
def test_a_shoe_size_is_converted_and_the_system_asked_for_comes_first(
    text: str, language: str, expected: str
) -> None:
    """A men's 44 and "which US size?" was answered by asking for the size again."""
    advice = size_advice(text, language)
    assert advice.startswith(expected), advice
    assert "(women)" not in advice and advice.count("≈") == 1


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Je fais du 40 en taille française, pour la robe je prends quoi en UK, 10 ou 12 ?",
            "fr",
            "FR 40 (femme) ≈ UK 12 ·",
        ),
        (
            "Ich habe normalerweise deutsche Größe 38, welche italienische Größe beim Kleid?",
            "de",
            "EU 38 (Damen) ≈ IT 44 ·",
        ),
        (
            "uso la 42 española, ¿qué talla de EE. UU. sería para la falda?",
            "es",
            "ES 42 (mujer) ≈ US 10 ·",
        ),
        (
            "I'm a UK 10 in dresses, what Italian size should I order?",
            "en",
            "UK 10 (women) ≈ IT 42 ·",
        ),
        ("Ношу 44 итальянский, какое это платье в размерах UK?", "ru", "IT 44 (жен.) ≈ UK 12 ·"),
        ("普段は9号を着ています、ワンピースは何サイズですか", "ja", "JP 9 (レディース) ≈"),
    ],
)
def test_a_womens_dress_size_is_converted_between_national_systems(
    text: str, language: str, expected: str
) -> None:
    """An Italian 44 for a wrap dress was answered with a men's shoe conversion."""
    advice = size_advice(text, language)
    assert advice.startswith(expected), advice
    assert not re.search(r"\d (cm|mm)", advice)  # no shoe


def test_the_dress_chart_is_the_published_one() -> None:
    """US 8 = UK 12 = EU (DE) 38 = FR 40 = IT 44 = JP 13 (lazytools.io, europeword.com)."""
    assert size_advice("IT 44 dress", "en") == (
        "IT 44 (women) ≈ US 8 · UK 12 · EU 38 · FR/ES 40 · JP 13."
    )


@pytest.mark.parametrize(
    ("text", "language", "expected", "line"),
    [
        (
            "日本のMサイズを着ていますが、こちらのシャツは何を選べばいいですか？",
            "ja",
            "国際サイズのS",
            None,
        ),
        (
            "I normally wear a Japanese L in men's t-shirts, which size here?",
            "en",
            "choose M",
            "M (men) ≈",
        ),
        ("한국 사이즈 L 입는데 여기서는 뭘 사야 해요?", "ko", "국제 사이즈 M", None),
        ("我在国内穿L码，你们这边应该选什么？", "zh", "国际尺码M", None),
    ],
)
def test_an_asian_letter_size_is_a_size_smaller_internationally(
    text: str, language: str, expected: str, line: str | None
) -> None:
    """A shopper wearing a Japanese L was given a Western L's conversion."""
    advice = size_advice(text, language)
    assert expected in advice, advice
    if line:
        assert line in advice
    else:
        assert "≈" not in advice  # no men's or women's table nobody asked for


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("身高170，平时穿170/92A，买哪个码？", "zh", "170/92A相当于国际尺码L，建议选L码。"),
        ("My Chinese size is 160/84A. S or M?", "en", "160/84A corresponds to an international S"),
    ],
)
def test_a_chinese_height_chest_size_gets_the_letter_to_choose(
    text: str, language: str, expected: str
) -> None:
    advice = size_advice(text, language)
    assert advice.startswith(expected), advice
    assert "男款" not in advice and "(men)" not in advice


def test_a_chinese_size_for_a_woman_gives_the_womens_line_only() -> None:
    advice = size_advice("女生，平时穿160/84A，买S还是M？", "zh")
    assert advice.startswith("160/84A相当于国际尺码S") and "S (女款) ≈" in advice
    assert "男款" not in advice


def test_the_letter_to_choose_reads_in_portugal() -> None:
    variant = load_variants(DEFAULT_LIBRARY_DIR, load_library())["pt-PT"]
    brazilian = size_advice("uso o L japonês, qual devo escolher?", "pt")
    assert "você" in brazilian
    european = variant.rewrite(brazilian)
    assert "para si" in european and not BRAZILIAN.search(european), european


@pytest.mark.parametrize(
    ("text", "language", "read_as"),
    [
        ("I'm a size 9 and a half in sneakers", "en", "US 9.5 (men) ≈"),
        ("tengo un 42 y medio de pie, ¿qué talla US es?", "es", "EU 42,5 (hombre) ≈ US 9 ·"),
        ("je chausse du 41 et demi", "fr", "EU 41,5 (homme) ≈"),
        ("Schuhgröße 43, Herren", "de", "EU 43 (Herren) ≈ US 9,5"),
        ("porto il 42 di scarpe", "it", "EU 42 (uomo) ≈"),
        ("calço 39", "pt", "EU 39 (masculino) ≈"),
        ("ik heb maat 44 schoenen", "nl", "EU 44 (heren) ≈ US 10"),
        ("mam rozmiar 42 i pół buta", "pl", "EU 42,5 (męskie) ≈"),
        ("у меня 43 с половиной размер обуви", "ru", "EU 43,5 (муж.) ≈"),
        ("ayakkabı numaram 42 buçuk", "tr", "EU 42,5 (erkek) ≈"),
        ("靴は27.5cmを履いています", "ja", "JP 27.5 cm (メンズ) ≈ US 9.5"),
        ("저는 270 신어요", "ko", "KR 270 mm (남성) ≈ US 9"),
        ("我穿42半的运动鞋", "zh", "CN 42.5 (男款) ≈"),
        ("مقاس حذائي 42", "ar", "EU 42 (رجالي) ≈ US 8.5"),
    ],
)
def test_a_shoe_size_is_read_in_every_language_with_halves_in_words(
    text: str, language: str, read_as: str
) -> None:
    assert size_advice(text, language).startswith(read_as)
