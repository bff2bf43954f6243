"""A phone the platform vouches for (a WhatsApp sender's number), on each database: kept on
the customer record with its country when the record has none, replacing a phone that
came from an order, and finding the orders placed with it however the shop wrote it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, update

from bot.models import InboundMessage
from bot.storage import Store
from bot.storage.intake import Arrival
from bot.storage.schema import customers, orders
from tests.bot.storage.databases import DATABASES, opened_store

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
NUMBER = "+5511987654321"


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


def whatsapp(n: int, phone: str | None = NUMBER, wa_id: str = "5511987654321") -> Arrival:
    message = InboundMessage(
        channel="whatsapp",
        chat_id=wa_id,
        platform_message_id=f"wamid.{n}",
        user_id=wa_id,
        user_name="Ana",
        text="Oi",
        received_at=T0 + timedelta(minutes=n),
        phone=phone,
    )
    return Arrival(message, country="BR" if phone else None)


async def test_the_vouched_phone_is_kept_with_its_country(store: Store) -> None:
    await store.record_arrivals([whatsapp(1)])
    ana = await store.customer_by_identity("whatsapp", "5511987654321")
    assert ana is not None and (ana.phone, ana.country) == (NUMBER, "BR")


async def test_a_phone_from_an_order_gives_way_to_the_vouched_one(store: Store) -> None:
    await store.record_arrivals([whatsapp(1, phone=None)])
    ana = await store.customer_by_identity("whatsapp", "5511987654321")
    assert ana is not None and (ana.phone, ana.country) == (None, None)
    async with store.engine.begin() as conn:  # as an order she proved with a typo left it
        await conn.execute(
            update(customers).where(customers.c.id == ana.id).values(phone="+5511900000000")
        )
    await store.record_arrivals([whatsapp(2)])
    ana = await store.customer(ana.id)
    assert ana is not None and (ana.phone, ana.country) == (NUMBER, "BR")


async def test_the_orders_placed_with_a_number_are_found_however_the_shop_wrote_it(
    store: Store,
) -> None:
    async with store.engine.begin() as conn:
        for number, phone, country in (
            ("#1", "11987654321", "BR"),  # national form, read in the order's country
            ("#2", "+5511987654321", None),
            ("#3", "+5511887654321", "BR"),  # the same last digits, another number
            ("#4", "11987654321", "US"),  # the same digits, read in the US: another number
            ("#5", None, "BR"),
        ):
            await conn.execute(
                insert(orders).values(
                    order_number=number,
                    source="import",
                    phone=phone,
                    country=country,
                    status="paid",
                    ordered_at=T0,
                    updated_at=T0,
                )
            )
    found = await store.orders_with_phone("+55 11 98765-4321")
    assert [o.order_number for o in found] == ["#1", "#2"]
    assert await store.orders_with_phone("not a phone") == []
