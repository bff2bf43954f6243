"""Migration 0010 on a real SQLite file: digests posted (or claimed) before it are runs of
``job_runs`` after it, so none is posted again; the tables match the schema; downgrading
gives the digests back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata
from scheduler.digest_jobs import last_posted_days
from tests.bot.migrations.old_databases import migrate
from tests.bot.migrations.test_migration_0006 import AT


async def test_0010_moves_the_digests_to_job_runs_and_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0009")
        for department, day, status, posted in (
            ("logistics", "2026-03-01", "posted", f"'{AT}'"),
            ("logistics", "2026-03-02", "claimed", "NULL"),  # a crash left it claimed
            ("warehouse", "2026-02-28", "posted", f"'{AT}'"),
        ):
            conn.execute(
                text(
                    "INSERT INTO digests (department, day, status, claimed_at, posted_at)"
                    f" VALUES ('{department}', '{day}', '{status}', '{AT}', {posted})"
                )
            )
    engine.dispose()

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
        assert differences == []
        assert await last_posted_days(store.engine) == {
            "logistics": date(2026, 3, 1),
            "warehouse": date(2026, 2, 28),
        }
        runs = store.job_runs
        assert await runs.status("digest:logistics", "2026-03-01") == "done"
        assert await runs.claim("digest:logistics", "2026-03-01", datetime.now(UTC)) is None
        # the claim left by a crash is retaken, as it was before the upgrade
        assert await runs.claim("digest:logistics", "2026-03-02", datetime.now(UTC)) is not None
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0009", down=True)
        assert "job_runs" not in inspect(conn).get_table_names()
        rows = conn.execute(
            text("SELECT department, day, status FROM digests ORDER BY department, day")
        ).all()
        assert [tuple(row) for row in rows] == [
            ("logistics", "2026-03-01", "posted"),
            ("logistics", "2026-03-02", "claimed"),
            ("warehouse", "2026-02-28", "posted"),
        ]
    engine.dispose()
