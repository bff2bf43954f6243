"""The translation cache on the database: the same text, pair and provider is paid for once."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.schema import translations


def _key(provider: str, source: str, target: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((provider, source, target, text)).encode()).hexdigest()


class TranslationQueries:
    """Implements ``bot.translation.TranslationCache`` (``get``/``put``) on the store."""

    engine: AsyncEngine
    reader: AsyncEngine  # read-only transactions (see Store)

    async def get(self, provider: str, source: str, target: str, text: str) -> str | None:
        async with self.reader.connect() as conn:
            found = await conn.execute(
                select(translations.c.translated).where(
                    translations.c.key == _key(provider, source, target, text)
                )
            )
            return found.scalar()

    async def put(
        self, provider: str, source: str, target: str, text: str, translated: str
    ) -> None:
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(translations).values(
                        key=_key(provider, source, target, text),
                        provider=provider,
                        source=source,
                        target=target,
                        text=text,
                        translated=translated,
                        created_at=datetime.now(UTC),
                    )
                )
        except IntegrityError:  # cached meanwhile by another message
            pass
