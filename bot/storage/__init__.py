"""Persistence: SQLAlchemy Core over an async driver (aiosqlite by default)."""

from bot.storage.store import OutboxItem, Store, SuggestionRecord

__all__ = ["OutboxItem", "Store", "SuggestionRecord"]
