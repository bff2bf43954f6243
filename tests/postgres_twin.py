"""Tests that open SQLite files run a second time on PostgreSQL: each file a database.

The suite's storage is SQLite files in ``tmp_path``; a test marked to run on PostgreSQL
too (``tests/conftest.py`` parametrizes whole folders, see ``POSTGRES_TOO``) runs once
as written and once with every new SQLite file it opens in-process (``Store.open``)
handed a PostgreSQL database instead: the same test, the same assertions, another
database. A file the test opens again (a desk restarted) gets the same database back.

Making a database for every test costs 0.3-2 s on a busy server (``CREATE DATABASE``
and ``DROP DATABASE`` write whole folders), more than most tests take. So each test
process keeps a few databases of its own, copied once from one it migrated
(``TEMPLATE``), and empties one whenever a test takes it: every row deleted and every
id sequence restarted, which takes milliseconds on a test's few rows (on a connection
of the test's own store). They are dropped when the process ends. Their commits do not
wait for the server's disk (``NO_FLUSH_WAIT``), which would otherwise be most of a PostgreSQL
run's time. Without a server the PostgreSQL runs skip, saying why; under
``CI=true`` they fail (``tests.bot.storage.databases``).

What stays on SQLite: processes a test starts (``borderdesk run``, the command line)
open their own files, and tests about the file itself (its write-ahead log, backups,
secure delete) are marked ``sqlite_only``.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.bot.storage.databases import POSTGRES_HOME, POSTGRES_SERVER, _unavailable

ADMIN_DSN = f"postgresql://postgres@127.0.0.1:5432/{POSTGRES_HOME}"

# A commit returns without waiting for the server to flush its log to disk (6 ms a commit
# on this machine's disk, 0.3 ms without): what a test's database holds and when the desk
# sees it are the same, only a crash of the server itself could lose the last commits. A
# setting of each database (a copy does not inherit its template's).
NO_FLUSH_WAIT = 'ALTER DATABASE "{name}" SET synchronous_commit = off'


class Twin:
    """This process's PostgreSQL databases standing in for a test's SQLite files."""

    def __init__(self) -> None:
        self.on = False  # the running test is a PostgreSQL run
        self.made: list[str] = []  # databases this process made (dropped at the end)
        self.template: str | None = None
        self.template_key: object = None
        self.reset_sql = ""
        self.taken: dict[Path, str] = {}  # the running test's files -> its databases
        self.broken: str | None = None  # why there is no server, once found out

    def start_test(self, on: bool) -> None:
        self.on = on
        self.taken = {}

    async def database_for(
        self,
        path: Path,
        migrations_key: object,
        migrate: Callable,  # type: ignore[type-arg]
    ) -> tuple[str, bool]:
        """The PostgreSQL URL standing in for the SQLite file ``path`` in this test (a
        database of its own, at the newest migration), and whether it still holds an
        earlier test's rows: then the caller empties it (``empty``) on the store it opens,
        before the test sees it. The server is asked to make a database only the first
        time this process needs one more."""
        if path in self.taken:
            return f"{POSTGRES_SERVER}/{self.taken[path]}", False
        if self.broken is not None:
            _unavailable(self.broken)
        try:
            import asyncpg
        except ModuleNotFoundError:
            self.broken = "the PostgreSQL driver (asyncpg) is not installed"
            _unavailable(self.broken)

        if self.template_key != migrations_key or f"{self.template}_{len(self.taken)}" not in (
            self.made
        ):
            try:
                admin = await asyncpg.connect(ADMIN_DSN, timeout=5)
            except (OSError, asyncpg.PostgresError) as exc:
                self.broken = f"no PostgreSQL server at {ADMIN_DSN}: {exc}"
                _unavailable(self.broken)
            try:
                if self.template_key != migrations_key:
                    await self._make_template(admin, migrations_key, migrate)
                name = f"{self.template}_{len(self.taken)}"
                if name not in self.made:
                    await admin.execute(
                        f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY'
                    )
                    await admin.execute(NO_FLUSH_WAIT.format(name=name))
                    self.made.append(name)
                    self.taken[path] = name
                    return f"{POSTGRES_SERVER}/{name}", False
            finally:
                await admin.close()
        name = f"{self.template}_{len(self.taken)}"
        self.taken[path] = name
        return f"{POSTGRES_SERVER}/{name}", True

    async def empty(self, engine: AsyncEngine) -> None:
        """Delete every row and restart every id sequence of the database ``engine`` is
        on, in one round trip on a connection of the engine's pool (which the test then
        goes on using: no connection of its own for the emptying)."""
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            await raw.driver_connection.execute(self.reset_sql)  # type: ignore[union-attr]

    async def _make_template(self, admin: object, key: object, migrate: Callable) -> None:  # type: ignore[type-arg]
        """A migrated database to copy (one per set of migrations), and the SQL that
        empties a copy of it."""
        digest = hashlib.sha1(repr(key).encode()).hexdigest()[:8]
        template = f"bdtwin_{os.getpid()}_{digest}"
        await admin.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')  # type: ignore[attr-defined]
        await admin.execute(f'CREATE DATABASE "{template}"')  # type: ignore[attr-defined]
        await admin.execute(NO_FLUSH_WAIT.format(name=template))  # type: ignore[attr-defined]
        self.made.append(template)
        await migrate(f"{POSTGRES_SERVER}/{template}")
        import asyncpg

        conn = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:5432/{template}")
        try:
            tables = await conn.fetch(
                "SELECT quote_ident(tablename) AS t FROM pg_tables"
                " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
            sequences = await conn.fetch(
                "SELECT quote_ident(sequencename) AS s FROM pg_sequences"
                " WHERE schemaname = 'public'"
            )
        finally:
            await conn.close()
        # foreign keys are not checked while emptying (a superuser's replica role, for this
        # transaction only: the connection goes back to the test's pool), so the order of
        # the tables does not matter. DELETE, not TRUNCATE: on a test's few rows it takes
        # milliseconds, where one TRUNCATE of every table takes a tenth of a second or more
        # (new files for each table).
        self.reset_sql = (
            "BEGIN;\nSET LOCAL session_replication_role = replica;\n"
            + "".join(
                [f"DELETE FROM {r['t']};\n" for r in tables]
                + [f"ALTER SEQUENCE {r['s']} RESTART;\n" for r in sequences]
            )
            + "COMMIT;\n"
        )
        self.template, self.template_key = template, key

    def drop_all(self) -> None:
        """Drop every database this process made (at the end of the session)."""
        if not self.made:
            return

        async def drop() -> None:
            import asyncpg

            admin = await asyncpg.connect(ADMIN_DSN, timeout=5)
            try:
                for name in reversed(self.made):
                    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await admin.close()

        asyncio.run(drop())
        self.made = []
