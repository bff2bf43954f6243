"""How the fuzz tests talk to a running desk and read back what it did.

status = await post_telegram(hook_url, b"{not json")
assert stored_inbound(db, "4242:7")[0].processed
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from tests.fakes.slack_client import sign

TELEGRAM_SECRET = "s3cret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def post_telegram(url: str, body: bytes, secret: str | None = TELEGRAM_SECRET) -> int:
    """POST to the webhook like Telegram (with ``secret`` in its header; None: no header)."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=headers) as response:
            return response.status


async def post_slack(
    url: str,
    body: bytes,
    content_type: str,
    *,
    secret: str | None,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """POST like Slack: signed with ``secret`` (None: no signature headers at all)."""
    all_headers = {"Content-Type": content_type, **(headers or {})}
    if secret is not None:
        ts = int(time.time()) if timestamp is None else timestamp
        all_headers["X-Slack-Request-Timestamp"] = str(ts)
        all_headers["X-Slack-Signature"] = sign(secret, body, ts)
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=all_headers) as response:
            return response.status


@dataclass(frozen=True)
class StoredRow:
    """An inbound message as stored: its text and whether it was handled or held."""

    text: str
    processed: bool
    hold_reason: str | None


def stored_inbound(db: Path, platform_id: str, channel: str = "telegram") -> list[StoredRow]:
    """Inbound rows for one platform message id, read straight from the SQLite file; an
    oversized text, cut for handling, with the whole text kept in its own row."""
    query = (
        "SELECT text, processed_at, hold_reason FROM messages "
        "WHERE direction = 'in' AND channel = ? AND platform_message_id = ?"
    )
    with sqlite3.connect(db) as conn:
        rows = conn.execute(query, (channel, platform_id)).fetchall()
        whole = conn.execute(query, (channel, f"{platform_id}:full_text")).fetchall()
    if len(rows) == 1 and len(whole) == 1:
        rows = [(whole[0][0], *rows[0][1:])]
    return [StoredRow(text, processed is not None, hold) for text, processed, hold in rows]


_LIVE = re.compile(r"<(?:[!@#]|https?:|mailto:)[^>]*>?")
_PRODUCT_LINK = re.compile(r"<https://slack\.com/archives/[A-Z0-9]+/p\d+\|")


def live_markup(post: dict[str, Any]) -> list[str]:
    """Mentions and links Slack would make live in a posted message, except the product's
    own links to the inbox (``<https://slack.com/archives/…|…>``)."""
    texts: list[str] = [str(post.get("text", ""))]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(post.get("blocks") or [])
    return [
        found for text in texts for found in _LIVE.findall(text) if not _PRODUCT_LINK.match(found)
    ]


async def wait_until(check: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    """Poll ``check()`` until it returns something truthy; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (found := check()):
        if loop.time() > deadline:
            raise AssertionError(f"still waiting after {timeout:.0f}s for {what}")
        await asyncio.sleep(0.02)
    return found


class VirtualTime:
    """A clock for ``Pacer`` that jumps forward instead of sleeping, so paced calls go at once."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)
