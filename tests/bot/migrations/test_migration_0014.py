"""Migration 0014 on a real SQLite file: the dispute decisions table is added beside the
data already there (a settled card can be recorded on a card made before it), the tables
match the schema, and downgrading drops it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, insert, inspect, select

from bot.storage import Store, sqlite_url
from bot.storage.schema import dispute_decisions
from tests.bot.migrations.old_databases import ANA, database_at, migrate, schema_differences

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)


async def test_0014_adds_dispute_decisions_for_cards_made_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database_at(
        path,
        "0013",
        [
            *ANA,
            "INSERT INTO messages (id, conversation_id, channel, platform_message_id,"
            " direction, text, kind, created_at) VALUES (1, 1, 'telegram', '42:1', 'in',"
            " 'broken', 'text', '2026-03-01 09:00:00')",
            "INSERT INTO suggestions (id, message_id, conversation_id, language, intent,"
            " confidence, top, is_problem, display, status, created_at) VALUES (1, 1, 1,"
            " 'en', 'damaged_item', 0.9, '[]', 1, '{}', 'pending', '2026-03-01 09:00:00')",
        ],
    )

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.begin() as conn:
            assert await schema_differences(conn) == []
            await conn.execute(
                insert(dispute_decisions).values(
                    suggestion_id=1, conversation_id=1, option="keep_refund", currency="EUR",
                    item_value=12.0, refund=12.0, return_cost=18.0, return_currency="EUR",
                    return_avoided=18.0, decided_by="U1", decided_by_name="lee", decided_at=AT,
                )
            )  # fmt: skip
            [row] = (await conn.execute(select(dispute_decisions))).all()
            assert (row.option, row.return_avoided, row.decided_at) == ("keep_refund", 18.0, AT)
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0013", down=True)
        assert "dispute_decisions" not in inspect(conn).get_table_names()
    engine.dispose()
