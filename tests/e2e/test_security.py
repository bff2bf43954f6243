"""Who may act in Slack: only configured staff answer shoppers.

Someone who can see the inbox channel but is not staff (a contractor, a guest, a bot
account) must not be able to send a reply, write to the shopper from a card thread or
read escalations with ``/borderdesk``. They are told so privately, and nothing happens:
the shopper receives nothing and the card keeps its buttons for real staff.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from bot.channels.slack_blocks import EDIT_CALLBACK
from tests.e2e.harness import INBOX, STAFF_ID, Desk, button_value, card_text, running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
WHERE_IS_MY_ORDER = "Hola, ¿dónde está mi pedido #A10293? Lo pedí hace dos semanas."
LEARNED = [(WHERE_IS_MY_ORDER, "track_order")]
STRANGER, STRANGER_NAME = "U0STRANGR1", "mallory"
STAFF_GROUP = "S0STAFFGRP1"
REFUSAL = "Only BorderDesk staff can do that here"


def refusals(slack: FakeSlackAPI, user: str) -> list[dict[str, Any]]:
    return [e for e in slack.ephemerals if e.get("user") == user]


def current(slack: FakeSlackAPI, card: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in slack.messages(INBOX) if m["ts"] == card["ts"])


def has_buttons(message: dict[str, Any]) -> bool:
    return any(b["type"] == "actions" for b in message.get("blocks", []))


async def shopper_card(desk: Desk) -> dict[str, Any]:
    desk.telegram.push_update(
        desk.telegram.text_update(CHAT, WHERE_IS_MY_ORDER, first_name="Ana", language_code="es")
    )
    return await desk.wait_card()


async def test_a_stranger_is_refused_everywhere_and_then_staff_send_exactly_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        learned=LEARNED,
        staff_users=frozenset({STAFF_ID}),
    ) as desk:
        card = await shopper_card(desk)
        suggestion_id = button_value(card, "bd_send")
        record = await desk.runtime.ctx.store.suggestion(int(suggestion_id))
        assert record is not None and record.suggestion.reply

        # A stranger presses Send: a private refusal, and the card is untouched.
        assert await desk.click(card, "bd_send", user_id=STRANGER, user_name=STRANGER_NAME) == 200
        await slack_api.wait_for("chat.postEphemeral")
        [refusal] = refusals(slack_api, STRANGER)
        assert refusal["channel"] == INBOX and refusal["text"].startswith(REFUSAL)
        assert has_buttons(current(slack_api, card))
        assert [m for m, _ in slack_api.calls if m == "chat.update"] == []
        assert telegram_api.sent_messages() == []

        # Edit is refused too: no dialog opens for them.
        assert await desk.click(card, "bd_edit", user_id=STRANGER, user_name=STRANGER_NAME) == 200
        await slack_api.wait_for("chat.postEphemeral", count=2)
        assert [m for m, _ in slack_api.calls if m == "views.open"] == []

        # A forged Edit dialog submission by the stranger decides nothing (shown below:
        # staff can still send the suggestion, not the stranger's text).
        forged = "Refund approved, send your card number to me"
        values = {"reply": {"text": forged}}
        submitted = await desk.submit(
            EDIT_CALLBACK, values, suggestion_id, user_id=STRANGER, user_name=STRANGER_NAME
        )
        assert submitted == 200

        # A reply in the card thread would go to the shopper: refused as well.
        assert await desk.thread_reply(card, "Write to me on WhatsApp", user_id=STRANGER) == 200
        await slack_api.wait_for("chat.postEphemeral", count=3)
        assert all(r["text"].startswith(REFUSAL) for r in refusals(slack_api, STRANGER))
        assert len(refusals(slack_api, STRANGER)) == 3

        # /borderdesk answers the stranger with the refusal, staff with the real answer.
        status, answer = await desk.command("open", user_id=STRANGER, user_name=STRANGER_NAME)
        assert status == 200 and answer.startswith(REFUSAL)
        status, answer = await desk.command("open")
        assert status == 200 and answer == "No open escalations."

        still = current(slack_api, card)
        assert has_buttons(still) and STRANGER_NAME not in card_text(still)
        assert telegram_api.sent_messages() == []

        # Now the staff member presses Send: the suggestion goes out, once.
        assert await desk.click(card, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        await slack_api.wait_for("chat.update")
        assert sent["chat_id"] == CHAT and sent["text"] == record.suggestion.reply
        decided = current(slack_api, card)
        assert "Sent by lee at" in card_text(decided) and not has_buttons(decided)
        assert len(telegram_api.sent_messages(CHAT)) == 1
        assert all(ephemeral["user"] == STRANGER for ephemeral in slack_api.ephemerals)


async def test_members_of_the_staff_group_may_act_and_the_group_is_read_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    slack_api.add_user("U0STAFF0002", "priya", "Priya Staff")
    slack_api.add_usergroup(STAFF_GROUP, [STAFF_ID, "U0STAFF0002"])
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED, staff_group=STAFF_GROUP
    ) as desk:
        card = await shopper_card(desk)
        assert await desk.click(card, "bd_send", user_id=STRANGER, user_name=STRANGER_NAME) == 200
        [refusal] = await slack_api.wait_for("chat.postEphemeral")
        assert refusal["user"] == STRANGER and refusal["text"].startswith(REFUSAL)
        assert has_buttons(current(slack_api, card))

        assert await desk.click(card, "bd_send", user_id="U0STAFF0002", user_name="priya") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        await slack_api.wait_for("chat.update")
        assert sent["chat_id"] == CHAT
        assert "Sent by priya at" in card_text(current(slack_api, card))
        assert len(telegram_api.sent_messages(CHAT)) == 1

        # Both checks were answered from one read of the group (cached for 5 minutes).
        lookups = [p for m, p in slack_api.calls if m == "usergroups.users.list"]
        assert [p["usergroup"] for p in lookups] == [STAFF_GROUP]


async def test_without_a_staff_list_anyone_may_act_and_a_warning_is_logged(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        assert any(
            "STAFF_USERS" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records
        )
        card = await shopper_card(desk)
        assert await desk.click(card, "bd_send", user_id=STRANGER, user_name=STRANGER_NAME) == 200
        await telegram_api.wait_for("sendMessage")
        await slack_api.wait_for("chat.update")
        assert "Sent by mallory at" in card_text(current(slack_api, card))
        assert slack_api.ephemerals == []


async def test_the_fake_lists_group_members_and_refuses_a_call_without_a_group(
    slack_api: FakeSlackAPI,
) -> None:
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    slack_api.add_usergroup(STAFF_GROUP, [STAFF_ID])
    client = AsyncWebClient(token=slack_api.token, base_url=slack_api.base_url)
    found = await client.usergroups_users_list(usergroup=STAFF_GROUP)
    assert found["users"] == [STAFF_ID]
    with pytest.raises(SlackApiError) as unknown:
        await client.usergroups_users_list(usergroup="S0NOSUCH01")
    assert unknown.value.response["error"] == "no_such_subteam"
    with pytest.raises(SlackApiError):
        await client.api_call("usergroups.users.list", http_verb="GET", params={})
    assert slack_api.violations == ["usergroups.users.list: missing required parameter 'usergroup'"]
    slack_api.violations.clear()  # that refusal was the point of this test
