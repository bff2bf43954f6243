"""What platforms report of the replies sent: recorded, shown on the card, a failure told.

A channel that hears back about the messages it sent (WhatsApp's status webhooks, through
``DeliveryReporting``) hands the reports here before it answers its platform. Each is
recorded against its outbox row (``bot.storage.delivery_statuses``); then:

- a reply reported delivered or read: its card is redrawn, so its decision line says so
  ("Sent by Lee at 10:02 UTC · delivered 10:03 UTC, read 10:05 UTC");
- a reply reported failed (sent, yet never delivered: 131026 undeliverable, 131049 Meta's
  choice...): it is now a dead letter with the platform's reason, and staff are told
  under the card as for any reply the outbox gave up on (``on_dead``), with the retry
  command.

A report about no reply of ours (another tool on the same number) is logged and left; one
that overtook the recording of its send is kept, and applied through
``delivery_recorded`` when the outbox records the send (``OutboxWorker.on_delivery``).

    await record_deliveries(ctx, reports, on_dead=runtime.delivery_failed)
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from bot.context import Context
from bot.errors import ChannelError
from bot.models import DeliveryReport
from bot.storage import OutboxItem
from bot.storage.delivery_statuses import Recorded
from bot.storage.outbox import reply_key
from handlers.card_decisions import redraw

logger = logging.getLogger(__name__)

DeadHandler = Callable[[OutboxItem, str], Awaitable[None]]
CARD_REPLY = reply_key(0).removesuffix("0")  # the key prefix of a card's reply
REDRAWN = frozenset({"sent", "auto_sent", "edited", "replaced", "answered"})


async def record_deliveries(
    ctx: Context, reports: Sequence[DeliveryReport], on_dead: DeadHandler
) -> None:
    """Record each report, redraw the cards whose replies moved on, and tell staff of each
    reply that failed. Raises when storage fails (the platform then sends them again)."""
    for report in reports:
        found = await ctx.store.record_delivery(report, now=ctx.clock())
        if found is None:
            logger.info(
                "%s status %s of %s: nothing to show of a reply yet (a piece of a longer "
                "one, a send still being recorded, or no message of ours: kept a day)",
                report.channel,
                report.state,
                report.platform_message_id,
            )
            continue
        await delivery_recorded(ctx, found, on_dead)


async def delivery_recorded(ctx: Context, found: Recorded, on_dead: DeadHandler) -> None:
    """Redraw the card of a reply whose delivery moved on, or tell staff of a reply that
    failed: after a report, or when the outbox recorded a send its platform had reported
    on already (``OutboxWorker.on_delivery``)."""
    if found.newly_dead:
        reason = f"{found.item.channel} could not deliver it: {found.delivery.reason}"
        await on_dead(found.item, reason)
    if found.changed and found.delivery.state != "sent" and found.key.startswith(CARD_REPLY):
        await _redraw(ctx, int(found.key.removeprefix(CARD_REPLY)))


async def _redraw(ctx: Context, suggestion_id: int) -> None:
    """Redraw the card with its reply's delivery. Only cards whose decision line is
    rebuilt whole from what is stored: an escalation's department and a settlement's
    option are said once, when decided, and a redraw here would drop them."""
    record = await ctx.store.suggestion(suggestion_id)
    if record is None or record.status not in REDRAWN:
        return
    try:  # recorded already: a card not redrawn now shows it at its next redraw
        await redraw(ctx, suggestion_id)
    except ChannelError as exc:
        logger.warning("card %s not redrawn with its delivery: %s", suggestion_id, exc)
