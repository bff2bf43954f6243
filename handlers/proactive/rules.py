"""When to tell a shopper about their order before they ask: pure decisions, no I/O.

Four notices, each at most once per order (its outbox key is ``proactive:<kind>:<id>``):

- ``payment_reminder``: still unpaid ``payment_reminder_hours`` after the order;
- ``shipped``: on its way (since ``shipped_at``), with a tracking number;
- ``delay``: shipped, and the estimated delivery day plus ``delay_grace_days`` is over in
  the shopper's zone without delivery (the same moment the delay counts for logistics);
- ``review_request``: ``review_request_days`` after delivery, unless the order had an
  unresolved problem or the buyer is flagged.

None goes to a shopper who said "stop", was forgotten, blocked the bot on their chat app,
or has no private chat with us (a group chat is never sent order details); none is sent
in their quiet hours (local time): it waits until those end. A notice that could not
go out within ``WINDOW`` of falling due (BorderDesk was down, orders imported long after
the fact) is dropped rather than sent out of context::

    settings = ProactiveSettings.from_config(ctx.config)
    for due in due_notices(orders, now, settings):
        ...  # render in the shopper's language, enqueue under due.key
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from types import MappingProxyType
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.calendar.countries import timezone_for
from bot.calendar.hours import aware_utc
from bot.config import PROACTIVE_KINDS, Config
from bot.models import ChatType
from bot.orders.matching import order_key
from bot.storage.proactive import ProactiveOrder, notice_key

# Orders older than this are never looked at: every window below ends well before.
LOOKBACK = timedelta(days=60)
# How long after falling due a notice still makes sense.
WINDOW: Mapping[str, timedelta] = MappingProxyType(
    {
        "payment_reminder": timedelta(days=2),
        "shipped": timedelta(days=3),
        "delay": timedelta(days=7),
        "review_request": timedelta(days=7),
    }
)


class Shopper(Protocol):
    """Who a proactive message would go to, as the rules below read them: an order's
    buyer (``ProactiveOrder``), or a conversation asked to rate (``handlers.proactive.rating``)."""

    @property
    def conversation_id(self) -> int | None: ...
    @property
    def opted_out(self) -> bool: ...
    @property
    def forgotten(self) -> bool: ...
    @property
    def channel_blocked(self) -> bool: ...
    @property
    def chat_type(self) -> str | None: ...
    @property
    def customer_timezone(self) -> str | None: ...
    @property
    def customer_country(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def conversation_language(self) -> str | None: ...
    @property
    def customer_language(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...


@dataclass(frozen=True)
class ProactiveSettings:
    """The store's choices (``BORDERDESK_PROACTIVE`` and friends in ``.env``)."""

    kinds: frozenset[str] = frozenset(PROACTIVE_KINDS)
    payment_reminder_hours: int = 24
    review_request_days: int = 5
    delay_grace_days: int = 1
    quiet_hours: tuple[int, int] = (21, 9)  # local start and end hour; start > end: overnight

    @classmethod
    def from_config(cls, config: Config) -> ProactiveSettings:
        return cls(
            kinds=frozenset(config.proactive),
            payment_reminder_hours=config.payment_reminder_hours,
            review_request_days=config.review_request_days,
            delay_grace_days=config.delay_grace_days,
            quiet_hours=config.quiet_hours,
        )


@dataclass(frozen=True)
class Due:
    """A notice to queue now."""

    kind: str
    order: ProactiveOrder

    @property
    def key(self) -> str:
        return notice_key(self.kind, self.order.id)


def due_notices(
    orders: Iterable[ProactiveOrder], now: datetime, settings: ProactiveSettings
) -> list[Due]:
    """The notices to queue at ``now``, in the order a shopper should read them."""
    now = aware_utc(now, "now")
    due: list[Due] = []
    for order in orders:
        if not may_notify(order):
            continue
        zone = shopper_zone(order)
        if quiet_until(now, zone, settings.quiet_hours) is not None:
            continue
        for kind in PROACTIVE_KINDS:
            if kind not in settings.kinds or kind in order.sent:
                continue
            start = due_at(kind, order, zone, settings)
            if start is not None and start <= now < start + WINDOW[kind]:
                due.append(Due(kind, order))
    return due


def may_notify(order: Shopper) -> bool:
    """Whether the shopper may get a notice at all (when is ``due_notices``' business)."""
    if order.conversation_id is None or order.opted_out or order.forgotten:
        return False
    if order.channel_blocked:  # a send would fail; the shopper chose not to hear from us
        return False
    return order.chat_type in (None, ChatType.PRIVATE.value)


def late_orders(
    orders: Iterable[ProactiveOrder], now: datetime, settings: ProactiveSettings
) -> list[ProactiveOrder]:
    """Orders whose delay is to be counted for logistics now: whether or not the shopper
    is told (quiet hours, "stop", notice switched off), the department should know."""
    now = aware_utc(now, "now")
    late: list[ProactiveOrder] = []
    for order in orders:
        if order.delay_recorded or order.conversation_id is None or order.forgotten:
            continue
        start = delay_deadline(order, shopper_zone(order), settings)
        if start is not None and start <= now < start + WINDOW["delay"]:
            late.append(order)
    return late


def due_at(
    kind: str, order: ProactiveOrder, zone: tzinfo, settings: ProactiveSettings
) -> datetime | None:
    """When ``kind`` falls due for ``order`` as it stands, or None if it does not apply."""
    if kind == "payment_reminder" and order.status == "created":
        return order.ordered_at + timedelta(hours=settings.payment_reminder_hours)
    if kind == "shipped" and order.status == "shipped" and order.tracking_number:
        return order.shipped_at  # unknown (an import without the date): too late to tell
    if kind == "delay":
        return delay_deadline(order, zone, settings)
    if kind == "review_request" and order.status == "delivered" and order.delivered_at:
        if order.blocked or has_open_problem(order):
            return None
        return order.delivered_at + timedelta(days=settings.review_request_days)
    return None


def delay_deadline(
    order: ProactiveOrder, zone: tzinfo, settings: ProactiveSettings
) -> datetime | None:
    """Local midnight after the estimated day plus the grace days, for a shipped order."""
    if order.status != "shipped" or order.estimated_delivery is None:
        return None
    last_day = order.estimated_delivery + timedelta(days=settings.delay_grace_days)
    return datetime.combine(last_day + timedelta(days=1), time(), tzinfo=zone)


def has_open_problem(order: ProactiveOrder) -> bool:
    """An unresolved problem about this order: one naming it, or one naming no order that
    the customer reported after placing it."""
    number = order_key(order.order_number)
    for problem in order.open_problems:
        if problem.order_id == order.id:
            return True
        if problem.order_number and order_key(problem.order_number) == number:
            return True
        if problem.order_id is None and not problem.order_number:
            if problem.created_at >= order.ordered_at:
                return True
    return False


def shopper_zone(order: Shopper) -> tzinfo:
    """The customer's own zone, else their country's, else the shipping country's, else UTC."""
    if order.customer_timezone:
        try:
            return ZoneInfo(order.customer_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a bad value in the profile: fall back on the country
    return timezone_for(order.customer_country or order.country, "UTC")


def quiet_until(now: datetime, zone: tzinfo, quiet: tuple[int, int]) -> datetime | None:
    """The end of the quiet hours ``now`` falls in, local to ``zone``; None outside them.

    ``(21, 9)`` is quiet from 21:00 to 09:00 the next morning; ``(0, 7)`` from midnight to
    07:00; equal hours mean no quiet time.
    """
    start, end = quiet
    local = aware_utc(now, "now").astimezone(zone)
    hour = local.hour
    inside = start <= hour < end if start <= end else (hour >= start or hour < end)
    if not inside:
        return None
    day = local.date() + timedelta(days=1 if hour >= end else 0)
    return datetime.combine(day, time(end), tzinfo=zone)


def shopper_country(order: Shopper) -> str | None:
    """Where the shopper reads a notice's regional wording (``replies.variants``): the
    order's shipping country, else the customer's own (their phone's or app's)."""
    return order.country or order.customer_country


def shopper_language(order: Shopper) -> str:
    """What the shopper writes to us in, else their profile's, else the order's, else en."""
    for code in (order.conversation_language, order.customer_language, order.language):
        primary = (code or "").replace("_", "-").split("-")[0].lower()
        if primary and primary != "unknown":
            return primary
    return "en"
