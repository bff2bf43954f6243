"""A shopper's stored data: exported in full, forgotten on request, purged when old.

Erasure keeps the rows (intents, departments, languages, dates) so counts and digests do
not change, and makes SQLite overwrite what it erased: ``secure_delete`` while erasing,
then ``reclaim_space`` (VACUUM and an emptied write-ahead log) so no old page keeps it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, case, cast, delete, func, insert, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.erasure import erase_files, erase_kept_webhooks, erase_old_files, erase_parcels
from bot.storage.outbox import STAFF_NOTES
from bot.storage.schema import (
    audit,
    conversations,
    customers,
    escalations,
    examples,
    messages,
    orders,
    outbox,
    problems,
    sent_pieces,
    suggestions,
    translations,
)

FORGOTTEN_NAME = "(forgotten)"
_CHUNK = 500  # values per IN (...) list: far below SQLite's limit on bound parameters


class CustomerPrivacyQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)
    checkpoint_wal: Callable[[], Awaitable[None]]  # see Store

    async def customer_export(self, customer_ids: Sequence[int]) -> dict[str, list[dict[str, Any]]]:
        """Every stored row about these identities, table by table (values as stored)."""
        async with self.reader.connect() as conn:
            scope = await _scope(conn, customer_ids)
            wanted: list[tuple[str, Table, Any]] = [
                ("customers", customers, customers.c.id.in_(scope.customers)),
                ("conversations", conversations, conversations.c.id.in_(scope.conversations)),
                ("messages", messages, messages.c.conversation_id.in_(scope.conversations)),
                (
                    "suggestions",
                    suggestions,
                    suggestions.c.conversation_id.in_(scope.conversations),
                ),
                ("outbox", outbox, outbox.c.conversation_id.in_(scope.conversations)),
                ("orders", orders, orders.c.id.in_(scope.orders)),
                (
                    "problems",
                    problems,
                    or_(
                        problems.c.conversation_id.in_(scope.conversations),
                        problems.c.order_id.in_(scope.orders),
                    ),
                ),
                (
                    "escalations",
                    escalations,
                    escalations.c.conversation_id.in_(scope.conversations),
                ),
                ("audit", audit, audit.c.customer_id.in_(scope.customers)),
            ]
            export: dict[str, list[dict[str, Any]]] = {}
            for name, table, condition in wanted:
                rows = await conn.execute(select(table).where(condition).order_by(table.c.id))
                export[name] = [dict(r._mapping) for r in rows]
        return export

    async def forget_customers(
        self, customer_ids: Sequence[int], at: datetime, *, actor: str = "borderdesk"
    ) -> dict[str, int]:
        """Erase personal data and message text of these identities, keep anonymous rows.

        Names become "(forgotten)", platform and chat ids opaque placeholders, contact
        details and texts empty; intents, departments, languages, countries and dates stay,
        so digests and counts do not change. Runs with ``secure_delete`` so erased values
        are overwritten in the file; ``reclaim_space`` then drops what the WAL still holds.
        Returns how many rows of each kind were erased.
        """
        async with self.engine.begin() as conn:
            previous = await _secure_delete(conn, True)
            scope = await _scope(conn, customer_ids)
            texts = await _texts(conn, scope.conversations)
            inbound = await _texts(conn, scope.conversations, inbound_only=True)
            for chunk in _chunks(sorted(texts)):
                await conn.execute(
                    delete(translations).where(
                        or_(translations.c.text.in_(chunk), translations.c.translated.in_(chunk))
                    )
                )
            for chunk in _chunks(sorted(inbound)):
                await conn.execute(
                    delete(examples).where(examples.c.text.in_(chunk), examples.c.source == "staff")
                )
            in_conversations = messages.c.conversation_id.in_(scope.conversations)
            erased_messages = await conn.execute(
                update(messages)
                .where(in_conversations)
                .values(
                    text="",
                    attachment=None,
                    author=case((messages.c.direction == "in", None), else_=messages.c.author),
                    platform_message_id=literal("forgotten:") + cast(messages.c.id, String),
                    purged_at=func.coalesce(messages.c.purged_at, at),
                )
            )
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.conversation_id.in_(scope.conversations))
                .values(reply_text=None, final_text=None, display={})
            )
            # a WhatsApp message id spells out the shopper's number: the pieces' ids go too
            await conn.execute(
                delete(sent_pieces).where(
                    sent_pieces.c.outbox_id.in_(
                        select(outbox.c.id).where(outbox.c.conversation_id.in_(scope.conversations))
                    )
                )
            )
            await conn.execute(
                update(outbox)
                .where(outbox.c.conversation_id.in_(scope.conversations))
                .values(
                    text="",
                    original_text=None,
                    kept_text=None,
                    last_error=None,
                    platform_message_id=None,
                    notice_values=None,  # the shopper's name, order and tracking numbers
                    chat_id=case(
                        (outbox.c.channel == STAFF_NOTES, outbox.c.chat_id),
                        else_=literal("forgotten:") + cast(outbox.c.conversation_id, String),
                    ),
                    status=case(
                        (outbox.c.status.in_(["sent", "cancelled"]), outbox.c.status),
                        else_="cancelled",  # never deliver an erased text to an erased chat
                    ),
                )
            )
            await conn.execute(
                update(conversations)
                .where(conversations.c.id.in_(scope.conversations))
                .values(chat_id=literal("forgotten:") + cast(conversations.c.id, String))
            )
            await conn.execute(
                update(problems)
                .where(
                    or_(
                        problems.c.conversation_id.in_(scope.conversations),
                        problems.c.order_id.in_(scope.orders),
                    )
                )
                .values(order_number=None, order_key=None, tracking_number=None)
            )
            await conn.execute(
                update(escalations)
                .where(escalations.c.conversation_id.in_(scope.conversations))
                .values(resolution_note=None)
            )
            await erase_files(conn, scope.conversations)
            await erase_parcels(conn, scope.orders)
            await erase_kept_webhooks(conn, scope.orders)  # before the order numbers go
            await conn.execute(
                update(orders)
                .where(orders.c.id.in_(scope.orders))
                .values(name=None, email=None, phone=None, tracking_number=None, tracking_url=None)
            )
            for entry in (
                await conn.execute(
                    select(audit.c.id, audit.c.detail).where(
                        audit.c.customer_id.in_(scope.customers)
                    )
                )
            ).all():
                kept = {k: v for k, v in (entry.detail or {}).items() if k in _ANONYMOUS_DETAIL}
                await conn.execute(update(audit).where(audit.c.id == entry.id).values(detail=kept))
            await conn.execute(
                update(customers)
                .where(customers.c.id.in_(scope.customers))
                .values(
                    name=FORGOTTEN_NAME,
                    platform_user_id=literal("forgotten:") + cast(customers.c.id, String),
                    email=None,
                    phone=None,
                    block_note=None,
                    forgotten_at=at,
                )
            )
            counts = {
                "identities": len(scope.customers),
                "conversations": len(scope.conversations),
                "messages": erased_messages.rowcount,
                "orders": len(scope.orders),
            }
            await audit_row(conn, actor, "forget", customer_ids[0], dict(counts), at)
            await _secure_delete(conn, previous)
        return counts

    async def reclaim_space(self) -> None:
        """Rewrite the SQLite file without free pages and empty the WAL, so erased bytes are
        really gone from disk (VACUUM cannot run inside a transaction: use the driver)."""
        if self.engine.dialect.name != "sqlite":
            return
        async with self.engine.connect() as conn:  # raw: no transaction is begun
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            await driver.execute("VACUUM")
        await self.checkpoint_wal()  # a running desk does it itself, within seconds

    async def purge_message_texts(self, before: datetime, at: datetime) -> int:
        """Erase the text of messages stored before ``before`` (the retention period), and
        the replies, translations and queued copies made from them; returns messages purged.
        Messages still waiting to be handled keep their text until they are."""
        async with self.engine.begin() as conn:
            previous = await _secure_delete(conn, True)
            old = select(messages.c.id).where(
                messages.c.created_at < before,
                messages.c.purged_at.is_(None),
                or_(messages.c.direction == "out", messages.c.processed_at.is_not(None)),
            )
            ids = [r.id for r in await conn.execute(old)]
            for chunk in _chunks(ids):
                await conn.execute(
                    update(messages)
                    .where(messages.c.id.in_(chunk))
                    .values(text="", attachment=None, purged_at=at)
                )
                await conn.execute(
                    update(suggestions)
                    .where(suggestions.c.message_id.in_(chunk), suggestions.c.status != "pending")
                    .values(reply_text=None, final_text=None, display={})
                )
            await conn.execute(
                update(outbox)
                .where(
                    outbox.c.created_at < before,
                    outbox.c.status.in_(["sent", "cancelled", "dead"]),
                    outbox.c.text != "",
                )
                .values(text="", original_text=None)
            )
            await conn.execute(delete(translations).where(translations.c.created_at < before))
            await erase_old_files(conn, before)
            await _secure_delete(conn, previous)
        return len(ids)


# audit details that say nothing about the person: kept when they are forgotten
_ANONYMOUS_DETAIL = frozenset({"reason", "intent", "identities", "suggestion", "kind"})


# what an export or erasure of a shopper reaches, said with every export and forget
SCOPE = (
    "these channel identities, their conversations (messages, replies, cards' problems and "
    "escalations) and the orders linked to them; not other chats or orders that merely "
    "share an e-mail address or phone number, which prove nothing about who controls them"
)


@dataclass(frozen=True)
class _Scope:
    customers: list[int]
    conversations: list[int]
    orders: list[int]


async def _scope(conn: AsyncConnection, customer_ids: Sequence[int]) -> _Scope:
    """The conversations and orders of these identities: their own conversations and the
    orders linked to them (proven theirs). Never orders that merely carry one of their
    e-mail addresses or phone numbers: anyone can type someone else's e-mail at checkout,
    and an export or erasure must not reach the person it belongs to."""
    ids = list(customer_ids)
    conversation_ids = [
        r.id
        for r in await conn.execute(
            select(conversations.c.id).where(conversations.c.customer_id.in_(ids))
        )
    ]
    order_ids = [
        r.id
        for r in await conn.execute(
            select(orders.c.id).where(orders.c.customer_id.in_(ids)).order_by(orders.c.id)
        )
    ]
    return _Scope(ids, conversation_ids, order_ids)


async def _texts(
    conn: AsyncConnection, conversation_ids: Sequence[int], *, inbound_only: bool = False
) -> set[str]:
    """Every text of these conversations: messages, and unless ``inbound_only`` the
    suggested, sent and queued replies and the card's translations."""
    found: set[str] = set()
    condition: ColumnElement[bool] = messages.c.conversation_id.in_(conversation_ids)
    if inbound_only:
        condition = condition & (messages.c.direction == "in")
    found |= {r.text for r in await conn.execute(select(messages.c.text).where(condition))}
    if not inbound_only:
        rows = await conn.execute(
            select(suggestions.c.reply_text, suggestions.c.final_text, suggestions.c.display).where(
                suggestions.c.conversation_id.in_(conversation_ids)
            )
        )
        for reply, final, display in rows:
            found |= {reply, final}
            found |= {v for v in (display or {}).values() if isinstance(v, str)}
        queued = await conn.execute(
            select(outbox.c.text, outbox.c.original_text).where(
                outbox.c.conversation_id.in_(conversation_ids)
            )
        )
        for text, original in queued:
            found |= {text, original}
    return {t for t in found if isinstance(t, str) and t.strip()}


async def _secure_delete(conn: AsyncConnection, on: bool) -> bool:
    """Make SQLite overwrite what a transaction erases (some builds do by default);
    returns the setting before, to restore it."""
    if conn.dialect.name != "sqlite":
        return False
    before = bool((await conn.exec_driver_sql("PRAGMA secure_delete")).scalar())
    await conn.exec_driver_sql(f"PRAGMA secure_delete={'ON' if on else 'OFF'}")
    return before


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


async def audit_row(
    conn: AsyncConnection,
    actor: str,
    action: str,
    customer_id: int | None,
    detail: dict[str, Any],
    at: datetime,
) -> None:
    """One audit row, inside the caller's transaction (never personal data in ``detail``
    beyond what staff wrote in a blocklist note, which forgetting erases)."""
    await conn.execute(
        insert(audit).values(
            at=at, actor=actor, action=action, customer_id=customer_id, detail=detail
        )
    )
