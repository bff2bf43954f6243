"""Telegram beyond a shopper's new message, end to end: group chats, edits, blocks.

Real python-telegram-bot polling the fake Bot API (which delivers only the update kinds
the bot subscribed to), real slack-bolt with the fake Slack API, a real SQLite file.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.storage import Store, sqlite_url
from bot.storage.schema import conversations, messages, outbox
from handlers.proactive import send_proactive
from tests.e2e.harness import INBOX, Desk, card_text, is_note, running_desk, wait_until
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.handlers.desk import add_order, shipped

CHAT = 4242
GROUP = -1001234567890
TRACKING = "JD014600003623440000"
WHERE = "Where is my order 10389?"
LEARNED = [
    (WHERE, "track_order"),
    ("Where is my order 10398?", "track_order"),
    ("I want to cancel my order 10389", "cancel_order"),
]


async def rows(db: Path, table: Any, *where: Any) -> list[Any]:
    store = await Store.open(sqlite_url(db), migrate_schema=False)
    try:
        async with store.engine.connect() as conn:
            return list(await conn.execute(select(table).where(*where).order_by(table.c.id)))
    finally:
        await store.close()


def notes(desk: Desk, card: dict[str, Any]) -> list[str]:
    return [m["text"] for m in desk.slack.messages(INBOX, thread_ts=card["ts"]) if is_note(m)]


async def wait_note(desk: Desk, card: dict[str, Any], words: str) -> str:
    await wait_until(lambda: any(words in n for n in notes(desk, card)), f"a note with {words!r}")
    return next(n for n in notes(desk, card) if words in n)


async def confirmed(telegram: FakeTelegramAPI, update: dict[str, Any]) -> None:
    """Polling moved past ``update``: Telegram will not send it again."""
    await telegram.wait_for(
        "getUpdates", predicate=lambda p: p.get("offset", 0) > update["update_id"]
    )


async def test_a_group_message_is_acknowledged_not_stored_and_gets_no_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        group = telegram_api.push_update(
            telegram_api.group_update(GROUP, "anyone else waiting for 10389?", user_id=5151)
        )
        telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, first_name="Ana"))
        card = await desk.wait_card()
        await confirmed(telegram_api, group)
        assert "Ana" in card_text(card) and len(desk.inbox_cards()) == 1
    assert [(r.chat_id, r.chat_type) for r in await rows(db, conversations)] == [
        (str(CHAT), "private")
    ]
    assert [r.text for r in await rows(db, messages)] == [WHERE]


async def test_with_groups_allowed_a_group_gets_a_card_and_a_reply_without_tracking(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    store = await Store.open(sqlite_url(db))
    await add_order(
        store, "#1001", email="ana.lima@example.com", **shipped("DHL", TRACKING, date(2026, 12, 4))
    )
    await store.close()
    learned = [("Where is my order #1001?", "track_order")]
    async with running_desk(
        db, telegram_api, slack_api, learned=learned, telegram_groups="allow"
    ) as desk:
        # privately, with the e-mail on the order: linked, and answered with the tracking
        private = "Hi, where is my order #1001? My e-mail is ana.lima@example.com"
        telegram_api.push_update(telegram_api.text_update(CHAT, private, language_code="en"))
        card = await desk.wait_card()
        assert await desk.click(card, "bd_send") == 200
        [reply] = await telegram_api.wait_for("sendMessage")
        assert TRACKING in reply["text"]

        # the same person asks in a group: a card of its own, and nothing of the order
        asked = "Where is my order #1001? ana.lima@example.com"
        telegram_api.push_update(
            telegram_api.group_update(GROUP, asked, user_id=CHAT, language_code="en")
        )
        group_card = await desk.wait_card(2)
        assert asked in card_text(group_card) and TRACKING not in card_text(group_card)
        assert "Linked order" not in card_text(group_card)
        assert await desk.click(group_card, "bd_send") == 200
        [group_reply] = await telegram_api.wait_for(
            "sendMessage", predicate=lambda p: p["chat_id"] == GROUP
        )
        assert TRACKING not in group_reply["text"] and "DHL" not in group_reply["text"]
    assert {(r.chat_id, r.chat_type) for r in await rows(db, conversations)} == {
        (str(CHAT), "private"),
        (str(GROUP), "group"),
    }


async def test_an_edit_that_changes_the_order_number_is_a_correction_and_a_new_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        first = telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, first_name="Ana"))
        card = await desk.wait_card()
        original_id = first["message"]["message_id"]
        telegram_api.push_update(
            telegram_api.edited_update(CHAT, original_id, "Where is my order 10398?")
        )
        note = await wait_note(desk, card, "edited their message")
        assert "> Where is my order 10389?" in note and "> Where is my order 10398?" in note
        corrected = await desk.wait_card(1, thread_ts=card["ts"])
        assert "Where is my order 10398?" in card_text(corrected)
        await wait_until(
            lambda: "Superseded by the shopper's correction" in card_text(desk.inbox_cards()[0]),
            "the first card redrawn as superseded",
        )
        assert "bd_send" not in str(desk.inbox_cards()[0]["blocks"])  # nothing stale to send
        assert "bd_send" in str(corrected["blocks"])
    stored = await rows(db, messages)
    assert [(r.text, r.edit_of) for r in stored] == [
        (WHERE, None),
        ("Where is my order 10398?", stored[0].id),
    ]
    assert stored[1].platform_message_id.startswith(f"{CHAT}:{original_id}:edit:")


async def test_an_edit_that_keeps_the_question_is_shown_without_a_new_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        first = telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, first_name="Ana"))
        card = await desk.wait_card()
        original_id = first["message"]["message_id"]
        telegram_api.push_update(
            telegram_api.edited_update(CHAT, original_id, "Where is my order 10389 please?")
        )
        note = await wait_note(desk, card, "Same question")
        assert "> Where is my order 10389 please?" in note
        telegram_api.push_update(telegram_api.text_update(CHAT, "Thanks!", first_name="Ana"))
        await desk.wait_card(1, thread_ts=card["ts"])  # the next message: its own card
        assert [card_text(c) for c in desk.thread_cards(card["ts"])][0].count("Thanks!") == 1
        assert "Superseded" not in card_text(desk.inbox_cards()[0])


async def test_an_edit_of_a_message_never_stored_is_handled_as_a_new_message(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        telegram_api.push_update(telegram_api.edited_update(CHAT, 77, "Is the lamp in stock?"))
        card = await desk.wait_card()
        assert "Is the lamp in stock?" in card_text(card)


async def test_a_block_is_shown_to_staff_and_marks_the_shopper_until_unblocked(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    db = tmp_path / "desk.sqlite3"
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        store = desk.runtime.ctx.store
        telegram_api.push_update(telegram_api.text_update(CHAT, WHERE, first_name="Ana"))
        card = await desk.wait_card()
        conversation_id = (await rows(db, conversations))[0].id
        telegram_api.push_update(telegram_api.chat_member_update(CHAT, "kicked"))
        await wait_note(desk, card, "blocked the bot")
        assert await store.channel_blocked_at(conversation_id) is not None

        telegram_api.push_update(telegram_api.chat_member_update(CHAT, "member"))
        await wait_note(desk, card, "unblocked the bot")
        assert await store.channel_blocked_at(conversation_id) is None
        assert len(desk.inbox_cards()) == 1 and desk.thread_cards(card["ts"]) == []
    kinds = [(r.kind, r.processed_at is not None) for r in await rows(db, messages)]
    assert kinds == [("text", True), ("chat_blocked", True), ("chat_unblocked", True)]


async def test_a_blocked_shopper_gets_no_proactive_shipped_notice(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """Needs both parts: the block mark (intake) and the proactive query skipping it."""
    db = tmp_path / "desk.sqlite3"
    now = datetime.now(UTC)
    store = await Store.open(sqlite_url(db))
    for number, email in (("#1001", "ana@example.com"), ("#1002", "ben@example.com")):
        fields = shipped("DHL", TRACKING, now.date() + timedelta(days=5))
        fields |= {"shipped_at": now - timedelta(hours=1), "ordered_at": now - timedelta(days=2)}
        await add_order(store, number, email=email, **fields)
    await store.close()
    async with running_desk(db, telegram_api, slack_api, quiet_hours=(0, 0)) as desk:
        for chat, number, email in (
            (CHAT, "#1001", "ana@example.com"),
            (4343, "#1002", "ben@example.com"),
        ):
            text = f"Order {number}, my e-mail is {email}"
            telegram_api.push_update(telegram_api.text_update(chat, text, language_code="en"))
        await desk.wait_card(2)
        blocked = telegram_api.push_update(telegram_api.chat_member_update(CHAT, "kicked"))
        await confirmed(telegram_api, blocked)
        ana = next(r.id for r in await rows(db, conversations) if r.chat_id == str(CHAT))
        await wait_until(
            lambda: desk.runtime.ctx.store.channel_blocked_at(ana), "the shopper marked"
        )
        await send_proactive(desk.runtime.ctx, now)
    queued = {r.conversation_id for r in await rows(db, outbox) if "shipped" in r.idempotency_key}
    assert ana not in queued  # the blocked shopper: nothing queued
    assert len(queued) == 1  # the other one gets the shipped notice
