"""A shopper's profile: their identities, orders and problems, and their segment.

A profile gathers the shopper's identities (``same_person``: only those proven to be one
person, see ``bot.storage.customers``), the orders linked to them and their past problems,
and sorts them into a segment staff read at a glance::

    profile = await load_profile(ctx, customer_id, ctx.clock())
    summary_line(profile, now)   # "VIP · at risk · 6 orders (5 repeat) · 812.50 EUR · …"

How staff read it (the card line, the flag warning, the full profile) is
``handlers.customers.text``.

Segments: exactly one of *new* (0–1 orders), *repeat* (2 or more) and *VIP* (spent at least
``vip_spend`` or ordered ``vip_orders`` times), VIP taking precedence over repeat. *At risk*
(2 or more problems in 90 days, or a bad review) is a separate flag shown next to it, so
a VIP at risk reads "VIP · at risk": both matter, and neither hides the other. Cancelled
orders do not count. A problem is a cause, counted once however often it was reported
(the shopper writing twice about one late parcel, which BorderDesk also noticed, is one
problem with three reports): one mishap does not make a shopper "at risk".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from bot.calendar.countries import COUNTRY_ZONES, timezone_for
from bot.context import Context
from bot.storage.customer_records import CustomerRecord, PastProblem
from bot.storage.order_records import OrderRecord
from bot.storage.ratings import Rating

RISK_WINDOW = timedelta(days=90)
RISK_PROBLEMS = 2


class Segment(StrEnum):
    NEW = "new"
    REPEAT = "repeat"
    VIP = "vip"


_SEGMENT_LABELS = {
    Segment.NEW: "New customer",
    Segment.REPEAT: "Repeat customer",
    Segment.VIP: "VIP",
}


@dataclass(frozen=True)
class Profile:
    """Everything staff see about a shopper, read at ``now``."""

    customer: CustomerRecord  # the identity asked about
    identities: tuple[CustomerRecord, ...]  # every identity of the person, this one first
    orders: tuple[OrderRecord, ...]  # linked orders, oldest first (cancelled included)
    problems: tuple[PastProblem, ...]
    timezone: str
    zone_known: bool  # False: ``timezone`` is the store's, for want of the shopper's
    segment: Segment
    at_risk: bool
    recent_problems: int  # within RISK_WINDOW
    # the shopper's answers to the rating question (``handlers.ratings``), oldest first;
    # read for the full profile only, not for every card
    ratings: tuple[Rating, ...] = ()

    @property
    def counted_orders(self) -> tuple[OrderRecord, ...]:
        return tuple(o for o in self.orders if o.status != "cancelled")

    @property
    def repeat_purchases(self) -> int:
        count = len(self.counted_orders)
        return count - 1 if count >= 2 else 0

    @property
    def spend(self) -> dict[str, float]:
        """Total spent by currency ("" when the order gave none)."""
        totals: dict[str, float] = defaultdict(float)
        for order in self.counted_orders:
            totals[order.currency or ""] += order.total or 0.0
        return dict(totals)

    @property
    def evaluations(self) -> tuple[int, int]:
        """(good, bad) reviews the shopper left on their orders."""
        found = [o.evaluation for o in self.orders]
        return found.count("good"), found.count("bad")

    @property
    def flag(self) -> CustomerRecord | None:
        """The identity staff flagged (blocklist), if any."""
        return next((c for c in self.identities if c.blocked_at), None)

    @property
    def opted_out_at(self) -> datetime | None:
        return next((c.opted_out_at for c in self.identities if c.opted_out_at), None)

    @property
    def labels(self) -> tuple[str, ...]:
        return (_SEGMENT_LABELS[self.segment],) + (("at risk",) if self.at_risk else ())


async def load_profile(ctx: Context, customer_id: int, now: datetime) -> Profile | None:
    identities = await ctx.store.same_person(customer_id)
    if not identities:
        return None
    ids = [c.id for c in identities]
    linked = await ctx.store.customer_orders(ids)
    found = await ctx.store.customer_problems(ids, [o.id for o in linked])
    profile = profile_of(ctx, identities, linked, found, now)
    rated = await ctx.store.customer_ratings(ids)
    return None if profile is None else replace(profile, ratings=tuple(rated))


def profile_of(
    ctx: Context,
    identities: Sequence[CustomerRecord],
    linked: Sequence[OrderRecord],
    found: Sequence[PastProblem],
    now: datetime,
) -> Profile | None:
    """The profile of what was read already (a card reads it with the rest of the card,
    ``Store.card_facts``): the identities, this one first, their orders and problems."""
    if not identities:
        return None
    me = identities[0]
    zone = me.timezone or next((c.timezone for c in identities if c.timezone), None)
    country = me.country or next((c.country for c in identities if c.country), None)
    # the shopper's zone is known from the chat, the phone or the country; else the card
    # shows the store's time and says so, rather than call it the shopper's
    zone_known = zone is not None or (country or "").strip().upper() in COUNTRY_ZONES
    if zone is None:
        zone = timezone_for(country, ctx.desk.calendar.timezone).key
    recent = sum(1 for p in found if p.created_at >= now - RISK_WINDOW)
    counted = [o for o in linked if o.status != "cancelled"]
    spent = sum(o.total or 0.0 for o in counted)
    config = ctx.config
    if spent >= config.vip_spend or len(counted) >= config.vip_orders:
        segment = Segment.VIP
    elif len(counted) >= 2:
        segment = Segment.REPEAT
    else:
        segment = Segment.NEW
    bad_review = any(o.evaluation == "bad" for o in linked)
    return Profile(
        customer=me,
        identities=tuple(identities),
        orders=tuple(linked),
        problems=tuple(found),
        timezone=zone,
        zone_known=zone_known,
        segment=segment,
        at_risk=recent >= RISK_PROBLEMS or bad_review,
        recent_problems=recent,
    )
