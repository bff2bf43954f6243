"""SQLite on the event loop's own thread: each statement runs at once, without a hand-off.

SQLAlchemy's async SQLite dialect drives aiosqlite, which sends every call (open a cursor,
execute, fetch, close it, commit) to a thread of its own and waits for the answer: three
or four trips through the event loop a statement, each one waiting for whatever else is
ready to run first. A write transaction holds SQLite's one write lock for all of those
turns; under load most of the lock's time was spent waiting for the loop, not in SQLite
(issue 17: 93 % of a load run, 53 ms a message). The statements themselves take tens of
microseconds: with the write-ahead log and ``synchronous=NORMAL`` (``bot.storage.sqlite``)
a commit is a write into the operating system's cache, not a wait for the disk.

``InlineConnection`` offers the part of aiosqlite's connection that the dialect uses
(handed to it with ``create_async_engine(url, async_creator=...)``), but runs each call
right away on the calling thread: an ``await`` that never suspends, so a transaction's
statements follow one another without giving the loop away, and the write lock is held
only while SQLite works.

The one wait that must not block the loop is another process's write lock (a
``borderdesk`` command writing while the desk runs): SQLite's own busy handler would
sleep on the loop's thread. The connection's busy timeout is therefore 0, and a statement
SQLite answers with "busy" is tried again after an asyncio sleep, the loop serving
everyone else meanwhile, until ``patience`` runs out (then it raises, as the busy timeout
would have). A failed statement changed nothing, so trying it again is safe.

Maintenance on the raw driver connection (``await driver.execute("VACUUM")``, a WAL
checkpoint) may take long and waits for the disk: it goes to a worker thread instead.

    engine = create_async_engine(url, async_creator=lambda: inline_connect(path, 30.0))
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

# Retries of a busy statement start short (another process's write is usually brief) and
# back off to this, so a long wait costs a few wake-ups a second, not hundreds.
FIRST_RETRY_S = 0.001
LONGEST_RETRY_S = 0.05


def _busy(exc: sqlite3.OperationalError) -> bool:
    """SQLite said "busy": another connection holds a lock this statement needs. Not
    SQLITE_BUSY_SNAPSHOT (a read transaction that tried to write after another writer):
    that one fails again however long it waits."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return "database is locked" in str(exc)
    return code == sqlite3.SQLITE_BUSY or code == getattr(sqlite3, "SQLITE_BUSY_RECOVERY", 261)


class InlineCursor:
    """aiosqlite's cursor, as the dialect uses it: each call done when awaited."""

    def __init__(self, connection: InlineConnection, cursor: sqlite3.Cursor) -> None:
        self._owner = connection
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        call = self._cursor.execute
        await self._owner.patiently(
            lambda: call(sql) if parameters is None else call(sql, parameters)
        )
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        rows = list(parameters)  # a retry needs them again
        await self._owner.patiently(lambda: self._cursor.executemany(sql, rows))
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class InlineConnection:
    """aiosqlite's connection, as SQLAlchemy's aiosqlite dialect uses it, on the calling
    thread (see the module's docstring); ``patience``: seconds a statement keeps trying
    while another process holds the lock it needs."""

    def __init__(self, connection: sqlite3.Connection, patience: float) -> None:
        self._connection: sqlite3.Connection | None = connection  # the dialect checks it
        self.patience = patience

    @property
    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("Connection closed")  # what aiosqlite says; the dialect knows it
        return self._connection

    async def patiently[T](self, call: Callable[[], T]) -> T:
        """``call()`` now; while SQLite answers busy, again after a short asyncio sleep."""
        deadline = None
        pause = FIRST_RETRY_S
        while True:
            try:
                return call()
            except sqlite3.OperationalError as exc:
                if not _busy(exc):
                    raise
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + self.patience
                if now >= deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_RETRY_S)

    def cursor(self) -> InlineCursor:
        return InlineCursor(self, self._open.cursor())

    async def commit(self) -> None:
        connection = self._open
        await self.patiently(connection.commit)

    async def rollback(self) -> None:
        self._open.rollback()

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close at once (what the dialect calls when it terminates a connection)."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._open.isolation_level

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        """Maintenance on the raw connection (a checkpoint, VACUUM, a pragma), in a worker
        thread: it may wait for the disk or for readers. Returns the rows it gave."""
        connection = self._open

        def run() -> list[Any]:
            cursor = connection.execute(sql, parameters)
            try:
                return cursor.fetchall()
            finally:
                cursor.close()

        return await asyncio.to_thread(run)


async def inline_connect(path: Path, patience: float) -> InlineConnection:
    """A connection to the SQLite file at ``path`` whose statements run on this thread.
    Opened in autocommit mode (BEGIN is ours to issue) and with no busy timeout (the
    waiting is ``InlineConnection.patiently``'s); usable from a worker thread for
    ``execute`` (only ever one caller at a time: the pool hands it to one task)."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    return InlineConnection(connection, patience)
