"""The agents in the management digest, the work logs' days in each agent's own zone,
and the weekly report's week, on a real SQLite database with ``day_of_work``'s figures
(worked out by hand there)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.calendar.hours import BusinessCalendar
from bot.calendar.shifts import Agent
from bot.errors import ChannelRejected
from bot.reports import Report
from bot.storage.store import Store, sqlite_url
from handlers.agents import post_work_logs
from scheduler.agent_reports import week_of
from scheduler.digest_render import render_management
from scheduler.management_report import build_management_digest
from tests.bot.storage.day_of_work import AIKO, BERLIN, DAY, LENA, NAMES, day_of_work

TUESDAY_9 = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)  # 09:00 in Berlin, 17:00 in Tokyo


def agent(user_id: str, timezone: str) -> Agent:
    calendar = BusinessCalendar.from_dict(
        {"timezone": timezone, "hours": {"mon-fri": "09:00-18:00"}}
    )
    return Agent(user_id, NAMES[user_id], frozenset({"en"}), calendar)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(tmp_path / "desk.sqlite3"))
    try:
        await day_of_work(opened)
        yield opened
    finally:
        await opened.close()


async def test_the_management_digest_has_a_line_per_agent(store: Store) -> None:
    digest = await build_management_digest(store.engine, DAY, BERLIN, names=NAMES)
    assert [f.name for f in digest.agents] == ["Aiko", "Lena"]
    report = render_management(digest)
    [agents] = [part for part in report.parts if part.heading == "Agents"]
    assert agents.lines == (
        "Aiko: 3 cards: 3 sent as is; first response median 2 h, 90th percentile 13 h 30 min "
        "(3 answered); no ratings",
        "Lena: 6 cards: 1 sent as is, 2 edited, 1 replaced, 1 escalated, 1 ignored; first "
        "response median 20 min, 90th percentile 1 h (4 answered); rated 3.0/5 by 2; "
        "1 assigned",
    )
    # the store-wide figures beside them are the digest's own, unchanged
    assert "Shopper ratings: 2, average 3.0/5" in report.text


async def test_work_logs_count_each_agents_day_in_their_own_zone_once(store: Store) -> None:
    posted: list[Report] = []

    async def post(report: Report) -> None:
        posted.append(report)

    team = [agent(LENA, "Europe/Berlin"), agent(AIKO, "Asia/Tokyo")]
    zone = ZoneInfo("Europe/Berlin")
    assert await post_work_logs(store, team, TUESDAY_9, post, zone=zone) == [AIKO, LENA]
    aiko, lena = posted
    # Monday in Tokyo ends at 16:00 in Berlin: fay's reply at 16:00 is Tuesday's there
    assert aiko.title == "Your day, Mon 7 Dec 2026 (Asia/Tokyo): Aiko"
    assert "2 cards: 2 sent as is" in aiko.text and aiko.to_person == AIKO
    assert "17:30 ivy (de) where_is_order: sent as is" in aiko.text  # 09:30 in Berlin
    assert lena.title == "Your day, Mon 7 Dec 2026 (Europe/Berlin): Lena"
    assert "6 cards" in lena.text and lena.to_person == LENA
    assert await post_work_logs(store, team, TUESDAY_9, post, zone=zone) == []
    assert len(posted) == 2


async def test_a_person_the_workspace_cannot_reach_does_not_stop_the_others(
    store: Store,
) -> None:
    posted: list[str] = []

    async def post(report: Report) -> None:
        if report.to_person == LENA:
            raise ChannelRejected("user_not_found")
        posted.append(str(report.to_person))

    team = [agent(LENA, "Europe/Berlin"), agent(AIKO, "Europe/Berlin")]
    zone = ZoneInfo("Europe/Berlin")
    assert await post_work_logs(store, team, TUESDAY_9, post, zone=zone) == [AIKO]
    assert posted == [AIKO]

    async def reachable(report: Report) -> None:
        posted.append(str(report.to_person))

    # Lena's claim was released: the next run gives her the log
    assert await post_work_logs(store, team, TUESDAY_9, reachable, zone=zone) == [LENA]


def test_the_weekly_report_is_of_the_last_whole_week() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    monday_early = datetime(2026, 12, 13, 23, 30, tzinfo=UTC)  # Mon 14 Dec 00:30 in Berlin
    assert week_of(monday_early, berlin) == date(2026, 12, 7)
    sunday_late = datetime(2026, 12, 13, 22, 30, tzinfo=UTC)  # Sun 13 Dec 23:30 in Berlin
    assert week_of(sunday_late, berlin) == date(2026, 11, 30)
