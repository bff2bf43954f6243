"""A migrated Store on each database BorderDesk runs on: a SQLite file in a temporary
folder, and a fresh database on the local PostgreSQL server (127.0.0.1:5432, trust
authentication, reached through its ``test`` database), dropped afterwards. Without a
PostgreSQL server the PostgreSQL cases are skipped, saying so::

    @pytest.fixture(params=DATABASES)
    async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
        async with opened_store(request.param, tmp_path) as opened:
            yield opened
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.storage.store import Store, sqlite_url

DATABASES = ("sqlite", "postgresql")
POSTGRES_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
POSTGRES_HOME = "test"  # the database connected to while creating and dropping ours


@asynccontextmanager
async def opened_store(kind: str, folder: Path) -> AsyncIterator[Store]:
    """A Store on a new, migrated database of ``kind`` ("sqlite" or "postgresql")."""
    if kind == "sqlite":
        store = await Store.open(sqlite_url(folder / "desk.sqlite3"))
        try:
            yield store
        finally:
            await store.close()
        return
    async with _postgres_database() as url:
        store = await Store.open(url)
        try:
            yield store
        finally:
            await store.close()


@asynccontextmanager
async def _postgres_database() -> AsyncIterator[str]:
    """The URL of a database created for one test on the local server, dropped after it."""
    asyncpg = pytest.importorskip("asyncpg", reason="the PostgreSQL driver is not installed")
    name = f"borderdesk_{uuid.uuid4().hex[:16]}"
    dsn = f"postgresql://postgres@127.0.0.1:5432/{POSTGRES_HOME}"
    try:
        admin = await asyncpg.connect(dsn, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.skip(f"no PostgreSQL server at {dsn}: {exc}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{POSTGRES_SERVER}/{name}"
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
