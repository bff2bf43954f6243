"""Escalating a card answers the shopper too (issue 13: escalated shoppers heard nothing).

Through the real Slack and Telegram adapters: Escalate sends the card's suggested reply,
or — with no suggestion for the problem — a short acknowledgement in the shopper's
language naming the team; once, however often it is clicked. "Escalate without replying"
sends nothing. The inbox card and the department's card both say which happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.harness import INBOX, WAREHOUSE, card_text, running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
DAMAGED = "My order #B20411 arrived today, the DHL box was crushed and the cup is broken."


def current(slack: FakeSlackAPI, card: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in slack.messages(INBOX) if m["ts"] == card["ts"])


async def department_card(slack: FakeSlackAPI, channel: str, text: str) -> str:
    def shown() -> str:
        cards = [card_text(m) for m in slack.messages(channel) if m.get("blocks")]
        return cards[-1] if cards else ""

    await wait_until(lambda: text in shown(), f"{channel}'s card saying {text!r}")
    return shown()


async def test_escalate_sends_the_suggested_reply_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=[(DAMAGED, "damaged_item")]
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, DAMAGED, first_name="Ana"))
        card = await desk.wait_card()
        assert "a few photos of the damaged item" in card_text(card)  # the suggested reply

        assert await desk.click(card, "bd_escalate") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and "a few photos of the damaged item" in sent["text"]
        await wait_until(
            lambda: "Escalated to warehouse by lee" in card_text(current(slack_api, card)),
            "the card showing the escalation",
        )
        assert "Shopper answered with the suggested reply" in card_text(current(slack_api, card))
        shown = await department_card(slack_api, WAREHOUSE, "Shopper answered")
        assert "cup is broken" in shown

        assert await desk.click(card, "bd_escalate") == 200  # a second click sends nothing
        await desk.runtime.outbox.drain()
        assert len(telegram_api.sent_messages()) == 1
        assert len([m for m in slack_api.messages(WAREHOUSE) if m.get("blocks")]) == 1


async def test_escalate_without_replying_sends_nothing(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=[(DAMAGED, "damaged_item")]
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, DAMAGED, first_name="Ana"))
        card = await desk.wait_card()

        assert await desk.click(card, "bd_escalate_quietly") == 200
        shown = await department_card(slack_api, WAREHOUSE, "Shopper not answered")
        assert "escalated without replying" in shown
        await wait_until(
            lambda: "Shopper not answered" in card_text(current(slack_api, card)),
            "the inbox card saying the shopper was not answered",
        )
        assert "Escalated to warehouse by lee" in card_text(current(slack_api, card))
        await desk.runtime.outbox.drain()
        assert telegram_api.sent_messages() == []


async def test_without_a_suggestion_the_shopper_gets_an_acknowledgement_in_their_language(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    unclear = "Hmm, also das ist jetzt irgendwie blöd gelaufen."
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, unclear, first_name="Jonas", language_code="de")
        )
        card = await desk.wait_card()
        assert "No confident suggestion" in card_text(card)

        assert await desk.click(card, "bd_escalate") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"].startswith("Danke, Jonas. Wir haben Ihr Anliegen an ")
        assert "melden uns hier bei Ihnen" in sent["text"]
        await wait_until(
            lambda: "acknowledgement" in card_text(current(slack_api, card)),
            "the inbox card saying an acknowledgement was sent",
        )
        assert f"Sent text: {sent['text']}" in card_text(current(slack_api, card))
        assert await desk.click(card, "bd_escalate") == 200
        await desk.runtime.outbox.drain()
        assert len(telegram_api.sent_messages()) == 1
