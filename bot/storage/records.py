"""What the store hands back: small frozen records, never SQLAlchemy rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.models import CardRef, ChatType, Notice, Suggestion
from bot.notes import NoteKind


@dataclass(frozen=True)
class StoredInbound:
    """An inbound message as stored: ids plus whether it was new (False for a duplicate)."""

    message_id: int
    conversation_id: int
    is_new: bool


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    channel: str
    chat_id: str
    customer_name: str
    language: str | None
    card: CardRef | None
    # a group's replies never carry one person's order data; NULL in old rows: private
    chat_type: ChatType = ChatType.PRIVATE


@dataclass(frozen=True)
class SuggestionRecord:
    """A stored suggestion with its card and outcome."""

    id: int
    message_id: int
    conversation_id: int
    suggestion: Suggestion
    status: str
    card: CardRef | None
    decided_by_name: str | None
    decided_at: datetime | None
    final_text: str | None
    created_at: datetime
    display: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OutboxItem:
    id: int
    conversation_id: int
    channel: str
    chat_id: str
    text: str
    author: str | None
    attempts: int
    parts_sent: int = 0  # pieces delivered (the attached file, when there is one, is piece 0)
    attachment_id: int | None = None  # a file staff attached, sent before the text
    note_kind: NoteKind | None = None  # a note for staff: its kind (its text is the body)
    notice: Notice | None = None  # a proactive notice: its kind and values (see Notice)


@dataclass(frozen=True)
class Attachment:
    """A file staff attached to a reply, as stored (fetched when the reply was written)."""

    id: int
    name: str
    mimetype: str
    data: bytes


@dataclass(frozen=True)
class HeldText:
    """A message held back during a flood, shown to staff later with the others."""

    id: int
    kind: str
    text: str
    attachment: str | None


@dataclass(frozen=True)
class DeadLetter:
    """A message the outbox gave up on, kept with its error until staff retry it."""

    id: int
    conversation_id: int
    channel: str
    chat_id: str
    text: str
    attempts: int
    error: str
    created_at: datetime


def new_id(result: Any) -> int:
    """The primary key an INSERT just created."""
    return int(result.inserted_primary_key[0])


def suggestion_record(row: Any) -> SuggestionRecord:
    suggestion = Suggestion(
        language=row.language,
        intent=row.intent,
        confidence=row.confidence,
        top=tuple((str(i), float(s)) for i, s in row.top),
        department=row.department,
        is_problem=row.is_problem,
        reply=row.reply_text,
        reply_language=row.reply_language,
    )
    card = CardRef(row.card_channel, row.card_ts) if row.card_ts else None
    return SuggestionRecord(
        id=row.id,
        message_id=row.message_id,
        conversation_id=row.conversation_id,
        suggestion=suggestion,
        status=row.status,
        card=card,
        decided_by_name=row.decided_by_name,
        decided_at=row.decided_at,
        final_text=row.final_text,
        created_at=row.created_at,
        display=dict(row.display or {}),
    )


@dataclass(frozen=True)
class HeldReply:
    """A reply staff wrote in their own language, translated, waiting for their confirmation."""

    id: int
    key: str
    conversation_id: int
    text: str  # the translation (or what staff wrote, when translation failed)
    original_text: str | None
