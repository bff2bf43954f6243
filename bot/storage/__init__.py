"""Persistence: SQLAlchemy Core over an async driver (aiosqlite by default)."""

from bot.storage.records import (
    ConversationInfo,
    HeldReply,
    OutboxItem,
    StoredInbound,
    SuggestionRecord,
)
from bot.storage.store import Store, sqlite_url

__all__ = [
    "ConversationInfo",
    "HeldReply",
    "OutboxItem",
    "Store",
    "StoredInbound",
    "SuggestionRecord",
    "sqlite_url",
]
