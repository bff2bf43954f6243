"""How BorderDesk drives SQLite: writers take turns, reads never wait, and the desk alone
folds the write-ahead log into the database file.

- Write transactions start with ``BEGIN IMMEDIATE`` and queue in this process first
  (``WriterQueue``); read-only ones begin deferred and, with WAL, never wait for a writer.
- No connection checkpoints on its own (``wal_autocheckpoint=0``): ``checkpoint`` is the
  one place the database file is written while a desk runs, so the desk's
  ``DatabaseGuard`` can tell its own writes from a backup copied over the file (the
  reasoning is in ``bot.storage.file_guard``). Every transaction of a guarded engine
  first checks that the file is still the desk's, so nothing is read from or written
  into a file that is not.

    engine = create_async_engine(url)
    configure(engine, guard)
    engine = WriterQueue(engine.sync_engine)
    await checkpoint(engine, path, guard)   # the runtime, every few seconds
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.file_guard import DatabaseGuard

READ_ONLY = "borderdesk_read_only"
BUSY_TIMEOUT_MS = 30000
# A checkpoint waits this long for readers of an older snapshot before it settles for
# what it could copy (the next one finishes the job): never long enough to hold up intake.
CHECKPOINT_WAIT_MS = 250


class WriterQueue(AsyncEngine):
    """An engine whose write transactions (``begin()``) take turns in this process.

    SQLite has one write lock; tasks that all ask for it at once are left to its busy
    handler, which sleeps up to 100 ms between tries and wastes most of the time under
    load. Queueing writers on an asyncio lock first hands the database from one writer to
    the next at once; SQLite's own lock still guards against other processes.
    """

    def __init__(self, sync_engine: Any) -> None:
        super().__init__(sync_engine)
        self._writers = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        async with self._writers:
            async with super().begin() as conn:
                yield conn

    @contextlib.asynccontextmanager
    async def writers_turn(self) -> AsyncIterator[None]:
        """The writers' turn without a transaction (a checkpoint cannot run inside one)."""
        async with self._writers:
            yield


def configure(engine: AsyncEngine, guard: DatabaseGuard | None = None) -> None:
    """Make SQLite safe for our concurrent tasks (handlers, outbox, jobs), and leave the
    checkpoints to ``checkpoint``.

    The driver's default deferred transactions deadlock when two of them read and then
    write ("database is locked" at once, the busy timeout never applies). Write
    transactions start with BEGIN IMMEDIATE instead, so writers queue for up to 30 s.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if guard is not None:
            guard.check()  # DatabaseLost: not a read or a write more in a file not ours
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


async def checkpoint(engine: AsyncEngine, path: Path | None, guard: DatabaseGuard | None) -> bool:
    """Fold the write-ahead log into the database file and truncate it (it would otherwise
    keep the space it grew into, and after a full disk the next burst fills it again).
    Returns whether it ran.

    A process without the guard (a ``borderdesk`` command) leaves it to the desk holding
    the file, which would take its write for someone else's. Raises DatabaseLost instead
    of checkpointing into a file that is not the desk's any more.
    """
    if path is None:
        return False  # PostgreSQL, or SQLite in memory: no log file
    if guard is None and DatabaseGuard.held(path):
        return False
    turn = engine.writers_turn() if isinstance(engine, WriterQueue) else _no_wait()
    async with turn, engine.connect() as conn:  # outside a transaction, or it is locked
        driver = (await conn.get_raw_connection()).driver_connection
        assert driver is not None, "a connection just taken from the pool"
        with guard.checkpointing() if guard is not None else contextlib.nullcontext():
            await driver.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            try:
                await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                await driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return True


@contextlib.asynccontextmanager
async def _no_wait() -> AsyncIterator[None]:
    yield
