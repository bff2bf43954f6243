"""The agents' reports through the runtime's scheduler and the fake Slack API (every call
checked against the published spec): each agent's work log in a direct message, once,
and the weekly team report with its chart in management's channel, once. The figures in
them are ``day_of_work``'s, worked out by hand there."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.calendar.hours import BusinessCalendar
from bot.calendar.shifts import Agent
from bot.desk import DEPARTMENTS, Department, Desk
from bot.storage.store import Store, sqlite_url
from tests.bot.storage.day_of_work import AIKO, LENA, day_of_work
from tests.e2e.harness import card_text, running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

MANAGEMENT = "C0MANAGE001"
CATCH_UP = "digest catch-up"  # the task bot/jobs.py starts with the desk
BERLIN = BusinessCalendar.from_dict(
    {"timezone": "Europe/Berlin", "hours": {"mon-sun": "00:00-24:00"}}
)
DESK = Desk(
    calendar=BERLIN,
    departments={
        name: Department(
            name=name,
            calendar=BERLIN,
            channel=MANAGEMENT if name == "management" else None,
            digest_hour=8,
        )
        for name in DEPARTMENTS
    },
    agents=(
        Agent(LENA, "Lena", frozenset({"de", "en"}), BERLIN),
        Agent(AIKO, "Aiko", frozenset({"ja", "en"}), BERLIN),
    ),
)
TUESDAY_9 = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)  # 09:00 in Berlin: Monday's logs are due
NEXT_MONDAY_9 = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)  # the week of 7-13 December is due


async def with_a_day_of_work(db: Path) -> None:
    store = await Store.open(sqlite_url(db))
    try:
        await day_of_work(store)
    finally:
        await store.close()


def direct_messages(slack_api: FakeSlackAPI) -> dict[str, list[dict[str, Any]]]:
    """The app's direct messages, by the user each conversations.open was for."""
    opened = {
        "D" + params["users"][1:].ljust(10, "0"): params["users"]
        for method, params in slack_api.calls
        if method == "conversations.open"
    }
    found: dict[str, list[dict[str, Any]]] = {}
    for message in slack_api.messages():
        if message["channel"] in opened:
            found.setdefault(opened[message["channel"]], []).append(message)
    return found


async def caught_up() -> None:
    await asyncio.gather(*(t for t in asyncio.all_tasks() if t.get_name() == CATCH_UP))


async def test_each_agent_gets_their_work_log_once_in_a_direct_message(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    await with_a_day_of_work(db)
    slack_api.add_user(LENA, "lena", "Lena Vogel")
    slack_api.add_user(AIKO, "aiko", "Aiko Sato")
    clock = lambda: TUESDAY_9  # noqa: E731
    async with running_desk(db, telegram_api, slack_api, desk=DESK, jobs=True, clock=clock) as desk:
        await caught_up()
        jobs = desk.runtime.jobs
        assert jobs is not None
        await asyncio.gather(jobs.run_work_logs(), jobs.run_work_logs())  # a double fire
    assert slack_api.violations == []
    logs = direct_messages(slack_api)
    assert sorted(logs) == [AIKO, LENA] and all(len(m) == 1 for m in logs.values())
    [lena], [aiko] = logs[LENA], logs[AIKO]
    assert lena["text"] == "Your day, Mon 7 Dec 2026 (Europe/Berlin): Lena"  # the notification
    shown = card_text(lena)
    for line in (
        "6 cards: 1 sent as is, 2 edited, 1 replaced, 1 escalated, 1 ignored",
        "First response median 20 min, 90th percentile 1 h (4 answered)",
        "Ratings: 2, average 3.0/5",
        "Low: 1/5 from ben: “slow”",
        "return_item: 2 of 2 rewritten (1 edited, 1 replaced)",
        "09:12 ana (de) where_is_order: edited",
        "Still open with you: 1",
        "hana (de) size_question",
        "waiting 18 h",  # since Monday 15:00
    ):
        assert line in shown, line
    shown = card_text(aiko)
    assert "3 cards: 3 sent as is" in shown
    assert "First response median 2 h, 90th percentile 13 h 30 min (3 answered)" in shown
    assert "Still open with you: 0" in shown
    # the management digest of the same morning: a line per agent, named as the desk file
    # names them (Slack gave "lena.v" with her clicks)
    [digest] = [m for m in slack_api.messages(MANAGEMENT) if "Management digest" in m["text"]]
    agents = card_text(digest).split("Agents")[1]
    assert "• Aiko: 3 cards: 3 sent as is" in agents and "• Lena: 6 cards" in agents
    assert "lena.v" not in agents


async def test_the_weekly_team_report_and_its_chart_go_to_management_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    await with_a_day_of_work(db)
    slack_api.add_user(LENA, "lena", "Lena Vogel")
    clock = lambda: NEXT_MONDAY_9  # noqa: E731
    async with running_desk(db, telegram_api, slack_api, desk=DESK, jobs=True, clock=clock) as desk:
        await caught_up()
        jobs = desk.runtime.jobs
        assert jobs is not None
        await jobs.run_weekly_report()  # the Monday fire after the catch-up at start
    assert slack_api.violations == []
    weekly = [m for m in slack_api.messages(MANAGEMENT) if "Team week" in m["text"]]
    assert [m["text"] for m in weekly] == [
        "Team week, Mon 07 Dec to Sun 13 Dec 2026 (Europe/Berlin)"
    ]
    shown = card_text(weekly[0])
    assert "Agents: 9 cards handled" in shown
    assert "Aiko: 3 cards: 3 sent as is; first response median 2 h" in shown
    assert (
        "Lena: 6 cards: 1 sent as is, 2 edited, 1 replaced, 1 escalated, 1 ignored; first "
        "response median 20 min, 90th percentile 1 h (4 answered); rated 3.0/5 by 2; "
        "1 assigned" in shown
    )
    assert "return_item: 2 of 2 rewritten (100%; Lena 2/2)" in shown
    assert "where_is_order: 1 of 4 rewritten (25%; Lena 1/2)" in shown
    [chart] = [u for u in slack_api.uploads if u["filename"].startswith("team-week")]
    assert chart["filename"] == "team-week-2026-12-07.png"
    assert chart["content"].startswith(b"\x89PNG") and chart["thread_ts"] == weekly[0]["ts"]
    # Sunday's log for Lena: nothing handled, but hana still waits with her
    assert [m["text"] for m in direct_messages(slack_api)[LENA]] == [
        "Your day, Sun 13 Dec 2026 (Europe/Berlin): Lena"
    ]


async def test_borderdesk_me_shows_the_asking_agent_their_day_so_far(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    await with_a_day_of_work(db)
    monday_17 = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # 17:00 in Berlin
    async with running_desk(
        db, telegram_api, slack_api, desk=DESK, clock=lambda: monday_17
    ) as desk:
        status, lena = await desk.command("me", user_id=LENA, user_name="lena")
        _, aiko = await desk.command("me", user_id=AIKO, user_name="aiko")
        _, stranger = await desk.command("me", user_id="U0NOBODY01", user_name="nobody")
    assert status == 200
    assert lena.startswith("Your day so far, Mon 7 Dec 2026 (Europe/Berlin): Lena")
    assert "6 cards: 1 sent as is, 2 edited, 1 replaced, 1 escalated, 1 ignored" in lena
    assert "First response median 20 min, 90th percentile 1 h (4 answered)" in lena
    assert "Ratings" not in lena  # ana and ben rate at 18:00 and 19:00, after now
    assert "Still open with you: 1" in lena and "waiting 2 h" in lena  # hana, since 15:00
    assert "3 cards: 3 sent as is" in aiko and "Lena" not in aiko
    assert stranger == (
        "Your day so far, Mon 7 Dec 2026 (Europe/Berlin): U0NOBODY01: nothing handled, "
        "nothing open with you."
    )
