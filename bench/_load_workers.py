"""The bench's side of ``bench/load.py --workers N``: N desk processes on one database.

Each worker is ``bench/_load_worker.py`` (a ``borderdesk run`` on the bench's fakes and
scaled clock), with a Slack port of its own; the fakes and the staff stay in the bench.
Staff clicks and dialogs go to the workers in turn, as Slack's requests would reach
whichever process a load balancer picks. Telegram reaches them by polling (the elected
worker polls) or, with ``webhook=True``, by webhook: ``deliver`` posts each update to
the workers in turn, as Telegram would post to a load balancer in front of them. When
stopped, each worker writes what its ``Timings`` noted; ``stop`` merges them into the
bench's.

    async with Workers(telegram, slack, folder) as workers:
        await workers.start(2, url, scale=1000, epoch=epoch, flood_limit=None)
        staff = Staff(workers, rows, platform_now)
        ...
        await workers.stop(timings, tally)
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from _load_probe import LogTally, Timings
from _load_worker import WEBHOOK_SECRET

from bot.models import Limit
from tests.e2e.harness import Desk, free_port
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

WORKER = Path(__file__).with_name("_load_worker.py")
START_TIMEOUT = 300.0  # wall seconds for a worker to import, load the model and connect
STOP_TIMEOUT = 120.0


class Workers:
    """Desk processes, started and stopped together; staff actions spread over them."""

    def __init__(self, telegram: FakeTelegramAPI, slack: FakeSlackAPI, folder: Path) -> None:
        self.telegram = telegram
        self.slack = slack
        self.folder = folder
        self._procs: list[asyncio.subprocess.Process] = []
        self._desks: list[Desk] = []  # one per worker: where its Slack requests go
        self._turns: itertools.cycle[Desk] | None = None
        self.webhooks: list[str] = []  # each worker's Telegram webhook, when by webhook
        self._webhook_turns: itertools.cycle[str] | None = None

    async def __aenter__(self) -> Workers:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for proc in self._procs:  # a bench that failed half-way leaves no desk running
            if proc.returncode is None:
                proc.kill()
                await proc.wait()

    async def start(
        self,
        count: int,
        database_url: str,
        *,
        scale: float,
        epoch: float,
        flood_limit: Limit | None,
        webhook: bool = False,
    ) -> None:
        """Start ``count`` workers one after the other (the first migrates the database)
        and wait until each says its desk is connected."""
        for number in range(count):
            port, webhook_port = free_port(), free_port() if webhook else None
            settings = {
                "database_url": database_url,
                "telegram_url": self.telegram.base_url,
                "telegram_token": self.telegram.token,
                "slack_url": self.slack.base_url,
                "slack_token": self.slack.token,
                "slack_port": port,
                "scale": scale,
                "epoch": epoch,
                "timings": str(self.folder / f"worker{number}.json"),
                "flood_limit": [flood_limit.count, flood_limit.seconds] if flood_limit else None,
                "webhook_port": webhook_port,
            }
            with (self.folder / f"worker{number}.log").open("wb") as log:
                proc = await asyncio.create_subprocess_exec(
                    sys.executable,
                    str(WORKER),
                    json.dumps(settings),
                    stdin=asyncio.subprocess.DEVNULL,
                    stdout=asyncio.subprocess.PIPE,
                    stderr=log,
                )
            self._procs.append(proc)
            assert proc.stdout is not None
            try:
                line = await asyncio.wait_for(proc.stdout.readline(), START_TIMEOUT)
            except TimeoutError:
                line = b""
            if line.strip() != b"ready":
                raise RuntimeError(f"worker {number} did not start:\n{self.tail(number)}")
            self._desks.append(
                Desk(None, self.telegram, self.slack, f"http://127.0.0.1:{port}/slack/events")  # type: ignore[arg-type]
            )
            if webhook_port is not None:
                self.webhooks.append(f"http://127.0.0.1:{webhook_port}/telegram")
        self._turns = itertools.cycle(self._desks)
        self._webhook_turns = itertools.cycle(self.webhooks) if self.webhooks else None

    async def deliver(self, update: dict[str, Any]) -> None:
        """Post an update to the next worker's webhook until one answers 200, as Telegram
        retries an update its webhook did not take."""
        assert self._webhook_turns is not None, "the workers take Telegram by polling"
        for attempt in range(1, 31):
            url = next(self._webhook_turns)
            if await self.telegram.post_webhook(url, update, WEBHOOK_SECRET) == 200:
                return
            await asyncio.sleep(min(0.05 * attempt, 1.0))
        raise RuntimeError(f"no worker took update {update['update_id']}")

    def cpu_seconds(self) -> float:
        """CPU time the worker processes have used so far (Linux's /proc; 0 elsewhere)."""
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        used = 0.0
        for proc in self._procs:
            try:
                fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            used += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        return used

    def tail(self, number: int, lines: int = 30) -> str:
        log = self.folder / f"worker{number}.log"
        text = log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []
        return "\n".join(text)

    def _next(self) -> Desk:
        assert self._turns is not None, "the workers are not started"
        return next(self._turns)

    async def click(self, card: dict[str, Any], action_id: str) -> int:
        return await self._next().click(card, action_id)

    async def submit(
        self, callback_id: str, values: dict[str, dict[str, Any]], private_metadata: str
    ) -> int:
        return await self._next().submit(callback_id, values, private_metadata)

    async def stop(self, timings: Timings, tally: LogTally) -> list[int]:
        """SIGTERM every worker, wait for each to stop, and add what they noted and
        logged to ``timings`` and ``tally``; the workers' exit statuses."""
        for proc in self._procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        statuses = [await asyncio.wait_for(proc.wait(), STOP_TIMEOUT) for proc in self._procs]
        for number in range(len(self._procs)):
            path = self.folder / f"worker{number}.json"
            if not path.exists():
                tally.counts["ERROR"] += 1
                tally.samples[f"worker {number}"] = f"worker {number} wrote no timings"
                continue
            noted = json.loads(path.read_text())
            for key, moment in noted["stored"].items():
                timings.stored[key] = min(moment, timings.stored.get(key, moment))
            for sid, moment in noted["card_ready"].items():
                timings.card_ready[int(sid)] = min(moment, timings.card_ready.get(int(sid), moment))
            for sid, moment in noted["card_posted"].items():
                timings.card_posted[int(sid)] = moment
            tally.counts.update(noted["log_counts"])
            for line in noted["log_samples"]:
                if len(tally.samples) < 8:
                    tally.samples[f"worker {number}: {line}"] = f"worker {number}: {line}"
        return statuses
