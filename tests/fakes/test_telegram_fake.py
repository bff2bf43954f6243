"""The Telegram fake, driven by the real python-telegram-bot.

If these pass, end-to-end tests that use the fake exercise PTB's actual wire behaviour, and
any request our bot makes that the real API would reject shows up in ``fake.violations``.
"""

import asyncio
import datetime as dt
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, RetryAfter
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from .spec_paths import require_specs
from .telegram_api import FakeTelegramAPI

TOKEN = "123456:TEST-token"
CHAT = 4242
PNG = b"\x89PNG\r\n\x1a\n fake"
BAD_KEYBOARD = '{"inline_keyboard": [[{"txt": "a"}]]}'


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTelegramAPI]:
    require_specs()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    async with FakeTelegramAPI(TOKEN) as api:
        yield api
    assert api.violations == [], "a test left spec violations behind"


def build_app(fake: FakeTelegramAPI) -> Application:  # type: ignore[type-arg]
    app_builder = ApplicationBuilder().token(TOKEN).base_url(fake.base_url)
    return app_builder.base_file_url(fake.base_file_url).build()


async def raw_post(
    fake: FakeTelegramAPI, method: str, token: str = TOKEN, **params: Any
) -> tuple[int, Any]:
    """POST like PTB does (form-encoded), or as JSON when a value is not a string."""
    as_form = all(isinstance(v, str) for v in params.values())
    url = f"http://127.0.0.1:{fake.port}/bot{token}/{method}"
    async with aiohttp.ClientSession() as session:
        post = session.post(url, data=params) if as_form else session.post(url, json=params)
        async with post as resp:
            return resp.status, await resp.json()


async def test_get_me_identifies_the_bot(fake: FakeTelegramAPI) -> None:
    async with build_app(fake) as app:
        assert (app.bot.id, app.bot.username) == (123456, "borderdesk_test_bot")
        assert app.bot.can_join_groups is True
    assert fake.calls[0] == ("getMe", {})


async def test_send_message_is_recorded_decoded_with_increasing_ids(fake: FakeTelegramAPI) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Sí", callback_data="yes")]])
    async with build_app(fake) as app:
        first = await app.bot.send_message(CHAT, "Hola", reply_markup=keyboard)
        second = await app.bot.send_message(CHAT, "¿Algo más?")
        await app.bot.send_message(7, "other chat")
    assert (first.chat.id, first.chat.type, first.text) == (CHAT, "private", "Hola")
    assert first.from_user is not None and first.from_user.is_bot
    assert first.reply_markup == keyboard
    assert second.message_id == first.message_id + 1
    assert fake.sent_messages(CHAT) == [
        {
            "chat_id": CHAT,
            "text": "Hola",
            "message_id": first.message_id,
            "reply_markup": {"inline_keyboard": [[{"text": "Sí", "callback_data": "yes"}]]},
        },
        {"chat_id": CHAT, "text": "¿Algo más?", "message_id": second.message_id},
    ]
    assert len(fake.sent_messages()) == 3


async def test_unknown_parameter_is_a_violation_and_bad_request(fake: FakeTelegramAPI) -> None:
    async with build_app(fake) as app:
        with pytest.raises(BadRequest, match="(?i)unknown parameter 'colour'"):
            await app.bot.send_message(CHAT, "hola", api_kwargs={"colour": "red"})
    assert fake.violations == ["sendMessage: unknown parameter 'colour'"]
    assert fake.sent_messages() == []
    fake.violations.clear()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"chat_id": "4242"}, "missing required parameter 'text'"),
        (
            {"chat_id": "4242", "text": "x", "message_thread_id": "abc"},
            "message_thread_id: expected Integer, got String 'abc'",
        ),
        ({"chat_id": [1], "text": "x"}, "chat_id: expected Integer or String, got Array"),
        ({"chat_id": "4242", "text": "   "}, "message text is empty"),
        ({"chat_id": "4242", "text": "x" * 4097}, "message is too long"),
        (
            {"chat_id": "4242", "text": "x", "disable_notification": "maybe"},
            "disable_notification: expected Boolean, got String 'maybe'",
        ),
        (
            {"chat_id": "4242", "text": "x", "reply_markup": BAD_KEYBOARD},
            "inline_keyboard[0][0]: missing required field 'text' of InlineKeyboardButton",
        ),
        (
            {"chat_id": "4242", "text": "x", "reply_markup": BAD_KEYBOARD},
            "reply_markup.inline_keyboard[0][0]: unknown field 'txt' in InlineKeyboardButton",
        ),
    ],
)
async def test_spec_violations_are_answered_like_the_real_api(
    fake: FakeTelegramAPI, data: dict[str, Any], expected: str
) -> None:
    status, body = await raw_post(fake, "sendMessage", **data)
    assert status == 400 and body["ok"] is False and body["error_code"] == 400
    assert body["description"].startswith("Bad Request: ") and expected in body["description"]
    assert any(expected in v for v in fake.violations), fake.violations
    fake.violations.clear()


async def test_wrong_token_and_unknown_method_are_not_violations(fake: FakeTelegramAPI) -> None:
    assert await raw_post(fake, "getMe", token="1:wrong") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    status, body = await raw_post(fake, "sendTelepathy")
    assert (status, body["description"]) == (404, "Not Found: method not found")
    assert fake.violations == []


async def test_other_methods_answer_true_and_wrong_result_types_are_flagged(
    fake: FakeTelegramAPI,
) -> None:
    async with build_app(fake) as app:
        assert await app.bot.send_chat_action(CHAT, "typing") is True
        photo = await app.bot.send_photo(CHAT, photo=PNG, caption="la caja")
    assert (photo.caption, photo.chat.id) == ("la caja", CHAT)
    uploaded = [p["photo"] for m, p in fake.calls if m == "sendPhoto"]
    assert [(u.filename is not None, u.size) for u in uploaded] == [(True, len(PNG))]
    assert fake.violations == []
    assert (await raw_post(fake, "getChat", chat_id=str(CHAT)))[0] == 200
    assert fake.violations == ["getChat response: result: expected ChatFullInfo, got Boolean"]
    fake.violations.clear()


async def test_malformed_pushed_update_is_a_violation(fake: FakeTelegramAPI) -> None:
    update = fake.push_update({"message": {"text": "hi", "colour": "red"}})
    assert update["update_id"] > 0
    assert fake.violations == [
        "update: update.message: missing required field 'message_id' of Message",
        "update: update.message: missing required field 'date' of Message",
        "update: update.message: missing required field 'chat' of Message",
        "update: update.message: unknown field 'colour' in Message",
    ]
    fake.violations.clear()


async def test_builders_produce_spec_valid_updates_that_ptb_parses(fake: FakeTelegramAPI) -> None:
    async with build_app(fake) as app:
        await app.bot.send_message(
            CHAT,
            "Elige",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Sí", callback_data="yes")]]),
        )
    updates = [
        fake.text_update(CHAT, "hola", last_name="Pérez", username="ana_p"),
        fake.command_update(CHAT, "/start ref42", language_code="pt-BR"),
        fake.photo_update(CHAT, caption="la caja rota"),
        fake.document_update(CHAT, file_name="factura.pdf", caption="mi factura"),
        fake.voice_update(CHAT),
        fake.sticker_update(CHAT, emoji="😡"),
        fake.location_update(CHAT, -34.6, -58.4),
        fake.callback_update(CHAT, "yes"),
    ]
    for update in updates:
        assert fake.validate_update(update) == [], update
    parsed = [Update.de_json(u, app.bot) for u in updates]
    ids = [u.update_id for u in parsed]
    assert ids == sorted(set(ids))
    message_ids = [u.message.message_id for u in parsed if u.message]
    assert message_ids == sorted(set(message_ids)) and message_ids[0] == 2  # 1 is the bot's
    assert parsed[1].message and parsed[1].message.text == "/start ref42"
    assert parsed[1].message.entities[0].length == len("/start")
    assert parsed[1].message.from_user and parsed[1].message.from_user.language_code == "pt-BR"
    assert parsed[2].message and parsed[2].message.photo[-1].width == 1280
    assert parsed[3].message and parsed[3].message.document
    assert parsed[3].message.document.file_name == "factura.pdf"
    assert parsed[5].message and parsed[5].message.sticker
    assert parsed[5].message.sticker.emoji == "😡"
    query = parsed[7].callback_query
    assert query and query.data == "yes" and query.message and query.message.message_id == 1


async def test_builders_for_every_content_kind_are_spec_valid_and_ptb_reads_them(
    fake: FakeTelegramAPI,
) -> None:
    updates = [
        fake.venue_update(CHAT, "Café Central", "Herrengasse 14"),
        fake.contact_update(CHAT, "+34 600 123 456", "Luis"),
        fake.poll_update(CHAT, "Blue or green?", ("Blue", "Green")),
        fake.dice_update(CHAT, "🎯", 6),
        fake.audio_update(CHAT, title="Song", performer="Band", duration=61),
        fake.video_note_update(CHAT, 9),
        fake.animation_update(CHAT, caption="lol"),
        fake.text_update(CHAT, "from 1970", date=0),
    ]
    assert [e for u in updates for e in fake.validate_update(u)] == []
    async with build_app(fake) as app:
        parsed = [Update.de_json(u, app.bot).message for u in updates]
    venue, contact, poll, dice, audio, video_note, animation, dated = parsed
    assert venue and venue.venue and venue.location  # a venue carries its location too
    assert (venue.venue.title, venue.venue.address) == ("Café Central", "Herrengasse 14")
    assert contact and contact.contact and contact.contact.phone_number == "+34 600 123 456"
    assert poll and poll.poll and [o.text for o in poll.poll.options] == ["Blue", "Green"]
    assert dice and dice.dice and (dice.dice.emoji, dice.dice.value) == ("🎯", 6)
    assert audio and audio.audio and audio.audio.performer == "Band"
    assert video_note and video_note.video_note
    assert animation and animation.animation and animation.document  # as Telegram sends it
    assert animation.caption == "lol"
    assert dated and dated.date.timestamp() == 0


async def test_builders_around_messages_are_spec_valid_and_ptb_reads_them(
    fake: FakeTelegramAPI,
) -> None:
    first = fake.text_update(CHAT, "order 10389", date=1_760_000_000)
    original_id = first["message"]["message_id"]
    updates = [
        fake.group_update(-4242, "hi all", user_id=77, supergroup=False),
        fake.group_update(-1001234567890, "hi all", user_id=77),
        fake.channel_post_update(-1009876543210, "news"),
        fake.pinned_update(CHAT, original_id),
        fake.migrate_update(-4242, -1004242000000),
        fake.new_members_update(-1001234567890, (88, 99)),
        fake.edited_update(CHAT, original_id, "order 10398", date=1_760_000_060),
        fake.chat_member_update(CHAT, "kicked"),
        fake.chat_member_update(CHAT, "member"),
        fake.chat_member_update(-1001234567890, "member", user_id=77),
    ]
    assert [e for u in updates for e in fake.validate_update(u)] == []
    async with build_app(fake) as app:
        group, supergroup, post, pinned, migrate, joined, edit, kicked, back, added = [
            Update.de_json(u, app.bot) for u in updates
        ]
    assert group.message and group.message.chat.type == "group"
    assert group.message.from_user and group.message.from_user.id == 77
    assert supergroup.message and supergroup.message.chat.type == "supergroup"
    assert post.channel_post and post.channel_post.from_user is None
    assert pinned.message and pinned.message.pinned_message
    assert pinned.message.pinned_message.message_id == original_id
    assert migrate.message and migrate.message.migrate_to_chat_id == -1004242000000
    assert joined.message and [u.id for u in joined.message.new_chat_members] == [88, 99]
    assert edit.edited_message and edit.edited_message.message_id == original_id
    assert edit.edited_message.date.timestamp() == 1_760_000_000  # the original's date
    assert edit.edited_message.edit_date and edit.edited_message.edit_date.timestamp() == (
        1_760_000_060
    )
    assert kicked.my_chat_member and kicked.my_chat_member.new_chat_member.status == "kicked"
    assert kicked.my_chat_member.old_chat_member.status == "member"
    assert back.my_chat_member and back.my_chat_member.new_chat_member.status == "member"
    assert back.my_chat_member.old_chat_member.status == "kicked"
    assert added.my_chat_member and added.my_chat_member.chat.type == "supergroup"
    assert added.my_chat_member.old_chat_member.status == "left"


async def test_get_updates_delivers_only_the_subscribed_kinds(fake: FakeTelegramAPI) -> None:
    """Like Telegram: a bot that forgets to subscribe to edits never gets one."""
    message = fake.push_update(fake.text_update(CHAT, "order 10389"))
    edit = fake.push_update(fake.edited_update(CHAT, message["message"]["message_id"], "10398"))
    reaction = {"chat": {"id": CHAT, "type": "private", "first_name": "Ana"}, "message_id": 1}
    reaction |= {"date": 1_760_000_000, "old_reaction": [], "new_reaction": []}
    fake.push_update({"message_reaction": reaction})  # not sent unless asked for
    async with build_app(fake) as app:
        by_default = await app.bot.get_updates(timeout=0)
        assert [u.update_id for u in by_default] == [message["update_id"], edit["update_id"]]
        only_messages = await app.bot.get_updates(timeout=0, allowed_updates=["message"])
        assert [u.update_id for u in only_messages] == [message["update_id"]]
        later = fake.push_update(fake.edited_update(CHAT, 1, "again"))
        kept = await app.bot.get_updates(timeout=0)  # the last setting is kept
        assert later["update_id"] not in [u.update_id for u in kept]
        await app.bot.set_webhook("https://bot.example.com/hook", allowed_updates=["message"])
    assert fake.allowed_updates == ["message"]


async def test_media_files_can_be_fetched_and_downloaded(fake: FakeTelegramAPI) -> None:
    file_id = fake.voice_update(CHAT)["message"]["voice"]["file_id"]
    async with build_app(fake) as app:
        downloaded = await (await app.bot.get_file(file_id)).download_as_bytearray()
        with pytest.raises(BadRequest, match="(?i)invalid file_id"):
            await app.bot.get_file("nope")
    assert bytes(downloaded) == fake.files[file_id]


async def test_edits_and_callback_answers(fake: FakeTelegramAPI) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Sí", callback_data="yes")]])
    async with build_app(fake) as app:
        sent = await app.bot.send_message(CHAT, "¿Confirmas?", reply_markup=keyboard)
        await app.bot.answer_callback_query("cb-1", text="¡Gracias!")
        edited = await app.bot.edit_message_text("Confirmado", CHAT, sent.message_id)
        assert edited.text == "Confirmado" and edited.reply_markup is None
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await app.bot.edit_message_text("Confirmado", CHAT, sent.message_id)
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await app.bot.edit_message_text("x", CHAT, 999)
    assert [m for m, _ in fake.calls].count("editMessageText") == 3


async def test_polling_delivers_each_update_once_and_stops_fast(fake: FakeTelegramAPI) -> None:
    received: list[str] = []

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message and update.message.text
        received.append(update.message.text)
        await context.bot.send_message(update.message.chat_id, f"eco: {update.message.text}")

    app = build_app(fake)
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    async with app:
        assert app.updater
        # a minute's long poll: stopping in well under it shows nothing waited for it, and
        # the bounds below leave a busy machine half a minute
        await app.updater.start_polling(timeout=60)
        await app.start()
        fake.push_update(fake.text_update(CHAT, "hola"))
        await fake.wait_for("sendMessage")
        fake.push_update(fake.text_update(CHAT, "otra"))
        await fake.wait_for("sendMessage", count=2)
        began = time.monotonic()
        await app.updater.stop()
        await app.stop()
        assert time.monotonic() - began < 30
    assert received == ["hola", "otra"]
    assert fake.pending_updates == []  # the shutdown getUpdates confirmed the last offset
    began = time.monotonic()
    await fake.stop()  # the cancelled long poll is still parked server-side
    assert time.monotonic() - began < 30


async def test_long_poll_waits_for_timeout_push_or_stop(fake: FakeTelegramAPI) -> None:
    """The polls below wait a minute when nothing wakes them: answers in well under half
    of that come from the push or the stop, however busy the machine."""
    began = time.monotonic()
    assert await raw_post(fake, "getUpdates", timeout="1") == (200, {"ok": True, "result": []})
    assert 0.9 < time.monotonic() - began < 30

    poll = asyncio.create_task(raw_post(fake, "getUpdates", timeout="60"))
    await fake.wait_for("getUpdates", count=2)
    update = fake.push_update(fake.text_update(CHAT, "hola"))
    assert await asyncio.wait_for(poll, 30) == (200, {"ok": True, "result": [update]})

    poll = asyncio.create_task(
        raw_post(fake, "getUpdates", offset=str(update["update_id"] + 1), timeout="60")
    )
    await fake.wait_for("getUpdates", count=3)
    # the poll is parked, not answered: a request made after it arrived has its answer
    # first, however slow the machine (no time to wait out before looking)
    assert (await raw_post(fake, "getMe"))[0] == 200
    assert not poll.done()
    await asyncio.wait_for(fake.stop(), 30)
    assert await poll == (200, {"ok": True, "result": []})


async def test_retry_after_injection_becomes_ptb_retry_after(fake: FakeTelegramAPI) -> None:
    fake.fail_next("sendMessage", status=429, retry_after=7)
    async with build_app(fake) as app:
        with pytest.raises(RetryAfter) as raised:
            await app.bot.send_message(CHAT, "hola")
        await app.bot.send_message(CHAT, "hola")
    assert raised.value.retry_after in (7, dt.timedelta(seconds=7))
    assert [m["text"] for m in fake.sent_messages()] == ["hola"]
    assert len(await fake.wait_for("sendMessage", count=2)) == 2  # both attempts recorded


async def test_get_updates_conflicts_while_a_webhook_is_set(fake: FakeTelegramAPI) -> None:
    async with build_app(fake) as app:
        await app.bot.set_webhook("https://bot.example.com/hook", secret_token="s3cret")
        assert (fake.webhook_url, fake.webhook_secret) == ("https://bot.example.com/hook", "s3cret")
        assert (await app.bot.get_webhook_info()).url == "https://bot.example.com/hook"
        with pytest.raises(Conflict, match="webhook is active"):
            await app.bot.get_updates()
        await app.bot.delete_webhook()
        assert await app.bot.get_updates() == ()


async def test_post_webhook_reaches_ptb_webhook_server_with_secret(fake: FakeTelegramAPI) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    received: list[str] = []

    async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message and update.message.text
        received.append(update.message.text)

    app = build_app(fake)
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    url = f"http://127.0.0.1:{port}/hook"
    async with app:
        assert app.updater
        await app.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="hook", webhook_url=url, secret_token="s3cret"
        )
        await app.start()
        assert (fake.webhook_url, fake.webhook_secret) == (url, "s3cret")
        assert await fake.post_webhook(url, fake.text_update(CHAT, "hola"), "wrong") == 403
        assert await fake.post_webhook(url, fake.text_update(CHAT, "hola"), "s3cret") == 200
        for _ in range(3000):  # up to 30 s: the handler runs after the webhook's answer
            if received:
                break
            await asyncio.sleep(0.01)
        await app.updater.stop()
        await app.stop()
    assert received == ["hola"]
