"""Who is writing: the shopper's profile, their orders, and the flags on them.

A profile gathers the shopper's identities (``same_person``: only those proven to be one
person, see ``bot.storage.customers``), the orders linked to them and their past problems,
and sorts them into a segment staff read at a glance::

    profile = await load_profile(ctx, customer_id, ctx.clock())
    summary_line(profile)   # "VIP · at risk · 6 orders (5 repeat) · 812.50 EUR · …"

Segments: exactly one of *new* (0–1 orders), *repeat* (2 or more) and *VIP* (spent at least
``vip_spend`` or ordered ``vip_orders`` times), VIP taking precedence over repeat. *At risk*
(2 or more problems in 90 days, or a bad review) is a separate flag shown next to it, so
a VIP at risk reads "VIP · at risk": both matter, and neither hides the other. Cancelled
orders do not count. A problem is a cause, counted once however often it was reported
(the shopper writing twice about one late parcel, which BorderDesk also noticed, is one
problem with three reports): one mishap does not make a shopper "at risk".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.context import Context
from bot.orders.matching import shown_number
from bot.storage.customer_records import CustomerRecord, PastProblem
from bot.storage.order_records import OrderRecord
from handlers.shipments import parcels_text
from scheduler.countries import timezone_for

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
    segment: Segment
    at_risk: bool
    recent_problems: int  # within RISK_WINDOW

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
    me = identities[0]
    zone = me.timezone or next((c.timezone for c in identities if c.timezone), None)
    country = me.country or next((c.country for c in identities if c.country), None)
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
        segment=segment,
        at_risk=recent >= RISK_PROBLEMS or bad_review,
        recent_problems=recent,
    )


def summary_line(profile: Profile, now: datetime) -> str:
    """The one line on every inbox card."""
    parts = [" · ".join(profile.labels)]
    count = len(profile.counted_orders)
    if count:
        repeat = f" ({profile.repeat_purchases} repeat)" if profile.repeat_purchases else ""
        parts.append(f"{count} order{'s' * (count != 1)}{repeat}, {money(profile.spend)}")
    else:
        parts.append("no linked orders")
    good, bad = profile.evaluations
    if good or bad:
        parts.append(f"reviews {good} good / {bad} bad")
    if profile.problems:
        still_open = sum(1 for p in profile.problems if p.escalation_status in _UNRESOLVED)
        details = f"{profile.recent_problems} in 90 days"
        if still_open:
            details += f", {still_open} open"
        parts.append(f"problems: {len(profile.problems)} ({details})")
    if len(profile.identities) > 1:
        parts.append(f"{len(profile.identities)} channel identities")
    if profile.opted_out_at:
        parts.append("opted out of notices")
    parts.append(f"local time {_local_time(profile, now)}")
    return " · ".join(parts)


def flag_warning(profile: Profile) -> str | None:
    """What a flagged buyer's card says at the top."""
    flagged = profile.flag
    if flagged is None:
        return None
    reason = (flagged.block_reason or "other").replace("_", " ")
    note = f" ({flagged.block_note})" if flagged.block_note else ""
    return (
        f"Flagged buyer: {reason}{note}, by {flagged.blocked_by or 'staff'}. "
        "Nothing is sent automatically; refund and return replies need a manager."
    )


_UNRESOLVED = frozenset({"open", "acknowledged"})


def money(totals: dict[str, float]) -> str:
    if not totals:
        return "0.00"
    return " + ".join(f"{amount:.2f} {currency}".strip() for currency, amount in totals.items())


def _local_time(profile: Profile, now: datetime) -> str:
    return now.astimezone(timezone_for(None, profile.timezone)).strftime("%H:%M")


def profile_text(profile: Profile, now: datetime, *, shown: int = 5) -> str:
    """The full profile, for ``/borderdesk customer``. Shopper-written values are quoted
    as they are; the caller makes them inert for its workspace."""
    me = profile.customer
    lines = [f"Customer {me.id}: {me.name} — {' · '.join(profile.labels)}"]
    lines.append(
        "Channels: "
        + ", ".join(f"{c.channel} {c.platform_user_id} (id {c.id})" for c in profile.identities)
    )
    emails = sorted({mask_email(c.email) for c in profile.identities if c.email})
    phones = sorted({mask_phone(c.phone) for c in profile.identities if c.phone})
    if emails or phones:
        lines.append("Contact: " + ", ".join(emails + phones))
    country = next((c.country for c in profile.identities if c.country), None)
    lines.append(
        f"Language: {me.language or 'unknown'} · country: {country or 'unknown'} · "
        f"time zone: {profile.timezone} (local time {_local_time(profile, now)})"
    )
    counted = len(profile.counted_orders)
    lines.append(
        f"Orders: {counted} · repeat purchases: {profile.repeat_purchases} · "
        f"spent: {money(profile.spend)}"
    )
    for order in reversed(profile.orders[-shown:]):
        lines.append("  • " + order_line(order))
    good, bad = profile.evaluations
    lines.append(f"Reviews: {good} good, {bad} bad")
    lines.append(
        f"Problems: {len(profile.problems)} ({profile.recent_problems} in the last 90 days)"
    )
    for problem in reversed(profile.problems[-shown:]):
        lines.append("  • " + problem_line(problem))
    flagged = profile.flag
    if flagged is not None and flagged.blocked_at is not None:
        note = f" — {flagged.block_note}" if flagged.block_note else ""
        lines.append(
            f"Flagged: {flagged.block_reason} by {flagged.blocked_by} on "
            f"{flagged.blocked_at:%Y-%m-%d}{note}"
        )
    if profile.opted_out_at:
        lines.append(f"Opted out of proactive messages on {profile.opted_out_at:%Y-%m-%d}")
    return "\n".join(lines)


def order_line(order: OrderRecord) -> str:
    parts = [order.shown_number, f"{order.ordered_at:%Y-%m-%d}", order.status]
    if order.items:
        parts.append(items_text(order))
    if order.total is not None:
        parts.append(f"{order.total:.2f} {order.currency or ''}".strip())
    if order.presentment_total is not None and order.presentment_currency not in (
        None,
        order.currency,
    ):
        parts.append(f"shopper paid {order.presentment_total:.2f} {order.presentment_currency}")
    if order.refunded:
        parts.append(f"refunded {order.refunded:.2f} {order.currency or ''}".strip())
    if order.parcels:
        parts.append(parcels_text(order.parcels))
    if order.estimated_delivery and order.status != "delivered" and not order.parcels:
        parts.append(f"estimated {order.estimated_delivery:%Y-%m-%d}")
    if order.evaluation:
        parts.append(f"review: {order.evaluation}")
    return " · ".join(parts)


def problem_line(problem: PastProblem) -> str:
    outcome = {
        None: "not escalated",
        "open": "escalated, open",
        "acknowledged": "escalated, acknowledged",
        "resolved": "resolved",
    }.get(problem.escalation_status, problem.escalation_status or "")
    if problem.root_cause:
        outcome += f" (root cause: {problem.root_cause.replace('_', ' ')})"
    order = f" · order {shown_number(problem.order_number)}" if problem.order_number else ""
    reports = f" · {problem.reports} reports" if problem.reports > 1 else ""
    return (
        f"{problem.created_at:%Y-%m-%d} · {problem.intent.replace('_', ' ')} → "
        f"{problem.department}{order}{reports} · {outcome}"
    )


def items_text(order: OrderRecord) -> str:
    return ", ".join(f"{quantity} × {title}" for title, quantity in order.items if title)


def mask_email(email: str | None) -> str:
    local, _, domain = (email or "").partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_phone(phone: str | None) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return f"…{digits[-4:]}" if digits else "***"
