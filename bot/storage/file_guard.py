"""One desk per SQLite file, and a file that is still the one the desk opened.

Why: two desks on one SQLite file both answer every shopper (two cards per suggestion,
doubled rate limits), and a desk whose file was deleted, replaced or overwritten keeps
writing through its pooled connections into something that is no longer its database:
everything acknowledged from then on is gone when the process ends. So a desk process
(``run``, ``chat``, ``demo``)

- holds an exclusive ``flock`` on ``<database>.lock`` beside the file for its lifetime;
  the operating system releases it when the process dies, so a crash never leaves a
  stale lock behind, and a second desk on the file refuses to start in one line;
- remembers which files it opened (device and inode of the database and of its
  write-ahead log) and ``check`` compares that with what the paths name now: missing or
  another file, intake must stop;
- notices the file overwritten in place. ``cp backup.sqlite3 desk.sqlite3`` keeps the
  inode, so the identity alone misses it, and SQLite cannot see it either: in WAL mode
  it reads page 1 and every page written since the last checkpoint through the log, so
  ``PRAGMA user_version`` or a marker row still shows the desk's own data while the file
  underneath is the backup. What does change is the file's size and modification time,
  and in WAL mode SQLite writes the database file only when it checkpoints (copies the
  log into it). So the desk owns checkpointing: its connections never checkpoint on
  their own (``wal_autocheckpoint=0``), ``bot.storage.sqlite.checkpoint`` is the one
  place that does, inside ``checkpointing()``, which records the file's (size,
  mtime_ns) right after. Any other change of the file is someone else's write.

Why the desk owns the checkpoints instead of allowing for SQLite's automatic ones: those
happen inside whichever commit crosses 1,000 pages, with nothing to tell the guard; and
a checkpoint into an overwritten file copies the desk's newest pages over the backup,
leaving a file that is neither. The desk's checkpoint first checks that the file is
still its own, so it never writes into a stranger's.

What else could write the database file, and why it does not:

- the last connection to close checkpoints. The guard keeps a connection of its own open
  while the desk runs, so no pooled connection, and no other program closing (a
  ``borderdesk customer export``, the sqlite3 shell, a backup tool), is ever the last.
  When the desk stops on its own file, that keeper closes last and checkpoints as SQLite
  always does; when the file was overwritten it closes without a checkpoint
  (``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``), and the log is moved aside as
  ``<file>-wal.lost-<time>``, or SQLite would replay it onto whatever file is put back;
- other BorderDesk commands: their connections do not checkpoint on their own either,
  and ``checkpoint`` in a process without the guard does nothing while a desk holds the
  lock (the desk folds their writes in at its next checkpoint, a few seconds later);
- the recovery after a full disk (``tests/e2e/test_write_failures.py``) truncates the log
  through the same ``checkpoint``; one that fails half-way still records what it left.

Limits: a copy landing during one of the desk's own checkpoints (milliseconds, every ten
seconds while it writes) is taken for the checkpoint's write; tools that checkpoint the
database themselves (Litestream) are someone else writing it. PostgreSQL and in-memory
SQLite get no guard: several processes on one PostgreSQL database are the supported way
to scale, and memory has no path to lose::

    guard = DatabaseGuard.take(config.database_url)   # DatabaseInUse if another desk has it
    store = await Store.open(config.database_url, guard=guard)   # remembers the files
    guard.check()                                      # DatabaseLost once the file is not it
    await store.close()
    guard.release()
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from bot.errors import StorageError
from bot.storage.urls import sqlite_file

logger = logging.getLogger(__name__)

GONE = "was deleted or moved"
REPLACED = "was replaced by another file"
OVERWRITTEN = (
    "was overwritten in place (another program wrote into it, as copying a backup over it does)"
)
LOG_LOST = "lost its write-ahead log (the -wal file beside it was deleted or replaced)"
LOCK_TRIES, LOCK_RETRY_SECONDS = 3, 0.05


class DatabaseInUse(StorageError):
    """Another desk process holds the SQLite file's lock."""


class DatabaseLost(StorageError):
    """The SQLite file the desk opened was deleted, moved, replaced or overwritten while it
    ran (``what`` says which)."""

    def __init__(self, message: str, what: str = GONE) -> None:
        super().__init__(message)
        self.what = what


@dataclass(frozen=True)
class _Seen:
    """What a path showed: which file it is, and its size and last write."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    def same_file(self, other: _Seen | None) -> bool:
        return other is not None and (self.device, self.inode) == (other.device, other.inode)

    def same_content(self, other: _Seen) -> bool:
        return (self.size, self.mtime_ns) == (other.size, other.mtime_ns)


class DatabaseGuard:
    """The lock on one SQLite file, and the file (and log) that was opened."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self.wal = path.with_name(path.name + "-wal")
        self._lock_fd: int | None = lock_fd
        self._file: _Seen | None = None  # the database as opened or last checkpointed
        self._log: _Seen | None = None  # its write-ahead log as opened
        self._keeper: sqlite3.Connection | None = None
        self._checkpointing = False
        self._lost: DatabaseLost | None = None
        self._listeners: list[Callable[[DatabaseLost], None]] = []

    @classmethod
    def take(cls, url: str) -> DatabaseGuard | None:
        """Lock the SQLite file behind ``url`` for this process (None: nothing to guard)."""
        path = sqlite_file(url)
        if path is None:
            return None
        lock = _lock_path(path)
        lock.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise StorageError(f"cannot create the lock file {lock}: {exc.strerror}") from exc
        try:
            _flock_soon(fd)
        except OSError as exc:
            os.close(fd)
            raise DatabaseInUse(
                f"another BorderDesk process is already using the database {path} (it holds "
                f"{lock.name}); stop that one first, or give this one its own database"
            ) from exc
        return cls(path, fd)

    @staticmethod
    def held(path: Path) -> bool:
        """Whether a desk process holds the lock of the SQLite file at ``path`` now."""
        try:
            fd = os.open(_lock_path(path), os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return False  # no lock file: no desk ever ran on it here
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # also gives up the shared lock just taken
        return False

    def remember(self) -> None:
        """Note which files the desk opened, and keep a connection to them open (call once
        the store is open and migrated: the log exists then)."""
        keeper = sqlite3.connect(f"file:{quote(str(self.path))}?mode=rw", uri=True)
        # one read puts it in WAL mode, where it holds its shared lock until closed
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
        self._keeper = keeper
        self._file, self._log = _seen(self.path), _seen(self.wal)

    def when_lost(self, listener: Callable[[DatabaseLost], None]) -> None:
        """Call ``listener`` once, when ``check`` first finds the file lost."""
        self._listeners.append(listener)

    def check(self) -> None:
        """Raise DatabaseLost when the path no longer names the file that was opened, or
        the file was written by someone else. Once lost, always lost: the pooled
        connections and the log belong to the file that is gone."""
        if self._lost is None:
            what = self._what_changed()
            if what is None:
                return
            self._lost = DatabaseLost(
                f"the database file {self.path} {what} while the desk was running; intake "
                "is stopped and nothing more is acknowledged: put the right file back (or "
                "restore it from a backup) and restart borderdesk",
                what,
            )
            for listener in self._listeners:
                listener(self._lost)
        raise DatabaseLost(str(self._lost), self._lost.what)

    @contextlib.contextmanager
    def checkpointing(self) -> Iterator[None]:
        """Around the desk's own checkpoint: the file must still be the desk's before (or
        DatabaseLost), it changes meanwhile, and what it is after is the new normal."""
        self.check()
        self._checkpointing = True
        try:
            yield
        finally:
            self._checkpointing = False
            seen = _seen(self.path)
            if self._file is not None and self._file.same_file(seen):
                self._file = seen

    def release(self) -> None:
        """Close the keeper connection, then give up the lock (the lock file stays:
        removing it would race with a new owner). Call after closing the store."""
        if self._keeper is not None:
            self._close_keeper(self._keeper)
            self._keeper = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases the flock
            self._lock_fd = None

    def _what_changed(self) -> str | None:
        if self._file is None:
            return None
        now = _seen(self.path)
        if now is None:
            return GONE
        if not self._file.same_file(now):
            return REPLACED
        if not self._checkpointing and not self._file.same_content(now):
            return OVERWRITTEN
        if self._log is not None and not self._log.same_file(_seen(self.wal)):
            return LOG_LOST
        return None

    def _close_keeper(self, keeper: sqlite3.Connection) -> None:
        """The last connection closes: on the desk's own file it checkpoints as SQLite
        always does. Not into an overwritten file, and never deleting a log that is not
        the desk's; a log left behind is moved aside, so it is not replayed onto the file
        put back at this name."""
        with contextlib.suppress(DatabaseLost):
            self.check()
        log_now = _seen(self.wal)
        log_ours = self._log is not None and self._log.same_file(log_now)
        overwritten = self._lost is not None and self._lost.what == OVERWRITTEN
        if overwritten or (log_now is not None and not log_ours):
            keeper.setconfig(sqlite3.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, True)
            keeper.close()
        else:
            keeper.close()
            return
        if overwritten and log_ours:
            aside = self.wal.with_name(f"{self.wal.name}.lost-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
            self.wal.rename(aside)
            logger.warning(
                "the write-ahead log of the overwritten database was moved to %s, so it is "
                "not applied to the file now at %s",
                aside,
                self.path,
            )


def _flock_soon(fd: int) -> None:
    """Take the exclusive lock, trying again briefly: a ``borderdesk`` command asking
    ``held`` takes a shared lock for a moment, which must not pass for a running desk."""
    for _ in range(LOCK_TRIES - 1):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            time.sleep(LOCK_RETRY_SECONDS)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _seen(path: Path) -> _Seen | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _Seen(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
