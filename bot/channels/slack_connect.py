"""Connecting to Slack: the bot token checked at start, Socket Mode opened within a bound.

Why a module of its own: slack_sdk's Socket Mode client retries a failed connection
forever, ``ping_interval`` seconds apart, and logs every failure with
``logger.exception`` (a traceback of about 65 lines). Awaited at start, that made
``borderdesk run`` hang, deaf to signals, filling the log. Here the first connection has
to open within ``timeout`` seconds or a ``ChannelError`` says why (the app-level token
refused, or no connection and the last problem seen); and the client logs through
``SDK_LOGGER``, whose ``OneLineRetries`` filter keeps each record to one line (the
traceback only at DEBUG) and reports a run of failed reconnects at failures 1, 2, 4, 8…
so an outage of hours stays a handful of lines.

    await auth_check(client)                      # auth.test with the bot token
    socket = SocketConnection(app, app_token, timeout=30)
    await socket.open()                           # ChannelError after 30 s at the latest
    ...
    await socket.close()
"""

from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import urlsplit

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ChannelError, ChannelRejected, ChannelUnavailable

SDK_LOGGER = logging.getLogger(__name__ + ".socket_mode")

# auth.test and apps.connections.open answers that mean the token itself is refused
REFUSED_TOKEN = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
        "missing_scope",
    }
)
_TICKET = re.compile(r"(wss?://[^\s?'\"]+)\?[^\s'\"]*")  # a socket URL's one-time ticket


class OneLineRetries(logging.Filter):
    """Keeps slack_sdk's Socket Mode records to one line each and thins runs of failures.

    A record with a traceback keeps it only when DEBUG is on; a socket URL's ticket is cut
    off. Consecutive warnings and errors are a run (an established session ends it): its
    records pass at failures 1, 2, 4, 8…, each saying which failure it is. ``last_problem``
    is the newest of them, for the message when the first connection never opens.
    """

    def __init__(self) -> None:
        super().__init__()
        self.failures = 0
        self.last_problem = ""

    def filter(self, record: logging.LogRecord) -> bool:
        text = _TICKET.sub(r"\1?…", record.getMessage())
        record.msg, record.args = text, None
        if record.exc_info and not SDK_LOGGER.isEnabledFor(logging.DEBUG):
            record.exc_info, record.exc_text = None, None
        if record.levelno < logging.WARNING:
            if "has been established" in text:
                self.failures = 0
            return True
        self.failures += 1
        self.last_problem = text.removesuffix("; Retrying...")
        if self.failures & (self.failures - 1):  # not a power of two: counted, not shown
            return False
        if self.failures > 1:
            record.msg = f"{text} [failure {self.failures} in a row; next shown at failure " + (
                f"{self.failures * 2}]"
            )
        return True


async def auth_check(client: AsyncWebClient) -> str:
    """auth.test with the bot token, once (start-up does not retry): who the bot is and in
    which workspace. ChannelRejected when the token is refused, ChannelUnavailable when
    Slack cannot be reached or answers with another error."""
    try:
        answer = await client.auth_test()
    except SlackApiError as exc:
        raise _api_error(exc) from exc
    except (OSError, TimeoutError, aiohttp.ClientError) as exc:
        raise ChannelUnavailable(_one_line(exc)) from exc
    return f"{answer.get('user', '?')} in {answer.get('team', '?')}"


class SocketConnection:
    """One Socket Mode connection of a bolt app; after it opened, slack_sdk keeps it up
    (reconnecting on its own, logging through ``SDK_LOGGER``)."""

    def __init__(self, app: AsyncApp, app_token: str, *, timeout: float) -> None:
        self.timeout = timeout
        self.log = OneLineRetries()
        SDK_LOGGER.addFilter(self.log)
        self.handler = AsyncSocketModeHandler(app, app_token, logger=SDK_LOGGER)

    async def open(self) -> None:
        """Ask for a socket URL with the app-level token, then connect; ChannelRejected when
        the token is refused, ChannelUnavailable when no connection opened in time."""
        client = self.handler.client
        try:
            async with asyncio.timeout(self.timeout):
                try:
                    client.wss_uri = await client.issue_new_wss_url()
                except SlackApiError as exc:
                    raise _api_error(exc) from exc
                except (OSError, aiohttp.ClientError) as exc:
                    raise ChannelUnavailable(_one_line(exc)) from exc
                await self.handler.connect_async()
        except TimeoutError as exc:
            host = urlsplit(client.wss_uri or "").netloc or "Slack"
            last = f" (last problem: {self.log.last_problem})" if self.log.last_problem else ""
            raise ChannelUnavailable(
                f"no Socket Mode connection to {host} within {self.timeout:g}s{last}"
            ) from exc

    async def close(self) -> None:
        try:
            await self.handler.close_async()
        finally:
            SDK_LOGGER.removeFilter(self.log)


def _api_error(exc: SlackApiError) -> ChannelError:
    error = str(exc.response.get("error", "")) if exc.response is not None else ""
    if error in REFUSED_TOKEN:
        return ChannelRejected(error)
    return ChannelUnavailable(f"slack answered {error or _one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    """An exception as one short line: its type and first words, never a URL's query."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return _TICKET.sub(r"\1?…", f"{type(exc).__name__}: {text}"[:200])
