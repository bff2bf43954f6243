"""Joining two chats of one shopper into one person, and the one-time codes that prove it.

Identities are one person only on proof the shopper controls both (see
``bot.storage.customers``). Here that proof is a code BorderDesk sends to one chat and the
shopper types in the other: only whoever reads the first chat can. Staff may also join or
split identities themselves. Joined identities share ``customers.person_id`` (the lowest
customer id among them), so ``same_person`` and everything built on it (replies, profiles,
export, forget) sees them together::

    code = await store.create_join_code(request, "042917", now, [code_message, notice])
    code, outcome = await store.try_join_code(code.id, "042917", typed_in_message_id, now)

A code is kept as a salted SHA-256 hash, so nobody reading the tables (a backup, an
export, a query) sees it. That is no vault: six digits are quickly found from their hash
by whoever holds a copy. What makes a code safe is the rest: it works for
``CODE_LIFETIME``, for ``WRONG_TRIES`` wrong tries, once, and only typed in the asking
chat; while a pair of chats has a code waiting or locked, proving the order again sends
none, so nobody can flood a chat with codes. The message that carries a code keeps only
its ``kept_text`` once sent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.customer_privacy import audit_row
from bot.storage.outbox import UNSENT, insert_outbox
from bot.storage.records import new_id
from bot.storage.schema import conversations, customers, join_codes, outbox

CODE_LIFETIME = timedelta(minutes=15)  # the notices say "15 minutes"
WRONG_TRIES = 5  # the fifth wrong code locks it


class JoinOutcome(StrEnum):
    JOINED = "joined"  # the right code: the two chats are one person now
    WRONG = "wrong"  # a wrong code, tries left
    LOCKED = "locked"  # the last wrong try: the code no longer works
    EXPIRED = "expired"  # typed after its lifetime


@dataclass(frozen=True)
class JoinCode:
    """A code sent to ``owner_customer_id``'s chat for ``asking_customer_id`` to type."""

    id: int
    asking_customer_id: int
    owner_customer_id: int
    order_id: int
    message_id: int  # the asking message that proved the order
    wrong_tries: int
    status: str  # pending | joined | locked | expired
    created_at: datetime
    expires_at: datetime

    @property
    def tries_left(self) -> int:
        return WRONG_TRIES - self.wrong_tries


@dataclass(frozen=True)
class JoinRequest:
    """Who asks (the chat that proved the order), whose chat gets the code, for which order,
    and the asking message (one code per message, so a retried message sends none)."""

    asking_customer_id: int
    owner_customer_id: int
    order_id: int
    message_id: int


@dataclass(frozen=True)
class QueuedText:
    """A message to queue in the same transaction: outbox key, conversation, text, and
    what to keep of the text once sent (None keeps it)."""

    key: str
    conversation_id: int
    text: str
    kept_text: str | None = None


class CustomerJoinQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def person_ids(self, customer_id: int) -> list[int]:
        """Every identity joined with this one, this one first."""
        async with self.reader.connect() as conn:
            return await person_ids(conn, customer_id)

    async def join_customers(
        self, first_id: int, second_id: int, *, actor: str, kind: str, at: datetime
    ) -> list[int]:
        """Make two identities (and whoever each is joined with already) one person, with
        an audit row; the identities of the person now."""
        async with self.engine.begin() as conn:
            return await _join(conn, first_id, second_id, actor=actor, kind=kind, at=at)

    async def split_customer(self, customer_id: int, *, actor: str, at: datetime) -> list[int]:
        """This identity is on its own again (the others stay joined to each other), with
        an audit row; the identities it was joined with, [] when it was alone."""
        async with self.engine.begin() as conn:
            person = await person_ids(conn, customer_id)
            others = person[1:]
            if not others:
                return []
            await conn.execute(
                update(customers).where(customers.c.id == customer_id).values(person_id=None)
            )
            rest = sorted(others)
            await conn.execute(
                update(customers)
                .where(customers.c.id.in_(rest))
                .values(person_id=rest[0] if len(rest) > 1 else None)
            )
            detail = {"identities": [customer_id, *rest], "kind": "staff"}
            await audit_row(conn, actor, "split", customer_id, detail, at)
            return others

    async def private_conversation(self, customer_id: int) -> int | None:
        """The identity's latest one-to-one conversation still reachable (not forgotten)."""
        async with self.reader.connect() as conn:
            found = await conn.execute(
                select(conversations.c.id)
                .join(customers, customers.c.id == conversations.c.customer_id)
                .where(
                    conversations.c.customer_id == customer_id,
                    customers.c.forgotten_at.is_(None),
                    or_(
                        conversations.c.chat_type.is_(None), conversations.c.chat_type == "private"
                    ),
                )
                .order_by(conversations.c.updated_at.desc(), conversations.c.id.desc())
                .limit(1)
            )
            return found.scalar()

    async def recent_join_code(
        self, asking_customer_id: int, owner_customer_id: int, now: datetime
    ) -> JoinCode | None:
        """The code this pair of chats got within the last ``CODE_LIFETIME``, if any."""
        return await self._newest_code(
            join_codes.c.asking_customer_id == asking_customer_id,
            join_codes.c.owner_customer_id == owner_customer_id,
            join_codes.c.created_at > now - CODE_LIFETIME,
        )

    async def create_join_code(
        self,
        request: JoinRequest,
        code: str,
        at: datetime,
        messages: Sequence[QueuedText],
    ) -> JoinCode | None:
        """Store a new code (hashed) for ``request`` and queue ``messages`` (the code to
        the owner's chat, the notice to the asking one) in one transaction; the asking
        chat's earlier pending codes stop working. None when this message asked before.

        Two processes may make codes for the chat at the same moment (PostgreSQL): one per
        message and one pending per chat are unique keys, so the second insert is refused,
        and making the code again finds the message's code, or expires the other's."""
        for _attempt in range(2):
            try:
                return await self._create_join_code(request, code, at, messages)
            except IntegrityError:
                pass
        return await self._create_join_code(request, code, at, messages)

    async def _create_join_code(
        self,
        request: JoinRequest,
        code: str,
        at: datetime,
        messages: Sequence[QueuedText],
    ) -> JoinCode | None:
        salt = secrets.token_hex(16)
        async with self.engine.begin() as conn:
            if (
                await conn.execute(
                    select(join_codes.c.id).where(join_codes.c.message_id == request.message_id)
                )
            ).first() is not None:
                return None
            earlier = await conn.execute(
                select(join_codes.c.id).where(
                    join_codes.c.asking_customer_id == request.asking_customer_id,
                    join_codes.c.status == "pending",
                )
            )
            for (earlier_id,) in earlier.all():
                await _finish(conn, earlier_id, "expired", at)
            result = await conn.execute(
                join_codes.insert().values(
                    asking_customer_id=request.asking_customer_id,
                    owner_customer_id=request.owner_customer_id,
                    order_id=request.order_id,
                    message_id=request.message_id,
                    code_salt=salt,
                    code_hash=_hashed(code, salt),
                    wrong_tries=0,
                    status="pending",
                    created_at=at,
                    expires_at=at + CODE_LIFETIME,
                )
            )
            code_id = new_id(result)
            for message in messages:
                await insert_outbox(
                    conn,
                    message.key,
                    message.conversation_id,
                    message.text,
                    "BorderDesk",
                    at,
                    kept_text=message.kept_text,
                )
            row = (await conn.execute(select(join_codes).where(join_codes.c.id == code_id))).one()
        return _join_code(row)

    async def pending_join_code(self, asking_customer_id: int) -> JoinCode | None:
        """The code the asking chat may type now (expired or not: typing it late gets an
        answer saying so), if any."""
        return await self._newest_code(
            join_codes.c.asking_customer_id == asking_customer_id,
            join_codes.c.status == "pending",
        )

    async def _newest_code(self, *conditions: Any) -> JoinCode | None:
        """The join code created last of those meeting every condition, if any."""
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(join_codes).where(*conditions).order_by(join_codes.c.id.desc()).limit(1)
                )
            ).first()
        return None if row is None else _join_code(row)

    async def tried_with(self, message_id: int) -> tuple[JoinCode, JoinOutcome] | None:
        """The code this message was a try of, and how it went: a message handled again
        (after a crash) is answered as the first time, never counted twice."""
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(join_codes).where(join_codes.c.last_message_id == message_id)
                )
            ).first()
        if row is None:
            return None
        code = _join_code(row)
        outcome = {
            "joined": JoinOutcome.JOINED,
            "locked": JoinOutcome.LOCKED,
            "expired": JoinOutcome.EXPIRED,
        }.get(code.status, JoinOutcome.WRONG)
        return code, outcome

    async def try_join_code(
        self, code_id: int, typed: str, message_id: int, now: datetime
    ) -> tuple[JoinCode, JoinOutcome]:
        """The asking chat typed ``typed`` for this pending code: join the two identities
        when it is right and still valid (with an audit row), else count the wrong try
        (the last one locks the code) or close an expired code."""
        async with self.engine.begin() as conn:
            # locked for the try on PostgreSQL (desks in several processes); SQLite's write
            # transaction already is
            mine = select(join_codes).where(join_codes.c.id == code_id).with_for_update()
            row = (await conn.execute(mine)).one()
            code = _join_code(row)
            values: dict[str, Any] = {"last_message_id": message_id}
            if code.status != "pending" or now >= code.expires_at:
                outcome = JoinOutcome.EXPIRED if code.status != "locked" else JoinOutcome.LOCKED
                if code.status == "pending":
                    values |= {"status": "expired", "finished_at": now}
            elif hmac.compare_digest(_hashed(typed, row.code_salt), row.code_hash):
                outcome = JoinOutcome.JOINED
                values |= {"status": "joined", "finished_at": now}
                await _join(
                    conn,
                    code.asking_customer_id,
                    code.owner_customer_id,
                    actor="shopper (join code)",
                    kind="code",
                    at=now,
                )
            elif code.wrong_tries + 1 >= WRONG_TRIES:
                outcome = JoinOutcome.LOCKED
                values |= {"wrong_tries": WRONG_TRIES, "status": "locked", "finished_at": now}
            else:
                outcome = JoinOutcome.WRONG
                values |= {"wrong_tries": code.wrong_tries + 1}
            await conn.execute(
                update(join_codes).where(join_codes.c.id == code_id).values(**values)
            )
            if outcome is not JoinOutcome.WRONG:
                await _drop_unsent_code(conn, code_id)
            row = (await conn.execute(select(join_codes).where(join_codes.c.id == code_id))).one()
        return _join_code(row), outcome

    async def code_sent_here(self, owner_customer_id: int, typed: str, now: datetime) -> bool:
        """Whether ``typed`` is a live code sent to this chat: its owner typed it here
        instead of in the chat that asked (nothing is counted or joined)."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(join_codes.c.code_salt, join_codes.c.code_hash).where(
                    join_codes.c.owner_customer_id == owner_customer_id,
                    join_codes.c.status == "pending",
                    join_codes.c.expires_at > now,
                )
            )
            return any(hmac.compare_digest(_hashed(typed, r.code_salt), r.code_hash) for r in rows)


def code_key(message_id: int) -> str:
    """The outbox key of the code asked for by message ``message_id`` (one per message)."""
    return f"join-code:{message_id}"


def _hashed(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


# Built once (see ``bot.storage.conversations``).
_PERSON_OF = select(customers.c.person_id).where(customers.c.id == bindparam("customer_id"))
_PERSON_IDS = (
    select(customers.c.id)
    .where(customers.c.person_id == bindparam("person_id"))
    .order_by(customers.c.id)
)


async def person_ids(conn: AsyncConnection, customer_id: int) -> list[int]:
    """Inside a transaction: the identities joined with this one, this one first ([] for
    no such identity)."""
    person = (await conn.execute(_PERSON_OF, {"customer_id": customer_id})).first()
    if person is None:
        return []
    if person.person_id is None:
        return [customer_id]
    rows = await conn.execute(_PERSON_IDS, {"person_id": person.person_id})
    return [customer_id, *(r.id for r in rows if r.id != customer_id)]


async def _join(
    conn: AsyncConnection, first_id: int, second_id: int, *, actor: str, kind: str, at: datetime
) -> list[int]:
    ids = sorted(set(await person_ids(conn, first_id)) | set(await person_ids(conn, second_id)))
    if len(ids) < 2:
        return ids
    await conn.execute(update(customers).where(customers.c.id.in_(ids)).values(person_id=ids[0]))
    detail = {"identities": ids, "kind": kind}
    await audit_row(conn, actor, "join", first_id, detail, at)
    return ids


async def _finish(conn: AsyncConnection, code_id: int, status: str, at: datetime) -> None:
    await conn.execute(
        update(join_codes)
        .where(join_codes.c.id == code_id, join_codes.c.status == "pending")
        .values(status=status, finished_at=at)
    )
    await _drop_unsent_code(conn, code_id)


async def _drop_unsent_code(conn: AsyncConnection, code_id: int) -> None:
    """A code that no longer works is not sent late, and its text is not kept (a message
    already sent kept only its ``kept_text``)."""
    found = await conn.execute(select(join_codes.c.message_id).where(join_codes.c.id == code_id))
    key = code_key(found.scalar_one())
    unsent = and_(outbox.c.idempotency_key == key, outbox.c.status.in_(UNSENT))
    await conn.execute(
        update(outbox)
        .where(unsent)
        .values(status="cancelled", text=func.coalesce(outbox.c.kept_text, ""), kept_text=None)
    )


def _join_code(row: Any) -> JoinCode:
    return JoinCode(
        row.id,
        row.asking_customer_id,
        row.owner_customer_id,
        row.order_id,
        row.message_id,
        row.wrong_tries,
        row.status,
        row.created_at,
        row.expires_at,
    )
