"""One process polls Telegram (``bot.storage.leader``): of two processes on one PostgreSQL
database exactly one leads, the other takes over within its retry interval once the
leader's connection closes, and a leader whose connection the server ends stops leading
at once. On SQLite the one process leads from the start.

The PostgreSQL tests run in a database of their own (``tests/bot/storage/databases.py``:
skipped, saying why, without a server; failed under ``CI=true``). Two ``Leadership``s in
this event loop stand for two processes: each has its own connection, as each process
would. A few tries a second (``RETRY``) keep the tests quick.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text

from bot.storage.leader import POLLER_LOCK, Leadership
from bot.storage.migrate import MIGRATION_LOCK
from bot.storage.store import sqlite_url
from tests.bot.storage.databases import database_url
from tests.e2e.harness import wait_until

RETRY = 0.2


class Process:
    """A process's leadership, and what it was told: True (lead), False (stop). Processes
    sharing ``leaders`` note in ``overlaps`` a process told to lead while another leads."""

    def __init__(
        self, name: str, url: str, leaders: set[str], overlaps: list[str], retry: float = RETRY
    ) -> None:
        self.name = name
        self.told: list[bool] = []
        self.leadership = Leadership(url, on_change=self._changed, retry=retry)
        self._leaders, self._overlaps = leaders, overlaps

    async def _changed(self, leading: bool) -> None:
        self.told.append(leading)
        if leading:
            if self._leaders:
                self._overlaps.append(f"{self.name} leads while {sorted(self._leaders)} do")
            self._leaders.add(self.name)
        else:
            self._leaders.discard(self.name)


@pytest.fixture
async def postgres_url(tmp_path: Path) -> AsyncIterator[str]:
    async with database_url("postgresql", tmp_path) as url:
        yield url


async def lock_holders(url: str) -> list[int]:
    """Server process ids of the sessions holding the poller lock in this test's database,
    read apart from both (advisory locks are per database: a desk on another database,
    another test's or a bench's, holds its own)."""
    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    admin = await asyncpg.connect(dsn)
    try:
        rows = await admin.fetch(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND ((classid::bigint << 32) | objid::bigint) = $1 AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            POLLER_LOCK,
        )
        return [row["pid"] for row in rows]
    finally:
        await admin.close()


async def end_session(url: str, pid: int) -> None:
    """What a database restart or an operator's ``pg_terminate_backend`` does to a session."""
    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    admin = await asyncpg.connect(dsn)
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


def test_the_poller_lock_is_not_the_migrations_lock() -> None:
    assert POLLER_LOCK != MIGRATION_LOCK


async def test_of_two_processes_one_polls_and_the_other_takes_over_when_it_dies(
    postgres_url: str,
) -> None:
    leaders: set[str] = set()
    overlaps: list[str] = []
    first = Process("first", postgres_url, leaders, overlaps)
    second = Process("second", postgres_url, leaders, overlaps)
    await first.leadership.start()
    try:
        await wait_until(lambda: first.leadership.leading, "first leading")
        await second.leadership.start()
        # the second has asked twice since the first led, and was refused both times
        await wait_until(lambda: second.leadership.asked >= 2, "second asking again")
        assert first.told == [True] and second.told == [] and not second.leadership.leading
        assert len(await lock_holders(postgres_url)) == 1

        await first.leadership.stop()  # its connection closes, as when its process dies
        assert first.told == [True, False]
        asked = second.leadership.asked
        await wait_until(lambda: second.leadership.leading, "second taking over")
        # taken over within a retry interval of the lock coming free: at its next try, or
        # the one after when that one was on its way while the server ended the session
        assert second.leadership.asked <= asked + 2
        assert second.told == [True]
        assert len(await lock_holders(postgres_url)) == 1
    finally:
        await first.leadership.stop()
        await second.leadership.stop()
    assert overlaps == []
    assert await lock_holders(postgres_url) == [], "released when the processes stop"


async def test_a_leader_whose_connection_is_ended_stops_polling_at_once(
    postgres_url: str,
) -> None:
    # It checks its connection only every minute: being told within wait_until's half
    # minute shows that the connection's end itself stopped it (the driver said so).
    only = Process("only", postgres_url, set(), [], retry=60.0)
    await only.leadership.start()
    try:
        await wait_until(lambda: only.leadership.leading, "leading")
        [pid] = await lock_holders(postgres_url)
        await end_session(postgres_url, pid)
        await wait_until(lambda: only.told == [True, False], "told to stop polling")
        assert not only.leadership.leading
        assert await lock_holders(postgres_url) == []
    finally:
        await only.leadership.stop()
    assert only.told == [True, False]


async def test_a_leader_that_lost_its_connection_leads_again_on_a_new_one(
    postgres_url: str,
) -> None:
    only = Process("only", postgres_url, set(), [])
    await only.leadership.start()
    try:
        await wait_until(lambda: only.leadership.leading, "leading")
        [pid] = await lock_holders(postgres_url)
        await end_session(postgres_url, pid)
        await wait_until(lambda: only.told == [True, False, True], "leading again")
        [again] = await lock_holders(postgres_url)
        assert again != pid
    finally:
        await only.leadership.stop()


async def test_without_the_database_a_process_does_not_poll_and_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    unreachable = "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"
    told: list[bool] = []

    async def changed(leading: bool) -> None:
        told.append(leading)

    leadership = Leadership(unreachable, on_change=changed, retry=RETRY)
    await leadership.start()
    try:
        await wait_until(
            lambda: "reaching the database for the poller lock failed" in caplog.text,
            "the failure logged",
        )
        assert told == [] and not leadership.leading
    finally:
        await leadership.stop()
    assert told == []


async def test_on_sqlite_the_one_process_leads_from_the_start(tmp_path: Path) -> None:
    told: list[bool] = []

    async def changed(leading: bool) -> None:
        told.append(leading)

    leadership = Leadership(sqlite_url(tmp_path / "desk.sqlite3"), on_change=changed)
    await leadership.start()
    assert leadership.leading and told == [True]
    await leadership.stop()
    assert told == [True, False] and not leadership.leading
    await leadership.stop()
    assert told == [True, False], "a second stop does nothing"


async def test_stopping_a_standby_tells_it_nothing(postgres_url: str) -> None:
    first = Process("first", postgres_url, set(), [])
    second = Process("second", postgres_url, set(), [])
    await first.leadership.start()
    try:
        await wait_until(lambda: first.leadership.leading, "first leading")
        await second.leadership.start()
        await wait_until(lambda: second.leadership.asked >= 1, "second asking")
        await second.leadership.stop()
        assert second.told == []
        assert first.leadership.leading and first.told == [True]
    finally:
        await first.leadership.stop()


async def test_the_server_gives_up_on_a_vanished_leaders_session_after_it_stopped(
    postgres_url: str,
) -> None:
    """A leader's machine gone from the network closes nothing; the server probes the
    lock's silent connection and drops it, releasing the lock, but only after the leader
    itself must have stopped polling (``retry`` + ``patience`` seconds without an
    answer). What the server was asked is read back from the lock's own session."""
    only = Process("only", postgres_url, set(), [], retry=5.0)
    leadership = only.leadership
    await leadership.start()
    try:
        await wait_until(lambda: leadership.leading, "leading")
        connection = leadership._connection  # the lock's session: read what it was told
        assert connection is not None
        shown = {
            name: await connection.scalar(text(f"SHOW {name}")) for name in leadership.keepalives()
        }
    finally:
        await leadership.stop()
    # probing starts once the leader has stopped: 5 s to its next check, 5 s for an answer
    assert leadership.retry + leadership.patience == 10
    assert shown == {
        "tcp_keepalives_idle": "10",
        "tcp_keepalives_interval": "5",
        "tcp_keepalives_count": "3",
        "tcp_user_timeout": "25000",  # milliseconds: given up on 25 s after the last word
    }
