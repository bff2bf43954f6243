"""SQLite statements on the loop's thread (bot.storage.sqlite_inline): another process's
write lock is waited for without stopping the event loop, and the write then lands."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import text

from bot.storage import Store
from bot.storage.store import sqlite_url


async def test_a_write_waits_for_another_process_lock_while_the_loop_keeps_running(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.sqlite3"
    store = await Store.open(sqlite_url(path))
    other = sqlite3.connect(path, isolation_level=None)  # a `borderdesk` command, say
    try:
        other.execute("BEGIN IMMEDIATE")  # it holds the write lock

        async def write() -> None:
            async with store.engine.begin() as conn:
                await conn.execute(text("CREATE TABLE noted (x INTEGER)"))

        writing = asyncio.create_task(write())
        turns = 0
        while turns < 50:  # the loop still runs other tasks meanwhile
            await asyncio.sleep(0)
            turns += 1
        assert not writing.done()
        other.execute("ROLLBACK")
        await writing
        tables = {r[0] for r in other.execute("SELECT name FROM sqlite_master")}
        assert "noted" in tables
    finally:
        other.close()
        await store.close()
