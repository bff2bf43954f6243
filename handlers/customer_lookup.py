"""Which shopper a person means: by id, name, e-mail, phone or order number.

Staff and store owners never see internal ids unless a command showed them one; they know
a shopper as "Ana", "ana@example.es", "+34 612 345 678" or "#1001". One lookup serves
``/borderdesk customer``, ``block``/``unblock`` and ``borderdesk customer export|forget``::

    found, why_not = await find_customers(store, "#1001")
    # ([CustomerRecord(id=12, name="Ana García", ...)], None)
"""

from __future__ import annotations

from bot.ids import positive_id
from bot.storage import Store
from bot.storage.customer_records import CustomerRecord


async def find_customers(store: Store, query: str) -> tuple[list[CustomerRecord], str | None]:
    """Customers an id (also "id:12"), "#order number", order number, e-mail, phone or
    part of a name names; (customers, None), or ([], why not) when the answer is not a
    customer (an order nobody has linked yet)."""
    text = query.strip()
    if text.lower().startswith("id:") and (number := positive_id(text[3:].strip())) is not None:
        customer = await store.customer(number)
        return ([customer] if customer else []), None
    found: dict[int, CustomerRecord] = {}
    order = await store.order_by_number(text) if any(c.isdigit() for c in text) else None
    if order is not None:
        if order.customer_id is None:
            return [], (
                f"Order {order.shown_number} is not linked to a shopper yet: it links when "
                "they write its number with the e-mail or phone on it."
            )
        linked = await store.customer(order.customer_id)
        if linked is not None:
            found[linked.id] = linked
    if (number := positive_id(text)) is not None and (
        by_id := await store.customer(number)
    ) is not None:
        found.setdefault(by_id.id, by_id)
    if not text.startswith("#") and not found:
        found.update((c.id, c) for c in await store.find_customers(text))
    return list(found.values()), None
