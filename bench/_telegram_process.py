"""The fake Telegram in a process of its own, for ``bench/flood.py`` and
``bench/big_update.py``: the fake's own work (building updates, checking every request and
answer against the spec, JSON) must not be counted as the desk's, as the real Telegram's
is not.

    python bench/_telegram_process.py [--chat 4242] [--megabytes 4] [--other 5151]

Prints its Bot API base URL and token, then reads commands on stdin, one a line:

- ``push`` queues one text update of ``--megabytes`` MiB from ``--chat`` (answers
  ``pushed``);
- ``flood N`` queues N text updates from ``--chat`` at once, then one from the other
  shopper ``--other`` (first name Bea), and answers ``queued T`` (``time.monotonic()``
  when the other shopper's update was queued: the same clock in every process on Linux);
  once every update is confirmed by a getUpdates offset it prints ``confirmed T``;
- ``end`` (or stdin closing) prints ``pending=N violations=N`` (updates not confirmed,
  requests the real API would refuse; the first violations follow, one a line) and stops.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

SENTENCE = "Where is my order #A10293? I ordered two weeks ago and nothing arrived yet. "
OTHER_NAME = "Bea"
OTHER_TEXT = "Where is my order #A10293? I ordered two weeks ago."


def big_text(megabytes: float) -> str:
    """A shopper-like text of ``megabytes`` MiB (ASCII: one byte a character)."""
    size = int(megabytes * 1024 * 1024)
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size]


async def report_confirmed(telegram: FakeTelegramAPI) -> None:
    while telegram.pending_updates:
        await asyncio.sleep(0.005)
    print(f"confirmed {time.monotonic()}", flush=True)


def flood(telegram: FakeTelegramAPI, count: int, chat: int, other: int) -> None:
    for n in range(count):
        telegram.push_update(telegram.text_update(chat, f"hello?? message {n:05d}"))
    telegram.push_update(telegram.text_update(other, OTHER_TEXT, first_name=OTHER_NAME))


async def serve(args: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    watching: asyncio.Task[None] | None = None
    async with FakeTelegramAPI() as telegram:
        print(telegram.base_url, telegram.token, flush=True)
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).split()
            if line == ["push"]:
                text = big_text(args.megabytes)
                telegram.push_update(telegram.text_update(args.chat, text, language_code="en"))
                print("pushed", flush=True)
            elif line[:1] == ["flood"]:
                flood(telegram, int(line[1]), args.chat, args.other)
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
    parser.add_argument("--chat", "--flooder", type=int, default=4242)
    parser.add_argument("--other", type=int, default=5151)
    parser.add_argument("--megabytes", type=float, default=4.0)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
