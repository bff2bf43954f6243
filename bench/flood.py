"""Flood: one shopper sends 10,000 messages at once; how long does another shopper wait?

    python bench/flood.py [--flood 10000] [--db PATH]

A desk (real python-telegram-bot polling and slack-bolt, SQLite file, support open around
the clock, default settings: a shopper's flood limit of 10 messages a minute, Slack's real
pace of one post per second in the inbox) runs against the spec-checking fake Slack in
this process and the fake Telegram in a process of its own (``bench/_telegram_process.py``:
its work is not the desk's), on the wall clock. Once the desk is up, the fake Telegram
queues the whole flood at once, then one message from another shopper, Bea. Last line
``flood_messages=N other_card_seconds=X flood_stored_seconds=Y updates_per_second=Z``:

- other_card_seconds: from Bea's update being queued to her card in the fake Slack inbox.
  Telegram hands updates out in order, so it includes storing the whole flood queued
  before hers, then suggesting and posting her card (after the flooder's first cards, in
  Slack's pace).
- flood_stored_seconds: from the flood being queued to every update stored and confirmed
  to Telegram by a getUpdates offset.
- updates_per_second: all updates (the flood and Bea's) over flood_stored_seconds.

Above it: desk_cpu_seconds, the CPU this process (the desk and the fake Slack) used until
both figures were in (on a busy machine the wall-clock figures grow with the load, this
one much less), and flood_staff_posts, what staff got for the held messages once the
flooder paused a minute (the desk's clock is moved on): one summary, not hundreds of posts.

Exit status 1 when an update was not stored or not confirmed, Bea's card never came, staff
got other than one flood post, or a fake saw a request the real API would refuse; 2 when
the published specs are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.inbound import release_floods  # noqa: E402
from tests.e2e.harness import INBOX, Desk, MovableClock, is_note, running_desk  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.fakes.spec_paths import missing_specs  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

HELPER = Path(__file__).resolve().parent / "_telegram_process.py"
OTHER_NAME = "Bea"  # as the helper names her
POLL_SECONDS = 0.01  # how often the bench looks at the fake Slack (the figures' resolution)


@dataclass
class RemoteTelegram:
    """What the desk's settings need of the fake Telegram running in the helper process."""

    base_url: str
    token: str


class CardWatch:
    """Whether the fake Slack got Bea's card, reading only the calls made since the last
    look (copying every stored message each time would cost the desk's process)."""

    def __init__(self, slack: FakeSlackAPI) -> None:
        self.slack = slack
        self.seen = 0

    def posted(self) -> bool:
        calls = self.slack.calls[self.seen :]
        self.seen += len(calls)
        return any(m == "chat.postMessage" and OTHER_NAME in str(p) for m, p in calls)


def flood_posts(desk: Desk) -> int:
    """Posts to staff about held messages, anywhere in the inbox."""
    return sum(
        1 for m in desk.slack.messages(INBOX) if is_note(m) and "quick succession" in m["text"]
    )


async def wait_for(condition: Callable[[], bool], deadline: float) -> float | None:
    """``time.monotonic()`` once ``condition()`` holds; None at the deadline."""
    while not condition():
        if time.monotonic() > deadline:
            return None
        await asyncio.sleep(POLL_SECONDS)
    return time.monotonic()


async def line_from(process: asyncio.subprocess.Process) -> list[str]:
    assert process.stdout is not None
    return (await process.stdout.readline()).decode().split()


async def run(flood: int, db: Path, timeout: float) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    helper = await asyncio.create_subprocess_exec(
        sys.executable, str(HELPER), stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert helper.stdin is not None
    base_url, token = await line_from(helper)
    telegram = cast(FakeTelegramAPI, RemoteTelegram(base_url, token))
    clock = MovableClock()
    async with FakeSlackAPI() as slack:
        async with running_desk(db, telegram, slack, clock=clock) as desk:
            cpu_before = time.process_time()
            helper.stdin.write(f"flood {flood}\n".encode())
            await helper.stdin.drain()
            [word, at] = await line_from(helper)
            assert word == "queued"
            queued = float(at)
            card_at = await wait_for(CardWatch(slack).posted, queued + timeout)
            try:
                [word, at] = await asyncio.wait_for(line_from(helper), timeout)
                confirmed_at: float | None = float(at)
            except TimeoutError:
                confirmed_at = None
            cpu = time.process_time() - cpu_before
            counts = await desk.runtime.ctx.store.counts()
            inbound = counts["messages"].get("in", 0)

            clock.advance(61)  # the flooder paused a minute: held messages go to staff
            await release_floods(desk.runtime.ctx)  # or the resume loop's pass got there first
            await wait_for(lambda: flood_posts(desk) > 0, time.monotonic() + 30)
            nothing_left = await release_floods(desk.runtime.ctx) == 0
            posts = flood_posts(desk)
        helper.stdin.write(b"end\n")
        await helper.stdin.drain()
        pending, violations = await line_from(helper)
        telegram_violations = [
            " ".join(await line_from(helper)) for _ in range(min(5, int(violations[11:])))
        ]
        await helper.wait()
    total = flood + 1
    print(f"stored={inbound} of {total} telegram: {pending} {violations}")
    for violation in telegram_violations + slack.violations[:5]:
        print(f"violation: {violation}")
    print(f"desk_cpu_seconds={cpu:.2f} (this process, until both figures were in)")
    print(f"flood_staff_posts={posts}")
    card = f"{card_at - queued:.2f}" if card_at is not None else f"none_after_{timeout:g}s"
    stored = f"{confirmed_at - queued:.2f}" if confirmed_at is not None else "none"
    rate = f"{total / (confirmed_at - queued):.0f}" if confirmed_at is not None else "0"
    print(
        f"flood_messages={flood} other_card_seconds={card}"
        f" flood_stored_seconds={stored} updates_per_second={rate}"
    )
    fine = (
        card_at is not None
        and confirmed_at is not None
        and inbound == total
        and pending == "pending=0"
        and violations == "violations=0"
        and not slack.violations
        and posts == 1
        and nothing_left
    )
    return 0 if fine else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--flood", type=int, default=10_000, help="messages in the flood")
    parser.add_argument("--timeout", type=float, default=600.0, help="give up after (s)")
    parser.add_argument("--db", type=Path, help="SQLite file (default: a temporary one)")
    args = parser.parse_args()
    if problem := missing_specs():
        print(problem, file=sys.stderr)
        sys.exit(2)
    if args.db:
        sys.exit(asyncio.run(run(args.flood, args.db, args.timeout)))
    with tempfile.TemporaryDirectory() as scratch:
        sys.exit(asyncio.run(run(args.flood, Path(scratch) / "desk.sqlite3", args.timeout)))


if __name__ == "__main__":
    main()
