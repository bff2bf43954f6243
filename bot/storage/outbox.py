"""The outbox: queued replies, leases for sending, delivery and failure.

Several workers (``borderdesk run`` processes on one PostgreSQL database, issue 17) send
from one outbox, and none sends a row another has: a worker *claims* a row before sending
it, with one conditional UPDATE (the row still queued, due, and the first queued of its
chat) that only one of them can win; the row is then ``sending``, its ``next_attempt_at``
the end of the claim's lease and ``claimed_by`` the claim's own token. What the worker
records afterwards (a piece sent, the row sent, a retry, a dead letter) is written only
while the claim is still its own: a worker whose send hung past its lease, and whose row
another worker took over and sent meanwhile, records nothing over it (it would otherwise
queue the sent row again). Per-chat order holds across workers: a chat's next row is
not the first of its chat while the one before it is queued or in flight anywhere.
"""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import CardRef, MessageKind, Notice
from bot.notes import Note, NoteKind
from bot.storage.attachments import NewFile, insert_attachment
from bot.storage.delivery_statuses import Recorded, settle
from bot.storage.records import DeadLetter, HeldReply, OutboxItem, new_id
from bot.storage.schema import (
    attachments,
    conversations,
    messages,
    outbox,
)
from bot.storage.sent_pieces import record_piece, waiting_report

logger = logging.getLogger(__name__)

# Statuses of a reply nobody has started sending: it can still be edited or cancelled.
UNSENT = ("pending", "held", "dead")

# The longest the outbox ever waits on purpose (backoff, a rate limit, a lease). A "not
# before" time further ahead than this was computed by a clock that has since stepped back
# (NTP correcting a fast clock): the item is due now instead of parking its chat for a day.
LONGEST_WAIT = timedelta(hours=1)


# Items whose time has come, or whose time cannot be trusted (see ``LONGEST_WAIT``), with
# the parameters ``_when(now)``. The statements of sending are built once: one built per
# call costs more than SQLite takes to run it.
_DUE = or_(
    outbox.c.next_attempt_at <= bindparam("now"), outbox.c.next_attempt_at > bindparam("late")
)
_QUEUED = or_(outbox.c.status == "pending", outbox.c.status == "sending")
_EARLIER = outbox.alias("earlier")
# an earlier item of the item's chat is queued or in flight: it goes first
_AHEAD = (
    select(_EARLIER.c.id)
    .where(
        _EARLIER.c.channel == outbox.c.channel,
        _EARLIER.c.chat_id == outbox.c.chat_id,
        _EARLIER.c.id < outbox.c.id,
        or_(_EARLIER.c.status == "pending", _EARLIER.c.status == "sending"),
    )
    .exists()
)
_CLAIM = (
    update(outbox)
    .where(outbox.c.id == bindparam("item_id"), _QUEUED, _DUE, ~_AHEAD)
    .values(
        status="sending",
        attempts=outbox.c.attempts + 1,
        next_attempt_at=bindparam("until", type_=outbox.c.next_attempt_at.type),
        claimed_by=bindparam("token"),
    )
)


def _when(now: datetime) -> dict[str, datetime]:
    return {"now": now, "late": now + LONGEST_WAIT}


@functools.cache
def _due_heads(limit: int) -> Select[Any]:
    """The first queued item of each chat, when it is due (``_when``), at most ``limit``."""
    heads = (
        select(func.min(outbox.c.id))
        .where(_QUEUED)
        .group_by(outbox.c.channel, outbox.c.chat_id)
        .scalar_subquery()
    )
    return (
        select(outbox)
        .where(outbox.c.id.in_(heads), _DUE)
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(limit)
    )


class OutboxQueries:
    """Replies and staff notes queued to go out: queued, held for staff to confirm, edited
    or cancelled while unsent, then leased, sent, retried or set aside as dead letters."""

    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def enqueue(
        self,
        key: str,
        conversation_id: int,
        text: str,
        author: str | None,
        at: datetime,
        *,
        original_text: str | None = None,
        hold: bool = False,
        files: Sequence[NewFile] = (),
        kept_text: str | None = None,
        notice: Notice | None = None,
    ) -> int | None:
        """Queue a message for the shopper; None when ``key`` was already queued.

        ``hold`` keeps it until staff confirm (a translation of what they wrote, kept in
        ``original_text``): see ``release_held``. ``files`` are stored with it: the first
        goes out before the text, each further one as a reply of its own right after
        (keyed ``file_key(key, n)``), held and released together with the text.
        ``kept_text`` replaces the text once it is sent (a one-time code is not kept).
        ``notice``: a proactive notice's kind and values, handed to the channel with it.
        """
        try:
            async with self.engine.begin() as conn:
                first = await insert_attachment(conn, files[0], at) if files else None
                queued = await insert_outbox(
                    conn,
                    key,
                    conversation_id,
                    text,
                    author,
                    at,
                    original_text=original_text,
                    hold=hold,
                    attachment_id=first,
                    kept_text=kept_text,
                    notice=notice,
                )
                for number, file in enumerate(files[1:], start=2):
                    await insert_outbox(
                        conn,
                        file_key(key, number),
                        conversation_id,
                        "",
                        author,
                        at,
                        hold=hold,
                        attachment_id=await insert_attachment(conn, file, at),
                    )
                return queued
        except IntegrityError:
            return None

    async def enqueue_note(
        self, key: str, conversation_id: int, ref: CardRef, note: Note, at: datetime
    ) -> int | None:
        """Queue a note for staff under a Slack message (``ref``); None when ``key`` was
        queued already. Notes share the outbox, its retries and its per-thread order.

        The note waits as its plain words (``text``) and its kind (``note_kind``), and is
        handed back so (``OutboxItem.note_kind``) when it is due: no sign in its text."""
        try:
            async with self.engine.begin() as conn:
                result = await conn.execute(
                    insert(outbox).values(
                        idempotency_key=key,
                        conversation_id=conversation_id,
                        channel=STAFF_NOTES,
                        chat_id=note_address(ref),
                        text=note.body,
                        note_kind=None if note.kind is None else note.kind.value,
                        author="BorderDesk",
                        status="pending",
                        attempts=0,
                        next_attempt_at=at,
                        created_at=at,
                    )
                )
                return new_id(result)
        except IntegrityError:
            return None

    async def held(self, item_id: int) -> HeldReply | None:
        """A reply waiting for staff to confirm its translation, or None if not held."""
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(outbox).where(outbox.c.id == item_id, outbox.c.status == "held")
                )
            ).first()
        if row is None:
            return None
        return HeldReply(
            row.id, row.idempotency_key, row.conversation_id, row.text, row.original_text
        )

    async def release_held(self, item_id: int, now: datetime, *, use_original: bool) -> bool:
        """Staff confirmed: send the translation (or what they wrote). True only once."""
        values: dict[str, object] = {"status": "pending", "next_attempt_at": now}
        if use_original:
            values["text"] = outbox.c.original_text
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox)
                .where(outbox.c.id == item_id, outbox.c.status == "held")
                .values(**values)
            )
            if result.rowcount != 1:
                return False
            await conn.execute(
                update(outbox)
                .where(_files_of(await _key_of(conn, item_id)), outbox.c.status == "held")
                .values(status="pending", next_attempt_at=now)
            )
            return True

    async def cancel_held(self, item_id: int) -> bool:
        """Staff cancelled a held reply; its key is freed so the card can be decided again."""
        async with self.engine.begin() as conn:
            key = await _key_of(conn, item_id)
            result = await conn.execute(
                update(outbox)
                .where(outbox.c.id == item_id, outbox.c.status == "held")
                .values(
                    status="cancelled",
                    idempotency_key=outbox.c.idempotency_key + f":cancelled:{item_id}",
                )
            )
            if result.rowcount != 1:
                return False
            await conn.execute(
                update(outbox)
                .where(_files_of(key), outbox.c.status == "held")
                .values(status="cancelled")
            )
            return True

    async def edit_unsent(
        self, key: str, text: str, *, original_text: str | None, hold: bool
    ) -> tuple[int, str] | None:
        """Staff changed a reply: (its id, the status it had), or None if never queued.

        The new text replaces the old only while nothing of it has gone out (status in
        ``UNSENT`` and no piece delivered); a held one is held again for a new
        confirmation, a parked one stays parked. Otherwise the status says why not
        ("sending", "sent", "cancelled").
        """
        async with self.engine.begin() as conn:
            row = await _progress(conn, key)
            if row is None:
                return None
            if row.status not in UNSENT or row.parts_sent:
                return row.id, "sending" if row.status in UNSENT else row.status
            status = row.status if row.status == "dead" else ("held" if hold else "pending")
            await conn.execute(
                update(outbox)
                .where(outbox.c.id == row.id)
                .values(text=text, original_text=original_text, status=status)
            )
            return row.id, row.status

    async def cancel_unsent(self, key: str) -> str | None:
        """Staff deleted a reply: cancel whatever of it has not gone out (its files too);
        the status the reply had, or None if it was never queued."""
        async with self.engine.begin() as conn:
            row = await _progress(conn, key)
            if row is None:
                return None
            unsent = outbox.c.status.in_(UNSENT)
            if row.status in UNSENT and not row.parts_sent:
                await conn.execute(
                    update(outbox).where(outbox.c.id == row.id).values(status="cancelled")
                )
            await conn.execute(
                update(outbox).where(_files_of(key), unsent).values(status="cancelled")
            )
            if row.status in UNSENT and row.parts_sent:
                return "sending"
            return str(row.status)

    async def outbox_id(self, key: str) -> int | None:
        async with self.reader.connect() as conn:
            found = await conn.execute(select(outbox.c.id).where(outbox.c.idempotency_key == key))
            return found.scalar()

    async def due_outbox(self, now: datetime, limit: int = 50) -> list[OutboxItem]:
        """The first queued message of each chat, when it is due: chats get their messages
        in order, and one chat waiting (a retry, a rate limit) never holds up the others.
        Messages left 'sending' by a crash are due again when their lease ends."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(_due_heads(limit), _when(now))
            return [_item(r) for r in rows]

    async def claim_outbox(self, item_id: int, now: datetime, lease: timedelta) -> str | None:
        """Take an item for sending: the claim's token (for ``claim=`` of what follows), or
        None when it is not to be sent now (another worker has it and its lease has not run
        out, it is not due, or an earlier item of its chat is queued or in flight)."""
        token = secrets.token_hex(16)
        claim = {"item_id": item_id, "until": now + lease, "token": token} | _when(now)
        async with self.engine.begin() as conn:
            result = await conn.execute(_CLAIM, claim)
            return token if result.rowcount == 1 else None

    async def outbox_part_sent(
        self,
        item_id: int,
        parts_sent: int,
        *,
        claim: str | None = None,
        platform_message_id: str | None = None,
        at: datetime | None = None,
    ) -> bool:
        """A piece of a long message went out; a retry continues after it. With ``claim``,
        only while that claim holds the item; False when it no longer does.
        ``platform_message_id``, given when its channel reports deliveries: the piece's id,
        whose statuses then count for the item's (``bot.storage.sent_pieces``)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox).where(*_held(item_id, claim)).values(parts_sent=parts_sent)
            )
            if result.rowcount != 1:
                return False
            if platform_message_id:
                channel = await conn.scalar(select(outbox.c.channel).where(outbox.c.id == item_id))
                await record_piece(
                    conn,
                    str(channel),
                    platform_message_id,
                    item_id,
                    parts_sent - 1,
                    now=at or datetime.now(UTC),
                )
            return True

    async def outbox_sent(
        self,
        item: OutboxItem,
        platform_message_id: str,
        at: datetime,
        *,
        claim: str | None = None,
        reported: bool = False,
    ) -> Recorded | None:
        """Mark an item delivered and store it as an outbound message of its conversation
        (with its ``kept_text`` instead of its text, when it has one). With ``claim``,
        only while that claim holds the item (another worker that took it over records
        its own delivery).

        ``reported``: its channel reports deliveries (WhatsApp), so the item's delivery is
        returned when something can be said of it already: what its platform reported
        before this send was recorded (Meta can be that fast), or what it reported of the
        earlier pieces of a reply sent in several; None otherwise (see
        ``bot.storage.delivery_statuses``)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox)
                .where(*_held(item.id, claim), outbox.c.status == "sending")
                .values(
                    status="sent",
                    sent_at=at,
                    platform_message_id=platform_message_id,
                    last_error=None,
                    text=func.coalesce(outbox.c.kept_text, outbox.c.text),
                    kept_text=None,
                )
                .returning(outbox.c.text)  # as kept (RETURNING gives what was set)
            )
            kept = result.first()
            if kept is None or item.channel == STAFF_NOTES:
                return None  # recorded already (lease taken over), or a note for staff
            file_name = None
            if item.attachment_id is not None:
                found = await conn.execute(
                    select(attachments.c.name).where(attachments.c.id == item.attachment_id)
                )
                file_name = found.scalar()
            await conn.execute(
                insert(messages).values(
                    conversation_id=item.conversation_id,
                    direction="out",
                    channel=item.channel,
                    platform_message_id=f"out:{item.chat_id}:{platform_message_id}",
                    kind=(MessageKind.DOCUMENT if file_name else MessageKind.TEXT).value,
                    attachment=file_name,
                    text=kept.text,
                    author=item.author,
                    created_at=at,
                    processed_at=at,
                )
            )
            if not reported:
                return None  # no statuses to count (Telegram's ids are not even unique)
            # the last piece (or the only one): its id counts beside the earlier pieces',
            # and a report that came before this was recorded is applied now
            parts = await conn.scalar(select(outbox.c.parts_sent).where(outbox.c.id == item.id))
            waiting = await waiting_report(conn, item.channel, platform_message_id)
            if not parts and not waiting:
                return None
            await record_piece(
                conn, item.channel, platform_message_id, item.id, int(parts or 0), now=at
            )
            return await settle(conn, item.id, now=at)

    async def outbox_retry(
        self,
        item_id: int,
        error: str,
        next_attempt_at: datetime,
        *,
        count_attempt: bool = True,
        claim: str | None = None,
    ) -> None:
        """Try again at ``next_attempt_at``; ``count_attempt=False`` gives back the attempt
        the claim took (a rate limit: the platform said when, nothing failed). With
        ``claim``, only while that claim holds the item."""
        values: dict[str, Any] = {
            "status": "pending",
            "last_error": error,
            "next_attempt_at": next_attempt_at,
        }
        if not count_attempt:
            values["attempts"] = outbox.c.attempts - 1
        async with self.engine.begin() as conn:
            await conn.execute(update(outbox).where(*_held(item_id, claim)).values(**values))

    async def outbox_dead(self, item_id: int, error: str, *, claim: str | None = None) -> bool:
        """Park an item: it is kept, with its error, until staff retry it. With ``claim``,
        only while that claim holds the item; False when it no longer does."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox).where(*_held(item_id, claim)).values(status="dead", last_error=error)
            )
            return result.rowcount == 1

    async def dead_letters(self) -> list[DeadLetter]:
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(outbox).where(outbox.c.status == "dead").order_by(outbox.c.id)
            )
            return [
                DeadLetter(
                    r.id,
                    r.conversation_id,
                    r.channel,
                    r.chat_id,
                    r.text,
                    r.attempts,
                    r.last_error or "",
                    r.created_at,
                )
                for r in rows
            ]

    async def retry_dead(self, now: datetime, item_ids: Sequence[int] | None = None) -> list[int]:
        """Queue again, due now, what staff ask for (all of it when ``item_ids`` is None):
        parked items, and items still waiting for a later attempt (a backoff, a rate limit,
        a time set by a clock that was wrong); their ids. Attempts start from zero."""
        waiting = and_(outbox.c.status == "pending", outbox.c.next_attempt_at > now)
        condition = or_(outbox.c.status == "dead", waiting)
        if item_ids is not None:
            condition = and_(condition, outbox.c.id.in_(list(item_ids)))
        async with self.engine.begin() as conn:
            ids = list(
                (
                    await conn.execute(select(outbox.c.id).where(condition).order_by(outbox.c.id))
                ).scalars()
            )
            if ids:
                await conn.execute(
                    update(outbox)
                    .where(outbox.c.id.in_(ids))
                    .values(status="pending", attempts=0, next_attempt_at=now)
                )
            return ids

    async def outbox_status(self) -> dict[str, int]:
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(outbox.c.status, func.count()).group_by(outbox.c.status)
            )
            return {r[0]: r[1] for r in rows}


# Built once: a statement built per call costs more than SQLite takes to run it.
_ADDRESS = select(conversations.c.channel, conversations.c.chat_id).where(
    conversations.c.id == bindparam("conversation_id")
)


async def insert_outbox(
    conn: AsyncConnection,
    key: str,
    conversation_id: int,
    text: str,
    author: str | None,
    at: datetime,
    *,
    original_text: str | None = None,
    hold: bool = False,
    attachment_id: int | None = None,
    kept_text: str | None = None,
    notice: Notice | None = None,
) -> int:
    """Queue a reply inside the caller's transaction: a decision and its reply commit together.
    ``kept_text`` replaces ``text`` once it is sent (see ``OutboxQueries.enqueue``)."""
    row = (await conn.execute(_ADDRESS, {"conversation_id": conversation_id})).one()
    result = await conn.execute(
        insert(outbox).values(
            idempotency_key=key,
            conversation_id=conversation_id,
            channel=row.channel,
            chat_id=row.chat_id,
            text=text,
            original_text=original_text,
            author=author,
            status="held" if hold else "pending",
            attempts=0,
            next_attempt_at=at,
            created_at=at,
            attachment_id=attachment_id,
            kept_text=kept_text,
            notice_kind=None if notice is None else notice.kind,
            notice_values=None if notice is None else dict(notice.values),
        )
    )
    return new_id(result)


def _held(item_id: int, claim: str | None) -> tuple[Any, ...]:
    """The item ``item_id``, as a condition; with ``claim``, only while that claim (its
    token, from ``claim_outbox``) still holds it: the item is ``sending`` under it."""
    if claim is None:
        return (outbox.c.id == item_id,)
    return (outbox.c.id == item_id, outbox.c.status == "sending", outbox.c.claimed_by == claim)


def file_key(key: str, number: int) -> str:
    """The outbox key of the ``number``-th file (from 2) attached to the reply ``key``."""
    return f"{key}:file:{number}"


def _files_of(key: str | None) -> Any:
    """The further file rows of the reply ``key`` (a condition; matches nothing for None)."""
    if key is None:
        return outbox.c.id.is_(None)
    return outbox.c.idempotency_key.startswith(f"{key}:file:", autoescape=True)


async def _key_of(conn: AsyncConnection, item_id: int) -> str | None:
    found = await conn.execute(select(outbox.c.idempotency_key).where(outbox.c.id == item_id))
    return found.scalar()


STAFF_NOTES = "staff"  # outbox channel of notes posted under Slack messages


def note_address(ref: CardRef) -> str:
    """Where a staff note goes, as the outbox's chat id: ``"<channel>/<ts>"``."""
    return f"{ref.channel}/{ref.ts}"


def note_ref(address: str) -> CardRef:
    channel, _, ts = address.partition("/")
    return CardRef(channel, ts)


async def _progress(conn: AsyncConnection, key: str) -> Any:
    """How far the reply queued under ``key`` has gone (id, status, pieces sent), or None."""
    query = select(outbox.c.id, outbox.c.status, outbox.c.parts_sent).where(
        outbox.c.idempotency_key == key
    )
    return (await conn.execute(query)).first()


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        row.id,
        row.conversation_id,
        row.channel,
        row.chat_id,
        row.text,
        row.author,
        row.attempts,
        row.parts_sent,
        row.attachment_id,
        _note_kind(row.note_kind),
        _notice(row.notice_kind, row.notice_values),
    )


def _notice(kind: str | None, values: Any) -> Notice | None:
    """A queued notice's kind and values (text values only: anything else in the stored
    JSON, from a hand-edited row, is left out rather than stopping the outbox)."""
    if kind is None:
        return None
    found = values if isinstance(values, dict) else {}
    return Notice(kind, {str(k): v for k, v in found.items() if isinstance(v, str)})


def _note_kind(stored: str | None) -> NoteKind | None:
    """The kind of a queued note; a kind this version does not know (written by a newer
    one, before going back to this) is a note of no kind, delivered all the same: one
    unreadable row must not stop the outbox."""
    if stored is None:
        return None
    try:
        return NoteKind(stored)
    except ValueError:
        logger.warning("a queued note of unknown kind %r is posted without one", stored)
        return None


def reply_key(suggestion_id: int) -> str:
    """The outbox key of the reply decided on a card: one reply per card."""
    return f"suggestion:{suggestion_id}"
