"""Country names and calendar dates in the shopper's language, from Babel's CLDR data.

Fact sentences name the shopper's country ("In Japan the mains supply is ...") and dates
("ordered on 2 December"); both come from the locale data rather than hand-written
tables, so every reply language has them and they read as a native speaker writes them.

    country_name("JP", "de")                 # "Japan"
    day_text(date(2026, 12, 2), "es")        # "2 de diciembre de 2026"
    sentences("ja", "届きます。", "ご安心ください。")  # no space between Japanese sentences
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` ("JP", "de" -> "Japan"); the code if CLDR lacks it."""
    return _locale(language).territories.get(code.upper(), code.upper())


def sentences(language: str, *parts: str) -> str:
    """Sentences one after another: Japanese and Chinese put no space after "。"."""
    return ("" if language in {"ja", "zh"} else " ").join(part for part in parts if part)


def day_text(day: date, language: str) -> str:
    """A date written the way ``language`` writes dates (CLDR long format)."""
    return format_date(day, format="long", locale=_locale(language))
