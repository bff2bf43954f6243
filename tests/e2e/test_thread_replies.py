"""Staff replies in a card thread, with the desk running as in production (outbox worker on).

Regression for issue 12: a reply with "Also send to channel" or a file was dropped (200,
no outbox row, no log line). Now both reach the shopper — the file as an upload with its
name and size — and what cannot reach them is said in the thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    STAFF_ID,
    Desk,
    card_text,
    is_note,
    running_desk,
    wait_until,
)
from tests.fakes import slack_client
from tests.fakes import slack_message_events as events
from tests.fakes.libretranslate_api import FakeLibreTranslate
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI, Upload

CHAT = 4242
SHOPPER = "Hola, ¿dónde está mi pedido #A10293?"
LEARNED = [(SHOPPER, "track_order")]
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40
WAIT = 30.0  # seconds at most: a busy machine is slow, never wrong


async def shopper_card(desk: Desk) -> dict[str, Any]:
    desk.telegram.push_update(desk.telegram.text_update(CHAT, SHOPPER, language_code="es"))
    return await desk.wait_card(timeout=WAIT)


async def post(desk: Desk, event: dict[str, Any]) -> int:
    status, _ = await slack_client.post_event(desk.events_url, SIGNING_SECRET, event)
    return status


async def wait_note(slack: FakeSlackAPI, card: dict[str, Any]) -> str:
    def is_thread_note(params: dict[str, Any]) -> bool:
        return params.get("thread_ts") == card["ts"] and is_note(params)

    [note] = await slack.wait_for("chat.postMessage", predicate=is_thread_note, timeout=WAIT)
    return str(note["text"])


async def test_a_broadcast_thread_reply_reaches_the_shopper(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        event = events.thread_broadcast_event(
            INBOX, STAFF_ID, "Tu paquete llega mañana.", thread_ts=card["ts"]
        )
        assert await post(desk, event) == 200
        [sent] = await telegram_api.wait_for("sendMessage", timeout=WAIT)
        assert (sent["chat_id"], sent["text"]) == (CHAT, "Tu paquete llega mañana.")


async def test_a_thread_reply_with_a_file_reaches_the_shopper_as_an_upload(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        shared = slack_api.add_file(
            "factura-A10293.pdf", PDF, "application/pdf", user=STAFF_ID, channel=INBOX
        )
        event = events.file_share_event(
            INBOX, STAFF_ID, "Aquí tienes tu factura.", [shared], thread_ts=card["ts"]
        )
        assert await post(desk, event) == 200
        [document] = await telegram_api.wait_for("sendDocument", timeout=WAIT)
        assert document["chat_id"] == CHAT
        assert document["document"] == Upload("factura-A10293.pdf", len(PDF))
        [text] = await telegram_api.wait_for("sendMessage", timeout=WAIT)
        assert text["text"] == "Aquí tienes tu factura."
        # fetched once, with the bot token; the file came before its text
        assert slack_api.downloads == [(shared["id"], True)]
        methods = [m for m, _ in telegram_api.calls if m in ("sendDocument", "sendMessage")]
        assert methods == ["sendDocument", "sendMessage"]


async def test_a_slack_outage_while_fetching_the_file_is_retried(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        shared = slack_api.add_file(
            "label.png", PDF[:500], "image/png", user=STAFF_ID, channel=INBOX
        )
        slack_api.fail_next("files.download", error="fatal_error", status=503, retry_after=None)
        event = events.file_share_event(INBOX, STAFF_ID, "", [shared], thread_ts=card["ts"])
        assert await post(desk, event) == 200
        [photo] = await telegram_api.wait_for("sendPhoto", timeout=WAIT)
        assert photo["photo"] == Upload("label.png", 500)
        assert slack_api.downloads == [(shared["id"], True), (shared["id"], True)]


async def test_a_file_the_channel_cannot_take_sends_the_text_and_says_so(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        shared = slack_api.add_file(
            "unboxing.mov",
            PDF,
            "video/quicktime",
            user=STAFF_ID,
            channel=INBOX,
            size=80 * 1024 * 1024,
        )
        event = events.file_share_event(
            INBOX, STAFF_ID, "Mira el vídeo.", [shared], thread_ts=card["ts"]
        )
        assert await post(desk, event) == 200
        [sent] = await telegram_api.wait_for("sendMessage", timeout=WAIT)
        assert sent["text"] == "Mira el vídeo."
        note = await wait_note(slack_api, card)
        assert "unboxing.mov (80 MB; telegram takes up to 50 MB)" in note
        assert "Your text goes without them." in note
        assert slack_api.downloads == [], "a file too big to send is not fetched"


async def test_an_edit_after_sending_gets_a_note_and_changes_nothing_for_the_shopper(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        first = slack_client.message_event(INBOX, STAFF_ID, "Llega el lunes.", thread_ts=card["ts"])
        assert await post(desk, first) == 200
        await telegram_api.wait_for("sendMessage", timeout=WAIT)
        changed = events.message_changed_event(
            INBOX, events.edited(first, "Llega el martes."), first
        )
        assert await post(desk, changed) == 200
        note = await wait_note(slack_api, card)
        assert ":warning: Already sent: the shopper still sees the first version." in note
        assert "write a new reply" in note
        assert [m["text"] for m in telegram_api.sent_messages(CHAT)] == ["Llega el lunes."]


async def test_a_deletion_before_sending_cancels_the_reply(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    # Telegram is down for the first attempt, and the retry is a minute away: the reply
    # is still waiting when staff delete it in Slack.
    telegram_api.fail_next("sendMessage", status=500)
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED, retry_base=60.0
    ) as desk:
        card = await shopper_card(desk)
        first = slack_client.message_event(INBOX, STAFF_ID, "Llega el lunes.", thread_ts=card["ts"])
        assert await post(desk, first) == 200
        await telegram_api.wait_for("sendMessage", timeout=WAIT)  # the failed attempt
        assert await post(desk, events.message_deleted_event(INBOX, first)) == 200
        note = await wait_note(slack_api, card)
        assert (
            ":wastebasket: Deleted before it was sent: cancelled, the shopper gets nothing." in note
        )
        store = desk.runtime.ctx.store

        async def reply_cancelled_note_sent() -> bool:
            return await store.outbox_status() == {"cancelled": 1, "sent": 1}

        await wait_until(
            reply_cancelled_note_sent, "the reply cancelled and the note sent", timeout=WAIT
        )
        assert telegram_api.sent_messages(CHAT) == []


async def test_an_edit_of_a_reply_waiting_for_its_translation_is_confirmed_anew(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with (
        FakeLibreTranslate() as libretranslate,
        running_desk(
            tmp_path / "d.sqlite3",
            telegram_api,
            slack_api,
            learned=[("Hola, ¿dónde está mi pedido?", "track_order")],
            translator="libretranslate",
            libretranslate_url=libretranslate.url,
            translation_timeout=0.5,
        ) as desk,
    ):
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "Hola, ¿dónde está mi pedido?", language_code="es")
        )
        card = await desk.wait_card(timeout=WAIT)
        first = slack_client.message_event(
            INBOX, STAFF_ID, "Hello, your package shipped", thread_ts=card["ts"]
        )
        assert await post(desk, first) == 200
        await desk.wait_confirmation(card, timeout=WAIT)
        changed = events.message_changed_event(
            INBOX, events.edited(first, "Hello, your package shipped today"), first
        )
        assert await post(desk, changed) == 200
        note = await wait_note(slack_api, card)
        assert "Edited before it was sent: the shopper will get the new version." in note
        second = await desk.wait_confirmation(card, count=2, timeout=WAIT)
        assert "Hola, tu paquete enviado hoy" in card_text(second)
        assert await desk.click(second, "bd_tr_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage", timeout=WAIT)
        assert sent["text"] == "Hola, tu paquete enviado hoy"


async def test_a_reply_with_a_link_and_an_ampersand_reaches_the_shopper_as_plain_text(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """Regression: Slack's markup went to the shopper as written ("&amp;", "<url|label>")."""
    async with running_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        card = await shopper_card(desk)
        typed = "Devoluciones &amp; cambios: <https://shop.example/devoluciones|nuestra página>"
        assert await desk.thread_reply(card, typed) == 200
        [sent] = await telegram_api.wait_for("sendMessage", timeout=WAIT)
        assert sent["text"] == (
            "Devoluciones & cambios: nuestra página (https://shop.example/devoluciones)"
        )
