"""The Store: every read and write BorderDesk does, as small async methods.

It owns the engine (opened by ``Store.open``, closed by ``close``). Methods that must be
atomic — recording an inbound message, deciding on a suggestion and queueing its reply —
run in one transaction, so a crash never leaves half a decision behind::

    store = await Store.open("sqlite+aiosqlite:///./data/borderdesk.sqlite3")
    stored = await store.record_inbound(message)
    await store.close()
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.errors import StorageError
from bot.storage import migrate
from bot.storage.agent_queries import AgentQueries
from bot.storage.assignments import AssignmentQueries
from bot.storage.attachments import AttachmentQueries
from bot.storage.card_reads import CardQueries
from bot.storage.claims import ClaimQueries
from bot.storage.conversations import ConversationQueries
from bot.storage.customers import CustomerQueries
from bot.storage.decisions import DecisionQueries
from bot.storage.delivery_statuses import DeliveryQueries
from bot.storage.digest_queries import DigestQueries
from bot.storage.disputes import DisputeQueries
from bot.storage.escalations import EscalationQueries
from bot.storage.examples import ExampleQueries
from bot.storage.file_guard import DatabaseGuard
from bot.storage.inbox import InboxQueries
from bot.storage.job_runs import JobRuns
from bot.storage.management_queries import ManagementQueries
from bot.storage.orders import OrderQueries
from bot.storage.outbox import OutboxQueries
from bot.storage.proactive import ProactiveQueries
from bot.storage.ratings import RatingQueries
from bot.storage.schema import escalations, messages, suggestions
from bot.storage.shipments import ShipmentQueries
from bot.storage.spike_queries import SpikeQueries
from bot.storage.sqlite import BUSY_TIMEOUT_MS, READ_ONLY, WriterQueue, checkpoint, configure
from bot.storage.sqlite_inline import inline_connect
from bot.storage.translations import TranslationQueries
from bot.storage.urls import database_label, sqlite_file

# The database handle a Store is built on (``store.engine``). The timed jobs take it (so
# their tests can hand them any database) and read it through ``Store(database)``; only
# bot.storage ever queries it.
type Database = AsyncEngine


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
    ClaimQueries,
    ConversationQueries,
    DecisionQueries,
    ExampleQueries,
    CardQueries,
    EscalationQueries,
    OutboxQueries,
    DeliveryQueries,
    TranslationQueries,
    CustomerQueries,
    OrderQueries,
    ProactiveQueries,
    AttachmentQueries,
    ShipmentQueries,
    DigestQueries,
    ManagementQueries,
    SpikeQueries,
    DisputeQueries,
    RatingQueries,
    AssignmentQueries,
    AgentQueries,
):
    """Async access to the BorderDesk database."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        sqlite_path: Path | None = None,
        guard: DatabaseGuard | None = None,
    ) -> None:
        self.engine = engine
        # reads begin a plain (deferred) transaction: they never wait for the write lock
        self.reader = engine.execution_options(**{READ_ONLY: True})
        self.sqlite_path = sqlite_path
        self.guard = guard
        self.job_runs = JobRuns(engine)  # timed jobs claim their runs here

    @classmethod
    async def open(
        cls, url: str, *, migrate_schema: bool = True, guard: DatabaseGuard | None = None
    ) -> Store:
        """Open the database (creating a SQLite file's folder) and apply migrations; with
        the desk's ``guard`` (``DatabaseGuard.take``), every transaction checks first that
        the file is still the one opened here."""
        sqlite = make_url(url).get_backend_name() == "sqlite"
        if (path := sqlite_file(url)) is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if path is not None:  # statements run on the loop's thread (sqlite_inline)
                opener = partial(inline_connect, path, BUSY_TIMEOUT_MS / 1000)
                engine = create_async_engine(url, async_creator=opener)
            else:
                engine = create_async_engine(url)
        except ModuleNotFoundError as exc:
            raise StorageError(_missing_driver(url, exc.name or "its driver")) from exc
        if sqlite:
            configure(engine, guard)
            engine = WriterQueue(engine.sync_engine)
        try:
            if migrate_schema:
                await migrate.upgrade(engine)
            if guard is not None:
                guard.remember()
        except Exception as exc:
            await engine.dispose()
            raise StorageError(
                f"cannot open or migrate the database {database_label(url)}: {exc}"
            ) from exc
        return cls(engine, sqlite_path=path, guard=guard)

    async def close(self) -> None:
        await self.engine.dispose()

    def check_file(self) -> None:
        """DatabaseLost once the desk's SQLite file was deleted, replaced or overwritten
        (see ``bot.storage.file_guard``); nothing without a guard."""
        if self.guard is not None:
            self.guard.check()

    async def checkpoint_wal(self) -> None:
        """Fold SQLite's write-ahead log into the database file and truncate it: the
        desk's periodic checkpoint, and after writes failed (a full disk) to give back the
        space the log took. Nothing to do on PostgreSQL; see ``bot.storage.sqlite``."""
        await checkpoint(self.engine, self.sqlite_path, self.guard)

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
