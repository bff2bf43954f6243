"""Labelled examples the suggestion engine trains on: imported from a store's history, or
taught by staff decisions, each ``(text, intent)`` kept once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.conflicts import insert_new
from bot.storage.schema import examples, messages, suggestions

# The source of examples added by ``borderdesk examples import`` (a store's history), as
# opposed to those staff decisions teach: a restart trains on the first, with the library,
# and learns the second one by one, as the running desk did (``replies.model_cache``).
IMPORTED = "import"


class ExampleQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def add_example(self, text: str, intent: str, source: str, at: datetime) -> bool:
        """Store a labelled example; False when the same text and intent exist already."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(examples).values(text=text, intent=intent, source=source, created_at=at)
                )
        except IntegrityError:
            return False
        return True

    async def examples(self, source: str | None = None) -> list[tuple[str, str]]:
        """Stored ``(text, intent)`` examples, oldest first: those of ``source`` when given
        (``IMPORTED`` for a store's imported history), else all."""
        return await self._examples(None if source is None else examples.c.source == source)

    async def staff_examples(self) -> list[tuple[str, str]]:
        """The examples staff decisions taught, oldest first (every source but "import")."""
        return await self._examples(examples.c.source != IMPORTED)

    async def _examples(self, condition: ColumnElement[bool] | None) -> list[tuple[str, str]]:
        query = select(examples.c.text, examples.c.intent).order_by(examples.c.id)
        if condition is not None:
            query = query.where(condition)
        async with self.reader.connect() as conn:
            return [(r.text, r.intent) for r in await conn.execute(query)]


async def learn_example(
    conn: AsyncConnection, suggestion_id: int, intent: str, source: str, at: datetime
) -> str | None:
    """Store the suggestion's message as an example of ``intent``; the text when it is a
    new example (not blank, and not there already with that intent)."""
    text = (
        await conn.execute(
            select(messages.c.text)
            .join(suggestions, suggestions.c.message_id == messages.c.id)
            .where(suggestions.c.id == suggestion_id)
        )
    ).scalar_one()
    if not text.strip():
        return None
    added = await conn.scalar(
        insert_new(conn, examples, examples.c.text, examples.c.intent)
        .values(text=text, intent=intent, source=source, created_at=at)
        .returning(examples.c.id)
    )
    return None if added is None else str(text)
