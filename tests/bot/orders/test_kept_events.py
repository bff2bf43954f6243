"""Webhooks kept without being applied are visible to staff (issue 12): a fulfillment that
arrived before its order, and a topic BorderDesk does not use, listed by ``/borderdesk shop``
and ``borderdesk orders kept``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest

from bot.config import Config
from bot.storage import Store
from handlers.commands import staff_command
from tests.bot.orders.payloads import shopify_fulfillment
from tests.bot.orders.test_server import NOW, SHOPIFY_SECRET, Server, running
from tests.bot.test_cli import borderdesk


@pytest.fixture
async def shop(store: Store) -> AsyncIterator[Server]:
    """The real webhook endpoint on a free port, signing with the shop's secret."""
    webhooks, changed, url = await running(store, Config(shopify_webhook_secret=SHOPIFY_SECRET))
    try:
        async with aiohttp.ClientSession(base_url=url) as session:
            yield Server(session, changed)
    finally:
        await webhooks.stop()


async def test_waiting_and_unused_webhooks_are_listed_for_staff(shop: Server, store: Store) -> None:
    early = shopify_fulfillment(order_id=7000000000001, name=None)  # its order is unknown
    assert (await shop.shopify("fulfillments/create", early, "kept-0001"))[0] == 200
    assert (await shop.shopify("customers/update", {"id": 1}, "kept-0002"))[0] == 200
    ctx = SimpleNamespace(store=store, clock=lambda: NOW)
    text = await staff_command(ctx, "shop")  # type: ignore[arg-type]
    assert "Waiting for their order (1)" in text
    assert "fulfillments/create (Shopify order id 7000000000001), webhook kept-0001" in text
    assert "Topics BorderDesk does not use (1)" in text
    assert "customers/update" in text and "webhook kept-0002" in text


async def test_nothing_kept_says_so(store: Store) -> None:
    ctx = SimpleNamespace(store=store, clock=lambda: NOW)
    assert await staff_command(ctx, "shop") == "No shop webhooks waiting or kept unused."  # type: ignore[arg-type]


def test_the_command_line_lists_them_too(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite3"
    assert borderdesk("db", "upgrade", "--db", str(db), cwd=tmp_path).returncode == 0
    result = borderdesk("orders", "kept", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "No shop webhooks waiting or kept unused." in result.stdout
