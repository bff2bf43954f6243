"""Database ids as they reach us from outside: typed by staff or carried by a button.

A pure rule at the bottom of the import graph, so every layer can use it: the Slack
adapter reads a button's value with it, the staff commands read ``id:42`` with it, and
neither has to import storage to do so (see the layers in ``.importlinter``).

Example::

    >>> positive_id("42"), positive_id("-1"), positive_id("٤٢"), positive_id(True)
    (42, None, None, None)
"""

from __future__ import annotations

from typing import Any

MAX_ID = 2**63 - 1  # the largest id the database can hold


def positive_id(value: Any) -> int | None:
    """A database id typed or sent as ASCII digits (a button value, a command), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= MAX_ID else None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
