"""``borderdesk run`` with WhatsApp configured: its token is checked at start like the
others, in one line naming the setting, and its webhook port is bound up front.

In process, against the fake Telegram, Slack and Graph API servers: what is tested is the
start-up check (``bot.startup.check_platforms``) and the port list (``bot.listening``),
not the process boundary, which ``tests/bot/test_run_startup.py`` covers.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.config import Config
from bot.errors import ChannelRejected, ConfigError
from bot.listening import check_ports, listening_addresses
from bot.runtime import slack_workspace, telegram_channel, whatsapp_channel
from bot.startup import check_platforms
from tests.e2e.harness import desk_config, free_port
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI
from tests.fakes.whatsapp_webhooks import APP_SECRET, VERIFY_TOKEN


def _config(
    tmp_path: Path,
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    graph: FakeWhatsAppAPI,
    *,
    token: str,
    port: int | None = None,
) -> Config:
    return desk_config(
        tmp_path / "desk.sqlite3",
        telegram,
        slack,
        free_port(),
        whatsapp_access_token=token,
        whatsapp_phone_number_id=graph.phone_number_id,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_listen=("127.0.0.1", port or free_port()),
        whatsapp_api_url=graph.base_url,
    )


async def test_a_refused_whatsapp_token_stops_run_in_one_line_naming_the_setting(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    config = _config(tmp_path, telegram_api, slack_api, whatsapp_api, token="EAAG-not-ours")
    telegram, slack, whatsapp = (
        telegram_channel(config),
        slack_workspace(config),
        whatsapp_channel(config),
    )
    try:
        with pytest.raises(ChannelRejected) as refused:
            await check_platforms(config, telegram, slack, whatsapp)
    finally:
        for closing in (telegram, whatsapp, slack):
            await closing.stop()
    line = str(refused.value)
    assert "\n" not in line
    assert "WhatsApp refused WHATSAPP_ACCESS_TOKEN" in line
    assert "EAAG-not-ours" not in line  # a secret never reaches the output
    assert ("GET", f"/v23.0/{whatsapp_api.phone_number_id}") in whatsapp_api.calls


async def test_an_accepted_whatsapp_token_passes_the_start_up_check(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    config = _config(tmp_path, telegram_api, slack_api, whatsapp_api, token=whatsapp_api.token)
    telegram, slack, whatsapp = (
        telegram_channel(config),
        slack_workspace(config),
        whatsapp_channel(config),
    )
    try:
        await check_platforms(config, telegram, slack, whatsapp)
    finally:
        for closing in (telegram, whatsapp, slack):
            await closing.stop()
    assert whatsapp_api.calls == [("GET", f"/v23.0/{whatsapp_api.phone_number_id}")]


def test_the_whatsapp_port_is_bound_before_anything_starts(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = _config(
            tmp_path, telegram_api, slack_api, whatsapp_api, token=whatsapp_api.token, port=port
        )
        assert ("BORDERDESK_WHATSAPP_LISTEN", ("127.0.0.1", port)) in listening_addresses(config)
        with pytest.raises(ConfigError, match="BORDERDESK_WHATSAPP_LISTEN"):
            check_ports(config)
