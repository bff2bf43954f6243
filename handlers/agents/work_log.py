"""An agent's work log: their day in words, what they handled and what is still open with
them; posted to them each morning for the day before (``handlers.agents.daily``) and
shown on asking for the day so far (``/borderdesk me``).

It is a ``Report`` addressed to the agent (``to_person``: their Slack id), so the staff
workspace draws it like a digest and posts it to them directly (Slack: a direct message
from the app); the terminal prints its text::

    report = work_log(figures, open_cards, agent_id="U0LENA0001", name="Lena",
                      title="Your day, Mon 7 Dec 2026 (Europe/Berlin)", now=now, tz=berlin)
    await workspace.post(report)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.calendar.spans import span_text
from bot.reports import Report, ReportPart
from bot.storage.agent_figures import (
    AgentFigures,
    AgentRating,
    OpenCard,
    outcome_text,
    response_text,
)

MAX_LINES = 25  # of cards handled or open listed; the rest is counted
WORDS = {
    "sent": "sent as is",
    "edited": "edited",
    "replaced": "replaced",
    "escalated": "escalated",
    "ignored": "ignored",
    "answered": "answered by hand",
    "settled": "settled as a dispute",
}


def day_title(what: str, day: date, tz: ZoneInfo) -> str:
    """ "Your day, Mon 7 Dec 2026 (Europe/Berlin)"."""
    return f"{what}, {day:%a} {day.day} {day:%b %Y} ({tz.key})"


def low_rating_text(rating: AgentRating) -> str:
    said = f": “{rating.comment}”" if rating.comment else ", no comment"
    return f"{rating.score}/5 from {rating.customer_name or 'a shopper'}{said}"


def work_log(
    figures: AgentFigures | None,
    open_cards: Sequence[OpenCard],
    *,
    agent_id: str,
    name: str,
    title: str,
    now: datetime,
    tz: ZoneInfo,
    day: date | None = None,
) -> Report:
    """The work log of one agent: a quiet one-liner when they handled nothing, got no
    rating and have nothing open. ``now`` ages the open cards; ``tz`` gives the times."""
    figures = figures or AgentFigures(agent_id, name)
    title = f"{title}: {name}"
    if figures.idle and not open_cards:
        summary = "nothing handled, nothing open with you."
        return Report("", title, summary=summary, day=day, to_person=agent_id)
    summary_lines = [outcome_text(figures), _sentence(response_text(figures))]
    if figures.ratings:
        summary_lines.append(
            f"Ratings: {len(figures.ratings)}, average {figures.rating_average:.1f}/5"
        )
        summary_lines += [f"Low: {low_rating_text(r)}" for r in figures.low_ratings]
    if figures.assigned:
        summary_lines.append(f"Conversations assigned to you: {figures.assigned}")
    parts = [ReportPart("Your figures", tuple(summary_lines))]
    rewritten = [
        f"{use.intent}: {use.rewritten} of {use.decided} rewritten "
        f"({use.edited} edited, {use.replaced} replaced)"
        for use in figures.rewritten_templates
    ]
    if rewritten:
        parts.append(ReportPart("Suggested answers you rewrote", tuple(rewritten)))
    if figures.decisions:
        handled = [
            f"{d.decided_at.astimezone(tz):%H:%M} {d.customer_name or 'a shopper'} "
            f"({d.language}) {d.intent}: {WORDS.get(d.status, d.status)}"
            for d in figures.decisions
        ]
        parts.append(ReportPart("Handled", _capped(handled)))
    waiting = [
        f"{card.customer_name or 'a shopper'} ({card.language}) {card.intent}, card "
        f"#{card.suggestion_id} waiting {span_text(now - card.created_at)}"
        for card in open_cards
    ]
    parts.append(
        ReportPart(f"Still open with you: {len(open_cards)}", _capped(waiting) or ("nothing",))
    )
    return Report("", title, tuple(parts), day=day, to_person=agent_id)


def _capped(lines: Sequence[str]) -> tuple[str, ...]:
    if len(lines) <= MAX_LINES:
        return tuple(lines)
    return (*lines[:MAX_LINES], f"… and {len(lines) - MAX_LINES} more")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
