"""Files staff attach to replies: stored with the reply, so sending never needs Slack again.

A file is fetched from the workspace when staff write the reply and saved here in the same
transaction that queues the reply (``OutboxQueries.enqueue(..., files=...)``). The outbox
then sends it like any reply — retries, pacing, per-chat order, dead letters — even if
Slack is down by then or the file was deleted there.

    stored = await store.attachment(item.attachment_id)
    await channel.send_file(item.chat_id, stored.name, stored.data, stored.mimetype)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.storage.records import Attachment, new_id
from bot.storage.schema import attachments

MAX_NAME = 256  # the column's width; longer names keep their extension
MAX_MIMETYPE = 128


@dataclass(frozen=True)
class NewFile:
    """A fetched file about to be stored with its reply."""

    name: str
    mimetype: str
    data: bytes


class AttachmentQueries:
    engine: AsyncEngine
    reader: AsyncEngine

    async def attachment(self, attachment_id: int) -> Attachment | None:
        async with self.reader.connect() as conn:
            row = (
                await conn.execute(select(attachments).where(attachments.c.id == attachment_id))
            ).first()
        if row is None:
            return None
        return Attachment(row.id, row.name, row.mimetype, bytes(row.data))


async def insert_attachment(conn: AsyncConnection, file: NewFile, at: datetime) -> int:
    """Store a file inside the caller's transaction (the one queueing its reply)."""
    result = await conn.execute(
        insert(attachments).values(
            name=fit_name(file.name),
            mimetype=(file.mimetype or "application/octet-stream")[:MAX_MIMETYPE],
            size=len(file.data),
            data=file.data,
            created_at=at,
        )
    )
    return new_id(result)


def fit_name(name: str) -> str:
    """A file name that fits the column, keeping its extension (the shopper's phone opens
    the file by it)."""
    name = name.strip() or "file"
    if len(name) <= MAX_NAME:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 16:
        return name[:MAX_NAME]
    return stem[: MAX_NAME - len(extension) - 1] + "." + extension
