"""Issue 15: a shopper in Portugal got the answers in European Portuguese but every automatic
notice in Brazilian ("Seu pedido ... Código de rastreio", "Nossa equipe está fora do
horário"). The notices now follow the answers' rule: the linked order's country, the phone's,
the app's language (pt-PT) or a place the message names; a shopper in Brazil keeps the
Brazilian wording."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.handlers.desk import add_order
from tests.handlers.proactive.test_send import Clock, berlin
from tests.handlers.proactive.test_send import desk_at as proactive_desk
from tests.handlers.test_hours_and_reminders import deliver, message
from tests.handlers.test_hours_and_reminders import desk_at as hours_desk

# Saturday night: the Berlin team is closed until Monday 09:00 (08:00 in Lisbon)
SATURDAY_NIGHT = datetime(2025, 11, 29, 22, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
PORTUGAL_ACK = "De momento, a nossa equipa está fora do horário de atendimento; responderemos até"
BRAZIL_ACK = "Nossa equipe está fora do horário agora; responderemos até"


async def test_a_shopper_in_portugal_hears_of_the_shipment_in_european_portuguese(
    tmp_path: Path,
) -> None:
    clock = Clock(berlin(2, 10))
    async with proactive_desk(tmp_path, clock) as desk:
        for chat, name, country in (("31", "Inês Costa", "PT"), ("55", "João Silva", "BR")):
            customer, _ = await desk.shopper(
                chat, name, country=country, language="pt", at=berlin(1, 12)
            )
            await desk.order(
                customer, f"A{chat}", status="shipped", at=berlin(1, 12),
                shipped_at=berlin(2, 9), carrier="CTT", tracking_number=f"RR{chat}PT",
                estimated_delivery=date(2026, 3, 6), country=country,
            )  # fmt: skip
        assert await desk.run(clock, berlin(2, 15)) == 2
        [portugal] = desk.sent("31")
        [brazil] = desk.sent("55")
    assert portugal.startswith("Boas notícias, Inês! A sua encomenda #A31 já está a caminho")
    assert "Código de seguimento: RR31PT" in portugal
    assert portugal.endswith("Responda STOP para deixar de receber estas mensagens.")
    assert brazil.startswith("Boa notícia, João! Seu pedido #A55 já está a caminho")
    assert "Código de rastreio: RR55PT" in brazil


async def test_an_order_shipped_to_portugal_is_told_the_portuguese_way_whatever_the_phone(
    tmp_path: Path,
) -> None:
    """The order's country comes first, as for the answers: a Brazilian number on a customer
    whose parcel goes to Lisbon reads European Portuguese."""
    clock = Clock(berlin(2, 10))
    async with proactive_desk(tmp_path, clock) as desk:
        customer, _ = await desk.shopper("32", "Rui", country="BR", language="pt", at=berlin(1, 9))
        await desk.order(
            customer, "A32", status="shipped", at=berlin(1, 12), shipped_at=berlin(2, 9),
            carrier="CTT", tracking_number="RR32PT", country="PT",
        )  # fmt: skip
        await desk.run(clock, berlin(2, 15))
        [notice] = desk.sent("32")
    assert "A sua encomenda #A32" in notice and "Código de seguimento" in notice


async def test_out_of_hours_a_shopper_whose_app_is_set_to_portugal_reads_european_portuguese(
    tmp_path: Path,
) -> None:
    clock = Clock(SATURDAY_NIGHT.astimezone(UTC))
    text = "Boa noite, a minha encomenda ainda não chegou. Podem ver o que se passa?"
    async with hours_desk(tmp_path, clock) as (runtime, channel, _):
        await deliver(runtime, message(1, text, "pt-PT", clock.now, chat="31"))
        await deliver(runtime, message(1, text, "pt-BR", clock.now, chat="55"))
        sent = dict(channel.sent)
    assert PORTUGAL_ACK in sent["31"] and sent["31"].startswith("Obrigado pela sua mensagem")
    assert BRAZIL_ACK in sent["55"]


async def test_out_of_hours_a_shopper_whose_linked_order_goes_to_portugal_reads_it_too(
    tmp_path: Path,
) -> None:
    clock = Clock(SATURDAY_NIGHT.astimezone(UTC))
    async with hours_desk(tmp_path, clock) as (runtime, channel, _):
        await add_order(runtime.ctx.store, "#1003", phone="+351 912 345 678", country="PT")
        await add_order(runtime.ctx.store, "#1004", phone="+55 11 98765 4321", country="BR")
        lisbon = "Encomenda #1003, telemóvel +351 912 345 678. Quando é que chega?"
        recife = "Pedido #1004, celular +55 11 98765 4321. Quando vai chegar?"
        await deliver(runtime, message(1, lisbon, "pt", clock.now, chat="31"))
        await deliver(runtime, message(1, recife, "pt", clock.now, chat="55"))
        sent = dict(channel.sent)
    assert PORTUGAL_ACK in sent["31"] and "08:00, horário da Europa Ocidental" in sent["31"]
    assert BRAZIL_ACK in sent["55"]
