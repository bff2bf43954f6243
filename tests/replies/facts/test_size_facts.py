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
            ["EU 42 (men) ≈ US 8.5 · UK 7.5 · JP 26.5 cm · KR 265 mm", "EU 42 (women) ≈ US 10"],
        ),
        ("I wear US 9 shoes", "en", ["US 9 (men) ≈", "UK 8", "EU 42.5", "JP 27 cm"]),
        ("US women's 8 in boots please", "en", ["US 8 (women) ≈", "UK 5.5", "EU 39", "JP 25 cm"]),
        ("US 8½ women", "en", ["US 8.5 (women) ≈", "EU 40"]),
        ("I wear a 9.5 in Nike", "en", ["US 9.5 (men) ≈", "EU 43"]),
        ("普段は26.5cmの靴です", "ja", ["JP 26.5 cm (メンズ) ≈ US 8.5", "EU 42"]),
        ("신발 260 신어요", "ko", ["KR 260 mm (남성) ≈ US 8", "EU 41", "(여성) ≈ US 9"]),
        ("平时穿42码的鞋", "zh", ["CN 42 (男款) ≈", "JP 26.5 cm"]),
        ("calzo un 39, ¿qué talla es en US?", "es", ["EU 39 (hombre) ≈ US 6,5", "(mujer) ≈ US 8"]),
        ("je chausse du 40", "fr", ["EU 40 (homme) ≈ US 7", "EU 40 (femme) ≈ US 8,5"]),
        ("noszę rozmiar 38 w butach", "pl", ["EU 38 (męskie) ≈", "UK 5"]),
        ("talla US W8 zapatos", "es", ["(mujer)"]),
        ("what size M is in Europe?", "en", ["M (women) ≈", "EU 38-40", "UK 12-14", "JP 9"]),
        ("what size M is in Europe?", "en", ["M (men) ≈", "EU 48-50"]),
        ("men size L", "en", ["L (men) ≈", "EU 52-54", "US 42-44"]),
        ("Ich trage Größe M bei Kleidern", "de", ["M (Damen) ≈", "EU 38-40"]),
        ("UK 12 dress", "en", ["UK 12 (women) ≈ US 8 · EU 38 · FR/ES 40 · IT 44"]),
        ("size 10 dress", "en", ["US 10 (women) ≈ UK 14 · EU 40"]),
    ],
)
def test_states_the_conversion_asked_for(text: str, language: str, expected: list[str]) -> None:
    advice = size_advice(text, language)
    for part in expected:
        assert part in advice


def test_the_line_ends_as_the_language_ends_a_sentence() -> None:
    assert size_advice("EU 42 men's shoes", "en").endswith("CN 42.")
    assert size_advice("26.5cmの靴 メンズ", "ja").endswith("CN 42。")
    assert size_advice("42码的男鞋", "zh").endswith("KR 265 mm。")
    assert size_advice("42码的鞋", "zh").count("。") == 2  # both tables, two sentences


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_size_it_asks_for_one_in_every_language(language: str) -> None:
    asked = size_advice("where is my order 12345?", language)
    assert "EU" in asked and "US" in asked and "≈" not in asked
    assert asked != size_advice("hola", "en") or language == "en"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("EU 42 Schuhe", "de", "EU 42 (Herren) ≈ US 8,5 · UK 7,5 · JP 26,5 cm"),
        ("calzo un 42", "es", "(hombre) ≈ US 8,5"),
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
    assert advice.startswith("BR 40 (masculino) ≈") and "EU 42 · JP 26,5 cm" in advice
    assert size_advice("BR 40 sneakers", "en").startswith("BR 40 (men) ≈")
    assert "BR 40" in size_advice("EU 42 tênis", "pt", "BR")  # the size they know, too
    assert size_advice("calço 40", "pt", "PT").startswith("EU 40 (")  # Portugal: EU sizes
    assert "BR" not in size_advice("EU 42 shoes", "en")


def test_a_letter_size_without_gender_is_given_for_both() -> None:
    """Native review: "ich trage M" was answered with women's sizes only."""
    both = size_advice("ich trage M", "de")
    assert "M (Damen) ≈" in both and "M (Herren) ≈" in both
    assert "(Damen)" not in size_advice("ich trage M, Herren", "de")
    assert "(Herren)" not in size_advice("ich trage M, Damen", "de")


# Nike's published size charts, as printed (US | UK | EU | foot length in cm), typed
# here apart from the module's tables: every row must come out of an answer.
NIKE_WOMEN = """
4 1.5 34.5 21 | 4.5 2 35 21.5 | 5 2.5 35.5 22 | 5.5 3 36 22.5 | 6 3.5 36.5 23 |
6.5 4 37.5 23.5 | 7 4.5 38 24 | 7.5 5 38.5 24.5 | 8 5.5 39 25 | 8.5 6 40 25.5 |
9 6.5 40.5 26 | 9.5 7 41 26.5 | 10 7.5 42 27 | 10.5 8 42.5 27.5 | 11 8.5 43 28 |
11.5 9 44 28.5 | 12 9.5 44.5 29
"""
NIKE_MEN = """
3.5 3 35.5 22.5 | 4 3.5 36 23 | 4.5 4 36.5 23.5 | 5.5 5 38 24 | 6.5 6 39 24.5 |
7 6 40 25 | 7.5 6.5 40.5 25.5 | 8 7 41 26 | 8.5 7.5 42 26.5 | 9 8 42.5 27 |
9.5 8.5 43 27.5 | 10 9 44 28 | 10.5 9.5 44.5 28.5 | 11 10 45 29 | 11.5 10.5 45.5 29.5 |
12 11 46 30 | 13 12 47.5 31
"""


def _chart(text: str) -> list[tuple[str, str, str, str]]:
    return [tuple(row.split()) for row in text.replace("\n", " ").split("|")]  # type: ignore[misc]


@pytest.mark.parametrize(("us", "uk", "eu", "cm"), _chart(NIKE_WOMEN))
def test_every_womens_size_is_the_published_womens_chart(
    us: str, uk: str, eu: str, cm: str
) -> None:
    by_length = size_advice(f"women's shoes, foot {cm} cm", "en")
    assert by_length == (
        f"JP {cm} cm (women) ≈ US {us} · UK {uk} · EU {eu} · KR {round(float(cm) * 10)} mm · "
        f"CN {eu}."
    )
    assert size_advice(f"US women's {us} sneakers", "en").startswith(
        f"US {us} (women) ≈ UK {uk} · EU {eu} · JP {cm} cm"
    )
    assert f"(women) ≈ US {us} · UK {uk} · JP {cm} cm" in size_advice(f"ladies EU {eu} boots", "en")


@pytest.mark.parametrize(("us", "uk", "eu", "cm"), _chart(NIKE_MEN))
def test_every_mens_size_is_the_published_mens_chart(us: str, uk: str, eu: str, cm: str) -> None:
    assert size_advice(f"men's shoes, foot {cm} cm", "en") == (
        f"JP {cm} cm (men) ≈ US {us} · UK {uk} · EU {eu} · KR {round(float(cm) * 10)} mm · CN {eu}."
    )
    assert size_advice(f"US men's {us} sneakers", "en").startswith(
        f"US {us} (men) ≈ UK {uk} · EU {eu} · JP {cm} cm"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("여자인데 250mm 신으면 US 사이즈로 몇인가요?", "ko"),
        ("여성 운동화 250 신어요", "ko"),
        ("Soy mujer y uso 25 cm de pie, ¿qué talla US es?", "es"),
        ("zapatos de dama, mi pie mide 25 cm", "es"),
        ("je suis une femme, mon pied fait 25 cm", "fr"),
        ("Damenschuhe, Fußlänge 25 cm", "de"),
        ("scarpe da donna, piede di 25 cm", "it"),
        ("tênis feminino, meu pé tem 25 cm", "pt"),
        ("sou mulher e o meu pé mede 25 cm", "pt"),
        ("damesschoenen, voet van 25 cm", "nl"),
        ("buty damskie, stopa 25 cm", "pl"),
        ("женские кроссовки, длина стопы 25 см, 25cm", "ru"),
        ("kadın ayakkabısı, ayağım 25 cm", "tr"),
        ("レディースのスニーカー、25cmです", "ja"),
        ("女性ですが、足は25cmです", "ja"),
        ("女鞋，脚长25cm", "zh"),
        ("我是女生，脚长25厘米", "zh"),
        ("حذاء نسائي، طول القدم 25 cm", "ar"),
        ("shoes for my wife, she has a 25 cm foot", "en"),
    ],
)
def test_a_woman_gets_the_womens_table_in_every_language(text: str, language: str) -> None:
    """Issue 15: a Korean woman's 250 mm was answered US 8.5 / UK 6 / EU 40, a man's size
    of a 25 cm foot converted with the women's US offset; the women's chart says US 8 /
    UK 5.5 / EU 39."""
    advice = size_advice(text, language)
    assert "US 8 · UK 5" in advice and "EU 39" in advice, advice
    assert "EU 40" not in advice and advice.count("≈") == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("남자 신발 250mm", "ko"),
        ("zapatillas de hombre, pie de 25 cm", "es"),
        ("chaussures homme, pied de 25 cm", "fr"),
        ("Herrenschuhe, Fußlänge 25 cm", "de"),
        ("scarpe da uomo, 25 cm", "it"),
        ("tênis masculino, pé de 25 cm", "pt"),
        ("buty męskie, 25 cm", "pl"),
        ("мужские ботинки 25cm", "ru"),
        ("erkek ayakkabısı 25 cm", "tr"),
        ("メンズ 25cm", "ja"),
        ("男鞋 25cm", "zh"),
        ("حذاء رجالي 25 cm", "ar"),
    ],
)
def test_a_man_gets_the_mens_table_in_every_language(text: str, language: str) -> None:
    advice = size_advice(text, language)
    assert "US 7 · UK 6 · EU 40" in advice and advice.count("≈") == 1, advice


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_mens_or_womens_both_tables_are_given_and_named(language: str) -> None:
    advice = size_advice("EU 40 shoes", language)
    men, women = {
        "en": ("men", "women"),
        "pt": ("masculino", "feminino"),
        "ko": ("남성", "여성"),
        "ja": ("メンズ", "レディース"),
    }.get(language) or (None, None)
    assert advice.count("≈") == 2
    assert "US 7" in advice and "US 8" in advice  # men's 7, women's 8.5 (or 8,5)
    if men:
        assert f"EU 40 ({men}) ≈ US 7" in advice and f"EU 40 ({women}) ≈ US 8" in advice


def test_a_woman_buying_mens_shoes_gets_both_tables() -> None:
    advice = size_advice("I'm a woman but I like men's sneakers, EU 40", "en")
    assert "(men) ≈" in advice and "(women) ≈" in advice


def test_a_size_between_two_rows_takes_the_larger_and_keeps_the_number_given() -> None:
    """Nike's women's chart goes 36.5, 37.5: a women's EU 37 is read as 37.5 (a shoe a
    little long fits, one a little short does not), and the EU and CN sizes stay 37."""
    assert size_advice("ношу 37 женский размер обуви", "ru") == (
        "EU 37 (жен.) ≈ US 6,5 · UK 4 · JP 23,5 cm · KR 235 mm · CN 37."
    )
    assert size_advice("我是女生，平时穿37码", "zh").startswith(
        "CN 37 (女款) ≈ US 6.5 · UK 4 · EU 37 ·"
    )
