"""What the customer queries return: a shopper's identities, past problems and the audit
of what staff did to their record, as frozen records built from table rows. Their orders
are ``OrderRecord`` (``bot.storage.order_records``), the one record every reader of
orders gets.

    customer = customer_record(row)            # a ``customers`` row
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from bot.storage.order_records import OrderRecord

# the name handlers.customer_joins still imports; the record is OrderRecord
CustomerOrder = OrderRecord


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
class PastProblem:
    """A problem the shopper had, and what became of it (None: never escalated)."""

    intent: str
    department: str
    created_at: datetime
    order_number: str | None
    escalation_status: str | None  # open | acknowledged | resolved
    root_cause: str | None
    reports: int = 1  # the shopper's messages and the desk's own findings about it


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    customer_id: int | None
    detail: dict[str, Any]


def customer_record(row: Any) -> CustomerRecord:
    return CustomerRecord(**{f.name: getattr(row, f.name) for f in fields(CustomerRecord)})
