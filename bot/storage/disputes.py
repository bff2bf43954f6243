"""Disputes settled on their cards, and what they cost (``handlers.disputes``).

A settlement is a staff decision like any other (the suggestion moves from pending once,
its reply goes through the outbox), and its cost is written in the same transaction: the
option chosen, the item value, the refund, the estimated return shipping and how much of
it was avoided by not having the item shipped back. Never one without the other::

    outbox_id = await store.settle_dispute(
        suggestion_id, user_id="U1", user_name="lee", at=now, final_text=reply,
        final_intent="damaged_item", settled=Settled("keep_refund", "EUR", 12.0, 12.0, ...),
    )
    totals = await store.disputes_settled(start, end)   # for the management digest
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.customer_privacy import audit_row
from bot.storage.decisions import AuditNote
from bot.storage.outbox import insert_outbox, reply_key
from bot.storage.schema import dispute_decisions, suggestions


@dataclass(frozen=True)
class Settled:
    """One settlement's money, as ``dispute_decisions`` keeps it."""

    option: str  # keep_refund | partial_refund | reship | return
    currency: str  # the order's: ``item_value`` and ``refund``
    item_value: float
    refund: float
    return_cost: float | None  # estimated, in ``return_currency``; None when unknown
    return_currency: str | None
    return_avoided: float  # ``return_cost`` unless the item is shipped back
    percent: int | None = None
    order_id: int | None = None


@dataclass(frozen=True)
class SettledTotal:
    """Settlements of one option in one pair of currencies over a period."""

    option: str
    count: int
    currency: str
    refunded: float
    return_currency: str | None
    avoided: float


class DisputeQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def settle_dispute(
        self,
        suggestion_id: int,
        *,
        user_id: str,
        user_name: str,
        at: datetime,
        final_text: str,
        final_intent: str,
        settled: Settled,
        audit: AuditNote | None = None,
    ) -> int | None:
        """Decide a pending card as settled, queue its reply and record the settlement
        (and a manager's ``audit`` row), in one transaction; the outbox id of the reply,
        or None when someone decided the card first (then nothing is written)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(suggestions)
                .where(suggestions.c.id == suggestion_id, suggestions.c.status == "pending")
                .values(
                    status="settled",
                    decided_by=user_id,
                    decided_by_name=user_name,
                    decided_at=at,
                    final_text=final_text,
                    final_intent=final_intent,
                )
                .returning(suggestions.c.conversation_id)
            )
            conversation_id = result.scalar_one_or_none()
            if conversation_id is None:
                return None
            outbox_id = await insert_outbox(
                conn, reply_key(suggestion_id), conversation_id, final_text, user_name, at
            )
            await conn.execute(
                insert(dispute_decisions).values(
                    suggestion_id=suggestion_id,
                    conversation_id=conversation_id,
                    order_id=settled.order_id,
                    option=settled.option,
                    percent=settled.percent,
                    currency=settled.currency,
                    item_value=settled.item_value,
                    refund=settled.refund,
                    return_cost=settled.return_cost,
                    return_currency=settled.return_currency,
                    return_avoided=settled.return_avoided,
                    decided_by=user_id,
                    decided_by_name=user_name,
                    decided_at=at,
                )
            )
            if audit is not None:
                detail = dict(audit.detail)
                await audit_row(conn, user_name, audit.action, audit.customer_id, detail, at)
        return outbox_id

    async def settlement(self, suggestion_id: int) -> Settled | None:
        """How a card was settled, if it was."""
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(dispute_decisions).where(
                        dispute_decisions.c.suggestion_id == suggestion_id
                    )
                )
            ).first()
        if row is None:
            return None
        return Settled(
            row.option,
            row.currency,
            row.item_value,
            row.refund,
            row.return_cost,
            row.return_currency,
            row.return_avoided,
            row.percent,
            row.order_id,
        )

    async def disputes_settled(self, start: datetime, end: datetime) -> tuple[SettledTotal, ...]:
        """Settlements decided in ``[start, end)``, by option and currencies."""
        d = dispute_decisions.c
        keys = (d.option, d.currency, d.return_currency)
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(*keys, func.count(), func.sum(d.refund), func.sum(d.return_avoided))
                .where(d.decided_at >= start, d.decided_at < end)
                .group_by(*keys)
                .order_by(*keys)
            )
            return tuple(
                SettledTotal(option, int(n), currency, float(refunded), ret, float(avoided))
                for option, currency, ret, n, refunded, avoided in rows
            )
