"""Logging set-up: one line per event, and secrets never written out.

httpx logs every request URL, and Telegram puts the bot token in the URL; the redacting
formatter replaces any configured secret (and anything shaped like a bot token) with ``***``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

_TOKEN_SHAPES = re.compile(
    r"(?<!\d)\d{6,}:[A-Za-z0-9_-]{30,}\b|\bxox[abpr]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+"
)


class RedactingFormatter(logging.Formatter):
    """A formatter that masks secrets in the final text, tracebacks included."""

    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt)
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each secret, and anything shaped like a token, replaced by ``***``:
    for log lines and for messages printed without a logger (``run``'s start-up errors;
    python-telegram-bot puts a refused token in its exception)."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return _TOKEN_SHAPES.sub("***", text)


def configure_logging(
    level: str = "INFO", secrets: Iterable[str] = (), *, path: Path | None = None
) -> None:
    """One handler on the root logger: stderr, or the file ``path`` (appended to; for
    ``borderdesk chat``, whose screen is the conversation)."""
    handler: logging.Handler
    if path is None:
        handler = logging.StreamHandler()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(
        RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # slack_sdk logs each of its own retries at INFO ("A retry handler found"); ours say it
    for noisy in ("httpx", "apscheduler", "aiohttp.access", "slack_sdk"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    # aiosqlite logs every statement with its values at DEBUG: shoppers' messages, one-time
    # join codes. Those are never written out, whatever the level.
    logging.getLogger("aiosqlite").setLevel(max(logging.INFO, root.level))
