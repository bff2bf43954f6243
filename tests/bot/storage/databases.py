"""A migrated Store on each database BorderDesk runs on: a SQLite file in a temporary
folder, and a fresh database on the local PostgreSQL server (127.0.0.1:5432, trust
authentication, reached through its ``test`` database), dropped afterwards. Without a
PostgreSQL server (or without its driver, asyncpg) the PostgreSQL cases are skipped,
saying so; under ``CI=true`` they fail instead, as CI has a server::

    @pytest.fixture(params=DATABASES)
    async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
        async with opened_store(request.param, tmp_path) as opened:
            yield opened

Two stores on one database stand for two processes (``database_url``)::

    async with database_url(kind, tmp_path) as url:
        first, second = await Store.open(url), await Store.open(url)
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import NoReturn

import pytest

from bot.storage.store import Store, sqlite_url

DATABASES = ("sqlite", "postgresql")
POSTGRES_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
POSTGRES_HOME = "test"  # the database connected to while creating and dropping ours


@asynccontextmanager
async def opened_store(kind: str, folder: Path) -> AsyncIterator[Store]:
    """A Store on a new, migrated database of ``kind`` ("sqlite" or "postgresql")."""
    async with database_url(kind, folder) as url:
        store = await Store.open(url)
        try:
            yield store
        finally:
            await store.close()


@asynccontextmanager
async def database_url(kind: str, folder: Path) -> AsyncIterator[str]:
    """The URL of a new, empty database of ``kind``: a SQLite file in ``folder``, or a
    PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield sqlite_url(folder / "desk.sqlite3")
        return
    async with _postgres_database() as url:
        yield url


def _unavailable(reason: str) -> NoReturn:
    """Skip the PostgreSQL case, saying why; under ``CI=true`` fail it (CI runs a server,
    so a missing one is a broken set-up, not a case to leave out)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@asynccontextmanager
async def _postgres_database() -> AsyncIterator[str]:
    """The URL of a database created for one test on the local server, dropped after it."""
    try:
        import asyncpg
    except ModuleNotFoundError:
        _unavailable("the PostgreSQL driver (asyncpg) is not installed")
    name = f"borderdesk_{uuid.uuid4().hex[:16]}"
    dsn = f"postgresql://postgres@127.0.0.1:5432/{POSTGRES_HOME}"
    try:
        admin = await asyncpg.connect(dsn, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        _unavailable(f"no PostgreSQL server at {dsn}: {exc}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{POSTGRES_SERVER}/{name}"
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
