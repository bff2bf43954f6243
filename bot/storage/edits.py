"""Edited shopper messages: every version is a stored message of its own.

An edit is stored like any message (persist first, deduplicated on its own platform id)
with ``messages.edit_of`` pointing at the original's row, so the shopper's words as first
sent are never overwritten and staff can see what changed. These queries read a message's
earlier versions, each with the suggestion made for it, so a correction can be shown
against the version before it and a stale pending suggestion can be closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import messages, suggestions


@dataclass(frozen=True)
class MessageVersion:
    """The original message or one of its edits, with the suggestion made for it (if any)."""

    message_id: int
    kind: str
    text: str
    attachment: str | None
    processed: bool
    held: bool  # held during a flood: shown to staff with the others, no card of its own
    suggestion_id: int | None
    suggestion_status: str | None
    intent: str | None


class EditQueries:
    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def versions_before(self, edit_id: int) -> list[MessageVersion]:
        """The versions of the message ``edit_id`` corrects, oldest first and older than
        it; [] when ``edit_id`` is not an edit of a stored message."""
        async with self.reader.connect() as conn:
            original = (
                await conn.execute(select(messages.c.edit_of).where(messages.c.id == edit_id))
            ).scalar()
            if original is None:
                return []
            rows = await conn.execute(
                select(
                    messages.c.id,
                    messages.c.kind,
                    messages.c.text,
                    messages.c.attachment,
                    messages.c.processed_at,
                    messages.c.hold_reason,
                    suggestions.c.id.label("suggestion_id"),
                    suggestions.c.status,
                    suggestions.c.intent,
                )
                .outerjoin(suggestions, suggestions.c.message_id == messages.c.id)
                .where(
                    or_(messages.c.id == original, messages.c.edit_of == original),
                    messages.c.id < edit_id,
                )
                .order_by(messages.c.id)
            )
            return [
                MessageVersion(
                    message_id=r.id,
                    kind=r.kind,
                    text=r.text,
                    attachment=r.attachment,
                    processed=r.processed_at is not None,
                    held=r.hold_reason is not None,
                    suggestion_id=r.suggestion_id,
                    suggestion_status=r.status,
                    intent=r.intent,
                )
                for r in rows
            ]
