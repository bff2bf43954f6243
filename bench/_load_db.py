"""The database ``bench/load.py`` runs the desk on, and how the bench reads it.

The bench always runs on a new database: a new SQLite file (``--db``, or one in a
temporary folder), or, given ``--database-url`` of a PostgreSQL server, a database
``bench_<pid>`` it creates there (connected through the URL's own database) and drops
after the run. What the desk wrote is read by the bench as a staff tool or a dashboard
would: SQLite read-only beside the desk's writers (WAL), PostgreSQL through a small
asyncpg pool of the bench's own. Queries are plain SQL both databases take.

    async with bench_database(args.database_url, args.db) as (url, rows):
        [(count,)] = await rows("SELECT count(*) FROM messages")
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from bot.storage.store import sqlite_url

Rows = Callable[[str], Awaitable[list[tuple[Any, ...]]]]


def read_sqlite(db: Path, query: str) -> list[tuple[Any, ...]]:
    """Rows from the desk's SQLite file, read-only (WAL: the desk's writers never wait)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        return conn.execute(query).fetchall()


@asynccontextmanager
async def bench_database(
    database_url: str | None, db: Path | None
) -> AsyncIterator[tuple[str, Rows]]:
    """(the desk's database URL, how the bench reads it), for a new database."""
    if database_url is None or database_url.startswith("sqlite"):
        path = db
        if database_url is not None:
            path = Path(make_url(database_url).database or "")
        if path is not None:
            if path.exists():
                raise SystemExit(f"{path} exists; the bench needs a new database file")
            yield sqlite_url(path), _sqlite_rows(path)
            return
        with tempfile.TemporaryDirectory(prefix="load-bench-") as scratch:
            path = Path(scratch) / "desk.sqlite3"
            yield sqlite_url(path), _sqlite_rows(path)
        return
    async with _fresh_postgres(database_url) as (url, rows):
        yield url, rows


def _sqlite_rows(path: Path) -> Rows:
    async def rows(query: str) -> list[tuple[Any, ...]]:
        return await asyncio.to_thread(read_sqlite, path, query)

    return rows


@asynccontextmanager
async def _fresh_postgres(server_url: str) -> AsyncIterator[tuple[str, Rows]]:
    """A database ``bench_<pid>`` on the server of ``server_url``, dropped afterwards."""
    import asyncpg

    url = make_url(server_url)
    if url.get_backend_name() != "postgresql":
        raise SystemExit(f"--database-url: SQLite or PostgreSQL, not {url.get_backend_name()}")
    name = f"bench_{os.getpid()}"
    home = url.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(home, timeout=10)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            desk_url = url.set(drivername="postgresql+asyncpg", database=name)
            reader = url.set(drivername="postgresql", database=name)
            pool = await asyncpg.create_pool(
                reader.render_as_string(hide_password=False), min_size=1, max_size=2
            )
            try:

                async def rows(query: str) -> list[tuple[Any, ...]]:
                    return [tuple(record) for record in await pool.fetch(query)]

                yield desk_url.render_as_string(hide_password=False), rows
            finally:
                await pool.close()
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
