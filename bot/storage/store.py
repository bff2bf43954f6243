"""The Store: every read and write BorderDesk does, as small async methods.

It owns the engine (opened by ``Store.open``, closed by ``close``). Methods that must be
atomic — recording an inbound message, deciding on a suggestion and queueing its reply —
run in one transaction, so a crash never leaves half a decision behind::

    store = await Store.open("sqlite+aiosqlite:///./data/borderdesk.sqlite3")
    stored = await store.record_inbound(message)
    await store.close()
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import and_, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.errors import StorageError
from bot.storage import migrate
from bot.storage.attachments import AttachmentQueries
from bot.storage.customers import CustomerQueries
from bot.storage.decisions import DecisionQueries
from bot.storage.escalations import EscalationQueries
from bot.storage.inbox import InboxQueries
from bot.storage.orders import OrderQueries
from bot.storage.outbox import OutboxQueries
from bot.storage.proactive import ProactiveQueries
from bot.storage.schema import escalations, messages, suggestions
from bot.storage.shipments import ShipmentQueries
from bot.storage.translations import TranslationQueries
from bot.storage.urls import database_label, sqlite_file

READ_ONLY = "borderdesk_read_only"


def _missing_driver(url: str, module: str) -> str:
    if module == "asyncpg":
        return (
            f"{database_label(url)} needs the PostgreSQL driver, which is not installed: "
            "pip install 'borderdesk[postgres]' (or: .venv/bin/pip install asyncpg)"
        )
    return f"{database_label(url)} needs the Python module {module!r}: pip install it"


def sqlite_url(path: str | Path) -> str:
    """The database URL for a SQLite file, as ``--db PATH`` gives it."""
    return f"sqlite+aiosqlite:///{Path(path).expanduser()}"


class Store(
    InboxQueries,
    DecisionQueries,
    EscalationQueries,
    OutboxQueries,
    TranslationQueries,
    CustomerQueries,
    OrderQueries,
    ProactiveQueries,
    AttachmentQueries,
    ShipmentQueries,
):
    """Async access to the BorderDesk database."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        # reads begin a plain (deferred) transaction: they never wait for the write lock
        self.reader = engine.execution_options(**{READ_ONLY: True})

    @classmethod
    async def open(cls, url: str, *, migrate_schema: bool = True) -> Store:
        """Open the database (creating a SQLite file's folder) and apply migrations."""
        sqlite = make_url(url).get_backend_name() == "sqlite"
        if (path := sqlite_file(url)) is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = create_async_engine(url)
        except ModuleNotFoundError as exc:
            raise StorageError(_missing_driver(url, exc.name or "its driver")) from exc
        if sqlite:
            _serialize_sqlite_writers(engine)
            engine = WriterQueue(engine.sync_engine)
        try:
            if migrate_schema:
                await migrate.upgrade(engine)
        except Exception as exc:
            await engine.dispose()
            raise StorageError(
                f"cannot open or migrate the database {database_label(url)}: {exc}"
            ) from exc
        return cls(engine)

    async def close(self) -> None:
        await self.engine.dispose()

    async def counts(self) -> dict[str, Any]:
        """Totals for summaries: messages, suggestions by status, escalations by department."""
        async with self.reader.connect() as conn:
            by_direction: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(messages.c.direction, func.count()).group_by(messages.c.direction)
                    )
                ).all()
            )
            by_status: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(suggestions.c.status, func.count()).group_by(suggestions.c.status)
                    )
                ).all()
            )
            by_department: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(escalations.c.department, func.count()).group_by(
                            escalations.c.department
                        )
                    )
                ).all()
            )
            languages: dict[str, int] = dict(
                (
                    await conn.execute(
                        select(messages.c.language, func.count())
                        .where(and_(messages.c.direction == "in", messages.c.language.is_not(None)))
                        .group_by(messages.c.language)
                    )
                ).all()
            )
        return {
            "messages": by_direction,
            "suggestions": by_status,
            "escalations": by_department,
            "languages": languages,
        }


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


def _serialize_sqlite_writers(engine: AsyncEngine) -> None:
    """Make SQLite safe for our concurrent tasks (handlers, outbox, jobs).

    The driver's default deferred transactions deadlock when two of them read and then
    write ("database is locked" at once, the busy timeout never applies). Write
    transactions start with BEGIN IMMEDIATE instead, so writers queue for up to 30 s;
    read-only ones (``Store.reader``) begin deferred and, with WAL, never wait for a writer.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
