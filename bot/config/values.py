"""The shapes of setting shared by several groups, and what to say when text does not fit.

Each is a validator for ``Annotated`` (see ``bot.config.reading``): a type alias when it
takes nothing (``Seconds``), a function when it does (``whole(1, 100)``)::

    timeout: Seconds = setting("BORDERDESK_CONNECT_TIMEOUT", 30.0)
    attempts: Annotated[int, whole(1, 100)] = setting("BORDERDESK_OUTBOX_MAX_ATTEMPTS", 8)

Shapes that only one setting has live with that setting's group.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from bot.config.reading import Reading, Unfit, Unset, parsed, wrong


def _text(text: str) -> str:
    return text


# a text used as it is (blank: the default)
Text = Annotated[str, parsed(_text)]
# a file name, relative to the working directory
File = Annotated[Path, parsed(Path)]


def one_of(allowed: tuple[str, ...]) -> Any:
    """One of ``allowed``, written exactly."""

    def choose(text: str) -> str:
        if text not in allowed:
            raise wrong(text, f"choose one of {', '.join(allowed)}")
        return text

    return parsed(choose)


def whole(low: int, high: int) -> Any:
    """A whole number from ``low`` to ``high``."""

    def number(text: str) -> int:
        if not text.isdigit() or not low <= int(text) <= high:
            raise wrong(text, f"use a whole number from {low} to {high}")
        return int(text)

    return parsed(number)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 60:
        raise wrong(text, "give a number of seconds between 0 and 60")
    return value


# a wait of more than 0 and at most 60 seconds
Seconds = Annotated[float, parsed(_seconds)]


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise wrong(text, "write host:port, e.g. 0.0.0.0:8443")
    return host, int(port)


# where a server listens: host:port
Address = Annotated[tuple[str, int], parsed(_address)]


def _address_or_off(text: str) -> tuple[str, int] | None:
    return None if text.lower() == "off" else _address(text)


# where an optional server listens: host:port, or "off" (blank: the default)
OptionalAddress = Annotated[tuple[str, int] | None, parsed(_address_or_off)]


def url(*schemes: str) -> Any:
    """An address starting with one of ``schemes`` (``https://``), or nothing."""

    def address(text: str) -> str:
        if not text.startswith(schemes):
            raise wrong(text, f"the URL must start with {' or '.join(schemes)}")
        return text

    return parsed(address)


def _folder(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_dir():
        raise wrong(text, "no such folder")
    return path


# a folder that exists (``~`` is the user's home), or nothing
Folder = Annotated[Path | None, parsed(_folder)]


def secret(pattern: str, hint: str, *, required_to_run: bool = False) -> Any:
    """A secret matching ``pattern``; never shown back, ``hint`` says what it should be.
    ``required_to_run``: ``borderdesk run`` cannot do without it."""

    def check(text: str) -> str:
        if not re.fullmatch(pattern, text):
            raise Unfit(f" does not look right: it should be {hint}")
        return text

    return parsed(check, blank=missing(hint) if required_to_run else None)


def missing(hint: str) -> Any:
    """For ``parsed(blank=...)``: a blank that ``borderdesk run`` refuses, saying what to
    set; other commands keep the default."""

    def refuse(reading: Reading) -> None:
        if reading.require_platforms:
            raise Unfit(f" is missing: set it to {hint}")
        raise Unset()

    return refuse


def _member_ids(text: str) -> frozenset[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if bad := [i for i in ids if not re.fullmatch(r"[UW][A-Z0-9]{6,}", i)]:
        raise Unfit(
            f": {', '.join(bad)} are not Slack member ids (like U0123ABCD; in Slack, "
            "open the person's profile, ⋮, Copy member ID)"
        )
    return frozenset(ids)


# Slack member ids (U… or W…), comma-separated
MemberIds = Annotated[frozenset[str], parsed(_member_ids)]
