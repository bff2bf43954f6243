"""Processes started together migrate a new database once (issue 17): on PostgreSQL the
upgrade runs under an advisory lock (``bot.storage.migrate``), so the others wait for the
first and then find the schema current; on SQLite the write lock does the same. Each case
starts several Python processes that open a Store on one empty database at once: every
one of them starts, and the database is at the newest revision, once."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from bot.storage import Store
from bot.storage.migrate import MIGRATIONS_DIR
from bot.storage.schema import customers
from tests.bot.storage.databases import DATABASES, database_url

PROCESSES = 4
# One process: open (and so migrate) the store at the URL given, then close it.
OPEN_STORE = """
import asyncio, sys
from bot.storage import Store

async def main() -> None:
    store = await Store.open(sys.argv[1])
    await store.close()

asyncio.run(main())
"""


def head() -> str:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    revision = ScriptDirectory.from_config(config).get_current_head()
    assert revision is not None
    return revision


async def open_in_process(url: str) -> tuple[int, str]:
    """Run OPEN_STORE in a new Python process: its exit code and what it wrote to stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        OPEN_STORE,
        url,
        cwd=Path(__file__).resolve().parents[3],
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    assert process.returncode is not None
    return process.returncode, stderr.decode(errors="replace")


@pytest.mark.parametrize("kind", DATABASES)
async def test_processes_starting_together_migrate_an_empty_database_once(
    kind: str, tmp_path: Path
) -> None:
    async with database_url(kind, tmp_path) as url:
        results = await asyncio.gather(*(open_in_process(url) for _ in range(PROCESSES)))
        assert [code for code, _ in results] == [0] * PROCESSES, [err for _, err in results]
        store = await Store.open(url, migrate_schema=False)
        try:
            async with store.reader.connect() as conn:
                versions = await conn.scalars(text("SELECT version_num FROM alembic_version"))
                assert list(versions) == [head()]
                empty = await conn.execute(select(func.count()).select_from(customers))
                assert empty.scalar_one() == 0
        finally:
            await store.close()
