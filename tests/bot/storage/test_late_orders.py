"""A late order BorderDesk noticed is reported to logistics once, on SQLite and PostgreSQL.

Regression (issue 17): the check before reporting looked at the intent of the problem the
report had joined. When the shopper had already reported the parcel lost, the desk's delay
report joined that "lost_package" problem, the order never read as reported, and every run
of the proactive job reported its delay again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.models import InboundMessage, Suggestion
from bot.orders.model import OrderEvent
from bot.storage import Store
from bot.storage.escalations import ProblemFacts
from bot.storage.schema import problem_reports
from tests.bot.storage.databases import DATABASES, opened_store

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
LOST = Suggestion(
    language="es",
    intent="lost_package",
    confidence=0.9,
    top=(("lost_package", 0.9),),
    department="logistics",
    reply="Lo sentimos",
    reply_language="es",
    is_problem=True,
)


@pytest.fixture(params=DATABASES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    async with opened_store(request.param, tmp_path) as opened:
        yield opened


async def test_a_delay_joined_to_the_shoppers_lost_parcel_is_reported_once(store: Store) -> None:
    message = InboundMessage(
        channel="telegram",
        chat_id="42",
        platform_message_id="42:1",
        user_id="42",
        user_name="Ana",
        text="Mi pedido #1001 se ha perdido",
        received_at=T0,
    )
    stored = await store.record_inbound(message)
    order_id, _ = await store.upsert_order(
        OrderEvent(
            order_number="#1001",
            status="shipped",
            ordered_at=T0 - timedelta(days=20),
            estimated_delivery=date(2026, 11, 10),
        ),
        "import",
        T0,
    )
    suggestion_id = await store.add_suggestion(stored.message_id, stored.conversation_id, LOST, T0)
    await store.record_problem(
        suggestion_id,
        department="logistics",
        intent="lost_package",
        language="es",
        facts=ProblemFacts(order_number="#1001"),
        at=T0,
    )

    assert await store.record_order_problem(order_id, stored.conversation_id, at=T0)
    for minutes in (1, 2, 3):  # the proactive job's next runs
        later = T0 + timedelta(minutes=minutes)
        assert not await store.record_order_problem(order_id, stored.conversation_id, at=later)
    async with store.reader.connect() as conn:
        reports = await conn.execute(
            select(problem_reports.c.source, func.count()).group_by(problem_reports.c.source)
        )
        assert dict(reports.all()) == {"shopper": 1, "order": 1}
