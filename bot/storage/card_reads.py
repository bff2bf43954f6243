"""Everything an inbox card shows, read in one transaction.

A card shows the shopper's message, their conversation, their profile (every identity
proven to be them, their orders and past problems) and whether the reply that answers it
waits for a translation choice. Read one query at a time, that was six or eight read
transactions per card drawn; here it is one, and everything on the card is as of the
same moment::

    facts = await store.card_facts(record.message_id, record.conversation_id, held=None)
    facts.identities[0]   # the conversation's identity; [] once it is forgotten
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.models import InboundMessage
from bot.storage.conversations import conversation_info, conversation_row
from bot.storage.customer_orders import customer_orders
from bot.storage.customer_problems import customer_problems
from bot.storage.customer_records import CustomerRecord, PastProblem
from bot.storage.customers import same_person
from bot.storage.inbox import inbound_message
from bot.storage.order_records import OrderRecord
from bot.storage.records import ConversationInfo
from bot.storage.schema import outbox

# An outbox row, by its id or by its idempotency key (``reply_key``).
type OutboxRef = int | str


@dataclass(frozen=True)
class CardFacts:
    """What ``card_facts`` read for one card."""

    message: InboundMessage
    conversation: ConversationInfo
    identities: tuple[CustomerRecord, ...]  # the shopper's, the conversation's first
    orders: tuple[OrderRecord, ...]  # linked to any of them, oldest first
    problems: tuple[PastProblem, ...]
    reply_held: bool  # the outbox row asked about waits for a translation choice


class CardQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def card_facts(
        self, message_id: int, conversation_id: int, *, held: OutboxRef | None
    ) -> CardFacts:
        """The message, conversation and profile a card shows, and whether the outbox row
        ``held`` (the reply that answers the card, when there is one) is held."""
        async with self.reader.connect() as conn:
            message = await inbound_message(conn, message_id)
            where = await conversation_row(conn, conversation_id)
            identities = await same_person(conn, where.customer_id)
            ids = [c.id for c in identities]
            linked = await customer_orders(conn, ids) if ids else []
            found = await customer_problems(conn, ids, [o.id for o in linked]) if ids else []
            reply_held = held is not None and await is_held(conn, held)
        return CardFacts(
            message,
            conversation_info(where),
            tuple(identities),
            tuple(linked),
            tuple(found),
            reply_held,
        )

    async def is_held(self, item: OutboxRef) -> bool:
        """Whether an outbox row waits for staff to choose how it goes out."""
        async with self.reader.connect() as conn:
            return await is_held(conn, item)


async def is_held(conn: AsyncConnection, item: OutboxRef) -> bool:
    """Inside a transaction: ``CardQueries.is_held``."""
    query = _HELD_BY_ID if isinstance(item, int) else _HELD_BY_KEY
    return (await conn.execute(query, {"item": item})).first() is not None


# Built once (see ``bot.storage.conversations``).
_HELD_BY_ID = select(outbox.c.id).where(outbox.c.id == bindparam("item"), outbox.c.status == "held")
_HELD_BY_KEY = select(outbox.c.id).where(
    outbox.c.idempotency_key == bindparam("item"), outbox.c.status == "held"
)
