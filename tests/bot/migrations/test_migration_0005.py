"""Migration 0005 on a real SQLite file: the tables match the schema, and an order that
already had a tracking number keeps it as its first parcel."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot.storage import Store, sqlite_url
from bot.storage.schema import metadata
from tests.bot.migrations.old_databases import migrate


async def test_an_order_tracked_before_0005_keeps_its_parcel(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate(conn, "0004")
        conn.execute(
            text(
                "INSERT INTO orders (order_number, source, items, status, ordered_at,"
                " updated_at, carrier, tracking_number, tracking_url) VALUES ('#7', 'import',"
                " '[]', 'shipped', '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'DHL',"
                " 'JJD7', 'https://t.example/JJD7')"
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
        order = await store.order_by_number("7")
        assert order is not None
        [parcel] = await store.order_parcels(order.id)
        assert (parcel.carrier, parcel.tracking_number, parcel.travelling) == ("DHL", "JJD7", True)
    finally:
        await store.close()
