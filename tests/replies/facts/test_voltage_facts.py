"""The voltage answer states the shopper's country's supply and warns about heaters."""

from __future__ import annotations

import re

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.voltage import MAINS, plug_advice

# the words for "hair dryer" the warning must carry in each language
_DRYER = {
    "en": "hair dryers",
    "es": "secadores",
    "fr": "sèche-cheveux",
    "de": "Föhn",
    "it": "asciugacapelli",
    "pt": "secadores",
    "nl": "föhns",
    "pl": "suszarki",
    "ru": "фенам",
    "tr": "saç kurutma",
    "ja": "ドライヤー",
    "ko": "헤어드라이어",
    "zh": "吹风机",
    "ar": "مجففات الشعر",
}


def test_states_the_countrys_supply_with_its_name_in_the_language() -> None:
    assert plug_advice("JP", "en").startswith("Japan: 100 V, 50/60 Hz, plug type A/B.")
    assert plug_advice("uk", "de").startswith("Vereinigtes Königreich: 230 V, 50 Hz, Steckertyp G.")
    assert plug_advice("US", "es").startswith("Estados Unidos: 120 V, 60 Hz, enchufe tipo A/B.")
    assert plug_advice("BR", "pt").startswith("Brasil: 127/220 V, 60 Hz, tomada tipo C/N.")
    assert plug_advice("CH", "fr").startswith("Suisse : 230 V, 50 Hz, prise de type C/J.")
    assert plug_advice("KR", "ko").startswith("대한민국: 220V, 60Hz, 플러그 C/F 타입입니다.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_warns_that_heaters_need_dual_voltage(language: str) -> None:
    known = plug_advice("AU", language)
    unknown = plug_advice(None, language)
    assert _DRYER[language] in known and _DRYER[language] in unknown
    assert "230" in known and "230" not in unknown  # without a country: no invented figures
    assert known != unknown


def test_an_unknown_country_asks_for_it() -> None:
    assert plug_advice("ZZ", "en").startswith("Tell us which country you will use it in")
    assert plug_advice(None, "ja").startswith("ご使用になる国を教えていただければ")
    assert "。ドライヤー" in plug_advice(None, "ja")  # no space between Japanese sentences


def test_table_covers_the_big_destinations_and_is_well_formed() -> None:
    assert len(MAINS) >= 60
    for big in "US GB DE FR JP CN KR AU CA BR MX IN SA AE TR RU ES IT NL PL".split():
        assert big in MAINS
    for code, (volts, hertz, plugs) in MAINS.items():
        assert len(code) == 2 and code.isupper()
        assert all(v.isdigit() and 100 <= int(v) <= 240 for v in volts.split("/"))
        assert hertz in {"50", "60", "50/60"}
        assert all(p in "ABCDEFGHIJKLMNO" for p in plugs.split("/"))


def test_same_supply_as_the_store_works_as_is_without_the_heater_warning() -> None:
    """Native review: a German store told a French shopper that hair dryers need a
    dual-voltage model, although France has Germany's 230 V, 50 Hz."""
    france = plug_advice("FR", "en", store_country="DE")
    assert france == (
        "France: 230 V, 50 Hz, plug type C/E. Our appliances are made for the same supply, "
        "so they work there as is."
    )
    assert "dual-voltage" not in france


def test_same_supply_with_other_sockets_names_the_adapter() -> None:
    assert plug_advice("GB", "en", store_country="DE").endswith(
        "work there as is. Only the plug differs: use a plug adapter for type G."
    )
    # a German F plug does not go into a Swiss J socket, though both countries take type C
    assert plug_advice("CH", "de", store_country="DE").endswith("Reisestecker für Typ J.")


@pytest.mark.parametrize(
    ("country", "store"),
    [("US", "DE"), ("BR", "DE"), ("KR", "DE"), ("JP", "US"), ("FR", None), ("FR", "ZZ")],
)
def test_other_supply_or_unknown_store_keeps_the_heater_warning(
    country: str, store: str | None
) -> None:
    assert "dual-voltage" in plug_advice(country, "en", store_country=store)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_says_it_works_as_is_and_names_the_adapter(language: str) -> None:
    works = plug_advice("FR", language, store_country="DE")
    with_adapter = plug_advice("GB", language, store_country="DE")
    assert _DRYER[language] not in works and _DRYER[language] not in with_adapter
    assert len(re.findall(r"(?<![A-Za-z])G(?![a-z])", with_adapter)) == 2  # supply, adapter
    assert "{" not in with_adapter
    assert language == "en" or with_adapter != plug_advice("GB", "en", store_country="DE")


def test_heater_words_native_reviewers_asked_for() -> None:
    assert "Isıtıcı cihazlar" in plug_advice("US", "tr")
    assert "الأجهزة الحرارية" in plug_advice("US", "ar")
