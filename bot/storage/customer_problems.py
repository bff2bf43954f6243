"""A shopper's past problems, and what became of each, for profiles and the at-risk rule.

A problem is a cause (``bot.storage.problem_causes``), counted once however often it was
reported: the shopper writing twice about one late parcel, which BorderDesk also noticed,
is one problem with three reports. Its outcome is the furthest its escalations got::

    found = await store.customer_problems(identity_ids, [order.id for order in linked])
    # [PastProblem("delivery_delay", "logistics", ..., escalation_status="resolved", reports=3)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, bindparam, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.customer_records import PastProblem
from bot.storage.schema import conversations, escalations, problem_reports, problems

# how far a problem's escalations got: the furthest one is the problem's outcome
_STAGES = ("open", "acknowledged", "resolved")


class CustomerProblemQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def customer_problems(
        self, customer_ids: Sequence[int], order_ids: Sequence[int] = ()
    ) -> list[PastProblem]:
        """Problems (causes) these identities reported or their orders had, oldest first,
        each once however often it was reported, with what became of its escalations."""
        async with self.reader.connect() as conn:
            return await customer_problems(conn, customer_ids, order_ids)


def _problems(with_orders: bool) -> Select[Any]:
    """Problems of the identities ``customer_ids`` (and, ``with_orders``, of ``order_ids``),
    built once (see ``bot.storage.conversations``)."""
    conversation_ids = select(conversations.c.id).where(
        conversations.c.customer_id.in_(bindparam("customer_ids", expanding=True))
    )
    reported_here = exists(
        select(problem_reports.c.id).where(
            problem_reports.c.problem_id == problems.c.id,
            problem_reports.c.conversation_id.in_(conversation_ids),
        )
    )
    condition = or_(problems.c.conversation_id.in_(conversation_ids), reported_here)
    if with_orders:
        order_ids = bindparam("order_ids", type_=problems.c.order_id.type, expanding=True)
        condition = or_(condition, problems.c.order_id.in_(order_ids))
    return (
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


_PROBLEMS = _problems(with_orders=False)
_PROBLEMS_WITH_ORDERS = _problems(with_orders=True)
_REPORTS = (
    select(problem_reports.c.problem_id, escalations.c.status, escalations.c.root_cause)
    .outerjoin(escalations, escalations.c.suggestion_id == problem_reports.c.suggestion_id)
    .where(problem_reports.c.problem_id.in_(bindparam("problem_ids", expanding=True)))
)


async def customer_problems(
    conn: AsyncConnection, customer_ids: Sequence[int], order_ids: Sequence[int] = ()
) -> list[PastProblem]:
    """Inside a transaction: ``CustomerProblemQueries.customer_problems``."""
    params = {"customer_ids": list(customer_ids)}
    if order_ids:
        query, params = _PROBLEMS_WITH_ORDERS, params | {"order_ids": list(order_ids)}
    else:
        query = _PROBLEMS
    rows = (await conn.execute(query, params)).all()
    if not rows:
        return []
    reports = await conn.execute(_REPORTS, {"problem_ids": [r.id for r in rows]})
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
