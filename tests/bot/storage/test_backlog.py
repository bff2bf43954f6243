"""The outbox as /metrics shows it (``bot.storage.backlog``): how many replies wait, how
long the oldest has waited, how many were given up on; on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import InboundMessage
from bot.storage.backlog import Backlog, database_answers, outbox_backlog
from bot.storage.store import Store
from tests.bot.storage.databases import DATABASES, opened_store

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def _conversation(store: Store) -> int:
    stored = await store.record_inbound(
        InboundMessage(
            channel="telegram",
            chat_id="4242",
            platform_message_id="4242:1",
            user_id="4242",
            user_name="Ana",
            text="hola",
            received_at=T0,
        )
    )
    return stored.conversation_id


async def test_an_empty_outbox_has_no_depth_and_no_age(store: Store) -> None:
    await database_answers(store)
    assert await outbox_backlog(store, T0) == Backlog(depth=0, oldest_age=0.0, dead=0)


async def test_queued_replies_count_with_the_oldest_age_and_dead_letters_apart(
    store: Store,
) -> None:
    conversation = await _conversation(store)
    await store.enqueue("first", conversation, "Hola", "lee", T0)
    await store.enqueue("second", conversation, "¿Algo más?", "lee", T0 + timedelta(seconds=30))
    await store.enqueue("held", conversation, "Gracias", "lee", T0 - timedelta(hours=1), hold=True)
    given_up = await store.enqueue("given-up", conversation, "Adiós", "lee", T0)
    assert given_up is not None
    await store.outbox_dead(given_up, "chat not found")

    seen = await outbox_backlog(store, T0 + timedelta(seconds=90))

    # the held reply waits for staff on purpose: neither queued nor the oldest
    assert seen == Backlog(depth=2, oldest_age=90.0, dead=1)
