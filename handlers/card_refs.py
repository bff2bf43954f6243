"""An action from a card of an earlier database is refused: a card acts on its own rows.

Buttons and dialogs name a row by its id (a suggestion, an escalation, a held reply), and
ids start again after a database reset or come back after a restore: an Edit on an old
card once sent "your refund ... approved" to a different shopper. So an action that comes
with the card it was clicked on (Slack: the clicked message; a dialog: the card it was
opened from) must name the card stored for its row. A mismatch changes nothing, is logged,
and the clicker is told privately. Actions that name no card (the terminal chat, the
demo) address their rows directly and are not checked.

    record = await with_card(lambda: ctx.store.suggestion(number), lambda r: r.card)
    if not await same_card(ctx, action, record.card if record else None, f"suggestion {number}"):
        return

A card is posted first and its place recorded right after, so a click in between (a
quick one, or Slack's order of delivery) waits up to ``CARD_RECORD_GRACE`` seconds for
the record, as a reply in its thread does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.context import Context
from bot.models import CardRef, StaffAction

logger = logging.getLogger(__name__)
CARD_RECORD_GRACE = 5.0  # seconds, as long as a reply in its thread waits (thread_replies)

STALE_CARD_NOTE = (
    "This card is from an earlier database: BorderDesk's data was reset or restored "
    "since it was posted, so it was not used and nothing was sent. Answer from the "
    "card of this message in the inbox."
)


async def with_card[Row](
    read: Callable[[], Awaitable[Row | None]], card_of: Callable[[Row], CardRef | None]
) -> Row | None:
    """The row ``read`` gives, re-read until its card is recorded or the grace is over."""
    row = await read()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + CARD_RECORD_GRACE
    while row is not None and card_of(row) is None and loop.time() < deadline:
        await asyncio.sleep(0.1)
        row = await read()
    return row


async def same_card(
    ctx: Context,
    action: StaffAction,
    stored: CardRef | None,
    what: str,
    *,
    clicked: CardRef | None = None,
) -> bool:
    """True when the action may act on ``what``: it names no card, or the card stored for
    it (``stored``; None when there is no such row or it has no card yet). ``clicked`` is
    the card to compare when it is not ``action.card`` (a confirmation's thread root)."""
    clicked = clicked or action.card
    if clicked is None or clicked == stored:
        return True
    logger.warning(
        "%s by %s refused: clicked on card %s/%s, but %s is on %s (a card from an "
        "earlier database)",
        action.kind.value,
        action.user_id,
        clicked.channel,
        clicked.ts,
        what,
        f"{stored.channel}/{stored.ts}" if stored else "no card",
    )
    await ctx.workspace.tell(action.user_id, action.card or clicked, STALE_CARD_NOTE)
    return False
