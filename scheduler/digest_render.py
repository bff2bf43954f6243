"""Digests in words: each digest as a report of titled parts, the same on every workspace.

A digest is numbers (``scheduler/digest.py``, ``scheduler/management_report.py``); this
module says them in sentences a department reads over coffee: "delivery delay: 6 (7-day
average 1.0, +500%)". The result is our own ``Report``: a title, titled parts, a line per
fact. How it looks is the workspace's business: Slack lays it out in Block Kit, escapes
what came from a shopper and fits it within its limits (``bot/channels/slack_reports.py``),
the terminal and the CLI print ``report.text``. Long lists are cut here, saying how much
was left out, so no workspace shows a cut list as the whole one::

    report = render_digest(digest)
    print(report.text)
    await workspace.post(report)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.calendar.spans import span_text
from bot.desk import money
from bot.reports import Report, ReportPart
from bot.storage.agent_figures import figures_line
from bot.storage.disputes import SettledTotal
from bot.storage.ratings import Rating
from scheduler.digest import Digest
from scheduler.management_report import ManagementDigest

LIST_LIMIT = 10  # values shown per recurring field, rows per list
_FIELD_NAMES = {"order_number": "Orders", "product": "Products", "carrier": "Carriers",
                "country": "Countries"}  # fmt: skip


def render_digest(digest: Digest) -> Report:
    """A department digest; a quiet day is one line."""
    title = f"{digest.department.capitalize()} digest, {_day(digest.day)} ({digest.timezone})"
    if digest.quiet:
        return _quiet(
            digest.department, digest.day, title, "No problems reported, nothing overdue."
        )
    parts: list[ReportPart] = []
    problems = [
        f"{label(t.intent)}: {t.count} ({_reports(t.reports, t.count, t.earlier)}7-day "
        f"average {t.average:.1f}, {_change(t.change)})"
        for t in digest.problems
    ]
    head = f"Problems reported: {digest.total}"
    if reports := _reports(digest.reports, digest.total).removesuffix("; "):
        head += f" ({reports})"
    parts.append(ReportPart(head, tuple(problems)))
    recurring = [
        f"{_FIELD_NAMES[name]}: " + _first(values, "{} ×{}")
        for name, values in digest.recurring.items()
        if values
    ]
    if recurring:
        parts.append(ReportPart("Recurring", tuple(recurring)))
    causes = ", ".join(f"{label(cause)} {n}" for cause, n in digest.root_causes)
    flow = f"Escalations: {digest.opened} opened, {digest.resolved} resolved"
    flow += f" ({causes})" if causes else ""
    late = [
        f"#{o.escalation_id} {label(o.intent)}: not {o.stage}d, {span_text(o.late_by)} late"
        for o in digest.overdue
    ]
    parts.append(ReportPart(f"{flow}, {len(digest.overdue)} past target", _capped(late)))
    quotes = [
        f"{label(q.intent)} ({q.language or '?'}): “{q.translated or q.text}”"
        + (f" (original: “{q.text}”)" if q.translated else "")
        for q in digest.quotes
    ]
    if quotes:
        parts.append(ReportPart("What shoppers said", tuple(quotes)))
    return Report(digest.department, title, tuple(parts), day=digest.day)


def render_management(digest: ManagementDigest, department: str = "management") -> Report:
    """The management digest; a day without messages, problems or backlog is one line."""
    title = f"Management digest, {_day(digest.day)} ({digest.timezone})"
    if digest.quiet:
        return _quiet(department, digest.day, title, "No messages, no problems, nothing open.")
    volume = [
        f"{name}: " + _first(counts, "{} {:,}")
        for name, counts in (
            ("Channels", digest.by_channel),
            ("Languages", digest.by_language),
            ("Countries", digest.by_country),
        )
    ]
    if digest.first_response_median is None or digest.first_response_p90 is None:
        speed = f"no replies yet to waits that started that day ({digest.unanswered} waiting)"
    else:
        speed = (
            f"median {span_text(digest.first_response_median)}, 90th percentile "
            f"{span_text(digest.first_response_p90)} ({digest.answered} answered, "
            f"{digest.unanswered} without a reply)"
        )
    outcomes = [
        f"{label(o.intent)}: {o.decided} decided, as is {o.share('as_is'):.0%}, edited "
        f"{o.share('edited'):.0%}, replaced {o.share('replaced'):.0%}, ignored "
        f"{o.share('ignored'):.0%}"
        + (f", escalated or answered by hand {o.share('other'):.0%}" if o.other else "")
        for o in digest.outcomes
    ]
    top = [f"{owner} / {label(intent)}: {n}" for owner, intent, n in digest.top_problems]
    ages = " · ".join(f"{age}: {n}" for age, n in digest.open_by_age)
    parts: tuple[ReportPart, ...] = (
        ReportPart(f"Volume: {digest.inbound:,} shopper messages", tuple(volume)),
        ReportPart("First response", (speed,)),
        ReportPart("Suggested answers, most rewritten first", _capped(outcomes)),
        ReportPart("Top problems", tuple(top) or ("none reported",)),
        ReportPart(f"Open escalations: {sum(n for _, n in digest.open_by_age)}", (ages,)),
    )
    if digest.settled_period:
        kept = (
            f"That day: {_kept(digest.settled)}",
            f"Last 30 days: {_kept(digest.settled_period)}",
        )
        parts = (*parts, ReportPart("Money kept by not shipping items back", kept))
    if digest.rating_average is not None:
        heading = f"Shopper ratings: {len(digest.ratings)}, average {digest.rating_average:.1f}/5"
        low = [_rating(r) for r in digest.low_ratings]
        parts = (*parts, ReportPart(heading, _capped(low) or ("no low ratings",)))
    if digest.agents:
        lines = [figures_line(figures) for figures in digest.agents]
        parts = (*parts, ReportPart("Agents", _capped(lines)))
    return Report(department, title, parts, day=digest.day)


def _rating(rating: Rating) -> str:
    """ "1/5 from Ana Lima: “slow” (reply by lee)": a low rating, to follow up."""
    said = f": “{rating.comment}”" if rating.comment else ", no comment"
    by = f" (reply by {rating.agent_name})" if rating.agent_name else ""
    return f"{rating.score}/5 from {rating.customer_name or 'a shopper'}{said}{by}"


_SETTLEMENTS = {"keep_refund": "refund without return", "partial_refund": "partial refund",
                "reship": "replacement"}  # fmt: skip


def _kept(totals: Sequence[SettledTotal]) -> str:
    """ "18.00 EUR of return shipping avoided on 1 dispute (refund without return 1),
    12.00 EUR refunded; 1 normal return": the money line of one period."""
    if not totals:
        return "no disputes settled"
    kept = [t for t in totals if t.option in _SETTLEMENTS]
    returns = sum(t.count for t in totals if t.option not in _SETTLEMENTS)
    parts = []
    if kept:
        avoided: dict[str, float] = {}
        refunded: dict[str, float] = {}
        by_option: dict[str, int] = {}
        for t in kept:
            if t.return_currency:
                avoided[t.return_currency] = avoided.get(t.return_currency, 0.0) + t.avoided
            refunded[t.currency] = refunded.get(t.currency, 0.0) + t.refunded
            by_option[t.option] = by_option.get(t.option, 0) + t.count
        count = sum(by_option.values())
        how = ", ".join(f"{_SETTLEMENTS[o]} {n}" for o, n in by_option.items())
        parts.append(
            f"{_sums(avoided) or 'no known cost'} of return shipping avoided on {count} "
            f"dispute{'s' * (count != 1)} ({how}), {_sums(refunded) or 'nothing'} refunded"
        )
    if returns:
        parts.append(f"{returns} normal return{'s' * (returns != 1)}")
    return "; ".join(parts)


def _sums(by_currency: dict[str, float]) -> str:
    """ "36.50 EUR + 15.00 GBP"; "" when every sum is nothing."""
    amounts = sorted((c, a) for c, a in by_currency.items() if a)
    return " + ".join(money(amount, currency) for currency, amount in amounts)


def _quiet(department: str, day: date, title: str, nothing: str) -> Report:
    return Report(department, title, summary=f"a quiet day. {nothing}", day=day)


def _first(pairs: Sequence[tuple[Any, int]], form: str) -> str:
    """The first ``LIST_LIMIT`` (value, count) pairs, saying how many more were left out, so
    a reader never takes a cut list for the whole one ("… and 4 more languages: 9 messages")."""
    shown = ", ".join(form.format(value, n) for value, n in pairs[:LIST_LIMIT])
    rest = pairs[LIST_LIMIT:]
    if rest:
        shown += f", and {len(rest)} more ({sum(n for _, n in rest):,} in all)"
    return shown


def _capped(lines: list[str], limit: int = 3 * LIST_LIMIT) -> tuple[str, ...]:
    """At most ``limit`` lines, the last saying how many more there were."""
    if len(lines) <= limit:
        return tuple(lines)
    return (*lines[:limit], f"and {len(lines) - limit} more")


def _reports(reports: int, problems: int, earlier: int = 0) -> str:
    """ "5 reports; " when the problems were reported more often than once each (a problem
    is a cause: the shopper's complaint and the desk's own finding are one), "" otherwise."""
    if reports <= problems:
        return ""
    about = f", {earlier} about earlier problems" if earlier > 1 else ""
    about = ", 1 about an earlier problem" if earlier == 1 else about
    return f"{reports} report{'s' * (reports != 1)}{about}; "


def label(name: str) -> str:
    """An intent or a root cause as words: "delivery_delay" -> "delivery delay"."""
    return name.replace("_", " ")


def _change(change: float | None) -> str:
    return "new" if change is None else f"{change:+.0%}"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
