"""Where a shopper is, and how to tell them a time they can read.

A reply like "we will answer on Monday at 09:00" is only useful in the shopper's own zone
and language. The zone comes from the country (order address, profile, or the region in
a Telegram language code such as ``pt-br``); the day and month names from Babel's CLDR
data, so output does not depend on which locales the server happens to have installed.
The country -> zone table stays written out: CLDR lists every zone of a country but not
the one most of its people live in.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime

from scheduler.hours import aware_utc

# ISO 3166-1 alpha-2 -> representative IANA zone. Where a country spans several zones,
# the one where most of its people live is chosen, as noted.
COUNTRY_ZONES: MappingProxyType[str, str] = MappingProxyType({
    # Europe
    "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia",
    "BY": "Europe/Minsk", "CH": "Europe/Zurich", "CY": "Asia/Nicosia",
    "CZ": "Europe/Prague", "DE": "Europe/Berlin", "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn", "ES": "Europe/Madrid",  # not Atlantic/Canary
    "FI": "Europe/Helsinki", "FR": "Europe/Paris",  # metropolitan France
    "GB": "Europe/London", "GR": "Europe/Athens", "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IS": "Atlantic/Reykjavik",
    "IT": "Europe/Rome", "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg",
    "LV": "Europe/Riga", "MD": "Europe/Chisinau", "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam", "NO": "Europe/Oslo", "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",  # not the Azores
    "RO": "Europe/Bucharest", "RS": "Europe/Belgrade",
    "RU": "Europe/Moscow",  # eleven zones; most Russians live on Moscow time
    "SE": "Europe/Stockholm", "SI": "Europe/Ljubljana", "SK": "Europe/Bratislava",
    "TR": "Europe/Istanbul", "UA": "Europe/Kyiv",
    # Caucasus and Central Asia
    "AM": "Asia/Yerevan", "AZ": "Asia/Baku", "GE": "Asia/Tbilisi",
    "KZ": "Asia/Almaty",  # Almaty and the south hold most of the population
    "UZ": "Asia/Tashkent",
    # Americas
    "US": "America/New_York",  # Eastern time: the most populous of six zones
    "CA": "America/Toronto",  # Eastern time: Ontario and Quebec
    "MX": "America/Mexico_City",  # central zone, not Tijuana or Cancun
    "BR": "America/Sao_Paulo",  # Brasilia time covers the south-east and the coast
    "AR": "America/Argentina/Buenos_Aires", "BO": "America/La_Paz",
    "CL": "America/Santiago",  # not Easter Island
    "CO": "America/Bogota", "CR": "America/Costa_Rica",
    "DO": "America/Santo_Domingo", "EC": "America/Guayaquil",  # not Galapagos
    "GT": "America/Guatemala", "PA": "America/Panama", "PE": "America/Lima",
    "PR": "America/Puerto_Rico", "PY": "America/Asuncion", "UY": "America/Montevideo",
    "VE": "America/Caracas",
    # Asia and Oceania
    "AU": "Australia/Sydney",  # eastern Australia: New South Wales, Victoria
    "BD": "Asia/Dhaka", "CN": "Asia/Shanghai", "HK": "Asia/Hong_Kong",
    "ID": "Asia/Jakarta",  # Western Indonesia: Java and Sumatra
    "IN": "Asia/Kolkata", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
    "LK": "Asia/Colombo", "MY": "Asia/Kuala_Lumpur", "NP": "Asia/Kathmandu",
    "NZ": "Pacific/Auckland",  # not the Chatham Islands
    "PH": "Asia/Manila", "PK": "Asia/Karachi", "SG": "Asia/Singapore",
    "TH": "Asia/Bangkok", "TW": "Asia/Taipei", "VN": "Asia/Ho_Chi_Minh",
    # Middle East and Africa
    "AE": "Asia/Dubai", "BH": "Asia/Bahrain", "IL": "Asia/Jerusalem",
    "JO": "Asia/Amman", "KW": "Asia/Kuwait", "LB": "Asia/Beirut",
    "OM": "Asia/Muscat", "QA": "Asia/Qatar", "SA": "Asia/Riyadh",
    "DZ": "Africa/Algiers", "EG": "Africa/Cairo", "GH": "Africa/Accra",
    "KE": "Africa/Nairobi", "MA": "Africa/Casablanca", "NG": "Africa/Lagos",
    "TN": "Africa/Tunis", "ZA": "Africa/Johannesburg",
})  # fmt: skip


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
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    if primary not in _PATTERNS:
        primary = "en"
    return format_datetime(local, _PATTERNS[primary], tzinfo=tz, locale=primary)
