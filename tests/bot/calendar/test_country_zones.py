"""A shopper's zone from their country, read from the tz database and CLDR instead of a
written-out table: every country gets one of its own zones, and the countries that span
several get the one most of their people live in (issue 16)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from babel.core import get_global

from bot.calendar.countries import (
    COUNTRY_ZONES,
    MOST_PEOPLE,
    first_listed_zones,
    single_zone,
    timezone_for,
)


def cldr_zones(country: str) -> set[str]:
    """The country's zones as CLDR lists them, with their old names resolved."""
    aliases = get_global("zone_aliases")
    return {aliases.get(zone, zone) for zone in get_global("territory_zones")[country]}


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        # the zone the old hand-written table chose, where a country has several
        ("US", "America/New_York"),
        ("RU", "Europe/Moscow"),
        ("BR", "America/Sao_Paulo"),
        ("AU", "Australia/Sydney"),
        ("CA", "America/Toronto"),
        ("MX", "America/Mexico_City"),
        ("CN", "Asia/Shanghai"),
        ("ID", "Asia/Jakarta"),
        ("ES", "Europe/Madrid"),
        ("PT", "Europe/Lisbon"),
        ("CL", "America/Santiago"),
        ("AR", "America/Argentina/Buenos_Aires"),
        ("KZ", "Asia/Almaty"),
        ("EC", "America/Guayaquil"),
        ("NZ", "Pacific/Auckland"),
        ("UA", "Europe/Kyiv"),
        ("UZ", "Asia/Tashkent"),
        # and where it has one, under the country's own name for it
        ("FR", "Europe/Paris"),
        ("DE", "Europe/Berlin"),
        ("JP", "Asia/Tokyo"),
        ("SA", "Asia/Riyadh"),
        ("TR", "Europe/Istanbul"),
        ("NL", "Europe/Amsterdam"),
        ("IN", "Asia/Kolkata"),
    ],
)
def test_a_country_gets_the_zone_most_of_its_people_live_in(country: str, zone: str) -> None:
    assert COUNTRY_ZONES[country] == zone
    assert timezone_for(country.lower(), fallback="UTC") == ZoneInfo(zone)


def test_every_country_gets_one_of_its_own_zones() -> None:
    assert len(COUNTRY_ZONES) > 240  # every country, not the 95 the old table named
    wrong = {
        country: zone
        for country, zone in COUNTRY_ZONES.items()
        if zone not in cldr_zones(country) or ZoneInfo(zone).key != zone
    }
    assert not wrong


@pytest.mark.parametrize("country", sorted(MOST_PEOPLE))
def test_each_written_out_exception_overrides_the_tz_database(country: str) -> None:
    """An exception the tz database's own order already gives is one line too many."""
    assert MOST_PEOPLE[country] != first_listed_zones()[country]
    assert MOST_PEOPLE[country] in cldr_zones(country)


def test_a_country_newly_known_gets_its_zone_instead_of_the_store_one() -> None:
    """Albania and Cambodia were missing from the old table: shoppers there read the store's
    hours in the store's zone. Their country keeps one time, so now they read their own."""
    assert timezone_for("AL", fallback="Europe/Madrid") == ZoneInfo("Europe/Tirane")
    assert single_zone("AL") == "Europe/Tirane"
    assert single_zone("KH") == "Asia/Phnom_Penh"


def test_a_country_split_in_two_times_keeps_no_single_zone() -> None:
    """Congo-Kinshasa names two times, each for about half its people."""
    assert timezone_for("CD", fallback="UTC") == ZoneInfo("Africa/Kinshasa")
    assert single_zone("CD") is None
