"""``/borderdesk shifts``: who is on shift now, until when, who is off (on leave, or when
they come on), and for each language the agents read, the gaps in the next 24 hours when
its shoppers get the out-of-hours acknowledgement. Times are UTC, as the team spans zones;
each agent's end of shift is also given in their own zone::

    On shift now (Mon 10:00 UTC):
    • Kenji (ja) until 13:00 UTC (22:00 Asia/Tokyo)
    Gaps in the next 24 hours:
    • ja: 13:00–04:00 tomorrow UTC (15 h)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.calendar.shifts import DAY, Agent, gaps, roster_languages

NO_AGENTS = (
    "The desk file names no agents (agents:), so every card belongs to the inbox and "
    "out of hours is the support hours. desk.example.yaml shows how to list them."
)


def shifts_text(agents: Sequence[Agent], now: datetime) -> str:
    if not agents:
        return NO_AGENTS
    now = now.astimezone(UTC)
    on = [a for a in agents if a.on_shift(now)]
    lines = [f"On shift now ({now:%a %H:%M} UTC):"]
    for agent in on:
        end = agent.shift_end(now)
        assert end is not None  # on shift
        local = end.astimezone(agent.calendar.zone)
        lines.append(
            f"• {agent.name} ({_languages(agent)}) until {_at(end, now)} "
            f"({local:%H:%M} {agent.calendar.timezone})"
        )
    if not on:
        lines.append("• nobody")
    off = [a for a in agents if a not in on]
    if off:
        lines.append("Off shift:")
        for agent in off:
            today = now.astimezone(agent.calendar.zone).date()
            leave = " (on leave today)" if today in agent.leave else ""
            comes = agent.calendar.next_opening(now)
            lines.append(f"• {agent.name} ({_languages(agent)}){leave}, on at {_at(comes, now)}")
    lines.append("Gaps in the next 24 hours (nobody reading the language on shift):")
    for language in roster_languages(agents):
        found = gaps(agents, language, now, now + DAY)
        said = ", ".join(_gap(start, end, now, now + DAY) for start, end in found) or "none"
        lines.append(f"• {language}: {said}")
    return "\n".join(lines)


def _languages(agent: Agent) -> str:
    return ", ".join(sorted(agent.languages))


def _at(moment: datetime, now: datetime) -> str:
    """ "14:00 UTC", "00:00 tomorrow UTC", "09:00 Mon 14 Dec UTC"."""
    moment = moment.astimezone(UTC)
    days = (moment.date() - now.date()).days
    when = {0: "", 1: " tomorrow"}.get(days, f" {moment:%a %d %b}")
    return f"{moment:%H:%M}{when} UTC"


def _gap(start: datetime, end: datetime, now: datetime, horizon: datetime) -> str:
    hours, minutes = divmod((end - start) // timedelta(minutes=1), 60)
    length = " ".join(([f"{hours} h"] if hours else []) + ([f"{minutes} min"] if minutes else []))
    length += " or more" if end >= horizon else ""  # it runs past the 24 hours shown
    begin = "now" if start <= now else _at(start, now).removesuffix(" UTC")
    return f"{begin}–{_at(end, now)} ({length})"
