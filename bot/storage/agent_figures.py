"""Agent figures: per agent and window, the cards they handled, how fast they answered,
what they did with the suggested answers, their escalations and their shoppers' ratings.

The manager reads them in the management digest and the weekly team report, each agent
their own in their work log and ``/borderdesk me``. The rules:

- a card counts for the agent who decided it (``suggestions.decided_by``): sent as is,
  edited, replaced, escalated, ignored, or "other" (answered by hand in the thread,
  settled as a dispute); automatic replies are nobody's;
- a first response is the time from the shopper's first unanswered message (three lines
  in a row wait once, from the first) to the click of the agent whose decision answered
  it; a wait already answered by an earlier reply is not counted again. The median is the
  middle one (the mean of the two middle ones for an even count), the 90th percentile
  the nearest rank (the ceil(0.9 n)-th smallest), as in the management digest;
- a rating counts for the agent who sent the reply that resolved the conversation
  (``bot.storage.ratings``);
- "assigned" counts the conversations given to them (round robin, take, reassign).

The values the queries return (``Decision``, ``AgentRating``, ``OpenCard``, ``AgentWork``)
live here with the rules, which both the flows (``/borderdesk me``, the work logs) and the
timed jobs (the management digest, the weekly team report) use. ``agent_figures`` is a
pure function of what ``Store.agent_work`` read; ``Store.agents_between`` reads and
computes::

    figures = agent_figures(work, names={"U0LENA0001": "Lena"})
    figures[0].handled, figures[0].first_response_median, figures[0].rewritten_templates
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from bot.calendar.spans import median, percentile, span_text
from bot.storage.ratings import ANSWERED, LOW_RATING
from bot.storage.report_records import Turn

# A card is decided after its message came; cards decided in a window are looked for among
# the messages of the window and of these days before it (a card older than that when
# decided is left out of the figures: a fortnight-old card is a backlog, not a day's work)
LOOKBACK = timedelta(days=14)
AUTOMATIC = "borderdesk"  # ``decided_by`` of automatic replies
OUTCOMES = {
    "sent": "as_is",
    "edited": "edited",
    "replaced": "replaced",
    "escalated": "escalated",
    "ignored": "ignored",
}  # anything else (answered by hand, settled) is "other"
REPLIED = ANSWERED - {"auto_sent"}  # decisions that sent the shopper a reply


class Decision(NamedTuple):
    """One card an agent decided: what was suggested, what they did and when."""

    suggestion_id: int
    conversation_id: int
    intent: str  # the suggested answer (the template staff sent, edited or replaced)
    status: str  # sent, edited, replaced, escalated, ignored, answered, settled...
    decided_by: str
    decided_by_name: str | None
    decided_at: datetime
    message_at: datetime  # when the shopper's message of the card came
    language: str
    customer_name: str | None


class AgentRating(NamedTuple):
    """A shopper's answer to the rating question, put to the agent who sent the reply."""

    agent_id: str | None
    agent_name: str | None
    score: int
    comment: str | None
    answered_at: datetime
    customer_name: str | None


class OpenCard(NamedTuple):
    """A card still waiting in a conversation an agent owns."""

    owner_id: str
    suggestion_id: int
    conversation_id: int
    intent: str
    language: str
    created_at: datetime
    customer_name: str | None


@dataclass(frozen=True)
class AgentWork:
    """What agents did in a window: their decisions (automatic ones left out), every
    message of those decisions' conversations from the lookback on (to see when each
    shopper started waiting), the ratings answered, and how many conversations each agent
    was given (auto, take, reassign)."""

    decisions: tuple[Decision, ...]
    timeline: tuple[Turn, ...]  # by conversation, then time
    ratings: tuple[AgentRating, ...]
    assigned: tuple[tuple[str, int], ...]  # (owner id, conversations given)


@dataclass(frozen=True)
class TemplateUse:
    """What one agent did with one intent's suggested answer."""

    intent: str
    decided: int
    edited: int
    replaced: int

    @property
    def rewritten(self) -> int:
        return self.edited + self.replaced


@dataclass(frozen=True)
class AgentFigures:
    """One agent's figures over a window."""

    agent_id: str
    name: str
    decisions: tuple[Decision, ...] = ()  # oldest first
    first_responses: tuple[timedelta, ...] = ()  # sorted
    ratings: tuple[AgentRating, ...] = ()
    assigned: int = 0

    @property
    def handled(self) -> int:
        return len(self.decisions)

    def count(self, outcome: str) -> int:
        """Cards of one outcome: as_is, edited, replaced, escalated, ignored, other."""
        return sum(OUTCOMES.get(d.status, "other") == outcome for d in self.decisions)

    @property
    def first_response_median(self) -> timedelta | None:
        return median(self.first_responses)

    @property
    def first_response_p90(self) -> timedelta | None:
        return percentile(self.first_responses, 0.9)

    @property
    def rating_average(self) -> float | None:
        return sum(r.score for r in self.ratings) / len(self.ratings) if self.ratings else None

    @property
    def low_ratings(self) -> tuple[AgentRating, ...]:
        return tuple(r for r in self.ratings if r.score <= LOW_RATING)

    @property
    def templates(self) -> tuple[TemplateUse, ...]:
        """Each intent they decided, most rewritten first (ties: most decided, name)."""
        decided: Counter[str] = Counter(d.intent for d in self.decisions)
        edited = Counter(d.intent for d in self.decisions if d.status == "edited")
        replaced = Counter(d.intent for d in self.decisions if d.status == "replaced")
        uses = [TemplateUse(i, n, edited[i], replaced[i]) for i, n in decided.items()]
        return tuple(sorted(uses, key=lambda u: (-u.rewritten, -u.decided, u.intent)))

    @property
    def rewritten_templates(self) -> tuple[TemplateUse, ...]:
        """The intents whose suggested answer they edited or replaced at least once."""
        return tuple(use for use in self.templates if use.rewritten)

    @property
    def idle(self) -> bool:
        return not (self.decisions or self.ratings or self.assigned)


def first_responses(
    decisions: Iterable[Decision], timeline: Iterable[Turn]
) -> dict[int, timedelta]:
    """The first response each decision gave (by suggestion id): only decisions that sent
    a reply, and only the first of them to answer a wait. ``decisions`` oldest first."""
    turns: defaultdict[int, list[tuple[str, datetime]]] = defaultdict(list)
    for conversation_id, direction, at in timeline:
        turns[conversation_id].append((direction, at))
    answered: set[tuple[int, datetime]] = set()
    found: dict[int, timedelta] = {}
    for decision in decisions:
        if decision.status not in REPLIED:
            continue
        history = turns[decision.conversation_id]
        waiting_since = None
        for direction, at in history:
            if at > decision.message_at:
                break
            if direction == "out":
                waiting_since = None
            elif waiting_since is None:
                waiting_since = at
        if waiting_since is None or (decision.conversation_id, waiting_since) in answered:
            continue
        if any(
            direction == "out" and waiting_since < at < decision.decided_at
            for direction, at in history
        ):
            continue  # a reply (another card's, a notice) went out before this click
        answered.add((decision.conversation_id, waiting_since))
        found[decision.suggestion_id] = decision.decided_at - waiting_since
    return found


def agent_figures(
    work: AgentWork, names: Mapping[str, str] | None = None
) -> tuple[AgentFigures, ...]:
    """Every agent who decided a card, got a rating or was given a conversation in the
    window, by name. ``names`` (Slack id -> the desk file's name) wins over the name
    Slack gave at the click."""
    names = dict(names or {})
    by_agent: defaultdict[str, list[Decision]] = defaultdict(list)
    for decision in work.decisions:
        by_agent[decision.decided_by].append(decision)
        names.setdefault(decision.decided_by, decision.decided_by_name or decision.decided_by)
    rated: defaultdict[str, list[AgentRating]] = defaultdict(list)
    for rating in work.ratings:
        if rating.agent_id and rating.agent_id != AUTOMATIC:
            rated[rating.agent_id].append(rating)
            names.setdefault(rating.agent_id, rating.agent_name or rating.agent_id)
    assigned = dict(work.assigned)
    responses = first_responses(work.decisions, work.timeline)
    figures = []
    for agent_id in {*by_agent, *rated, *assigned}:
        decisions = by_agent.get(agent_id, [])
        figures.append(
            AgentFigures(
                agent_id=agent_id,
                name=names.get(agent_id, agent_id),
                decisions=tuple(decisions),
                first_responses=tuple(
                    sorted(
                        responses[d.suggestion_id]
                        for d in decisions
                        if d.suggestion_id in responses
                    )
                ),
                ratings=tuple(rated.get(agent_id, ())),
                assigned=assigned.get(agent_id, 0),
            )
        )
    return tuple(sorted(figures, key=lambda f: (f.name.casefold(), f.agent_id)))


def outcome_text(figures: AgentFigures) -> str:
    """ "12 cards: 8 sent as is, 3 edited, 1 replaced" (outcomes with none left out)."""
    counts = [
        (figures.count("as_is"), "sent as is"),
        (figures.count("edited"), "edited"),
        (figures.count("replaced"), "replaced"),
        (figures.count("escalated"), "escalated"),
        (figures.count("ignored"), "ignored"),
        (figures.count("other"), "answered by hand or settled"),
    ]
    said = ", ".join(f"{n} {what}" for n, what in counts if n)
    noun = "card" if figures.handled == 1 else "cards"
    return f"{figures.handled} {noun}" + (f": {said}" if said else "")


def response_text(figures: AgentFigures) -> str:
    """ "first response median 20 min, 90th percentile 1 h (4 answered)"."""
    middle, p90 = figures.first_response_median, figures.first_response_p90
    if middle is None or p90 is None:
        return "no first responses"
    return (
        f"first response median {span_text(middle)}, 90th percentile {span_text(p90)} "
        f"({len(figures.first_responses)} answered)"
    )


def figures_line(figures: AgentFigures) -> str:
    """One agent's figures on one line, as the management digest and the weekly team
    report list them: "Lena: 6 cards: 1 sent as is, 2 edited, …; first response median
    20 min, 90th percentile 1 h (4 answered); rated 3.0/5 by 2; 1 assigned"."""
    average = figures.rating_average
    rated = "no ratings" if average is None else f"rated {average:.1f}/5 by {len(figures.ratings)}"
    line = f"{figures.name}: {outcome_text(figures)}; {response_text(figures)}; {rated}"
    return line + (f"; {figures.assigned} assigned" if figures.assigned else "")
