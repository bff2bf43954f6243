"""WhatsApp's settings: off until a token is set, then every missing piece named, secrets masked.

Why: a token without the app secret would leave the webhook unable to tell Meta from
anyone; a token without the number id would send nothing. ``load_config`` names each
missing setting with where Meta's dashboards show it, and ``check-config`` never shows a
secret.
"""

from __future__ import annotations

import pytest

from bot.config import load_config
from bot.errors import ConfigError
from bot.runtime import platform_adapters

TOKEN = "EAAGm0PX4ZCpsBAKZCz0123456789"
APP_SECRET = "0123456789abcdef0123456789abcdef"
VERIFY = "shop-verify-2026"
ALL = {
    "WHATSAPP_ACCESS_TOKEN": TOKEN,
    "BORDERDESK_WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
    "WHATSAPP_APP_SECRET": APP_SECRET,
    "BORDERDESK_WHATSAPP_VERIFY_TOKEN": VERIFY,
}
TELEGRAM_AND_SLACK = {
    "TELEGRAM_BOT_TOKEN": "123456:ABCdefGHIjklMNOpqr",
    "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
    "SLACK_SIGNING_SECRET": "0123456789abcdef",
    "BORDERDESK_SLACK_INBOX_CHANNEL": "C0INBOX0001",
}


def test_whatsapp_is_off_without_a_token_and_check_config_says_so() -> None:
    config = load_config({}, env_file=None)
    assert not config.whatsapp_enabled
    assert dict(config.describe())["WhatsApp webhook"] == "off (no WHATSAPP_ACCESS_TOKEN)"
    channels, _ = platform_adapters(load_config(TELEGRAM_AND_SLACK, env_file=None))
    assert [c.name for c in channels] == ["telegram"]


def test_a_token_alone_names_each_setting_it_still_needs() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"WHATSAPP_ACCESS_TOKEN": TOKEN}, env_file=None)
    said = str(caught.value)
    for variable in (
        "BORDERDESK_WHATSAPP_PHONE_NUMBER_ID",
        "WHATSAPP_APP_SECRET",
        "BORDERDESK_WHATSAPP_VERIFY_TOKEN",
    ):
        assert f"{variable}: required with WHATSAPP_ACCESS_TOKEN" in said
    assert TOKEN not in said


@pytest.mark.parametrize(
    ("variable", "value", "hint"),
    [
        ("BORDERDESK_WHATSAPP_PHONE_NUMBER_ID", "+1 555 078 3881", "not the phone number itself"),
        ("WHATSAPP_APP_SECRET", "not-hex-at-all", "32 hexadecimal characters"),
        ("BORDERDESK_WHATSAPP_VERIFY_TOKEN", "short", "a phrase you choose"),
        ("BORDERDESK_WHATSAPP_API_VERSION", "latest", "like v23.0"),
        ("BORDERDESK_WHATSAPP_LISTEN", "8444", "host:port"),
    ],
)
def test_a_value_that_cannot_work_is_named_with_how_to_fix_it_once(
    variable: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({**ALL, variable: value}, env_file=None)
    said = str(caught.value)
    assert hint in said
    assert said.count(variable) == 1  # not also "required with ..." for the same setting
    if "SECRET" in variable or "TOKEN" in variable:
        assert value not in said  # a secret is never shown back, even a wrong one


def test_all_set_runs_whatsapp_beside_telegram_with_secrets_masked() -> None:
    config = load_config(
        {**TELEGRAM_AND_SLACK, **ALL, "BORDERDESK_WHATSAPP_API_VERSION": "24.0"}, env_file=None
    )
    assert config.whatsapp_enabled and config.whatsapp_api_version == "v24.0"
    assert config.whatsapp_api_url == "https://graph.facebook.com"
    shown = dict(config.describe())
    assert shown["WhatsApp webhook"] == "0.0.0.0:8444/whatsapp/webhook"
    assert shown["BORDERDESK_WHATSAPP_PHONE_NUMBER_ID"] == "106540352242922"
    for secret in (TOKEN, APP_SECRET, VERIFY):
        assert not any(secret in value for value in shown.values())
        assert secret in config.secrets()  # so the log filter hides it too
    assert shown["WHATSAPP_APP_SECRET"] == "set, ends in …cdef"
    channels, _ = platform_adapters(config)
    assert [c.name for c in channels] == ["telegram", "whatsapp"]
