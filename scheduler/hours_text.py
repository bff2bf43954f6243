"""Support hours as a shopper reads them: in their language, with the zone named.

"Monday to Friday, 9:00-18:00 (CET)" inside a Spanish answer is English in the middle of
Spanish, and "9:00" means nothing without knowing whose nine o'clock. The hours come from
the desk file (``bot/desk.py``: the support team's ``BusinessCalendar``) and are written
with CLDR locale data through Babel: day names, time-range patterns, list joining and the
zone's name, so no language needs hand-written day names here.

The hours are shown in the shopper's zone when it is known, otherwise in the store's; the
zone is named either way, so the shopper never has to guess. Which zone is "known" is the
answer's business (``replies.store.hours_zone``): a linked order's or a phone's country
that keeps one time, never a guess between a country's several zones.

    describe_hours(calendar, "es", week_of=date(2026, 12, 7))
    # 'lunes – viernes 9:00–18:00 y sábado 10:00–14:00, hora de Europa central'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_interval, get_day_names, get_timezone_name
from babel.lists import format_list

from scheduler.hours import BusinessCalendar

# Before the zone's name: the hours often sit in brackets in an answer already, so the
# zone follows a comma rather than opening brackets of its own.
_ZONE_SEPARATORS = {"ja": "、", "zh": "，", "ar": "، "}

DayHours = tuple[tuple[time, time], ...]


@lru_cache(maxsize=512)  # every answer mentioning the hours asks again, in a few languages
def describe_hours(
    calendar: BusinessCalendar,
    language: str,
    *,
    week_of: date,
    shopper_zone: str | None = None,
) -> str:
    """The calendar's weekly hours in ``language``, in ``shopper_zone`` (else the store's).

    ``week_of`` is any day of the week whose clock changes apply: converting 09:00 Berlin to
    New York time depends on the date. Holidays are left out: they are exceptions, not hours.
    """
    locale = _locale(language)
    zone = ZoneInfo(shopper_zone) if shopper_zone else calendar.zone
    week = _weekly_hours_in(calendar, zone, week_of)
    days = get_day_names("wide", context="format", locale=locale)
    day_range = locale.interval_formats.get(None) or "{0} – {1}"
    groups = []
    for first, last, hours in _runs(week):
        named = days[first] if first == last else day_range.format(days[first], days[last])
        times = format_list(
            [format_interval(opens, closes, "Hm", locale=locale) for opens, closes in hours],
            locale=locale,
        )
        groups.append(f"{named} {times}")
    zone_name = get_timezone_name(zone, "long", zone_variant="generic", locale=locale)
    separator = _ZONE_SEPARATORS.get(locale.language, ", ")
    return format_list(groups, locale=locale) + separator + zone_name


def _locale(language: str) -> Locale:
    """Babel's locale for an ISO code such as ``es`` or ``pt-br``; English when unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _weekly_hours_in(calendar: BusinessCalendar, zone: ZoneInfo, week_of: date) -> list[DayHours]:
    """Opening hours per weekday (Monday first) as seen from ``zone`` in that week.

    An opening belongs to the day it starts on in ``zone``, even when it ends after that
    day's midnight there ("Sunday 19:00–4:00" reads better than two half-openings), and
    touching openings are joined.
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
    """Sorted, touching spans joined, as wall-clock times (a span to midnight ends 00:00)."""
    merged: list[tuple[datetime, datetime]] = []
    for opens, closes in sorted(spans):
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return tuple((opens.time(), closes.time()) for opens, closes in merged)


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
