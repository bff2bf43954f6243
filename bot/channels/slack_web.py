"""Slack Web API calls, paced and retried: what the workspace adapter sends through.

Slack's published limits, kept with a margin: ``chat.postMessage`` about one per second per
channel, ``chat.update`` Tier 3 (50+ a minute). A call that meets ``ratelimited`` waits
the ``Retry-After`` Slack gave; one that meets a 5xx, a timeout or a dropped connection
backs off with jitter; after ``CALL_ATTEMPTS`` it raises ``ChannelError`` and the caller's
own durability (the resume loop, the outbox) takes it from there.

    web = SlackWeb(AsyncWebClient(token=…), Pacer())
    response = await web.call("chat_postMessage", channel="C0123456789", text="Hello")
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ChannelError, ChannelRateLimited, ChannelRejected, ChannelUnavailable
from bot.models import Limit
from bot.pacing import Pacer, backoff_seconds

logger = logging.getLogger(__name__)

POST_LIMIT = Limit(1, 1.1)
UPDATE_LIMIT = Limit(45, 60.0)
CALL_ATTEMPTS = 5
MAX_RETRY_AFTER = 120.0


class SlackWeb:
    """Calls ``AsyncWebClient`` methods by name within Slack's rate limits."""

    def __init__(self, client: AsyncWebClient, pacer: Pacer) -> None:
        self.client = client
        self.pacer = pacer

    async def call(self, method: str, *, pacing_turn: str | None = None, **kwargs: Any) -> Any:
        """One Web API call, paced, retried on rate limits and outages; ChannelError after
        ``CALL_ATTEMPTS`` (the caller's own durability — the resume loop, the outbox —
        takes it from there). ``pacing_turn`` names whose post it is (a conversation), so
        posts waiting for the same channel take turns (``bot.pacing``)."""
        rules = _pacing_rules(method, kwargs)
        for attempt in range(1, CALL_ATTEMPTS + 1):
            try:
                async with self.pacer.slot(rules, turn=pacing_turn):
                    return await getattr(self.client, method)(**kwargs)
            except SlackApiError as exc:
                error = _wrap(exc)
            except (OSError, TimeoutError, aiohttp.ClientError) as exc:
                error = ChannelUnavailable(f"slack unreachable: {exc!r}")
            if isinstance(error, ChannelRejected) or attempt == CALL_ATTEMPTS:
                raise error
            if isinstance(error, ChannelRateLimited):
                wait = min(error.retry_after, MAX_RETRY_AFTER)
                for key, _ in rules:
                    self.pacer.hold(key, wait)
            else:
                wait = backoff_seconds(attempt, base=1.0, cap=30.0)
                await self.pacer.sleep(wait)
            logger.warning(
                "slack %s failed (%s); attempt %d in %.1fs", method, error, attempt + 1, wait
            )
        raise AssertionError("unreachable")


def _pacing_rules(method: str, kwargs: Mapping[str, Any]) -> list[tuple[str, Limit]]:
    if method == "chat_postMessage":
        return [(f"slack:{kwargs.get('channel')}", POST_LIMIT)]
    if method == "chat_update":
        return [("slack:chat.update", UPDATE_LIMIT)]
    return []


def _wrap(exc: SlackApiError) -> ChannelError:
    error = exc.response.get("error", "") if exc.response is not None else ""
    if exc.response is not None and exc.response.status_code == 429:
        retry = float(exc.response.headers.get("Retry-After", 1) or 1)
        return ChannelRateLimited(retry, f"slack rate limited ({error})")
    if error in (
        "invalid_auth",
        "not_authed",
        "channel_not_found",
        "not_in_channel",
        "account_inactive",
        "invalid_arguments",
        "message_not_found",
    ):
        return ChannelRejected(f"slack refused the request: {error}")
    return ChannelUnavailable(f"slack error: {error or exc}")
