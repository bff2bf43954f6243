"""Migration 0015 on a real SQLite file: delivery statuses can be recorded against a reply
sent before it (the outbox row already there), the tables and indexes match the schema,
and downgrading drops the table and the index."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect

from bot.models import DeliveryReport
from bot.storage import Store, sqlite_url
from tests.bot.migrations.old_databases import database_at, migrate, schema_differences

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)


async def test_0015_records_statuses_of_a_reply_sent_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(
        path,
        "0014",
        [
            "INSERT INTO customers (id, channel, platform_user_id, name, created_at)"
            " VALUES (1, 'whatsapp', '5511987654321', 'Ana', '2026-03-01 09:00:00')",
            "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at,"
            " updated_at) VALUES (1, 1, 'whatsapp', '5511987654321', '2026-03-01 09:00:00',"
            " '2026-03-01 09:00:00')",
            "INSERT INTO outbox (id, idempotency_key, conversation_id, channel, chat_id, text,"
            " status, attempts, parts_sent, next_attempt_at, platform_message_id, created_at,"
            " sent_at) VALUES (7, 'reply:1', 1, 'whatsapp', '5511987654321', 'Olá Ana', 'sent',"
            " 1, 0, '2026-03-01 09:00:00', 'wamid.OLD1', '2026-03-01 09:00:00',"
            " '2026-03-01 09:00:05')",
        ],
    )

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.begin() as conn:
            assert await schema_differences(conn) == []
        found = await store.record_delivery(
            DeliveryReport("whatsapp", "wamid.OLD1", "delivered", AT), now=AT
        )
        assert found is not None and found.outbox_id == 7
        assert (await store.delivery_of(7)).delivered_at == AT  # type: ignore[union-attr]
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0014", down=True)
        assert "delivery_statuses" not in inspect(conn).get_table_names()
        indexes = {i["name"] for i in inspect(conn).get_indexes("outbox")}
        assert "ix_outbox_platform_message_id" not in indexes
    engine.dispose()
