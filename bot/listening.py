"""The ports ``borderdesk run`` listens on, checked before anything connects.

Why: a port that another program (or a second desk) already has made ``run`` die with a
raw aiohttp traceback, after it had already checked the platforms and opened the
database. Binding each configured address once, up front, turns that into one line that
names the setting and the port; the servers themselves say the same if the port is
taken in between (see ``listen_failed``)::

    check_ports(config)   # ConfigError: "BORDERDESK_SLACK_LISTEN: cannot listen on ..."
"""

from __future__ import annotations

import socket

from bot.config import Config
from bot.errors import ConfigError


def listening_addresses(config: Config) -> list[tuple[str, tuple[str, int]]]:
    """(setting, address) for every server this configuration starts (the order webhooks
    only when a secret for them is set)."""
    addresses = []
    if config.order_events_secret or config.shopify_webhook_secret:
        addresses.append(("BORDERDESK_WEBHOOK_LISTEN", config.webhook_listen))
    if config.slack_mode == "http":
        addresses.append(("BORDERDESK_SLACK_LISTEN", config.slack_listen))
    if config.telegram_mode == "webhook":
        addresses.append(("BORDERDESK_TELEGRAM_WEBHOOK_LISTEN", config.telegram_webhook_listen))
    if config.whatsapp_enabled:
        addresses.append(("BORDERDESK_WHATSAPP_LISTEN", config.whatsapp_listen))
    if config.health_listen is not None:
        addresses.append(("BORDERDESK_HEALTH_LISTEN", config.health_listen))
    return addresses


def check_ports(config: Config) -> None:
    """Bind and release every address ``run`` will listen on; ConfigError for the first
    that cannot be had, or for two settings naming the same port."""
    seen: dict[tuple[str, int], str] = {}
    for setting, address in listening_addresses(config):
        if address in seen:
            raise ConfigError(
                f"{setting} and {seen[address]} both name {address[0]}:{address[1]}: "
                "give each its own port"
            )
        seen[address] = setting
        try:
            _bind_once(address)
        except OSError as exc:
            raise listen_failed(setting, address, exc) from exc


def listen_failed(setting: str, address: tuple[str, int], exc: OSError) -> ConfigError:
    """The one-line error for a server that cannot listen where its setting says."""
    reason = exc.strerror or str(exc)
    return ConfigError(
        f"{setting}: cannot listen on {address[0]}:{address[1]} ({reason}); another program "
        "or another borderdesk has the port: stop it, or choose a free port"
    )


def _bind_once(address: tuple[str, int]) -> None:
    host, port = address
    for family, kind, proto, _, where in socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    ):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
            probe.bind(where)
