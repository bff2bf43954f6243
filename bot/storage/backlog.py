"""The two reads behind a process's health: does the database answer, and how far behind
the outbox is (what ``/healthz`` and ``/metrics`` show, see ``bot.health``).

Both read through the store's read-only engine, so they never wait for the write lock,
and a desk whose SQLite file is lost fails them (``DatabaseLost``) like any other read::

    await database_answers(store)                     # raises when it does not
    backlog = await outbox_backlog(store, now)        # Backlog(depth=3, oldest_age=12.5, dead=0)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text

from bot.storage.schema import outbox
from bot.storage.store import Store

# replies on their way out: waiting for their turn, or claimed by a sender right now (a
# held reply waits for staff on purpose, a dead one is counted apart)
QUEUED = ("pending", "sending")


@dataclass(frozen=True)
class Backlog:
    """Replies queued to send, the age in seconds of the oldest (0 when none is), and the
    dead letters kept for staff to retry."""

    depth: int
    oldest_age: float
    dead: int


async def database_answers(store: Store) -> None:
    """A trivial query; raises what the database raises when it cannot answer (and
    ``DatabaseLost`` once the desk's SQLite file is gone)."""
    store.check_file()
    async with store.reader.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def outbox_backlog(store: Store, now: datetime) -> Backlog:
    """The outbox at ``now``, in one read."""
    queued = outbox.c.status.in_(QUEUED)
    query = select(
        func.count().filter(queued),
        func.min(outbox.c.created_at).filter(queued),
        func.count().filter(outbox.c.status == "dead"),
    )
    async with store.reader.connect() as conn:
        depth, oldest, dead = (await conn.execute(query)).one()
    age = max((now - oldest).total_seconds(), 0.0) if oldest is not None else 0.0
    return Backlog(depth, age, dead)
