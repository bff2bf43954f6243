"""Migration 0017 on a real SQLite file with a conversation in it: the tables match the
schema, a conversation has one owner at a time, and downgrading drops both tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.storage import Store, sqlite_url
from tests.bot.migrations.old_databases import ANA, database_at, migrate, schema_differences


async def test_0017_adds_owners_and_their_history(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(path, "0016", ANA)

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.begin() as conn:
            assert await schema_differences(conn) == []
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    own = (
        "INSERT INTO conversation_owners (conversation_id, owner_id, since) "
        "VALUES (1, 'U0AIKO0001', '2026-03-02 10:00:00')"
    )
    with engine.begin() as conn:
        conn.execute(text(own))
        conn.execute(
            text(
                "INSERT INTO assignments (conversation_id, owner_id, action, by_id, at) "
                "VALUES (1, 'U0AIKO0001', 'auto', 'borderdesk', '2026-03-02 10:00:00')"
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text(own))  # one owner at a time
    with engine.begin() as conn:
        migrate(conn, "0016", down=True)
        names = inspect(conn).get_table_names()
        assert "conversation_owners" not in names and "assignments" not in names
    engine.dispose()
