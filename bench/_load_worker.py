"""One desk process of ``bench/load.py --workers N``: a ``borderdesk run`` on the bench's fakes.

    python bench/_load_worker.py SETTINGS_JSON

The bench starts N of these, each its own Python and event loop, as N ``borderdesk run``
processes would be: the same Runtime, python-telegram-bot and slack-bolt, on the one
database the bench made, with the poller election choosing which one polls the fake
Telegram. What differs from ``borderdesk run`` is only what the bench needs to measure:

- platform time: the Pacer runs on the bench's scaled clock, ``(time.time() - epoch) *
  scale``, the same in every process and in the fakes' rate meters (the wall clock is
  the one clock processes share), and on PostgreSQL its shared backend
  (``bot.storage.pace_slots.PaceSlots``) counts every worker's sends on that clock too;
- ``_load_probe.Timings`` is attached as in the single-process bench, and what it noted
  (plus the warnings and errors logged) is written to ``timings`` as JSON when the desk
  has stopped.

The bench reads one line, ``ready``, on stdout once the desk is connected, and stops the
worker with SIGTERM; the desk then stops cleanly (what it was handling finishes).

SETTINGS_JSON keys: database_url, telegram_url, telegram_token, slack_url, slack_token,
slack_port, scale, epoch, timings (a file path), flood_limit ([count, seconds] or null),
webhook_port (null: Telegram by polling; a port: by webhook there, at ``/telegram`` with
the secret token ``WEBHOOK_SECRET``, served by every worker).
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _load_probe import LogTally, Timings  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.models import Limit  # noqa: E402
from bot.pacing import Pacer  # noqa: E402
from bot.runtime import Runtime, platform_adapters  # noqa: E402
from bot.storage.pace_slots import PaceSlots  # noqa: E402
from tests.e2e.harness import always_open, desk_config  # noqa: E402

WEBHOOK_SECRET = "load-bench-webhook-secret"


async def serve(settings: dict[str, Any]) -> None:
    scale, epoch = float(settings["scale"]), float(settings["epoch"])

    def platform_now() -> float:
        return (time.time() - epoch) * scale

    async def platform_sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / scale)

    tally = LogTally()
    logging.getLogger().addHandler(tally)
    logging.getLogger().setLevel(logging.WARNING)
    url = settings["database_url"]
    overrides: dict[str, Any] = {"database_url": url}
    if settings.get("flood_limit"):
        overrides["shopper_flood_limit"] = Limit(*settings["flood_limit"])
    if port := settings.get("webhook_port"):
        overrides |= {
            "telegram_webhook_url": f"http://127.0.0.1:{port}/telegram",
            "telegram_webhook_listen": ("127.0.0.1", port),
            "telegram_webhook_secret": WEBHOOK_SECRET,
        }
    # desk_config reads only the fakes' token and address from them
    telegram = SimpleNamespace(token=settings["telegram_token"], base_url=settings["telegram_url"])
    slack = SimpleNamespace(token=settings["slack_token"], base_url=settings["slack_url"])
    config = desk_config(Path(), telegram, slack, settings["slack_port"], **overrides)  # type: ignore[arg-type]
    # the runtime keeps a shared backend it is handed: this one on the bench's clock (on
    # an engine of its own until the desk's store is open, then on the store's)
    pace_engine = None if url.startswith("sqlite") else create_async_engine(url)
    pacer = Pacer(
        clock=platform_now,
        sleep=platform_sleep,
        shared=None if pace_engine is None else PaceSlots(pace_engine, clock=platform_now),
    )
    desk = always_open()
    channels, workspace = platform_adapters(config, desk, pacer)
    runtime = Runtime(
        config,
        channels=channels,
        workspace=workspace,
        outbox_idle_seconds=0.05,
        desk=desk,
        jobs=False,
        pacer=pacer,
        outbox_retry_base=0.2,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    timings = Timings()
    try:
        async with runtime:
            await asyncio.wait_for(runtime.ready.wait(), 120)
            if isinstance(pacer.shared, PaceSlots):  # from now on on the desk's own pool, as
                pacer.shared.engine = runtime.ctx.store.engine  # the runtime's would be
            timings.attach(SimpleNamespace(runtime=runtime))  # type: ignore[arg-type]
            print("ready", flush=True)
            await stop.wait()
    finally:
        if pace_engine is not None:
            await pace_engine.dispose()
        Path(settings["timings"]).write_text(
            json.dumps(
                {
                    "stored": timings.stored,
                    "card_ready": timings.card_ready,
                    "card_posted": timings.card_posted,
                    "log_counts": dict(tally.counts),
                    "log_samples": list(tally.samples.values()),
                }
            )
        )


if __name__ == "__main__":
    asyncio.run(serve(json.loads(sys.argv[1])))
