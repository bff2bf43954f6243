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
        text = super().format(record)
        for secret in self.secrets:
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
    for noisy in ("httpx", "apscheduler", "aiohttp.access"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
