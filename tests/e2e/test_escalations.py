"""Escalations end to end: a damaged item goes to the warehouse channel, which acknowledges,
asks for information and resolves with a root cause; the inbox gets the outcome and a reply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.storage.schema import problems
from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    STAFF_ID,
    WAREHOUSE,
    always_open,
    button_value,
    card_text,
    running_desk,
)
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
DAMAGED = "My order #B20411 arrived today, the DHL box was crushed and the cup is broken."


async def click_escalation(desk: Any, card: dict[str, Any], action_id: str) -> int:
    payload = slack_client.block_action(
        action_id,
        button_value(card, action_id),
        user_id="U0WARE00001",
        user_name="mei",
        channel=WAREHOUSE,
        message_ts=card["ts"],
        message=card,
    )
    status, _ = await slack_client.post_interaction(desk.events_url, SIGNING_SECRET, payload)
    return status


def warehouse_card(slack_api: FakeSlackAPI) -> dict[str, Any]:
    [card] = [m for m in slack_api.messages(WAREHOUSE) if m.get("blocks")]
    return card


async def test_a_damaged_item_is_recorded_escalated_acknowledged_and_resolved(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    desk_settings = always_open(warehouse={"channel": WAREHOUSE, "auto_escalate": True})
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        desk=desk_settings,
        learned=[(DAMAGED, "damaged_item")],
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, DAMAGED, first_name="Ana", language_code="en-gb")
        )
        inbox_card = await desk.wait_card()
        assert "Escalated automatically to warehouse" in card_text(inbox_card)
        # automatic escalation answers the shopper as the Escalate button does (issue 13)
        assert "Shopper answered with the suggested reply" in card_text(inbox_card)
        assert not any(b["type"] == "actions" for b in inbox_card["blocks"])
        [answer] = await telegram_api.wait_for("sendMessage")
        assert answer["chat_id"] == CHAT and "a few photos of the damaged item" in answer["text"]
        await slack_api.wait_for("chat.postMessage", predicate=lambda p: p["channel"] == WAREHOUSE)
        escalation = warehouse_card(slack_api)
        shown = card_text(escalation)
        assert "cup is broken" in shown
        assert "Shopper answered with the suggested reply" in shown
        for fact in ("*Order:* B20411", "*Carrier:* DHL", "*Country:* GB"):
            assert fact in shown
        async with desk.runtime.ctx.store.engine.connect() as conn:
            recorded = (await conn.execute(select(problems.c.department, problems.c.intent))).all()
        assert [tuple(r) for r in recorded] == [("warehouse", "damaged_item")]

        # Acknowledge
        assert await click_escalation(desk, escalation, "bd_esc_ack") == 200
        await slack_api.wait_for("chat.update", predicate=lambda p: p["channel"] == WAREHOUSE)
        assert "Acknowledged by mei" in card_text(warehouse_card(slack_api))

        # Need info: the question goes to the inbox thread
        assert await click_escalation(desk, escalation, "bd_esc_info") == 200
        [opened] = await slack_api.wait_for("views.open")
        assert opened["view"]["callback_id"] == "bd_need_info_submit"
        question = "Which colour was the cup? We need it to send the right one."
        assert (
            await desk.submit(
                "bd_need_info_submit",
                {"question": {"text": question}},
                opened["view"]["private_metadata"],
            )
            == 200
        )
        await slack_api.wait_for(
            "chat.postMessage",
            predicate=lambda p: p.get("thread_ts") == inbox_card["ts"] and question in p["text"],
        )

        # Resolve with a root cause: outcome and a prepared reply in the inbox thread
        assert await click_escalation(desk, escalation, "bd_esc_resolve") == 200
        [_, resolve_view] = await slack_api.wait_for("views.open", count=2)
        note = "A new cup was sent today by DHL with extra padding."
        values = {"cause": {"value": slack_client.select_option("packing")}, "note": {"text": note}}
        assert (
            await desk.submit("bd_resolve_submit", values, resolve_view["view"]["private_metadata"])
            == 200
        )
        confirmation = await desk.wait_confirmation(inbox_card)
        assert note in card_text(confirmation)
        resolved = card_text(warehouse_card(slack_api))
        assert (
            ":white_check_mark: Resolved by lee" in resolved and "root cause: Packing" in resolved
        )
        assert not any(b["type"] == "actions" for b in warehouse_card(slack_api)["blocks"])
        # the outcome is a note for staff, delivered by the outbox under the inbox card
        await slack_api.wait_for(
            "chat.postMessage",
            predicate=lambda p: (
                p.get("thread_ts") == inbox_card["ts"] and "Root cause: Packing" in p["text"]
            ),
        )

        assert await desk.click(confirmation, "bd_tr_send") == 200
        [_, update] = await telegram_api.wait_for("sendMessage", count=2)
        assert update["chat_id"] == CHAT and note in update["text"] and "Ana" in update["text"]


async def test_escalate_button_and_the_open_command(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    desk_settings = always_open(warehouse={"channel": WAREHOUSE})
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        desk=desk_settings,
        learned=[(DAMAGED, "damaged_item")],
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, DAMAGED, language_code="en"))
        card = await desk.wait_card()
        assert "Escalated automatically" not in card_text(card)
        assert [m for m in slack_api.messages(WAREHOUSE)] == []
        assert await desk.click(card, "bd_escalate") == 200
        await slack_api.wait_for("chat.postMessage", predicate=lambda p: p["channel"] == WAREHOUSE)

        fields = slack_client.slash_command("/borderdesk", "open warehouse", STAFF_ID, INBOX)
        status, body = await slack_client.post_form(desk.events_url, SIGNING_SECRET, fields)
        assert status == 200
        answer = json.loads(body)["text"] if body.startswith("{") else body
        assert "Open escalations for warehouse: 1" in answer
        assert "damaged item" in answer and "order B20411" in answer
        status, body = await slack_client.post_form(
            desk.events_url,
            SIGNING_SECRET,
            slack_client.slash_command("/borderdesk", "open logistics", STAFF_ID, INBOX),
        )
        assert "No open escalations for logistics" in body
