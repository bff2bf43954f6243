"""One 4 MB text update over polling: what it costs a running desk in memory and in
event-loop time (issue 14: it once cost +616 MB and stalled the loop past Slack's 3 s
deadline for acknowledging a click).

    python bench/big_update.py [--megabytes 4] [--db PATH]

A real desk (python-telegram-bot polling, slack-bolt, SQLite file) runs against the fake
Slack in this process and the fake Telegram in a process of its own
(``bench/_telegram_process.py``), so building and sending the update is not counted. Once
the desk is idle, the fake queues one text update of ``--megabytes`` MiB; the run ends
when its card is in the Slack inbox and Telegram has been told the update is stored.

Last line ``rss_growth_mb=X loop_stall_ms=Y``:

- rss_growth_mb: the process's peak resident memory during the intake minus its resident
  memory just before (the kernel's high-water mark, reset first; else the highest of
  samples taken every 10 ms);
- loop_stall_ms: the longest gap between two ticks of a task that sleeps 10 ms, during
  the intake (10 ms is a loop that never stalled; Slack wants an answer within 3,000 ms).

Above it: seconds from the push to the stored message, to the card, and how long the
stored text and the card's text are.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.harness import always_open, running_desk  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.fakes.spec_paths import missing_specs  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramAPI  # noqa: E402

TICK_SECONDS = 0.01
HELPER = Path(__file__).resolve().parent / "_telegram_process.py"


@dataclass
class RemoteTelegram:
    """What the desk's settings need of the fake Telegram running in the helper process."""

    base_url: str
    token: str


def rss_kb(field: str = "VmRSS") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def reset_peak() -> bool:
    """Reset the kernel's peak-memory mark for this process (Linux 4.0+)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


class Ticker:
    """A task that sleeps 10 ms at a time, noting the longest gap and the highest RSS."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.highest_kb = 0
        self.samples: list[tuple[float, int]] = []  # (monotonic time, RSS in kB)
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        self._stop.set()
        assert self._task is not None
        await self._task

    async def _run(self) -> None:
        last = time.monotonic()
        while not self._stop.is_set():
            await asyncio.sleep(TICK_SECONDS)
            now = time.monotonic()
            self.longest = max(self.longest, now - last)
            rss = rss_kb()
            self.highest_kb = max(self.highest_kb, rss)
            self.samples.append((now, rss))
            last = now

    def growth_by(self, moment: float, before_kb: int) -> float:
        """The highest RSS sampled up to ``moment``, in MB over ``before_kb``."""
        seen = [rss for at, rss in self.samples if at <= moment]
        return (max(seen, default=before_kb) - before_kb) / 1024


def stored_lengths(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT length(text) FROM messages WHERE direction = 'in'").fetchall()
    conn.close()
    return [length for (length,) in rows]


def stored_any(db: Path) -> bool:
    return bool(stored_lengths(db))


async def line_from(process: asyncio.subprocess.Process) -> str:
    assert process.stdout is not None
    return (await process.stdout.readline()).decode().strip()


async def run(args: argparse.Namespace, db: Path) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    helper = await asyncio.create_subprocess_exec(
        sys.executable,
        str(HELPER),
        "--megabytes",
        str(args.megabytes),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert helper.stdin is not None
    base_url, token = (await line_from(helper)).split()
    telegram = cast(FakeTelegramAPI, RemoteTelegram(base_url, token))
    async with FakeSlackAPI() as slack:
        async with running_desk(db, telegram, slack, desk=always_open()) as desk:
            await asyncio.sleep(2)  # let start-up work (the first polls, the catch-up) end
            gc.collect()
            before_kb = rss_kb()
            peak_reset = reset_peak()
            ticker = Ticker()
            ticker.start()
            pushed_at = time.monotonic()
            helper.stdin.write(b"push\n")
            await helper.stdin.drain()
            assert await line_from(helper) == "pushed"
            stored_s = card_s = None
            deadline = pushed_at + args.timeout
            while card_s is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
                if stored_s is None and await asyncio.to_thread(stored_any, db):
                    stored_s = time.monotonic() - pushed_at
                if desk.inbox_cards():
                    card_s = time.monotonic() - pushed_at
            await asyncio.sleep(1.5)  # the next getUpdates confirms the update
            await ticker.stop()
            peak_kb = rss_kb("VmHWM") if peak_reset else ticker.highest_kb
            cards = desk.inbox_cards()
        helper.stdin.write(b"end\n")
        await helper.stdin.drain()
        confirmation = await line_from(helper)
        await helper.wait()
    card_chars = sum(len(str(b)) for c in cards for b in c.get("blocks", []))
    print(f"update_mb={args.megabytes:g} pushed->stored_s={stored_s} pushed->card_s={card_s}")
    print(f"stored_text_lengths={sorted(stored_lengths(db))} card_chars={card_chars}")
    if stored_s is not None and card_s is not None:
        by_stored = ticker.growth_by(pushed_at + stored_s, before_kb)
        by_card = ticker.growth_by(pushed_at + card_s, before_kb)
        print(f"rss_growth_sampled_mb: by_stored={by_stored:.1f} by_card={by_card:.1f}")
    print(f"telegram: {confirmation}; peak from {'VmHWM' if peak_reset else '10 ms samples'}")
    print(
        f"rss_growth_mb={(peak_kb - before_kb) / 1024:.1f} "
        f"loop_stall_ms={ticker.longest * 1000:.0f}"
    )
    return 0 if card_s is not None and confirmation.startswith("pending=0") else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--db", type=Path, help="SQLite file (default: a temporary one)")
    args = parser.parse_args()
    if problem := missing_specs():
        print(problem, file=sys.stderr)
        return 2
    if args.db is not None:
        return asyncio.run(run(args, args.db))
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(run(args, Path(folder) / "desk.sqlite3"))


if __name__ == "__main__":
    sys.exit(main())
