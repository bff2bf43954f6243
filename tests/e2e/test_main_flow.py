"""The central flow end to end: real python-telegram-bot and slack-bolt over HTTP, fake servers.

Shopper message -> card in the Slack inbox -> signed click -> sendMessage to the shopper
-> card updated; plus edit, other answer, thread replies, duplicates and bad signatures.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.channels.slack_blocks import EDIT_CALLBACK, OTHER_CALLBACK
from tests.e2e.harness import INBOX, WAREHOUSE, button_value, card_text, running_desk
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
WHERE_IS_MY_ORDER = "Hola, ¿dónde está mi pedido #A10293? Lo pedí hace dos semanas."
LEARNED = [(WHERE_IS_MY_ORDER, "track_order")]


def suggested_reply(desk, card: dict) -> str:  # type: ignore[no-untyped-def]
    return card_text(card)


async def test_send_click_delivers_the_suggestion_and_updates_the_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, first_name="Ana", language_code="es")
        )
        card = await desk.wait_card()
        shown = card_text(card)
        assert "Ana" in shown and "telegram" in shown and "`es`" in shown
        assert WHERE_IS_MY_ORDER in shown
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None and record.suggestion.reply
        assert record.suggestion.reply_language == "es"

        assert await desk.click(card, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT
        assert sent["text"] == record.suggestion.reply
        await slack_api.wait_for("chat.update")
        [updated] = [m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"]]
        assert "Sent by lee at" in card_text(updated)
        assert not any(b["type"] == "actions" for b in updated["blocks"])


async def test_webhook_mode_checks_the_secret_token(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    from tests.e2e.harness import free_port

    port = free_port()
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        telegram_webhook_url="https://shop.example.com/telegram/hook",
        telegram_webhook_secret="s3cret-token",
        telegram_webhook_listen=("127.0.0.1", port),
    ) as desk:
        assert telegram_api.webhook_url == "https://shop.example.com/telegram/hook"
        url = f"http://127.0.0.1:{port}/telegram/hook"
        forged = telegram_api.text_update(CHAT, "forged", language_code="en")
        assert await telegram_api.post_webhook(url, forged, "wrong-secret") == 403
        update = telegram_api.text_update(
            CHAT, "Where is my parcel? Order #A55555", language_code="en"
        )
        assert await telegram_api.post_webhook(url, update, "s3cret-token") == 200
        card = await desk.wait_card()
        assert "Where is my parcel" in card_text(card)
        await desk.settled()
        assert len(desk.inbox_cards()) == 1, "the forged update must not reach staff"
        assert (await desk.runtime.ctx.store.counts())["messages"] == {"in": 1}


async def test_edit_sends_the_edited_text(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, language_code="es")
        )
        card = await desk.wait_card()
        suggestion_id = button_value(card, "bd_edit")
        record = await desk.runtime.ctx.store.suggestion(int(suggestion_id))
        assert await desk.click(card, "bd_edit") == 200
        [opened] = await slack_api.wait_for("views.open")
        view = opened["view"]
        assert view["private_metadata"] == f"{suggestion_id} {INBOX} {card['ts']}"
        assert view["blocks"][0]["element"]["initial_value"] == record.suggestion.reply  # type: ignore[union-attr]

        edited = "Hola Ana, tu pedido #A10293 sale hoy con DHL."
        submitted = await desk.submit(
            EDIT_CALLBACK, {"reply": {"text": edited}}, view["private_metadata"]
        )
        assert submitted == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["text"] == edited
        await slack_api.wait_for("chat.update")
        updated = next(m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"])
        assert "Edited and sent by lee" in card_text(updated)


async def test_other_answer_sends_the_chosen_template_in_the_shoppers_language(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, first_name="Ana", language_code="es")
        )
        card = await desk.wait_card()
        suggestion_id = button_value(card, "bd_other")
        assert await desk.click(card, "bd_other") == 200
        [opened] = await slack_api.wait_for("views.open")
        options = opened["view"]["blocks"][0]["element"]["options"]
        assert "lost_package" in {o["value"] for o in options}

        values = {"answer": {"intent": slack_client.select_option("lost_package")}}
        assert await desk.submit(OTHER_CALLBACK, values, suggestion_id) == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        expected, language = desk.runtime.ctx.engine.render(
            "lost_package",
            "es",
            {
                "shopper_name": "Ana",
                "store_name": "Test Store",
                "order_number": "A10293",
            },
        )
        assert language == "es"
        assert sent["text"] == expected
        # the number alone links no order: the answer names the number the shopper typed
        # and asks only for the e-mail or phone that links it, not for the number again
        assert (
            "Para localizar el pedido A10293, envíanos el correo electrónico o el teléfono"
            in (sent["text"])
        )
        assert "número de pedido" not in sent["text"]
        await slack_api.wait_for("chat.update")
        updated = next(m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"])
        assert "Other answer sent by lee" in card_text(updated)


async def test_later_messages_go_to_the_thread_and_a_thread_reply_reaches_the_shopper(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, language_code="es")
        )
        card = await desk.wait_card()
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "¿Hay novedades?", language_code="es")
        )
        follow_up = await desk.wait_card(thread_ts=card["ts"])
        assert "¿Hay novedades?" in card_text(follow_up)
        assert len(desk.inbox_cards()) == 1

        assert await desk.thread_reply(card, "Tu paquete llega mañana.") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT and sent["text"] == "Tu paquete llega mañana."
        # The pending cards of the conversation now say it was answered in the thread.
        await slack_api.wait_for("chat.update", count=2)
        texts = [card_text(m) for m in slack_api.messages(INBOX)]
        assert sum("Answered in the thread by lee" in t for t in texts) == 2


async def test_double_click_and_two_staff_at_once_send_once(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, language_code="es")
        )
        card = await desk.wait_card()
        statuses = await asyncio.gather(
            desk.click(card, "bd_send"),
            desk.click(card, "bd_send"),
            desk.click(card, "bd_send", user_id="U0STAFF0002", user_name="priya"),
        )
        assert statuses == [200, 200, 200]
        # Slack has its answer before the desk handles a click; each handling ends with
        # the card redrawn
        await slack_api.wait_for("chat.update", count=3)
        await desk.settled()
        assert len(telegram_api.sent_messages(CHAT)) == 1


async def test_a_duplicate_telegram_update_makes_one_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        update = telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, language_code="es")
        telegram_api.push_update(update)
        await desk.wait_card()
        again = dict(update)
        del again["update_id"]  # Telegram re-delivers the same message under a new update id
        redelivered = telegram_api.push_update(again)
        # PTB confirms an update by asking for the next offset once it has handled it.
        await telegram_api.wait_for(
            "getUpdates", predicate=lambda p: p.get("offset", 0) > redelivered["update_id"]
        )
        await desk.settled()
        assert len(desk.inbox_cards()) == 1
        counts = await desk.runtime.ctx.store.counts()
        assert counts["messages"] == {"in": 1}


async def test_a_bad_slack_signature_is_refused_and_nothing_happens(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(CHAT, WHERE_IS_MY_ORDER, language_code="es")
        )
        card = await desk.wait_card()
        assert await desk.click(card, "bd_send", bad_signature=True) == 401
        await desk.settled()  # refused before anything was started: nothing to wait for
        assert telegram_api.sent_messages() == []
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None and record.status == "pending"


async def test_photo_with_caption_is_shown_as_a_labelled_placeholder(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.photo_update(CHAT, caption="The mug arrived broken", language_code="en")
        )
        card = await desk.wait_card()
        assert "[photo] The mug arrived broken" in card_text(card)
        telegram_api.push_update(telegram_api.location_update(CHAT, 52.52, 13.405))
        follow_up = await desk.wait_card(thread_ts=card["ts"])
        assert "[location: 52.52000,13.40500]" in card_text(follow_up)


async def test_start_greets_in_the_users_language_without_a_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.command_update(CHAT, "/start", first_name="Lukas", language_code="de")
        )
        [sent] = await telegram_api.wait_for("sendMessage")
        expected, language = desk.runtime.ctx.engine.render(
            "greeting",
            "de",
            {
                "shopper_name": "Lukas",
                "store_name": "Test Store",
            },
        )
        assert language == "de" and sent["text"] == expected
        assert desk.inbox_cards() == []


async def test_escalate_posts_to_the_department_channel(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(
                CHAT,
                "My order #B20411 arrived damaged, the cup is broken into pieces.",
                language_code="en",
            )
        )
        card = await desk.wait_card()
        assert await desk.click(card, "bd_escalate") == 200
        [notice] = await slack_api.wait_for(
            "chat.postMessage", predicate=lambda p: p.get("channel") == WAREHOUSE
        )
        escalation = card_text(notice)
        assert "cup is broken" in escalation and "escalated to *warehouse* by lee" in escalation
        await slack_api.wait_for("chat.update")
        updated = next(m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"])
        assert "Escalated to warehouse by lee" in card_text(updated)
        # escalating answers the shopper too (issue 13): the card's suggested reply, once
        [sent] = await telegram_api.wait_for("sendMessage")
        # B20411 is only typed, not linked: the reply asks for what links it (issue 15)
        assert sent["text"].startswith("We're very sorry your item arrived damaged")
        assert "e-mail address or phone number you used at checkout" in sent["text"]
        assert "Shopper answered with the suggested reply" in card_text(updated)
