"""What every migration test does: make a SQLite file at an older revision with a few rows
in it, let ``Store.open`` migrate it to the newest, and check that the tables then match
the schema the code declares (``bot.storage.schema``).

    database_at(path, "0013", ANA)             # customer 1 and conversation 1, at 0013
    store = await Store.open(sqlite_url(path))  # migrated to the newest revision
    async with store.engine.connect() as conn:
        assert await schema_differences(conn) == []
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage.migrate import MIGRATIONS_DIR
from bot.storage.schema import metadata

# a Telegram shopper and their conversation, as every revision since 0001 stores them
ANA = (
    "INSERT INTO customers (id, channel, platform_user_id, name, created_at)"
    " VALUES (1, 'telegram', '42', 'Ana', '2026-03-01 09:00:00')",
    "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at,"
    " updated_at) VALUES (1, 1, 'telegram', '42', '2026-03-01 09:00:00',"
    " '2026-03-01 09:00:00')",
)


def migrate(conn: Connection, revision: str, *, down: bool = False) -> None:
    """Upgrade (or with ``down``, downgrade) the database on ``conn`` to ``revision``."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(config, revision)


def database_at(path: Path, revision: str, statements: Sequence[str] = ()) -> None:
    """A SQLite file at ``path`` migrated to ``revision``, then ``statements`` run in it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, revision)
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


async def schema_differences(conn: AsyncConnection) -> list[Any]:
    """How the tables on ``conn`` differ from ``bot.storage.schema`` ([] when they match)."""
    return await conn.run_sync(
        lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
    )
