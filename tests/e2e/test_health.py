"""Each process serves /healthz and /metrics (issue 17): an operator's probe and
Prometheus see the messages, cards and decisions of a running desk, and a lost database
turns the probe to 503 while the counters stay readable."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.pacing import Pacer
from bot.runtime import Runtime, platform_adapters
from tests.e2e.harness import (
    WAREHOUSE,
    always_open,
    desk_config,
    free_port,
    running_desk,
)
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

WHERE = "Where is my order #A10293? I ordered two weeks ago."
LEARNED = [(WHERE, "track_order")]
CHAT = 4242


async def _get(url: str) -> tuple[int, str, str]:
    """(status, content type, body) of a GET."""
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, response.headers["Content-Type"], await response.text()


async def _health(base: str) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as session, session.get(f"{base}/healthz") as response:
        return response.status, await response.json()


async def _metrics(base: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics by (name, labels)."""
    status, kind, body = await _get(f"{base}/metrics")
    assert status == 200 and kind.startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


async def test_metrics_count_a_message_its_card_and_the_staff_decision(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=LEARNED,
        health_listen=("127.0.0.1", port),
    ) as desk:
        before = await _metrics(base)
        assert before[("borderdesk_cards_posted_total", ())] == 0
        assert ("borderdesk_messages_in_total", (("channel", "telegram"),)) not in before

        telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, language_code="en"))
        card = await desk.wait_card()
        seen = await _metrics(base)
        assert seen[("borderdesk_messages_in_total", (("channel", "telegram"),))] == 1
        assert seen[("borderdesk_cards_posted_total", ())] == 1
        assert seen[("borderdesk_classify_seconds_count", ())] == 1
        assert seen[("borderdesk_outbox_depth", ())] == 0
        assert seen[("borderdesk_dead_letters", ())] == 0

        assert await desk.click(card, "bd_send") == 200
        await telegram_api.wait_for("sendMessage")
        await desk.settled()
        after = await _metrics(base)
        assert after[("borderdesk_decisions_total", (("outcome", "sent"),))] == 1
        assert after[("borderdesk_outbox_depth", ())] == 0
        assert after[("borderdesk_outbox_oldest_age_seconds", ())] == 0


async def test_healthz_is_200_while_all_answers_and_503_once_the_database_is_gone(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api, health_listen=("127.0.0.1", port)):
        # the desk's one process on SQLite is the one that polls Telegram
        assert await _health(base) == (
            200,
            {
                "database": "ok",
                "channels": {"telegram": "connected"},
                "polling": {"telegram": "leader"},
            },
        )
        leading = await _metrics(base)
        assert leading[("borderdesk_polling_leader", (("channel", "telegram"),))] == 1

        for name in (db.name, f"{db.name}-wal", f"{db.name}-shm"):
            (tmp_path / name).unlink(missing_ok=True)  # an operator's clean-up
        status, body = await _health(base)
        assert status == 503
        assert body["database"].startswith("failing: ") and "deleted" in body["database"]
        assert body["channels"] == {"telegram": "connected"}
        # the counters are what an operator reads now: still served
        counters = await _metrics(base)
        assert counters[("borderdesk_cards_posted_total", ())] == 0


async def test_no_health_server_unless_an_address_is_set(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        assert desk.runtime.health is None


async def test_healthz_is_503_while_a_channel_is_still_connecting(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """Telegram does not answer yet: the process is up, the probe says which part is not."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    config = desk_config(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        free_port(),
        health_listen=("127.0.0.1", port),
    )
    desk = always_open(warehouse={"channel": WAREHOUSE})
    pacer = Pacer()
    channels, workspace = platform_adapters(config, desk, pacer)
    telegram_api.stall_next("deleteWebhook", 60.0, deliver=False)
    async with Runtime(
        config, channels=channels, workspace=workspace, desk=desk, jobs=False, pacer=pacer
    ) as runtime:
        await telegram_api.wait_for("deleteWebhook")  # polling is being set up, not yet done
        # elected to poll (it is the one process), polling once connected
        assert await _health(base) == (
            503,
            {
                "database": "ok",
                "channels": {"telegram": "not connected"},
                "polling": {"telegram": "leader"},
            },
        )

        telegram_api.faults.release()  # the call fails; the channel tries again and connects
        await asyncio.wait_for(runtime.ready.wait(), 30)  # as the harness waits for it
        assert (await _health(base))[0] == 200
