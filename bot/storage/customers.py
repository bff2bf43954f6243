"""Customers: profiles, contact details, the blocklist, opt-outs, export and erasure.

One shopper may write from several channels; each (channel, platform user id) is a row
of ``customers``. Rows sharing an e-mail address or a phone number are the same person
(``same_person``): their orders, problems and flags are read together.

Orders are read here directly (the ``orders`` table is filled by the order import and
webhooks); linking only ever sets ``orders.customer_id`` once the shopper proved the order
is theirs (``link_customer_order``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, case, delete, func, insert, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

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
    suggestions,
    translations,
)

FORGOTTEN_NAME = "(forgotten)"
_CHUNK = 500  # values per IN (...) list: far below SQLite's limit on bound parameters


# -- contact details -----------------------------------------------------------------


def normalize_email(email: str | None) -> str | None:
    """E-mail addresses compare case-insensitively, without surrounding spaces."""
    cleaned = (email or "").strip().casefold()
    return cleaned or None


def phone_digits(phone: str | None) -> str | None:
    """Digits only ("+49 151-1234 5678" -> "4915112345678"); None with fewer than 8."""
    digits = re.sub(r"\D", "", phone or "")
    return digits if len(digits) >= 8 else None


def phones_match(a: str | None, b: str | None) -> bool:
    """The same phone written two ways: without trunk or international zeros, the shorter
    number (8 digits at least) ends the longer one, so "0151 12345678" matches
    "+49 151 12345678" and a missing country code does not matter."""
    da, db = (phone_digits(p) for p in (a, b))
    if da is None or db is None:
        return False
    da, db = da.lstrip("0"), db.lstrip("0")
    short, long = sorted((da, db), key=len)
    return len(short) >= 8 and long.endswith(short)


def normalize_order_number(number: str) -> str:
    """ "#A-1001", "a1001" and "A1001" are the same order."""
    return re.sub(r"[\s#-]", "", number).upper()


# -- records -------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerRecord:
    """One channel identity of a shopper, with the flags staff and the shopper set."""

    id: int
    channel: str
    platform_user_id: str
    name: str
    language: str | None
    country: str | None
    timezone: str | None
    email: str | None
    phone: str | None
    created_at: datetime
    blocked_at: datetime | None
    block_reason: str | None
    block_note: str | None
    blocked_by: str | None
    opted_out_at: datetime | None
    forgotten_at: datetime | None


@dataclass(frozen=True)
class CustomerOrder:
    """An order as a profile and template variables need it."""

    id: int
    order_number: str
    customer_id: int | None
    email: str | None
    phone: str | None
    country: str | None
    currency: str | None
    total: float | None
    items: tuple[tuple[str, int], ...]  # (title, quantity)
    status: str
    ordered_at: datetime
    shipped_at: datetime | None
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    estimated_delivery: date | None
    delivered_at: datetime | None
    evaluation: str | None

    @property
    def shown_number(self) -> str:
        return "#" + self.order_number.lstrip("#")


@dataclass(frozen=True)
class PastProblem:
    """A problem the shopper had, and what became of it (None: never escalated)."""

    intent: str
    department: str
    created_at: datetime
    order_number: str | None
    escalation_status: str | None  # open | acknowledged | resolved
    root_cause: str | None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    customer_id: int | None
    detail: dict[str, Any]


def _customer(row: Any) -> CustomerRecord:
    return CustomerRecord(**{f.name: getattr(row, f.name) for f in fields(CustomerRecord)})


def _order(row: Any) -> CustomerOrder:
    items = tuple(
        (str(item.get("title", "")), int(item.get("quantity") or 1))
        for item in (row.items or [])
        if isinstance(item, dict)
    )
    return CustomerOrder(
        id=row.id,
        order_number=row.order_number,
        customer_id=row.customer_id,
        email=row.email,
        phone=row.phone,
        country=row.country,
        currency=row.currency,
        total=row.total,
        items=items,
        status=row.status,
        ordered_at=row.ordered_at,
        shipped_at=row.shipped_at,
        carrier=row.carrier,
        tracking_number=row.tracking_number,
        tracking_url=row.tracking_url,
        estimated_delivery=row.estimated_delivery,
        delivered_at=row.delivered_at,
        evaluation=row.evaluation,
    )


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class CustomerQueries:
    engine: AsyncEngine

    # -- who is writing ----------------------------------------------------------------

    async def customer(self, customer_id: int) -> CustomerRecord | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(customers).where(customers.c.id == customer_id))
            ).first()
        return None if row is None else _customer(row)

    async def customer_of_conversation(self, conversation_id: int) -> CustomerRecord:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(customers)
                    .join(conversations, conversations.c.customer_id == customers.c.id)
                    .where(conversations.c.id == conversation_id)
                )
            ).one()
        return _customer(row)

    async def customer_by_identity(self, channel: str, user_id: str) -> CustomerRecord | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(customers).where(
                        customers.c.channel == channel, customers.c.platform_user_id == user_id
                    )
                )
            ).first()
        return None if row is None else _customer(row)

    async def same_person(self, customer_id: int) -> list[CustomerRecord]:
        """Every identity of the shopper: this row and those with the same e-mail or phone."""
        async with self.engine.connect() as conn:
            return await _same_person(conn, customer_id)

    async def customer_conversations(self, customer_ids: Sequence[int]) -> list[int]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(conversations.c.id)
                .where(conversations.c.customer_id.in_(list(customer_ids)))
                .order_by(conversations.c.id)
            )
            return [r.id for r in rows]

    async def find_customers(self, text: str, limit: int = 20) -> list[CustomerRecord]:
        """Customers whose name contains ``text`` (or whose e-mail is ``text``)."""
        needle = text.strip()
        if not needle:
            return []
        condition: ColumnElement[bool] = customers.c.name.ilike(f"%{needle}%")
        if (email := normalize_email(needle)) and "@" in email:
            condition = or_(condition, customers.c.email == email)
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(customers)
                .where(condition, customers.c.forgotten_at.is_(None))
                .order_by(customers.c.id)
                .limit(limit)
            )
            return [_customer(r) for r in rows]

    # -- orders ------------------------------------------------------------------------

    async def find_order_numbered(self, number: str) -> CustomerOrder | None:
        """The order with this number however it is written ("#1001", "1001", "a-1001")."""
        wanted = normalize_order_number(number)
        if not wanted:
            return None
        bare = number.strip().lstrip("#")
        async with self.engine.connect() as conn:
            exact = orders.c.order_number.in_([bare, f"#{bare}"])
            rows = (await conn.execute(select(orders).where(exact))).all()
            if not rows:  # written differently: compare without "#", "-", spaces and case
                stored = func.upper(
                    func.replace(
                        func.replace(func.replace(orders.c.order_number, "#", ""), "-", ""), " ", ""
                    )
                )
                rows = (await conn.execute(select(orders).where(stored == wanted))).all()
        return _order(rows[0]) if len(rows) == 1 else None

    async def customer_orders(self, customer_ids: Sequence[int]) -> list[CustomerOrder]:
        """Orders linked to any of these identities, oldest first."""
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(orders)
                .where(orders.c.customer_id.in_(list(customer_ids)))
                .order_by(orders.c.ordered_at, orders.c.id)
            )
            return [_order(r) for r in rows]

    async def link_customer_order(
        self,
        customer_id: int,
        order_id: int,
        *,
        email: str | None = None,
        phone: str | None = None,
        country: str | None = None,
    ) -> None:
        """The shopper proved an order is theirs: link it (unless another identity of theirs
        holds it already) and keep the contact detail that proved it."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(orders)
                .where(orders.c.id == order_id, orders.c.customer_id.is_(None))
                .values(customer_id=customer_id)
            )
            values: dict[str, Any] = {}
            if email := normalize_email(email):
                values["email"] = email
            if digits := phone_digits(phone):
                values["phone"] = digits
            if values:
                await conn.execute(
                    update(customers).where(customers.c.id == customer_id).values(**values)
                )
            if country:
                await conn.execute(
                    update(customers)
                    .where(customers.c.id == customer_id, customers.c.country.is_(None))
                    .values(country=country)
                )

    async def customer_problems(
        self, customer_ids: Sequence[int], order_ids: Sequence[int] = ()
    ) -> list[PastProblem]:
        """Problems of these identities' conversations or orders, with escalation outcomes."""
        conversation_ids = select(conversations.c.id).where(
            conversations.c.customer_id.in_(list(customer_ids))
        )
        condition: ColumnElement[bool] = problems.c.conversation_id.in_(conversation_ids)
        if order_ids:
            condition = or_(condition, problems.c.order_id.in_(list(order_ids)))
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(
                    problems.c.intent,
                    problems.c.department,
                    problems.c.created_at,
                    problems.c.order_number,
                    escalations.c.status,
                    escalations.c.root_cause,
                )
                .outerjoin(escalations, escalations.c.suggestion_id == problems.c.suggestion_id)
                .where(condition)
                .order_by(problems.c.created_at, problems.c.id)
            )
            return [
                PastProblem(r.intent, r.department, r.created_at, r.order_number, r[4], r[5])
                for r in rows
            ]

    # -- flags: blocklist and opt-out ---------------------------------------------------

    async def set_customer_block(
        self,
        customer_ids: Sequence[int],
        *,
        reason: str | None,
        note: str | None,
        by: str,
        at: datetime,
    ) -> None:
        """Flag (``reason`` given) or clear the flag of these identities, with its audit row
        in the same transaction."""
        flagged = reason is not None
        async with self.engine.begin() as conn:
            await conn.execute(
                update(customers)
                .where(customers.c.id.in_(list(customer_ids)))
                .values(
                    blocked_at=at if flagged else None,
                    block_reason=reason,
                    block_note=note if flagged else None,
                    blocked_by=by if flagged else None,
                )
            )
            detail: dict[str, Any] = {"identities": list(customer_ids)}
            if reason:
                detail["reason"] = reason
            if note:
                detail["note"] = note
            await _audit(conn, by, "block" if flagged else "unblock", customer_ids[0], detail, at)

    async def set_opted_out(self, customer_ids: Sequence[int], at: datetime | None) -> None:
        """The shopper said "stop" (``at``) or "start" again (None)."""
        async with self.engine.begin() as conn:
            await conn.execute(
                update(customers)
                .where(customers.c.id.in_(list(customer_ids)))
                .values(opted_out_at=at)
            )

    async def audit_customer(
        self, actor: str, action: str, customer_id: int | None, detail: dict[str, Any], at: datetime
    ) -> None:
        async with self.engine.begin() as conn:
            await _audit(conn, actor, action, customer_id, detail, at)

    async def customer_audit(self, customer_ids: Sequence[int]) -> list[AuditEntry]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(audit)
                .where(audit.c.customer_id.in_(list(customer_ids)))
                .order_by(audit.c.at, audit.c.id)
            )
            return [
                AuditEntry(r.at, r.actor, r.action, r.customer_id, dict(r.detail or {}))
                for r in rows
            ]

    # -- privacy: export, erasure, retention -------------------------------------------

    async def customer_export(self, customer_ids: Sequence[int]) -> dict[str, list[dict[str, Any]]]:
        """Every stored row about these identities, table by table (values as stored)."""
        async with self.engine.connect() as conn:
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
            await conn.exec_driver_sql("PRAGMA secure_delete=ON")
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
                    platform_message_id=literal("forgotten:") + messages.c.id,
                    purged_at=func.coalesce(messages.c.purged_at, at),
                )
            )
            await conn.execute(
                update(suggestions)
                .where(suggestions.c.conversation_id.in_(scope.conversations))
                .values(reply_text=None, final_text=None, display={})
            )
            await conn.execute(
                update(outbox)
                .where(outbox.c.conversation_id.in_(scope.conversations))
                .values(
                    text="",
                    original_text=None,
                    last_error=None,
                    platform_message_id=None,
                    chat_id=case(
                        (outbox.c.channel == STAFF_NOTES, outbox.c.chat_id),
                        else_=literal("forgotten:") + outbox.c.conversation_id,
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
                .values(chat_id=literal("forgotten:") + conversations.c.id)
            )
            await conn.execute(
                update(problems)
                .where(
                    or_(
                        problems.c.conversation_id.in_(scope.conversations),
                        problems.c.order_id.in_(scope.orders),
                    )
                )
                .values(order_number=None, tracking_number=None)
            )
            await conn.execute(
                update(escalations)
                .where(escalations.c.conversation_id.in_(scope.conversations))
                .values(resolution_note=None)
            )
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
                    platform_user_id=literal("forgotten:") + customers.c.id,
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
            await _audit(conn, actor, "forget", customer_ids[0], dict(counts), at)
            await conn.exec_driver_sql("PRAGMA secure_delete=OFF")
        return counts

    async def reclaim_space(self) -> None:
        """Rewrite the SQLite file without free pages and empty the WAL, so erased bytes are
        really gone from disk (VACUUM cannot run inside a transaction: use the driver)."""
        if self.engine.dialect.name != "sqlite":
            return
        async with self.engine.connect() as conn:
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            await driver.execute("VACUUM")
            await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def purge_message_texts(self, before: datetime, at: datetime) -> int:
        """Erase the text of messages stored before ``before`` (the retention period), and
        the replies, translations and queued copies made from them; returns messages purged.
        Messages still waiting to be handled keep their text until they are."""
        async with self.engine.begin() as conn:
            await conn.exec_driver_sql("PRAGMA secure_delete=ON")
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
            await conn.exec_driver_sql("PRAGMA secure_delete=OFF")
        return len(ids)


# audit details that say nothing about the person: kept when they are forgotten
_ANONYMOUS_DETAIL = frozenset({"reason", "intent", "identities", "suggestion", "kind"})


@dataclass(frozen=True)
class _Scope:
    customers: list[int]
    conversations: list[int]
    orders: list[int]


async def _same_person(conn: AsyncConnection, customer_id: int) -> list[CustomerRecord]:
    row = (await conn.execute(select(customers).where(customers.c.id == customer_id))).first()
    if row is None:
        return []
    me = _customer(row)
    conditions = []
    if me.email:
        conditions.append(customers.c.email == me.email)
    if me.phone and (digits := phone_digits(me.phone)):
        conditions.append(func.substr(customers.c.phone, -8) == digits[-8:])
    found = [me]
    if conditions:
        rows = await conn.execute(
            select(customers)
            .where(or_(*conditions), customers.c.id != me.id)
            .order_by(customers.c.id)
        )
        for other in map(_customer, rows):
            if (me.email and other.email == me.email) or phones_match(me.phone, other.phone):
                found.append(other)
    return found


async def _scope(conn: AsyncConnection, customer_ids: Sequence[int]) -> _Scope:
    """The conversations and orders of these identities: orders linked to them, or carrying
    one of their e-mail addresses or phone numbers."""
    ids = list(customer_ids)
    people = [
        _customer(r) for r in await conn.execute(select(customers).where(customers.c.id.in_(ids)))
    ]
    conversation_ids = [
        r.id
        for r in await conn.execute(
            select(conversations.c.id).where(conversations.c.customer_id.in_(ids))
        )
    ]
    emails = sorted({p.email for p in people if p.email})
    phones = [p.phone for p in people if p.phone]
    contact: ColumnElement[bool] = orders.c.customer_id.in_(ids)
    if emails:
        contact = or_(contact, func.lower(orders.c.email).in_(emails))
    order_ids = {r.id for r in await conn.execute(select(orders.c.id).where(contact))}
    if phones:
        unlinked = await conn.execute(
            select(orders.c.id, orders.c.phone).where(orders.c.phone.is_not(None))
        )
        order_ids |= {r.id for r in unlinked if any(phones_match(r.phone, p) for p in phones)}
    return _Scope(ids, conversation_ids, sorted(order_ids))


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


async def _audit(
    conn: AsyncConnection,
    actor: str,
    action: str,
    customer_id: int | None,
    detail: dict[str, Any],
    at: datetime,
) -> None:
    await conn.execute(
        insert(audit).values(
            at=at, actor=actor, action=action, customer_id=customer_id, detail=detail
        )
    )
