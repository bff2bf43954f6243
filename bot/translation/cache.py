"""Where translations are remembered, so the same text is never paid for twice.

The production cache lives in the database; this module only fixes the seam and offers a
dictionary-backed one for tests and one-off commands such as ``borderdesk translate``.
"""

from __future__ import annotations

from typing import Protocol


class TranslationCache(Protocol):
    """Translations keyed by provider, language pair and the original text.

    The text is the one the caller passed in (before protected terms are masked), so a key
    reads like what staff see. Implementations may raise; the translator logs and carries on.

        cache = MemoryTranslationCache()
        await cache.put("google", "es", "en", "Hola", "Hello")
        await cache.get("google", "es", "en", "Hola")   # 'Hello'
    """

    async def get(self, provider: str, source: str, target: str, text: str) -> str | None: ...

    async def put(
        self, provider: str, source: str, target: str, text: str, translated: str
    ) -> None: ...


class MemoryTranslationCache:
    """A TranslationCache in a dict: lives as long as the process."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str, str, str], str] = {}

    async def get(self, provider: str, source: str, target: str, text: str) -> str | None:
        return self.entries.get((provider, source, target, text))

    async def put(
        self, provider: str, source: str, target: str, text: str, translated: str
    ) -> None:
        self.entries[provider, source, target, text] = translated
