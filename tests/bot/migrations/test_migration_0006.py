"""Migration 0006 on a real SQLite file: problems recorded before it keep being counted as
they were, each with its report, and a new report of the same cause joins them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine, select, text

from bot.storage import Store, sqlite_url
from bot.storage.escalations import ProblemFacts
from bot.storage.schema import metadata, problem_reports, problems
from tests.bot.migrations.old_databases import migrate

AT = "2026-03-01 10:00:00"
AT_AWARE = datetime(2026, 3, 1, 10, tzinfo=UTC)


def fill_0005(conn: Connection) -> None:
    """A shopper's report with its card, and a late order the desk noticed, as 0005 had them."""
    conn.execute(
        text(
            "INSERT INTO customers (id, channel, platform_user_id, name, created_at)"
            f" VALUES (1, 'telegram', '42', 'Ana', '{AT}')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO conversations (id, customer_id, channel, chat_id, created_at, updated_at)"
            f" VALUES (1, 1, 'telegram', '42', '{AT}', '{AT}')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO messages (id, conversation_id, direction, channel, platform_message_id,"
            f" kind, text, created_at) VALUES (1, 1, 'in', 'telegram', '42:1', 'text',"
            f" 'Mug broken, order #A-77', '{AT}')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO suggestions (id, message_id, conversation_id, language, intent,"
            " confidence, top, display, status, is_problem, created_at)"
            f" VALUES (1, 1, 1, 'en', 'damaged_item', 0.9, '[]', '{{}}', 'sent', 1, '{AT}')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO orders (id, order_number, source, items, status, ordered_at, updated_at)"
            f" VALUES (1, '#9', 'import', '[]', 'shipped', '{AT}', '{AT}')"
        )
    )
    conn.execute(
        text(
            "INSERT INTO problems (suggestion_id, conversation_id, order_id, source, department,"
            " intent, channel, order_number, created_at) VALUES"
            f" (1, 1, NULL, 'shopper', 'warehouse', 'damaged_item', 'telegram', 'A-77', '{AT}'),"
            f" (NULL, 1, 1, 'order', 'logistics', 'delivery_delay', 'telegram', '9', '{AT}')"
        )
    )


async def test_problems_before_0006_keep_their_counts_and_get_their_reports(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0005")
        fill_0005(conn)
    engine.dispose()

    store = await Store.open(sqlite_url(path))  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
            assert differences == []
            rows = (
                await conn.execute(
                    select(
                        problems.c.intent,
                        problems.c.order_key,
                        problem_reports.c.suggestion_id,
                        problem_reports.c.order_id,
                        problem_reports.c.source,
                    )
                    .join(problem_reports, problem_reports.c.problem_id == problems.c.id)
                    .order_by(problems.c.id)
                )
            ).all()
        assert [tuple(r) for r in rows] == [
            ("damaged_item", "A77", 1, None, "shopper"),
            ("delivery_delay", "9", None, 1, "order"),
        ]
        # the desk does not report the same late order twice, and the card's escalation
        # still finds its problem's facts
        assert not await store.record_order_problem(1, 1, at=AT_AWARE)
        escalation = await store.open_escalation(1, "warehouse", "damaged_item", "Mia", AT_AWARE)
        assert escalation is not None
        found = await store.escalation(escalation)
        assert found is not None and found.facts.order_number == "A-77"
        # a second report of the old problem joins it, however the order number is written
        suggestion = await _second_card(store)
        await store.record_problem(
            suggestion,
            department="warehouse",
            intent="damaged_item",
            language="en",
            facts=ProblemFacts(order_number="#a77"),
            at=AT_AWARE,
        )
        async with store.engine.connect() as conn:
            counted = (await conn.execute(select(problems.c.id))).all()
            reports = (await conn.execute(select(problem_reports.c.problem_id))).all()
        assert (len(counted), len(reports)) == (2, 3)
    finally:
        await store.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # back to 0005: one problem row per report again
        migrate(conn, "0005", down=True)
        back = conn.execute(
            text("SELECT suggestion_id, intent FROM problems ORDER BY intent, suggestion_id")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in back] == [
        (1, "damaged_item"),
        (2, "damaged_item"),
        (None, "delivery_delay"),
    ]


async def _second_card(store: Store) -> int:
    async with store.engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO messages (id, conversation_id, direction, channel,"
                " platform_message_id, kind, text, created_at) VALUES (2, 1, 'in', 'telegram',"
                f" '42:2', 'text', 'Still broken', '{AT}')"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO suggestions (id, message_id, conversation_id, language, intent,"
                " confidence, top, display, status, is_problem, created_at)"
                f" VALUES (2, 2, 1, 'en', 'damaged_item', 0.9, '[]', '{{}}', 'sent', 1, '{AT}')"
            )
        )
    return 2
