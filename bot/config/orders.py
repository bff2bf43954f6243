"""Settings of customers and orders: the order webhooks, who counts as a VIP, what is
kept, and the proactive messages (see README "Customers and orders")."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic.dataclasses import dataclass

from bot.config.reading import SETTINGS, Settings, Unfit, parsed, setting, wrong
from bot.config.values import Address, Folder, MemberIds, secret, whole

# the order notices (handlers/proactive/), then the rating question a conversation gets
# once it is resolved (handlers/ratings/): each can be left out of BORDERDESK_PROACTIVE
PROACTIVE_KINDS = ("payment_reminder", "shipped", "delay", "review_request", "rating")


def _kinds(text: str) -> frozenset[str]:
    if text.lower() == "none":
        return frozenset()
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    if bad := sorted(chosen - set(PROACTIVE_KINDS)):
        raise Unfit(
            f": unknown {', '.join(bad)}; choose among {', '.join(PROACTIVE_KINDS)} or none"
        )
    return frozenset(chosen)


def _hours_span(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})(?::00)?-(\d{1,2})(?::00)?", text)
    if not match or not all(0 <= int(h) <= 24 for h in match.groups()):
        raise wrong(text, "write start-end hours, e.g. 21:00-09:00")
    return int(match[1]) % 24, int(match[2]) % 24


@dataclass(frozen=True, config=SETTINGS)
class OrderSettings(Settings):
    """Order events in, customers' standing, and messages the desk sends unasked."""

    # the order webhooks' server; it starts only when one of the two secrets is set
    webhook_listen: Address = setting("BORDERDESK_WEBHOOK_LISTEN", ("0.0.0.0", 8080))
    # HMAC key of the generic order-event endpoint
    order_events_secret: Annotated[
        str | None,
        secret(
            r"\S{16,}",
            "a random string of 16 or more characters shared with the system sending events",
        ),
    ] = setting("BORDERDESK_ORDER_EVENTS_SECRET", secret=True)
    # the Shopify app's API secret key
    shopify_webhook_secret: Annotated[
        str | None,
        secret(r"\S{8,}", "the API secret key of your Shopify app (it signs the webhooks)"),
    ] = setting("BORDERDESK_SHOPIFY_WEBHOOK_SECRET", secret=True)
    # Slack ids who approve refunds for flagged buyers
    managers: MemberIds = setting("BORDERDESK_MANAGERS", frozenset())
    # a customer is VIP from this total spend (orders' currency) or this many orders
    vip_spend: Annotated[float, whole(0, 10_000_000)] = setting("BORDERDESK_VIP_SPEND", 500.0)
    vip_orders: Annotated[int, whole(1, 10_000)] = setting("BORDERDESK_VIP_ORDERS", 5)
    # 0: keep message text; else erase text older than this many days
    retention_days: Annotated[int, whole(0, 36_500)] = setting("BORDERDESK_RETENTION_DAYS", 0)
    proactive: Annotated[frozenset[str], parsed(_kinds)] = setting(
        "BORDERDESK_PROACTIVE", frozenset(PROACTIVE_KINDS)
    )
    payment_reminder_hours: Annotated[int, whole(1, 720)] = setting(
        "BORDERDESK_PAYMENT_REMINDER_HOURS", 24
    )
    review_request_days: Annotated[int, whole(1, 90)] = setting("BORDERDESK_REVIEW_REQUEST_DAYS", 5)
    delay_grace_days: Annotated[int, whole(0, 30)] = setting("BORDERDESK_DELAY_GRACE_DAYS", 1)
    # shopper's local time, no proactive messages
    quiet_hours: Annotated[tuple[int, int], parsed(_hours_span)] = setting(
        "BORDERDESK_QUIET_HOURS", (21, 9)
    )
    # the store's own notice texts; None: built-in
    notices_dir: Folder = setting("BORDERDESK_NOTICES_DIR")
