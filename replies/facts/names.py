"""Country names and calendar dates in the shopper's language, from Babel's CLDR data.

Fact sentences name the shopper's country ("In Japan the mains supply is ...") and dates
("ordered on 2 December"); both come from the locale data rather than hand-written
tables, so every reply language has them and they read as a native speaker writes them.

A date leaves out the year when it is this year ("20 de noviembre", as people write in a
chat) and keeps it otherwise ("20 de diciembre de 2025"). When the shopper's country is
known it picks the regional way of writing: a British shopper reads "20 November", an
American one "November 20" (CLDR ``en_GB`` and ``en_US``).

    country_name("JP", "de")                                    # "Japan"
    day_text(date(2026, 12, 2), "es", today=date(2026, 12, 7))  # "2 de diciembre"
    day_text(date(2025, 12, 2), "es", today=date(2026, 1, 7))   # "2 de diciembre de 2025"
    day_text(date(2026, 12, 2), "en", today=date(2026, 12, 7), country="GB")  # "2 December"
    sentences("ja", "届きます。", "ご安心ください。")  # no space between Japanese sentences
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

# Languages whose regional variants would change more than the order of day and month:
# Chinese regions switch script (zh_Hant_TW), Arabic ones to Arabic-Indic digits (ar_EG),
# which the rest of a reply (order numbers, days, prices) does not use.
_ONE_VARIANT = frozenset({"zh", "ar"})

# Hong Kong and Macao by the short names shops and shoppers use: CLDR's are the official
# long forms ("RAE de Hong Kong (China)", "Sonderverwaltungsregion Hongkong", "Гонконг
# (САР)", "中華人民共和国香港特別行政区"), some with brackets that read like a form's.
_SHORT_NAMES: dict[str, dict[str, str]] = {
    "HK": {
        "en": "Hong Kong",
        "es": "Hong Kong",
        "fr": "Hong Kong",
        "de": "Hongkong",
        "it": "Hong Kong",
        "pt": "Hong Kong",
        "nl": "Hongkong",
        "pl": "Hongkong",
        "ru": "Гонконг",
        "tr": "Hong Kong",
        "ja": "香港",
        "ko": "홍콩",
        "zh": "香港",
        "ar": "هونغ كونغ",
    },
    "MO": {
        "en": "Macao",
        "es": "Macao",
        "fr": "Macao",
        "de": "Macau",
        "it": "Macao",
        "pt": "Macau",
        "nl": "Macau",
        "pl": "Makau",
        "ru": "Макао",
        "tr": "Makao",
        "ja": "マカオ",
        "ko": "마카오",
        "zh": "澳门",
        "ar": "ماكاو",
    },
    # CLDR's short form (alt="short", which Babel does not expose): Turkish writes the
    # United States "ABD" ("ABD'ye gönderim"), Japanese "アメリカ", hardly ever the long
    # name; German "die USA" ("in die USA", "in den USA")
    "US": {"tr": "ABD", "ja": "アメリカ", "de": "USA"},
    # The names a native writes where CLDR gives the state's formal or rare one: Korean
    # "한국" (not "대한민국", the formal name), "호주" (not "오스트레일리아"), "남아공"'s
    # full "남아프리카 공화국" (not "남아프리카", the region); Arabic "الدنمارك" (CLDR's
    # "الدانمرك" is an old spelling); Italian "Repubblica Ceca" (not the rare "Cechia")
    "KR": {"ko": "한국"},
    "AU": {"ko": "호주"},
    "ZA": {"ko": "남아프리카 공화국"},
    "DK": {"ar": "الدنمارك"},
    "CZ": {"it": "Repubblica Ceca"},
    # the French, Turkish and Spanish names of the Vatican and of Côte d'Ivoire as their
    # speakers write them ("au Vatican", not "en État de la Cité du Vatican"; "Fildişi
    # Sahili'ne", "a Costa de Marfil")
    "VA": {"fr": "Vatican"},
    "CI": {"tr": "Fildişi Sahili", "es": "Costa de Marfil"},
}
# The first of the month is an ordinal in French ("1er décembre") and in Brazilian
# Portuguese ("1º de dezembro"); European Portuguese writes "1 de dezembro".
_FIRST = re.compile(r"^1(?=\s)")
_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]$")


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@cache
def regional_locale(language: str, country: str | None) -> Locale:
    """The locale of ``language`` as written in ``country`` ("en", "GB" -> en_GB; "pt",
    "BR" -> pt_BR), or the language's own when CLDR has no such variant."""
    base = _locale(language)
    if not country or base.language in _ONE_VARIANT:
        return base
    try:
        return Locale.parse(f"{base.language}_{country.upper()}")
    except (UnknownLocaleError, ValueError):
        return base


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` ("JP", "de" -> "Japan"); the code if CLDR lacks it."""
    short = _SHORT_NAMES.get(code.upper(), {}).get(_locale(language).language)
    name = short or _locale(language).territories.get(code.upper(), code.upper())
    # a gloss some CLDR names carry ("Myanmar (Birmanie)", "Saint-Martin (partie
    # néerlandaise)") would read as a form's inside a sentence
    return _GLOSS.sub("", name) or name


def sentences(language: str, *parts: str) -> str:
    """Sentences one after another: Japanese and Chinese put no space after "。"."""
    return ("" if language in {"ja", "zh"} else " ").join(part for part in parts if part)


def day_text(
    day: date, language: str, *, today: date | None = None, country: str | None = None
) -> str:
    """A date written the way ``language`` writes dates (in ``country``'s variant when
    known), without the year when it is ``today``'s year."""
    locale = regional_locale(language, country)
    if today is not None and day.year == today.year:
        text = format_skeleton("MMMMd", day, locale=locale)
    else:
        text = format_date(day, format="long", locale=locale)
    if day.day == 1 and locale.language == "fr":
        return _FIRST.sub("1er", text)
    if day.day == 1 and locale.language == "pt" and locale.territory in (None, "BR"):
        return _FIRST.sub("1º", text)
    return text
