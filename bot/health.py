"""``/healthz`` and ``/metrics`` of one process, on their own port (aiohttp).

    GET /healthz    200 {"database": "ok", "channels": {"telegram": "connected"},
                         "polling": {"telegram": "leader"}}
                    503 the same shape, naming what fails:
                        {"database": "failing: the database file ... was deleted", ...}
                        {"channels": {"telegram": "not connected"}, ...}
    GET /metrics    the process's counters (``bot.metrics``) in the Prometheus text
                    format, with the outbox's depth, oldest age and dead letters read
                    from the database at each scrape

``polling`` says whether this process is the one that polls Telegram ("leader") or one
waiting to take over ("standby", healthy too: it sends, and serves Slack and the order
webhooks); it is left out when nothing polls (Telegram by webhook). Of several processes
on one database, exactly one should say "leader" (``bot.storage.leader``).

The server starts only when ``BORDERDESK_HEALTH_LISTEN`` names an address (off by
default: each process of a desk needs its own port, and only the operator knows which
address their monitoring reaches). A load balancer or systemd watchdog asks ``/healthz``;
Prometheus scrapes ``/metrics``. ``/metrics`` still answers while the database does not
(its counters are what an operator needs then): the outbox gauges keep their last values
and the failure is logged, at most once a minute::

    health = HealthServer(store, metrics, channels=runtime.channel_states, clock=utc_now,
                          polling=runtime.polling_states)
    await health.start(("127.0.0.1", 9108))
    await health.stop()
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from aiohttp import web

from bot.metrics import CONTENT_TYPE, DeskMetrics
from bot.repeated_failures import RepeatedFailures
from bot.serving import serve_app
from bot.storage import Store
from bot.storage.backlog import database_answers, outbox_backlog

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
# a database that has not answered by then counts as failing: a probe must not hang
DATABASE_TIMEOUT_SECONDS = 5.0
OK = "ok"
CONNECTED, NOT_CONNECTED = "connected", "not connected"
LEADER, STANDBY = "leader", "standby"


class HealthServer:
    """Serves ``/healthz`` and ``/metrics`` for one runtime; see the module docstring.

    ``channels`` says, when asked, whether each customer channel is connected (by name);
    ``polling``, whether this process polls each channel only one process may poll.
    """

    def __init__(
        self,
        store: Store,
        metrics: DeskMetrics,
        *,
        channels: Callable[[], Mapping[str, bool]],
        clock: Callable[[], datetime],
        polling: Callable[[], Mapping[str, bool]] = dict,
    ) -> None:
        self.store = store
        self.metrics = metrics
        self.channels = channels
        self.polling = polling
        self.clock = clock
        self._backlog_failures = RepeatedFailures(logger, "reading the outbox for /metrics")
        self.app = web.Application()
        self.app.router.add_get(HEALTH_PATH, self._health)
        self.app.router.add_get(METRICS_PATH, self._metrics)
        self._runner: web.AppRunner | None = None

    @property
    def addresses(self) -> list[Any]:
        """Where it listens, e.g. [("127.0.0.1", 9108)]; empty when stopped."""
        return [] if self._runner is None else list(self._runner.addresses)

    async def start(self, listen: tuple[str, int]) -> None:
        """Listen on ``listen``; OSError when the port is taken (nothing left open)."""
        self._runner = await serve_app(self.app, listen)
        logger.info("health and metrics on http://%s:%s%s", listen[0], listen[1], HEALTH_PATH)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _health(self, request: web.Request) -> web.Response:
        database = await self._database_state()
        channels = {
            name: CONNECTED if connected else NOT_CONNECTED
            for name, connected in self.channels().items()
        }
        healthy = database == OK and all(state == CONNECTED for state in channels.values())
        body: dict[str, object] = {"database": database, "channels": channels}
        if polling := self.polling():
            body["polling"] = {
                name: LEADER if leading else STANDBY for name, leading in polling.items()
            }
        return web.json_response(body, status=200 if healthy else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
                backlog = await outbox_backlog(self.store, self.clock())
        except Exception as exc:  # the counters are still worth serving
            self._backlog_failures.failed(exc)
        else:
            self._backlog_failures.succeeded()
            self.metrics.outbox_seen(
                depth=backlog.depth, oldest_age=backlog.oldest_age, dead=backlog.dead
            )
        return web.Response(body=self.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE})

    async def _database_state(self) -> str:
        """ "ok", or "failing: <why>" (the error's own words, or that it did not answer)."""
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
                await database_answers(self.store)
        except TimeoutError:
            return f"failing: no answer within {DATABASE_TIMEOUT_SECONDS:.0f} seconds"
        except Exception as exc:  # whatever the driver raises is the answer to the probe
            # its first line: a driver's error goes on with the SQL and a link to its docs
            first = str(exc).strip().splitlines()[:1]
            return f"failing: {first[0] if first else type(exc).__name__}"
        return OK
