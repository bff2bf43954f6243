"""Flood: one shopper sends 10,000 messages at once; how long does another shopper wait?

    python bench/flood.py [--flood 10000] [--db PATH]

A desk (real python-telegram-bot polling and slack-bolt, SQLite file, support open around
the clock, default settings: a shopper's flood limit of 10 messages a minute, Slack's real
pace of one post per second in the inbox) runs against the spec-checking fakes, on the
wall clock. The bench queues the whole flood in the fake Telegram at once, then one
message from another shopper, and prints (last line
``flood_messages=N other_card_seconds=X flood_stored_seconds=Y updates_per_second=Z``):

- other_card_seconds: from the other shopper's update being queued to their card in the
  fake Slack inbox. Telegram hands updates out in order, so it includes storing the whole
  flood queued before it, then suggesting and posting the card (behind the flooder's
  first cards, in Slack's pace).
- flood_stored_seconds: from the flood being queued to every update stored and confirmed
  to Telegram by a getUpdates offset.
- updates_per_second: all updates (flood and the other message) over flood_stored_seconds.
- process_cpu_seconds: CPU the bench process (desk and fakes) used meanwhile: on a busy
  machine the wall-clock figures grow with the load, this one much less.
- flood_staff_posts: once the flooder has paused a minute (the desk's clock is moved on),
  what staff got for the held messages: one summary, not hundreds of posts.

The fakes share the desk's process and event loop, so their own work (spec checks of every
request and answer, JSON) is in the figures too. Exit status 1 when an update was not
stored or not confirmed, the other card never came, staff got more than one flood post,
or a fake saw a request the real API would refuse; 2 when the published specs are missing.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.inbound import release_floods  # noqa: E402
from tests.e2e.harness import (  # noqa: E402
    INBOX,
    Desk,
    MovableClock,
    is_note,
    running_desk,
)
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.fakes.spec_paths import SPECS_DIR  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

SPEC_FILES = ("telegram/bot-api.json", "slack/web-api.openapi.json")
FLOODER, OTHER = 4242, 5151
OTHER_NAME = "Bea"
OTHER_TEXT = "Where is my order #A10293? I ordered two weeks ago."
POLL_SECONDS = 0.01  # how often the bench looks at the fakes (the figures' resolution)


class CardWatch:
    """Whether the fake Slack got the other shopper's card, reading only the calls made
    since the last look (copying every stored message each time would cost the desk)."""

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


async def seconds_until(
    condition: Callable[[], bool], since: float, timeout: float
) -> float | None:
    """Wall seconds from ``since`` until ``condition()`` holds; None at the timeout."""
    while not condition():
        if time.monotonic() - since > timeout:
            return None
        await asyncio.sleep(POLL_SECONDS)
    return time.monotonic() - since


async def run(flood: int, db: Path, timeout: float) -> int:
    logging.getLogger().setLevel(logging.WARNING)
    clock = MovableClock()
    async with FakeTelegramAPI() as telegram, FakeSlackAPI() as slack:
        async with running_desk(db, telegram, slack, clock=clock) as desk:
            for n in range(flood):
                telegram.push_update(
                    telegram.text_update(FLOODER, f"hello?? message {n:05d}", first_name="Ana")
                )
            flood_queued, cpu_before = time.monotonic(), time.process_time()
            telegram.push_update(telegram.text_update(OTHER, OTHER_TEXT, first_name=OTHER_NAME))
            other_queued = time.monotonic()
            print(f"queued flood={flood} (+1 other) in the fake Telegram", file=sys.stderr)

            stored, card = await asyncio.gather(
                seconds_until(lambda: not telegram.pending_updates, flood_queued, timeout),
                seconds_until(CardWatch(slack).posted, other_queued, timeout),
            )
            cpu = time.process_time() - cpu_before
            counts = await desk.runtime.ctx.store.counts()
            inbound = counts["messages"].get("in", 0)

            clock.advance(61)  # the flooder paused a minute: held messages go to staff
            await release_floods(desk.runtime.ctx)
            await seconds_until(lambda: flood_posts(desk) > 0, time.monotonic(), 30)
            await asyncio.sleep(1.0)  # a second post would have been paced right behind it
            posts = flood_posts(desk)
    total = flood + 1
    print(f"stored={inbound} of {total} unconfirmed={len(telegram.pending_updates)}")
    print(f"flood_staff_posts={posts}")
    print(f"process_cpu_seconds={cpu:.2f} (desk and fakes, until both figures were in)")
    violations = telegram.violations + slack.violations
    for violation in violations[:5]:
        print(f"violation: {violation}")
    shown_card = f"{card:.2f}" if card is not None else f"none_after_{timeout:g}s"
    shown_stored = f"{stored:.2f}" if stored is not None else f"none_after_{timeout:g}s"
    rate = f"{total / stored:.0f}" if stored else "0"
    print(
        f"flood_messages={flood} other_card_seconds={shown_card}"
        f" flood_stored_seconds={shown_stored} updates_per_second={rate}"
    )
    bad = card is None or stored is None or inbound != total or posts != 1 or violations
    return 1 if bad else 0


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
    missing = [name for name in SPEC_FILES if not (SPECS_DIR / name).is_file()]
    if missing:
        print(f"published specs missing under {SPECS_DIR}: {', '.join(missing)}")
        sys.exit(2)
    if args.db:
        sys.exit(asyncio.run(run(args.flood, args.db, args.timeout)))
    with tempfile.TemporaryDirectory() as scratch:
        sys.exit(asyncio.run(run(args.flood, Path(scratch) / "desk.sqlite3", args.timeout)))


if __name__ == "__main__":
    main()
