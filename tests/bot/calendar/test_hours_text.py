"""Support hours as shoppers read them: their language, their zone when known, zone named.

Native reviewers' findings (issue 15) are pinned here by name: an opening that crosses the
shopper's midnight says so, zone names read as a time in every language, and the shopper's
country picks the locale's variant (12-hour American English).
"""

from __future__ import annotations

from datetime import date

import pytest
from babel import Locale

from bot.calendar.hours import BusinessCalendar
from bot.calendar.hours_text import describe_hours, shopper_locale
from bot.calendar.zone_names import zone_name

BERLIN = BusinessCalendar.from_dict(
    {
        "timezone": "Europe/Berlin",
        "hours": {"mon-fri": "09:00-18:00", "sat": "10:00-14:00"},
        "holidays": ["2026-12-25"],
    }
)
WEEKDAYS = BusinessCalendar.from_dict(
    {"timezone": "Europe/Berlin", "hours": {"mon-fri": "09:00-18:00"}}
)
DECEMBER = date(2026, 12, 9)


def describe(
    calendar: BusinessCalendar, language: str, week_of: date = DECEMBER, **where: str | None
) -> str:
    """``describe_hours`` with CLDR's thin spaces (around "–") written as plain ones."""
    shown = describe_hours(calendar, language, week_of=week_of, **where)
    return shown.replace("\u2009", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Monday – Friday 09:00–18:00 and Saturday 10:00–14:00, Central European Time"),
        ("es", "lunes – viernes 9:00–18:00 y sábado 10:00–14:00, hora de Europa central"),
        (
            "de",
            "Montag – Freitag 09:00–18:00 Uhr und Samstag 10:00–14:00 Uhr, Mitteleuropäische Zeit",
        ),
        ("ja", "月曜日～金曜日 9:00～18:00、土曜日 10:00～14:00、中央ヨーロッパ時間"),
        (
            "pt-br",
            "segunda-feira – sexta-feira 09:00 – 18:00 e sábado 10:00 – 14:00, "
            "horário da Europa Central",
        ),
        ("xx", "Monday – Friday 09:00–18:00 and Saturday 10:00–14:00, Central European Time"),
    ],
)
def test_hours_in_the_store_zone_are_named_in_the_shoppers_language(
    language: str, shown: str
) -> None:
    assert describe(BERLIN, language) == shown


def test_hours_follow_the_clock_changes_of_the_week_they_are_shown_in() -> None:
    """New York moves its clocks three weeks before Berlin: 09:00 Berlin is 03:00 there in
    December and 04:00 in mid-March."""
    new_york = "America/New_York"
    december = describe(BERLIN, "en", shopper_zone=new_york)
    march = describe(BERLIN, "en", week_of=date(2026, 3, 16), shopper_zone=new_york)
    assert december.startswith("Monday – Friday 03:00–12:00")
    assert december.endswith("Eastern Time")
    assert march.startswith("Monday – Friday 04:00–13:00")


# Berlin's 09:00-18:00 in Tokyo: 17:00 to 02:00 the next morning, in every language.
TOKYO_NEXT_DAY = {
    "en": "Monday – Friday 17:00–02:00 the next day, Japan Time",
    "es": "lunes – viernes 17:00–2:00 del día siguiente, hora de Japón",
    "fr": "lundi – vendredi 17:00 – 02:00 le lendemain, heure du Japon",
    "de": "Montag – Freitag 17:00–02:00 Uhr am Folgetag, Japanische Zeit",
    "it": "lunedì – venerdì 17:00–02:00 del giorno dopo, ora del Giappone",
    "pt": "segunda-feira – sexta-feira 17:00 – 02:00 do dia seguinte, horário do Japão",
    "nl": "maandag – vrijdag 17:00–02:00 de volgende dag, Japanse tijd",
    "pl": "poniedziałek – piątek 17:00–02:00 następnego dnia, czas japoński",
    "ru": "понедельник — пятница 17:00—02:00 следующего дня по японскому времени",
    "tr": "Pazartesi – Cuma 17:00 – ertesi gün 02:00, Japonya Saati",
    "ja": "月曜日～金曜日 17:00～翌2:00、日本時間",
    "ko": "월요일 ~ 금요일 17:00 ~ 익일 02:00, 일본 시간",
    "zh": "星期一 – 星期五 17:00–次日02:00，日本时间",
    "ar": "الاثنين – الجمعة 17:00–02:00 من اليوم التالي، توقيت اليابان",
}


@pytest.mark.parametrize(("language", "shown"), sorted(TOKYO_NEXT_DAY.items()))
def test_hours_crossing_the_shoppers_midnight_end_on_the_next_day(
    language: str, shown: str
) -> None:
    """Native review: "月曜日～金曜日 17時00分～2時00分" read as closing at 2 in the morning
    before opening at 17; the end now says it is the next day, in each language's words."""
    assert describe(WEEKDAYS, language, shopper_zone="Asia/Tokyo") == shown


def test_hours_ending_at_the_shoppers_midnight_close_with_the_day() -> None:
    """Berlin's 17:00-20:00 is 21:00 to midnight in Karachi: no "next day" for a closing at
    midnight, and one a minute later is on the next day."""
    late = BusinessCalendar.from_dict(
        {"timezone": "Europe/Berlin", "hours": {"mon-fri": "17:00-20:00"}}
    )
    later = BusinessCalendar.from_dict(
        {"timezone": "Europe/Berlin", "hours": {"mon-fri": "17:00-20:01"}}
    )
    karachi = "Asia/Karachi"
    assert describe(late, "en", shopper_zone=karachi) == (
        "Monday – Friday 21:00–00:00, Pakistan Time"
    )
    assert describe(later, "en", shopper_zone=karachi) == (
        "Monday – Friday 21:00–00:01 the next day, Pakistan Time"
    )


def test_an_opening_past_the_shoppers_midnight_stays_on_the_day_it_starts() -> None:
    """Tokyo's Monday 10:00 is Sunday 19:00 in Mexico City: the weekdays move with it."""
    tokyo = BusinessCalendar.from_dict(
        {"timezone": "Asia/Tokyo", "hours": {"mon-fri": "10:00-19:00"}}
    )
    shown = describe(tokyo, "es", shopper_zone="America/Mexico_City")
    assert shown == "domingo – jueves 19:00–4:00 del día siguiente, hora central"


def test_an_american_shopper_reads_12_hour_times_and_others_24_hour() -> None:
    """en for a US shopper is en_US; English anywhere else, or for nobody known, en_GB."""
    us = describe(BERLIN, "en", country="US")
    assert us == (
        "Monday – Friday 9:00 AM – 6:00 PM and Saturday 10:00 AM – 2:00 PM, Central European Time"
    )
    assert describe(WEEKDAYS, "en", shopper_zone="Asia/Tokyo", country="US") == (
        "Monday – Friday 5:00 PM – 2:00 AM the next day, Japan Time"
    )
    for country in (None, "GB", "DE", "XX"):
        assert describe(BERLIN, "en", country=country).startswith("Monday – Friday 09:00–18:00")


def test_the_shoppers_country_picks_the_variant_of_their_language() -> None:
    assert str(shopper_locale("pt", "PT")) == "pt_PT"
    assert str(shopper_locale("pt-br", "PT")) == "pt_BR"  # the language's own region wins
    assert str(shopper_locale("en")) == "en_GB"
    # Taiwan's Chinese is written in traditional characters: not inside a simplified answer
    assert str(shopper_locale("zh", "TW")) == "zh"
    lisbon = describe(BERLIN, "pt", shopper_zone="Europe/Lisbon", country="PT")
    assert lisbon.endswith(", hora da Europa Ocidental")


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        # Russian names are the place alone: said as a time
        # Russian says "по ... времени", not "время: Центральная Европа" (a place)
        ("Europe/Berlin", "ru", "по центральноевропейскому времени"),
        ("Europe/Moscow", "ru", "по московскому времени"),
        # a place with no such adjective is named as the time zone it is; not Babel's
        # "ОАЭ, летнее время" in December
        ("Asia/Dubai", "ru", "часовой пояс: ОАЭ"),
        ("Europe/London", "ru", "по британскому времени"),
        # Polish "czas Japonia" reads as a place: "czas japoński", or the zone named
        ("Asia/Tokyo", "pl", "czas japoński"),
        ("Asia/Riyadh", "pl", "strefa czasowa: Arabia Saudyjska"),
        ("Europe/Berlin", "pl", "czas środkowoeuropejski"),
        # a region nobody in the country calls their time: the country's time instead
        ("Asia/Riyadh", "ar", "توقيت المملكة العربية السعودية"),
        ("Africa/Cairo", "ar", "توقيت مصر"),
        ("Asia/Bangkok", "en", "Thailand Time"),
        ("America/Costa_Rica", "es", "hora de Costa Rica"),
        # two countries sharing a time keep its usual name
        ("Asia/Seoul", "ko", "한국 시간"),
        # ...but Europe's shared times are how Europeans name their clock
        ("Europe/Athens", "en", "Eastern European Time"),
        # and a country of several times is never "United States Time"
        ("America/Chicago", "en", "Central Time"),
        # German's pattern for a country's time has brackets: the metazone's name stays
        ("Asia/Riyadh", "de", "Arabische Zeit"),
        # Portuguese and Italian start lower-case in a sentence; places keep their capitals
        ("Europe/Berlin", "pt", "horário da Europa Central"),
        ("Europe/Berlin", "it", "ora dell’Europa centrale"),
    ],
)
def test_zone_names_read_as_a_time_of_day(zone: str, language: str, name: str) -> None:
    assert zone_name(zone, Locale.parse(language)) == name
