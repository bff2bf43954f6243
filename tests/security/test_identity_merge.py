"""The e-mail-merge attack (issue 14): an attacker places a cheap order with the victim's
e-mail, proves it from their own chat, and must get nothing of the victim's: no order
data in replies or profiles, no shared profile, an export without the victim's messages,
and a forget that erases only the attacker. Phones prove an order only as whole numbers."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli_customers import run
from bot.config import Config
from bot.storage import Store, sqlite_url
from tests.handlers.customers.test_privacy import cli
from tests.handlers.desk import LocalDesk, add_order, local_desk, shipped

VICTIM, ATTACKER = "1111", "6666"
VICTIM_EMAIL = "vera.victim@example.com"
VICTIM_TRACKING = "JD014600009999990000"
VICTIM_SECRET = "my new address is 5 Hidden Lane, flat 3"


async def victim_and_attacker(desk: LocalDesk) -> None:
    """Vera linked her order #1001 and wrote something private; the attacker placed a
    cancelled 1.00 order #2000 with Vera's e-mail and proved it from their own chat."""
    await add_order(
        desk.store,
        "#1001",
        email=VICTIM_EMAIL,
        name="Vera Victim",
        **shipped("DHL", VICTIM_TRACKING, date(2026, 12, 4)),
    )
    await desk.say(f"Where is my order #1001? {VICTIM_EMAIL}", chat=VICTIM, name="Vera Victim")
    await desk.say(VICTIM_SECRET, chat=VICTIM, name="Vera Victim")
    await add_order(
        desk.store, "#2000", email=VICTIM_EMAIL, name="Vera Victim", status="cancelled", total=1.0
    )
    await desk.say(f"my order #2000, e-mail {VICTIM_EMAIL}", chat=ATTACKER, name="Mallory")


async def test_the_attacker_gets_no_order_data_and_no_shared_profile(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await victim_and_attacker(desk)
        assert "Linked order #2000 (e-mail matches)." in desk.cards()[-1].notes
        await desk.say("where is my order?", chat=ATTACKER, name="Mallory")
        await desk.say(
            f"where is my order #1001? e-mail {VICTIM_EMAIL}", chat=ATTACKER, name="Mallory"
        )
        attacker_cards = desk.cards()[-2:]
        shown = [card.suggestion.reply or "" for card in attacker_cards]
        shown += [card.profile or "" for card in attacker_cards]
        shown += desk.sent(ATTACKER)
        for text in shown:
            assert VICTIM_TRACKING not in text and "DHL" not in text, text
        assert any("another chat proved it first" in n for n in attacker_cards[-1].notes)
        assert "2 channel identities" not in (attacker_cards[-1].profile or "")

        attacker, victim = await desk.customer(ATTACKER), await desk.customer(VICTIM)
        mallory = await desk.command(f"customer id:{attacker.id}")
        assert f"telegram {VICTIM}" not in mallory and "#1001" not in mallory
        vera = await desk.command(f"customer id:{victim.id}")
        assert f"telegram {ATTACKER}" not in vera and "#2000" not in vera
        assert "#1001" in vera and VICTIM_TRACKING in vera

        # the victim still gets her own order
        await desk.say("where is my order?", chat=VICTIM, name="Vera Victim")
        assert VICTIM_TRACKING in (desk.cards()[-1].suggestion.reply or "")


async def test_export_and_forget_of_the_attacker_leave_the_victim_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with local_desk(tmp_path) as desk:
        await victim_and_attacker(desk)
        attacker, victim = await desk.customer(ATTACKER), await desk.customer(VICTIM)
        db = desk.db
    config = Config(database_url=sqlite_url(db))

    out = tmp_path / "attacker.json"
    argv = cli("customer", "export", f"id:{attacker.id}", "--out", str(out))
    assert await asyncio.to_thread(run, config, argv) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["identities"] == [attacker.id]
    assert "not other chats or orders that merely share an e-mail" in exported["covers"]
    assert [c["platform_user_id"] for c in exported["customers"]] == [ATTACKER]
    assert [o["order_number"] for o in exported["orders"]] == ["#2000"]
    text = json.dumps(exported, ensure_ascii=False)
    for secret in (VICTIM_SECRET, VICTIM_TRACKING, "#1001", "Where is my order #1001"):
        assert secret not in text, secret

    argv = cli("customer", "forget", f"id:{attacker.id}", "--yes")
    assert await asyncio.to_thread(run, config, argv) == 0
    said = capsys.readouterr().out
    assert f"channels: telegram {ATTACKER} (id {attacker.id})\n" in said
    assert "erases these channel identities" in said and "1 identities" in said
    store = await Store.open(sqlite_url(db))
    try:
        assert (await store.customer(attacker.id)).name == "(forgotten)"  # type: ignore[union-attr]
        kept = await store.customer(victim.id)
        assert kept is not None and kept.name == "Vera Victim" and kept.forgotten_at is None
        [order] = await store.customer_orders([victim.id])
        assert order.email == VICTIM_EMAIL and order.tracking_number == VICTIM_TRACKING
        exported = await store.customer_export([victim.id])
        assert VICTIM_SECRET in {m["text"] for m in exported["messages"]}
    finally:
        await store.close()


async def test_a_phone_suffix_proves_nothing_and_a_national_format_does(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await add_order(
            desk.store,
            "#3000",
            phone="+49 151 12345678",
            country="DE",
            **shipped("DPD", "01234567890123", date(2026, 11, 27)),
        )
        await desk.say("where is my order #3000? phone 12345678", chat=ATTACKER)
        await desk.say("where is my order #3000? phone +43 151 12345678", chat=ATTACKER)
        for card in desk.cards():
            assert any("#3000 mentioned, not linked" in n for n in card.notes)
            assert "01234567890123" not in (card.suggestion.reply or "")
        await desk.say("where is my order #3000? phone 0151 1234 5678", chat=VICTIM)
        card = desk.cards()[-1]
        assert "Linked order #3000 (phone matches)." in card.notes
        assert "01234567890123" in (card.suggestion.reply or "")
        assert (await desk.customer(VICTIM)).phone == "+4915112345678"
