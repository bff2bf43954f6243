"""Which orders are a shopper's: linking an order to the identity that proved it, and
reading the orders linked to a person.

The rule is the one ``bot.storage.customers`` draws: an order links once, to the first
identity that proves it (its number plus the e-mail or phone on it, checked by
``handlers.order_links``), and is never moved to another identity or shared with it;
readers ask for the orders of identities, never for orders found by an e-mail or phone::

    linked = await store.link_customer_order(customer_id, order_id, email="ana@example.es")
    orders = await store.customer_orders(await store.person_ids(customer_id))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.orders.matching import e164, normalize_email, phones_match
from bot.storage.order_records import OrderRecord, order_record
from bot.storage.parcels import parcels_of
from bot.storage.schema import customers, orders


class CustomerOrderQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def customer_orders(self, customer_ids: Sequence[int]) -> list[OrderRecord]:
        """Orders linked to any of these identities, oldest first."""
        async with self.reader.connect() as conn:
            return await customer_orders(conn, customer_ids)

    async def orders_with_phone(self, phone: str) -> list[OrderRecord]:
        """Orders placed with this full number (E.164, "+5511987654321"), however the shop
        wrote it, oldest first, linked to someone or not: what a number the platform
        verified proves (``handlers.order_links.link_by_vouched_phone``)."""
        number = e164(phone)
        if number is None:
            return []
        # the shop keeps a phone without punctuation (``clean_phone``) but maybe in national
        # form: its last digits narrow the search in SQL, the one phone rule decides
        async with self.reader.connect() as conn:
            rows = (
                await conn.execute(
                    select(orders.c.id, orders.c.phone, orders.c.country).where(
                        orders.c.phone.endswith(number[-6:], autoescape=True)
                    )
                )
            ).all()
            ids = [r.id for r in rows if phones_match(r.phone, number, r.country)]
            found = await conn.execute(
                select(orders)
                .where(orders.c.id.in_(ids))
                .order_by(orders.c.ordered_at, orders.c.id)
            )
            found_rows = found.all()
            parcels = await parcels_of(conn, ids)
        return [order_record(r, parcels.get(r.id, ())) for r in found_rows]

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


# Built once (see ``bot.storage.conversations``).
_LINKED = (
    select(orders)
    .where(orders.c.customer_id.in_(bindparam("ids", expanding=True)))
    .order_by(orders.c.ordered_at, orders.c.id)
)


async def customer_orders(conn: AsyncConnection, customer_ids: Sequence[int]) -> list[OrderRecord]:
    """Inside a transaction: ``CustomerOrderQueries.customer_orders``."""
    rows = (await conn.execute(_LINKED, {"ids": list(customer_ids)})).all()
    if not rows:
        return []
    parcels = await parcels_of(conn, [r.id for r in rows])
    return [order_record(r, parcels.get(r.id, ())) for r in rows]
