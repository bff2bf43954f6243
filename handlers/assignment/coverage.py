"""When a shopper will next find someone on shift: the out-of-hours acknowledgement's
time (``handlers.inbound``).

With agents, "out of hours" is nobody who reads the shopper's language on shift, and the
time is when the next one comes on (``bot.calendar.shifts.next_agent``); without agents
it is the ``support:`` hours' next opening, as before. The notice differs too: with
agents it says the next colleague starts then (``out_of_shift``), without them that the
team is offline until then (``out_of_hours``).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from bot.calendar.shifts import next_agent
from bot.context import Context


class Closed(NamedTuple):
    """Nobody to answer now: the next moment someone is, and the notice that says so."""

    opening: datetime
    notice: str


def closed_for(ctx: Context, language: str, now: datetime) -> Closed | None:
    """None while someone can answer a shopper writing in ``language`` at ``now``."""
    desk = ctx.desk
    if desk.agents:
        found = next_agent(desk.agents, language, now)
        if found is None or found[0] <= now:
            return None
        return Closed(found[0], "out_of_shift")
    if desk.calendar.is_open(now):
        return None
    return Closed(desk.calendar.next_opening(now), "out_of_hours")
