"""Assignment storage on SQLite and PostgreSQL: a conversation's owner and since when,
every change recorded with who made it, no row for a change that changes nothing, and the
round robin's turn order read back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage.assignments import AUTO, REASSIGN, RELEASE, TAKE, Ownership
from bot.storage.store import Store
from tests.bot.storage.databases import DATABASES, database_url, opened_store
from tests.scheduler.test_digest import Shop

AT = datetime(2026, 12, 7, 2, tzinfo=UTC)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def test_owner_history_and_turn_order(store: Store) -> None:
    shop = Shop(store.engine)
    card = await shop.suggest(await shop.message(AT, chat="yuki"), "where_is_order", AT)
    await shop.message(AT, chat="ana")
    yuki, ana = shop.chats["yuki"], shop.chats["ana"]
    assert await store.owner_of(yuki) is None

    later = AT + timedelta(minutes=5)
    assert await store.set_owner(
        yuki, "U0AIKO0001", AUTO, by="borderdesk", at=AT, suggestion_id=card
    )
    assert not await store.set_owner(yuki, "U0AIKO0001", TAKE, by="U0AIKO0001", at=later)
    assert await store.owner_of(yuki) == Ownership("U0AIKO0001", AT)  # since the first
    assert await store.set_owner(ana, "U0KENJI001", AUTO, by="borderdesk", at=later)
    assert await store.set_owner(yuki, "U0KENJI001", REASSIGN, by="U0AIKO0001", at=later)
    assert await store.owner_of(yuki) == Ownership("U0KENJI001", later)
    assert await store.owners([yuki, ana, 999]) == {
        yuki: Ownership("U0KENJI001", later),
        ana: Ownership("U0KENJI001", later),
    }
    assert await store.set_owner(yuki, None, RELEASE, by="U0KENJI001", at=later)
    assert await store.owner_of(yuki) is None
    assert not await store.set_owner(yuki, None, RELEASE, by="U0KENJI001", at=later)

    history = await store.assignment_history(yuki)
    assert [(e.action, e.owner_id, e.by_id) for e in history] == [
        (AUTO, "U0AIKO0001", "borderdesk"),
        (REASSIGN, "U0KENJI001", "U0AIKO0001"),
        (RELEASE, None, "U0KENJI001"),
    ]
    assert history[0].suggestion_id == card and history[0].at == AT
    # only the round robin's own assignments set the turn order
    assert await store.last_auto_assigned() == {"U0AIKO0001": AT, "U0KENJI001": later}
    with pytest.raises(ValueError, match="unknown assignment action"):
        await store.set_owner(ana, "U0AIKO0001", "stolen", by="x", at=later)


@pytest.mark.parametrize("kind", DATABASES)
async def test_two_processes_taking_one_card_at_once_leave_one_owner(
    kind: str, tmp_path: Path
) -> None:
    async with database_url(kind, tmp_path) as url:
        first, second = await Store.open(url), await Store.open(url)
        try:
            shop = Shop(first.engine)
            await shop.message(AT, chat="yuki")
            yuki = shop.chats["yuki"]
            for _ in range(5):  # a few rounds: the two transactions may or may not overlap
                await first.set_owner(yuki, None, RELEASE, by="x", at=AT)
                results = await asyncio.gather(
                    first.set_owner(yuki, "U0AIKO0001", TAKE, by="U0AIKO0001", at=AT),
                    second.set_owner(yuki, "U0KENJI001", TAKE, by="U0KENJI001", at=AT),
                )
                assert any(results)  # never an error, and someone has it
                owner = await first.owner_of(yuki)
                history = await first.assignment_history(yuki)
                assert owner is not None and history[-1].owner_id == owner.owner_id
        finally:
            await first.close()
            await second.close()
