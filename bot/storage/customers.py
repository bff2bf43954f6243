"""Customers: who they are, their orders and problems, the blocklist and opt-outs.

Each (channel, platform user id) is a row of ``customers``: one channel identity.

Who is whom, and what each identity may see (the rule every reader here keeps):

- An order links to the one identity that proved it (its number plus the e-mail or phone
  on it, ``link_customer_order``), once: an order linked to one identity is never moved to
  another or shared with it, so knowing someone's order number and e-mail later gets
  nothing once they linked it.
- Replies, profiles, export and forget read the orders linked to the identity itself,
  never orders found by an e-mail or phone.
- Identities are one person (``same_person``) only on proof the shopper controls both,
  never because they gave the same e-mail or phone: an order's e-mail is whatever the
  buyer typed at checkout, and no channel gives us a verified phone. Otherwise anyone
  could place a cheap order with someone else's e-mail, prove it, and become "the same
  person" as them (their orders, tracking numbers, messages in an export, their erasure
  in a forget). The proof is a one-time code sent to the chat that holds the order and
  typed in the other (a verified channel identity: only its owner reads it), or staff
  joining two chats themselves (``bot.storage.customer_joins``).

The e-mail or phone a shopper proved an order with is kept on their identity so staff can
find them by it (``find_customers``); it is a search key, never proof of identity.

Orders are read here directly (the ``orders`` table is filled by the order import and
webhooks). Export, erasure and retention are in ``bot.storage.customer_privacy``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.contacts import e164, normalize_email, normalize_order_number, phones_match
from bot.storage.customer_joins import CustomerJoinQueries, person_ids
from bot.storage.customer_privacy import CustomerPrivacyQueries, audit_row
from bot.storage.customer_records import (
    AuditEntry,
    CustomerOrder,
    CustomerRecord,
    PastProblem,
    customer_order,
    customer_record,
)
from bot.storage.parcels import parcels_of
from bot.storage.schema import (
    audit,
    conversations,
    customers,
    escalations,
    orders,
    problem_reports,
    problems,
)

# what a typed phone number looks like: digits, spaces, + - ( ) . (at least 8 digits)
_PHONE_LIKE = re.compile(r"\+?[\d\s().-]{8,}")
# how far a problem's escalations got: the furthest one is the problem's outcome
_STAGES = ("open", "acknowledged", "resolved")


class CustomerQueries(CustomerPrivacyQueries, CustomerJoinQueries):
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    # -- who is writing ----------------------------------------------------------------

    async def customer(self, customer_id: int) -> CustomerRecord | None:
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(select(customers).where(customers.c.id == customer_id))
            ).first()
        return None if row is None else customer_record(row)

    async def customer_of_conversation(self, conversation_id: int) -> CustomerRecord:
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(customers)
                    .join(conversations, conversations.c.customer_id == customers.c.id)
                    .where(conversations.c.id == conversation_id)
                )
            ).one()
        return customer_record(row)

    async def customer_by_identity(self, channel: str, user_id: str) -> CustomerRecord | None:
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(customers).where(
                        customers.c.channel == channel, customers.c.platform_user_id == user_id
                    )
                )
            ).first()
        return None if row is None else customer_record(row)

    async def same_person(self, customer_id: int) -> list[CustomerRecord]:
        """Every identity proven to be this shopper (joined, see the module docstring),
        this one first."""
        async with self.reader.connect() as conn:
            ids = await person_ids(conn, customer_id)
            rows = await conn.execute(select(customers).where(customers.c.id.in_(ids)))
            found = {r.id: customer_record(r) for r in rows}
        return [found[i] for i in ids if i in found]

    async def customer_conversations(self, customer_ids: Sequence[int]) -> list[int]:
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(conversations.c.id)
                .where(conversations.c.customer_id.in_(list(customer_ids)))
                .order_by(conversations.c.id)
            )
            return [r.id for r in rows]

    async def find_customers(self, text: str, limit: int = 20) -> list[CustomerRecord]:
        """Customers whose name contains ``text``, or whose e-mail or phone is ``text``
        (their own, or the one on an order linked to them)."""
        needle = text.strip()
        if not needle:
            return []
        condition: ColumnElement[bool] = customers.c.name.ilike(f"%{needle}%")
        if (email := normalize_email(needle)) and "@" in email:
            condition = or_(condition, customers.c.email == email)
        phone = _PHONE_LIKE.fullmatch(needle) is not None
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(customers)
                .where(condition, customers.c.forgotten_at.is_(None))
                .order_by(customers.c.id)
                .limit(limit)
            )
            found = {r.id: customer_record(r) for r in rows}
            if phone:  # phones are written many ways: compare them here, not in SQL
                owners = await conn.execute(
                    select(
                        customers.c.id,
                        customers.c.phone,
                        customers.c.country,
                        orders.c.phone.label("order_phone"),
                        orders.c.country.label("order_country"),
                    )
                    .select_from(
                        customers.outerjoin(orders, orders.c.customer_id == customers.c.id)
                    )
                    .where(
                        customers.c.forgotten_at.is_(None),
                        or_(customers.c.phone.is_not(None), orders.c.phone.is_not(None)),
                    )
                )
                ids = {
                    r.id
                    for r in owners
                    if phones_match(r.phone, needle, r.country)
                    or phones_match(r.order_phone, needle, r.order_country or r.country)
                }
                rows = await conn.execute(
                    select(customers).where(customers.c.id.in_(sorted(ids - set(found))))
                )
                found.update((r.id, customer_record(r)) for r in rows)
        return sorted(found.values(), key=lambda c: c.id)[:limit]

    # -- orders ------------------------------------------------------------------------

    async def find_order_numbered(self, number: str) -> CustomerOrder | None:
        """The order with this number however it is written ("#1001", "1001", "a-1001")."""
        wanted = normalize_order_number(number)
        if not wanted:
            return None
        bare = number.strip().lstrip("#")
        async with self.reader.connect() as conn:
            exact = orders.c.order_number.in_([bare, f"#{bare}"])
            rows = (await conn.execute(select(orders).where(exact))).all()
            if not rows:  # written differently: compare without "#", "-", spaces and case
                stored = func.upper(
                    func.replace(
                        func.replace(func.replace(orders.c.order_number, "#", ""), "-", ""), " ", ""
                    )
                )
                rows = (await conn.execute(select(orders).where(stored == wanted))).all()
        return customer_order(rows[0]) if len(rows) == 1 else None

    async def customer_orders(self, customer_ids: Sequence[int]) -> list[CustomerOrder]:
        """Orders linked to any of these identities, oldest first."""
        async with self.reader.connect() as conn:
            rows = (
                await conn.execute(
                    select(orders)
                    .where(orders.c.customer_id.in_(list(customer_ids)))
                    .order_by(orders.c.ordered_at, orders.c.id)
                )
            ).all()
            parcels = await parcels_of(conn, [r.id for r in rows])
        return [customer_order(r, parcels.get(r.id, ())) for r in rows]

    async def link_customer_order(
        self,
        customer_id: int,
        order_id: int,
        *,
        email: str | None = None,
        phone: str | None = None,
        country: str | None = None,
    ) -> bool:
        """The shopper proved an order is theirs: link it to this identity unless one
        already holds it (then nothing changes; False), and keep the contact detail that
        proved it (a phone in E.164, a national format read in ``country``)."""
        async with self.engine.begin() as conn:
            linked = await conn.execute(
                update(orders)
                .where(orders.c.id == order_id, orders.c.customer_id.is_(None))
                .values(customer_id=customer_id)
            )
            if linked.rowcount != 1:
                return False
            values: dict[str, Any] = {}
            if email := normalize_email(email):
                values["email"] = email
            if number := e164(phone, country):
                values["phone"] = number
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
        return True

    async def customer_problems(
        self, customer_ids: Sequence[int], order_ids: Sequence[int] = ()
    ) -> list[PastProblem]:
        """Problems (causes) these identities reported or their orders had, oldest first,
        each once however often it was reported, with what became of its escalations."""
        conversation_ids = select(conversations.c.id).where(
            conversations.c.customer_id.in_(list(customer_ids))
        )
        reported_here = exists(
            select(problem_reports.c.id).where(
                problem_reports.c.problem_id == problems.c.id,
                problem_reports.c.conversation_id.in_(conversation_ids),
            )
        )
        condition: ColumnElement[bool] = or_(
            problems.c.conversation_id.in_(conversation_ids), reported_here
        )
        if order_ids:
            condition = or_(condition, problems.c.order_id.in_(list(order_ids)))
        async with self.reader.connect() as conn:
            rows = (
                await conn.execute(
                    select(
                        problems.c.id,
                        problems.c.intent,
                        problems.c.department,
                        problems.c.created_at,
                        problems.c.order_number,
                    )
                    .where(condition)
                    .order_by(problems.c.created_at, problems.c.id)
                )
            ).all()
            reports = await conn.execute(
                select(problem_reports.c.problem_id, escalations.c.status, escalations.c.root_cause)
                .outerjoin(
                    escalations, escalations.c.suggestion_id == problem_reports.c.suggestion_id
                )
                .where(problem_reports.c.problem_id.in_([r.id for r in rows]))
            )
            counts: dict[int, int] = {}
            outcome: dict[int, tuple[str, str | None]] = {}
            for report in reports:
                counts[report.problem_id] = counts.get(report.problem_id, 0) + 1
                if report.status is None:
                    continue
                seen = outcome.get(report.problem_id)
                if seen is None or _STAGES.index(report.status) > _STAGES.index(seen[0]):
                    outcome[report.problem_id] = (report.status, report.root_cause)
        found = []
        for r in rows:
            status, cause = outcome.get(r.id, (None, None))
            found.append(
                PastProblem(
                    r.intent,
                    r.department,
                    r.created_at,
                    r.order_number,
                    status,
                    cause,
                    reports=counts.get(r.id, 1),
                )
            )
        return found

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
            await audit_row(
                conn, by, "block" if flagged else "unblock", customer_ids[0], detail, at
            )

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
            await audit_row(conn, actor, action, customer_id, detail, at)

    async def customer_audit(self, customer_ids: Sequence[int]) -> list[AuditEntry]:
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(audit)
                .where(audit.c.customer_id.in_(list(customer_ids)))
                .order_by(audit.c.at, audit.c.id)
            )
            return [
                AuditEntry(r.at, r.actor, r.action, r.customer_id, dict(r.detail or {}))
                for r in rows
            ]
