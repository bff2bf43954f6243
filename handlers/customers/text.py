"""How staff read a shopper's profile: the one line on every inbox card, the warning on
a flagged buyer's card, and the full profile ``/borderdesk customer`` shows::

    summary_line(profile, now)   # "VIP · at risk · 6 orders (5 repeat), 812.50 EUR · …"
    flag_warning(profile)        # "Flagged buyer: extortion (…), by U01. Nothing is sent…"
    profile_text(profile, now)   # "Customer 12: Ana García — VIP", orders, ratings, …

Contact details are masked ("a***@example.es", "…5678"): staff see that the shopper has
them, not what they are. Shopper-written values (names, notes) are quoted as they are;
the caller makes them inert for its workspace.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.calendar.countries import timezone_for
from bot.orders.matching import shown_number
from bot.storage.customer_records import PastProblem
from bot.storage.order_records import OrderRecord
from bot.storage.ratings import Rating
from handlers.customers.profile import Profile
from handlers.shipments import parcels_text


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
    if profile.zone_known:
        parts.append(f"local time {_local_time(profile, now)}")
    else:
        parts.append(f"store time {_local_time(profile, now)} (shopper's zone unknown)")
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
    if profile.ratings:
        scores = [r.score for r in profile.ratings if r.score is not None]
        lines.append(f"Ratings: {len(scores)}, average {sum(scores) / len(scores):.1f}/5")
        for rating in reversed(profile.ratings[-shown:]):
            lines.append("  • " + rating_line(rating))
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


def rating_line(rating: Rating) -> str:
    """ "2026-11-24 · 4/5 · “muy bien” · reply by lee": one answer to the rating question."""
    when = rating.answered_at or rating.asked_at
    parts = [f"{when:%Y-%m-%d}", f"{rating.score}/5"]
    if rating.comment:
        parts.append(f"“{rating.comment}”")
    if rating.agent_name:
        parts.append(f"reply by {rating.agent_name}")
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
