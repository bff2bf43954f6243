"""A real SQLite store per test, and fixed times: the order tests' fixtures
(``tests/bot/orders/``, ``tests/bot/storage/test_orders.py``, ``tests/bot/test_cli_orders.py``).

A module that needs a store of another kind (``tests/bot/storage/``'s, on each database
BorderDesk runs on) defines its own ``store`` fixture, which takes the place of this one.

And one run of ``borderdesk demo`` for every test that reads its transcript or its
database (``demo``), with a copy of that database for a test that runs commands on it
(``demo_database``)."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import Store
from bot.storage.store import sqlite_url
from tests.bot.test_cli import borderdesk

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "orders.sqlite3"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(db_path))
    yield opened
    await opened.close()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``borderdesk demo`` run once for the whole test run, as a user runs it (a process of
    its own): its transcript (stdout) and its database. It takes 7-10 s, and a dozen tests
    in six modules read it. Under pytest-xdist the first worker that needs it runs it,
    holding a lock in the folder the workers share, and the others read what it left.

    The database is shared: read it (``sqlite3``), never write to it; a test that runs
    commands on it takes ``demo_database``, a copy of its own."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-once"
    folder.mkdir(exist_ok=True)
    database, said = folder / "demo.sqlite3", folder / "demo.json"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not said.exists():
            result = borderdesk("demo", "--db", str(database), cwd=folder)
            assert result.returncode == 0, result.stderr
            said.write_text(json.dumps(result.stdout), encoding="utf-8")
    yield json.loads(said.read_text(encoding="utf-8")), database


@pytest.fixture
def demo_database(demo: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo's database for a test to work on, alone in a folder (not the
    test's ``tmp_path``, which tests use as the folder a command runs in)."""
    copy = tmp_path_factory.mktemp("demo-copy") / "demo.sqlite3"
    with contextlib.closing(sqlite3.connect(demo[1])) as source:
        with contextlib.closing(sqlite3.connect(copy)) as target:
            source.backup(target)
    return copy
