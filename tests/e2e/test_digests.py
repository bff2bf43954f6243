"""Daily digests and spike alerts through the runtime's scheduler and the fake Slack API
(messages and the chart upload checked against the published spec)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.calendar.hours import BusinessCalendar
from bot.desk import DEPARTMENTS, Department, Desk
from tests.e2e.harness import running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.scheduler.test_digest import DAY, Shop, fill_logistics_week
from tests.scheduler.test_spikes import burst, steady

LOGISTICS = "C0LOGIST001"
CATCH_UP = "digest catch-up"  # the task bot/jobs.py starts with the desk
TOKYO_CALENDAR = BusinessCalendar.from_dict(
    {"timezone": "Asia/Tokyo", "hours": {"mon-sun": "00:00-24:00"}}
)
DESK = Desk(
    calendar=TOKYO_CALENDAR,
    departments={
        name: Department(
            name=name,
            calendar=TOKYO_CALENDAR,
            channel=LOGISTICS if name == "logistics" else None,
            digest_hour=8,
        )
        for name in DEPARTMENTS
    },
)
TUESDAY_9_TOKYO = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)  # Monday's digests are due at 08:00


def digests_posted(slack_api: FakeSlackAPI) -> list[dict[str, object]]:
    return [m for m in slack_api.messages(LOGISTICS) if "digest" in str(m.get("text", ""))]


async def test_the_digest_and_its_chart_are_posted_once_despite_restarts_and_double_fires(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with Shop.opened(db) as shop:
        await fill_logistics_week(shop)
    clock = lambda: TUESDAY_9_TOKYO  # noqa: E731
    async with running_desk(db, telegram_api, slack_api, desk=DESK, jobs=True, clock=clock) as desk:
        [upload] = await slack_api.wait_for("files.completeUploadExternal")
        [digest] = digests_posted(slack_api)
        assert "Logistics digest, Mon 2 Mar 2026" in str(digest["text"])
        assert "delivery delay" in str(digest["blocks"])
        [(name, content)] = [(u["filename"], u["content"]) for u in slack_api.uploads]
        assert name == f"logistics-{DAY.isoformat()}.png" and content.startswith(b"\x89PNG")
        assert upload  # the chart went through the files upload API
        jobs = desk.runtime.jobs
        assert jobs is not None
        await asyncio.gather(jobs.run_digest("logistics"), jobs.run_digest("logistics"))
    async with running_desk(db, telegram_api, slack_api, desk=DESK, jobs=True, clock=clock):
        # the catch-up at start finds it posted (stopping the desk would cancel it: wait)
        await asyncio.gather(*(t for t in asyncio.all_tasks() if t.get_name() == CATCH_UP))
    assert len(digests_posted(slack_api)) == 1
    assert len(slack_api.uploads) == 1


async def test_a_spike_is_raised_once_in_the_department_channel(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    async with Shop.opened(db) as shop:
        await steady(shop, 1)
        await burst(shop, now, 7, carrier="DHL")
    async with running_desk(
        db, telegram_api, slack_api, desk=DESK, jobs=True, clock=lambda: now
    ) as desk:
        jobs = desk.runtime.jobs
        assert jobs is not None
        assert await jobs.check_spikes() == 1
        assert await jobs.check_spikes() == 0
        [alert] = [m for m in slack_api.messages(LOGISTICS) if "Spike" in str(m.get("text"))]
        assert "8 problems" in str(alert["text"]) and "carrier DHL (7)" in str(alert["text"])
