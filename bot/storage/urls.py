"""Database URLs as people see them: a SQLite file's path, or the URL without its password.

database_label("postgresql+asyncpg://desk:s3cret@db.internal/desk")
# 'postgresql+asyncpg://desk:***@db.internal/desk'
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def beside_database(url: str, name: str) -> Path:
    """A file or folder ``name`` next to the SQLite file (charts, chat logs), or in
    ``data/`` for other databases: never wherever a command happens to run."""
    path = sqlite_file(url)
    return (path.parent if path is not None else Path("data")) / name


def database_label(url: str) -> str:
    """How a database is named to people: a SQLite file's path, else the URL with its
    password hidden (it must never reach a terminal or a log)."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an unreadable database URL)"
