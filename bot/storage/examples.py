"""Labelled examples the suggestion engine trains on: imported from a store's history, or
taught by staff decisions, each ``(text, intent)`` kept once.

Several processes on one database (issue 17) are one desk: a decision one of them
records teaches its engine at once (``handlers.staff``), and the others learn it from
the table within seconds (``ExampleFeed``, read by the ``examples`` job of
``bot.jobs_periodic``). Each example says which running desk taught it (``origin``, an
id a desk's database handle gets when it starts following the feed), so the process that
recorded it does not learn it a second time; one stored by a command (no origin) is
learned by every running desk.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.conflicts import insert_new
from bot.storage.schema import examples, messages, suggestions

# The source of examples added by ``borderdesk examples import`` (a store's history), as
# opposed to those staff decisions teach: a restart trains on the first, with the library,
# and learns the second one by one, as the running desk did (``replies.model_cache``).
IMPORTED = "import"

# The execution option naming the running desk a database handle belongs to (its
# examples' ``origin``), set by ``desk_origin``.
ORIGIN = "borderdesk_desk_origin"

# A feed starts this many ids before the newest example loaded at start: an example whose
# decision was still being committed then has an id below that newest one (ids are taken
# at insert, transactions commit in any order), and is learned at the first read.
STARTUP_LOOKBACK = 1000


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

    async def staff_example_feed(self) -> tuple[list[tuple[str, str]], ExampleFeed]:
        """The examples staff decisions taught, oldest first, and the feed of those other
        processes store from now on (one read, so none falls between the two)."""
        origin = desk_origin(self.engine)
        query = (
            select(examples.c.id, examples.c.text, examples.c.intent)
            .where(examples.c.source != IMPORTED)
            .order_by(examples.c.id)
        )
        async with self.reader.connect() as conn:
            rows = (await conn.execute(query)).all()
        low = max((row.id for row in rows), default=0) - STARTUP_LOOKBACK
        seen = (row.id for row in rows if row.id > low)
        return [(row.text, row.intent) for row in rows], ExampleFeed(self.reader, origin, low, seen)

    async def _examples(self, condition: ColumnElement[bool] | None) -> list[tuple[str, str]]:
        query = select(examples.c.text, examples.c.intent).order_by(examples.c.id)
        if condition is not None:
            query = query.where(condition)
        async with self.reader.connect() as conn:
            return [(r.text, r.intent) for r in await conn.execute(query)]


# Built once: a statement built per call costs more than SQLite takes to run it.
_TEXT_OF = (
    select(messages.c.text)
    .join(suggestions, suggestions.c.message_id == messages.c.id)
    .where(suggestions.c.id == bindparam("suggestion_id"))
)


async def learn_example(
    conn: AsyncConnection, suggestion_id: int, intent: str, source: str, at: datetime
) -> str | None:
    """Store the suggestion's message as an example of ``intent``; the text when it is a
    new example (not blank, and not there already with that intent)."""
    text = (await conn.execute(_TEXT_OF, {"suggestion_id": suggestion_id})).scalar_one()
    if not text.strip():
        return None
    origin = conn.sync_engine.get_execution_options().get(ORIGIN)  # the desk learning it
    added = await conn.scalar(
        insert_new(conn, examples, examples.c.text, examples.c.intent)
        .values(text=text, intent=intent, source=source, created_at=at, origin=origin)
        .returning(examples.c.id)
    )
    return None if added is None else str(text)


def desk_origin(database: AsyncEngine) -> str:
    """The running desk ``database`` (a process's handle, ``Store.engine``) belongs to:
    an id given the first time, which every example its decisions teach records."""
    options = database.sync_engine.get_execution_options()
    if ORIGIN not in options:
        database.sync_engine.update_execution_options(**{ORIGIN: uuid.uuid4().hex})
    return str(database.sync_engine.get_execution_options()[ORIGIN])


class ExampleFeed:
    """The staff examples other processes store, read a few at a time (``taught_elsewhere``).

    Read by id, the newest seen last: ids are taken when a row is inserted but rows
    appear when their transaction commits, so an example can appear below one read
    before it. Each read therefore starts from the newest id of the read *before* the
    last one (a decision's transaction is far shorter than the time between two reads),
    and skips the ids it has handed out already::

        learned, feed = await store.staff_example_feed()
        for text, intent in await feed.taught_elsewhere():  # every few seconds
            engine.learn(text, intent)
    """

    def __init__(self, reader: AsyncEngine, origin: str, low: int, seen: Iterable[int]) -> None:
        self.reader = reader
        self.origin = origin  # this desk's: its own examples it learned when it stored them
        self._low = self._next_low = low
        self._seen = set(seen)  # ids above ``_low`` handed out (or loaded at start)

    async def taught_elsewhere(self) -> list[tuple[str, str]]:
        """The ``(text, intent)`` examples stored since the last read (or the start) by
        staff decisions in other processes, or by a command, oldest first."""
        query = (
            select(examples.c.id, examples.c.text, examples.c.intent, examples.c.origin)
            .where(examples.c.id > self._low, examples.c.source != IMPORTED)
            .order_by(examples.c.id)
        )
        async with self.reader.connect() as conn:
            read = (await conn.execute(query)).all()
        rows = [row for row in read if row.id not in self._seen]
        newest = max((row.id for row in read), default=self._next_low)
        self._low, self._next_low = self._next_low, max(self._next_low, newest)
        self._seen = {i for i in self._seen.union(row.id for row in rows) if i > self._low}
        return [(row.text, row.intent) for row in rows if row.origin != self.origin]
