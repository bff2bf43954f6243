"""Response-time targets counted in business hours, and reminders that are sent once.

A target ("first response within 4 business hours") turns a start moment into a due
moment on the team's calendar. The reminders flow (``handlers/reminders.py``) asks
``reminders_due`` on every tick; it answers with what has not been said yet. The caller
persists each reminder's ``key`` in ``already_sent`` once it is queued, so neither the
next tick nor a restart repeats it.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.calendar.hours import BusinessCalendar, aware_utc

type ItemId = int | str
type ReminderKind = Literal["due_soon", "missed"]
type State = Literal["ok", "due_soon", "missed", "met", "met_late"]


@dataclass(frozen=True)
class Target:
    """A promise such as "acknowledge within 2 business hours, warn 30 minutes before"."""

    name: str
    duration: timedelta
    warn_before: timedelta

    def __post_init__(self) -> None:
        if self.duration <= timedelta(0):
            raise ValueError(f"target {self.name!r}: duration must be positive")
        if self.warn_before < timedelta(0):
            raise ValueError(f"target {self.name!r}: warn_before must not be negative")


@dataclass(frozen=True)
class SlaState:
    """Where one piece of work stands against its target.

    ``remaining`` is business time from ``now`` (or from ``done_at`` once done) to
    ``due_at``; it is negative by as much business time as the work is late.
    """

    due_at: datetime
    warn_at: datetime
    state: State
    remaining: timedelta


def sla_state(
    target: Target,
    calendar: BusinessCalendar,
    started_at: datetime,
    now: datetime,
    done_at: datetime | None = None,
) -> SlaState:
    """The state at ``now`` of work started at ``started_at``, done at ``done_at`` if done.

    Due and warning moments are counted in business time: with a 4-hour target and a
    1-hour warning, work started Friday 16:00 on a 09:00-17:00 team warns Monday 11:00
    and is due Monday 12:00. Finishing exactly at the due moment is on time; not having
    finished by then is a miss.
    """
    aware_utc(now, "now")
    due_at = calendar.add_business_time(started_at, target.duration)
    warn_at = calendar.add_business_time(
        started_at, max(target.duration - target.warn_before, timedelta(0))
    )
    state: State
    if done_at is not None:
        remaining = calendar.business_time_between(done_at, due_at)
        state = "met" if done_at <= due_at else "met_late"
    else:
        state = "missed" if now >= due_at else "due_soon" if now >= warn_at else "ok"
        remaining = calendar.business_time_between(now, due_at)
    return SlaState(due_at=due_at, warn_at=warn_at, state=state, remaining=remaining)


@dataclass(frozen=True, kw_only=True)
class SlaItem:
    """One piece of work under a target, e.g. an escalation awaiting acknowledgement."""

    id: ItemId
    target: Target
    calendar: BusinessCalendar
    started_at: datetime
    channel: str  # where its reminders go
    done_at: datetime | None = None


@dataclass(frozen=True)
class Reminder:
    """A nudge to post in ``channel``: the target is about to be, or has been, missed."""

    item_id: ItemId
    kind: ReminderKind
    channel: str
    target: str
    due_at: datetime

    @property
    def key(self) -> tuple[ItemId, ReminderKind]:
        """What to add to ``already_sent`` once this reminder is queued."""
        return (self.item_id, self.kind)


def reminders_due(
    items: Iterable[SlaItem],
    now: datetime,
    already_sent: Set[tuple[ItemId, str]],
) -> list[Reminder]:
    """Reminders to send at ``now``: each (item, kind) at most once, ever.

    One "due_soon" while an open item is inside its warning window, one "missed" once it is
    past due. An item first seen after its due moment (the bot was down through the
    warning window) gets only "missed": a late "due soon" would be noise. ``already_sent``
    is not modified; add each returned ``Reminder.key`` to it after queueing.
    """
    sent = set(already_sent)
    reminders: list[Reminder] = []
    for item in items:
        status = sla_state(item.target, item.calendar, item.started_at, now, item.done_at)
        if status.state not in ("due_soon", "missed"):
            continue
        kind: ReminderKind = "missed" if status.state == "missed" else "due_soon"
        if (item.id, kind) in sent:
            continue
        sent.add((item.id, kind))
        reminders.append(Reminder(item.id, kind, item.channel, item.target.name, status.due_at))
    return reminders
