"""A time zone's name as a shopper reads it in the middle of a sentence, in their language.

"09:00–18:00" needs a zone, and the zone needs a name the shopper recognises as a clock:
"Central European Time", "hora de Europa central", "日本時間". The names are CLDR's, through
Babel; two things about them are fixed here rather than in every answer.

**Which CLDR name.** CLDR names most zones by their *metazone*, the time several zones
share ("Central European Time" for Berlin, Paris and Madrid). That is how Europeans and the
Japanese speak of their clock, but a metazone shared by more than two countries outside
Europe is named after a region nobody in those countries calls their time: "Arabian Time"
("التوقيت العربي") for Riyadh, "Eastern European Time" for Cairo, "Indochina Time" for
Bangkok, "Central Time" (the US one) for Costa Rica. Such a zone is named by its country
instead, in the locale's own pattern for it (CLDR's region format): "توقيت المملكة العربية
السعودية", "توقيت مصر", "Thailand Time", unless the country keeps several times. The IANA
name says whether a zone is in Europe ("Europe/…"), the time-zone data which countries
share a metazone. Two countries sharing one are one time by its usual name ("Gulf Time" for
the Emirates and Oman, "한국 시간", "中国时间" with Macao).

**Reading as a clock inside a sentence.** Russian CLDR names are the region alone
("Центральная Европа", "Япония"), and Polish ones often are ("czas Japonia"): after the
hours they read like a place. Russian says the hours are "по центральноевропейскому
времени", "по московскому времени" (``_RU_BY``: the adjectives CLDR does not have, for the
times Russian speakers name so), and Polish "czas japoński" (``_PL_TIMES``); any other
place is introduced as the time zone it names ("часовой пояс: Казахстан", "strefa czasowa:
Kazachstan"). Portuguese and Italian names are written
capitalised as for a menu ("Horário da Europa Central", "Ora dell’Europa centrale"); mid-
sentence their first word is lower-case ("horário da Europa Central"), the place keeps its
capitals.

    zone_name("Asia/Riyadh", Locale.parse("ar"))  # 'توقيت المملكة العربية السعودية'
    zone_name("Europe/Berlin", Locale.parse("ru"))  # 'по центральноевропейскому времени'
    with_zone("9:00", "Asia/Tokyo", Locale.parse("ja"))  # '9:00、日本時間'
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_name

# Before the zone's name: hours and times often sit in brackets in an answer already, so
# the zone follows a comma rather than opening brackets of its own.
_ZONE_SEPARATORS = {"ja": "、", "zh": "，", "ar": "، "}
# Languages whose CLDR zone names are capitalised as for a list, not for a sentence.
_LOWER_FIRST_WORD = frozenset({"pt", "it"})
# Languages whose CLDR zone names are the place alone; the pattern makes them a time zone
# (after the names below, by metazone, which read as a time).
_AS_A_TIME = {"ru": "часовой пояс: {0}"}
# "по ... времени": the adjective, in the dative, of the times Russian names so.
_RU_BY = {
    "Europe_Central": "центральноевропейскому",
    "Europe_Eastern": "восточноевропейскому",
    "Europe_Western": "западноевропейскому",
    "Moscow": "московскому",
    "British": "британскому",
    "Japan": "японскому",
    "China": "китайскому",
    "Korea": "корейскому",
    "Turkey": "турецкому",
    "India": "индийскому",
    "America_Eastern": "восточноамериканскому",
    "America_Central": "центральноамериканскому",
    "America_Pacific": "тихоокеанскому",
    "Samara": "самарскому",
    "Yekaterinburg": "екатеринбургскому",
    "Omsk": "омскому",
    "Krasnoyarsk": "красноярскому",
    "Irkutsk": "иркутскому",
    "Yakutsk": "якутскому",
    "Vladivostok": "владивостокскому",
    "Magadan": "магаданскому",
}
# Polish names a time by its place ("czas Japonia"); these read as Polish says them.
_PL_TIMES = {
    "Moscow": "czas moskiewski",
    "British": "czas brytyjski",
    "Japan": "czas japoński",
    "China": "czas chiński",
    "Korea": "czas koreański",
    "Turkey": "czas turecki",
    "India": "czas indyjski",
}
# "czas Japonia", "czas: Arabia Saudyjska": a place where a time's adjective should be.
_PL_PLACE = re.compile(r"^czas:? (?=[A-ZĄĆĘŁŃÓŚŹŻ])")
# A country whose zones CLDR names with at most this many metazones keeps one time in
# practice (``bot.calendar.countries.single_zone`` explains the count).
MOST_NAMED_TIMES = 2


def zone_name(zone: str, locale: Locale) -> str:
    """``zone`` (an IANA name) as ``locale`` names it after a time of day in a sentence."""
    language = locale.language
    metazone = get_global("meta_zones").get(zone)
    if language == "ru" and metazone in _RU_BY:
        return f"по {_RU_BY[metazone]} времени"
    if language == "pl" and metazone in _PL_TIMES:
        return _PL_TIMES[metazone]
    name = _country_time(zone, locale) or get_timezone_name(
        get_timezone(zone), "long", zone_variant="generic", locale=locale
    )
    if language in _AS_A_TIME:
        # Babel reads Russian's region format as its summer-time variant ("{0}, летнее
        # время"), so a zone named by its country says "summer time" all year: the
        # country alone is the name, and the pattern below makes it a time zone
        name = name.removesuffix(locale.zone_formats.get("region", "%s").replace("%s", ""))
        name = _AS_A_TIME[language].format(name.removesuffix(" время"))
    if language == "pl":
        name = _PL_PLACE.sub("strefa czasowa: ", name)
    if language in _LOWER_FIRST_WORD:
        name = name[:1].lower() + name[1:]
    return name


def with_zone(text: str, zone: str, locale: Locale) -> str:
    """``text`` (hours, a time) followed by the name of the zone it is in:
    "09:00–18:00, Central European Time", "17:00～翌2:00、日本時間"."""
    name = zone_name(zone, locale)
    if name.startswith("по "):  # "09:00—18:00 по московскому времени": no comma
        return f"{text} {name}"
    separator = _ZONE_SEPARATORS.get(locale.language, ", ")
    return text + separator + name


def named_times(country: str) -> frozenset[str]:
    """The CLDR metazones ("Europe_Central", "America_Pacific") of the country's zones: the
    times its people call by different names. A zone without a metazone counts by itself."""
    return _named_times(country.strip().upper())


@cache
def _named_times(country: str) -> frozenset[str]:
    zones = get_global("territory_zones").get(country, ())
    metazones = get_global("meta_zones")
    return frozenset(metazones.get(zone, zone) for zone in zones)


def _country_time(zone: str, locale: Locale) -> str | None:
    """The country's time ("Saudi Arabia Time") for a zone whose metazone name is odd
    there (see the module's docstring); None when the metazone's name is the one to use,
    and for a country of several times ("United States Time" would say nothing).

    The locale's region format must be free of brackets to be used: German writes
    "Saudi-Arabien (Ortszeit)", and the hours often sit in brackets already, so German keeps
    the metazone's name ("Arabische Zeit").
    """
    country = get_global("zone_territories").get(zone)
    metazone = get_global("meta_zones").get(zone)
    if (
        country is None
        or zone.startswith("Europe/")
        or len(_countries_of(metazone)) <= 2
        or len(named_times(country)) > MOST_NAMED_TIMES
    ):
        return None
    territory = locale.territories.get(country)
    region = "%s" if locale.language in _AS_A_TIME else locale.zone_formats.get("region", "")
    if not territory or "%s" not in region or any(mark in region for mark in "(（"):
        return None
    return region % territory


@cache
def _countries_of(metazone: str | None) -> frozenset[str]:
    """The countries whose zones keep the time ``metazone`` names (none for no metazone)."""
    if metazone is None:
        return frozenset()
    territories = get_global("zone_territories")
    return frozenset(
        territories[zone]
        for zone, named in get_global("meta_zones").items()
        if named == metazone and zone in territories and territories[zone] != "001"
    )
