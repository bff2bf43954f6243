"""``borderdesk run`` from start to stop: the platforms checked first, a signal obeyed at once.

Why: a store owner starting the desk for the first time needs to hear at once, in one
line, that a token is wrong or a host unreachable, not watch it retry with tracebacks;
and Ctrl-C must work even while it is still connecting. So ``serve``

- handles SIGINT and SIGTERM before anything else: a signal while checking, migrating or
  connecting cancels that step, closes what was opened and exits 0, as after serving;
- binds each port it will listen on once (``bot.listening``): one taken by another
  program or another desk is a ``ConfigError`` naming the setting and the port;
- asks Telegram (getMe), Slack (auth.test) and, when configured, WhatsApp (the business
  number) whether they accept our tokens, once each,
  within BORDERDESK_CONNECT_TIMEOUT seconds; in Socket Mode the workspace's first
  connection has the same bound (see ``bot.channels.slack_connect``);
- on a failure raises ``ChannelRejected`` (a token refused: which variable to check) or
  ``ChannelUnavailable`` (no answer: which host, and that it does not retry at start),
  whose one-line message ``bot.cli`` prints, secrets masked.

Once serving, outages are retried with back-off and one log line each (channels in
``Runtime``, Telegram polling, Slack Web API calls, Socket Mode reconnects).

    asyncio.run(serve(load_config(require_platforms=True)))
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from bot.channels.base import CustomerChannel
from bot.channels.slack import SlackWorkspace
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.config import Config
from bot.errors import ChannelError, ChannelRejected, ChannelUnavailable
from bot.listening import check_ports
from bot.logs import redact
from bot.pacing import desk_pacer
from bot.runtime import (
    Runtime,
    load_desk_for,
    slack_workspace,
    telegram_channel,
    whatsapp_channel,
)

logger = logging.getLogger(__name__)

NOT_RETRIED = "run does not retry at start"


async def serve(config: Config) -> None:
    """Check, start, serve until SIGINT or SIGTERM, then stop cleanly (see the module)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    check_ports(config)
    desk = load_desk_for(config)
    # Slack's own pacing and the outbox's, each on real time (a test's scaled time when
    # BORDERDESK_TEST_TIME_SCALE is set, see bot.pacing)
    telegram, slack = telegram_channel(config), slack_workspace(config, desk, desk_pacer())
    whatsapp = whatsapp_channel(config) if config.whatsapp_enabled else None
    channels: list[CustomerChannel] = [telegram] + ([whatsapp] if whatsapp else [])
    runtime = Runtime(config, channels=channels, workspace=slack, desk=desk, pacer=desk_pacer())
    try:
        if await _unless_stopped(stop, check_platforms(config, telegram, slack, whatsapp)):
            if await _unless_stopped(stop, _start(config, runtime)):
                await stop.wait()
        logger.info("signal received, stopping")
    finally:
        await runtime.stop()
        # checked but maybe never started: their HTTP clients are open
        for channel in channels:
            await channel.stop()
        await slack.stop()


async def check_platforms(
    config: Config,
    telegram: TelegramChannel,
    slack: SlackWorkspace,
    whatsapp: WhatsAppChannel | None = None,
) -> None:
    """getMe, auth.test and WhatsApp's business number, once each and bounded:
    ChannelError with a one-line message."""
    bot = await _answer(
        config, telegram.check(), "Telegram", config.telegram_api_url, _telegram_refused
    )
    team = await _answer(config, slack.check(), "Slack", config.slack_api_url, _slack_refused)
    logger.info("telegram accepts the token (%s); slack too (%s)", bot, team)
    if whatsapp is not None:
        number = await _answer(
            config, whatsapp.check(), "WhatsApp", config.whatsapp_api_url, _whatsapp_refused
        )
        logger.info("whatsapp accepts the token (business number %s)", number)


async def _answer(
    config: Config,
    call: Awaitable[str],
    platform: str,
    url: str,
    refused: Callable[[str], str],
) -> str:
    host = urlsplit(url).netloc or url
    try:
        async with asyncio.timeout(config.connect_timeout):
            return await call
    except ChannelRejected as exc:
        raise ChannelRejected(_line(config, refused(_reason(exc)))) from exc
    except (ChannelError, TimeoutError) as exc:
        reason = _reason(exc) or f"no answer within {config.connect_timeout:g}s"
        raise ChannelUnavailable(
            _line(
                config,
                f"{platform} is not reachable at {host} ({reason}); {NOT_RETRIED}: check the "
                f"network or a proxy (and BORDERDESK_{platform.upper()}_API_URL if you set "
                "it), then start it again",
            )
        ) from exc


async def _start(config: Config, runtime: Runtime) -> None:
    """Runtime.start, its Slack failures (the Socket Mode connection) said in one line."""
    try:
        await runtime.start()
    except ChannelRejected as exc:
        raise ChannelRejected(
            _line(
                config,
                f"Slack refused SLACK_APP_TOKEN ({exc}): create an app-level token with the "
                "connections:write scope (Basic Information, App-Level Tokens) and turn on "
                "Socket Mode for the app",
            )
        ) from exc
    except ChannelUnavailable as exc:
        raise ChannelUnavailable(
            _line(
                config,
                f"Slack Socket Mode did not connect: {exc}; {NOT_RETRIED}: check the network "
                "or a proxy, or allow more time with BORDERDESK_CONNECT_TIMEOUT",
            )
        ) from exc


async def _unless_stopped(stop: asyncio.Event, step: Awaitable[None]) -> bool:
    """Run a start-up step until it ends (True; its error is raised) or a signal comes
    (False: the step is cancelled and has closed what it opened)."""
    task = asyncio.ensure_future(step)
    signalled = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, signalled}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        signalled.cancel()
    if task.done():
        task.result()
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return False


def _telegram_refused(reason: str) -> str:
    return (
        f"Telegram refused TELEGRAM_BOT_TOKEN ({reason}): copy the token @BotFather gave you "
        "(/mybots, API Token) into .env or the environment"
    )


def _slack_refused(reason: str) -> str:
    return (
        f"Slack refused SLACK_BOT_TOKEN ({reason}): copy the Bot User OAuth Token (xoxb-…) "
        "from OAuth & Permissions, after installing the app to your workspace"
    )


def _whatsapp_refused(reason: str) -> str:
    return (
        f"WhatsApp refused WHATSAPP_ACCESS_TOKEN or BORDERDESK_WHATSAPP_PHONE_NUMBER_ID "
        f"({reason}): copy a System User token with whatsapp_business_messaging (Business "
        "settings, System users) and the Phone number ID from WhatsApp, API Setup"
    )


def _reason(exc: BaseException) -> str:
    """What the adapter said, without its "telegram unreachable:" (the line says that)."""
    text = str(exc)
    for said in ("telegram refused the request: ", "telegram unreachable: "):
        text = text.removeprefix(said)
    return text


def _line(config: Config, text: str) -> str:
    """One line, secrets masked: it is printed as it is, not through the logging filter."""
    return redact(" ".join(text.split()), config.secrets())
