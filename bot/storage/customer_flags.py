"""Flags on a shopper: the blocklist staff keep, the opt-out the shopper sets, and the
audit of what staff did to their record.

A flag is set on identities (every identity of the person, as the caller decides) with
its audit row in the same transaction, so the record of who flagged whom can never be
missing::

    await store.set_customer_block(ids, reason="extortion", note=None, by="U01", at=now)
    await store.set_opted_out(ids, now)      # "stop"; None again on "start"
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.customer_privacy import audit_row
from bot.storage.customer_records import AuditEntry
from bot.storage.schema import audit, customers


class CustomerFlagQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

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
