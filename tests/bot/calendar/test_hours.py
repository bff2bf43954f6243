"""Business hours, out-of-hours notices and shopper-local times, all with fixed clocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.calendar.countries import (
    COUNTRY_ZONES,
    LANGUAGES,
    country_from_language_code,
    format_local,
    timezone_for,
)
from bot.calendar.hours import BusinessCalendar, CalendarError, out_of_hours_notice
from bot.errors import ConfigError

H = timedelta(hours=1)
BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def calendar(zone: str, hours: dict[str, Any], holidays: tuple[str, ...] = ()) -> BusinessCalendar:
    return BusinessCalendar.from_dict({"timezone": zone, "hours": hours, "holidays": holidays})


# A support team that also works Saturday mornings, closed over Christmas and New Year.
TEAM = calendar(
    "Europe/Berlin",
    {"mon-fri": "09:00-18:00", "sat": "10:00-14:00"},
    ("2026-12-25", "2026-12-26", "2027-01-01"),
)
# A plain weekday office, for the arithmetic.
OFFICE = calendar("Europe/Berlin", {"mon-fri": "09:00-17:00"}, ("2026-12-25", "2027-01-01"))
ALWAYS = {"mon-sun": "00:00-24:00"}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(berlin(2026, 12, 1, 8, 59), False, id="before-opening"),
        pytest.param(berlin(2026, 12, 1, 9, 0), True, id="at-opening"),
        pytest.param(berlin(2026, 12, 1, 17, 59), True, id="just-before-closing"),
        pytest.param(berlin(2026, 12, 1, 18, 0), False, id="at-closing"),
        pytest.param(berlin(2026, 12, 5, 11, 0), True, id="saturday-morning"),
        pytest.param(berlin(2026, 12, 5, 14, 30), False, id="saturday-afternoon"),
        pytest.param(berlin(2026, 12, 6, 12, 0), False, id="sunday"),
        pytest.param(berlin(2026, 12, 24, 12, 0), True, id="christmas-eve"),
        pytest.param(berlin(2026, 12, 25, 12, 0), False, id="holiday"),
        pytest.param(datetime(2026, 12, 1, 20, 0, tzinfo=ZoneInfo("Asia/Tokyo")), True, id="tokyo"),
        pytest.param(datetime(2026, 12, 1, 7, 59, tzinfo=UTC), False, id="utc-before-opening"),
    ],
)
def test_is_open(now: datetime, expected: bool) -> None:
    assert TEAM.is_open(now) is expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(berlin(2026, 12, 1, 12, 0), berlin(2026, 12, 1, 12, 0), id="open-now"),
        pytest.param(berlin(2026, 12, 1, 7, 0), berlin(2026, 12, 1, 9, 0), id="early-morning"),
        pytest.param(berlin(2026, 12, 1, 18, 0), berlin(2026, 12, 2, 9, 0), id="evening"),
        pytest.param(berlin(2026, 12, 4, 19, 0), berlin(2026, 12, 5, 10, 0), id="friday-night"),
        pytest.param(berlin(2026, 12, 5, 14, 0), berlin(2026, 12, 7, 9, 0), id="weekend"),
        pytest.param(berlin(2026, 12, 24, 18, 30), berlin(2026, 12, 28, 9, 0), id="christmas"),
        pytest.param(berlin(2026, 12, 31, 18, 0), berlin(2027, 1, 2, 10, 0), id="year-end"),
    ],
)
def test_next_opening(now: datetime, expected: datetime) -> None:
    assert TEAM.next_opening(now) == expected


def test_next_opening_is_in_the_team_zone_whatever_the_input_zone() -> None:
    tokyo_sunday = datetime(2026, 12, 6, 20, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert TEAM.next_opening(tokyo_sunday).isoformat() == "2026-12-07T09:00:00+01:00"


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        pytest.param(berlin(2026, 12, 1, 10, 0), 3 * H, berlin(2026, 12, 1, 13, 0), id="same-day"),
        pytest.param(berlin(2026, 12, 1, 16, 0), 1 * H, berlin(2026, 12, 1, 17, 0), id="to-close"),
        pytest.param(berlin(2026, 12, 1, 16, 0), 2 * H, berlin(2026, 12, 2, 10, 0), id="overnight"),
        pytest.param(berlin(2026, 12, 4, 15, 0), 4 * H, berlin(2026, 12, 7, 11, 0), id="weekend"),
        pytest.param(berlin(2026, 12, 5, 12, 0), 1 * H, berlin(2026, 12, 7, 10, 0), id="from-sat"),
        pytest.param(berlin(2026, 12, 24, 16, 0), 2 * H, berlin(2026, 12, 28, 10, 0), id="holiday"),
        pytest.param(berlin(2026, 12, 31, 15, 0), 10 * H, berlin(2027, 1, 4, 17, 0), id="new-year"),
        pytest.param(berlin(2026, 12, 1, 10, 0), 40 * H, berlin(2026, 12, 8, 10, 0), id="a-week"),
        pytest.param(berlin(2026, 12, 6, 12, 0), 0 * H, berlin(2026, 12, 6, 12, 0), id="zero"),
    ],
)
def test_add_business_time(start: datetime, duration: timedelta, expected: datetime) -> None:
    assert OFFICE.add_business_time(start, duration) == expected


def test_add_business_time_refuses_negative_durations() -> None:
    with pytest.raises(ValueError, match="negative"):
        OFFICE.add_business_time(berlin(2026, 12, 1, 10, 0), -H)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(berlin(2026, 12, 1, 10, 0), berlin(2026, 12, 1, 12, 0), 2 * H, id="same-day"),
        pytest.param(berlin(2026, 12, 4, 16, 0), berlin(2026, 12, 7, 10, 0), 2 * H, id="weekend"),
        pytest.param(berlin(2026, 12, 5, 10, 0), berlin(2026, 12, 6, 20, 0), 0 * H, id="closed"),
        pytest.param(berlin(2026, 12, 24, 16, 0), berlin(2026, 12, 28, 10, 0), 2 * H, id="holiday"),
        pytest.param(berlin(2026, 12, 31, 16, 0), berlin(2027, 1, 4, 9, 0), 1 * H, id="new-year"),
        pytest.param(berlin(2026, 12, 1, 9, 0), berlin(2026, 12, 8, 9, 0), 40 * H, id="a-week"),
        pytest.param(berlin(2026, 12, 1, 9, 0), berlin(2026, 12, 1, 9, 0), 0 * H, id="no-time"),
    ],
)
def test_business_time_between_is_antisymmetric_and_inverts_add(
    start: datetime, end: datetime, expected: timedelta
) -> None:
    assert OFFICE.business_time_between(start, end) == expected
    assert OFFICE.business_time_between(end, start) == -expected
    assert (
        OFFICE.business_time_between(start, OFFICE.add_business_time(start, expected)) == expected
    )


def test_long_durations_round_trip() -> None:
    start = berlin(2026, 1, 1, 0, 0)
    assert OFFICE.business_time_between(start, OFFICE.add_business_time(start, 5000 * H)) == (
        5000 * H
    )


# The Sundays the clocks change, and by how much that night shifts them.
DST_SUNDAYS = [
    pytest.param("Europe/Berlin", date(2026, 3, 29), -H, id="berlin-spring"),
    pytest.param("Europe/Berlin", date(2026, 10, 25), H, id="berlin-fall"),
    pytest.param("America/New_York", date(2026, 3, 8), -H, id="new-york-spring"),
    pytest.param("America/New_York", date(2026, 11, 1), H, id="new-york-fall"),
]


def _local(zone: str, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(("zone", "sunday", "shift"), DST_SUNDAYS)
def test_business_time_counts_real_hours_across_dst(
    zone: str, sunday: date, shift: timedelta
) -> None:
    day = timedelta(days=1)
    saturday, monday = _local(zone, sunday - day, 0), _local(zone, sunday + day, 0)
    always = calendar(zone, ALWAYS)
    night_shift = calendar(zone, {"sun": "01:00-04:00"})  # spans the change at 02:00
    assert always.business_time_between(saturday, monday) == 48 * H + shift
    assert night_shift.business_time_between(saturday, monday) == 3 * H + shift


@pytest.mark.parametrize(("zone", "sunday", "shift"), DST_SUNDAYS)
def test_add_business_time_across_dst(zone: str, sunday: date, shift: timedelta) -> None:
    noon_saturday = _local(zone, sunday - timedelta(days=1), 12)
    expected_wall = _local(zone, sunday, 12) - shift
    assert calendar(zone, ALWAYS).add_business_time(noon_saturday, 24 * H) == expected_wall
    # A weekday team: Friday 16:00 + 2h is Monday 10:00, with Monday's UTC offset.
    friday, monday = sunday - timedelta(days=2), sunday + timedelta(days=1)
    office = calendar(zone, {"mon-fri": "09:00-17:00"})
    due = office.add_business_time(_local(zone, friday, 16), 2 * H)
    assert due.isoformat() == _local(zone, monday, 10).isoformat()


def test_opening_inside_the_spring_gap_opens_when_the_clock_jumps() -> None:
    early = calendar("Europe/Berlin", {"sun": "02:30-05:00"})
    opening = early.next_opening(berlin(2026, 3, 29, 0, 0))
    assert opening.isoformat() == "2026-03-29T03:30:00+02:00"
    assert early.business_time_between(opening, berlin(2026, 3, 29, 6, 0)) == 1.5 * H


NAIVE = datetime(2026, 12, 1, 10, 0)  # noqa: DTZ001 - the point of these tests


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: TEAM.is_open(NAIVE), id="is_open"),
        pytest.param(lambda: TEAM.next_opening(NAIVE), id="next_opening"),
        pytest.param(lambda: TEAM.add_business_time(NAIVE, H), id="add_business_time"),
        pytest.param(lambda: TEAM.business_time_between(NAIVE, berlin(2026, 12, 2)), id="start"),
        pytest.param(lambda: TEAM.business_time_between(berlin(2026, 12, 2), NAIVE), id="end"),
        pytest.param(lambda: out_of_hours_notice(TEAM, NAIVE, BERLIN), id="notice"),
        pytest.param(lambda: format_local(NAIVE, BERLIN, "en"), id="format_local"),
    ],
)
def test_naive_datetimes_are_refused(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call()


def test_yaml_settings_with_split_days_wrapping_week_and_unquoted_dates() -> None:
    dubai = BusinessCalendar.from_dict(
        yaml.safe_load(
            """
            timezone: Asia/Dubai
            hours:
              sun-thu: "09:00-13:00, 14:00-18:00"
              fri: closed
              sat: ["10:00-12:00"]
            holidays:
              - 2026-12-02
            """
        )
    )
    at = ZoneInfo("Asia/Dubai")
    assert dubai.is_open(datetime(2026, 12, 6, 10, 0, tzinfo=at))  # Sunday
    assert not dubai.is_open(datetime(2026, 12, 6, 13, 30, tzinfo=at))  # lunch
    assert not dubai.is_open(datetime(2026, 12, 4, 10, 0, tzinfo=at))  # Friday
    assert dubai.is_open(datetime(2026, 12, 5, 11, 0, tzinfo=at))  # Saturday
    assert not dubai.is_open(datetime(2026, 12, 2, 10, 0, tzinfo=at))  # holiday


def test_adjacent_intervals_and_midnight_close_make_a_full_day() -> None:
    monday = calendar("Europe/Berlin", {"mon": ["00:00-12:00", "12:00-24:00"]})
    assert monday.business_time_between(berlin(2026, 11, 30), berlin(2026, 12, 1)) == 24 * H


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hours": {"mon": "09:00-17:00"}}, "timezone: expected an IANA zone name, got None"),
        ({"timezone": "Mars/Olympus", "hours": {"mon": "09:00-17:00"}}, "'Mars/Olympus'"),
        ({"timezone": "UTC", "hours": {"funday": "09:00-17:00"}}, "unknown day 'funday'"),
        ({"timezone": "UTC", "hours": {"mon": "22:00-02:00"}}, "hours.mon: 22:00-02:00 crosses"),
        ({"timezone": "UTC", "hours": {"mon": "9am-5pm"}}, "hours.mon: '9am-5pm'"),
        ({"timezone": "UTC", "hours": {"mon": "09:00-25:00"}}, "hours.mon: '09:00-25:00'"),
        ({"timezone": "UTC", "hours": {"mon": "09:00-09:00"}}, "hours.mon: 09:00-09:00 is empty"),
        ({"timezone": "UTC", "hours": {"mon": "09:00-13:00,12:00-18:00"}}, "overlap"),
        ({"timezone": "UTC", "hours": {"mon": 540}}, "hours.mon: expected 'HH:MM-HH:MM', got 540"),
        ({"timezone": "UTC", "hours": {"mon-fri": "9:00-17:00", "fri": "closed"}}, "fri is given"),
        ({"timezone": "UTC", "hours": {"sat": "closed"}}, "every day is closed"),
        ({"timezone": "UTC", "hours": "mon-fri 9-17"}, "hours: expected a mapping"),
        (
            {"timezone": "UTC", "hours": {"mon": "09:00-17:00"}, "holidays": ["2026-13-01"]},
            "holidays[0]: '2026-13-01'",
        ),
        (
            {"timezone": "UTC", "hours": {"mon": "09:00-17:00"}, "holidays": "2026-12-25"},
            "holidays: expected a list",
        ),
        ({"timezone": "UTC", "hours": {"mon": "09:00-17:00"}, "holiday": []}, "['holiday']"),
    ],
)
def test_bad_settings_name_the_field_and_value(data: dict[str, Any], message: str) -> None:
    with pytest.raises(CalendarError, match=re.escape(message)):
        BusinessCalendar.from_dict(data)


def test_calendar_errors_belong_to_the_config_error_tree() -> None:
    assert issubclass(CalendarError, ConfigError)
    assert issubclass(CalendarError, ValueError)


def test_midnight_crossing_error_says_how_to_split_it() -> None:
    with pytest.raises(CalendarError, match=re.escape("'22:00-24:00' and '00:00-02:00'")):
        calendar("UTC", {"fri": "22:00-02:00"})


# --- The shopper's side: zone from country, time in their language ---


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("DE", "Europe/Berlin"),
        ("jp", "Asia/Tokyo"),
        (" us ", "America/New_York"),
        ("BR", "America/Sao_Paulo"),
        ("AU", "Australia/Sydney"),
        ("XX", "Europe/Madrid"),
        ("", "Europe/Madrid"),
        (None, "Europe/Madrid"),
    ],
)
def test_timezone_for_country_or_store_fallback(country: str | None, zone: str) -> None:
    assert timezone_for(country, fallback="Europe/Madrid") == ZoneInfo(zone)


def test_timezone_for_never_raises_even_with_a_broken_fallback() -> None:
    assert timezone_for("XX", fallback="Not/AZone") == ZoneInfo("UTC")


def test_every_listed_country_has_a_loadable_zone() -> None:
    assert len(COUNTRY_ZONES) >= 80
    for country, zone in COUNTRY_ZONES.items():
        assert re.fullmatch("[A-Z]{2}", country)
        assert timezone_for(country, fallback="UTC") == ZoneInfo(zone)


@pytest.mark.parametrize(
    ("code", "country"),
    [
        ("pt-br", "BR"),
        ("en-GB", "GB"),
        ("en_US", "US"),
        ("zh-hant-tw", "TW"),
        ("en", None),
        ("zh-hant", None),
        ("es-419", None),
        ("", None),
        (None, None),
    ],
)
def test_country_from_language_code(code: str | None, country: str | None) -> None:
    assert country_from_language_code(code) == country


MONDAY_MORNING = berlin(2025, 12, 1, 9, 0)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Monday 1 December, 09:00"),
        ("es", "lunes 1 de diciembre, 09:00"),
        ("fr", "lundi 1 décembre, 09:00"),
        ("de", "Montag, 1. Dezember, 09:00 Uhr"),
        ("it", "lunedì 1 dicembre, 09:00"),
        ("pt", "segunda-feira, 1 de dezembro, 09:00"),
        ("nl", "maandag 1 december, 09:00"),
        ("pl", "poniedziałek, 1 grudnia, 09:00"),
        ("ru", "понедельник, 1 декабря, 09:00"),
        ("tr", "1 Aralık Pazartesi, 09:00"),
        ("ja", "12月1日(月曜日) 09:00"),
        ("ko", "12월 1일 월요일 09:00"),
        ("zh", "12月1日 星期一 09:00"),
        ("ar", "الاثنين 1 ديسمبر، 09:00"),
        ("pt-BR", "segunda-feira, 1 de dezembro, 09:00"),
        ("xx", "Monday 1 December, 09:00"),
        (None, "Monday 1 December, 09:00"),
    ],
)
def test_format_local(language: str | None, text: str) -> None:
    assert format_local(MONDAY_MORNING, BERLIN, language) == text


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_language_names_all_days_and_months(language: str) -> None:
    week = [berlin(2026, 1, 5 + i, 12, 0) for i in range(7)]
    firsts = [berlin(2026, month, 1, 12, 0) for month in range(1, 13)]
    for moments in (week, firsts):
        assert len({format_local(m, BERLIN, language) for m in moments}) == len(moments)


def test_supported_languages() -> None:
    assert set("en es fr de it pt nl pl ru tr ja ko zh ar".split()) == LANGUAGES


SATURDAY_AFTERNOON = berlin(2025, 11, 29, 15, 30)  # after the Saturday shift, 23:30 in Tokyo


@pytest.mark.parametrize(
    ("language_code", "language", "shown"),
    [
        ("ja-jp", "en", "Monday 1 December, 17:00"),
        ("ja-jp", "ja", "12月1日(月曜日) 17:00"),
        ("pt-br", "pt", "segunda-feira, 1 de dezembro, 05:00"),
        ("en", "en", "Monday 1 December, 09:00"),  # no region: the store's zone
    ],
)
def test_out_of_hours_notice_shows_the_next_opening_in_the_shopper_zone(
    language_code: str, language: str, shown: str
) -> None:
    shopper_tz = timezone_for(country_from_language_code(language_code), "Europe/Berlin")
    notice = out_of_hours_notice(TEAM, SATURDAY_AFTERNOON, shopper_tz)
    assert notice == berlin(2025, 12, 1, 9, 0)
    assert notice is not None and notice.tzinfo == shopper_tz
    assert format_local(notice, shopper_tz, language) == shown


def test_tokyo_shopper_writing_on_a_berlin_saturday_sees_tokyo_time() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    notice = out_of_hours_notice(TEAM, datetime(2025, 11, 29, 23, 30, tzinfo=tokyo), tokyo)
    assert notice is not None
    assert notice.isoformat() == "2025-12-01T17:00:00+09:00"


def test_out_of_hours_notice_is_none_while_open() -> None:
    assert out_of_hours_notice(TEAM, berlin(2025, 11, 29, 11, 0), ZoneInfo("Asia/Tokyo")) is None


def test_out_of_hours_notice_skips_holidays() -> None:
    new_york = timezone_for("US", "Europe/Berlin")
    notice = out_of_hours_notice(TEAM, berlin(2026, 12, 25, 10, 0), new_york)
    assert notice is not None
    assert format_local(notice, new_york, "en") == "Monday 28 December, 03:00"
