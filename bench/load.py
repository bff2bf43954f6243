"""Load: thousands of shopper messages through the fake Telegram and Slack, with approvals.

    python bench/load.py [--messages 5000] [--shoppers 1000] [--seed 7] [--time-scale 40]
                         [--push-rate 300] [--timeout 1800] [--db PATH]
                         [--database-url URL] [--workers 1] [--telegram polling|webhook]
                         [--desk-process]

A desk (real python-telegram-bot polling and slack-bolt, support open around the clock, no
translator) runs against the spec-checking fakes. The bench pushes the shoppers' messages
into the fake Telegram at a steady pace (each shopper's in order) while a staff coroutine
approves every card in the Slack inbox once (Send, or Edit with a short reply when the
card offers no Send). The run ends when every card is decided and every reply delivered
(or at ``--timeout``), then the desk is stopped cleanly.

Where the desk runs: by default one desk on a new SQLite file, on the bench's own event
loop (beside the fakes and the staff); ``--desk-process`` runs it in a process of its own
(a worker, as below), so that only the desk's own work shares its core. ``--database-url``
of a PostgreSQL server runs it on a new database ``bench_<pid>`` there (dropped
afterwards; ``bench/_load_db.py``), and ``--workers N`` runs N desk processes on it
(``bench/_load_worker.py``, each a ``borderdesk run`` on the fakes; also for N = 1 on
PostgreSQL, so 1 and 2 workers compare alike). By ``--telegram polling`` the elected worker
polls and handles every message it stores (the others send replies and take staff clicks,
which go to each worker in turn); by ``webhook`` every worker serves Telegram's webhook and
the bench posts updates to them in turn, so the intake and the cards are shared too.

Platform time runs ``--time-scale`` times faster than the wall clock: the desk's Pacer and
both fakes' rate meters share one scaled clock, so Slack's 1 post per second in the inbox
channel and Tier 3 chat.update are kept (and measured) in platform seconds, and a workload
real Slack would pace over about two hours takes minutes. The fakes record every send over
a platform limit instead of refusing it.

Definitions (last line ``accepted=N answered=N lost=N duplicated=N p50_ms=X p99_ms=Y
max_chat_rate=R msgs_per_s=T``):

- accepted: shopper messages stored (``messages`` rows, direction 'in'); every pushed
  update must also have been confirmed to the fake by a getUpdates offset.
- answered: stored messages whose card decision queued a reply (outbox key
  ``suggestion:<id>``: a staff Send or Edit, or an automatic send) that is 'sent' AND that
  the fake Telegram recorded as a sendMessage to the shopper's chat, with the same text and
  message id.
- parked: messages whose reply was parked as 'dead' (printed above the last line).
- lost: pushed − answered − parked (never stored, never got a card or a decision, or the
  approved reply never arrived); equals accepted − answered − parked when all were stored.
- duplicated: messages stored twice + cards posted more than once for one message (cards
  in the inbox, top level or in threads, that show its order number) + replies delivered
  more often than the desk queued them (same text to the same chat).
- p50_ms / p99_ms: our own processing per message, wall clock: from when the bench pushed
  it to when its card was handed to the Slack adapter, minus the time it waited for Slack
  to take the previous card of its conversation (the desk handles a conversation's
  messages one at a time). That covers polling intake, storing, language detection,
  classification, the suggestion row and card preparation, and queueing for any of them,
  but not Slack's rate limit. Printed above the last line with push → stored and push →
  ``suggestions.created_at`` (taken when the desk starts on the message, so it includes
  waiting behind the conversation's earlier cards). Step times come from wrapping the
  running desk's ``record_arrivals`` and the workspace's ``post`` (of cards).
- max_chat_rate: most sendMessage calls to one chat in any platform second.
- msgs_per_s: sustained intake-to-card throughput, wall clock: cards posted (one per
  message) over the time from the first push to the last card posted. Run it with the
  platforms' limits scaled out of the way (``--time-scale 1000``) and a push rate above
  what the desk can take (``--push-rate 1000``) to measure our own processing.
- cpu_ms_per_msg (above the last line): CPU time per pushed message over the same run,
  which the machine's other work inflates far less than the wall clock: the bench's
  main thread (the one event loop of an in-process desk, the fakes and the staff), the
  whole bench process, and the worker processes together (the desks, when they run apart).

Exit status 1 when anything was lost or duplicated, a platform rate limit was exceeded or
a fake saw a request the real API would refuse; 2 when the published specs are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _load_db import Rows, bench_database  # noqa: E402
from _load_probe import LogTally, Timings, watch_loop_lag  # noqa: E402
from _load_report import Outcome, Pushed, measure, percentile  # noqa: E402
from _load_shoppers import Shopper, make_plan, make_shoppers  # noqa: E402
from _load_staff import Staff, StaffDesk  # noqa: E402
from _load_workers import Workers  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.config import Config  # noqa: E402
from bot.models import Limit  # noqa: E402
from bot.pacing import Pacer  # noqa: E402
from tests.e2e.harness import STAFF_ID, STAFF_NAME, always_open, running_desk  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.fakes.spec_paths import missing_specs  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

# Telegram's default for how many webhook requests it has open at once (max_connections)
WEBHOOK_CONNECTIONS = 40


async def push_all(
    telegram: FakeTelegramAPI,
    plan: list[tuple[Shopper, str, str]],
    rate: float,
    deliver: Callable[[dict[str, Any]], Awaitable[None]] | None = None,
) -> list[Pushed]:
    """Push the plan at ``rate`` messages per wall second, in small steady batches: into
    the fake's getUpdates queue, or with ``deliver`` by webhook (each chat's updates one
    after the other, as Telegram posts them, at most ``WEBHOOK_CONNECTIONS`` at once)."""
    pushed: list[Pushed] = []
    chains: dict[int, asyncio.Task[None]] = {}  # each chat's last webhook delivery
    connections = asyncio.Semaphore(WEBHOOK_CONNECTIONS)

    async def in_order(previous: asyncio.Task[None] | None, update: dict[str, Any]) -> None:
        assert deliver is not None
        if previous is not None:
            await previous
        async with connections:
            await deliver(update)

    began = time.monotonic()
    for number, (shopper, text, token) in enumerate(plan):
        due = began + number / rate
        if (wait := due - time.monotonic()) > 0.002:
            await asyncio.sleep(wait)
        update = telegram.text_update(
            shopper.chat_id,
            text,
            first_name=shopper.first_name,
            last_name=shopper.last_name,
            language_code=shopper.language_code,
        )
        if deliver is None:
            telegram.push_update(update)
        else:
            update["update_id"] = telegram.next_update_id()
            previous = chains.get(shopper.chat_id)
            chains[shopper.chat_id] = asyncio.create_task(in_order(previous, update))
        message_id = update["message"]["message_id"]
        key = f"{shopper.chat_id}:{message_id}"
        pushed.append(Pushed(key, shopper.chat_id, token, time.time()))
    await asyncio.gather(*chains.values())
    return pushed


async def progress(rows: Rows) -> dict[str, int]:
    """Where the desk stands, from its database."""
    [(accepted,)] = await rows("SELECT count(*) FROM messages WHERE direction = 'in'")
    [(suggested, pending, uncarded)] = await rows(
        "SELECT count(*), coalesce(sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0),"
        " coalesce(sum(CASE WHEN card_ts IS NULL THEN 1 ELSE 0 END), 0) FROM suggestions",
    )
    [(queued, unsent)] = await rows(
        "SELECT count(*),"
        " coalesce(sum(CASE WHEN status NOT IN ('sent', 'dead') THEN 1 ELSE 0 END), 0)"
        " FROM outbox",
    )
    return {
        "accepted": int(accepted),
        "suggested": int(suggested),
        "pending": int(pending),
        "uncarded": int(uncarded),
        "replies": int(queued),
        "unsent": int(unsent),
    }


async def wait_until_done(
    desk: StaffDesk, rows: Rows, staff: Staff, pushed: int, deadline: float
) -> tuple[bool, dict[str, int]]:
    """Poll until every message is stored, carded, decided and answered and every decided
    card redrawn; False at the deadline."""
    last_report = time.monotonic()
    while True:
        state = await progress(rows)
        redrawn = {p.get("ts") for m, p in desk.slack.calls if m == "chat.update"}
        state["redraws_waiting"] = len(set(staff.card_ts.values()) - redrawn)
        done = (
            not telegram_of(desk).pending_updates
            and state["accepted"] == state["suggested"] == pushed
            and state["pending"] == state["uncarded"] == state["unsent"] == 0
            and state["redraws_waiting"] == 0
        )
        if done or time.monotonic() > deadline:
            return done, state
        if time.monotonic() - last_report > 15:
            last_report = time.monotonic()
            print("progress " + " ".join(f"{k}={v}" for k, v in state.items()), file=sys.stderr)
        await asyncio.sleep(0.5)


def telegram_of(desk: StaffDesk) -> FakeTelegramAPI:
    telegram: FakeTelegramAPI = desk.telegram  # type: ignore[attr-defined]
    return telegram


@dataclass
class Driven:
    """What one run of the workload left, read before the desk is stopped."""

    pushed: list[Pushed]
    done: bool
    state: dict[str, int]
    run_s: float
    lags: list[float]
    unconfirmed: int
    staff: Staff
    cpu_s: tuple[float, float, float]  # the bench's main thread, its process, the workers


async def drive(
    desk: StaffDesk,
    telegram: FakeTelegramAPI,
    rows: Rows,
    plan: list[tuple[Shopper, str, str]],
    args: argparse.Namespace,
    platform_now: Callable[[], float],
) -> Driven:
    """Push the workload, approve every card, and wait until all is answered."""
    started = time.monotonic()
    workers = desk if isinstance(desk, Workers) else None
    cpu_began = (time.thread_time(), time.process_time(), workers and workers.cpu_seconds())
    staff = Staff(desk, rows, platform_now)
    staff_task = asyncio.create_task(staff.run())
    lags: list[float] = []
    lag_stop = asyncio.Event()
    lag_task = asyncio.create_task(watch_loop_lag(lags, lag_stop))
    deliver = desk.deliver if isinstance(desk, Workers) and desk.webhooks else None
    pushed = await push_all(telegram, plan, args.push_rate, deliver)
    push_s = time.monotonic() - started
    print(f"pushed={len(pushed)} in {push_s:.1f} s wall ({len(pushed) / push_s:.0f}/s)")
    done, state = await wait_until_done(desk, rows, staff, len(pushed), started + args.timeout)
    run_s = time.monotonic() - started
    cpu_s = (
        time.thread_time() - cpu_began[0],
        time.process_time() - cpu_began[1],
        workers.cpu_seconds() - (cpu_began[2] or 0.0) if workers else 0.0,
    )
    staff.stop()
    lag_stop.set()
    await asyncio.gather(staff_task, lag_task)
    unconfirmed = len(telegram.pending_updates)
    return Driven(pushed, done, state, run_s, lags, unconfirmed, staff, cpu_s)


async def run(args: argparse.Namespace, database_url: str, rows: Rows) -> int:
    scale = args.time_scale
    epoch = time.time()

    def platform_now() -> float:  # the wall clock is the one every worker process shares
        return (time.time() - epoch) * scale

    async def platform_sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / scale)

    rng = random.Random(args.seed)
    shoppers = make_shoppers(rng, args.shoppers)
    plan = make_plan(rng, shoppers, args.messages)
    per_shopper = -(-args.messages // args.shoppers)
    flood_limit: Limit | None = None
    if per_shopper > Config.shopper_flood_limit.count:
        flood_limit = Limit(per_shopper, Config.shopper_flood_limit.seconds)
        print(f"shopper_flood_limit raised to {per_shopper} (each shopper writes that many)")
    in_process = args.workers == 1 and database_url.startswith("sqlite")
    in_process = in_process and args.telegram == "polling" and not args.desk_process
    print(
        f"database={make_url(database_url).get_backend_name()} workers={args.workers}"
        f" ({'in the bench process' if in_process else 'processes'}) telegram={args.telegram}"
    )
    print(f"platform time ×{scale:g}; rates are per platform second")
    languages = Counter(s.language for s in shoppers)
    print(
        f"workload: messages={args.messages} shoppers={args.shoppers} seed={args.seed}"
        f" push_rate={args.push_rate:g}/s languages="
        + ",".join(f"{k}:{v}" for k, v in languages.most_common())
    )

    tally = LogTally()
    logging.getLogger().addHandler(tally)
    logging.getLogger().setLevel(logging.WARNING)
    timings = Timings()
    began = time.monotonic()
    worker_statuses: list[int] = []
    async with (
        FakeTelegramAPI(rate_clock=platform_now, enforce_limits=False) as telegram,
        FakeSlackAPI(rate_clock=platform_now, enforce_limits=False) as slack,
    ):
        if in_process:  # one desk on the bench's own event loop, as before issue 17
            overrides: dict[str, Any] = {"database_url": database_url}
            if flood_limit is not None:
                overrides["shopper_flood_limit"] = flood_limit
            pacer = Pacer(clock=platform_now, sleep=platform_sleep)
            async with running_desk(
                Path(), telegram, slack, pacer=pacer, desk=always_open(), **overrides
            ) as desk:
                print(f"desk_start_s={time.monotonic() - began:.1f}")
                timings.attach(desk)
                driven = await drive(desk, telegram, rows, plan, args, platform_now)
        else:
            slack.add_user(STAFF_ID, STAFF_NAME, "Lee Staff")
            with tempfile.TemporaryDirectory(prefix="load-workers-") as folder:
                async with Workers(telegram, slack, Path(folder)) as workers:
                    await workers.start(
                        args.workers,
                        database_url,
                        scale=scale,
                        epoch=epoch,
                        flood_limit=flood_limit,
                        webhook=args.telegram == "webhook",
                    )
                    print(f"desk_start_s={time.monotonic() - began:.1f}")
                    driven = await drive(workers, telegram, rows, plan, args, platform_now)
                    worker_statuses = await workers.stop(timings, tally)
                    for number, status in enumerate(worker_statuses):
                        if status != 0:
                            print(f"worker {number} exited with {status}:")
                            print(workers.tail(number))
        stop_s = time.monotonic() - began - driven.run_s
        outcome = await measure(
            rows, driven.pushed, telegram, slack, timings, driven.staff.approved_at
        )
        report(
            outcome,
            telegram,
            slack,
            driven.staff,
            tally,
            driven.state,
            driven.done,
            driven.unconfirmed,
        )
        lags = driven.lags
        print(
            f"event_loop_lag_ms (bench): p50={percentile(lags, 0.5):.1f}"
            f" p99={percentile(lags, 0.99):.1f} max={max(lags, default=0.0):.1f}"
        )
        print(
            f"wall_s={driven.run_s:.1f} (start and stop {stop_s:.1f} s;"
            f" platform {driven.run_s * scale:.0f} s)"
        )
        # CPU time per message (the machine's other work does not count): in one process
        # the desk's and the fakes' together, the main thread being the loop they share;
        # with worker processes, the desks' apart from the bench's
        main_cpu, all_cpu, workers_cpu = (
            1000 * s / max(len(driven.pushed), 1) for s in driven.cpu_s
        )
        print(
            f"cpu_ms_per_msg: bench_main_thread={main_cpu:.1f} bench_process={all_cpu:.1f}"
            f" worker_processes={workers_cpu:.1f}"
        )
        bad = (
            outcome.lost
            or outcome.duplicated
            or any(worker_statuses)
            or telegram.rate_violations
            or slack.rate_violations
            or telegram.violations
            or slack.violations
        )
    print(
        f"accepted={outcome.accepted} answered={outcome.answered} lost={outcome.lost}"
        f" duplicated={outcome.duplicated} p50_ms={percentile(outcome.own_ms, 0.5):.1f}"
        f" p99_ms={percentile(outcome.own_ms, 0.99):.1f}"
        f" max_chat_rate={telegram.max_chat_rate(1.0)} msgs_per_s={outcome.msgs_per_s:.1f}"
    )
    return 1 if bad else 0


def report(
    out: Outcome,
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    staff: Staff,
    tally: LogTally,
    state: dict[str, int],
    done: bool,
    unconfirmed: int,
) -> None:
    if not done:
        print("TIMEOUT: still waiting " + " ".join(f"{k}={v}" for k, v in state.items()))
    print(f"updates_unconfirmed={unconfirmed} pushed_not_stored={out.not_stored}")
    print("suggestions: " + " ".join(f"{k}={v}" for k, v in sorted(out.statuses.items())))
    print("staff: " + " ".join(f"{k}={v}" for k, v in sorted(staff.actions.items())))
    print(f"cards.top_level={out.cards_top_level} cards.in_threads={out.cards_in_threads}")
    print(f"cards.missing={out.cards_missing} cards.posted_twice={out.cards_twice}")
    print(f"stored_twice={out.stored_twice} replies_delivered_twice={out.replies_twice}")
    print(f"parked={out.parked}")
    for label, values, unit in (
        ("push_to_stored_ms", out.intake_ms, "ms"),
        ("push_to_suggestion_row_ms", out.row_ms, "ms"),
        ("own_processing_ms", out.own_ms, "ms"),
        ("approval_to_sendMessage_platform_s", out.approval_s, "s"),
    ):
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        print(f"{label}: n={len(values)} p50={p50:.1f}{unit} p99={p99:.1f}{unit}")
    print(f"telegram.max_chat_rate_per_s={telegram.max_chat_rate(1.0)}")
    print(f"telegram.max_overall_rate_per_s={telegram.max_overall_rate(1.0)}")
    print(f"slack.max_channel_post_rate_per_s={slack.max_chat_rate(1.0)}")
    print(f"slack.max_chat_update_per_60s={slack.max_method_rate('chat.update', 60.0)}")
    print(f"telegram.rate_violations={len(telegram.rate_violations)}")
    print(f"slack.rate_violations={len(slack.rate_violations)}")
    for line in (telegram.rate_violations + slack.rate_violations)[:5]:
        print(f"  {line}")
    print(f"spec_violations telegram={len(telegram.violations)} slack={len(slack.violations)}")
    for line in (telegram.violations + slack.violations)[:5]:
        print(f"  {line[:300]}")
    print(f"staff.problems={len(staff.problems)}")
    for line in staff.problems[:5]:
        print(f"  {line}")
    print(f"desk_log warnings={tally.counts['WARNING']} errors={tally.counts['ERROR']}")
    for line in tally.samples.values():
        print(f"  {line}")
    for line in out.examples[:10]:
        print(f"  unanswered: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--shoppers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--time-scale", type=float, default=40.0, help="platform s per wall s")
    parser.add_argument("--push-rate", type=float, default=300.0, help="messages per wall s")
    parser.add_argument("--timeout", type=float, default=1800.0, help="wall s for the run")
    parser.add_argument("--db", type=Path, help="keep the desk's SQLite file here (new file)")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server (postgresql+asyncpg://user@host:port/db): the bench creates"
        " a database bench_<pid> there and drops it after the run; or a new SQLite file"
        " (default: one in a temporary folder)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="desk processes sharing the database"
    )
    parser.add_argument(
        "--telegram",
        choices=("polling", "webhook"),
        default="polling",
        help="how the desk takes Telegram's updates: polling (one worker, the elected one,"
        " polls) or webhook (every worker serves it; updates posted to them in turn)",
    )
    parser.add_argument(
        "--desk-process",
        action="store_true",
        help="on SQLite, run the one desk in a process of its own (as the PostgreSQL workers"
        " run) instead of on the bench's event loop, where the fakes and the staff share"
        " its core",
    )
    args = parser.parse_args()
    if args.workers < 1:
        parser.error("--workers: at least 1")
    sqlite = args.database_url is None or args.database_url.startswith("sqlite")
    if sqlite and args.workers > 1:
        parser.error("several workers need PostgreSQL: a SQLite file is one desk's alone")
    if problem := missing_specs():
        print(problem, file=sys.stderr)
        sys.exit(2)
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

    async def bench() -> int:
        async with bench_database(args.database_url, args.db) as (url, rows):
            return await run(args, url, rows)

    sys.exit(asyncio.run(bench()))


if __name__ == "__main__":
    main()
