"""Which countries keep one time in practice, read from the time-zone data (Babel's zones
per country and their CLDR metazones), not from a hand-written list."""

from __future__ import annotations

import pytest

from bot.calendar.countries import COUNTRY_ZONES, single_zone


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("ES", "Europe/Madrid"),  # the Canaries aside
        ("PT", "Europe/Lisbon"),  # the Azores aside
        ("CL", "America/Santiago"),  # Easter Island aside
        ("NZ", "Pacific/Auckland"),  # the Chathams aside
        ("DE", "Europe/Berlin"),  # Büsingen keeps German time
        ("JP", "Asia/Tokyo"),
        ("KZ", "Asia/Almaty"),  # seven zones, one time since March 2024
        ("gb", "Europe/London"),
    ],
)
def test_a_country_keeping_one_time_has_its_zone(country: str, zone: str) -> None:
    assert single_zone(country) == zone


@pytest.mark.parametrize("country", ["US", "CA", "MX", "BR", "RU", "AU", "ID"])
def test_a_country_spanning_several_times_has_none(country: str) -> None:
    """Its entry in COUNTRY_ZONES is where most of its people live: a guess, not a fact."""
    assert country in COUNTRY_ZONES and single_zone(country) is None


def test_an_unknown_or_missing_country_has_none() -> None:
    assert single_zone("XX") is None and single_zone("") is None and single_zone(None) is None
