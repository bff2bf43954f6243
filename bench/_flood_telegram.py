"""The fake Telegram in a process of its own, for ``bench/flood.py``: the fake's own work
(checking every request and answer against the spec, JSON) must not be counted as the
desk's, as the real Telegram's is not.

    python bench/_flood_telegram.py --flooder 4242 --other 5151

Prints its Bot API base URL and token, then reads commands on stdin, one a line:
``flood N`` queues N text updates from the flooder at once, then one from the other
shopper (first name Bea), and answers ``queued T`` (``time.monotonic()`` when the other
shopper's update was queued: the same clock in every process on Linux); once every
update is confirmed by a getUpdates offset it prints ``confirmed T``. ``end`` (or stdin
closing) prints ``pending=N violations=N`` (updates not confirmed, requests the real API
would refuse; the first violations follow, one a line) and stops.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

OTHER_NAME = "Bea"
OTHER_TEXT = "Where is my order #A10293? I ordered two weeks ago."


async def report_confirmed(telegram: FakeTelegramAPI) -> None:
    while telegram.pending_updates:
        await asyncio.sleep(0.005)
    print(f"confirmed {time.monotonic()}", flush=True)


async def serve(flooder: int, other: int) -> None:
    loop = asyncio.get_running_loop()
    watching: asyncio.Task[None] | None = None
    async with FakeTelegramAPI() as telegram:
        print(telegram.base_url, telegram.token, flush=True)
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).split()
            if line[:1] == ["flood"]:
                for n in range(int(line[1])):
                    update = telegram.text_update(flooder, f"hello?? message {n:05d}")
                    telegram.push_update(update)
                update = telegram.text_update(other, OTHER_TEXT, first_name=OTHER_NAME)
                telegram.push_update(update)
                print(f"queued {time.monotonic()}", flush=True)
                watching = asyncio.create_task(report_confirmed(telegram))
            elif line in (["end"], []):
                break
        if watching is not None:
            watching.cancel()
        pending, violations = len(telegram.pending_updates), telegram.violations
        print(f"pending={pending} violations={len(violations)}", flush=True)
        for violation in violations[:5]:
            print(violation, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flooder", type=int, default=4242)
    parser.add_argument("--other", type=int, default=5151)
    args = parser.parse_args()
    asyncio.run(serve(args.flooder, args.other))


if __name__ == "__main__":
    main()
