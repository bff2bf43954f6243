"""``borderdesk customer forget`` finds the shopper by what the store knows them by and asks
before erasing (issue 13): it took only an internal id nothing showed, and erased at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli_customers import run
from bot.config import Config
from bot.errors import UsageError
from bot.storage import Store, sqlite_url
from tests.handlers.customers.test_privacy import cli
from tests.handlers.desk import add_order, local_desk, shipped

EMAIL, PHONE = "mateo.silva@example.pt", "+351 912 345 678"


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[Path]:
    """Two shoppers with similar names; Mateo linked order #2040 with his e-mail."""
    async with local_desk(tmp_path) as desk:
        await add_order(
            desk.store,
            "#2040",
            email=EMAIL,
            phone=PHONE,
            name="Mateo Silva",
            **shipped("CTT", "RR123456785PT", None),
        )
        await desk.say(
            f"Olá, onde está a encomenda #2040? {EMAIL}", chat="7001", name="Mateo Silva"
        )
        await desk.say("Hello, a question", chat="7002", name="Mateus Silveira")
        yield desk.db


async def forget(db: Path, *argv: str, answer: str = "") -> int:
    config = Config(database_url=sqlite_url(db))
    return await asyncio.to_thread(
        run, config, cli("customer", "forget", *argv), lambda _prompt: answer
    )


async def name_of(db: Path, chat: str) -> str:
    """The stored name of the shopper who wrote from ``chat`` (7001 was the first)."""
    store = await Store.open(sqlite_url(db))
    try:
        customer = await store.customer({"7001": 1, "7002": 2}[chat])
        assert customer is not None
        return customer.name
    finally:
        await store.close()


@pytest.mark.parametrize("who", ["#2040", "2040", EMAIL, PHONE, "00351912345678", "Mateo"])
async def test_the_shopper_is_found_by_what_the_store_knows(shop: Path, who: str) -> None:
    assert await forget(shop, who, "--yes") == 0
    assert await name_of(shop, "7001") == "(forgotten)"
    assert await name_of(shop, "7002") == "Mateus Silveira"  # the other shopper is untouched


async def test_it_asks_first_and_no_means_nothing_is_erased(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert await forget(shop, EMAIL, answer="no") == 1
    out = capsys.readouterr().out
    assert "Mateo Silva" in out and "linked orders: 1" in out and "nothing erased" in out
    assert await name_of(shop, "7001") == "Mateo Silva"
    assert await forget(shop, EMAIL, answer="yes") == 0
    assert await name_of(shop, "7001") == "(forgotten)"


async def test_without_a_terminal_it_needs_yes(shop: Path) -> None:
    with pytest.raises(UsageError, match="add --yes"):
        await forget(shop, EMAIL)
    assert await name_of(shop, "7001") == "Mateo Silva"


async def test_several_matches_are_listed_and_nothing_is_erased(shop: Path) -> None:
    with pytest.raises(UsageError, match="2 shoppers match 'Silv'") as raised:
        await forget(shop, "Silv", "--yes")
    assert "Mateo Silva" in str(raised.value) and "Mateus Silveira" in str(raised.value)
    assert await name_of(shop, "7001") == "Mateo Silva"
