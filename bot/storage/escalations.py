"""Problems recorded against departments, escalations through their life, sent reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.models import CardRef
from bot.storage.problem_causes import (
    Cause,
    Report,
    file_report,
    fill_facts,
    order_key_of,
    withdraw_report,
)
from bot.storage.records import new_id
from bot.storage.schema import (
    conversations,
    escalations,
    problem_reports,
    problems,
    reminders,
    suggestions,
)


@dataclass(frozen=True)
class ProblemFacts:
    """What could be read from a problem report (None when unknown)."""

    order_number: str | None = None
    product: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class EscalationRecord:
    id: int
    suggestion_id: int
    conversation_id: int
    department: str
    intent: str
    status: str
    opened_by: str
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    root_cause: str | None
    resolution_note: str | None
    card: CardRef | None
    facts: ProblemFacts


class EscalationQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def record_problem(
        self,
        suggestion_id: int,
        *,
        department: str,
        intent: str,
        language: str | None,
        facts: ProblemFacts,
        at: datetime,
    ) -> int:
        """File the card's report under the problem of its cause (see ``problem_causes``):
        a second report of the same cause joins it instead of counting again. A correction
        (staff chose another problem answer or escalated elsewhere) moves only this report;
        the same intent again only adds what the text tells. Returns the problem's id.

        Filed by another process at the same moment (PostgreSQL), the card's report is
        refused by its unique key; then it is filed again, and finds the other's report."""
        try:
            return await self._record_problem(
                suggestion_id, department, intent, language, facts, at
            )
        except IntegrityError:
            return await self._record_problem(
                suggestion_id, department, intent, language, facts, at
            )

    async def _record_problem(
        self,
        suggestion_id: int,
        department: str,
        intent: str,
        language: str | None,
        facts: ProblemFacts,
        at: datetime,
    ) -> int:
        async with self.engine.begin() as conn:
            chat = (
                await conn.execute(
                    select(suggestions.c.conversation_id, conversations.c.channel)
                    .join(conversations, conversations.c.id == suggestions.c.conversation_id)
                    .where(suggestions.c.id == suggestion_id)
                )
            ).one()
            current = (
                await conn.execute(
                    select(problems.c.id, problems.c.department, problems.c.intent)
                    .join(problem_reports, problem_reports.c.problem_id == problems.c.id)
                    .where(problem_reports.c.suggestion_id == suggestion_id)
                )
            ).first()
            known = {k: v for k, v in facts.__dict__.items() if v is not None}
            key = order_key_of(facts.order_number)
            if current is not None and (current.department, current.intent) == (department, intent):
                await fill_facts(conn, current.id, {"order_key": key, **known})
                return int(current.id)
            if current is not None:
                await withdraw_report(conn, suggestion_id)
            return await file_report(
                conn,
                Report(chat.conversation_id, "shopper", at, suggestion_id=suggestion_id),
                Cause(department, intent, order_key=key),
                channel=chat.channel,
                language=language,
                facts=known,
            )

    async def forget_problem(self, suggestion_id: int) -> None:
        """Staff said it was not a problem after all (they chose a non-problem answer): the
        card's report leaves its problem; other reports of the same cause still count."""
        async with self.engine.begin() as conn:
            await withdraw_report(conn, suggestion_id)

    async def open_escalation(
        self, suggestion_id: int, department: str, intent: str, opened_by: str, at: datetime
    ) -> int | None:
        """Open an escalation for a suggestion once; None when it already exists."""
        try:
            async with self.engine.begin() as conn:
                conversation_id = (
                    await conn.execute(
                        select(suggestions.c.conversation_id).where(
                            suggestions.c.id == suggestion_id
                        )
                    )
                ).scalar_one()
                result = await conn.execute(
                    insert(escalations).values(
                        suggestion_id=suggestion_id,
                        conversation_id=conversation_id,
                        department=department,
                        intent=intent,
                        status="open",
                        opened_by=opened_by,
                        created_at=at,
                    )
                )
        except IntegrityError:
            return None
        return new_id(result)

    async def escalation(self, escalation_id: int) -> EscalationRecord | None:
        rows = await self._escalations(escalations.c.id == escalation_id)
        return rows[0] if rows else None

    async def open_escalations(self, department: str | None = None) -> list[EscalationRecord]:
        condition = escalations.c.status != "resolved"
        if department:
            condition = condition & (escalations.c.department == department)
        return await self._escalations(condition)

    async def _escalations(self, condition: object) -> list[EscalationRecord]:
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(
                    escalations,
                    problems.c.order_number,
                    problems.c.product,
                    problems.c.carrier,
                    problems.c.tracking_number,
                    problems.c.country,
                )
                .outerjoin(
                    problem_reports,
                    problem_reports.c.suggestion_id == escalations.c.suggestion_id,
                )
                .outerjoin(problems, problems.c.id == problem_reports.c.problem_id)
                .where(condition)  # type: ignore[arg-type]
                .order_by(escalations.c.created_at)
            )
            return [
                EscalationRecord(
                    id=r.id,
                    suggestion_id=r.suggestion_id,
                    conversation_id=r.conversation_id,
                    department=r.department,
                    intent=r.intent,
                    status=r.status,
                    opened_by=r.opened_by,
                    created_at=r.created_at,
                    acknowledged_at=r.acknowledged_at,
                    acknowledged_by=r.acknowledged_by,
                    resolved_at=r.resolved_at,
                    resolved_by=r.resolved_by,
                    root_cause=r.root_cause,
                    resolution_note=r.resolution_note,
                    card=CardRef(r.card_channel, r.card_ts) if r.card_ts else None,
                    facts=ProblemFacts(
                        r.order_number, r.product, r.carrier, r.tracking_number, r.country
                    ),
                )
                for r in rows
            ]

    async def set_escalation_card(self, escalation_id: int, card: CardRef) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(escalations)
                .where(escalations.c.id == escalation_id)
                .values(card_channel=card.channel, card_ts=card.ts)
            )

    async def acknowledge(self, escalation_id: int, by: str, at: datetime) -> bool:
        """Only an open escalation can be acknowledged (a second click changes nothing)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(escalations)
                .where(escalations.c.id == escalation_id, escalations.c.status == "open")
                .values(status="acknowledged", acknowledged_at=at, acknowledged_by=by)
            )
            return result.rowcount == 1

    async def resolve(
        self, escalation_id: int, by: str, at: datetime, root_cause: str, note: str
    ) -> bool:
        """Resolve once, with its root cause; an unacknowledged one counts as acknowledged now."""
        async with self.engine.begin() as conn:
            current = (
                await conn.execute(
                    select(escalations.c.acknowledged_at).where(escalations.c.id == escalation_id)
                )
            ).scalar()
            result = await conn.execute(
                update(escalations)
                .where(escalations.c.id == escalation_id, escalations.c.status != "resolved")
                .values(
                    status="resolved",
                    resolved_at=at,
                    resolved_by=by,
                    root_cause=root_cause,
                    resolution_note=note,
                    acknowledged_at=current or at,
                    acknowledged_by=escalations.c.acknowledged_by if current else by,
                )
            )
            return result.rowcount == 1

    async def reminder_sent(self, subject: str, kind: str, at: datetime) -> bool:
        """Claim a reminder before sending it: False when it was sent already (even before a
        restart), so reminders are never repeated."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(insert(reminders).values(subject=subject, kind=kind, sent_at=at))
        except IntegrityError:
            return False
        return True
