"""Migration 0011 on a real SQLite file: a late order the desk reported more than once
(two processes past the old check, or a delay joined to a shopper's lost-parcel report
and filed again each run) keeps its first report only; a problem left without reports
goes, one that keeps a shopper's report is dated by it; the order then reads as
reported, so it is not reported again; the tables match the schema. Downgrading drops
the column; the merged duplicates stay merged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata, problem_reports, problems
from tests.bot.migrations.old_databases import migrate

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)
# (problem id, order id, intent, created at) as 0010 has them
PROBLEMS = (
    (1, 1, "delivery_delay", "2026-03-01 10:00:00"),  # order 1: reported twice in it
    (2, 2, "delivery_delay", "2026-03-01 10:00:00"),  # order 2: two processes, two problems
    (3, 2, "delivery_delay", "2026-03-01 10:01:00"),
    (4, 3, "delivery_delay", "2026-03-01 10:00:00"),  # order 3: first noticed here, then
    (5, 3, "lost_package", "2026-03-01 10:05:00"),  # again under the shopper's lost parcel
)
# (report id, problem id, order id, source, created at)
REPORTS = (
    (1, 1, 1, "order", "2026-03-01 10:00:00"),
    (2, 1, 1, "order", "2026-03-01 10:00:01"),
    (3, 2, 2, "order", "2026-03-01 10:00:00"),
    (4, 3, 2, "order", "2026-03-01 10:01:00"),
    (5, 4, 3, "order", "2026-03-01 10:00:00"),
    (6, 5, 3, "order", "2026-03-01 10:05:00"),
    (7, 5, None, "shopper", "2026-03-01 11:00:00"),
)


async def test_0011_keeps_one_report_of_each_late_order(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0010")
        conn.execute(
            text(
                "INSERT INTO customers (id, channel, platform_user_id, name, created_at)"
                " VALUES (1, 'telegram', '42', 'Ana', '2026-03-01 09:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at,"
                " updated_at) VALUES (1, 1, 'telegram', '42', '2026-03-01 09:00:00',"
                " '2026-03-01 09:00:00')"
            )
        )
        for order_id in (1, 2, 3):
            conn.execute(
                text(
                    "INSERT INTO orders (id, order_number, source, items, status, ordered_at,"
                    f" updated_at) VALUES ({order_id}, '#{order_id}', 'import', '[]',"
                    " 'shipped', '2026-02-01 10:00:00', '2026-02-01 10:00:00')"
                )
            )
        for problem_id, order_id, intent, created in PROBLEMS:
            conn.execute(
                text(
                    "INSERT INTO problems (id, conversation_id, order_id, source, department,"
                    f" intent, channel, created_at) VALUES ({problem_id}, 1, {order_id},"
                    f" 'order', 'logistics', '{intent}', 'telegram', '{created}')"
                )
            )
        for report_id, problem_id, report_order, source, created in REPORTS:
            order = "NULL" if report_order is None else report_order
            conn.execute(
                text(
                    "INSERT INTO problem_reports (id, problem_id, conversation_id, order_id,"
                    f" source, created_at) VALUES ({report_id}, {problem_id}, 1, {order},"
                    f" '{source}', '{created}')"
                )
            )
        conn.execute(text("UPDATE problems SET source = 'shopper' WHERE id = 5"))
    engine.dispose()

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
            assert differences == []
            reports = await conn.execute(
                select(
                    problem_reports.c.id,
                    problem_reports.c.problem_id,
                    problem_reports.c.noticed_intent,
                ).order_by(problem_reports.c.id)
            )
            assert [tuple(r) for r in reports] == [
                (1, 1, "delivery_delay"),
                (3, 2, "delivery_delay"),
                (5, 4, "delivery_delay"),
                (7, 5, None),
            ]
            kept = await conn.execute(
                select(problems.c.id, problems.c.source, problems.c.created_at).order_by(
                    problems.c.id
                )
            )
            assert [tuple(r) for r in kept] == [
                (1, "order", AT),
                (2, "order", AT),
                (4, "order", AT),
                (5, "shopper", AT.replace(hour=11)),  # dated by the shopper's report now
            ]
        for order_id in (1, 2, 3):
            assert not await store.record_order_problem(order_id, 1, at=AT)
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0010", down=True)
        columns = {c["name"] for c in inspect(conn).get_columns("problem_reports")}
        assert "noticed_intent" not in columns
        assert conn.execute(text("SELECT count(*) FROM problem_reports")).scalar_one() == 4
    engine.dispose()
