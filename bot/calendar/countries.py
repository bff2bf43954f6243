"""Where a shopper is, and how to tell them a time they can read.

A reply like "we will answer on Monday at 09:00" is only useful in the shopper's own zone
and language. The zone comes from the country (order address, profile, or the region in
a Telegram language code such as ``pt-br``); the day and month names from Babel's CLDR
data, so output does not depend on which locales the server happens to have installed.
The country -> zone table is the tz database's (``tzdata``), which lists a country's most
populous zone first where geography allows; CLDR lists every zone of a country but not the
one most of its people live in. Seven countries, named below, are written out with a reason.

That representative zone is right for everybody in a country that keeps one time, and
a guess elsewhere: a Californian is not on New York time. ``single_zone`` tells them
apart from the time-zone data itself (the zones Babel lists for a country, and the CLDR
metazone each belongs to), so the store's hours are shown in a shopper's zone only when
the country alone says what it is; a reminder of a set time ("Monday at 09:00", above)
may still use the guess, with the zone named.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from importlib.resources import files
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_datetime

from bot.calendar.hours import aware_utc
from bot.calendar.zone_names import MOST_NAMED_TIMES, named_times, with_zone

# A country's zones, first the one most of its people live in where geography allows: the
# tz database's zone.tab, shipped with the ``tzdata`` package. zone.tab rather than
# zone1970.tab, because it lists each country on its own rows under its own zone name (the
# Netherlands on Europe/Amsterdam, which zone1970.tab folds into Europe/Brussels, the same
# clock since 1970). CLDR's lists of a country's zones (Babel's ``territory_zones``) hold
# the same zones in the order of their short identifiers, which says nothing about people.
_ZONE_TABLE = files("tzdata").joinpath("zoneinfo", "zone.tab")

# zone.tab orders a country's zones to "make some geographical sense" first and to put the
# most populous first only where that does not contradict it: west to east, or islands
# first (Kaliningrad, Lord Howe Island, Fernando de Noronha, Newfoundland, Crimea, Gaza).
# Where most of the country lives in a later zone the data cannot say so: each exception
# says who lives there.
MOST_PEOPLE: Mapping[str, str] = MappingProxyType({
    "AU": "Australia/Sydney",  # eastern Australia: New South Wales and Victoria
    "BR": "America/Sao_Paulo",  # Brasília time covers the south-east and the coast
    "CA": "America/Toronto",  # Eastern time: Ontario and Quebec
    "PS": "Asia/Hebron",  # the West Bank, where more Palestinians live than in Gaza
    "RU": "Europe/Moscow",  # eleven zones; most Russians live on Moscow time
    "UA": "Europe/Kyiv",  # zone.tab lists Crimea first
    "UZ": "Asia/Tashkent",  # the capital and the east, the same clock as Samarkand
})  # fmt: skip


def first_listed_zones() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> the first zone zone.tab lists for the country."""
    zones: dict[str, str] = {}
    for line in _ZONE_TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone, *_comments = line.split("\t")
            zones.setdefault(country, zone)
    return zones


# ISO 3166-1 alpha-2 -> representative IANA zone, for every country the tz database knows.
COUNTRY_ZONES: Mapping[str, str] = MappingProxyType({**first_listed_zones(), **MOST_PEOPLE})


def timezone_for(country: str | None, fallback: str) -> ZoneInfo:
    """The shopper's zone from their country code, else ``fallback``; never raises.

    A shopper we know nothing about is better served in the store's zone than not at all.
    An invalid ``fallback`` (config validation should have caught it) gives UTC.
    """
    for name in (COUNTRY_ZONES.get((country or "").strip().upper()), fallback):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


# A country whose zones CLDR names with at most ``MOST_NAMED_TIMES`` (two) metazones keeps
# one time in practice: the main one, and at most one for outlying islands or a far province
# (Spain and the Canaries, Portugal and the Azores, Chile and Easter Island, Ecuador and the
# Galápagos, New Zealand and the Chathams, China and Urumqi). Countries that span a continent
# name three or more (Indonesia 3, Brazil 4, Australia and Mexico 5, the US and Canada 7,
# Russia 11). Kazakhstan has seven zones but one metazone: one time since March 2024.
# The Democratic Republic of the Congo names two but keeps them for about half its people
# each (Kinshasa's west, Lubumbashi's east): neither is the country's time.
_SPLIT_IN_TWO = frozenset({"CD"})


def single_zone(country: str | None) -> str | None:
    """The zone everybody in ``country`` keeps their clock in, when the country keeps one
    time in practice; None for a country that spans several (US, BR, RU ...) or is unknown.

    What a store tells a shopper in "their" zone must be right for them: Spain's zone is
    (the Canaries aside), "Eastern Time" for a US shopper is a guess, and a wrong guess is
    worse than the store's own zone, named.

        single_zone("ES")  # 'Europe/Madrid'
        single_zone("US")  # None
    """
    code = (country or "").strip().upper()
    zone = COUNTRY_ZONES.get(code)
    if zone is None or code in _SPLIT_IN_TWO or len(named_times(code)) > MOST_NAMED_TIMES:
        return None
    return zone


def country_from_language_code(code: str | None) -> str | None:
    """The region of an IETF language tag: ``"pt-br"`` -> ``"BR"``; ``"en"`` -> None.

    Telegram sends ``language_code`` with a region only sometimes; script subtags
    (``zh-hant``) and numeric regions (``es-419``) name no country.
    """
    subtags = (code or "").replace("_", "-").split("-")[1:]
    for subtag in subtags:
        if len(subtag) == 2 and subtag.isascii() and subtag.isalpha():
            return subtag.upper()
    return None


# How each language writes "weekday day month, time" (CLDR date-field patterns, 24-hour
# clock); the day and month names come from Babel's CLDR data, in the grammatical form
# the pattern needs (Polish and Russian months in the genitive: "1 grudnia", "1 декабря").
_PATTERNS: dict[str, str] = {
    "en": "EEEE d MMMM, HH:mm",
    "es": "EEEE d 'de' MMMM, HH:mm",
    "fr": "EEEE d MMMM, HH:mm",
    "de": "EEEE, d. MMMM, HH:mm 'Uhr'",
    "it": "EEEE d MMMM, HH:mm",
    "pt": "EEEE, d 'de' MMMM, HH:mm",
    "nl": "EEEE d MMMM, HH:mm",
    "pl": "EEEE, d MMMM, HH:mm",
    "ru": "EEEE, d MMMM, HH:mm",
    "tr": "d MMMM EEEE, HH:mm",
    "ja": "M月d日(EEEE) HH:mm",
    "ko": "M월 d일 EEEE HH:mm",
    "zh": "M月d日 EEEE HH:mm",
    "ar": "EEEE d MMMM، HH:mm",
}
LANGUAGES = frozenset(_PATTERNS)


def format_local(moment: datetime, tz: tzinfo, language: str | None) -> str:
    """``moment`` as the shopper reads it: "Monday 1 December, 09:00" in their zone.

    ``language`` may carry a region (``pt-br``); unknown languages get English. Times use
    the 24-hour clock, which every supported language reads without ambiguity.
    """
    local = aware_utc(moment, "moment").astimezone(tz)
    primary = _primary(language)
    return format_datetime(local, _PATTERNS[primary], tzinfo=tz, locale=primary)


def format_local_named(moment: datetime, zone: str, language: str | None) -> str:
    """``format_local`` in the IANA ``zone``, followed by the zone's name: "Monday 7
    December, 09:00, Central European Time". For a zone that may not be the shopper's own
    (the store's, when where they are is not known), so they never have to guess whose
    nine o'clock it is.
    """
    shown = format_local(moment, ZoneInfo(zone), language)
    return with_zone(shown, zone, Locale.parse(_primary(language)))


def _primary(language: str | None) -> str:
    """The language of a code such as ``pt-br``, among ``LANGUAGES``; English otherwise."""
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in _PATTERNS else "en"
