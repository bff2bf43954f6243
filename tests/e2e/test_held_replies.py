"""Nothing shown as sent is unsent (issue 13): a reply staff wrote in their own language
waits for their choice, visibly, through the real Slack and Telegram adapters.

With the translator down, a thread reply used to be shown as answered and never sent.
Now the thread offers Send untranslated / Retry translation / Cancel, the card says it is
waiting (and has no buttons) until someone chooses, and exactly one message goes out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import INBOX, card_text, running_desk, wait_until
from tests.fakes.libretranslate_api import FakeLibreTranslate
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
SPANISH = "Hola, ¿dónde está mi pedido?"
GERMAN = "Hallo, wo ist meine Bestellung?"
REPLY = "Hello, your package shipped today"


@pytest.fixture
async def libretranslate() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


def translating(fake: FakeLibreTranslate) -> dict[str, object]:
    return {
        "learned": [(SPANISH, "track_order"), (GERMAN, "track_order")],
        "translator": "libretranslate",
        "libretranslate_url": fake.url,
        "translation_timeout": 0.5,
    }


def buttons(message: dict[str, Any]) -> list[str]:
    return [
        element["action_id"]
        for block in message.get("blocks", [])
        for element in block.get("elements", [])
        if "action_id" in element
    ]


def current(slack: FakeSlackAPI, message: dict[str, Any]) -> dict[str, Any]:
    """A Slack message as it reads now (after every chat.update)."""
    for found in slack.messages(INBOX, thread_ts=message.get("thread_ts") or message["ts"]):
        if found["ts"] == message["ts"]:
            return found
    raise AssertionError(f"message {message['ts']} is gone")


async def wait_card_reads(desk: Any, card: dict[str, Any], text: str) -> dict[str, Any]:
    await wait_until(lambda: text in card_text(current(desk.slack, card)), f"a card with {text!r}")
    return current(desk.slack, card)


async def wait_offer(desk: Any, card: dict[str, Any], text: str) -> dict[str, Any]:
    """The confirmation in a card's thread that offers ``text`` (with its buttons)."""

    def offers() -> list[dict[str, Any]]:
        return [
            m
            for m in desk.slack.messages(INBOX, thread_ts=card["ts"])
            if "bd_tr_raw" in buttons(m) and text in card_text(m)
        ]

    await wait_until(offers, f"a confirmation offering {text!r}")
    return offers()[-1]


async def test_a_thread_reply_the_translator_cannot_take_waits_for_a_choice(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, SPANISH, language_code="es"))
        card = await desk.wait_card()
        libretranslate.fail_next(503)  # the translator is down when staff answer

        assert await desk.thread_reply(card, REPLY) == 200
        confirmation = await desk.wait_confirmation(card)
        assert "Translation unavailable: nothing has been sent" in card_text(confirmation)
        assert buttons(confirmation) == ["bd_tr_raw", "bd_tr_retry", "bd_tr_cancel"]
        waiting = await wait_card_reads(desk, card, "Waiting for a translation choice")
        assert "reply by lee" in card_text(waiting)
        assert "Answered" not in card_text(waiting) and buttons(waiting) == []
        assert telegram_api.sent_messages() == [], "nothing goes out before a click"

        assert await desk.click(confirmation, "bd_tr_raw") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and sent["text"] == REPLY
        answered = await wait_card_reads(desk, card, "Answered in the thread by lee")
        assert "Waiting" not in card_text(answered)
        assert await desk.click(confirmation, "bd_tr_raw") == 200  # a second click: nothing
        await desk.runtime.outbox.drain()
        assert len(telegram_api.sent_messages()) == 1


async def test_retry_after_the_translator_is_back_sends_the_translation(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, SPANISH, language_code="es"))
        card = await desk.wait_card()
        libretranslate.fail_next(503)
        await desk.thread_reply(card, REPLY)
        unavailable = await desk.wait_confirmation(card)

        assert await desk.click(unavailable, "bd_tr_retry") == 200  # the translator is back
        offer = await wait_offer(desk, card, "Hola, tu paquete enviado hoy")
        assert buttons(offer) == ["bd_tr_send", "bd_tr_raw", "bd_tr_cancel"]
        retried = await wait_card_reads(desk, unavailable, "Translated on retry by lee")
        assert buttons(retried) == []
        assert "Waiting for a translation choice" in card_text(current(slack_api, card))
        assert telegram_api.sent_messages() == []

        assert await desk.click(offer, "bd_tr_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"] == "Hola, tu paquete enviado hoy"
        await wait_card_reads(desk, card, "Answered in the thread by lee")


async def test_cancel_gives_the_card_its_buttons_back_and_sends_nothing(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, SPANISH, language_code="es"))
        card = await desk.wait_card()
        libretranslate.fail_next(503)
        await desk.thread_reply(card, REPLY)
        confirmation = await desk.wait_confirmation(card)
        await wait_card_reads(desk, card, "Waiting for a translation choice")

        assert await desk.click(confirmation, "bd_tr_cancel") == 200
        await wait_until(lambda: "bd_send" in buttons(current(slack_api, card)), "buttons back")
        assert "Waiting" not in card_text(current(slack_api, card))
        # the confirmation is redrawn by a chat.update of its own, which may come after
        # the card's: wait for it rather than read it at once
        await wait_until(
            lambda: "Cancelled by lee" in current(slack_api, confirmation)["text"],
            "the confirmation says who cancelled",
        )
        await desk.runtime.outbox.drain()
        assert telegram_api.sent_messages() == []


async def test_an_edit_in_english_to_a_german_shopper_is_held_for_confirmation(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, GERMAN, language_code="de"))
        card = await desk.wait_card()
        assert await desk.click(card, "bd_edit") == 200
        [opened] = await slack_api.wait_for("views.open")
        metadata = opened["view"]["private_metadata"]
        assert await desk.submit("bd_edit_submit", {"reply": {"text": REPLY}}, metadata) == 200

        confirmation = await desk.wait_confirmation(card)
        assert "Hallo, ihre paket versandt heute" in card_text(confirmation)
        waiting = await wait_card_reads(desk, card, "Waiting for a translation choice")
        assert "Edited and sent" not in card_text(waiting) and buttons(waiting) == []
        await desk.runtime.outbox.drain()
        assert telegram_api.sent_messages() == [], "an English edit never goes out unseen"

        assert await desk.click(confirmation, "bd_tr_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"] == "Hallo, ihre paket versandt heute"
        await wait_card_reads(desk, card, "Edited and sent by lee")
