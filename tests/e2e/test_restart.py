"""A restart between receiving a message and delivering the approved reply loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.channels.slack_web import CALL_ATTEMPTS
from tests.e2e.harness import INBOX, button_value, fast_pacer, running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
WHERE = "Where is my order #A10293? I ordered two weeks ago."
DAMAGED = "My parcel arrived damaged, order #B20411"
LEARNED = [(WHERE, "track_order"), (DAMAGED, "damaged_item")]


async def test_reply_approved_before_a_stop_is_delivered_once_after_the_restart(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    # First run: no outbox worker, so the process stops with the approved reply still queued.
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED, background=False) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, language_code="en"))
        card = await desk.wait_card()
        assert await desk.click(card, "bd_send") == 200
        await slack_api.wait_for("chat.update")
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None and record.status == "sent"
    assert telegram_api.sent_messages() == []

    # Second run on the same database: the queued reply goes out exactly once.
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and sent["text"] == record.suggestion.reply
        await desk.settled()
        assert len(telegram_api.sent_messages()) == 1
        assert len([m for m in slack_api.messages(INBOX) if not m.get("thread_ts")]) == 1
        assert await desk.runtime.ctx.store.outbox_status() == {"sent": 1}


async def test_a_message_stored_while_slack_was_down_gets_its_card_after_a_restart(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = tmp_path / "desk.sqlite3"
    # down for every attempt of the call (backing off on quick time); the message is kept
    # for the resume pass, half a minute later, or the next run's
    slack_api.fail_next(
        "chat.postMessage", error="service_unavailable", status=503, times=CALL_ATTEMPTS
    )
    quick = fast_pacer()
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED, pacer=quick) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, DAMAGED, language_code="en"))
        await wait_until(
            lambda: any("kept for a retry" in m for m in caplog.messages), "the message kept"
        )
        assert desk.inbox_cards() == []
        assert (await desk.runtime.ctx.store.counts())["messages"] == {"in": 1}
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        card = await desk.wait_card()
        assert "arrived damaged" in str(card["blocks"])
        await desk.settled()
        assert len(desk.inbox_cards()) == 1
