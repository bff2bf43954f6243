"""Claiming a conversation's messages for one process, across every process on the database.

A shopper's messages are handled one conversation at a time and in the order they came:
the card of the first is posted before the second is read with it, and a message is
never handled twice. Inside one process an in-memory guard would do; several
``borderdesk run`` processes on one PostgreSQL database (issue 17) each store what their
own webhooks receive and each run the resume job, so the guard has to be a row that all
of them see: ``conversation_claims``, one row per conversation being handled, naming its
``owner`` and when its lease ends (``claimed_until``).

1. ``claim_conversation``: take the row, with one atomic statement that inserts it, or
   takes it over when its lease has run out (``INSERT ... ON CONFLICT DO UPDATE ...
   WHERE claimed_until <= now``, the same words on SQLite and PostgreSQL). The answer is
   the conversation's waiting messages, oldest first; None when another process holds it.
2. handle them in that order, ``renew_conversation`` meanwhile (every third of the
   lease, so a live owner keeps it and a dead one's runs out within one lease);
3. ``release_conversation``: delete the row, then look once more for waiting messages;
   any that came meanwhile are returned with the claim taken again, in the same
   transaction, so the owner goes on with them.

Why step 3 cannot lose a message: whoever stored a message tries the claim after storing
it. If that try failed, it ran while the claim was still held, so before the release's
delete; the message was committed before that, and the release's later look (a new
snapshot at READ COMMITTED; SQLite has one writer at a time) sees it. If the try waited
on the deleted row, it takes the claim once the release commits. Either way someone
handles it.

A crashed owner's row stays until its lease ends (``CLAIM_LEASE``); then anyone may take
it over (the resume job does). An owner that stalls past its lease (a frozen process)
may find the conversation taken over: it stops at the next message, and the message it
was on may get a second card, the cost of not waiting forever on a dead process. Leases
compare the processes' clocks: keep them synchronised (NTP), as any lease needs. The
order of a conversation's messages is the order of their ids; on PostgreSQL, two
messages of one shopper stored by two processes in the same instant can commit in the
other order, and then the later one may be handled first.

    waiting = await store.claim_conversation(7, owner, now, CLAIM_LEASE)
    while waiting:  # None (another process has it) or [] (nothing waits)
        ...  # handle each, oldest first, renewing the claim meanwhile
        waiting = await store.release_conversation(7, owner, now, CLAIM_LEASE, handled)
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.conflicts import insert_new
from bot.storage.schema import conversation_claims, messages

# How long a claim holds without being renewed: long enough that a busy owner's renewals
# (every third of it) keep it through a slow step; short enough that a conversation of a
# process that died is taken over by another at the resume job's next run after it.
CLAIM_LEASE = timedelta(seconds=30)


def worker_name() -> str:
    """A name for one process's claims, unique among the processes on a database (two
    desks in one test process get two): host, process id and a random part, as logs and
    ``conversation_claims.owner`` show it."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{secrets.token_hex(4)}"


class ClaimQueries:
    """The ``conversation_claims`` table: claim, renew and release a conversation."""

    engine: AsyncEngine

    async def claim_conversation(
        self, conversation_id: int, owner: str, now: datetime, lease: timedelta
    ) -> list[int] | None:
        """Claim a conversation for ``owner`` until ``now + lease``: the ids of its
        messages waiting to be handled, oldest first; None when another owner's lease on
        it has not run out."""
        async with self.engine.begin() as conn:
            dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
            claim = dialect.insert(conversation_claims).values(
                conversation_id=conversation_id, owner=owner, claimed_until=now + lease
            )
            taken = await conn.scalar(
                claim.on_conflict_do_update(
                    index_elements=[conversation_claims.c.conversation_id],
                    set_={"owner": owner, "claimed_until": now + lease},
                    where=conversation_claims.c.claimed_until <= now,
                ).returning(conversation_claims.c.conversation_id)
            )
            if taken is None:
                return None
            return await _waiting(conn, conversation_id)

    async def renew_conversation(
        self, conversation_id: int, owner: str, now: datetime, lease: timedelta
    ) -> bool:
        """Extend ``owner``'s claim to ``now + lease``; False when it is no longer theirs
        (it ran out and another process took the conversation over)."""
        renewal = {"claimed": conversation_id, "by": owner, "until": now + lease}
        async with self.engine.begin() as conn:
            return (await conn.execute(_RENEW, renewal)).rowcount == 1

    async def release_conversation(
        self,
        conversation_id: int,
        owner: str,
        now: datetime,
        lease: timedelta,
        handled: Collection[int] | None,
    ) -> list[int]:
        """Let go of ``owner``'s claim, unless messages came meanwhile: those (waiting and
        not in ``handled``, which were tried already) are returned, oldest first, with the
        claim taken again until ``now + lease``. [] when released, or when the claim was
        no longer ``owner``'s (another process took over: its messages are its own).
        ``handled=None`` lets go whatever waits (an owner giving up: cancelled, failing)."""
        async with self.engine.begin() as conn:
            released = await conn.execute(
                delete(conversation_claims).where(
                    conversation_claims.c.conversation_id == conversation_id,
                    conversation_claims.c.owner == owner,
                )
            )
            if released.rowcount != 1 or handled is None:
                return []
            # after the delete (see the module docstring): a message stored by a process
            # whose claim failed is seen here
            waiting = [m for m in await _waiting(conn, conversation_id) if m not in handled]
            if not waiting:
                return []
            again = await conn.scalar(
                insert_new(conn, conversation_claims, conversation_claims.c.conversation_id)
                .values(conversation_id=conversation_id, owner=owner, claimed_until=now + lease)
                .returning(conversation_claims.c.conversation_id)
            )
            return waiting if again is not None else []

    async def forget_claims(self) -> int:
        """Delete every conversation claim; how many there were. Only for a database no
        other process can be using (a SQLite file under the desk's ``DatabaseGuard``):
        there, every claim at start is one a killed run left, and its messages are
        resumed at once instead of after its lease."""
        async with self.engine.begin() as conn:
            return (await conn.execute(delete(conversation_claims))).rowcount


async def _waiting(conn: AsyncConnection, conversation_id: int) -> list[int]:
    """A conversation's inbound messages stored and not yet handled (nor held back in a
    flood), oldest first."""
    rows = await conn.execute(_WAITING, {"conversation_id": conversation_id})
    return list(rows.scalars())


# Built once: a statement built per call costs more than SQLite takes to run it.
_WAITING = (
    select(messages.c.id)
    .where(
        messages.c.conversation_id == bindparam("conversation_id"),
        messages.c.direction == "in",
        messages.c.processed_at.is_(None),
        messages.c.hold_reason.is_(None),
    )
    .order_by(messages.c.id)
)
_RENEW = (
    update(conversation_claims)
    .where(
        conversation_claims.c.conversation_id == bindparam("claimed"),
        conversation_claims.c.owner == bindparam("by"),
    )
    .values(claimed_until=bindparam("until", type_=conversation_claims.c.claimed_until.type))
)
