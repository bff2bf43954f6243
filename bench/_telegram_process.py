"""The fake Telegram in a process of its own, for ``bench/big_update.py``: what the fake
spends building and sending a 4 MB update must not be counted as the desk's.

    python bench/_telegram_process.py --megabytes 4 --chat 4242

Prints its Bot API base URL, then reads commands on stdin, one a line:
``push`` queues the big text update (answers ``pushed``); ``end`` (or stdin closing)
prints ``pending=N violations=N`` (updates not confirmed by a getUpdates offset, and
requests the real API would refuse) and stops.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

SENTENCE = "Where is my order #A10293? I ordered two weeks ago and nothing arrived yet. "


def big_text(megabytes: float) -> str:
    """A shopper-like text of ``megabytes`` MiB (ASCII: one byte a character)."""
    size = int(megabytes * 1024 * 1024)
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size]


async def serve(megabytes: float, chat: int) -> None:
    loop = asyncio.get_running_loop()
    async with FakeTelegramAPI() as telegram:
        print(telegram.base_url, telegram.token, flush=True)
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
            if line == "push":
                update = telegram.text_update(chat, big_text(megabytes), language_code="en")
                telegram.push_update(update)
                print("pushed", flush=True)
            elif line in ("end", ""):
                break
        pending, violations = len(telegram.pending_updates), len(telegram.violations)
        print(f"pending={pending} violations={violations}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--chat", type=int, default=4242)
    args = parser.parse_args()
    asyncio.run(serve(args.megabytes, args.chat))


if __name__ == "__main__":
    main()
