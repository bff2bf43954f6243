"""The size cap on what a shopper sends: a text over ``MAX_INBOUND_TEXT`` is cut, kept whole.

Longer than any platform lets a person type (Telegram: 4,096): a longer text is a client's
or a relay's doing, and handling megabytes (language, intent, a Slack card) would stall
intake. The message is stored with the start of its text and a note saying where the whole
text is, a processed row of the same conversation (so it is exported and erased with it,
and never counted as a message of its own).

    text = await cut_to_size(conn, message, conversation_id)   # while storing the message
    cut_note(text)   # "The shopper's message was cut at 8,192 of 524,288 characters; ..."
"""

from __future__ import annotations

import re

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import InboundMessage
from bot.storage.records import new_id
from bot.storage.schema import messages

MAX_INBOUND_TEXT = 8192
FULL_TEXT = "full_text"  # hold_reason of the row keeping an oversized message whole

_CUT_NOTE = re.compile(r" … \[(cut at [\d,]+ of [\d,]+ characters; [^\]]+)\]\Z")


async def cut_to_size(conn: AsyncConnection, msg: InboundMessage, conversation_id: int) -> str:
    """The text to handle: ``msg.text``, or its start with a note saying where the whole
    text is kept (a row this inserts in the transaction storing the message)."""
    if len(msg.text) <= MAX_INBOUND_TEXT:
        return msg.text
    kept = new_id(
        await conn.execute(
            insert(messages).values(
                conversation_id=conversation_id,
                direction="in",
                channel=msg.channel,
                platform_message_id=f"{msg.platform_message_id}:{FULL_TEXT}",
                kind=msg.kind.value,
                text=msg.text,
                author=msg.user_name,
                created_at=msg.received_at,
                processed_at=msg.received_at,
                hold_reason=FULL_TEXT,
            )
        )
    )
    return (
        f"{msg.text[:MAX_INBOUND_TEXT]} … [cut at {MAX_INBOUND_TEXT:,} of {len(msg.text):,} "
        f"characters; the whole text is kept as message {kept}]"
    )


def cut_note(text: str) -> str | None:
    """The note at the end of a text ``cut_to_size`` cut, for staff; None if not cut."""
    found = _CUT_NOTE.search(text[-200:])
    return f"The shopper's message was {found.group(1)}." if found else None
