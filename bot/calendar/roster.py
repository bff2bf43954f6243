"""The desk file's ``agents:`` section read into ``Agent``s (``bot.calendar.shifts``).

Each agent is keyed by their Slack user id, the identity every click and command carries::

    agents:
      U0AIKO0001:
        name: Aiko
        languages: [ja, en]
        timezone: Asia/Tokyo
        hours: {mon-fri: "09:00-18:00"}
        holidays: [2027-01-01]
        leave: [2026-12-31, "2027-01-04..2027-01-08"]

``timezone``, ``hours`` and ``holidays`` default to the ``support:`` section's; an agent
with a zone of their own gives their own holidays too (their country's, not the office's).
``leave`` is days off in the agent's zone, one date or an inclusive range ``A..B``.
Errors name the key (``agents.U0AIKO0001.languages: ...``); ``bot.desk`` puts its line
in front.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from babel import Locale, UnknownLocaleError

from bot.calendar.hours import BusinessCalendar
from bot.calendar.shifts import Agent
from bot.errors import ConfigError

SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{8,}$")
_LONGEST_LEAVE = 366  # days in one range: a typo in a year should not build a huge set
_FIELDS = {"name", "languages", "timezone", "hours", "holidays", "leave"}


def parse_agents(
    data: Any, support: Mapping[str, Any], default_hours: Mapping[str, Any], where: str
) -> tuple[Agent, ...]:
    """The ``agents:`` mapping (``where`` is "desk.yaml: agents"); empty when absent."""
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: expected a mapping of Slack user ids to agents (like U0AIKO0001:), "
            f"got {data!r:.60}"
        )
    agents = []
    for user_id, fields in data.items():
        at = f"{where}.{user_id}"
        if not isinstance(user_id, str) or not SLACK_USER_ID.fullmatch(user_id):
            raise ConfigError(
                f"{at}: {user_id!r} is not a Slack user id; write the member ID (like "
                "U0AIKO0001: open the person's profile in Slack, ⋮, Copy member ID)"
            )
        agents.append(_agent(user_id, fields, support, default_hours, at))
    return tuple(agents)


def _agent(
    user_id: str,
    fields: Any,
    support: Mapping[str, Any],
    default_hours: Mapping[str, Any],
    at: str,
) -> Agent:
    if not isinstance(fields, dict):
        raise ConfigError(f"{at}: expected name, languages and hours, got {fields!r:.60}")
    unknown = set(fields) - _FIELDS
    if unknown:
        raise ConfigError(f"{at}: unknown field(s) {sorted(unknown)}; use {sorted(_FIELDS)}")
    name = fields.get("name", user_id)
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{at}.name: expected the agent's name as staff read it")
    languages = _languages(fields.get("languages"), f"{at}.languages")
    inherited = {k: support[k] for k in ("timezone", "hours", "holidays") if k in support}
    if "timezone" in fields:  # another zone: the office's holidays are not theirs
        inherited.pop("holidays", None)
    hours = {**default_hours, **inherited}
    hours.update({k: fields[k] for k in ("timezone", "hours", "holidays") if k in fields})
    try:
        calendar = BusinessCalendar.from_dict(hours)
    except ValueError as exc:
        raise ConfigError(f"{at}.{exc}") from exc
    leave = _leave(fields.get("leave"), f"{at}.leave")
    calendar = replace(calendar, holidays=calendar.holidays | leave)
    return Agent(user_id, name.strip(), languages, calendar, leave)


def _languages(value: Any, where: str) -> frozenset[str]:
    """Two-letter ISO 639-1 codes (``ja``, ``pt``), checked against Babel's locales."""
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where}: expected the languages the agent answers in, like [ja, en]")
    codes = set()
    for raw in value:
        code = str(raw).strip().lower()
        try:
            known = len(code) == 2 and Locale.parse(code).language == code
        except (UnknownLocaleError, ValueError):
            known = False
        if not known:
            raise ConfigError(
                f"{where}: {raw!r} is not a two-letter language code such as ja or pt"
            )
        codes.add(code)
    return frozenset(codes)


def _leave(value: Any, where: str) -> frozenset[date]:
    """Days off: dates (``2026-12-31``) and inclusive ranges (``"2027-01-04..2027-01-08"``)."""
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise ConfigError(
            f"{where}: expected a list of dates and ranges like 2027-01-04..2027-01-08"
        )
    days: set[date] = set()
    for raw in value:
        first, _, last = str(raw).partition("..")
        try:
            start = raw if isinstance(raw, date) else date.fromisoformat(first.strip())
            end = start if not last else date.fromisoformat(last.strip())
        except ValueError as exc:
            raise ConfigError(
                f"{where}: {raw!r} is not a YYYY-MM-DD date or a range YYYY-MM-DD..YYYY-MM-DD"
            ) from exc
        if not 0 <= (end - start).days < _LONGEST_LEAVE:
            raise ConfigError(f"{where}: {raw!r} must run forwards and last under a year")
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(days)
