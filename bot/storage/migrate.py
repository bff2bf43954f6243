"""Apply Alembic migrations from inside the running program (at start and in ``db upgrade``).

Every process migrates when it starts, and several may start at once on one PostgreSQL
database (issue 17). Their upgrades take turns: each first takes a transaction-level
advisory lock on ``MIGRATION_LOCK`` (``pg_advisory_xact_lock``), held until its upgrade
commits; the next one then finds the schema current and does nothing. Without it, two
processes would both create the same tables, and one would fail to start (or both wait
on each other). SQLite needs nothing more: the upgrade's transaction begins with
``BEGIN IMMEDIATE`` (``bot.storage.sqlite``), which already lets one writer in at a time::

    await upgrade(engine)   # Store.open does it, unless told not to
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Connection, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# The advisory lock key of BorderDesk's migrations: any fixed 64-bit number no other lock
# of the desk uses; these are the bytes of "bdmigrat".
MIGRATION_LOCK = int.from_bytes(b"bdmigrat")


def _upgrade(connection: Connection) -> None:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the database schema to the newest revision; a no-op when it already is. On
    PostgreSQL, waits for any other process's upgrade first (see the module docstring)."""
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        await connection.run_sync(_upgrade)
