"""Migration 0013 on a real SQLite file: an example staff taught before it is still one
after it (with no origin: every process loaded it at its start), the pacing tables start
empty, the tables match the schema; downgrading drops the tables and the column."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text

from bot.storage import Store, sqlite_url
from bot.storage.schema import examples, pace_keys, pace_sends
from tests.bot.migrations.old_databases import database_at, migrate, schema_differences


async def test_0013_adds_shared_pacing_and_keeps_the_taught_examples(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(
        path,
        "0012",
        [
            "INSERT INTO examples (id, text, intent, source, created_at) VALUES"
            " (1, 'wo ist mein paket', 'track_order', 'staff', '2026-03-01 09:00:00')"
        ],
    )

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            assert await schema_differences(conn) == []
            assert (await conn.execute(select(examples.c.origin))).scalars().all() == [None]
            assert (await conn.execute(select(pace_keys))).all() == []
            assert (await conn.execute(select(pace_sends))).all() == []
        assert await store.staff_examples() == [("wo ist mein paket", "track_order")]
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0012", down=True)
        tables = inspect(conn).get_table_names()
        assert "pace_keys" not in tables and "pace_sends" not in tables
        assert "origin" not in {c["name"] for c in inspect(conn).get_columns("examples")}
        assert conn.execute(text("SELECT text FROM examples")).scalars().all() == [
            "wo ist mein paket"
        ]
    engine.dispose()
