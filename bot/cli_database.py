"""Which database a command works on: said out loud, and never created by a typo.

A store owner who runs ``borderdesk digest --dry-run`` after the demo expects the demo's
day, not an empty default database; one who mistypes ``--db`` expects an error, not a
fresh empty file and "a quiet day". So every command that opens the database first names
it (on stderr, password hidden), and a SQLite file that does not exist is an error unless
the command creates databases by nature (``run``, ``demo``, ``chat``'s default) or was
asked to (``--create``). An empty (0-byte) file is refused the same way: it is what a
failed copy or a truncated restore leaves, and initialising it would hide that::

    url = database_for(config, args, create=args.create)   # raises UsageError if missing
    # stderr: "borderdesk: database data/demo.sqlite3"
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.errors import UsageError
from bot.storage.urls import database_label, sqlite_file

DEMO_DATABASE = Path("data/demo.sqlite3")


def require_database(
    url: str, *, create: bool, flag: str | None = "--create", empty_ok: bool = False
) -> None:
    """Refuse a SQLite file that does not exist, unless ``create``, and an empty one, unless
    ``empty_ok`` (creation asked for); say what to do instead (``flag``: the option that
    would create it, when the command has one)."""
    path = sqlite_file(url)
    if path is None:
        return
    if path.exists():
        if not empty_ok and _empty(path):
            raise UsageError(
                f"the database file {path} is empty (0 bytes), not a BorderDesk database: "
                "restore it from a backup, or start a new, empty database there with "
                f"`borderdesk db upgrade --db {path} --create`"
            )
        return
    if create:
        return
    hint = "check the path"
    if flag:
        hint += f", or add {flag} to start a new, empty database there"
    if DEMO_DATABASE.exists() and path.resolve() != DEMO_DATABASE.resolve():
        hint += f"; the demo's database is {DEMO_DATABASE} (--db {DEMO_DATABASE})"
    raise UsageError(f"no database at {path}: {hint}")


def _empty(path: Path) -> bool:
    """0 bytes and no write-ahead log beside it that may still hold the data."""
    try:
        if path.stat().st_size:
            return False
        wal = path.with_name(path.name + "-wal")
        return not (wal.exists() and wal.stat().st_size)
    except OSError:
        return False


def announce(url: str, stream: TextIO | None = None) -> None:
    """Tell the person which database this command works on (stderr: stdout may be data)."""
    print(f"borderdesk: database {database_label(url)}", file=stream or sys.stderr)
