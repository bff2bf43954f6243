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
  never because they gave the same e-mail or phone: an order's e-mail or phone is
  whatever the buyer typed at checkout. Otherwise anyone could place a cheap order with
  someone else's e-mail or number, prove it, and become "the same person" as them (their
  orders, tracking numbers, messages in an export, their erasure in a forget). A WhatsApp
  identity's phone is verified (by Meta) and proves the orders placed with it that no
  identity proved before (``handlers.order_links``), but a match with another identity's
  phone proves nothing: that one came from such an order. The proof is a one-time code
  sent to the chat that holds the order and typed in the other (a verified channel
  identity: only its owner reads it), or staff joining two chats themselves
  (``bot.storage.customer_joins``).

The e-mail or phone a shopper proved an order with is kept on their identity so staff can
find them by it (``find_customers``); it is a search key, never proof of identity. A phone
the platform vouches for (``InboundMessage.phone``: the number a WhatsApp shopper writes
from) is kept instead of any other (``bot.storage.intake``).

The queries are split by idea: who is writing and whom staff mean (here), which orders
are theirs (``bot.storage.customer_orders``; the ``orders`` table is filled by the order
import and webhooks), their past problems (``bot.storage.customer_problems``), the flags
on them (``bot.storage.customer_flags``), joins (``bot.storage.customer_joins``), and
export, erasure and retention (``bot.storage.customer_privacy``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from bot.orders.matching import looks_like_phone, normalize_email, phones_match
from bot.storage.customer_flags import CustomerFlagQueries
from bot.storage.customer_joins import CustomerJoinQueries, person_ids
from bot.storage.customer_orders import CustomerOrderQueries
from bot.storage.customer_privacy import CustomerPrivacyQueries
from bot.storage.customer_problems import CustomerProblemQueries
from bot.storage.customer_records import CustomerRecord, customer_record
from bot.storage.schema import conversations, customers, orders


class CustomerQueries(
    CustomerOrderQueries,
    CustomerProblemQueries,
    CustomerFlagQueries,
    CustomerPrivacyQueries,
    CustomerJoinQueries,
):
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def customer(self, customer_id: int) -> CustomerRecord | None:
        """The shopper with this id; None for an id no row can have (a phone number typed
        where an id may be: PostgreSQL refuses a parameter past its 32-bit integers)."""
        if not 0 < customer_id < 2**31:
            return None
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(select(customers).where(customers.c.id == customer_id))
            ).first()
        return None if row is None else customer_record(row)

    async def customer_of_conversation(self, conversation_id: int) -> CustomerRecord:
        async with self.reader.connect() as conn:
            return await customer_of_conversation(conn, conversation_id)

    async def person_of_conversation(self, conversation_id: int) -> list[CustomerRecord]:
        """``same_person`` of the shopper behind a conversation, in one read (one query
        for a shopper not joined with another chat)."""
        async with self.reader.connect() as conn:
            found = await conn.execute(_OF_CONVERSATION, {"conversation_id": conversation_id})
            row = found.one()
            if row.person_id is None:
                return [customer_record(row)]
            return await same_person(conn, row.id)

    async def customer_by_identity(self, channel: str, user_id: str) -> CustomerRecord | None:
        async with self.reader.connect() as conn:
            found = await conn.execute(_BY_IDENTITY, {"channel": channel, "user_id": user_id})
            row = found.first()
        return None if row is None else customer_record(row)

    async def same_person(self, customer_id: int) -> list[CustomerRecord]:
        """Every identity proven to be this shopper (joined, see the module docstring),
        this one first."""
        async with self.reader.connect() as conn:
            return await same_person(conn, customer_id)

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
        phone = looks_like_phone(needle)
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


# Built once (see ``bot.storage.conversations``).
_OF_CONVERSATION = (
    select(customers)
    .join(conversations, conversations.c.customer_id == customers.c.id)
    .where(conversations.c.id == bindparam("conversation_id"))
)
_BY_IDENTITY = select(customers).where(
    customers.c.channel == bindparam("channel"),
    customers.c.platform_user_id == bindparam("user_id"),
)
_BY_IDS = select(customers).where(customers.c.id.in_(bindparam("ids", expanding=True)))


async def customer_of_conversation(conn: AsyncConnection, conversation_id: int) -> CustomerRecord:
    """Inside a transaction: ``CustomerQueries.customer_of_conversation``."""
    found = await conn.execute(_OF_CONVERSATION, {"conversation_id": conversation_id})
    return customer_record(found.one())


async def same_person(conn: AsyncConnection, customer_id: int) -> list[CustomerRecord]:
    """Inside a transaction: ``CustomerQueries.same_person``."""
    ids = await person_ids(conn, customer_id)
    rows = await conn.execute(_BY_IDS, {"ids": ids})
    found = {r.id: customer_record(r) for r in rows}
    return [found[i] for i in ids if i in found]
