"""Translation in the flow, against a local LibreTranslate fake driven by deep-translator.

A Spanish shopper, an English-writing staff member: staff read the shopper in English,
write in English in the thread, confirm the translation, and the shopper gets Spanish.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.harness import INBOX, card_text, running_desk
from tests.fakes.libretranslate_api import FakeLibreTranslate
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242


@pytest.fixture
async def libretranslate() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


def translating(fake: FakeLibreTranslate) -> dict[str, object]:
    return {
        "learned": [("Hola, ¿dónde está mi pedido?", "track_order")],
        "translator": "libretranslate",
        "libretranslate_url": fake.url,
        "translation_timeout": 0.5,
    }


async def test_english_staff_reply_in_the_thread_reaches_a_spanish_shopper_in_spanish(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "Hola, ¿dónde está mi pedido?", language_code="es")
        )
        card = await desk.wait_card()
        assert "Translation: Hello, ¿where is my order?" in card_text(card)

        assert await desk.thread_reply(card, "Hello, your package shipped today") == 200
        confirmation = await desk.wait_confirmation(card)
        assert "Hola, tu paquete enviado hoy" in card_text(confirmation)
        assert telegram_api.sent_messages() == [], "nothing goes out before staff confirm"

        assert await desk.click(confirmation, "bd_tr_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and sent["text"] == "Hola, tu paquete enviado hoy"
        await slack_api.wait_for(
            "chat.update", predicate=lambda p: p.get("ts") == confirmation["ts"]
        )
        answered = next(m for m in slack_api.messages(INBOX) if m["ts"] == confirmation["ts"])
        assert answered["text"].startswith("Sent translated by lee")


async def test_send_untranslated_and_cancel(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "Hola, ¿dónde está mi pedido?", language_code="es")
        )
        card = await desk.wait_card()
        await desk.thread_reply(card, "Hello, your package shipped today")
        first = await desk.wait_confirmation(card)
        assert await desk.click(first, "bd_tr_cancel") == 200
        await desk.thread_reply(card, "Thanks and hello again, the order shipped today")
        second = await desk.wait_confirmation(card, count=2)
        assert await desk.click(second, "bd_tr_raw") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"] == "Thanks and hello again, the order shipped today"
        assert await desk.click(second, "bd_tr_raw") == 200  # a second click sends nothing
        assert len(telegram_api.sent_messages()) == 1


@pytest.mark.parametrize("trouble", ["timeout", "server error"])
async def test_translation_trouble_leaves_a_note_and_the_shopper_still_gets_an_answer(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
    trouble: str,
) -> None:
    if trouble == "timeout":
        libretranslate.delay(2.0)
    else:
        libretranslate.fail_next(503, times=10)
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, **translating(libretranslate)
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "Hola, ¿dónde está mi pedido?", language_code="es")
        )
        card = await desk.wait_card()
        assert "Translation unavailable" in card_text(card)
        libretranslate.delay(0)
        assert await desk.click(card, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and sent["text"]


async def test_a_language_without_a_written_answer_gets_the_english_one_translated_once(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    indonesian = "Halo, di mana pesanan saya? Saya memesan dua minggu yang lalu."
    options = {
        **translating(libretranslate),
        "learned": [(indonesian, "track_order")],
        "languages": ("en", "es", "de", "id"),
    }
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api, **options) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, indonesian, first_name="Astrid", language_code="id")
        )
        card = await desk.wait_card()
        shown = card_text(card)
        assert "Machine-translated: there is no written answer in 'id'" in shown
        assert "[id]" in shown and "Astrid" in shown  # the fake marks Indonesian output
        telegram_api.push_update(
            telegram_api.text_update(
                CHAT + 1, indonesian + "!", first_name="Nils", language_code="id"
            )
        )
        second = await desk.wait_card(count=2)
        assert "Nils" in card_text(second)
        to_indonesian = [r for r in libretranslate.requests if r.params.get("target") == "id"]
        assert len(to_indonesian) == 1, "the template is translated once, then cached"
        assert await desk.click(second, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"].startswith("[id]") and "Nils" in sent["text"]
