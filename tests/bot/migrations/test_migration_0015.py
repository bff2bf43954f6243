"""Migration 0015 on a real SQLite file: delivery statuses can be recorded against a reply
sent before it (the outbox row already there), the tables and indexes match the schema,
and downgrading drops the table and the index."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from bot.models import DeliveryReport
from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata
from tests.bot.migrations.test_migration_0006 import migrate

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)


async def test_0015_records_statuses_of_a_reply_sent_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0014")
        for statement in (
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
        ):
            conn.execute(text(statement))
    engine.dispose()

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.begin() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
            assert differences == []
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
