"""Shifts round the clock on fixed clocks: agents in Berlin, Tokyo and Mexico City, with
holidays and leave; who is on for a language, who comes on next, and the day's gaps.

Monday 2026-12-07 is the reference week: Berlin is UTC+1, Tokyo UTC+9, Mexico City UTC-6.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.calendar.shifts import (
    DAY,
    base_language,
    gaps,
    next_agent,
    on_shift,
    pick,
    readers,
    roster_languages,
)
from bot.desk import load_desk
from bot.errors import ConfigError

ROSTER = """\
support:
  timezone: Europe/Berlin
  hours: {mon-fri: "09:00-18:00"}
  holidays: [2026-12-24]
agents:
  U0LENA0001:
    name: Lena
    languages: [de, en]
    leave: [2026-12-09, "2026-12-14..2026-12-15"]
  U0AIKO0001:
    name: Aiko
    languages: [ja, en]
    timezone: Asia/Tokyo
    hours: {mon-fri: "09:00-18:00"}
    holidays: [2026-12-08]
  U0KENJI001:
    name: Kenji
    languages: [ja]
    timezone: Asia/Tokyo
    hours: {mon-fri: "13:00-22:00"}
  U0MATEO001:
    name: Mateo
    languages: [es, en]
    timezone: America/Mexico_City
    hours: {mon-fri: "08:00-16:00"}
"""


def _utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def agents(tmp_path: Path) -> tuple:
    path = tmp_path / "desk.yaml"
    path.write_text(ROSTER, encoding="utf-8")
    return load_desk(path).agents


def _names(found: list) -> list[str]:
    return [agent.name for agent in found]


def test_who_is_on_depends_on_the_language_and_each_agents_zone(agents: tuple) -> None:
    # Monday 10:00 UTC: 19:00 in Tokyo (Kenji until 22:00), 11:00 Berlin, 04:00 Mexico
    now = _utc(7, 10)
    assert _names(on_shift(agents, "ja", now)) == ["Kenji"]
    assert _names(on_shift(agents, "en", now)) == ["Lena"]
    assert _names(on_shift(agents, "es", now)) == []  # Mateo starts at 14:00 UTC
    assert _names(on_shift(agents, "es", _utc(7, 14))) == ["Mateo"]
    # 02:00 UTC is 11:00 in Tokyo: both Japanese readers, and Aiko for English
    assert _names(on_shift(agents, "ja", _utc(7, 2))) == ["Aiko"]
    assert _names(on_shift(agents, "ja", _utc(7, 5))) == ["Aiko", "Kenji"]
    assert _names(on_shift(agents, "en", _utc(7, 2))) == ["Aiko"]


def test_a_language_nobody_reads_is_anyones_and_regions_are_the_language(agents: tuple) -> None:
    assert _names(readers(agents, "pl")) == ["Lena", "Aiko", "Kenji", "Mateo"]
    assert _names(on_shift(agents, "unknown", _utc(7, 10))) == ["Lena", "Kenji"]
    assert base_language("pt-BR") == "pt" and _names(readers(agents, "es-MX")) == ["Mateo"]
    assert roster_languages(agents) == ["de", "en", "es", "ja"]


def test_a_holiday_in_tokyo_is_not_one_in_berlin(agents: tuple) -> None:
    # Tuesday 2026-12-08 is Aiko's holiday: 02:00 UTC (11:00 Tokyo) has no Japanese reader
    tuesday = _utc(8, 2)
    assert _names(on_shift(agents, "ja", tuesday)) == []
    assert _names(on_shift(agents, "de", _utc(8, 10))) == ["Lena"]
    # Kenji comes on at 13:00 Tokyo, 04:00 UTC
    when, agent = next_agent(agents, "ja", tuesday) or (None, None)
    assert agent is not None and agent.name == "Kenji" and when == _utc(8, 4)


def test_leave_takes_an_agent_off_their_shifts(agents: tuple) -> None:
    assert _names(on_shift(agents, "de", _utc(9, 10))) == []  # Lena's day of leave
    when, agent = next_agent(agents, "de", _utc(9, 10)) or (None, None)
    assert agent is not None and when == _utc(10, 8)  # Thursday 09:00 Berlin
    # a range: Monday and Tuesday off, back on Wednesday
    assert next_agent(agents, "de", _utc(14, 10)) == (_utc(16, 8), agents[0])


def test_the_next_agent_is_now_when_one_is_on(agents: tuple) -> None:
    now = _utc(7, 10)
    assert next_agent(agents, "ja", now) == (now, agents[2])
    assert next_agent((), "ja", now) is None


def test_the_next_agent_after_a_friday_evening_is_monday_in_tokyo(agents: tuple) -> None:
    friday_night = _utc(11, 23)  # Saturday 08:00 in Tokyo: nobody Japanese until Monday
    when, agent = next_agent(agents, "ja", friday_night) or (None, None)
    assert agent is not None and agent.name == "Aiko"
    assert when == _utc(14, 0)  # Monday 09:00 Tokyo


def test_the_gap_report_for_the_next_24_hours(agents: tuple) -> None:
    start = _utc(7, 10)
    # Japanese: Kenji until 13:00 UTC; Tuesday is Aiko's holiday, so Kenji again at 04:00
    assert gaps(agents, "ja", start, start + DAY) == [(_utc(7, 13), _utc(8, 4))]
    # a day later Aiko is back: nobody from 13:00 UTC to her 09:00 in Tokyo (00:00 UTC)
    assert gaps(agents, "ja", start + DAY, start + 2 * DAY) == [(_utc(8, 13), _utc(9, 0))]
    # Spanish: only Mateo, 14:00-22:00 UTC
    assert gaps(agents, "es", start, start + DAY) == [
        (start, _utc(7, 14)),
        (_utc(7, 22), start + DAY),
    ]
    # English: Lena 08-17, Mateo 14-22 UTC; Aiko's holiday leaves 22:00 to Lena's 08:00
    assert gaps(agents, "en", start, start + DAY) == [(_utc(7, 22), _utc(8, 8))]
    # Tuesday into Wednesday: Aiko covers 00-09 UTC, but Wednesday is Lena's leave
    assert gaps(agents, "en", start + DAY, start + 2 * DAY) == [
        (_utc(8, 22), _utc(9, 0)),
        (_utc(9, 9), _utc(9, 10)),
    ]


def test_round_robin_takes_the_longest_unassigned_first(agents: tuple) -> None:
    both = [agents[1], agents[2]]
    assert pick(both, {}) is agents[1]  # nobody assigned yet: roster order
    assert pick(both, {"U0AIKO0001": _utc(7, 1)}) is agents[2]
    later = {"U0AIKO0001": _utc(7, 1), "U0KENJI001": _utc(7, 1) + timedelta(minutes=5)}
    assert pick(both, later) is agents[1]
    assert pick([], {}) is None


def test_shift_end_joins_back_to_back_openings(tmp_path: Path) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(
        "agents:\n  U0NIGHT001:\n    languages: [en]\n    timezone: UTC\n"
        '    hours: {mon: "20:00-24:00", tue: "00:00-04:00, 10:00-12:00"}\n',
        encoding="utf-8",
    )
    (night,) = load_desk(path).agents
    assert night.name == "U0NIGHT001"  # no name given: the id
    assert night.shift_end(_utc(7, 21)) == _utc(8, 4)
    assert night.shift_end(_utc(8, 5)) is None


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            "agents:\n  lena:\n    languages: [de]\n",
            2,
            "agents.lena: 'lena' is not a Slack user id",
        ),
        (
            "agents:\n  U0LENA0001:\n    languages: [german]\n",
            3,
            "agents.U0LENA0001.languages: 'german' is not a two-letter language code",
        ),
        (
            'agents:\n  U0LENA0001:\n    languages: [de]\n    leave: ["2026-12-40"]\n',
            4,
            "agents.U0LENA0001.leave: '2026-12-40' is not a YYYY-MM-DD date",
        ),
        (
            "agents:\n  U0LENA0001:\n    languages: [de]\n    timezone: Berlin\n",
            4,
            "agents.U0LENA0001.timezone: 'Berlin' is not an IANA zone name",
        ),
        (
            "agents:\n  U0LENA0001:\n    languages: [de]\n    shift: 9-5\n",
            2,
            "agents.U0LENA0001: unknown field(s) ['shift']",
        ),
        (
            "agents:\n  U0LENA0001:\n    name: Lena\n",
            2,
            "agents.U0LENA0001.languages: expected the languages the agent answers in",
        ),
    ],
)
def test_roster_mistakes_name_the_line_and_key(
    tmp_path: Path, text: str, line: int, expected: str
) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_desk(path)
    assert str(raised.value).startswith(f"{path}:{line}: {expected}"), str(raised.value)


def test_a_date_that_does_not_exist_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text("agents:\n  U0LENA0001:\n    languages: [de]\n    leave: [2026-12-40]\n")
    with pytest.raises(ConfigError, match="day is out of range for month"):
        load_desk(path)


def test_without_agents_the_desk_is_as_before() -> None:
    desk = load_desk(None)
    assert desk.agents == () and desk.unassigned_after == timedelta(minutes=30)
