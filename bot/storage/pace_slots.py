"""Pacing for the desk as a whole: the sends of every process, counted in the database.

``bot.pacing.Pacer`` keeps a platform's rate limits in one process. Several processes on
one PostgreSQL database (issue 17) are one sender to the platform: each would use the
whole limit on its own. ``PaceSlots`` is the Pacer's shared backend: before a send, a
process *claims* it here, in one transaction that locks the rows of the send's keys (a
chat, a Slack channel, a whole platform; in key order, so two claims never wait for each
other crosswise), reads the sends still counting under them, and either records the new
send or answers how long to wait. The row lock (``SELECT ... FOR UPDATE``; SQLite's
``BEGIN IMMEDIATE``) makes the claims of all processes take turns, so two of them never
take the same slot.

It is the Pacer's own rule, with the state in the database: a send is in flight from its
claim until ``finish`` dates it by when its request ended (the platform had it by then),
and an in-flight send counts as happening now. A key held after a 429 ("retry after N
seconds", ``hold``) holds every process. A process that dies mid-send leaves its send in
flight; after ``in_flight_limit`` seconds (longer than any request's timeout) it counts as
made when it started, so a crash holds a chat up for two minutes at most.

Time is the wall clock (``time.time()``) by default, the one clock processes share: a
monotonic clock is per process. Processes on several machines need their clocks in step
(NTP); an offset of a few milliseconds narrows the platform's spacing by as much. Tests
pass one virtual clock to every process's ``PaceSlots``::

    shared = PaceSlots(store.engine)
    pacer = Pacer(shared=shared)
    wait, sends = await shared.claim([("telegram:4242", Limit(1, 1.1))])  # (0.0, [17])
    await shared.finish(sends)
    await shared.hold("telegram:4242", 3.0)

A send's row is deleted once it no longer counts: at the next claim under its key, or,
for a key nothing is sent under any more (a shopper who wrote once), by the hourly tidy
each process does after a claim (``FORGET_AFTER``). What stays is a row in ``pace_keys``
per key ever sent under (about one per shopper's chat): a key and a number.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import Limit
from bot.pacing import Rules, scaled_clock_for_tests
from bot.storage.conflicts import insert_new
from bot.storage.schema import pace_keys, pace_sends

# A send still in flight after this long (its process died mid-request) counts as made
# when it started: longer than the timeout of any platform request the desk makes.
IN_FLIGHT_LIMIT = 120.0

# Sends older than this are deleted by the tidy, whatever their key: far past any limit's
# window and ``IN_FLIGHT_LIMIT``. Each process tidies at most once per ``TIDY_EVERY``.
FORGET_AFTER = 3600.0
TIDY_EVERY = 600.0


class PaceSlots:
    """The sends of every process on one database, under each pacing key (``bot.pacing``'s
    ``SharedPacing``)."""

    def __init__(
        self,
        database: AsyncEngine,
        clock: Callable[[], float] = time.time,
        *,
        in_flight_limit: float = IN_FLIGHT_LIMIT,
    ) -> None:
        self.engine = database
        self.clock = clock
        self.in_flight_limit = in_flight_limit
        self._tidied_at: float | None = None  # by this process, on ``clock``

    async def claim(self, rules: Rules) -> tuple[float, list[int]]:
        """Record a send under every rule's key if each limit allows one now, counting
        every process's sends: ``(0.0, ids of the sends recorded)``, to be dated by
        ``finish``; otherwise ``(seconds to wait, [])`` and nothing is recorded."""
        limits = dict(rules)
        keys = sorted(limits)
        if not keys:
            return 0.0, []
        claimed = await self._claim(keys, limits)
        now = self.clock()
        if self._tidied_at is None or now - self._tidied_at >= TIDY_EVERY:
            self._tidied_at = now
            await self._tidy(now)
        return claimed

    async def _claim(
        self, keys: Sequence[str], limits: dict[str, Limit]
    ) -> tuple[float, list[int]]:
        async with self.engine.begin() as conn:
            await _ensure_keys(conn, keys)
            held = await conn.execute(
                select(pace_keys.c.held_until)
                .where(pace_keys.c.key.in_(keys))
                .order_by(pace_keys.c.key)
                .with_for_update()
            )
            now = self.clock()  # once the keys are ours: another claim may have just ended
            wait = max((until - now for until in held.scalars()), default=0.0)
            sends = await conn.execute(
                select(pace_sends.c.id, pace_sends.c.key, pace_sends.c.at, pace_sends.c.done)
                .where(pace_sends.c.key.in_(keys))
                .order_by(pace_sends.c.id)
            )
            counting: dict[str, list[float]] = {key: [] for key in keys}
            expired: list[int] = []
            for send_id, key, at, done in sends:
                dated = self._dated(at, done, now)
                if dated > now - limits[key].seconds:
                    counting[key].append(dated)
                else:
                    expired.append(send_id)
            if expired:
                await conn.execute(delete(pace_sends).where(pace_sends.c.id.in_(expired)))
            for key, times in counting.items():
                count = limits[key].count
                if len(times) >= count:
                    wait = max(wait, sorted(times)[-count] + limits[key].seconds - now)
            if wait > 0:
                return wait, []
            recorded = await conn.execute(
                insert(pace_sends)
                .values([{"key": key, "at": now, "done": False} for key in keys])
                .returning(pace_sends.c.id)
            )
            return 0.0, list(recorded.scalars())

    async def finish(self, sends: Sequence[int]) -> None:
        """The sends ``claim`` recorded are made: dated now, when their request ended."""
        if not sends:
            return
        async with self.engine.begin() as conn:
            await conn.execute(
                update(pace_sends)
                .where(pace_sends.c.id.in_(list(sends)))
                .values(at=self.clock(), done=True)
            )

    async def hold(self, key: str, seconds: float) -> None:
        """No process sends under ``key`` for ``seconds`` (a platform said "retry after");
        a shorter hold never shortens a longer one."""
        async with self.engine.begin() as conn:
            until = self.clock() + seconds
            await _ensure_keys(conn, [key])
            await conn.execute(
                update(pace_keys)
                .where(pace_keys.c.key == key)
                .values(
                    held_until=case(
                        (pace_keys.c.held_until < until, until), else_=pace_keys.c.held_until
                    )
                )
            )

    async def _tidy(self, now: float) -> None:
        """Delete the sends too old to count under any key. Rows a claim holds are
        skipped, not waited for (``SKIP LOCKED``), so the tidy never takes part in a
        deadlock: that claim deletes them itself."""
        old = (
            select(pace_sends.c.id)
            .where(pace_sends.c.at < now - FORGET_AFTER)
            .with_for_update(skip_locked=True)
        )
        async with self.engine.begin() as conn:
            await conn.execute(delete(pace_sends).where(pace_sends.c.id.in_(old)))

    def _dated(self, at: float, done: bool, now: float) -> float:
        """When a send counts as made: when it ended; now while in flight; when it began
        once it has been in flight too long to be anything but a dead process's."""
        if done or at <= now - self.in_flight_limit:
            return at
        return now


async def _ensure_keys(conn: AsyncConnection, keys: Sequence[str]) -> None:
    """A row for each key (in key order: two processes adding the same new keys lock
    them in the same order), unheld when new."""
    await conn.execute(
        insert_new(conn, pace_keys, pace_keys.c.key).values(
            [{"key": key, "held_until": 0.0} for key in sorted(keys)]
        )
    )


def shared_pacing(database: AsyncEngine) -> PaceSlots | None:
    """The pacer's shared backend on a database several processes share (PostgreSQL);
    None on a SQLite file, which one process has to itself (``bot.storage.file_guard``):
    its in-memory pacing is the whole desk's, without a round trip per send."""
    if database.dialect.name == "sqlite":
        return None
    scaled = scaled_clock_for_tests()  # tests only: the scaled platform time of every process
    return PaceSlots(database) if scaled is None else PaceSlots(database, clock=scaled[0])
