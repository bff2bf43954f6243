"""A real SQLite store per test, and fixed times: the order tests' fixtures
(``tests/bot/orders/``, ``tests/bot/storage/test_orders.py``, ``tests/bot/test_cli_orders.py``).

A module that needs a store of another kind (``tests/bot/storage/``'s, on each database
BorderDesk runs on) defines its own ``store`` fixture, which takes the place of this one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import Store
from bot.storage.store import sqlite_url

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "orders.sqlite3"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(sqlite_url(db_path))
    yield opened
    await opened.close()
