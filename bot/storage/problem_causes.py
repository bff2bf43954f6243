"""One problem per cause: which problem a new report belongs to.

A shopper who writes twice about the same broken mug, or complains about a late order
BorderDesk had already noticed, reports one problem, not two: counting both would flag
them "at risk" and show the order twice in the department's digest. So a report joins an
open problem about the same cause when there is one, whatever arrived first:

- same department and intent, and the same order: by order id, or by order number however
  written (``normalize_order_number``: "#A-1001" and "a1001" alike). A late parcel and a
  lost one are one intent here (``SAME_PARCEL``): a shopper whose late order's tracking
  has not moved for days calls it lost, while BorderDesk noticed it as late; it is the
  same parcel not arriving, and the problem keeps the intent it was first filed under;
- otherwise, when no order is known on one side, a problem of the same department and
  intent with a report from the same conversation within ``SAME_CAUSE_WINDOW`` (14 days,
  either side: a correction may file an older report after a newer one). Two weeks cover
  a shopper writing again about a parcel that still has not come, and keep a new
  mishap a month later a new problem.

A problem is open until an escalation of one of its reports is resolved: a report after
that is a new problem (the fix did not hold, or it is another mishap). A report that
leaves (staff corrected its intent, or said it was no problem) leaves alone; a problem
left without reports is deleted. Callers hold a write transaction (``engine.begin()``)::

    problem_id = await file_report(conn, Report(conversation_id, "shopper", at, suggestion_id),
                                   Cause("logistics", "delivery_delay", order_key="10398"),
                                   channel="telegram", language="es", facts={"carrier": "DHL"})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage.contacts import normalize_order_number
from bot.storage.records import new_id
from bot.storage.schema import escalations, problem_filings, problem_reports, problems

SAME_CAUSE_WINDOW = timedelta(days=14)
# Intents that name one cause, the parcel not arriving, in different words.
SAME_PARCEL = frozenset({"delivery_delay", "lost_package"})
FACT_FIELDS = ("order_number", "product", "carrier", "tracking_number", "country")


@dataclass(frozen=True)
class Report:
    """One report of a problem: a shopper's card (``suggestion_id``) or the desk's own."""

    conversation_id: int
    source: str  # "shopper" | "order"
    created_at: datetime
    suggestion_id: int | None = None
    order_id: int | None = None  # the order BorderDesk found late
    noticed_intent: str | None = None  # what it found: once per order (a unique key)


@dataclass(frozen=True)
class Cause:
    """What makes two reports one problem."""

    department: str
    intent: str
    order_id: int | None = None
    order_key: str | None = None

    @property
    def has_order(self) -> bool:
        return self.order_id is not None or self.order_key is not None


def order_key_of(number: str | None) -> str | None:
    """The key an order number is compared by; None when there is none."""
    return (normalize_order_number(number) or None) if number else None


def is_open() -> ColumnElement[bool]:
    """No escalation of any of the problem's reports is resolved (correlated to ``problems``)."""
    resolved = (
        select(problem_reports.c.id)
        .join(escalations, escalations.c.suggestion_id == problem_reports.c.suggestion_id)
        .where(problem_reports.c.problem_id == problems.c.id, escalations.c.status == "resolved")
    )
    return ~exists(resolved)


async def file_report(
    conn: AsyncConnection,
    report: Report,
    cause: Cause,
    *,
    channel: str,
    language: str | None,
    facts: Mapping[str, Any],
) -> int:
    """Add ``report`` to the open problem of its cause, or to a new one; the problem's id.

    ``facts`` (order number, product, carrier, tracking number, country) fill what the
    problem did not know yet; what it knew stays."""
    held = await _hold_causes(conn, report, cause)
    problem_id = await _same_cause(conn, report, cause)
    known = {name: value for name, value in facts.items() if value is not None}
    if problem_id is None:
        problem_id = new_id(
            await conn.execute(
                insert(problems).values(
                    conversation_id=report.conversation_id,
                    order_id=cause.order_id,
                    order_key=cause.order_key,
                    source=report.source,
                    department=cause.department,
                    intent=cause.intent,
                    channel=channel,
                    language=language,
                    created_at=report.created_at,
                    **known,
                )
            )
        )
    else:
        await fill_facts(
            conn, problem_id, {"order_id": cause.order_id, "order_key": cause.order_key, **known}
        )
    await conn.execute(
        insert(problem_reports).values(
            problem_id=problem_id,
            suggestion_id=report.suggestion_id,
            conversation_id=report.conversation_id,
            order_id=report.order_id,
            source=report.source,
            created_at=report.created_at,
            noticed_intent=report.noticed_intent,
        )
    )
    await _settle(conn, problem_id)
    await conn.execute(delete(problem_filings).where(problem_filings.c.cause.in_(held)))
    return problem_id


async def _hold_causes(conn: AsyncConnection, report: Report, cause: Cause) -> list[str]:
    """Take the report's causes (its order by id and by number, its conversation) for the
    rest of the transaction; the caller lets go of them before it commits.

    Finding the problem a report joins is a search, and two processes on PostgreSQL (READ
    COMMITTED) could each find none and each file a new problem. A row per cause in
    ``problem_filings`` keeps them apart: the second process's insert of the same cause
    waits until the first has committed (and deleted it), and its search, a new statement,
    then finds the first one's problem. In one order (sorted), so two filings never wait
    for each other. On SQLite the write lock already takes filings in turn."""
    kind = "parcel" if cause.intent in SAME_PARCEL else cause.intent
    prefix = f"{cause.department}/{kind}/"
    causes = {f"{prefix}conversation/{report.conversation_id}"}
    if cause.order_id is not None:
        causes.add(f"{prefix}order/{cause.order_id}")
    if cause.order_key is not None:
        causes.add(f"{prefix}number/{cause.order_key}")
    held = sorted({name[:255] for name in causes})
    for name in held:
        await conn.execute(insert(problem_filings).values(cause=name))
    return held


async def fill_facts(conn: AsyncConnection, problem_id: int, values: Mapping[str, Any]) -> None:
    """Set the problem's unknown columns among ``values``; known ones are kept."""
    filled = {
        name: func.coalesce(problems.c[name], value)
        for name, value in values.items()
        if value is not None
    }
    if filled:
        await conn.execute(update(problems).where(problems.c.id == problem_id).values(**filled))


async def withdraw_report(conn: AsyncConnection, suggestion_id: int) -> None:
    """Take the card's report out of its problem (other reports stay where they are)."""
    problem_id = await conn.scalar(
        select(problem_reports.c.problem_id).where(problem_reports.c.suggestion_id == suggestion_id)
    )
    if problem_id is None:
        return
    await conn.execute(
        delete(problem_reports).where(problem_reports.c.suggestion_id == suggestion_id)
    )
    await _settle(conn, problem_id)


async def _same_cause(conn: AsyncConnection, report: Report, cause: Cause) -> int | None:
    """The open problem ``report`` is about, by order first, then by conversation."""
    intents = SAME_PARCEL if cause.intent in SAME_PARCEL else {cause.intent}
    same_kind = (
        (problems.c.department == cause.department)
        & problems.c.intent.in_(sorted(intents))
        & is_open()
    )
    latest = (problems.c.created_at.desc(), problems.c.id.desc())
    if cause.has_order:
        same_order = []
        if cause.order_id is not None:
            same_order.append(problems.c.order_id == cause.order_id)
        if cause.order_key is not None:
            same_order.append(problems.c.order_key == cause.order_key)
        found = await conn.scalar(
            select(problems.c.id).where(same_kind, or_(*same_order)).order_by(*latest).limit(1)
        )
        if found is not None:
            return int(found)
    nearby = exists(
        select(problem_reports.c.id).where(
            problem_reports.c.problem_id == problems.c.id,
            problem_reports.c.conversation_id == report.conversation_id,
            problem_reports.c.created_at >= report.created_at - SAME_CAUSE_WINDOW,
            problem_reports.c.created_at <= report.created_at + SAME_CAUSE_WINDOW,
        )
    )
    condition = same_kind & nearby
    if cause.has_order:  # a problem about another order is another cause
        condition = condition & problems.c.order_id.is_(None) & problems.c.order_key.is_(None)
    found = await conn.scalar(select(problems.c.id).where(condition).order_by(*latest).limit(1))
    return None if found is None else int(found)


async def _settle(conn: AsyncConnection, problem_id: int) -> None:
    """After a report came or went: the problem dates from its first report, is a shopper's
    when any report is, and is gone when none is left."""
    first = (
        await conn.execute(
            select(problem_reports.c.conversation_id, problem_reports.c.created_at)
            .where(problem_reports.c.problem_id == problem_id)
            .order_by(problem_reports.c.created_at, problem_reports.c.id)
            .limit(1)
        )
    ).first()
    if first is None:
        await conn.execute(delete(problems).where(problems.c.id == problem_id))
        return
    by_shopper = await conn.scalar(
        select(func.count()).where(
            problem_reports.c.problem_id == problem_id, problem_reports.c.source == "shopper"
        )
    )
    await conn.execute(
        update(problems)
        .where(problems.c.id == problem_id)
        .values(
            created_at=first.created_at,
            conversation_id=first.conversation_id,
            source="shopper" if by_shopper else "order",
        )
    )
