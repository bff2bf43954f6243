"""A shopper is linked to an order only by its number plus the e-mail or phone on it, and
then "where is my order" is answered with that order's real tracking number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from bot.models import ActionKind
from bot.orders.matching import phones_match
from bot.storage.schema import orders
from handlers.opt_out import opt_word
from handlers.order_links import format_day
from tests.handlers.desk import add_order, local_desk, shipped

TRACKING = "JD014600003623440000"
OTHER_TRACKING = "1Z999AA10123456784"


async def linked_customer(store, order_id: int) -> int | None:  # type: ignore[no-untyped-def]
    async with store.engine.connect() as conn:
        return (
            await conn.execute(select(orders.c.customer_id).where(orders.c.id == order_id))
        ).scalar()


async def test_order_number_with_its_email_links_and_the_reply_has_the_real_tracking_number(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        mine = await add_order(
            desk.store,
            "#1001",
            email="ana.lima@example.com",
            items=(("Desk lamp", 2),),
            **shipped("DHL", TRACKING, date(2026, 12, 4)),
        )
        bobs = await add_order(
            desk.store,
            "#1002",
            email="bob@example.com",
            name="Bob Stone",
            **shipped("UPS", OTHER_TRACKING, date(2026, 12, 1)),
        )

        # the number alone (or with an e-mail that is not on the order) links nothing
        await desk.say("Where is my order #1002?")
        await desk.say("Where is my order #1002? My e-mail is ana.lima@example.com")
        for card in desk.cards():
            assert OTHER_TRACKING not in (card.suggestion.reply or "")
            assert "UPS" not in (card.suggestion.reply or "")
            assert any("#1002 mentioned, not linked" in note for note in card.notes)
        assert await linked_customer(desk.store, bobs) is None

        await desk.say("Where is my order #1001? My e-mail is Ana.Lima@Example.com")
        card = desk.cards()[-1]
        assert "Linked order #1001 (e-mail matches)." in card.notes
        assert card.suggestion.intent == "track_order"
        reply = card.suggestion.reply or ""
        assert TRACKING in reply and "DHL" in reply and "Friday 4 December" in reply
        customer = await desk.customer()
        assert await linked_customer(desk.store, mine) == customer.id
        assert customer.email == "ana.lima@example.com"
        assert card.profile is not None and "1 order" in card.profile

        await desk.act(ActionKind.SEND, card)
        assert any(TRACKING in text for text in desk.sent()), "the shopper got the real number"

        # later, without any number: their latest open linked order
        await desk.say("where is my order?")
        assert TRACKING in (desk.cards()[-1].suggestion.reply or "")
        assert not any("Linked" in n for n in desk.cards()[-1].notes)


async def test_phone_on_the_order_links_too_however_it_is_written(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        order = await add_order(
            desk.store,
            "A-20931",
            phone="+49 151 12345678",
            **shipped("DPD", "01234567890123", date(2026, 11, 27)),
        )
        await desk.say("Hallo, wo ist meine Bestellung A20931? Telefon 0151 1234 5678", hint="de")
        card = desk.cards()[-1]
        assert "Linked order #A-20931 (phone matches)." in card.notes
        customer = await desk.customer()
        assert await linked_customer(desk.store, order) == customer.id
        assert customer.phone == "+4915112345678"  # E.164, read in the order's country
        assert "01234567890123" in (card.suggestion.reply or "")
        assert "Freitag, 27. November" in (card.suggestion.reply or "")


def test_phone_numbers_match_as_whole_numbers_never_by_suffix() -> None:
    assert phones_match("+49 151 12345678", "0151-1234-5678")
    assert phones_match("0044 20 7946 0958", "020 7946 0958", "GB")
    assert phones_match("+44 20 7946 0958", "0044 20 7946 0958", "DE"), "00 dialled from DE"
    assert phones_match("(212) 555-0143", "+1 212 555 0143")
    assert phones_match("612 34 56 78", "+34612345678", "ES")
    assert not phones_match("+33 6 12 34 56 78", "+33 7 12 34 56 78")
    # the bug: the last 8 digits were enough, so any number ending alike proved an order
    assert not phones_match("12345678", "+49 151 12345678")
    assert not phones_match("5112345678", "+4915112345678")
    assert not phones_match("+43 151 12345678", "+49 151 12345678")
    assert not phones_match("020 7946 0958", "0044 20 7946 0958"), "no country to read it in"
    assert not phones_match("12345", "12345"), "too short to prove anything"
    assert not phones_match(None, "+49 151 12345678")


def test_estimated_delivery_reads_in_the_shoppers_language() -> None:
    day = date(2026, 12, 4)
    assert format_day(day, "en") == "Friday 4 December"
    assert format_day(day, "es") == "viernes 4 de diciembre"
    assert format_day(day, "ja") == "12月4日(金曜日)"


def test_only_the_bare_word_opts_out() -> None:
    for text in ("stop", "STOP", "Stop.", " stop! ", "/stop", "стоп", "停止", "ストップ", "중지"):
        assert opt_word(text) == "stop", text
    for text in ("توقف", "parar", "Arrêter", "/stop@ShopBot"):
        assert opt_word(text) == "stop", text
    for text in ("start", "START", "/start", "старт"):
        assert opt_word(text) == "start", text
    for text in ("please stop sending me emails", "stopped?", "non-stop", ""):
        assert opt_word(text) is None, text
