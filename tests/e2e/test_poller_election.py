"""Which desk process polls Telegram, in process: the runtime switches the real Telegram
channel with the election of ``bot.storage.leader`` (issue 17).

Desks on one PostgreSQL database (each test its own, from ``tests/bot/storage/databases.py``:
skipped, saying why, without a server; failed under ``CI=true``) against the fake Telegram,
which ends a getUpdates when a second live one arrives and counts it in
``poll_conflicts``, as Telegram answers 409 Conflict:

- a desk stopping hands polling over: its poller stops before its lock is released, so
  the next desk's getUpdates never meets a live one, and the next message gets its card;
- a desk whose lock connection the server ends stops polling at once, without waiting
  for its next check of the connection;
- by webhook there is nothing to elect: every desk serves Telegram's posts.

The SIGKILL of a poller, with two real processes, is ``tests/e2e/test_failover.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from tests.bot.storage.databases import database_url
from tests.bot.storage.test_leader import end_session, lock_holders
from tests.e2e.harness import Desk, card_text, free_port, running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

TAKEOVER = 0.2  # seconds between a standby desk's tries for the poller lock
WHERE = "Where is my parcel? Order #A55555"


@pytest.fixture
async def postgres(tmp_path: Path) -> AsyncIterator[str]:
    async with database_url("postgresql", tmp_path) as url:
        yield url


def polls(desk: Desk) -> bool:
    return desk.runtime.polling_states() == {"telegram": True}


async def test_a_desk_stopping_hands_polling_to_the_other_without_a_conflict(
    tmp_path: Path, postgres: str, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with AsyncExitStack() as first_stack, AsyncExitStack() as second_stack:
        first = await first_stack.enter_async_context(
            running_desk(
                tmp_path / "unused-1",
                telegram_api,
                slack_api,
                database_url=postgres,
                telegram_takeover=TAKEOVER,
            )
        )
        await wait_until(lambda: polls(first) and telegram_api.poller_waiting, "first polling")
        second = await second_stack.enter_async_context(
            running_desk(
                tmp_path / "unused-2",
                telegram_api,
                slack_api,
                database_url=postgres,
                telegram_takeover=TAKEOVER,
            )
        )
        assert second.runtime.polling_states() == {"telegram": False}

        await first_stack.aclose()  # the first desk stops: its poller, then its lock
        await wait_until(lambda: polls(second), "second polling")
        telegram_api.push_update(telegram_api.text_update(4242, WHERE, language_code="en"))
        card = await second.wait_card()
        assert "Where is my parcel" in card_text(card)
        await second.settled()
    assert telegram_api.poll_conflicts == []


async def test_a_desk_whose_lock_connection_ends_stops_polling_at_once(
    tmp_path: Path, postgres: str, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    # it checks its connection only once a minute: stopping within wait_until's half
    # minute is the driver saying the connection closed
    async with running_desk(
        tmp_path / "unused",
        telegram_api,
        slack_api,
        database_url=postgres,
        telegram_takeover=60.0,
    ) as desk:
        await wait_until(lambda: polls(desk) and telegram_api.poller_waiting, "polling")
        [pid] = await lock_holders(postgres)
        await end_session(postgres, pid)
        await wait_until(
            lambda: not polls(desk) and not telegram_api.poller_waiting,
            "the desk's getUpdates abandoned",
        )
        assert desk.runtime.polling_states() == {"telegram": False}
        gauge = b'borderdesk_polling_leader{channel="telegram"} 0.0'
        assert gauge in desk.runtime.metrics.exposition()


async def test_by_webhook_every_desk_serves_telegram(
    tmp_path: Path, postgres: str, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    ports = free_port(), free_port()
    async with AsyncExitStack() as stack:
        desks = [
            await stack.enter_async_context(
                running_desk(
                    tmp_path / f"unused-{port}",
                    telegram_api,
                    slack_api,
                    database_url=postgres,
                    telegram_webhook_url="https://shop.example.com/telegram/hook",
                    telegram_webhook_secret="s3cret-token",
                    telegram_webhook_listen=("127.0.0.1", port),
                )
            )
            for port in ports
        ]
        for chat, port in zip((4242, 4343), ports, strict=True):
            update = telegram_api.text_update(chat, WHERE, language_code="en")
            url = f"http://127.0.0.1:{port}/telegram/hook"
            assert await telegram_api.post_webhook(url, update, "s3cret-token") == 200
        await desks[0].wait_card(count=2)
        for desk in desks:
            assert desk.runtime.polling_states() == {}
            await desk.settled()
    assert not any(method == "getUpdates" for method, _ in telegram_api.calls)
