"""Migration 0009 on a real SQLite file and on PostgreSQL: notes queued before it, their
kind a sign in front of their text, are delivered after it with that kind and their plain
words; replies to shoppers and notes of no kind are left as they were; downgrading puts
the signs back.

The PostgreSQL case runs in a database of its own, made and dropped by
``tests/bot/storage/databases.py``: skipped when no server answers or its driver is
missing, failed under ``CI=true``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.models import CardRef, ChannelCapabilities
from bot.notes import Note, NoteKind
from bot.outbox import OutboxWorker
from bot.storage import Store
from bot.storage.schema import metadata
from tests.bot.migrations.old_databases import migrate
from tests.bot.storage.databases import DATABASES, database_url
from tests.bot.test_outbox_notes import PostedNotes

AT_AWARE = datetime(2026, 3, 1, 10, tzinfo=UTC)
AT = AT_AWARE.replace(tzinfo=None)  # naive: UTC, as the schema stores it
CARD = CardRef("CINBOX0001", "1700000000.000100")
OTHER_CARD = CardRef("CINBOX0001", "1700000000.000200")

# The tables as revision 0008 has them (only the columns written here).
customers = sa.table(
    "customers",
    sa.column("id", sa.Integer()),
    sa.column("channel", sa.String()),
    sa.column("platform_user_id", sa.String()),
    sa.column("name", sa.String()),
    sa.column("created_at", sa.DateTime()),
)
conversations = sa.table(
    "conversations",
    sa.column("id", sa.Integer()),
    sa.column("customer_id", sa.Integer()),
    sa.column("channel", sa.String()),
    sa.column("chat_id", sa.String()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
)
outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer()),
    sa.column("idempotency_key", sa.String()),
    sa.column("conversation_id", sa.Integer()),
    sa.column("channel", sa.String()),
    sa.column("chat_id", sa.String()),
    sa.column("text", sa.Text()),
    sa.column("status", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("next_attempt_at", sa.DateTime()),
    sa.column("created_at", sa.DateTime()),
)

# What 0008 had queued: (key, channel, chat id, text, status).
QUEUED = [
    ("late", "staff", f"{CARD.channel}/{CARD.ts}", "⌛ Order #B77 is late", "pending"),
    ("plain", "staff", f"{OTHER_CARD.channel}/{OTHER_CARD.ts}", "Escalated.", "pending"),
    ("sent", "staff", f"{CARD.channel}/{CARD.ts}", "⚠ Not sent: too large", "sent"),
    ("no-space", "staff", f"{OTHER_CARD.channel}/{OTHER_CARD.ts}", "⚠Threat", "dead"),
    ("reply", "telegram", "42", "⚠ Careful: the mug is glass", "pending"),
]


class Shopper:
    """A customer channel that keeps what it sends."""

    name = "telegram"
    capabilities = ChannelCapabilities()

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def start(self, on_message: object) -> None: ...
    async def stop(self) -> None: ...

    async def send(self, chat_id: str, text: str) -> str:
        self.sent.append((chat_id, text))
        return str(len(self.sent))

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        raise AssertionError("nothing here carries a file")


@pytest.fixture(params=DATABASES)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database: a SQLite file, or a PostgreSQL database of its own."""
    async with database_url(request.param, tmp_path) as url:
        yield url


async def at_revision(url: str, revision: str, *, down: bool = False) -> AsyncEngine:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(migrate, revision, down=down)
    return engine


async def fill_0008(conn: AsyncConnection) -> None:
    """Ana's chat and what 0008 had queued in it (``QUEUED``)."""
    await conn.execute(
        customers.insert().values(
            id=1, channel="telegram", platform_user_id="42", name="Ana", created_at=AT
        )
    )
    await conn.execute(
        conversations.insert().values(
            id=1, customer_id=1, channel="telegram", chat_id="42", created_at=AT, updated_at=AT
        )
    )
    for key, channel, chat_id, text, status in QUEUED:
        await conn.execute(
            outbox.insert().values(
                idempotency_key=key,
                conversation_id=1,
                channel=channel,
                chat_id=chat_id,
                text=text,
                status=status,
                attempts=0,
                next_attempt_at=AT,
                created_at=AT,
            )
        )


async def test_0009_delivers_notes_queued_with_a_sign_with_their_kind(database: str) -> None:
    engine = await at_revision(database, "0008")
    async with engine.begin() as conn:
        await fill_0008(conn)
    await engine.dispose()

    store = await Store.open(database)  # migrates to the newest revision
    try:
        async with store.engine.connect() as conn:
            differences = await conn.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), metadata)
            )
        assert differences == []
        notes, shopper = PostedNotes(), Shopper()
        worker = OutboxWorker(store, {"telegram": shopper}, notes=notes, clock=lambda: AT_AWARE)
        assert await worker.drain() == 3
    finally:
        await store.close()
    assert notes.posted == [
        (CARD, Note("Order #B77 is late", NoteKind.LATE)),
        (OTHER_CARD, Note("Escalated.")),
    ]
    assert shopper.sent == [("42", "⚠ Careful: the mug is glass")]

    engine = await at_revision(database, "0008", down=True)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(sa.select(outbox.c.idempotency_key, outbox.c.text))
            assert {key: text for key, text in rows} == {key: text for key, _, _, text, _ in QUEUED}
            columns = await conn.run_sync(lambda sync: sa.inspect(sync).get_columns("outbox"))
            assert "note_kind" not in {c["name"] for c in columns}
    finally:
        await engine.dispose()


async def test_0009_moves_every_note_row_over_whatever_its_status(database: str) -> None:
    """A sent or parked note reads as a new one does: plain words and a kind (and a sign
    without its space is words, as ``Note.parse`` read it)."""
    engine = await at_revision(database, "0008")
    async with engine.begin() as conn:
        await fill_0008(conn)
        await conn.run_sync(migrate, "0009")
        rows = await conn.execute(
            sa.text("SELECT idempotency_key, text, note_kind FROM outbox ORDER BY id")
        )
        assert [tuple(r) for r in rows] == [
            ("late", "Order #B77 is late", "late"),
            ("plain", "Escalated.", None),
            ("sent", "Not sent: too large", "warning"),
            ("no-space", "⚠Threat", None),
            ("reply", "⚠ Careful: the mug is glass", None),
        ]
    await engine.dispose()
