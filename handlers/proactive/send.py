"""Sending the order notices that are due (``handlers.proactive.rules`` says which), and
the rating questions of conversations resolved since (``handlers.proactive.rating``).

The runtime calls ``send_proactive`` every minute. Each notice is rendered in the
shopper's language from the store's notice texts and queued in the outbox under a key of
its own, so it goes out once, whatever restarts or double runs happen. A late order is
also counted as a logistics problem (for the department digest) and noted under the
shopper's inbox card, if they have one::

    queued = await send_proactive(ctx, ctx.clock())
"""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.models import Notice
from bot.notes import NoteKind
from bot.storage.proactive import ProactiveOrder
from handlers.notes import note_for_staff
from handlers.order_links import format_day
from handlers.proactive.rating import ask_for_ratings
from handlers.proactive.rules import (
    LOOKBACK,
    Due,
    ProactiveSettings,
    due_notices,
    late_orders,
    may_notify,
    shopper_country,
    shopper_language,
)
from handlers.shipments import parcel_variables, undelivered_names

AUTHOR = "BorderDesk"


async def send_proactive(ctx: Context, now: datetime) -> int:
    """Record late orders for logistics, then queue the notices due at ``now``; returns
    how many notices were queued."""
    settings = ProactiveSettings.from_config(ctx.config)
    orders = await ctx.store.proactive_orders(since=now - LOOKBACK)
    for order in late_orders(orders, now, settings):
        await _record_delay(ctx, order, settings, now)
    queued = 0
    for due in due_notices(orders, now, settings):
        if await _queue(ctx, due, now):
            queued += 1
    queued += await ask_for_ratings(ctx, now)  # its own rules, the same quiet hours and stop
    if queued:
        ctx.wake_outbox()
    return queued


def notice_variables(order: ProactiveOrder, language: str) -> dict[str, str]:
    """The order's values for the notice texts; unknown ones are left empty (tidied away)."""
    names = (order.customer_name or order.name or "").split()
    estimate = order.estimated_delivery
    return {
        "shopper_name": names[0] if names else "",
        "order_number": order.order_number.lstrip("#"),  # the texts write "#{order_number}"
        **parcel_variables(order.parcels),  # every parcel of a split shipment
        "estimated_delivery": format_day(estimate, language) if estimate else "",
    }


async def _queue(ctx: Context, due: Due, now: datetime) -> bool:
    assert due.order.conversation_id is not None  # due_notices only picks orders with a chat
    language = shopper_language(due.order)
    values = notice_variables(due.order, language)
    text, _ = ctx.notices.render(due.kind, language, values, country=shopper_country(due.order))
    # the kind and values go with it: a channel taking only templates at times fills the
    # store's template for the kind from them (WhatsApp after its 24-hour window)
    queued = await ctx.store.enqueue(
        due.key, due.order.conversation_id, text, AUTHOR, now, notice=Notice(due.kind, values)
    )
    return queued is not None


async def _record_delay(
    ctx: Context, order: ProactiveOrder, settings: ProactiveSettings, now: datetime
) -> None:
    """Tell staff under the shopper's card, then count the late order for logistics.

    In that order: once the problem is recorded the order is not looked at again, so a
    crash in between repeats the (keyed, hence single) note rather than losing it.
    """
    assert order.conversation_id is not None  # late_orders only picks orders with a chat
    if order.card is not None:
        shipment = undelivered_names(order.parcels)
        told = "delay" in settings.kinds and may_notify(order)
        text = (
            f"Order #{order.order_number.lstrip('#')} is late: estimated for "
            f"{order.estimated_delivery}, still not delivered"
            + (f" ({shipment})" if shipment else "")
            + ". Counted as a logistics problem. "
            + (
                "The shopper gets a delay notice."
                if told
                else "The shopper is not told automatically (opted out, blocked the bot, "
                "no private chat, or delay notices off)."
            )
        )
        key = f"note:order-late:{order.id}"
        await note_for_staff(ctx, order.conversation_id, order.card, text, NoteKind.LATE, key=key)
    await ctx.store.record_order_problem(order.id, order.conversation_id, at=now)
