"""The feed of examples taught elsewhere (``ExampleFeed``): each staff example stored
after a desk loaded its examples is handed to it once, oldest first, whichever order
the transactions that stored them committed in; an imported one never (it is trained
with the library at start)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from bot.storage import Store
from bot.storage.examples import IMPORTED
from bot.storage.schema import examples
from tests.bot.storage.databases import DATABASES, opened_store

AT = datetime(2026, 11, 23, 10, tzinfo=UTC)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def stored_with_id(store: Store, example_id: int, text: str) -> None:
    """An example whose id was taken before others that committed first."""
    async with store.engine.begin() as conn:
        await conn.execute(
            insert(examples).values(
                id=example_id, text=text, intent="track_order", source="staff", created_at=AT
            )
        )


async def test_each_example_stored_after_the_start_is_handed_out_once(store: Store) -> None:
    await store.add_example("wo ist mein paket", "track_order", "staff", AT)
    loaded, feed = await store.staff_example_feed()
    assert loaded == [("wo ist mein paket", "track_order")]
    assert await feed.taught_elsewhere() == []

    await store.add_example("où est mon colis", "track_order", "staff", AT)
    await store.add_example("where is my parcel", "track_order", IMPORTED, AT)
    await store.add_example("refund please", "get_refund", "staff", AT)
    assert await feed.taught_elsewhere() == [
        ("où est mon colis", "track_order"),
        ("refund please", "get_refund"),
    ]
    assert await feed.taught_elsewhere() == []


async def test_an_example_committed_after_a_newer_one_is_still_handed_out(store: Store) -> None:
    _, feed = await store.staff_example_feed()
    await stored_with_id(store, 10, "gdzie jest moja paczka")
    assert await feed.taught_elsewhere() == [("gdzie jest moja paczka", "track_order")]
    await stored_with_id(store, 5, "dov'è il mio pacco")  # its id was taken before 10's
    assert await feed.taught_elsewhere() == [("dov'è il mio pacco", "track_order")]
    assert await feed.taught_elsewhere() == []
    assert await feed.taught_elsewhere() == []


async def test_an_example_committed_while_the_desk_loaded_is_handed_out(store: Store) -> None:
    await stored_with_id(store, 10, "gdzie jest moja paczka")
    loaded, feed = await store.staff_example_feed()
    await stored_with_id(store, 5, "dov'è il mio pacco")  # committed just after the load
    assert loaded == [("gdzie jest moja paczka", "track_order")]
    assert await feed.taught_elsewhere() == [("dov'è il mio pacco", "track_order")]
