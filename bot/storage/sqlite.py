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

    engine = create_async_engine(url, async_creator=lambda: inline_connect(path, 30.0))
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
from bot.storage.sqlite_inline import InlineConnection

READ_ONLY = "borderdesk_read_only"
BUSY_TIMEOUT_MS = 30000
# A checkpoint waits this long for readers of an older snapshot before it settles for
# what it could copy (the next one finishes the job): never long enough to hold up intake.
CHECKPOINT_WAIT_MS = 250
# In WAL mode, synchronous=FULL flushes the log to the disk at every commit; NORMAL only
# when the log is checkpointed. Every commit then costs a write into the operating
# system's cache instead of a wait for the disk (a handful of commits per message).
# What it risks: a power cut or an operating-system crash (not a crash or a kill of our
# process: the log is already in the system's hands then) can undo the commits made
# since the last checkpoint, at most a few seconds' worth; the database is never
# corrupted, it comes back as it was at an earlier commit. Why that is acceptable, and
# what it costs honestly: the platforms do not keep a message for us once it is
# acknowledged (Telegram's offset moves past it, a webhook got its 200, Slack its ack),
# so a message stored in those last seconds is lost with them, and a reply whose
# sending was recorded in them is sent a second time after the restart. Power cuts
# are rare on the servers a desk runs on, and each costs a few seconds of a desk's
# traffic; FULL would make every message wait for the disk several times, all day.
SYNCHRONOUS = "NORMAL"


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
        # an inline connection (bot.storage.sqlite_inline) opens in autocommit mode and
        # waits for other processes' locks itself: a busy timeout would block the loop
        inline = isinstance(dbapi_connection.driver_connection, InlineConnection)
        if not inline:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # commits wait for the disk only at checkpoints: see SYNCHRONOUS for the risk
        cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        if not inline:
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if guard is not None:
            guard.check()  # DatabaseLost: not a read or a write more in a file not ours
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        # on the driver's own cursor: a statement through SQLAlchemy's execution costs
        # more than SQLite takes for the whole transaction; errors are wrapped as usual
        cursor = connection.connection.dbapi_connection.cursor()
        try:
            cursor.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")
        except Exception as exc:
            connection._handle_dbapi_exception(exc, "BEGIN", (), cursor, None)
        finally:
            cursor.close()


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
        # an inline connection runs this in a worker thread, and its own statements
        # never wait: its busy timeout goes back to 0 after the checkpoint
        usual = 0 if isinstance(driver, InlineConnection) else BUSY_TIMEOUT_MS
        with guard.checkpointing() if guard is not None else contextlib.nullcontext():
            await driver.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            try:
                await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                await driver.execute(f"PRAGMA busy_timeout={usual}")
    return True


@contextlib.asynccontextmanager
async def _no_wait() -> AsyncIterator[None]:
    yield
