"""Delivery statuses recorded against the outbox rows they name, on SQLite and PostgreSQL.

What a person would notice: a card that says "read" never goes back to "delivered" when
Meta's webhooks come out of order or again; a failure turns the sent reply into a dead
letter once (one note for staff, not one per retry of the webhook), which ``/borderdesk
dead`` lists and ``borderdesk outbox retry`` sends again; a status about a message the
desk never sent changes nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import DeliveryReport, InboundMessage
from bot.storage import Store
from tests.bot.storage.databases import DATABASES, opened_store

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ANA = "5511987654321"


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def sent_reply(store: Store, wamid: str = "wamid.A1", key: str = "suggestion:1") -> int:
    """A reply to Ana, sent and recorded with the id WhatsApp gave it."""
    stored = await store.record_inbound(
        InboundMessage("whatsapp", ANA, "wamid.IN1", ANA, "Ana", "Onde está?", T0)
    )
    assert await store.enqueue(key, stored.conversation_id, "Saiu hoje", "lee", T0)
    [item] = await store.due_outbox(T0)
    claim = await store.claim_outbox(item.id, T0, timedelta(seconds=60))
    await store.outbox_sent(item, wamid, T0, claim=claim)
    return item.id


def report(state: str, minutes: int, reason: str = "", wamid: str = "wamid.A1") -> DeliveryReport:
    return DeliveryReport("whatsapp", wamid, state, T0 + timedelta(minutes=minutes), reason)


async def test_statuses_move_a_reply_on_and_never_back(store: Store) -> None:
    outbox_id = await sent_reply(store)
    sent = await store.record_delivery(report("sent", 0), now=T0)
    assert sent is not None and sent.outbox_id == outbox_id and sent.changed
    assert sent.key == "suggestion:1" and not sent.newly_dead

    read = await store.record_delivery(report("read", 5), now=T0)  # read came first
    assert read is not None and read.changed
    late = await store.record_delivery(report("delivered", 1), now=T0)
    assert late is not None and not late.changed
    again = await store.record_delivery(report("read", 9), now=T0)  # Meta's retry
    assert again is not None and not again.changed

    shown = await store.delivery_of(outbox_id)
    assert shown is not None and shown.state == "read"
    # a read reply was delivered: as early as the read, since its own status came late
    assert (shown.delivered_at, shown.read_at) == (T0 + timedelta(minutes=5),) * 2
    assert await store.delivery_by_key("suggestion:1") == shown


async def test_a_failure_parks_the_sent_reply_once_with_the_reason(store: Store) -> None:
    outbox_id = await sent_reply(store)
    await store.record_delivery(report("delivered", 1), now=T0)
    failed = await store.record_delivery(
        report("failed", 2, "131026 Message undeliverable"), now=T0
    )
    assert failed is not None and failed.newly_dead and failed.item.id == outbox_id
    assert failed.item.text == "Saiu hoje"
    again = await store.record_delivery(report("failed", 3, "131026 again"), now=T0)
    assert again is not None and not again.newly_dead and not again.changed
    after = await store.record_delivery(report("read", 4), now=T0)  # a failure is final
    assert after is not None and after.delivery.state == "failed"

    [dead] = await store.dead_letters()
    assert dead.id == outbox_id
    assert "131026 Message undeliverable" in dead.error


async def test_a_status_of_no_reply_of_ours_or_of_a_state_unknown_changes_nothing(
    store: Store,
) -> None:
    outbox_id = await sent_reply(store)
    assert await store.record_delivery(report("read", 1, wamid="wamid.NOT.OURS"), now=T0) is None
    telegram = DeliveryReport("telegram", "wamid.A1", "read", T0)  # same id, other channel
    assert await store.record_delivery(telegram, now=T0) is None
    assert await store.record_delivery(report("deleted", 1), now=T0) is None
    assert await store.delivery_of(outbox_id) is None
