"""Proactive pauses read from a real SQLite file: a shopper who blocked the bot, and chats
that are groups, as intake records them (``customers.channel_blocked_at``,
``conversations.chat_type``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.models import InboundMessage
from bot.orders.model import OrderEvent
from bot.storage import Store, sqlite_url
from bot.storage.schema import conversations, customers
from handlers.proactive.rules import ProactiveSettings, due_notices

PLACED = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
DUE = PLACED + timedelta(days=1)  # the payment reminder is due


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(tmp_path / "pauses.sqlite3"))
    yield opened
    await opened.close()


async def chat(store: Store, chat_id: str, user_id: str, at: datetime) -> tuple[int, int]:
    """A message from ``user_id`` in chat ``chat_id``: (customer id, conversation id)."""
    message = InboundMessage(
        channel="telegram", chat_id=chat_id, platform_message_id=f"{chat_id}:{at:%H%M%S}",
        user_id=user_id, user_name="Yuki Tanaka", text="hello", received_at=at,
    )  # fmt: skip
    stored = await store.record_inbound(message, country="JP")
    async with store.engine.connect() as conn:
        customer_id = await conn.scalar(
            select(conversations.c.customer_id).where(conversations.c.id == stored.conversation_id)
        )
    return int(customer_id), stored.conversation_id


async def set_values(store: Store, table: object, row_id: int, **values: object) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(update(table).where(table.c.id == row_id).values(**values))  # type: ignore[attr-defined]


async def unpaid_order(store: Store, customer_id: int) -> None:
    event = OrderEvent("#A1", ordered_at=PLACED, status="created")
    order_id, _ = await store.upsert_order(event, "import", PLACED)
    await store.link_customer_order(customer_id, order_id)


async def test_a_shopper_who_blocked_the_bot_gets_no_notice(store: Store) -> None:
    customer_id, _ = await chat(store, "4242", "4242", PLACED)
    await unpaid_order(store, customer_id)
    [order] = await store.proactive_orders(since=PLACED - timedelta(days=1))
    assert not order.channel_blocked
    assert [d.kind for d in due_notices([order], DUE, ProactiveSettings())] == ["payment_reminder"]

    await set_values(store, customers, customer_id, channel_blocked_at=PLACED)
    [order] = await store.proactive_orders(since=PLACED - timedelta(days=1))
    assert order.channel_blocked
    assert due_notices([order], DUE, ProactiveSettings()) == []


async def test_the_notice_goes_to_the_private_chat_never_to_a_newer_group(store: Store) -> None:
    customer_id, private = await chat(store, "4242", "4242", PLACED)
    _, group = await chat(store, "-1001234567890", "4242", PLACED + timedelta(hours=2))
    await set_values(store, conversations, group, chat_type="group")
    await unpaid_order(store, customer_id)

    [order] = await store.proactive_orders(since=PLACED - timedelta(days=1))
    assert order.conversation_id == private and order.chat_type in (None, "private")
    assert [d.kind for d in due_notices([order], DUE, ProactiveSettings())] == ["payment_reminder"]

    await set_values(store, conversations, private, chat_type="group")  # no private chat left
    [order] = await store.proactive_orders(since=PLACED - timedelta(days=1))
    assert order.conversation_id is None
    assert due_notices([order], DUE, ProactiveSettings()) == []
