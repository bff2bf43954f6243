"""Joining two chats of one shopper only on a code sent to the chat that holds the order
(issue 14): the e-mail-merge attacker gets a code sent to the victim's chat and nothing
else, and five wrong guesses lock it; the real shopper on a new phone types the code and
both chats see the order; export and forget of a joined customer name both chats; staff
join and split, audited; the code is never in the logs nor kept in clear."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli_customers import run
from bot.config import Config
from bot.logs import configure_logging
from bot.storage import Store, sqlite_url
from bot.storage.schema import join_codes, messages, outbox
from handlers.customer_joins import handle_join_code
from tests.handlers.customers.test_privacy import cli
from tests.handlers.desk import LocalDesk, add_order, local_desk, shipped
from tests.security.test_identity_merge import (
    ATTACKER,
    VICTIM,
    VICTIM_EMAIL,
    VICTIM_TRACKING,
    victim_and_attacker,
)

NEW_PHONE = "4444"  # the victim's own second chat
CODE_SENT = "we have sent a 6-digit code to that chat"


def code_in(text: str) -> str:
    found = re.search(r"\b(\d{6})\b", text)
    assert found is not None, f"no code in {text!r}"
    return found.group(1)


def not_the(code: str, k: int) -> str:
    return f"{(int(code) + k) % 1_000_000:06d}"


async def vera_on_a_new_phone(desk: LocalDesk) -> str:
    """Vera linked #1001 in her first chat; on her new phone she proves it again. The code
    her first chat got."""
    await add_order(
        desk.store,
        "#1001",
        email=VICTIM_EMAIL,
        name="Vera Victim",
        **shipped("DHL", VICTIM_TRACKING, date(2026, 12, 4)),
    )
    await desk.say(f"Where is my order #1001? {VICTIM_EMAIL}", chat=VICTIM, name="Vera")
    await desk.say(f"my order #1001, e-mail {VICTIM_EMAIL}", chat=NEW_PHONE, name="Vera")
    return code_in(desk.sent(VICTIM)[-1])


async def test_the_attacker_only_sends_the_victim_a_code_and_five_wrong_guesses_lock_it(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await victim_and_attacker(desk)
        await desk.say(f"my order #1001, e-mail {VICTIM_EMAIL}", chat=ATTACKER, name="Mallory")
        to_victim = desk.sent(VICTIM)[-1]
        assert "nothing is shared without this code" in to_victim
        code = code_in(to_victim)
        assert CODE_SENT in desk.sent(ATTACKER)[-1]
        assert VICTIM_TRACKING not in desk.sent(ATTACKER)[-1]
        note = desk.cards()[-1].notes
        assert any("A one-time code was sent to that chat" in n for n in note), note

        cards_before = len(desk.cards())
        answers = []
        for k in range(1, 6):
            await desk.say(not_the(code, k), chat=ATTACKER, name="Mallory")
            answers.append(desk.sent(ATTACKER)[-1])
        assert [a.startswith("That code is not right") for a in answers] == [True] * 4 + [False]
        assert answers[0].endswith("Tries left: 4") and answers[3].endswith("Tries left: 1")
        assert "entered wrongly too many times" in answers[4]
        assert len(desk.cards()) == cards_before, "a code is not a card"
        assert any("typed a wrong join code" in n for n in desk.notes())
        assert any("is locked: nothing was shared" in n for n in desk.notes())

        # locked: even the right code joins nothing now, and no new code comes for a while
        sent_to_victim = len(desk.sent(VICTIM))
        await desk.say(code, chat=ATTACKER, name="Mallory")
        await desk.say(f"my order #1001, e-mail {VICTIM_EMAIL}", chat=ATTACKER, name="Mallory")
        assert len(desk.sent(VICTIM)) == sent_to_victim
        assert "entered wrongly too many times" in desk.sent(ATTACKER)[-1]
        attacker = await desk.customer(ATTACKER)
        assert [c.id for c in await desk.store.same_person(attacker.id)] == [attacker.id]
        await desk.say("where is my order?", chat=ATTACKER, name="Mallory")
        attacker_cards = desk.cards()[cards_before:]
        assert len(attacker_cards) == 3, "the right code after the lock is a plain message"
        for text in [c.suggestion.reply or "" for c in attacker_cards] + desk.sent(ATTACKER):
            assert VICTIM_TRACKING not in text
        mallory = await desk.command(f"customer id:{attacker.id}")
        assert "#1001" not in mallory and f"telegram {VICTIM}" not in mallory


async def test_the_real_shopper_types_the_code_and_both_chats_see_the_order(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        code = await vera_on_a_new_phone(desk)
        assert CODE_SENT in desk.sent(NEW_PHONE)[-1]
        await desk.say("where is my order?", chat=NEW_PHONE, name="Vera")
        assert VICTIM_TRACKING not in (desk.cards()[-1].suggestion.reply or "")

        # typed in the chat it was sent to, it does nothing there
        cards_before = len(desk.cards())
        await desk.say(code, chat=VICTIM, name="Vera")
        assert "only works in the other chat" in desk.sent(VICTIM)[-1]

        await desk.say(f"{code[:3]} {code[3:]}", chat=NEW_PHONE, name="Vera")
        assert len(desk.cards()) == cards_before, "neither code message became a card"
        joined = "your two chats with us are now joined"
        assert joined in desk.sent(NEW_PHONE)[-1] and joined in desk.sent(VICTIM)[-1]
        assert any(f"typed the join code sent to telegram:{VICTIM}" in n for n in desk.notes())

        await desk.say("where is my order?", chat=NEW_PHONE, name="Vera")
        assert VICTIM_TRACKING in (desk.cards()[-1].suggestion.reply or "")
        await desk.say("where is my order?", chat=VICTIM, name="Vera")
        assert VICTIM_TRACKING in (desk.cards()[-1].suggestion.reply or "")
        assert "2 channel identities" in (desk.cards()[-1].profile or "")
        actions = [(actor, action) for actor, action, _, _ in await desk.audit_rows()]
        assert ("shopper (join code)", "join") in actions

        # used once: the same code again is just a message
        await desk.say(code, chat=NEW_PHONE, name="Vera")
        assert len(desk.cards()) == cards_before + 3


async def test_a_code_typed_after_15_minutes_has_expired(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        code = await vera_on_a_new_phone(desk)
        desk.clock.now += timedelta(minutes=15, seconds=1)
        await desk.say(code, chat=NEW_PHONE, name="Vera")
        assert "That code has expired" in desk.sent(NEW_PHONE)[-1]
        new_phone = await desk.customer(NEW_PHONE)
        assert len(await desk.store.same_person(new_phone.id)) == 1
        # proving the order again sends a new code, and that one works
        await desk.say(f"my order #1001, e-mail {VICTIM_EMAIL}", chat=NEW_PHONE, name="Vera")
        fresh = code_in(desk.sent(VICTIM)[-1])
        await desk.say(fresh, chat=NEW_PHONE, name="Vera")
        assert len(await desk.store.same_person(new_phone.id)) == 2


async def test_a_code_handled_again_after_a_crash_counts_once(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        code = await vera_on_a_new_phone(desk)
        await desk.say(not_the(code, 1), chat=NEW_PHONE, name="Vera")
        new_phone = await desk.customer(NEW_PHONE)
        [conversation_id] = await desk.store.customer_conversations([new_phone.id])
        async with desk.store.engine.connect() as conn:
            typed = await conn.execute(
                select(func.max(messages.c.id)).where(
                    messages.c.conversation_id == conversation_id, messages.c.direction == "in"
                )
            )
            message_id = typed.scalar_one()
        message = await desk.store.inbound_message(message_id)
        assert message.text == not_the(code, 1)

        # the resume loop handles the same stored message again
        assert await handle_join_code(desk.runtime.ctx, message, conversation_id, message_id, "en")
        await desk.runtime.outbox.drain()
        wrong = [t for t in desk.sent(NEW_PHONE) if t.startswith("That code is not right")]
        assert wrong == [
            "That code is not right. Please check the message we sent to your "
            "other chat and try again. Tries left: 4"
        ]
        pending = await desk.store.pending_join_code(new_phone.id)
        assert pending is not None and pending.tries_left == 4


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """The desk's own logging set-up at its most verbose, into a file; put back after."""
    root, db_logger = logging.getLogger(), logging.getLogger("aiosqlite")
    handlers, level, db_level = root.handlers[:], root.level, db_logger.level
    path = tmp_path / "desk.log"
    configure_logging("DEBUG", path=path)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)
        db_logger.setLevel(db_level)


async def test_the_code_is_never_logged_nor_kept_in_clear(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, debug_log: Path
) -> None:
    logging.getLogger().addHandler(caplog.handler)  # what the desk's set-up lets through
    async with local_desk(tmp_path) as desk:
        code = await vera_on_a_new_phone(desk)
        async with desk.store.engine.connect() as conn:
            stored = [r.text for r in await conn.execute(select(outbox.c.text))]
            stored += [r.text for r in await conn.execute(select(messages.c.text))]
            kept = (await conn.execute(select(join_codes))).one()
        assert not [text for text in stored if code in text]
        assert any("Someone writing to us from another chat" in t for t in stored)
        assert code not in json.dumps([str(v) for v in kept])
        await desk.say(code, chat=NEW_PHONE, name="Vera")
        cards = [c.suggestion.reply or "" for c in desk.cards()]
        assert not [text for text in desk.notes() + cards if code in text]
    written = debug_log.read_text(encoding="utf-8")
    assert "DEBUG" in written and "BorderDesk stopped" in written, "the desk logs at all"
    alone = re.compile(rf"(?<!\d){code}(?!\d)")  # not a part of some longer number
    assert alone.search(written) is None
    assert caplog.records and alone.search(caplog.text) is None


async def test_staff_join_and_split_chats_and_each_is_audited(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await vera_on_a_new_phone(desk)
        answer = await desk.command(f"customer join telegram:{VICTIM} telegram:{NEW_PHONE}")
        assert answer == (
            f"Joined: telegram:{VICTIM}, telegram:{NEW_PHONE} are one customer now, and see "
            "the same orders."
        )
        await desk.say("where is my order?", chat=NEW_PHONE, name="Vera")
        assert VICTIM_TRACKING in (desk.cards()[-1].suggestion.reply or "")
        victim, new_phone = await desk.customer(VICTIM), await desk.customer(NEW_PHONE)
        ids = sorted([victim.id, new_phone.id])
        assert ("lee", "join", victim.id, {"identities": ids, "kind": "staff"}) in (
            await desk.audit_rows()
        )

        answer = await desk.command(f"customer split telegram:{NEW_PHONE}", actor="mira")
        assert answer.startswith(f"Split: telegram:{NEW_PHONE} is a customer of its own again")
        assert ("mira", "split", new_phone.id, {"identities": ids[::-1], "kind": "staff"}) in (
            await desk.audit_rows()
        )
        await desk.say("where is my order?", chat=NEW_PHONE, name="Vera")
        assert VICTIM_TRACKING not in (desk.cards()[-1].suggestion.reply or "")
        assert "not joined" in await desk.command(f"customer split telegram:{NEW_PHONE}")
        assert "No chat telegram:999" in await desk.command("customer join telegram:999 id:1")


async def test_export_and_forget_of_a_joined_customer_name_both_chats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with local_desk(tmp_path) as desk:
        await vera_on_a_new_phone(desk)
        await desk.say("Hello, just a question", chat="7777", name="Somebody Else")
        db = desk.db
    config = Config(database_url=sqlite_url(db))
    both = f"covers chats: telegram:{VICTIM}, telegram:{NEW_PHONE}"

    argv = cli("customer", "join", f"telegram:{VICTIM}", f"telegram:{NEW_PHONE}")
    assert await asyncio.to_thread(run, config, argv) == 0
    assert "are one customer now" in capsys.readouterr().out

    out = tmp_path / "vera.json"
    argv = cli("customer", "export", "#1001", "--out", str(out))
    assert await asyncio.to_thread(run, config, argv) == 0
    assert both in capsys.readouterr().out
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["chats"] == [f"telegram:{VICTIM}", f"telegram:{NEW_PHONE}"]
    assert exported["covers"].startswith(both)
    assert {m["conversation_id"] for m in exported["messages"]} == {
        c["id"] for c in exported["conversations"]
    }
    assert len(exported["conversations"]) == 2

    other = tmp_path / "other.json"
    argv = cli("customer", "export", "Somebody Else", "--out", str(other))
    assert await asyncio.to_thread(run, config, argv) == 0
    assert "covers chats: telegram:7777\n" in capsys.readouterr().out

    argv = cli("customer", "forget", "#1001", "--yes")
    assert await asyncio.to_thread(run, config, argv) == 0
    said = capsys.readouterr().out
    assert f"  {both}\n" in said and "2 identities" in said
    store = await Store.open(sqlite_url(db))
    try:
        for chat in (VICTIM, NEW_PHONE):
            assert await store.customer_by_identity("telegram", chat) is None  # erased ids
        [kept] = await store.find_customers("Somebody Else")
        assert kept.forgotten_at is None
    finally:
        await store.close()
