"""Customers end to end: real python-telegram-bot and slack-bolt over HTTP, fake servers.

A shopper links their order by number and e-mail and gets its real tracking number; staff
look them up, flag them, and only a manager's click answers their refund request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.storage import Store, sqlite_url
from tests.e2e.harness import INBOX, card_text, running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.handlers.desk import add_order, shipped

CHAT = 4242
TRACKING = "JD014600003623440000"
MANAGER = "U0MANAGER01"


async def test_linked_order_tracking_profile_and_a_flagged_buyers_refund(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    store = await Store.open(sqlite_url(db))
    await add_order(
        store, "#1001", email="ana.lima@example.com", **shipped("DHL", TRACKING, date(2026, 12, 4))
    )
    await store.close()
    slack_api.add_user(MANAGER, "mira", "Mira Manager")

    async with running_desk(db, telegram_api, slack_api, managers=frozenset({MANAGER})) as desk:
        telegram_api.push_update(
            telegram_api.text_update(
                CHAT,
                "Hi, where is my order #1001? My e-mail is ana.lima@example.com",
                first_name="Ana",
                language_code="en",
            )
        )
        card = await desk.wait_card()
        shown = card_text(card)
        assert "Linked order #1001 (e-mail matches)." in shown
        assert "New customer · 1 order, 59.90 EUR" in shown
        assert await desk.click(card, "bd_send") == 200
        [reply] = await telegram_api.wait_for("sendMessage")
        assert TRACKING in reply["text"] and "DHL" in reply["text"]

        status, profile = await desk.command("customer #1001")
        assert status == 200 and "Ana" in profile and "#1001" in profile and TRACKING in profile
        customer_id = profile.split(":")[0].removeprefix("Customer ")
        _, answer = await desk.command(f"block {customer_id} fraud chargeback after delivery")
        assert "Flagged customer" in answer

        telegram_api.push_update(
            telegram_api.text_update(CHAT, "I want a refund for order #1001", first_name="Ana")
        )
        refund = await desk.wait_card(1, thread_ts=card["ts"])
        assert "Flagged buyer: fraud (chargeback after delivery)" in card_text(refund)

        assert await desk.click(refund, "bd_send") == 200  # not a manager
        await wait_until(
            lambda: any(
                "needs a manager" in m.get("text", "")
                for m in slack_api.messages(INBOX, thread_ts=card["ts"])
            ),
            "told that a manager must approve",
        )
        assert len([c for c in telegram_api.calls if c[0] == "sendMessage"]) == 1

        assert await desk.click(refund, "bd_send", user_id=MANAGER, user_name="mira") == 200
        [_, refund_reply] = await telegram_api.wait_for("sendMessage", count=2)
        assert "refund" in refund_reply["text"]
