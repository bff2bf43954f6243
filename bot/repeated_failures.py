"""A failure that repeats is logged once, then as a count, never as a traceback per retry.

On a full disk every outbox pass, every resume pass and every incoming update fails the
same way; a traceback each time buried the one line that mattered (20,505 lines in two
minutes). The first failure of a kind is logged with its traceback; while it keeps
failing, one line a minute says how often ("… failed 37 times in the last minute"); the
first success after failures says so.

    failures = RepeatedFailures(logger, "outbox pass")
    try:
        await one_pass()
    except Exception as exc:
        failures.failed(exc)
    else:
        failures.succeeded()
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

WINDOW_SECONDS = 60.0


class RepeatedFailures:
    """Counts failures of one kind of work and logs them at most once a window."""

    def __init__(
        self,
        logger: logging.Logger,
        what: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self.logger = logger
        self.what = what
        self.clock = clock
        self.window = window
        self._count = 0  # failures not yet reported
        self._total = 0  # failures since the last success
        self._reported_at: float | None = None

    def failed(self, exc: BaseException, detail: str = "") -> None:
        """Note one failure; logs the first with its traceback, then a count per window."""
        now = self.clock()
        self._total += 1
        suffix = f" ({detail})" if detail else ""
        if self._reported_at is None:
            self.logger.error(
                "%s failed%s; retrying, further failures are counted",
                self.what,
                suffix,
                exc_info=exc,
            )
            self._reported_at = now
            return
        self._count += 1
        if now - self._reported_at >= self.window:
            self.logger.error(
                "%s failed %d times in the last minute%s; still retrying (last error: %s)",
                self.what,
                self._count,
                suffix,
                _one_line(exc),
            )
            self._count, self._reported_at = 0, now

    def succeeded(self) -> bool:
        """The work went through again: say so once if it had been failing (then True)."""
        recovered = self._total > 0
        if recovered:
            self.logger.info("%s works again after %d failure(s)", self.what, self._total)
        self._count, self._total, self._reported_at = 0, 0, None
        return recovered


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"
