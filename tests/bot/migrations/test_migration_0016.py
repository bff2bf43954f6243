"""Migration 0016 on a real SQLite file: a conversation resolved before it can be asked
to rate once, the tables match the schema, and downgrading drops the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata
from tests.bot.migrations.test_migration_0006 import migrate


async def test_0016_adds_one_rating_per_conversation(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0015")
        for statement in (
            "INSERT INTO customers (id, channel, platform_user_id, name, created_at)"
            " VALUES (1, 'telegram', '42', 'Ana', '2026-03-01 09:00:00')",
            "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at,"
            " updated_at) VALUES (1, 1, 'telegram', '42', '2026-03-01 09:00:00',"
            " '2026-03-01 09:00:00')",
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
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    ask = "INSERT INTO ratings (conversation_id, asked_at) VALUES (1, '2026-03-02 10:00:00')"
    with engine.begin() as conn:
        conn.execute(text(ask))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text(ask))  # a conversation is asked once
    with engine.begin() as conn:
        migrate(conn, "0015", down=True)
        assert "ratings" not in inspect(conn).get_table_names()
    engine.dispose()
