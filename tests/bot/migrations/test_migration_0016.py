"""Migration 0016 on a real SQLite file: a conversation resolved before it can be asked
to rate once, the tables match the schema, and downgrading drops the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.storage import Store, sqlite_url
from tests.bot.migrations.old_databases import ANA, database_at, migrate, schema_differences


async def test_0016_adds_one_rating_per_conversation(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0015", ANA)

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.begin() as conn:
            assert await schema_differences(conn) == []
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
