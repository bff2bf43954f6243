"""Claiming a run of a timed job exactly once, across restarts, double fires and processes.

Every timed job whose effect must not double (a digest posted twice; a purge run by each
of several workers on one PostgreSQL database) claims its run in the ``job_runs`` table
before doing anything. A run is named by the job and a *slot*, a string saying which run
it is: the digest of ``digest:logistics`` for ``2026-03-02``, the ``retention`` purge of
the hour ``2026-03-02T10:00Z``. ``job_runs`` has a unique (job, slot), so of all the
processes and fires that try, exactly one inserts the row:

1. ``claim``: INSERT a ``claimed`` row. A unique violation means another run (a double
   fire, a second process) has it: this one does nothing;
2. do the work;
3. ``finish``: mark the row ``done``; or, when the work failed, ``release`` it (delete
   the row), so the next run tries the slot again.

A crash between 1 and 3 leaves a claim nobody finishes. After ``retake_after`` (10
minutes by default, far longer than any run takes) another run may retake it, with a
conditional UPDATE on the old ``claimed_at`` so that only one retaker wins. The trade-off:
a crash after the work was done but before step 3 gives a second run once the claim is
retaken; marking first would risk no run at all, and a digest lost is worse than a digest
twice.

What a run does inside is keyed on its own rows where it can be (an outbox message, a
reminder, a spike alert have unique keys of their own, which are also their records):
the claim is about the run as a whole, not about each thing it sends::

    runs = JobRuns(store.engine)
    claim = await runs.claim("digest:logistics", "2026-03-02", now)
    if claim is not None:
        try:
            await post_the_digest()
        except BaseException:
            await runs.release(claim)
            raise
        await runs.finish(claim, now)
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import job_runs

logger = logging.getLogger(__name__)

RETAKE_AFTER = timedelta(minutes=10)
CLAIMED, DONE = "claimed", "done"


@dataclass(frozen=True)
class Claim:
    """A run this process holds: the job, its slot, and the ``claimed_at`` it holds it by
    (a retaker writes its own, so a late ``finish`` of the first holder finds no row)."""

    job: str
    slot: str
    claimed_at: datetime


class JobRuns:
    """The ``job_runs`` table: claim, finish and release runs, and read what was done."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def claim(
        self, job: str, slot: str, now: datetime, *, retake_after: timedelta = RETAKE_AFTER
    ) -> Claim | None:
        """The claim this run holds the slot with, or None when another run has it (or
        has done it). A claim older than ``retake_after`` that nobody finished is retaken."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(job_runs).values(job=job, slot=slot, status=CLAIMED, claimed_at=now)
                )
            return Claim(job, slot, now)
        except IntegrityError:
            pass
        mine = _run(job, slot)
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(select(job_runs.c.status, job_runs.c.claimed_at).where(mine))
            ).first()
            if row is None or row.status != CLAIMED or now - row.claimed_at < retake_after:
                return None
            # Only one of several runs retaking the same stale claim matches its old timestamp.
            retaken = await conn.execute(
                update(job_runs)
                .where(mine, job_runs.c.status == CLAIMED, job_runs.c.claimed_at == row.claimed_at)
                .values(claimed_at=now)
            )
        if retaken.rowcount != 1:
            return None
        logger.warning("retook the run %s %s left claimed since %s", job, slot, row.claimed_at)
        return Claim(job, slot, now)

    async def finish(self, claim: Claim, now: datetime) -> bool:
        """Mark the run done; False when it was retaken meanwhile (this run took longer
        than ``retake_after``, so another one may have done the work too)."""
        async with self.engine.begin() as conn:
            marked = await conn.execute(
                update(job_runs).where(_held(claim)).values(status=DONE, done_at=now)
            )
        return marked.rowcount == 1

    async def release(self, claim: Claim) -> None:
        """Give the slot back after a failed run, so the next run tries it again."""
        async with self.engine.begin() as conn:
            await conn.execute(delete(job_runs).where(_held(claim)))

    async def once(
        self, job: str, slot: str, now: datetime, work: Callable[[], Awaitable[object]]
    ) -> bool:
        """Claim the run, do ``work``, mark it done; False (and no work) when another run
        has the slot. An exception from ``work`` releases the claim and propagates."""
        claim = await self.claim(job, slot, now)
        if claim is None:
            return False
        try:
            await work()
        except BaseException:
            await self.release(claim)
            raise
        if not await self.finish(claim, now):
            logger.warning(
                "the run %s %s was retaken while it ran; it may have run twice", job, slot
            )
        return True

    async def last_done(self, prefix: str) -> dict[str, str]:
        """The latest slot done of each job whose name starts with ``prefix``; slots
        compare as strings, so they must sort by time (ISO dates and times do)."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(job_runs.c.job, func.max(job_runs.c.slot))
                .where(
                    job_runs.c.job.startswith(prefix, autoescape=True), job_runs.c.status == DONE
                )
                .group_by(job_runs.c.job)
            )
            return {job: slot for job, slot in rows}

    async def status(self, job: str, slot: str) -> str | None:
        """``claimed``, ``done``, or None when nobody has claimed the run."""
        async with self.engine.connect() as conn:
            return (await conn.execute(select(job_runs.c.status).where(_run(job, slot)))).scalar()


def _run(job: str, slot: str) -> ColumnElement[bool]:
    return (job_runs.c.job == job) & (job_runs.c.slot == slot)


def _held(claim: Claim) -> ColumnElement[bool]:
    """The row still claimed by ``claim`` (not retaken, not done)."""
    held = _run(claim.job, claim.slot) & (job_runs.c.status == CLAIMED)
    return held & (job_runs.c.claimed_at == claim.claimed_at)
