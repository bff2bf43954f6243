"""Storing what shoppers wrote: a whole batch of inbound messages in one transaction.

Telegram hands out up to 100 updates at a time and forgets them only once the desk has
stored them. Stored one by one (two transactions each, ~16 ms), a shopper pasting 10,000
messages held up every other shopper queued behind them for minutes; stored a batch at a
time, the same flood takes seconds. A batch is stored whole or not at all, and exactly as
if its messages had come one at a time:

- a message already stored (same channel and platform message id, a redelivery) is
  recognised and changes nothing; so is the second copy of one within the batch;
- each message goes into its chat's conversation, created with the shopper's customer
  record when new;
- an edit is linked to the message it corrects when that one is stored (before it);
- a text over ``MAX_INBOUND_TEXT`` is cut, the whole kept (``oversized``);
- given a flood limit, each message is counted against its conversation's limit and
  stored held when over it (``floods.flood_marks``: two queries per batch, not per message).

A single message is a batch of one::

    [stored] = await store.record_arrivals([Arrival(message, country="ES")], flood=limit)
    if stored.is_new and not stored.held:
        ...  # handle it now
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import InboundMessage, Limit
from bot.storage.conflicts import insert_new
from bot.storage.floods import Arriving, FloodMark, flood_marks
from bot.storage.oversized import cut_to_size
from bot.storage.records import StoredInbound
from bot.storage.schema import conversations, customers, messages

_NOT_HELD = FloodMark(held=False, began=False)


@dataclass(frozen=True)
class Arrival:
    """A message to store: ``country`` is the shopper's (from their vouched phone, else
    their app's language), kept on a new customer record; the message's vouched ``phone``
    is kept on the customer record, new or not (it replaces one that came from an order:
    the platform's word is surer); ``holdable`` is False for what is not words (a shopper
    blocking the bot), which a flood never holds."""

    message: InboundMessage
    country: str | None = None
    holdable: bool = True


@dataclass(frozen=True)
class Recorded:
    """What became of one arrival. ``is_new`` is False for a duplicate (its ids are those
    of the copy stored before); ``held`` when it went over the flood limit, ``flood_began``
    when it is the first held message of a new flood (the shopper is told once)."""

    message_id: int
    conversation_id: int
    is_new: bool
    held: bool = False
    flood_began: bool = False


class IntakeQueries:
    engine: AsyncEngine

    async def record_inbound(
        self, msg: InboundMessage, *, country: str | None = None
    ) -> StoredInbound:
        """Store one shopper's message first of all (no flood accounting); a duplicate is
        recognised, not stored twice."""
        [stored] = await self.record_arrivals([Arrival(msg, country)])
        return StoredInbound(stored.message_id, stored.conversation_id, stored.is_new)

    async def record_arrivals(
        self, arrivals: Sequence[Arrival], *, flood: Limit | None = None
    ) -> list[Recorded]:
        """Store ``arrivals`` in one transaction (see the module docstring); one record per
        arrival, in the same order. Raises (storing nothing) when the database does."""
        if not arrivals:
            return []
        # A customer or conversation another process (PostgreSQL) created meanwhile is
        # found (``insert_new``). A message it stored meanwhile (the same update handed to
        # two processes) stops the insert: the batch is stored whole or not at all, and
        # counted for floods as if it came once. Rolled back, it is stored again, that
        # message now recognised as stored before. Each retry follows a commit of another
        # process that stored at least one more of these messages, so there are at most
        # as many retries as messages.
        for _ in range(len(arrivals)):
            try:
                async with self.engine.begin() as conn:
                    return await _store(conn, arrivals, flood)
            except IntegrityError:
                continue
        async with self.engine.begin() as conn:
            return await _store(conn, arrivals, flood)


def _key(message: InboundMessage) -> tuple[str, str]:
    return message.channel, message.platform_message_id


async def _store(
    conn: AsyncConnection, arrivals: Sequence[Arrival], flood: Limit | None
) -> list[Recorded]:
    """``record_arrivals`` inside its transaction: what is new, where it goes, whether a
    flood holds it, then one insert for all of it."""
    wanted = [_key(a.message) for a in arrivals]
    wanted += [(a.message.channel, a.message.edit_of) for a in arrivals if a.message.edit_of]
    before = await _stored_already(conn, wanted)
    fresh: dict[tuple[str, str], Arrival] = {}  # first copies of messages not stored yet
    for arrival in arrivals:
        if (key := _key(arrival.message)) not in before:
            fresh.setdefault(key, arrival)
    new = list(fresh.values())
    chats = await _conversations(conn, new)
    conversation_ids = [chats[a.message.channel, a.message.chat_id] for a in new]
    marks = (
        await flood_marks(
            conn,
            [
                Arriving(conversation_id, a.message.received_at, a.holdable)
                for a, conversation_id in zip(new, conversation_ids, strict=True)
            ],
            flood,
        )
        if flood is not None
        else [_NOT_HELD] * len(new)
    )
    ids = await _insert_messages(conn, new, conversation_ids, marks, before)
    stored = {**before, **{_key(a.message): ids[i] for i, a in enumerate(new)}}
    mark_of = {_key(a.message): marks[i] for i, a in enumerate(new)}
    recorded = []
    for arrival in arrivals:
        key = _key(arrival.message)
        message_id, conversation_id = stored[key]
        if fresh.pop(key, None) is arrival:
            mark = mark_of[key]
            recorded.append(Recorded(message_id, conversation_id, True, mark.held, mark.began))
        else:  # stored before, or an earlier copy in this batch
            recorded.append(Recorded(message_id, conversation_id, is_new=False))
    return recorded


async def _stored_already(
    conn: AsyncConnection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(message id, conversation id) of the messages among ``keys`` stored before."""
    by_channel: dict[str, set[str]] = {}
    for channel, platform_id in keys:
        by_channel.setdefault(channel, set()).add(platform_id)
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for channel, platform_ids in by_channel.items():
        rows = await conn.execute(
            select(messages.c.platform_message_id, messages.c.id, messages.c.conversation_id).where(
                messages.c.channel == channel, messages.c.platform_message_id.in_(platform_ids)
            )
        )
        for platform_id, message_id, conversation_id in rows:
            found[channel, platform_id] = (message_id, conversation_id)
    return found


async def _conversations(
    conn: AsyncConnection, arrivals: Sequence[Arrival]
) -> dict[tuple[str, str], int]:
    """The conversation of each (channel, chat id) among ``arrivals``, created with its
    first writer's customer record when new; every writer gets a customer record (a
    group's members too), and each conversation is dated by its last message."""
    if not arrivals:
        return {}
    first_by_user: dict[tuple[str, str], Arrival] = {}
    first_by_chat: dict[tuple[str, str], Arrival] = {}
    last_date: dict[tuple[str, str], datetime] = {}
    for arrival in arrivals:
        msg = arrival.message
        first_by_user.setdefault((msg.channel, msg.user_id), arrival)
        first_by_chat.setdefault((msg.channel, msg.chat_id), arrival)
        last_date[msg.channel, msg.chat_id] = msg.received_at
    customer_ids = await _customers(conn, first_by_user)
    found = await _existing(
        conn, conversations.c.id, conversations.c.channel, conversations.c.chat_id, first_by_chat
    )
    # in key order: two processes creating the same ones wait for each other's keys in
    # the same order on PostgreSQL, never each for the other's (a deadlock)
    missing = sorted(key for key in first_by_chat if key not in found)
    if missing:
        rows = []
        for key in missing:
            msg = first_by_chat[key].message
            rows.append(
                {
                    "customer_id": customer_ids[msg.channel, msg.user_id],
                    "channel": msg.channel,
                    "chat_id": msg.chat_id,
                    "chat_type": msg.chat_type.value,
                    "created_at": msg.received_at,
                    "updated_at": msg.received_at,
                }
            )
        await conn.execute(
            insert_new(conn, conversations, conversations.c.channel, conversations.c.chat_id),
            rows,
        )
        found |= await _existing(
            conn, conversations.c.id, conversations.c.channel, conversations.c.chat_id, missing
        )
    await conn.execute(
        update(conversations)
        .where(conversations.c.id == bindparam("conversation"))
        .values(updated_at=bindparam("last")),
        [{"conversation": found[key], "last": date} for key, date in sorted(last_date.items())],
    )
    return found


async def _customers(
    conn: AsyncConnection, first_by_user: dict[tuple[str, str], Arrival]
) -> dict[tuple[str, str], int]:
    """The customer record of each (channel, user id), created from their first message."""
    found = await _existing(
        conn, customers.c.id, customers.c.channel, customers.c.platform_user_id, first_by_user
    )
    missing = sorted(key for key in first_by_user if key not in found)  # see _conversations
    if missing:
        rows = [
            {
                "channel": first_by_user[key].message.channel,
                "platform_user_id": first_by_user[key].message.user_id,
                "name": first_by_user[key].message.user_name,
                "country": first_by_user[key].country,
                "phone": first_by_user[key].message.phone,
                "created_at": first_by_user[key].message.received_at,
            }
            for key in missing
        ]
        await conn.execute(
            insert_new(conn, customers, customers.c.channel, customers.c.platform_user_id),
            rows,
        )
        found |= await _existing(
            conn, customers.c.id, customers.c.channel, customers.c.platform_user_id, missing
        )
    vouched = sorted(
        (found[key], arrival.message.phone, arrival.country)
        for key, arrival in first_by_user.items()
        if arrival.message.phone
    )
    if vouched:  # a number the platform vouches for: kept, and its country where none is
        await conn.execute(
            update(customers)
            .where(
                customers.c.id == bindparam("customer"),
                or_(customers.c.phone.is_(None), customers.c.phone != bindparam("vouched")),
            )
            .values(
                phone=bindparam("vouched"),
                country=func.coalesce(customers.c.country, bindparam("its_country")),
            ),
            [{"customer": c, "vouched": p, "its_country": k} for c, p, k in vouched],
        )
    return found


async def _existing(
    conn: AsyncConnection,
    id_column: Column[Any],
    channel_column: Column[Any],
    key_column: Column[Any],
    keys: Iterable[tuple[str, str]],
) -> dict[tuple[str, str], int]:
    """Ids of the rows among ``keys`` (channel, platform key) that exist."""
    by_channel: dict[str, list[str]] = {}
    for channel, key in keys:
        by_channel.setdefault(channel, []).append(key)
    found: dict[tuple[str, str], int] = {}
    for channel, wanted in by_channel.items():
        rows = await conn.execute(
            select(id_column, key_column).where(channel_column == channel, key_column.in_(wanted))
        )
        for row_id, key in rows:
            found[channel, key] = row_id
    return found


async def _insert_messages(
    conn: AsyncConnection,
    arrivals: Sequence[Arrival],
    conversation_ids: Sequence[int],
    marks: Sequence[FloodMark],
    before: dict[tuple[str, str], tuple[int, int]],
) -> list[tuple[int, int]]:
    """Insert the new messages (held ones marked so), in order, in one statement;
    (message id, conversation id) of each. An edit is linked to the message it corrects
    when that one was stored before it: earlier, or earlier in this batch."""
    rows = []
    for arrival, conversation_id, mark in zip(arrivals, conversation_ids, marks, strict=True):
        msg = arrival.message
        original = before.get((msg.channel, msg.edit_of)) if msg.edit_of else None
        rows.append(
            {
                "conversation_id": conversation_id,
                "direction": "in",
                "channel": msg.channel,
                "platform_message_id": msg.platform_message_id,
                "kind": msg.kind.value,
                "text": await cut_to_size(conn, msg, conversation_id),
                "attachment": msg.attachment,
                "language_hint": msg.language_hint,
                "author": msg.user_name,
                "created_at": msg.received_at,
                "hold_reason": "flood" if mark.held else None,
                "edit_of": original[0] if original else None,
            }
        )
    if not rows:
        return []
    inserted = await conn.execute(
        insert(messages).returning(
            messages.c.id, messages.c.channel, messages.c.platform_message_id
        ),
        rows,
    )  # one statement; the rows come back in no promised order, so they say which is which
    id_of = {(channel, platform_id): row_id for row_id, channel, platform_id in inserted}
    ids = [id_of[_key(a.message)] for a in arrivals]
    # an edit of a message stored just before it, in this same batch
    position = {_key(a.message): i for i, a in enumerate(arrivals)}
    links = [
        {"edit": ids[i], "original": ids[position[a.message.channel, a.message.edit_of]]}
        for i, a in enumerate(arrivals)
        if a.message.edit_of
        and (a.message.channel, a.message.edit_of) not in before
        and position.get((a.message.channel, a.message.edit_of), len(arrivals)) < i
    ]
    if links:
        await conn.execute(
            update(messages)
            .where(messages.c.id == bindparam("edit"))
            .values(edit_of=bindparam("original")),
            links,
        )
    return list(zip(ids, conversation_ids, strict=True))
