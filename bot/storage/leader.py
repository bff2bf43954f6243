"""Which process polls Telegram: a leader elected on a PostgreSQL advisory lock.

Telegram lets one ``getUpdates`` poller per bot at a time: a second one makes Telegram end
the first with 409 Conflict, and two processes taking turns that way would each read part
of the updates, and move each other's offset. With several ``borderdesk run`` processes
on one PostgreSQL database (issue 17), exactly one of them polls, the one holding a
session-level advisory lock (``POLLER_LOCK``):

- every process asks ``pg_try_advisory_lock(POLLER_LOCK)`` on a connection of its own,
  outside the store's pool (a pooled connection goes back to the pool, and is closed or
  handed to other work at the pool's will: the lock must live exactly as long as the
  leadership). The one that gets it leads, for as long as that connection lives;
- the others stand by and ask again every ``retry`` seconds. When the leader dies
  (SIGKILL, a crash, a power cut), its session ends and PostgreSQL releases the lock; one
  of them gets it at its next try, so polling resumes within ``retry`` seconds;
- the leader watches its connection: the driver says at once when it closes (asyncpg's
  termination listener), and a ``SELECT 1`` every ``retry`` seconds that does not answer
  within ``ANSWER_SECONDS`` (``retry``, if longer) counts as lost too (a network that
  drops packets closes nothing). Once the connection is lost the lock may be another
  process's already, so the leader stops leading first, then reconnects and asks again
  like any other;
- a leader whose machine vanishes from the network closes nothing: its session asks the
  server to probe a silent connection (TCP keepalives, ``keepalives``), so the lock comes
  free within about half a minute, always after the leader stopped polling on its own;
- on SQLite the desk is one process (``bot.storage.file_guard`` refuses a second one on
  the file), and that process leads from the start.

What leading means is the caller's: ``on_change(True)`` when this process becomes the
leader, ``on_change(False)`` when it stops (before the lock can be anybody else's:
before the connection is closed on ``stop``, and as soon as it is found lost). The
runtime switches Telegram's polling with it (``LeaderOnly``; ``bot.runtime``)::

    leadership = Leadership(url, on_change=channel.lead, retry=5.0)
    await leadership.start()      # leads now or later, in the background
    leadership.leading            # True while this process holds the lock
    await leadership.stop()       # on_change(False) first, then the lock is released
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from bot.repeated_failures import RepeatedFailures
from bot.storage.urls import database_label

logger = logging.getLogger(__name__)

# The advisory lock key of Telegram's poller: a fixed 64-bit number no other lock of the
# desk uses (the bytes of "bdpoller"; the migrations' lock is "bdmigrat").
POLLER_LOCK = int.from_bytes(b"bdpoller")
DEFAULT_RETRY_SECONDS = 5.0
# How long the database may take to connect or answer before the connection counts as
# lost (``retry`` instead, when that is longer): long enough for a busy server or machine,
# as a leader that gives up too soon leaves nobody polling until the next try.
ANSWER_SECONDS = 5.0


@runtime_checkable
class LeaderOnly(Protocol):
    """Work that only one process of a desk may do at a time, switched on and off by the
    leadership: Telegram's polling (``bot.channels.telegram``).

    ``exclusive`` is False when, as configured, it needs no leader (Telegram by webhook:
    every process can serve Telegram's posts); ``lead`` is told whether this process leads
    now, before the channel starts (it then starts without polling) and whenever that
    changes::

        class PollingChannel:
            exclusive = True
            async def lead(self, leading: bool) -> None:
                ...  # start the poller, or stop it at once
    """

    @property
    def exclusive(self) -> bool: ...

    async def lead(self, leading: bool) -> None: ...


class Leadership:
    """One process's part in the election; see the module docstring."""

    def __init__(
        self,
        url: str,
        *,
        on_change: Callable[[bool], Awaitable[None]],
        retry: float = DEFAULT_RETRY_SECONDS,
        key: int = POLLER_LOCK,
    ) -> None:
        self.url = url
        self.on_change = on_change
        self.retry = retry
        self.patience = max(retry, ANSWER_SECONDS)  # for the database to connect or answer
        self.key = key
        self.elected = make_url(url).get_backend_name() == "postgresql"
        self._leading = False
        self.asked = 0  # times this process asked for the lock (tests wait on it, not sleep)
        self._was_leading = False  # led since it last said it stands by
        self._task: asyncio.Task[None] | None = None
        self._engine: AsyncEngine | None = None
        self._connection: AsyncConnection | None = None
        self._lost = asyncio.Event()  # the driver said the leader's connection closed
        self._failures = RepeatedFailures(logger, "reaching the database for the poller lock")

    @property
    def leading(self) -> bool:
        return self._leading

    async def start(self) -> None:
        """On PostgreSQL, take part in the election in the background; elsewhere lead now."""
        if not self.elected:
            await self._become(True)
            return
        self._engine = create_async_engine(self.url, poolclass=NullPool)
        self._task = asyncio.create_task(self._elect(), name="poller election")

    async def stop(self) -> None:
        """Stop leading (``on_change(False)`` first), then release the lock by closing the
        connection; a second call does nothing."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.wait([task])  # its cancellation, not the caller's
            if not task.cancelled() and (error := task.exception()) is not None:
                logger.error("the poller election had stopped on an error", exc_info=error)
        await self._become(False)
        await self._disconnect()
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def _elect(self) -> None:
        """Stand by until the lock is ours, lead until its connection is lost; again."""
        while True:
            try:
                if await self._try_lock():
                    self._failures.succeeded()
                    await self._become(True)
                    await self._hold()
                else:
                    self._failures.succeeded()
                    self._standing_by()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the server down, restarting, unreachable
                self._failures.failed(exc, f"trying again every {self.retry:g} s")
                await self._disconnect()
            await self._become(False)  # the lock is not ours (any more): stop at once
            await asyncio.sleep(self.retry)

    async def _try_lock(self) -> bool:
        """``pg_try_advisory_lock`` on this process's own connection (opened when needed,
        and opened again when the one kept between tries has closed)."""
        if self._lost.is_set():
            await self._disconnect()
        connection = await self._connect()
        async with asyncio.timeout(self.patience):
            got = await connection.scalar(select(func.pg_try_advisory_lock(self.key)))
        self.asked += 1
        return bool(got)

    async def _hold(self) -> None:
        """Return, the connection closed, once the connection holding the lock is lost:
        the driver said it closed, or ``SELECT 1`` did not answer in time."""
        connection = self._connection
        assert connection is not None
        while True:
            try:
                async with asyncio.timeout(self.retry):
                    await self._lost.wait()
            except TimeoutError:
                pass
            else:
                logger.error(
                    "the database closed the connection holding the Telegram poller lock; "
                    "this process stops polling"
                )
                break
            try:
                async with asyncio.timeout(self.patience):
                    await connection.scalar(select(1))
            except Exception as exc:  # TimeoutError too: no answer is no lock
                logger.error(
                    "lost the database connection holding the Telegram poller lock (%s); "
                    "this process stops polling",
                    f"no answer within {self.patience:g} s"
                    if isinstance(exc, TimeoutError)
                    else _first_line(exc),
                )
                break
        await self._become(False)
        await self._disconnect()

    def _standing_by(self) -> None:
        """Say once per stretch of standing by that another process polls."""
        if self.asked == 1 or self._was_leading:
            self._was_leading = False
            logger.info(
                "another process polls Telegram; this one sends, and asks to take over every %g s",
                self.retry,
            )

    async def _become(self, leading: bool) -> None:
        if leading == self._leading:
            return
        self._leading = leading
        if leading:
            self._was_leading = True
            logger.info("this process now polls Telegram (it holds the poller lock)")
        elif self.elected:
            logger.info("this process stopped polling Telegram")
        try:
            await self.on_change(leading)
        except Exception:  # switching the poller must not end the election
            logger.exception("switching Telegram polling %s failed", "on" if leading else "off")

    def keepalives(self) -> dict[str, str]:
        """The server's TCP keepalive settings for the lock's session, so that the server
        notices a leader that vanished (its machine off the network: nothing closes its
        connection) and releases the lock within about half a minute instead of the
        system's two hours. Only after the leader itself must have stopped: the leader
        stops within ``retry`` + ``patience`` seconds of its last answer (``_hold``), the
        server starts probing after that long without a word (the checks keep a live
        session talking) and gives up after three probes five seconds apart. Ignored on
        a Unix socket, where nothing can vanish unseen::

            Leadership(url, on_change=..., retry=5.0).keepalives()["tcp_keepalives_idle"]  # "10"
        """
        idle = math.ceil(self.retry + self.patience)
        return {
            "tcp_keepalives_idle": str(idle),
            "tcp_keepalives_interval": "5",
            "tcp_keepalives_count": "3",
            # and an answer the leader never acknowledged (the network went while the
            # server was answering) is given up on as soon, not after the system's
            # quarter of an hour of retransmissions
            "tcp_user_timeout": str((idle + 15) * 1000),
        }

    async def _ask_for_keepalives(self, connection: AsyncConnection) -> None:
        """Set ``keepalives`` on the session; a server that refuses one (an old version
        without ``tcp_user_timeout``) is told the others, and the refusal is logged."""
        for name, value in self.keepalives().items():
            try:
                async with asyncio.timeout(self.patience):
                    await connection.execute(select(func.set_config(name, value, False)))
            except DBAPIError as exc:
                logger.warning(
                    "the database refused %s=%s for the poller lock's session (%s): a "
                    "vanished poller's lock may take longer to come free",
                    name,
                    value,
                    _first_line(exc),
                )

    async def _connect(self) -> AsyncConnection:
        if self._connection is None:
            assert self._engine is not None
            self._lost.clear()
            async with asyncio.timeout(self.patience):
                connection = await self._engine.connect()
            try:
                # no transaction left open between the questions: a session lock does
                # not need one, and an idle transaction holds back the server's vacuum
                await connection.execution_options(isolation_level="AUTOCOMMIT")
                raw = await connection.get_raw_connection()
                _on_close(raw.driver_connection, self._lost.set)
                await self._ask_for_keepalives(connection)
            except BaseException:
                await connection.close()
                raise
            self._connection = connection
            logger.debug("poller lock connection open on %s", database_label(self.url))
        return self._connection

    async def _disconnect(self) -> None:
        """Close the lock's connection (releasing the lock, when the session is still
        there); one that does not close in time is dropped (invalidated)."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            async with asyncio.timeout(self.patience):
                await connection.close()
        except Exception:
            with contextlib.suppress(Exception):
                await connection.invalidate()


def _on_close(driver_connection: Any, call: Callable[[], None]) -> None:
    """Have ``call`` called when the driver's connection closes, when the driver can say
    so (asyncpg); with another driver, the ``SELECT 1`` of ``_hold`` notices instead."""
    listen = getattr(driver_connection, "add_termination_listener", None)
    if listen is not None:
        listen(lambda _connection: call())


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
