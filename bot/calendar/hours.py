"""Opening hours of a team in its own time zone, and business-time arithmetic over them.

Response-time targets are promised in business hours, so a shopper who writes on Saturday
evening is due an answer on Monday morning, and Christmas does not count against the team.
Everything here is a pure function of the moments it is given; nothing reads a clock.

All arithmetic runs on UTC instants. Opening hours are wall-clock times in the team's zone,
turned into UTC one local day at a time: a 09:00-18:00 day lasts nine real hours even when
the clocks change that night, and a 00:00-24:00 day lasts 23 or 25 hours on those days.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_INDEX = {name: i for names in (DAY_NAMES, _FULL_NAMES) for i, name in enumerate(names)}
_INTERVAL = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_MINUTES_PER_DAY = 24 * 60
_ONE_DAY = timedelta(days=1)


class CalendarError(ConfigError, ValueError):
    """Business hours cannot be understood; the message names the field and the value."""


class Interval(NamedTuple):
    """One opening on a day, in minutes after local midnight; ``end`` may be 1440 (24:00)."""

    start: int
    end: int

    def __str__(self) -> str:
        return "-".join(f"{m // 60:02d}:{m % 60:02d}" for m in self)


def aware_utc(moment: datetime, name: str) -> datetime:
    """``moment`` as UTC; a naive datetime is refused, since its zone would be a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"{name} must be timezone-aware, got naive {moment.isoformat()}; "
            "pass e.g. datetime.now(UTC) or attach a ZoneInfo"
        )
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class BusinessCalendar:
    """When a team answers: weekly hours in its IANA zone, minus holidays.

    Usage::

        >>> office = BusinessCalendar.from_dict({
        ...     "timezone": "Europe/Berlin",
        ...     "hours": {"mon-fri": "09:00-18:00", "sat": "10:00-14:00"},
        ...     "holidays": ["2026-12-25", "2026-12-26"],
        ... })
        >>> christmas_eve = datetime(2026, 12, 24, 19, 0, tzinfo=ZoneInfo("Europe/Berlin"))
        >>> office.is_open(christmas_eve)
        False
        >>> office.next_opening(christmas_eve).isoformat()
        '2026-12-28T09:00:00+01:00'
        >>> office.add_business_time(christmas_eve, timedelta(hours=2)).isoformat()
        '2026-12-28T11:00:00+01:00'

    Returned moments are expressed in the team's zone; compare them freely with moments in
    any other zone.
    """

    timezone: str
    weekly: tuple[tuple[Interval, ...], ...]  # seven days, Monday first
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise CalendarError(
                f"timezone: {self.timezone!r} is not an IANA zone name (e.g. 'Europe/Berlin')"
            ) from exc
        if len(self.weekly) != 7:
            raise CalendarError(f"hours: expected 7 days, got {len(self.weekly)}")
        for day_name, intervals in zip(DAY_NAMES, self.weekly, strict=True):
            _check_day(day_name, intervals)
        if not any(self.weekly):
            raise CalendarError("hours: every day is closed; open at least one interval")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinessCalendar:
        """Read the settings form: ``{"timezone": ..., "hours": {...}, "holidays": [...]}``.

        Day keys are ``mon``..``sun``, ranges (``mon-fri``, ``sun-thu``) or lists
        (``sat,sun``); values are ``"09:00-13:00, 14:00-18:00"``, a list of those, or
        ``"closed"``. Days not mentioned are closed.
        """
        unknown = sorted(set(data) - {"timezone", "hours", "holidays"})
        if unknown:
            raise CalendarError(f"unknown field(s) {unknown}; expected timezone, hours, holidays")
        zone_name = data.get("timezone")
        if not isinstance(zone_name, str) or not zone_name:
            raise CalendarError(f"timezone: expected an IANA zone name, got {zone_name!r}")
        hours = data.get("hours")
        if not isinstance(hours, Mapping):
            raise CalendarError(f"hours: expected a mapping of days to hours, got {hours!r}")
        weekly: list[tuple[Interval, ...] | None] = [None] * 7
        for days_spec, value in hours.items():
            intervals = _parse_intervals(f"hours.{days_spec}", value)
            for index in _parse_days(str(days_spec)):
                if weekly[index] is not None:
                    raise CalendarError(f"hours.{days_spec}: {DAY_NAMES[index]} is given twice")
                weekly[index] = intervals
        holidays = data.get("holidays") or []
        if not isinstance(holidays, list | tuple):
            raise CalendarError(f"holidays: expected a list of YYYY-MM-DD dates, got {holidays!r}")
        return cls(
            timezone=zone_name,
            weekly=tuple(day or () for day in weekly),
            holidays=frozenset(_parse_date(f"holidays[{i}]", v) for i, v in enumerate(holidays)),
        )

    @property
    def zone(self) -> ZoneInfo:
        """The team's zone (zoneinfo caches instances, so this is cheap)."""
        return ZoneInfo(self.timezone)

    def is_open(self, now: datetime) -> bool:
        """Whether the team is working at ``now``; opening is inclusive, closing exclusive."""
        instant = aware_utc(now, "now")
        for opens, closes in self._openings_around(instant):
            if opens > instant:
                return False
            if instant < closes:
                return True
        raise AssertionError("unreachable: the openings never end")

    def next_opening(self, now: datetime) -> datetime:
        """The first moment at or after ``now`` when the team is open (``now`` if open)."""
        instant = aware_utc(now, "now")
        for opens, closes in self._openings_around(instant):
            if instant < closes:
                return max(opens, instant).astimezone(self.zone)
        raise AssertionError("unreachable: the openings never end")

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest moment by which ``duration`` of open time has passed since ``start``.

        Ending exactly at a closing time returns the closing time, not the next opening.
        """
        instant = aware_utc(start, "start")
        if duration < timedelta(0):
            raise ValueError(f"duration must not be negative, got {duration}")
        remaining = duration
        if not remaining:
            return instant.astimezone(self.zone)
        for opens, closes in self._openings_around(instant):
            begin = max(opens, instant)
            if begin >= closes:
                continue
            if remaining <= closes - begin:
                return (begin + remaining).astimezone(self.zone)
            remaining -= closes - begin
        raise AssertionError("unreachable: the openings never end")

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Open time from ``start`` to ``end``; negative when ``end`` comes first."""
        first, last = aware_utc(start, "start"), aware_utc(end, "end")
        if last < first:
            return -self.business_time_between(end, start)
        total = timedelta(0)
        for opens, closes in self._openings_around(first):
            if opens >= last:
                return total
            total += max(timedelta(0), min(closes, last) - max(opens, first))
        raise AssertionError("unreachable: the openings never end")

    def openings(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """The open stretches that overlap ``start``..``end``, as UTC (open, close) pairs in
        order, cut to that window: what a shift roster lays side by side."""
        first, last = aware_utc(start, "start"), aware_utc(end, "end")
        found: list[tuple[datetime, datetime]] = []
        for opens, closes in self._openings_around(first):
            if opens >= last:
                return found
            if closes > first:
                found.append((max(opens, first), min(closes, last)))
        raise AssertionError("unreachable: the openings never end")

    def _openings_around(self, instant: datetime) -> Iterator[tuple[datetime, datetime]]:
        """UTC (open, close) pairs in order, forever, from the local day before ``instant``.

        Starting a day early costs little and stays right in zones whose clocks change at
        midnight. The loop always ends: at least one weekday is open, holidays are finite.
        """
        zone = self.zone
        day = instant.astimezone(zone).date() - _ONE_DAY
        while True:
            if day not in self.holidays:
                midnight = datetime.combine(day, time(), tzinfo=zone)
                for interval in self.weekly[day.weekday()]:
                    # Wall-clock addition on purpose: the offset is resolved afterwards.
                    opens = midnight + timedelta(minutes=interval.start)
                    closes = midnight + timedelta(minutes=interval.end)
                    yield opens.astimezone(UTC), closes.astimezone(UTC)
            day += _ONE_DAY


def out_of_hours_notice(
    calendar: BusinessCalendar, now: datetime, shopper_tz: tzinfo
) -> datetime | None:
    """When a shopper writing at ``now`` will hear back, in their zone; None while open.

    Render the result with ``bot.calendar.countries.format_local`` in the shopper's language.
    """
    if calendar.is_open(now):
        return None
    return calendar.next_opening(now).astimezone(shopper_tz)


def _parse_days(spec: str) -> list[int]:
    """``"mon-fri"`` -> [0..4]; ``"sun-thu"`` wraps over the weekend; ``"sat,sun"`` lists."""
    days: list[int] = []
    for part in spec.lower().split(","):
        ends = [name.strip() for name in part.split("-")]
        if len(ends) > 2 or any(name not in _DAY_INDEX for name in ends):
            raise CalendarError(
                f"hours: unknown day {part.strip()!r} in {spec!r}; "
                "use mon..sun, a range like 'mon-fri' or a list like 'sat,sun'"
            )
        first, last = _DAY_INDEX[ends[0]], _DAY_INDEX[ends[-1]]
        days.extend((first + step) % 7 for step in range((last - first) % 7 + 1))
    return days


def _parse_intervals(field: str, value: Any) -> tuple[Interval, ...]:
    """``"09:00-13:00, 14:00-18:00"`` or a list of such strings; ``"closed"`` or empty -> ()."""
    parts = value if isinstance(value, list | tuple) else [value]
    intervals: list[Interval] = []
    for part in parts:
        if not isinstance(part, str):
            raise CalendarError(
                f"{field}: expected 'HH:MM-HH:MM', got {part!r} (quote the value in YAML)"
            )
        for text in part.split(","):
            if text.strip().lower() in ("", "closed"):
                continue
            match = _INTERVAL.match(text)
            if match is None:
                raise CalendarError(f"{field}: {text.strip()!r} is not of the form 'HH:MM-HH:MM'")
            h1, m1, h2, m2 = (int(group) for group in match.groups())
            if any(h > 24 or m > 59 or (h == 24 and m) for h, m in ((h1, m1), (h2, m2))):
                raise CalendarError(f"{field}: {text.strip()!r} is not a time of day")
            intervals.append(Interval(h1 * 60 + m1, h2 * 60 + m2))
    return tuple(sorted(intervals))


def _check_day(day_name: str, intervals: tuple[Interval, ...]) -> None:
    """Each interval inside one day and non-empty; intervals sorted and not overlapping."""
    for interval in intervals:
        if interval.end < interval.start:
            raise CalendarError(
                f"hours.{day_name}: {interval} crosses midnight; split it into "
                f"'{Interval(interval.start, _MINUTES_PER_DAY)}' and "
                f"'{Interval(0, interval.end)}' on the next day"
            )
        if not 0 <= interval.start < interval.end <= _MINUTES_PER_DAY:
            raise CalendarError(f"hours.{day_name}: {interval} is empty or not within a day")
    for before, after in zip(intervals, intervals[1:], strict=False):
        if after.start < before.end:
            raise CalendarError(f"hours.{day_name}: {before} and {after} overlap or are unsorted")


def _parse_date(field: str, value: Any) -> date:
    """YAML already turns an unquoted 2026-12-25 into a date; strings are parsed here."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CalendarError(f"{field}: {value!r} is not a YYYY-MM-DD date") from exc
