"""Digests as words: plain text (notifications, the CLI) and Slack Block Kit.

Both forms come from one list of titled parts, so they never disagree. Slack refuses a
section over 3000 characters and a message over 50 blocks; long parts are split across
sections and the rest is cut with a note, never sent to be refused. Whatever came from a
shopper (quotes, order numbers, product names) is escaped for mrkdwn, so a ``<!channel>``
in a complaint pings nobody::

    text, blocks = render_digest(digest)
    await client.chat_postMessage(channel=channel, text=text, blocks=blocks)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from scheduler.digest import Digest, ManagementDigest
from scheduler.spikes import Spike

SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BLOCK_LIMIT = 50
LIST_LIMIT = 10  # values shown per recurring field, rows per list
_FIELD_NAMES = {"order_number": "Orders", "product": "Products", "carrier": "Carriers",
                "country": "Countries"}  # fmt: skip

type Block = dict[str, Any]
type Part = tuple[str, list[str]]


class Rendered(NamedTuple):
    text: str
    blocks: list[Block]

    @property
    def notification(self) -> str:
        """``text`` for chat.postMessage beside the blocks: the title line, escaped."""
        return _escape(self.text.partition("\n")[0])


def render_digest(digest: Digest) -> Rendered:
    """A department digest; a quiet day is one line."""
    title = f"{digest.department.capitalize()} digest, {_day(digest.day)} ({digest.timezone})"
    if digest.quiet:
        return _one_line(f"{title}: a quiet day. No problems reported, nothing overdue.")
    parts: list[Part] = []
    problems = [
        f"{_label(t.intent)}: {t.count} ({_reports(t.reports, t.count, t.earlier)}7-day "
        f"average {t.average:.1f}, {_change(t.change)})"
        for t in digest.problems
    ]
    head = f"Problems reported: {digest.total}"
    if reports := _reports(digest.reports, digest.total).removesuffix("; "):
        head += f" ({reports})"
    parts.append((head, problems))
    recurring = [
        f"{_FIELD_NAMES[name]}: " + _first(values, "{} ×{}")
        for name, values in digest.recurring.items()
        if values
    ]
    if recurring:
        parts.append(("Recurring", recurring))
    causes = ", ".join(f"{_label(cause)} {n}" for cause, n in digest.root_causes)
    flow = f"Escalations: {digest.opened} opened, {digest.resolved} resolved"
    flow += f" ({causes})" if causes else ""
    late = [
        f"#{o.escalation_id} {_label(o.intent)}: not {o.stage}d, {_duration(o.late_by)} late"
        for o in digest.overdue
    ]
    parts.append((f"{flow}, {len(digest.overdue)} past target", _capped(late)))
    quotes = [
        f"{_label(q.intent)} ({q.language or '?'}): “{q.translated or q.text}”"
        + (f" (original: “{q.text}”)" if q.translated else "")
        for q in digest.quotes
    ]
    if quotes:
        parts.append(("What shoppers said", quotes))
    return _render(title, parts)


def render_management(digest: ManagementDigest) -> Rendered:
    """The management digest; a day without messages, problems or backlog is one line."""
    title = f"Management digest, {_day(digest.day)} ({digest.timezone})"
    if digest.quiet:
        return _one_line(f"{title}: a quiet day. No messages, no problems, nothing open.")
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
            f"median {_duration(digest.first_response_median)}, 90th percentile "
            f"{_duration(digest.first_response_p90)} ({digest.answered} answered, "
            f"{digest.unanswered} without a reply)"
        )
    outcomes = [
        f"{_label(o.intent)}: {o.decided} decided, as is {o.share('as_is'):.0%}, edited "
        f"{o.share('edited'):.0%}, replaced {o.share('replaced'):.0%}, ignored "
        f"{o.share('ignored'):.0%}"
        + (f", escalated or answered by hand {o.share('other'):.0%}" if o.other else "")
        for o in digest.outcomes
    ]
    top = [f"{department} / {_label(intent)}: {n}" for department, intent, n in digest.top_problems]
    ages = " · ".join(f"{label}: {n}" for label, n in digest.open_by_age)
    parts: list[Part] = [
        (f"Volume: {digest.inbound:,} shopper messages", volume),
        ("First response", [speed]),
        ("Suggested answers, most rewritten first", _capped(outcomes)),
        ("Top problems", top or ["none reported"]),
        (f"Open escalations: {sum(n for _, n in digest.open_by_age)}", [ages]),
    ]
    return _render(title, parts)


def _render(title: str, parts: list[Part]) -> Rendered:
    text = "\n\n".join(
        [title] + [f"{head}\n" + "\n".join(f"• {x}" for x in xs) for head, xs in parts]
    )
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": _clip(title, HEADER_LIMIT)}}
    ]
    for head, lines in parts:
        blocks += _sections(f"*{_escape(head)}*", [f"• {_escape(line)}" for line in lines])
    if len(blocks) > BLOCK_LIMIT:
        note = {"type": "context", "elements": [{"type": "mrkdwn", "text": "(cut to fit Slack)"}]}
        blocks = blocks[: BLOCK_LIMIT - 1] + [note]
    return Rendered(text, blocks)


def _sections(head: str, lines: list[str]) -> list[Block]:
    """``head`` and ``lines`` packed into as few sections as Slack's size limit allows."""
    chunks: list[str] = []
    current = head
    for line in lines:
        line = _clip(line, SECTION_LIMIT - len(head) - 1)
        if len(current) + 1 + len(line) > SECTION_LIMIT:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}"
    chunks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": c}} for c in chunks]


def _one_line(text: str) -> Rendered:
    return Rendered(text, [{"type": "section", "text": {"type": "mrkdwn", "text": _escape(text)}}])


def _first(pairs: Sequence[tuple[Any, int]], form: str) -> str:
    """The first ``LIST_LIMIT`` (value, count) pairs, saying how many more were left out, so
    a reader never takes a cut list for the whole one ("… and 4 more languages: 9 messages")."""
    shown = ", ".join(form.format(value, n) for value, n in pairs[:LIST_LIMIT])
    rest = pairs[LIST_LIMIT:]
    if rest:
        shown += f", and {len(rest)} more ({sum(n for _, n in rest):,} in all)"
    return shown


def _capped(lines: list[str], limit: int = 3 * LIST_LIMIT) -> list[str]:
    return lines if len(lines) <= limit else lines[:limit] + [f"and {len(lines) - limit} more"]


def _reports(reports: int, problems: int, earlier: int = 0) -> str:
    """ "5 reports; " when the problems were reported more often than once each (a problem
    is a cause: the shopper's complaint and the desk's own finding are one), "" otherwise."""
    if reports <= problems:
        return ""
    about = f", {earlier} about earlier problems" if earlier > 1 else ""
    about = ", 1 about an earlier problem" if earlier == 1 else about
    return f"{reports} report{'s' * (reports != 1)}{about}; "


def _label(name: str) -> str:
    return name.replace("_", " ")


def _change(change: float | None) -> str:
    return "new" if change is None else f"{change:+.0%}"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _duration(span: timedelta) -> str:
    """``timedelta(hours=26, minutes=5)`` -> "1 d 2 h"; two units are enough to act on."""
    minutes = int(span.total_seconds() // 60)
    if minutes < 1:
        return f"{int(span.total_seconds())} s"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    units = [(days, "d"), (hours, "h"), (minutes, "min")]
    first = next(i for i, (n, _) in enumerate(units) if n)
    return " ".join(f"{n} {unit}" for n, unit in units[first : first + 2] if n)


def _escape(text: str) -> str:
    """Slack mrkdwn control characters; they are the only ones Slack asks to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_spike(spike: Spike) -> str:
    """The alert a department gets for a spike, with the evidence behind it."""
    what = _label(spike.intent)
    scope = f" ({spike.scope} {spike.value})" if spike.value else ""
    start, end = spike.window_start, spike.window_end
    lines = [
        f":chart_with_upwards_trend: *Spike: {what}{scope}* — {spike.count} problems between "
        f"{start:%H:%M} and {end:%H:%M} UTC, where {spike.expected:.1f} were expected "
        f"(Poisson p = {spike.p_value:.1e}).",
    ]
    if spike.breakdown:
        lines.append(
            "Mostly: " + ", ".join(f"{field} {value} ({n})" for field, value, n in spike.breakdown)
        )
    if spike.orders:
        lines.append("Orders: " + ", ".join(spike.orders))
    return "\n".join(lines)
