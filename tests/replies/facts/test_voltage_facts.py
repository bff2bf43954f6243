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
    """A whole sentence, not a form's label ("Japan: 100 V, ..."; sendability set 3)."""
    assert plug_advice("JP", "en").startswith(
        "In Japan the mains supply is 100 V, 50/60 Hz, and sockets take plug type A/B."
    )
    assert plug_advice("uk", "de").startswith(
        "Im Vereinigten Königreich hat das Stromnetz 230 V und 50 Hz, "
        "die Steckdosen sind vom Typ G."
    )
    assert plug_advice("US", "es").startswith(
        "En Estados Unidos la red eléctrica es de 120 V y 60 Hz, con enchufes de tipo A/B."
    )
    assert plug_advice("BR", "pt").startswith("No Brasil, a rede elétrica é de 127/220 V e 60 Hz")
    assert plug_advice("CH", "fr").startswith("En Suisse, le courant est")
    assert plug_advice("CH", "tr").startswith("İsviçre'de şebeke gerilimi")
    assert plug_advice("DE", "pl").startswith("W Niemczech napięcie w sieci")
    assert plug_advice("KE", "pl").startswith("W tym kraju napięcie w sieci")
    assert plug_advice("KR", "ko").startswith(
        "한국의 전원은 220V, 60Hz이며 콘센트는 C/F 타입입니다."
    )
    assert plug_advice("US", "en").startswith("In the United States the mains supply")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_supply_is_never_a_label_before_a_colon(language: str) -> None:
    for country in ("JP", "US", "GB", "DE"):
        first = plug_advice(country, language).split(".")[0].split("。")[0]
        assert not re.match(r"^[^:：]{2,40}\s?[:：]", first), first


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_warns_that_heaters_need_dual_voltage(language: str) -> None:
    known = plug_advice("AU", language)
    unknown = plug_advice(None, language)
    assert _DRYER[language] in known and _DRYER[language] in unknown
    assert "230" in known and "230" not in unknown  # without a country: no invented figures
    assert known != unknown


def test_an_unknown_country_asks_for_it() -> None:
    assert plug_advice("ZZ", "en").startswith("Tell us which country you will use it in")
    assert plug_advice(None, "ja").startswith("ご使用になる国・地域を教えていただければ")
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
        "In France the mains supply is 230 V, 50 Hz, and sockets take plug type C/E. Our "
        "appliances are made for 230 V and work as is on the 220-240 V mains there."
    )
    assert "dual-voltage" not in france


def test_same_supply_with_other_sockets_names_the_adapter() -> None:
    assert plug_advice("GB", "en", store_country="DE").endswith(
        "mains there. Only the plug differs: use a plug adapter for type G."
    )
    # a German F plug does not go into a Swiss J socket, though both countries take type C
    assert plug_advice("CH", "de", store_country="DE").endswith("Reisestecker für Typ J.")


@pytest.mark.parametrize(
    ("country", "store"),
    [("US", "DE"), ("BR", "DE"), ("JP", "DE"), ("JP", "US"), ("DE", "US"), ("BR", None)],
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
    assert "Isıtıcı cihazlar" in plug_advice("US", "tr", store_country="DE")
    assert "الأجهزة الحرارية" in plug_advice("US", "ar", store_country="DE")


# Issue 15: with a German store (230 V, 50 Hz), Korea (220 V, 60 Hz) was told it needs a
# free-volt model while the UK and Portugal were told it works as is; an appliance for
# 230 V works on any 220-240 V mains, at 50 or 60 Hz.
@pytest.mark.parametrize(
    ("country", "plugs", "adapter", "hertz"),
    [
        ("FR", "C/E", None, "50"),
        ("PT", "C/F", None, "50"),
        ("GB", "G", "G", "50"),
        ("IE", "G", "G", "50"),
        ("CH", "C/J", "J", "50"),
        ("AU", "I", "I", "50"),
        ("IN", "C/D/M", "D/M", "50"),
        ("CN", "A/C/I", "A/I", "50"),
        ("HK", "G", "G", "50"),
        ("KR", "C/F", None, "60"),
        ("SA", "G", "G", "60"),
        ("PH", "A/B/C", "A/B", "60"),
        ("PE", "A/B/C", "A/B", "60"),
    ],
)
def test_a_230_v_store_works_as_is_on_every_220_to_240_v_mains(
    country: str, plugs: str, adapter: str | None, hertz: str
) -> None:
    advice = plug_advice(country, "en", store_country="DE")
    assert f"V, {hertz} Hz, and sockets take plug type {plugs}." in advice
    assert "made for 230 V and work as is on the 220-240 V mains there." in advice
    assert "dual-voltage" not in advice
    assert (
        ("use a plug adapter for type " + str(adapter) + ".") in advice
        if adapter
        else ("adapter" not in advice)
    )
    # the frequency is named as a caution for motors and clocks only where it differs
    assert ("60 Hz, ours at 50 Hz" in advice) is (hertz == "60")
    assert ("motor or a clock" in advice) is (hertz == "60")


@pytest.mark.parametrize("country", ["US", "CA", "MX", "TW", "CO", "JP", "BR"])
def test_a_230_v_store_warns_every_100_to_127_v_country(country: str) -> None:
    advice = plug_advice(country, "en", store_country="DE")
    assert "need a dual-voltage model" in advice and "work as is" not in advice


@pytest.mark.parametrize(
    ("country", "store"), [("CA", "US"), ("MX", "US"), ("TW", "US"), ("US", "CA")]
)
def test_a_120_v_store_works_as_is_on_110_to_127_v_mains(country: str, store: str) -> None:
    advice = plug_advice(country, "en", store_country=store)
    assert "made for 120 V and work as is on the 110-127 V mains there." in advice
    assert "adapter" not in advice and "Hz, ours" not in advice


@pytest.mark.parametrize(
    ("country", "band"),
    [("KR", "220/230/240"), ("GB", "220/230/240"), ("US", "110/120/127"), ("JP", "100")],
)
def test_without_the_stores_country_the_label_that_works_there_is_named(
    country: str, band: str
) -> None:
    advice = plug_advice(country, "en")
    assert f"Appliances whose label says {band} V or 100-240 V work there as is" in advice
    assert "made for another voltage need a dual-voltage model" in advice
    assert "Our appliances" not in advice  # nothing is said of appliances nobody looked up


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_says_korea_works_as_is_with_the_frequency_caution(language: str) -> None:
    korea = plug_advice("KR", language, store_country="DE")
    portugal = plug_advice("PT", language, store_country="DE")
    assert _DRYER[language] not in korea and _DRYER[language] not in portugal
    assert "{" not in korea and "50/60" in korea and "230" in korea and "220-240" in korea
    assert "50/60" not in portugal and "220-240" in portugal
    unknown_store = plug_advice("KR", language)
    assert _DRYER[language] in unknown_store and "220/230/240" in unknown_store
    assert "{" not in unknown_store
