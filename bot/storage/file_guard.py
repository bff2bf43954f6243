"""One desk per SQLite file, and a file that is still the one the desk opened.

Why: two desks on one SQLite file both answer every shopper (two cards per suggestion,
doubled rate limits), and a desk whose file was deleted or replaced keeps writing into
the old, unlinked inode through its pooled connections: everything acknowledged from
then on is gone when the process ends. So a desk process (``run``, ``chat``, ``demo``)

- holds an exclusive ``flock`` on ``<database>.lock`` beside the file for its lifetime;
  the operating system releases it when the process dies, so a crash never leaves a
  stale lock behind, and a second desk on the file refuses to start in one line;
- remembers which file it opened (device and inode) and ``check`` compares that with
  what the path names now: missing or another file, intake must stop.

PostgreSQL and in-memory SQLite get no guard: several processes on one PostgreSQL
database are the supported way to scale, and memory has no path to lose::

    guard = DatabaseGuard.take(config.database_url)   # DatabaseInUse if another desk has it
    ...open the store...
    guard.remember()
    guard.check()                                      # DatabaseLost once the file is gone
    guard.release()
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from bot.errors import StorageError
from bot.storage.urls import sqlite_file


class DatabaseInUse(StorageError):
    """Another desk process holds the SQLite file's lock."""


class DatabaseLost(StorageError):
    """The SQLite file the desk opened was deleted, moved or replaced while it ran."""


class DatabaseGuard:
    """The lock on one SQLite file and the identity of the file that was opened."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_fd: int | None = lock_fd
        self._identity: tuple[int, int] | None = None

    @classmethod
    def take(cls, url: str) -> DatabaseGuard | None:
        """Lock the SQLite file behind ``url`` for this process (None: nothing to guard)."""
        path = sqlite_file(url)
        if path is None:
            return None
        lock = path.with_name(path.name + ".lock")
        lock.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise StorageError(f"cannot create the lock file {lock}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise DatabaseInUse(
                f"another BorderDesk process is already using the database {path} (it holds "
                f"{lock.name}); stop that one first, or give this one its own database"
            ) from exc
        return cls(path, fd)

    def remember(self) -> None:
        """Note which file the desk has opened (call once the store is open)."""
        self._identity = _identity(self.path)

    def check(self) -> None:
        """Raise DatabaseLost when the path no longer names the file that was opened."""
        if self._identity is None:
            return
        now = _identity(self.path)
        if now == self._identity:
            return
        what = "was deleted or moved" if now is None else "was replaced by another file"
        raise DatabaseLost(
            f"the database file {self.path} {what} while the desk was running; intake is "
            "stopped and nothing more is acknowledged: put the file back (or restore it from "
            "a backup) and restart borderdesk"
        )

    def release(self) -> None:
        """Give up the lock (the file stays: removing it would race with a new owner)."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases the flock
            self._lock_fd = None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino
