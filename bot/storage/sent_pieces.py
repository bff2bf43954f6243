"""Each message a reply went out in, by its platform's id, and what was reported of it.

A reply the outbox cut in pieces (a long text, a file before its text) went out as
several platform messages, each with an id and statuses of its own (WhatsApp). Each
piece's row (``sent_pieces``) holds its id and the furthest state reported of it; the
reply's delivery is their sum (``bot.storage.delivery_statuses.settle``).

A report may come before the outbox has recorded the piece it is about (Meta posts the
status webhook while the send call is still being answered): it is kept in a row without
an outbox row (``keep_unclaimed``), which the outbox takes over when it records the piece
(``record_piece``). One about no message of ours at all (another tool on the same number)
is never taken over, and is dropped after ``KEEP_UNCLAIMED``.

Only channels that report deliveries have their pieces recorded: Telegram's message ids
are not even unique across chats.

    await record_piece(conn, "whatsapp", "wamid.HBg...", outbox_id=12, piece=0, now=now)
    if await waiting_report(conn, "whatsapp", "wamid.HBg..."):
        ...  # a report came first: settle the reply's delivery now
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage.schema import sent_pieces

# how long a report about no message the outbox recorded is kept for its send to appear
KEEP_UNCLAIMED = timedelta(days=1)


@dataclass(frozen=True)
class PieceState:
    """The furthest a piece got, as its platform reported it."""

    state: str  # sent | delivered | read | failed
    delivered_at: datetime | None = None
    read_at: datetime | None = None
    reason: str = ""  # failed: the platform's words


async def record_piece(
    conn: AsyncConnection,
    channel: str,
    platform_message_id: str,
    outbox_id: int,
    piece: int,
    *,
    now: datetime,
) -> bool:
    """The outbox sent piece ``piece`` (0 first) of row ``outbox_id`` as
    ``platform_message_id``: its row, taking over a report that came before it; True when
    such a report was waiting (``settle`` then applies it)."""
    found = await find_piece(conn, channel, platform_message_id)
    if found is None:
        await conn.execute(
            insert(sent_pieces).values(
                channel=channel,
                platform_message_id=platform_message_id,
                outbox_id=outbox_id,
                piece=piece,
                updated_at=now,
            )
        )
        return False
    await conn.execute(
        update(sent_pieces)
        .where(sent_pieces.c.id == found.id)
        .values(outbox_id=outbox_id, piece=piece, updated_at=now)
    )
    return found.state is not None


async def waiting_report(conn: AsyncConnection, channel: str, platform_message_id: str) -> bool:
    """Whether a report about ``platform_message_id`` came before its send was recorded."""
    found = await find_piece(conn, channel, platform_message_id)
    return found is not None and found.outbox_id is None


async def find_piece(conn: AsyncConnection, channel: str, platform_message_id: str) -> Any:
    """The row of the piece its platform calls ``platform_message_id``, or None."""
    query = select(sent_pieces).where(
        sent_pieces.c.channel == channel,
        sent_pieces.c.platform_message_id == platform_message_id,
    )
    return (await conn.execute(query)).first()


async def set_piece_state(
    conn: AsyncConnection, piece_id: int, state: PieceState, *, now: datetime
) -> None:
    """What was last reported of the piece ``piece_id``."""
    await conn.execute(
        update(sent_pieces)
        .where(sent_pieces.c.id == piece_id)
        .values(
            state=state.state,
            delivered_at=state.delivered_at,
            read_at=state.read_at,
            reason=state.reason or None,
            updated_at=now,
        )
    )


async def keep_unclaimed(
    conn: AsyncConnection,
    channel: str,
    platform_message_id: str,
    state: PieceState,
    *,
    now: datetime,
) -> None:
    """Keep a report whose send is not recorded (yet), and drop those kept longer than
    ``KEEP_UNCLAIMED``: their send will never be recorded."""
    await conn.execute(
        delete(sent_pieces).where(
            sent_pieces.c.outbox_id.is_(None), sent_pieces.c.updated_at < now - KEEP_UNCLAIMED
        )
    )
    await conn.execute(
        insert(sent_pieces).values(
            channel=channel,
            platform_message_id=platform_message_id,
            state=state.state,
            delivered_at=state.delivered_at,
            read_at=state.read_at,
            reason=state.reason or None,
            updated_at=now,
        )
    )
