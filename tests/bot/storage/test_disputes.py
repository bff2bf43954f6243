"""Settled disputes on SQLite and PostgreSQL: a settlement is a decision, its reply and its
cost in one transaction, made once whoever clicks second; and the management digest's
money line adds up the return postage avoided, per currency, on the day and over the 30
days to its end, leaving normal returns out of it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.storage.disputes import Settled, SettledTotal
from bot.storage.schema import dispute_decisions, outbox
from bot.storage.store import Store
from scheduler.digest_render import render_management
from scheduler.management_report import build_management_digest
from tests.bot.storage.databases import DATABASES, opened_store
from tests.scheduler.test_digest import Shop

DAY = datetime(2026, 3, 2, tzinfo=UTC)
KEEP_MUG = Settled("keep_refund", "EUR", 12.0, 12.0, 18.0, "EUR", 18.0)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def _card(shop: Shop, at: datetime) -> int:
    return await shop.suggest(await shop.message(at), "damaged_item", at, status="pending")


async def _settle(
    store: Store, card: int, settled: Settled, at: datetime, who: str = "lee"
) -> int | None:
    return await store.settle_dispute(
        card, user_id=f"U{who}", user_name=who, at=at, final_text=f"reply {card}",
        final_intent="damaged_item", settled=settled,
    )  # fmt: skip


async def test_a_card_is_settled_once_with_its_reply_and_its_cost(store: Store) -> None:
    card = await _card(Shop(store.engine), DAY)
    assert await _settle(store, card, KEEP_MUG, DAY) is not None
    other = Settled("return", "EUR", 12.0, 12.0, 18.0, "EUR", 0.0)
    assert await _settle(store, card, other, DAY, who="mira") is None  # decided first

    assert await store.settlement(card) == KEEP_MUG
    record = await store.suggestion(card)
    assert record is not None and (record.status, record.decided_by_name) == ("settled", "lee")
    async with store.engine.connect() as conn:
        assert (await conn.execute(select(outbox.c.text))).scalars().all() == [f"reply {card}"]
        assert await conn.scalar(select(func.count()).select_from(dispute_decisions)) == 1


async def test_the_money_line_adds_up_each_currency_per_period(store: Store) -> None:
    shop = Shop(store.engine)
    settlements = [
        (DAY + timedelta(hours=9), KEEP_MUG),
        (DAY + timedelta(hours=10), Settled("keep_refund", "EUR", 8.0, 8.0, 12.0, "EUR", 12.0)),
        (DAY + timedelta(hours=11), Settled("partial_refund", "EUR", 80.0, 16.0, 6.5, "EUR",
                                            6.5, percent=20)),
        (DAY + timedelta(hours=12), Settled("return", "EUR", 80.0, 80.0, 6.5, "EUR", 0.0)),
        (DAY - timedelta(days=3), Settled("reship", "GBP", 20.0, 0.0, 15.0, "GBP", 15.0)),
        (DAY - timedelta(days=31), Settled("keep_refund", "EUR", 5.0, 5.0, 9.0, "EUR", 9.0)),
        (DAY + timedelta(days=1), Settled("keep_refund", "EUR", 5.0, 5.0, 9.0, "EUR", 9.0)),
    ]  # fmt: skip
    for at, settled in settlements:
        assert await _settle(store, await _card(shop, at), settled, at) is not None

    assert await store.disputes_settled(DAY, DAY + timedelta(days=1)) == (
        SettledTotal("keep_refund", 2, "EUR", 20.0, "EUR", 30.0),
        SettledTotal("partial_refund", 1, "EUR", 16.0, "EUR", 6.5),
        SettledTotal("return", 1, "EUR", 80.0, "EUR", 0.0),
    )
    digest = await build_management_digest(store.engine, DAY.date(), ZoneInfo("UTC"))
    [money] = [p for p in render_management(digest).parts if p.heading.startswith("Money")]
    assert money.lines == (
        "That day: 36.50 EUR of return shipping avoided on 3 disputes (refund without return "
        "2, partial refund 1), 36.00 EUR refunded; 1 normal return",
        "Last 30 days: 36.50 EUR + 15.00 GBP of return shipping avoided on 4 disputes (refund "
        "without return 2, partial refund 1, replacement 1), 36.00 EUR refunded; "
        "1 normal return",
    )


async def test_a_digest_without_settlements_has_no_money_line(store: Store) -> None:
    await Shop(store.engine).message(DAY + timedelta(hours=9))
    digest = await build_management_digest(store.engine, DAY.date(), ZoneInfo("UTC"))
    assert not [p for p in render_management(digest).parts if p.heading.startswith("Money")]
