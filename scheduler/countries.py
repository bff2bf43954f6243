"""Where a shopper is, and how to tell them a time they can read.

A reply like "we will answer on Monday at 09:00" is only useful in the shopper's own zone
and language. The zone comes from the country (order address, profile, or the region in
a Telegram language code such as ``pt-br``); the wording from hand-written day and month
names, so output does not depend on which locales the server happens to have installed.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


class _Style(NamedTuple):
    pattern: str
    weekdays: tuple[str, ...]  # Monday first
    months: tuple[str, ...]  # January first


def _style(pattern: str, weekdays: str, months: str | tuple[str, ...]) -> _Style:
    """Names are written space-separated to keep the tables readable."""
    if isinstance(months, str):
        months = tuple(months.split())
    return _Style(pattern, tuple(weekdays.split()), months)


def _numbered(suffix: str) -> tuple[str, ...]:
    """Months in Japanese, Chinese and Korean are numbers: 1月, 12월."""
    return tuple(f"{n}{suffix}" for n in range(1, 13))


_STYLES: dict[str, _Style] = {
    "en": _style(
        "{weekday} {day} {month}, {time}",
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "January February March April May June July August September October November December",
    ),
    "es": _style(
        "{weekday} {day} de {month}, {time}",
        "lunes martes miércoles jueves viernes sábado domingo",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    ),
    "fr": _style(
        "{weekday} {day} {month}, {time}",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    ),
    "de": _style(
        "{weekday}, {day}. {month}, {time} Uhr",
        "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    ),
    "it": _style(
        "{weekday} {day} {month}, {time}",
        "lunedì martedì mercoledì giovedì venerdì sabato domenica",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
    ),
    "pt": _style(
        "{weekday}, {day} de {month}, {time}",
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    ),
    "nl": _style(
        "{weekday} {day} {month}, {time}",
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
        "januari februari maart april mei juni juli augustus september oktober november december",
    ),
    "pl": _style(  # months in the genitive, as in "1 grudnia"
        "{weekday}, {day} {month}, {time}",
        "poniedziałek wtorek środa czwartek piątek sobota niedziela",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia",
    ),
    "ru": _style(  # months in the genitive, as in "1 декабря"
        "{weekday}, {day} {month}, {time}",
        "понедельник вторник среда четверг пятница суббота воскресенье",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    ),
    "tr": _style(
        "{day} {month} {weekday}, {time}",
        "Pazartesi Salı Çarşamba Perşembe Cuma Cumartesi Pazar",
        "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    ),
    "ja": _style(
        "{month}{day}日({weekday}) {time}",
        "月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日",
        _numbered("月"),
    ),
    "ko": _style(
        "{month} {day}일 {weekday} {time}",
        "월요일 화요일 수요일 목요일 금요일 토요일 일요일",
        _numbered("월"),
    ),
    "zh": _style(
        "{month}{day}日 {weekday} {time}",
        "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
        _numbered("月"),
    ),
    "ar": _style(
        "{weekday} {day} {month}، {time}",
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    ),
}
LANGUAGES = frozenset(_STYLES)


def format_local(moment: datetime, tz: tzinfo, language: str | None) -> str:
    """``moment`` as the shopper reads it: "Monday 1 December, 09:00" in their zone.

    ``language`` may carry a region (``pt-br``); unknown languages get English. Times use
    the 24-hour clock, which every supported language reads without ambiguity.
    """
    local = aware_utc(moment, "moment").astimezone(tz)
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    style = _STYLES.get(primary, _STYLES["en"])
    return style.pattern.format(
        weekday=style.weekdays[local.weekday()],
        day=local.day,
        month=style.months[local.month - 1],
        time=f"{local.hour:02d}:{local.minute:02d}",
    )
