"""What proactive messages need: orders due a notice, and problems BorderDesk noticed.

``proactive_orders`` reads, in a handful of queries, everything ``handlers.proactive.rules``
decides on: each recent order with its customer (zone, language, opt-out, flag), the chat
to write to, which notices were already queued, and the customer's unresolved problems.
``record_order_problem`` reports a late order to logistics like a shopper would, joining
the shopper's own report of it if there is one, so it lands once in the digest::

    orders = await store.proactive_orders(since=now - LOOKBACK)
    await store.record_order_problem(order.id, order.conversation_id, at=now)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.config import PROACTIVE_KINDS
from bot.models import CardRef, ChatType
from bot.orders.shipments import Parcel
from bot.storage.parcels import parcels_of, with_columns_parcel
from bot.storage.problem_causes import Cause, Report, file_report, is_open, order_key_of
from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    orders,
    outbox,
    problem_reports,
    problems,
)

DELAY_INTENT = "delivery_delay"  # replies/library/delivery_delay.yaml, department logistics
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def notice_key(kind: str, order_id: int) -> str:
    """The outbox key of a proactive notice: one per kind and order, ever."""
    return f"proactive:{kind}:{order_id}"


@dataclass(frozen=True)
class OpenProblem:
    """Something the shopper reported, or an escalation, that is not resolved yet."""

    created_at: datetime
    order_id: int | None = None
    order_number: str | None = None


@dataclass(frozen=True)
class ProactiveOrder:
    """An order linked to a customer, with what deciding on its notices needs."""

    id: int
    order_number: str
    status: str  # created | paid | shipped | delivered | cancelled
    ordered_at: datetime
    customer_id: int
    customer_name: str
    name: str | None = None  # as written on the order
    country: str | None = None  # shipping country
    language: str | None = None  # of the order (the shop's checkout language)
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    estimated_delivery: date | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    customer_language: str | None = None
    customer_country: str | None = None
    customer_timezone: str | None = None
    opted_out: bool = False
    blocked: bool = False
    forgotten: bool = False
    channel_blocked: bool = False  # the shopper blocked the bot on their chat app
    conversation_id: int | None = None  # the chat to write to: the customer's latest private one
    chat_type: str | None = None  # of that chat: "private" (or None, older rows) or "group"
    conversation_language: str | None = None
    card: CardRef | None = None  # the conversation's inbox card, for notes to staff
    parcels: tuple[Parcel, ...] = ()  # every parcel, cancelled ones too
    sent: frozenset[str] = frozenset()  # notice kinds already queued for this order
    delay_recorded: bool = False  # its late delivery is already counted for logistics
    open_problems: tuple[OpenProblem, ...] = ()  # of the customer, any order


class ProactiveQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def proactive_orders(self, since: datetime) -> list[ProactiveOrder]:
        """Orders placed since ``since``, linked to a customer and not cancelled.

        The chat to write to is the customer's latest private one: a group chat is never
        written to with order details (its members are not all the buyer)."""
        latest_chat = (
            select(conversations.c.id)
            .where(
                conversations.c.customer_id == customers.c.id,
                or_(
                    conversations.c.chat_type.is_(None),
                    conversations.c.chat_type == ChatType.PRIVATE.value,
                ),
            )
            .order_by(conversations.c.updated_at.desc(), conversations.c.id.desc())
            .limit(1)
            .correlate(customers)
            .scalar_subquery()
        )
        async with self.reader.connect() as conn:
            rows = (
                await conn.execute(
                    select(
                        orders,
                        customers.c.name.label("customer_name"),
                        customers.c.language.label("customer_language"),
                        customers.c.country.label("customer_country"),
                        customers.c.timezone.label("customer_timezone"),
                        customers.c.opted_out_at,
                        customers.c.blocked_at,
                        customers.c.forgotten_at,
                        customers.c.channel_blocked_at,
                        latest_chat.label("conversation_id"),
                    )
                    .join(customers, customers.c.id == orders.c.customer_id)
                    .where(orders.c.ordered_at >= since, orders.c.status != "cancelled")
                    .order_by(orders.c.id)
                )
            ).all()
            if not rows:
                return []
            chats = await _chats(conn, {r.conversation_id for r in rows} - {None})
            sent = await _sent(conn, [r.id for r in rows])
            recorded = await _delays_recorded(conn, [r.id for r in rows])
            open_problems = await _open_problems(conn, {r.customer_id for r in rows})
            parcels = await parcels_of(conn, [r.id for r in rows])
        return [
            _order(
                row,
                with_columns_parcel(row, parcels.get(row.id, ())),
                chats.get(row.conversation_id),
                sent.get(row.id, frozenset()),
                row.id in recorded,
                open_problems.get(row.customer_id, ()),
            )
            for row in rows
        ]

    async def record_order_problem(
        self,
        order_id: int,
        conversation_id: int,
        *,
        department: str = "logistics",
        intent: str = DELAY_INTENT,
        at: datetime,
    ) -> bool:
        """Report a problem BorderDesk noticed on an order (no shopper message behind it:
        a report without a card, ``source`` 'order'); once per order and intent. True when
        reported now, False when it was already.

        It joins the shopper's own report of the same cause when there is one (see
        ``problem_causes``), so a late order the shopper complained about counts once. The
        order's number, carrier, tracking number, country and first product fill what the
        problem did not know, so the digest's "same carrier again" counts include it.
        """
        try:
            async with self.engine.begin() as conn:
                if await _noticed(conn, order_id, intent):
                    return False
                await _file_order_report(conn, order_id, conversation_id, department, intent, at)
        except IntegrityError:
            # another process (PostgreSQL) reported it meanwhile, and the unique key of
            # (order, noticed intent) refused this second report; anything else is raised
            async with self.reader.connect() as conn:
                if await _noticed(conn, order_id, intent):
                    return False
            raise
        return True


async def _noticed(conn: AsyncConnection, order_id: int, intent: str) -> bool:
    """Whether BorderDesk reported ``intent`` on the order already."""
    found = await conn.scalar(
        select(problem_reports.c.id).where(
            problem_reports.c.order_id == order_id, problem_reports.c.noticed_intent == intent
        )
    )
    return found is not None


async def _file_order_report(
    conn: AsyncConnection,
    order_id: int,
    conversation_id: int,
    department: str,
    intent: str,
    at: datetime,
) -> None:
    order = (await conn.execute(select(orders).where(orders.c.id == order_id))).one()
    chat = (
        await conn.execute(
            select(conversations.c.channel, conversations.c.language).where(
                conversations.c.id == conversation_id
            )
        )
    ).one()
    await file_report(
        conn,
        Report(conversation_id, "order", at, order_id=order_id, noticed_intent=intent),
        Cause(department, intent, order_id, order_key_of(order.order_number)),
        channel=chat.channel,
        language=chat.language or order.language,
        facts={
            "country": order.country,
            "order_number": order.order_number.strip().lstrip("#"),  # as in reports
            "product": _first_product(order.items),
            "carrier": order.carrier,
            "tracking_number": order.tracking_number,
        },
    )


def _chunks[T](values: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


async def _chats(conn: AsyncConnection, ids: Iterable[int]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for chunk in _chunks(sorted(ids)):
        rows = await conn.execute(
            select(
                conversations.c.id,
                conversations.c.language,
                conversations.c.card_channel,
                conversations.c.card_ts,
                conversations.c.chat_type,
            ).where(conversations.c.id.in_(chunk))
        )
        found.update((r.id, r) for r in rows)
    return found


async def _sent(conn: AsyncConnection, order_ids: Sequence[int]) -> dict[int, frozenset[str]]:
    """Notice kinds already in the outbox, by order (whatever became of them since)."""
    by_key = {notice_key(kind, i): (i, kind) for i in order_ids for kind in PROACTIVE_KINDS}
    sent: dict[int, set[str]] = {}
    for chunk in _chunks(list(by_key)):
        keys = await conn.scalars(
            select(outbox.c.idempotency_key).where(outbox.c.idempotency_key.in_(chunk))
        )
        for key in keys:
            order_id, kind = by_key[key]
            sent.setdefault(order_id, set()).add(kind)
    return {i: frozenset(kinds) for i, kinds in sent.items()}


async def _delays_recorded(conn: AsyncConnection, order_ids: Sequence[int]) -> set[int]:
    recorded: set[int] = set()
    for chunk in _chunks(order_ids):
        recorded.update(
            await conn.scalars(
                select(problem_reports.c.order_id).where(
                    problem_reports.c.order_id.in_(chunk),
                    problem_reports.c.noticed_intent == DELAY_INTENT,
                )
            )
        )
    return recorded


async def _open_problems(
    conn: AsyncConnection, customer_ids: Iterable[int]
) -> dict[int, tuple[OpenProblem, ...]]:
    """Per customer: problems they reported that no resolved escalation closed (a report
    staff only answered stays open), once per problem however often reported, and
    unresolved escalations of anything else. Late orders only BorderDesk noticed are not
    counted: the delivery settles them."""
    found: dict[int, list[OpenProblem]] = {}
    for chunk in _chunks(sorted(customer_ids)):
        reports = await conn.execute(
            select(
                conversations.c.customer_id,
                problems.c.created_at,
                problems.c.order_id,
                problems.c.order_number,
            )
            .distinct()
            .select_from(problem_reports)
            .join(problems, problems.c.id == problem_reports.c.problem_id)
            .join(conversations, conversations.c.id == problem_reports.c.conversation_id)
            .where(
                conversations.c.customer_id.in_(chunk),
                problem_reports.c.source != "order",
                is_open(),
            )
        )
        others = await conn.execute(
            select(conversations.c.customer_id, escalations.c.created_at)
            .join(conversations, conversations.c.id == escalations.c.conversation_id)
            .outerjoin(
                problem_reports, problem_reports.c.suggestion_id == escalations.c.suggestion_id
            )
            .where(
                conversations.c.customer_id.in_(chunk),
                escalations.c.resolved_at.is_(None),
                problem_reports.c.id.is_(None),
            )
        )
        for report in reports:
            found.setdefault(report.customer_id, []).append(
                OpenProblem(report.created_at, report.order_id, report.order_number)
            )
        for escalation in others:
            found.setdefault(escalation.customer_id, []).append(OpenProblem(escalation.created_at))
    return {customer: tuple(items) for customer, items in found.items()}


def _first_product(items: Any) -> str | None:
    for item in items or ():
        if isinstance(item, dict) and str(item.get("title") or "").strip():
            return str(item["title"]).strip()[:128]
    return None


def _order(
    row: Any,
    parcels: tuple[Parcel, ...],
    chat: Any,
    sent: frozenset[str],
    delay_recorded: bool,
    open_problems: Sequence[OpenProblem],
) -> ProactiveOrder:
    return ProactiveOrder(
        id=row.id,
        order_number=row.order_number,
        status=row.status,
        ordered_at=row.ordered_at,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        name=row.name,
        country=row.country,
        language=row.language,
        shipped_at=row.shipped_at,
        delivered_at=row.delivered_at,
        estimated_delivery=row.estimated_delivery,
        carrier=row.carrier,
        tracking_number=row.tracking_number,
        tracking_url=row.tracking_url,
        customer_language=row.customer_language,
        customer_country=row.customer_country,
        customer_timezone=row.customer_timezone,
        opted_out=row.opted_out_at is not None,
        blocked=row.blocked_at is not None,
        forgotten=row.forgotten_at is not None,
        channel_blocked=row.channel_blocked_at is not None,
        conversation_id=None if chat is None else chat.id,
        chat_type=None if chat is None else chat.chat_type,
        parcels=parcels,
        conversation_language=None if chat is None else chat.language,
        card=None if chat is None or not chat.card_ts else CardRef(chat.card_channel, chat.card_ts),
        sent=sent,
        delay_recorded=delay_recorded,
        open_problems=tuple(open_problems),
    )
