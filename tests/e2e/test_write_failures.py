"""Disk full: a write that fails after Slack already shows a card never posts it twice,
and a failure that repeats is logged once with a count, not a traceback per retry."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.repeated_failures import RepeatedFailures
from bot.storage.schema import conversations
from handlers.inbound import resume_unprocessed
from tests.e2e.harness import running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
WHERE = "Where is my order #A10293? I ordered two weeks ago."
LEARNED = [(WHERE, "track_order")]


@contextmanager
def disk_full_once(engine: AsyncEngine, statement_start: str, column: str) -> Iterator[list[str]]:
    """The next write starting with ``statement_start`` and touching ``column`` fails as
    SQLite does on a full disk; yields the statements that failed."""
    failed: list[str] = []

    def full(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        if not failed and statement.startswith(statement_start) and column in statement:
            failed.append(statement)
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(engine.sync_engine, "before_cursor_execute", full)
    try:
        yield failed
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", full)


async def test_a_card_whose_reference_could_not_be_saved_is_not_posted_again(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        store = desk.runtime.ctx.store
        wal = tmp_path / "desk.sqlite3-wal"
        async with store.engine.begin() as conn:  # what filled the disk: the log grows
            await conn.exec_driver_sql("CREATE TABLE ballast (data BLOB)")
            await conn.exec_driver_sql("INSERT INTO ballast VALUES (randomblob(3000000))")
        assert wal.stat().st_size > 3_000_000
        with disk_full_once(store.engine, "UPDATE conversations", "card_ts") as failed:
            telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, language_code="en"))
            card = await desk.wait_card(timeout=10)
            await wait_until(lambda: failed, "the reference's write failing")

            async def processed() -> bool:
                return await store.unprocessed_inbound() == []

            await wait_until(processed, "the message handled once space returned", 10)
        await resume_unprocessed(desk.runtime.ctx)  # what the resume loop does every 30 s
        await wait_until(processed, "nothing left to resume")

        assert len(desk.inbox_cards()) == 1, "the card was posted a second time"
        async with store.engine.connect() as conn:
            saved = (await conn.execute(select(conversations.c.card_ts))).scalars().all()
        assert saved == [card["ts"]], "the card's place was not kept"
        # the runtime truncates the log every few seconds, so under load it can come a
        # little after the message was handled: the space must come back, not at once
        await wait_until(
            lambda: wal.stat().st_size < 1_000_000, "the log giving its space back", 15
        )
    assert "database or disk is full" in caplog.text


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_failure_repeating_is_logged_once_then_as_a_count(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    failures = RepeatedFailures(logging.getLogger("test.disk"), "outbox pass", clock=clock)
    with caplog.at_level(logging.INFO, "test.disk"):
        for second in range(38):  # 38 failures spread over one minute
            clock.now = second * 60 / 37
            failures.failed(sqlite3.OperationalError("database or disk is full"))
        failures.succeeded()
    assert [r.getMessage() for r in caplog.records] == [
        "outbox pass failed; retrying, further failures are counted",
        "outbox pass failed 37 times in the last minute; still retrying "
        "(last error: database or disk is full)",
        "outbox pass works again after 38 failure(s)",
    ]
    assert sum(r.exc_info is not None for r in caplog.records) == 1, "one traceback only"
