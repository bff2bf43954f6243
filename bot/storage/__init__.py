"""Persistence: SQLAlchemy Core over an async driver (aiosqlite by default)."""

from bot.storage.records import (
    ConversationInfo,
    DeadLetter,
    HeldReply,
    OutboxItem,
    StoredInbound,
    SuggestionRecord,
)
from bot.storage.store import Store, sqlite_url

__all__ = [
    "ConversationInfo",
    "HeldReply",
    "DeadLetter",
    "OutboxItem",
    "Store",
    "StoredInbound",
    "SuggestionRecord",
    "sqlite_url",
]
