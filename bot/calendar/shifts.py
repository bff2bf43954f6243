"""Shifts round the clock: which agents are working now, for a shopper's language, who
comes on next, and where the next hours have nobody.

A support team spread over zones (Berlin, Manila, Tokyo, Mexico City) covers the day
between them, so "out of hours" is not one office's closing time: it is the moment when
nobody who reads the shopper's language is on shift. Each agent's shifts are weekly hours
in their own zone, minus their zone's holidays and their own days of leave
(``Agent.calendar``, a ``BusinessCalendar``). Everything is a pure function of the
moments given::

    aiko = Agent("U0AIKO0001", "Aiko", frozenset({"ja", "en"}), tokyo_calendar)
    on_shift([aiko, lena], "ja", now)           # [aiko] while Tokyo's shift runs
    next_agent([aiko, lena], "ja", now)         # (Tokyo's next 09:00, aiko)
    gaps([aiko, lena], "ja", now, now + DAY)    # [(18:00 Tokyo, 09:00 Tokyo next day)]

A language nobody on the roster reads is served by everyone (staff read the card's
translation), so a roster never leaves a shopper with no one at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.calendar.hours import BusinessCalendar, aware_utc

DAY = timedelta(hours=24)
_NEVER = datetime.min.replace(tzinfo=UTC)


def base_language(language: str | None) -> str:
    """``"pt-br"`` -> ``"pt"``: agents list the languages they read, not regions."""
    return (language or "").replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Agent:
    """One member of the support team, as the desk file's ``agents:`` names them: their
    Slack user id (the identity every click carries), the languages they answer in, and
    their shifts (hours in their zone, minus holidays and ``leave``, already merged)."""

    user_id: str
    name: str
    languages: frozenset[str]
    calendar: BusinessCalendar
    leave: frozenset[date] = frozenset()  # also in ``calendar.holidays``; kept for display

    def reads(self, language: str | None) -> bool:
        return base_language(language) in self.languages

    def on_shift(self, now: datetime) -> bool:
        return self.calendar.is_open(now)

    def shift_end(self, now: datetime) -> datetime | None:
        """When the shift they are on at ``now`` ends (None when off shift)."""
        if not self.on_shift(now):
            return None
        stretch = self.calendar.openings(now, now + 2 * DAY)
        end = stretch[0][1]
        for opens, closes in stretch[1:]:  # back-to-back openings are one shift
            if opens > end:
                break
            end = closes
        return end


def readers(agents: Sequence[Agent], language: str | None) -> list[Agent]:
    """The agents who read ``language``; everyone when nobody does (or it is unknown)."""
    found = [agent for agent in agents if agent.reads(language)]
    return found or list(agents)


def on_shift(agents: Sequence[Agent], language: str | None, now: datetime) -> list[Agent]:
    """The agents on shift at ``now`` who read ``language``, in roster order."""
    return [agent for agent in readers(agents, language) if agent.on_shift(now)]


def next_agent(
    agents: Sequence[Agent], language: str | None, now: datetime
) -> tuple[datetime, Agent] | None:
    """When the next agent who reads ``language`` comes on, and who (``now`` when one is
    on already); None with no agents at all."""
    best: tuple[datetime, Agent] | None = None
    for agent in readers(agents, language):
        opening = agent.calendar.next_opening(now)
        if best is None or opening < best[0]:
            best = (opening, agent)
    return best


def pick(candidates: Sequence[Agent], last_assigned: Mapping[str, datetime]) -> Agent | None:
    """Round robin: the candidate whose last automatic assignment is the oldest (never
    assigned first), roster order breaking ties; None when there is no candidate."""
    if not candidates:
        return None
    order = {agent.user_id: i for i, agent in enumerate(candidates)}
    return min(candidates, key=lambda a: (last_assigned.get(a.user_id, _NEVER), order[a.user_id]))


def covered(
    agents: Sequence[Agent], language: str | None, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """The stretches of ``start``..``end`` (UTC, merged, in order) when at least one agent
    who reads ``language`` is on shift."""
    stretches = sorted(
        stretch
        for agent in readers(agents, language)
        for stretch in agent.calendar.openings(start, end)
    )
    merged: list[tuple[datetime, datetime]] = []
    for opens, closes in stretches:
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return merged


def gaps(
    agents: Sequence[Agent], language: str | None, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """The stretches of ``start``..``end`` (UTC, in order) when nobody who reads
    ``language`` is on shift: when its shoppers get the out-of-hours acknowledgement."""
    first, last = aware_utc(start, "start"), aware_utc(end, "end")
    found: list[tuple[datetime, datetime]] = []
    at = first
    for opens, closes in covered(agents, language, first, last):
        if opens > at:
            found.append((at, opens))
        at = max(at, closes)
    if at < last:
        found.append((at, last))
    return found


def roster_languages(agents: Sequence[Agent]) -> list[str]:
    """Every language some agent reads, alphabetically."""
    return sorted({language for agent in agents for language in agent.languages})
