"""Support hours as a shopper reads them: in their language, with the zone named.

"Monday to Friday, 9:00-18:00 (CET)" inside a Spanish answer is English in the middle of
Spanish, and "9:00" means nothing without knowing whose nine o'clock. The hours come from
the desk file (``bot/desk.py``: the support team's ``BusinessCalendar``) and are written
with CLDR locale data through Babel: day names, time-range patterns, list joining and the
zone's name (``bot.calendar.zone_names``), so no language needs hand-written day names here.

The hours are shown in the shopper's zone when it is known, otherwise in the store's; the
zone is named either way, so the shopper never has to guess. Which zone is "known" is the
answer's business (``replies.store.hours_zone``): a linked order's or a phone's country
that keeps one time, never a guess between a country's several zones. The shopper's
country, when known, also picks the locale's variant: American English reads "9:00 AM –
6:00 PM", English elsewhere "09:00–18:00" (en_GB), a Portuguese shopper reads Portugal's
Portuguese rather than Brazil's.

Shifted into another zone an opening may end after the shopper's midnight: Berlin's 09:00 to
18:00 is 17:00 to 02:00 in Tokyo. The end then says it is the next day, in the words each
language uses on a shop's door ("17:00～翌2:00", "17:00–02:00 del día siguiente"), and the
opening stays on the weekday it starts on, so every weekday range is true where the shopper
lives (a Sunday-evening start in one zone is Monday morning in another).

    describe_hours(calendar, "es", week_of=date(2026, 12, 7))
    # 'lunes – viernes 9:00–18:00 y sábado 10:00–14:00, hora de Europa central'
    describe_hours(calendar, "ja", week_of=date(2026, 12, 7), shopper_zone="Asia/Tokyo")
    # '月曜日～金曜日 17:00～翌2:00、土曜日 18:00～22:00、日本時間'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names
from babel.lists import format_list

from bot.calendar.hours import BusinessCalendar
from bot.calendar.time_ranges import Opening, opening_text, twelve_hour
from bot.calendar.zone_names import with_zone

# The variant a language is written in when the shopper's country gives none: CLDR's
# plain English is American (12-hour clock), English read anywhere else is en_GB's.
_DEFAULT_REGION = {"en": "GB"}

DayHours = tuple[Opening, ...]


@lru_cache(maxsize=512)  # every answer mentioning the hours asks again, in a few languages
def describe_hours(
    calendar: BusinessCalendar,
    language: str,
    *,
    week_of: date,
    shopper_zone: str | None = None,
    country: str | None = None,
) -> str:
    """The calendar's weekly hours in ``language``, in ``shopper_zone`` (else the store's).

    ``week_of`` is any day of the week whose clock changes apply: converting 09:00 Berlin to
    New York time depends on the date. Holidays are left out: they are exceptions, not hours.
    ``country`` is where the shopper is when known (even in a country of several zones,
    where ``shopper_zone`` stays None): it picks the locale's variant, e.g. ``en_US``.
    """
    locale = shopper_locale(language, country)
    zone = ZoneInfo(shopper_zone) if shopper_zone else calendar.zone
    week = _weekly_hours_in(calendar, zone, week_of)
    days = get_day_names("wide", context="format", locale=locale)
    day_range = locale.interval_formats.get(None) or "{0} – {1}"
    groups = []
    for first, last, hours in _runs(week):
        named = days[first] if first == last else day_range.format(days[first], days[last])
        times = format_list([opening_text(opening, locale) for opening in hours], locale=locale)
        groups.append(f"{named} {times}")
    return with_zone(format_list(groups, locale=locale), zone.key, locale)


def shopper_locale(language: str, country: str | None = None) -> Locale:
    """Babel's locale for an ISO code such as ``es`` or ``pt-br``, in the variant of the
    shopper's ``country`` when Babel has one (``pt`` + PT -> ``pt_PT``, ``en`` + US ->
    ``en_US``); English when the language is unknown.

    A region in ``language`` itself (``pt-br``) wins. A variant in another script is not
    taken: Chinese for a shopper in Taiwan would turn into traditional characters in the
    middle of an answer written in simplified ones. English is en_GB's unless the country's
    English writes 12-hour times (en_US, en_AU, en_CA, ...): CLDR's English for Japan or
    Germany differs from en_GB in spacing only, and one English outside those countries
    keeps the answers alike.
    """
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    if locale.territory:
        return locale
    default = _DEFAULT_REGION.get(locale.language)
    variant = _variant(locale, (country or "").strip().upper())
    if variant is not None and (default is None or twelve_hour(variant)):
        return variant
    return _variant(locale, default or "") or locale


def _variant(locale: Locale, region: str) -> Locale | None:
    """``locale`` for ``region`` when Babel has it in the same script; else None."""
    if not region:
        return None
    try:
        variant = Locale.parse(f"{locale.language}_{region}")
    except (UnknownLocaleError, ValueError):
        return None
    return variant if variant.script in (None, locale.script) else None


def _weekly_hours_in(calendar: BusinessCalendar, zone: ZoneInfo, week_of: date) -> list[DayHours]:
    """Opening hours per weekday (Monday first) as seen from ``zone`` in that week.

    An opening belongs to the day it starts on in ``zone``, even when it ends after that
    day's midnight there ("Sunday 19:00–4:00 the next day" reads better than two
    half-openings), and touching openings are joined.
    """
    monday = week_of - timedelta(days=week_of.weekday())
    spans: list[list[tuple[datetime, datetime]]] = [[] for _ in range(7)]
    for offset in range(7):
        day = monday + timedelta(days=offset)
        midnight = datetime.combine(day, time(), tzinfo=calendar.zone)
        for interval in calendar.weekly[day.weekday()]:
            # Wall-clock addition on purpose, as in BusinessCalendar: 09:00 is 09:00 local.
            opens = (midnight + timedelta(minutes=interval.start)).astimezone(zone)
            closes = (midnight + timedelta(minutes=interval.end)).astimezone(zone)
            spans[opens.weekday()].append((opens, closes))
    return [_joined(day_spans) for day_spans in spans]


def _joined(spans: list[tuple[datetime, datetime]]) -> DayHours:
    """Sorted, touching spans joined, as wall-clock openings; one that ends after the
    midnight following its start ends the next day (one ending at that midnight does not:
    "17:00–00:00" closes with the day)."""
    merged: list[tuple[datetime, datetime]] = []
    for opens, closes in sorted(spans):
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return tuple(
        Opening(opens.time(), closes.time(), next_day=_next_day(opens, closes))
        for opens, closes in merged
    )


def _next_day(opens: datetime, closes: datetime) -> bool:
    """Whether ``closes`` is past the midnight that ends ``opens``'s day (both in one zone)."""
    midnight = datetime.combine(opens.date() + timedelta(days=1), time(), tzinfo=opens.tzinfo)
    return closes > midnight


def _runs(week: list[DayHours]) -> list[tuple[int, int, DayHours]]:
    """Consecutive weekdays with the same hours, as (first, last, hours); closed days out."""
    runs: list[tuple[int, int, DayHours]] = []
    for index, hours in enumerate(week):
        if not hours:
            continue
        if runs and runs[-1][1] == index - 1 and runs[-1][2] == hours:
            runs[-1] = (runs[-1][0], index, hours)
        else:
            runs.append((index, index, hours))
    if len(runs) > 1 and runs[-1][1] == 6 and runs[0][0] == 0 and runs[-1][2] == runs[0][2]:
        # the same hours from Sunday into Monday read as one range: "Sunday – Thursday"
        runs = [(runs[-1][0], runs[0][1], runs[0][2]), *runs[1:-1]]
    return runs
