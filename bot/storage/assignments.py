"""Who owns a conversation, since when, and every change of owner (issue 19).

A conversation's owner is one agent (a Slack user id of the desk file's ``agents:``) or
nobody (the inbox's, as before agents existed). Every change is a row of ``assignments``
written in the same transaction as the owner it sets, so the history never disagrees
with the present: what the round robin gave, who took, reassigned or released a card::

    await store.set_owner(7, "U0AIKO0001", AUTO, by="borderdesk", at=now, suggestion_id=12)
    owner = await store.owner_of(7)           # Ownership("U0AIKO0001", since=now)
    await store.set_owner(7, None, RELEASE, by="U0AIKO0001", at=later)
    [event.action for event in await store.assignment_history(7)]   # ["auto", "release"]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import assignments, conversation_owners

AUTO = "auto"  # the round robin among agents on shift who read the shopper's language
TAKE = "take"  # an agent clicked Take it
REASSIGN = "reassign"  # someone gave the conversation to another agent
RELEASE = "release"  # back to the inbox
ACTIONS = frozenset({AUTO, TAKE, REASSIGN, RELEASE})
DESK = "borderdesk"  # ``by`` of the round robin's assignments
_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Ownership:
    """A conversation's owner now, and since when."""

    owner_id: str
    since: datetime


@dataclass(frozen=True)
class AssignmentEvent:
    """One change of a conversation's owner (``owner_id`` None: released)."""

    id: int
    conversation_id: int
    suggestion_id: int | None
    owner_id: str | None
    action: str
    by_id: str
    at: datetime


class AssignmentQueries:
    engine: AsyncEngine
    reader: AsyncEngine

    async def owner_of(self, conversation_id: int) -> Ownership | None:
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(
                    select(conversation_owners.c.owner_id, conversation_owners.c.since).where(
                        conversation_owners.c.conversation_id == conversation_id
                    )
                )
            ).first()
        return None if row is None else Ownership(row.owner_id, row.since)

    async def owners(self, conversation_ids: Sequence[int]) -> dict[int, Ownership]:
        """The owners of these conversations (those without one are left out)."""
        found: dict[int, Ownership] = {}
        ids = list(dict.fromkeys(conversation_ids))
        async with self.reader.connect() as conn:
            for start in range(0, len(ids), _CHUNK):
                rows = await conn.execute(
                    select(conversation_owners).where(
                        conversation_owners.c.conversation_id.in_(ids[start : start + _CHUNK])
                    )
                )
                for row in rows:
                    found[row.conversation_id] = Ownership(row.owner_id, row.since)
        return found

    async def set_owner(
        self,
        conversation_id: int,
        owner_id: str | None,
        action: str,
        *,
        by: str,
        at: datetime,
        suggestion_id: int | None = None,
    ) -> bool:
        """Give the conversation to ``owner_id`` (None: release it) and record who did it;
        False, and nothing written, when that is already its owner, or when another process
        gave the unowned conversation an owner at the same moment (two Take it clicks)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown assignment action {action!r}; one of {sorted(ACTIONS)}")
        try:
            return await self._set_owner(conversation_id, owner_id, action, by, at, suggestion_id)
        except IntegrityError:  # the other insert of the first owner won
            return False

    async def _set_owner(
        self,
        conversation_id: int,
        owner_id: str | None,
        action: str,
        by: str,
        at: datetime,
        suggestion_id: int | None,
    ) -> bool:
        async with self.engine.begin() as conn:
            current = (
                await conn.execute(
                    select(conversation_owners.c.owner_id).where(
                        conversation_owners.c.conversation_id == conversation_id
                    )
                )
            ).scalar()
            if current == owner_id:
                return False
            mine = conversation_owners.c.conversation_id == conversation_id
            if owner_id is None:
                await conn.execute(delete(conversation_owners).where(mine))
            elif current is None:
                await conn.execute(
                    insert(conversation_owners).values(
                        conversation_id=conversation_id, owner_id=owner_id, since=at
                    )
                )
            else:
                await conn.execute(
                    update(conversation_owners).where(mine).values(owner_id=owner_id, since=at)
                )
            await conn.execute(
                insert(assignments).values(
                    conversation_id=conversation_id,
                    suggestion_id=suggestion_id,
                    owner_id=owner_id,
                    action=action,
                    by_id=by,
                    at=at,
                )
            )
        return True

    async def last_auto_assigned(self) -> dict[str, datetime]:
        """When the round robin last gave each agent a conversation (its turn order)."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(assignments.c.owner_id, func.max(assignments.c.at))
                .where(assignments.c.action == AUTO, assignments.c.owner_id.is_not(None))
                .group_by(assignments.c.owner_id)
            )
            return {owner: at for owner, at in rows}

    async def assignment_history(self, conversation_id: int) -> list[AssignmentEvent]:
        """Every change of the conversation's owner, oldest first."""
        async with self.reader.connect() as conn:
            rows = await conn.execute(
                select(assignments)
                .where(assignments.c.conversation_id == conversation_id)
                .order_by(assignments.c.id)
            )
            return [
                AssignmentEvent(
                    r.id, r.conversation_id, r.suggestion_id, r.owner_id, r.action, r.by_id, r.at
                )
                for r in rows
            ]
