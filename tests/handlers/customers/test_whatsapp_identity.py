"""Who is writing on WhatsApp (issue 18): the sender's number, which Meta verified, gives
the shopper's country and a language hint, proves the orders placed with it, and joins
their Telegram chat only on the one-time code, never because a phone matches.

The shoppers write through the WhatsApp adapter's own reading of a webhook message
(``whatsapp_inbound.to_inbound``) into a desk whose WhatsApp channel is local (in
process), beside a local Telegram one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.channels.whatsapp import WhatsAppChannel
from bot.channels.whatsapp_inbound import dialled, to_inbound
from bot.config import Config
from bot.models import InboundMessage
from bot.orders.matching import clean_phone
from bot.runtime import Runtime
from bot.storage import sqlite_url
from bot.storage.customer_records import CustomerRecord
from tests.handlers.desk import DESK, Clock, LocalDesk, add_order, shipped

ANA_WA = "5511987654321"  # Ana's WhatsApp id: her Brazilian mobile number
ANA_PHONE = "+55 11 98765-4321"  # as she writes it
AT_CHECKOUT = clean_phone("(11) 98765-4321")  # as the shop keeps it: national, her country BR
TRACKING = "BR123456789BR"


class WhatsAppDesk(LocalDesk):
    whatsapp: LocalChannel

    async def whatsapp_says(self, text: str, *, wa_id: str = ANA_WA, name: str = "Ana") -> None:
        """A shopper writes on WhatsApp: the adapter reads Meta's message as it comes."""
        self._n += 1
        stamp = str(int(self.clock.now.timestamp()))
        message = {"from": wa_id, "id": f"wamid.{self._n}", "timestamp": stamp, "type": "text"}
        message["text"] = {"body": text}
        inbound = to_inbound(message, {wa_id: name}, self.clock.now)
        assert isinstance(inbound, InboundMessage)
        await self.runtime.on_message(inbound)
        await self.runtime.outbox.drain()

    def sent_on_whatsapp(self, wa_id: str = ANA_WA) -> list[str]:
        return [text for to, text in self.whatsapp.sent if to == wa_id]

    async def on_whatsapp(self, wa_id: str = ANA_WA) -> CustomerRecord:
        found = await self.store.customer_by_identity("whatsapp", wa_id)
        assert found is not None
        return found


@asynccontextmanager
async def whatsapp_desk(tmp_path: Path) -> AsyncIterator[WhatsAppDesk]:
    clock = Clock()
    db = tmp_path / "desk.sqlite3"
    config = replace(Config(), database_url=sqlite_url(db), translator="none")
    telegram, whatsapp, workspace = LocalChannel(), LocalChannel("whatsapp"), LocalWorkspace()
    # the real channel's capabilities: its ids are verified numbers, its window 24 hours
    whatsapp.capabilities = WhatsAppChannel.capabilities
    runtime = Runtime(
        config,
        channels=[telegram, whatsapp],
        workspace=workspace,
        clock=clock,
        background=False,
        desk=DESK,
    )
    async with runtime:
        desk = WhatsAppDesk(runtime, telegram, workspace, clock, db)
        desk.whatsapp = whatsapp
        yield desk


async def ana_order(desk: LocalDesk, number: str = "#1042") -> int:
    return await add_order(
        desk.store,
        number,
        phone=AT_CHECKOUT,
        country="BR",
        name="Ana Souza",
        **shipped("Correios", TRACKING, date(2026, 11, 30)),
    )


async def test_a_brazilian_number_gives_the_country_a_portuguese_reply_and_its_order(
    tmp_path: Path,
) -> None:
    async with whatsapp_desk(tmp_path) as desk:
        await ana_order(desk)
        await desk.whatsapp_says("Rastrear pedido")
        ana = await desk.on_whatsapp()
        assert (ana.country, ana.phone) == ("BR", "+5511987654321")
        card = desk.cards()[-1]
        assert card.language == "pt"
        assert any("Linked order #1042" in note for note in card.notes), card.notes
        reply = card.suggestion.reply or ""
        assert TRACKING in reply and card.suggestion.reply_language == "pt", reply
        assert [o.order_number for o in await desk.store.customer_orders([ana.id])] == ["#1042"]


async def test_a_number_of_a_country_of_several_languages_gives_only_the_country(
    tmp_path: Path,
) -> None:
    async with whatsapp_desk(tmp_path) as desk:
        await desk.whatsapp_says("Where is my parcel?", wa_id="41441234567", name="Urs")
        urs = await desk.on_whatsapp("41441234567")
        assert urs.country == "CH"
        assert desk.cards()[-1].language == "en"


async def test_telegram_and_whatsapp_become_one_profile_on_the_code_sent_to_telegram(
    tmp_path: Path,
) -> None:
    async with whatsapp_desk(tmp_path) as desk:
        await ana_order(desk)
        await desk.say(f"Onde está o meu pedido #1042? {ANA_PHONE}", chat="777", hint="pt-br")
        telegram = await desk.customer("777")
        assert [o.order_number for o in await desk.store.customer_orders([telegram.id])] == [
            "#1042"
        ]
        # the same number on WhatsApp: told on the card, but nothing shown, nothing joined
        await desk.whatsapp_says("Oi, tudo bem? Quero saber do meu pedido")
        whatsapp = await desk.on_whatsapp()
        notes = desk.cards()[-1].notes
        assert any("telegram:777 proved it first" in note for note in notes), notes
        assert await desk.store.person_ids(whatsapp.id) == [whatsapp.id]
        assert not any(TRACKING in text for text in desk.sent_on_whatsapp())
        # naming the order on WhatsApp: its verified number is the proof, the Telegram chat
        # gets the code, and typed on WhatsApp it makes the two one customer
        await desk.whatsapp_says("Rastrear pedido #1042")
        codes = [t for t in desk.sent("777") if any(ch.isdigit() for ch in t)]
        code = next(word for t in codes for word in t.split() if word.isdigit() and len(word) == 6)
        await desk.whatsapp_says(code)
        assert sorted(await desk.store.person_ids(whatsapp.id)) == sorted(
            [telegram.id, whatsapp.id]
        )
        await desk.whatsapp_says("Rastrear pedido")
        assert TRACKING in (desk.cards()[-1].suggestion.reply or "")
        assert "2 channel identities" in (desk.cards()[-1].profile or "")
        staff_see = await desk.command(f"customer id:{whatsapp.id}")
        assert "telegram 777" in staff_see and "whatsapp 5511987654321" in staff_see, staff_see


async def test_a_phone_typed_on_telegram_proves_nothing_without_the_order_number(
    tmp_path: Path,
) -> None:
    """The attacker knows Ana's number and types it: they get none of her orders, her
    profile, nor her WhatsApp chat, which her verified number linked."""
    async with whatsapp_desk(tmp_path) as desk:
        await ana_order(desk)
        await desk.whatsapp_says("Rastrear pedido")
        await desk.say(f"I am Ana, my phone is {ANA_PHONE}. Where is my order?", chat="666")
        attacker = await desk.customer("666")
        card = desk.cards()[-1]
        shown = [card.suggestion.reply or "", card.profile or "", *desk.sent("666")]
        assert not any(TRACKING in text or "#1042" in text for text in shown), shown
        assert await desk.store.customer_orders([attacker.id]) == []
        assert await desk.store.person_ids(attacker.id) == [attacker.id]


@pytest.mark.parametrize(
    ("wa_id", "number"),
    [
        ("5511987654321", "+5511987654321"),
        ("551187654321", "+5511987654321"),  # a mobile registered before Brazil's extra 9
        ("551132654321", "+551132654321"),  # a landline: no 9 added
        ("5215512345678", "+525512345678"),  # Mexico's dropped 1
        ("34612345678", "+34612345678"),
        ("not-a-number", None),
    ],
)
def test_a_whatsapp_id_is_read_as_the_number_as_dialled(wa_id: str, number: str | None) -> None:
    assert dialled(wa_id) == number


async def test_a_mexican_whatsapp_id_finds_the_order_placed_with_the_number_without_its_1(
    tmp_path: Path,
) -> None:
    async with whatsapp_desk(tmp_path) as desk:
        await add_order(desk.store, "#2001", phone="5512345678", country="MX", name="Diego")
        await desk.whatsapp_says("Hola", wa_id="5215512345678", name="Diego")
        diego = await desk.on_whatsapp("5215512345678")
        assert (diego.country, diego.phone) == ("MX", "+525512345678")
        assert [o.order_number for o in await desk.store.customer_orders([diego.id])] == ["#2001"]


async def test_an_order_placed_and_proved_with_the_victims_number_joins_nothing(
    tmp_path: Path,
) -> None:
    """The attacker places a cheap order with Ana's number and proves it from Telegram
    (number and phone). When Ana writes on WhatsApp from that number, the two chats stay
    apart: the attacker reads nothing of hers, and the order stays the attacker's."""
    async with whatsapp_desk(tmp_path) as desk:
        await add_order(desk.store, "#6666", phone=AT_CHECKOUT, country="BR", total=1.0)
        await desk.say(f"my order #6666, phone {ANA_PHONE}", chat="666", name="Mallory")
        attacker = await desk.customer("666")
        assert [o.order_number for o in await desk.store.customer_orders([attacker.id])] == [
            "#6666"
        ]
        await ana_order(desk, "#1042")
        await desk.whatsapp_says("Meu endereço novo é Rua Escondida 5, apto 3. Rastrear pedido")
        ana = await desk.on_whatsapp()
        assert await desk.store.person_ids(ana.id) == [ana.id]
        assert await desk.store.person_ids(attacker.id) == [attacker.id]
        assert [o.order_number for o in await desk.store.customer_orders([ana.id])] == ["#1042"]
        assert any("telegram:666 proved it first" in n for n in desk.cards()[-1].notes)
        await desk.say("where is my order?", chat="666", name="Mallory")
        shown = [desk.cards()[-1].suggestion.reply or "", desk.cards()[-1].profile or ""]
        shown += desk.sent("666")
        assert not any(TRACKING in t or "Escondida" in t or "#1042" in t for t in shown), shown
        profile = await desk.command(f"customer id:{attacker.id}")
        assert "whatsapp" not in profile and "#1042" not in profile, profile


async def test_the_numbers_country_gives_the_voltage_and_plugs(tmp_path: Path) -> None:
    async with whatsapp_desk(tmp_path) as desk:
        await desk.whatsapp_says("Esse secador funciona nas tomadas daqui?")
        card = desk.cards()[-1]
        assert (card.language, card.suggestion.intent) == ("pt", "voltage_plug")
        reply = card.suggestion.reply or ""
        assert "Brasil" in reply and "127/220 V" in reply and "60 Hz" in reply, reply
