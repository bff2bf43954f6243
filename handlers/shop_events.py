"""Shop webhooks BorderDesk kept without applying them, put in front of staff.

Shopify does not promise order: a fulfillment can arrive before its order, and a shop may
send topics BorderDesk has no use for. Both are stored rather than refused or dropped
(``bot.storage.shipments``); this is where staff see them, in Slack (``/borderdesk
shop``) and on the command line (``borderdesk orders kept``)::

    text = kept_events_text(await store.shop_events(), now)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.storage.shipments import ShopEvent

SHOWN = 30


def kept_events_text(events: Sequence[ShopEvent], now: datetime) -> str:
    """One line per kept webhook, oldest first: what it is, what it waits for, how long."""
    if not events:
        return "No shop webhooks waiting or kept unused."
    waiting = [e for e in events if e.status == "waiting"]
    unknown = [e for e in events if e.status != "waiting"]
    lines: list[str] = []
    if waiting:
        lines.append(
            f"Waiting for their order ({len(waiting)}): applied as soon as the order arrives "
            "from the shop; if it never does, check the order in the shop's admin."
        )
        lines += [_line(e, now) for e in waiting[:SHOWN]]
    if unknown:
        lines.append(
            f"Topics BorderDesk does not use ({len(unknown)}): stored, nothing applied; "
            "unsubscribe them in the shop's webhook settings if they are not needed."
        )
        lines += [_line(e, now) for e in unknown[:SHOWN]]
    hidden = max(0, len(waiting) - SHOWN) + max(0, len(unknown) - SHOWN)
    if hidden:
        lines.append(f"… and {hidden} more")
    return "\n".join(lines)


def _line(event: ShopEvent, now: datetime) -> str:
    names = [f"order {event.order_number}" if event.order_number else None]
    names.append(f"Shopify order id {event.order_external_id}" if event.order_external_id else None)
    named = ", ".join(n for n in names if n) or "no order named"
    return (
        f"• #{event.id} {event.topic} ({named}), webhook {event.event_id or '(no id)'}, "
        f"received {_age(now - event.received_at)} ago"
    )


def _age(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 3600:
        return f"{max(seconds // 60, 0)} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"
