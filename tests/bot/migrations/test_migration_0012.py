"""Migration 0012 on a real SQLite file: a reply queued before it is still sent after it
(its new owner column starts empty), conversations start unclaimed, the tables match the
schema; downgrading drops the claims table and the column."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, inspect, select

from bot.storage import Store, sqlite_url
from bot.storage.schema import conversation_claims
from tests.bot.migrations.old_databases import ANA, database_at, migrate, schema_differences

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)


async def test_0012_adds_the_claims_and_keeps_queued_replies_due(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(
        path,
        "0011",
        [
            *ANA,
            "INSERT INTO outbox (id, idempotency_key, conversation_id, channel, chat_id, text,"
            " status, attempts, next_attempt_at, created_at) VALUES (1, 'suggestion:1', 1,"
            " 'telegram', '42', 'Hola Ana', 'pending', 0, '2026-03-01 09:00:00',"
            " '2026-03-01 09:00:00')",
        ],
    )

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            assert await schema_differences(conn) == []
            assert (await conn.execute(select(conversation_claims))).all() == []
        [item] = await store.due_outbox(AT)
        assert item.text == "Hola Ana"
        assert await store.claim_outbox(item.id, AT, timedelta(seconds=60))
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0011", down=True)
        assert "conversation_claims" not in inspect(conn).get_table_names()
        assert "claimed_by" not in {c["name"] for c in inspect(conn).get_columns("outbox")}
    engine.dispose()
