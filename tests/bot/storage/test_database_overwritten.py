"""A backup copied over the desk's SQLite file (same inode) is noticed, and nothing the
desk or a ``borderdesk`` command does on its own is taken for it (issue 14).

In WAL mode SQLite writes the database file only when it checkpoints: the desk does all
of those itself and records the file after each, so the file changing otherwise is
someone else's write (``bot.storage.file_guard``)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import Store, sqlite_url
from bot.storage.file_guard import DatabaseGuard, DatabaseLost

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@asynccontextmanager
async def desk_store(db: Path) -> AsyncIterator[tuple[Store, DatabaseGuard]]:
    """The store as a running desk opens it: locked, guarded, released after closing."""
    guard = DatabaseGuard.take(sqlite_url(db))
    assert guard is not None
    store = await Store.open(sqlite_url(db), guard=guard)
    try:
        yield store, guard
    finally:
        await store.close()
        guard.release()


async def add_examples(store: Store, count: int, prefix: str = "example") -> None:
    for n in range(count):
        await store.add_example(f"{prefix} {n} " + "x" * 2000, "track_order", "staff", NOW)


def examples_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM examples").fetchone()
    conn.close()
    return int(count)


async def test_a_backup_copied_over_the_file_is_lost_and_nothing_more_is_read_from_it(
    tmp_path: Path,
) -> None:
    db, backup = tmp_path / "desk.sqlite3", tmp_path / "backup.sqlite3"
    async with desk_store(db) as (store, guard):
        await add_examples(store, 3)
        await store.checkpoint_wal()
        shutil.copyfile(db, backup)
        await add_examples(store, 3, "later")
        guard.check()

        shutil.copyfile(backup, db)  # same inode: only the content changed
        with pytest.raises(DatabaseLost, match="was overwritten in place"):
            guard.check()
        with pytest.raises(DatabaseLost, match="was overwritten in place"):
            await store.examples()  # every transaction checks first
        with pytest.raises(DatabaseLost):
            await store.checkpoint_wal()  # never folds the desk's log into the copy
    assert examples_in(db) == 3, "the copy was left as the operator put it"
    assert list(tmp_path.glob("desk.sqlite3-wal.lost-*")), "the log was not moved aside"


async def test_the_desks_own_writes_and_checkpoints_are_not_someone_elses(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    wal = tmp_path / "desk.sqlite3-wal"
    async with desk_store(db) as (store, guard):
        size = db.stat().st_size
        await add_examples(store, 3000)  # ~1,500 pages: SQLite alone would have checkpointed
        assert db.stat().st_size == size, "a connection checkpointed on its own"
        guard.check()
        await store.checkpoint_wal()
        assert db.stat().st_size > size and wal.stat().st_size == 0
        guard.check()
        await add_examples(store, 1, "after")
        guard.check()
    assert not wal.exists(), "the desk stopping leaves one complete file"
    assert examples_in(db) == 3001


async def test_a_borderdesk_command_beside_a_running_desk_leaves_the_file_to_it(
    tmp_path: Path,
) -> None:
    """``customer forget``, ``orders import`` and the like open the file while the desk
    runs; their writes go to the shared log and the desk checkpoints them later."""
    db = tmp_path / "desk.sqlite3"
    async with desk_store(db) as (store, guard):
        command = await Store.open(sqlite_url(db))
        await add_examples(command, 1500, "imported")
        await command.checkpoint_wal()
        await command.reclaim_space()
        await command.close()
        guard.check()
        await store.checkpoint_wal()
        guard.check()
    assert examples_in(db) == 1500
    command = await Store.open(sqlite_url(db))  # no desk now: the command checkpoints
    await add_examples(command, 1, "alone")
    await command.checkpoint_wal()
    assert (tmp_path / "desk.sqlite3-wal").stat().st_size == 0
    await command.close()
