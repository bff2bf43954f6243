"""Statuses of the pieces of a reply, and statuses that came before the send was recorded,
on SQLite and PostgreSQL.

What a person would notice: a long reply shows delivered only once the shopper has every
piece of it; one piece that never arrived makes the reply a dead letter once; a status
Meta posted while the send call was still being answered is not lost; a status about no
message of ours is forgotten a day later; forgetting a shopper takes their pieces' ids
(a WhatsApp message id spells out the number) with them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.models import InboundMessage
from bot.storage import Store
from bot.storage.schema import customers, sent_pieces
from bot.storage.sent_pieces import KEEP_UNCLAIMED
from tests.bot.storage.databases import DATABASES, opened_store
from tests.bot.storage.test_delivery_statuses import ANA, T0, report


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def claimed(store: Store) -> tuple[object, str]:
    """A reply to Ana, queued and claimed for sending: (the item, its claim)."""
    stored = await store.record_inbound(
        InboundMessage("whatsapp", ANA, "wamid.IN1", ANA, "Ana", "Onde está?", T0)
    )
    assert await store.enqueue("suggestion:1", stored.conversation_id, "Saiu hoje", "lee", T0)
    [item] = await store.due_outbox(T0)
    claim = await store.claim_outbox(item.id, T0, timedelta(seconds=60))
    assert claim is not None
    return item, claim


async def sent_in_three(store: Store) -> int:
    """The reply went out in three pieces, wamid.P0, wamid.P1 and wamid.P2."""
    item, claim = await claimed(store)
    for number in (1, 2):
        assert await store.outbox_part_sent(
            item.id, number, claim=claim, platform_message_id=f"wamid.P{number - 1}", at=T0
        )
    found = await store.outbox_sent(item, "wamid.P2", T0, claim=claim, reported=True)  # type: ignore[arg-type]
    assert found is None  # nothing reported of any piece yet
    return item.id  # type: ignore[attr-defined,no-any-return]


async def test_a_reply_in_pieces_is_delivered_and_read_when_every_piece_is(store: Store) -> None:
    outbox_id = await sent_in_three(store)
    for wamid, minutes in (("wamid.P2", 1), ("wamid.P0", 2)):
        found = await store.record_delivery(report("delivered", minutes, wamid=wamid), now=T0)
        assert found is None  # nothing to show of the reply as a whole yet
    assert await store.delivery_of(outbox_id) is None
    last = await store.record_delivery(report("delivered", 3, wamid="wamid.P1"), now=T0)
    assert last is not None and last.changed and last.key == "suggestion:1"
    shown = await store.delivery_of(outbox_id)
    assert shown is not None and shown.state == "delivered"
    assert shown.delivered_at == T0 + timedelta(minutes=3)  # when the last piece arrived
    for wamid in ("wamid.P0", "wamid.P1"):
        await store.record_delivery(report("read", 5, wamid=wamid), now=T0)
    shown = await store.delivery_of(outbox_id)
    assert shown is not None and shown.state == "delivered"  # the third is not read yet
    await store.record_delivery(report("read", 6, wamid="wamid.P2"), now=T0)
    shown = await store.delivery_of(outbox_id)
    assert shown is not None and (shown.state, shown.read_at) == ("read", T0 + timedelta(minutes=6))


async def test_one_failed_piece_makes_the_reply_a_dead_letter_once(store: Store) -> None:
    outbox_id = await sent_in_three(store)
    failed = await store.record_delivery(
        report("failed", 1, "131026 Message undeliverable", wamid="wamid.P1"), now=T0
    )
    assert failed is not None and failed.newly_dead and failed.item.id == outbox_id
    again = await store.record_delivery(
        report("failed", 2, "131026 again", wamid="wamid.P1"), now=T0
    )
    assert again is not None and not again.newly_dead
    [dead] = await store.dead_letters()
    assert dead.id == outbox_id and "131026 Message undeliverable" in dead.error


async def test_a_status_before_the_send_is_recorded_counts_once_it_is(store: Store) -> None:
    item, claim = await claimed(store)
    early = await store.record_delivery(report("delivered", 1, wamid="wamid.FAST"), now=T0)
    assert early is None  # not ours yet: kept
    found = await store.outbox_sent(item, "wamid.FAST", T0, claim=claim, reported=True)  # type: ignore[arg-type]
    assert found is not None and found.changed and found.delivery.state == "delivered"
    assert found.key == "suggestion:1" and not found.newly_dead
    shown = await store.delivery_by_key("suggestion:1")
    assert shown is not None and shown.delivered_at == T0 + timedelta(minutes=1)


async def test_a_failure_before_the_send_is_recorded_parks_the_reply_when_it_is(
    store: Store,
) -> None:
    item, claim = await claimed(store)
    failed = report("failed", 1, "131049 not delivered", wamid="wamid.FAST")
    assert await store.record_delivery(failed, now=T0) is None
    found = await store.outbox_sent(item, "wamid.FAST", T0, claim=claim, reported=True)  # type: ignore[arg-type]
    assert found is not None and found.newly_dead
    [dead] = await store.dead_letters()
    assert "131049 not delivered" in dead.error


async def test_a_status_about_no_message_of_ours_is_forgotten_a_day_later(store: Store) -> None:
    assert await store.record_delivery(report("read", 0, wamid="wamid.OTHER"), now=T0) is None
    later = T0 + KEEP_UNCLAIMED + timedelta(minutes=1)
    assert await store.record_delivery(report("sent", 0, wamid="wamid.NEXT"), now=later) is None
    async with store.engine.connect() as conn:
        kept = await conn.scalars(select(sent_pieces.c.platform_message_id))
        assert list(kept) == ["wamid.NEXT"]


async def test_forgetting_the_shopper_takes_their_pieces_ids(store: Store) -> None:
    await sent_in_three(store)
    async with store.engine.connect() as conn:
        customer_ids = list(await conn.scalars(select(customers.c.id)))
    await store.forget_customers(customer_ids, T0)
    async with store.engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(sent_pieces)) == 0
