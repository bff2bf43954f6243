"""Migration 0008 on a real SQLite file: shoppers stored before it stay one chat each (no
one is joined by upgrading), queued messages keep their text, the tables match the schema,
and downgrading gives the 0007 tables back with the rows in them."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata
from tests.bot.migrations.old_databases import migrate
from tests.bot.migrations.test_migration_0006 import AT, AT_AWARE


async def test_0008_joins_nobody_and_downgrades_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0007")
        for number, email in ((1, "ana@example.es"), (2, "ana@example.es")):
            conn.execute(
                text(
                    "INSERT INTO customers (id, channel, platform_user_id, name, email, created_at)"
                    f" VALUES ({number}, 'telegram', '4{number}', 'Ana', '{email}', '{AT}')"
                )
            )
        conn.execute(
            text(
                "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at,"
                f" updated_at) VALUES (1, 1, 'telegram', '41', '{AT}', '{AT}')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO outbox (idempotency_key, conversation_id, channel, chat_id, text,"
                " status, attempts, next_attempt_at, created_at) VALUES ('k', 1, 'telegram',"
                f" '41', 'Your parcel left today', 'pending', 0, '{AT}', '{AT}')"
            )
        )
    engine.dispose()

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
        assert differences == []
        for customer_id in (1, 2):  # the same e-mail joins nobody
            assert [c.id for c in await store.same_person(customer_id)] == [customer_id]
        [queued] = await store.due_outbox(AT_AWARE)
        assert queued.text == "Your parcel left today"
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0007", down=True)
        tables = inspect(conn)
        assert "join_codes" not in tables.get_table_names()
        assert "person_id" not in {c["name"] for c in tables.get_columns("customers")}
        assert "kept_text" not in {c["name"] for c in tables.get_columns("outbox")}
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 2
        assert conn.execute(text("SELECT text FROM outbox")).scalar() == "Your parcel left today"
    engine.dispose()
