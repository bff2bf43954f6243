"""Support hours as shoppers read them: their language, their zone when known, zone named."""

from __future__ import annotations

from datetime import date

import pytest

from scheduler.hours import BusinessCalendar
from scheduler.hours_text import describe_hours

BERLIN = BusinessCalendar.from_dict(
    {
        "timezone": "Europe/Berlin",
        "hours": {"mon-fri": "09:00-18:00", "sat": "10:00-14:00"},
        "holidays": ["2026-12-25"],
    }
)
DECEMBER = date(2026, 12, 9)


def describe(calendar: BusinessCalendar, language: str, **where: object) -> str:
    """``describe_hours`` with CLDR's thin spaces (around "–") written as plain ones."""
    shown = describe_hours(calendar, language, **where)  # type: ignore[arg-type]
    return shown.replace("\u2009", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Monday – Friday 09:00 – 18:00 and Saturday 10:00 – 14:00, Central European Time"),
        ("es", "lunes – viernes 9:00–18:00 y sábado 10:00–14:00, hora de Europa central"),
        (
            "de",
            "Montag – Freitag 09:00–18:00 Uhr und Samstag 10:00–14:00 Uhr, Mitteleuropäische Zeit",
        ),
        ("ja", "月曜日～金曜日 9時00分～18時00分、土曜日 10時00分～14時00分、中央ヨーロッパ時間"),
        (
            "pt-br",
            "segunda-feira – sexta-feira 09:00 – 18:00 e sábado 10:00 – 14:00, "
            "Horário da Europa Central",
        ),
        ("xx", "Monday – Friday 09:00 – 18:00 and Saturday 10:00 – 14:00, Central European Time"),
    ],
)
def test_hours_in_the_store_zone_are_named_in_the_shoppers_language(
    language: str, shown: str
) -> None:
    assert describe(BERLIN, language, week_of=DECEMBER) == shown


def test_hours_follow_the_clock_changes_of_the_week_they_are_shown_in() -> None:
    """New York moves its clocks three weeks before Berlin: 09:00 Berlin is 03:00 there in
    December and 04:00 in mid-March."""
    new_york = "America/New_York"
    december = describe(BERLIN, "en", week_of=DECEMBER, shopper_zone=new_york)
    march = describe(BERLIN, "en", week_of=date(2026, 3, 16), shopper_zone=new_york)
    assert december.startswith("Monday – Friday 03:00 – 12:00")
    assert december.endswith("Eastern Time")
    assert march.startswith("Monday – Friday 04:00 – 13:00")


def test_an_opening_past_the_shoppers_midnight_stays_one_opening() -> None:
    tokyo = BusinessCalendar.from_dict(
        {"timezone": "Asia/Tokyo", "hours": {"mon-fri": "10:00-19:00"}}
    )
    shown = describe(tokyo, "es", week_of=DECEMBER, shopper_zone="America/Mexico_City")
    assert shown == "domingo – jueves 19:00–4:00, hora central"
