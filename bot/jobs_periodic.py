"""The desk's periodic jobs, what each does once it runs, and how often it runs.

``bot.jobs.Jobs`` runs them on its scheduler, each every so many seconds (``Intervals``):

- ``resume``: messages an earlier run (or a failed Slack call) left unprocessed, and
  floods whose pause is over;
- ``reminders``: response-time reminders (first answer, acknowledgement, resolution:
  ``handlers.reminders``);
- ``proactive``: payment reminders, shipped and delay notices, review requests
  (``handlers.proactive``); also at once when an order event arrives
  (``Jobs.run_now(PROACTIVE)``);
- ``retention``: message text older than ``BORDERDESK_RETENTION_DAYS`` is erased (only
  when that is set);
- ``examples``: the examples staff decisions taught in other processes on the same
  database are learned by this one's engine (``learn_elsewhere``), within seconds.

Which of them claim their run (``bot.storage.job_runs``), and why the others need not:
two desk processes on one PostgreSQL database both run every job. ``retention`` claims
each slot of its interval (the hour), so one process purges per hour instead of all of
them updating the same rows at once. The others are safe to run in every process, as
each thing they do is claimed on its own row, which is also its record: ``resume``
claims each message it processes, each reminder is claimed in ``reminders`` before it
is posted, and each proactive notice and staff note is queued in the outbox under a
unique key, and a late order is counted for logistics (``record_order_problem``) once
by the unique key of its report (order, noticed intent). Claiming their runs as well
would only delay them (a reminder waiting for the process that holds the minute) and,
for ``proactive``, skip the run an order event asks for. ``examples`` is each process's
own: every engine must learn what the others were taught.

Each returns what it did, for the log line ``Jobs`` writes::

    resumed = await resume(ctx)
    purged = await retention(ctx, now, every=3600)
    learned = await learn_elsewhere(ctx, feed)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.calendar.hours import aware_utc
from bot.context import Context
from bot.storage.examples import ExampleFeed
from handlers.inbound import release_floods, resume_unprocessed
from handlers.retention import purge_expired

logger = logging.getLogger(__name__)

RESUME, REMINDERS, PROACTIVE, RETENTION = "resume", "reminders", "proactive", "retention"
EXAMPLES = "examples"


@dataclass(frozen=True)
class Intervals:
    """Seconds between two runs of each periodic job (and of the database watch, which
    the runtime adds: a lost SQLite file is noticed within ``database_check`` seconds, and
    the desk checkpoints its file every ``checkpoint`` seconds). Tests pass small ones::

        Runtime(config, channels=[...], workspace=..., intervals=Intervals(resume=0.2))
    """

    resume: float = 30.0
    reminders: float = 60.0
    proactive: float = 60.0
    retention: float = 3600.0
    examples: float = 5.0
    spikes: float = 600.0
    database_check: float = 2.0
    checkpoint: float = 10.0


async def resume(ctx: Context) -> int:
    """Finish messages left unprocessed, then release floods whose pause is over;
    returns how many messages were resumed."""
    resumed = await resume_unprocessed(ctx)
    await release_floods(ctx)
    return resumed


async def retention(ctx: Context, now: datetime, every: float) -> int:
    """Erase message text past retention, once per ``every`` seconds across all processes
    (the slot of ``now`` is claimed first); returns how many messages were purged, 0 when
    another run has the slot."""
    purged = 0

    async def purge() -> None:
        nonlocal purged
        purged = await purge_expired(ctx, now)

    await ctx.store.job_runs.once(RETENTION, slot(now, every), now, purge)
    return purged


async def learn_elsewhere(ctx: Context, feed: ExampleFeed) -> int:
    """Teach the engine the examples other processes' staff decisions stored since the
    last run (this process learned its own as they were decided); returns how many. One
    naming an intent this desk's library lacks (a process on an older library) is
    skipped, saying so."""
    learned = 0
    for text, intent in await feed.taught_elsewhere():
        try:
            ctx.engine.learn(text, intent)
        except KeyError as exc:
            logger.warning("an example taught elsewhere is not learned here: %s", exc)
            continue
        learned += 1
    return learned


def slot(now: datetime, every: float) -> str:
    """The run of a job that runs ``every`` seconds that ``now`` falls in, named by its
    start in UTC: every process names it alike, whenever its own timer fires::

        slot(datetime(2026, 3, 2, 10, 17, tzinfo=UTC), 3600)  # "2026-03-02T10:00:00Z"
    """
    seconds = aware_utc(now, "now").timestamp()
    start = datetime.fromtimestamp(seconds - seconds % every, UTC)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ")
