"""``borderdesk`` with a short outbox lease and quick pacing, for the crash test's child.

Two waits of the real command stretch a crash test without testing anything more:

- the one resend a crash can cause waits for the outbox lease to run out (``bot/outbox.py``,
  60 s by default, which no setting changes);
- Slack and Telegram calls are paced to the platforms' rate limits (``bot.pacing``), so
  the cards of forty messages left unhandled by the kills take forty seconds to post.

The crash test still runs the real command, through this entry point: the lease it is
given, and a pacer whose time runs ``--pace-speed`` times faster (the same waits and sends,
in order, as ``tests.e2e.harness.fast_pacer`` gives the in-process tests). Everything else
is ``bot.cli.main``.

A third wait is the restart itself: importing the desk's modules (python-telegram-bot,
slack-bolt, SQLAlchemy, numpy, matplotlib) takes about 2 s of CPU, at each of the six
starts. With ``--wait`` the process imports them (and loads the country names the answers
use, another few tenths of a second that every start pays, ``replies.facts.fill.prepare``)
and then waits for one line on stdin before it runs the command, so the test starts the
next run's process while the current one works and only says "go" after the kill.
Nothing of the desk happens before that line (no setting read, no port bound, no database
opened); end of input without a line exits without running.

    python -m tests.e2e.crash_desk --outbox-lease 3 --pace-speed 20 run
    python -m tests.e2e.crash_desk --wait --outbox-lease 3 --pace-speed 20 run  # then "go"
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from datetime import timedelta

import bot.runtime
import bot.startup
from bot.cli import main as borderdesk
from bot.outbox import OutboxWorker
from replies.facts.fill import prepare
from tests.e2e.harness import fast_pacer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crash_desk", add_help=False)
    parser.add_argument("--outbox-lease", type=float, required=True, metavar="SECONDS")
    parser.add_argument("--pace-speed", type=float, default=1.0, metavar="TIMES")
    parser.add_argument("--wait", action="store_true")
    ours, rest = parser.parse_known_args(argv)
    if ours.wait:
        prepare()  # kept for the process: the desk's own call at start finds it done
        if not sys.stdin.readline():
            return 0  # the test ended before it needed this run
    # ``borderdesk run`` builds these from the names below when it starts (bot/startup.py,
    # bot/runtime.py); one pacer for the outbox and Slack: ``serve`` asks ``desk_pacer``
    # for each of them
    pacer = fast_pacer(ours.pace_speed)
    bot.runtime.OutboxWorker = functools.partial(  # type: ignore[misc,assignment]
        OutboxWorker, lease=timedelta(seconds=ours.outbox_lease)
    )
    bot.startup.desk_pacer = lambda: pacer  # type: ignore[assignment]
    return borderdesk(rest)


if __name__ == "__main__":
    sys.exit(main())
