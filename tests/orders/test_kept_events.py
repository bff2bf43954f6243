"""Webhooks kept without being applied are visible to staff (issue 12): a fulfillment that
arrived before its order, and a topic BorderDesk does not use, listed by ``/borderdesk shop``
and ``borderdesk orders kept``."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from bot.storage import Store
from handlers.commands import staff_command
from tests.bot.test_cli import borderdesk
from tests.orders.payloads import shopify_fulfillment
from tests.orders.test_server import NOW, Server, server  # noqa: F401 (fixture)


async def test_waiting_and_unused_webhooks_are_listed_for_staff(
    server: Server, store: Store
) -> None:
    early = shopify_fulfillment(order_id=7000000000001, name=None)  # its order is unknown
    assert (await server.shopify("fulfillments/create", early, "kept-0001"))[0] == 200
    assert (await server.shopify("customers/update", {"id": 1}, "kept-0002"))[0] == 200
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
