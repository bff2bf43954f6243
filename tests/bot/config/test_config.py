"""Settings: defaults work offline, every bad or missing setting is named, secrets never echoed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.config import DEFAULT_DATABASE_URL, Config, load_config
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[3]

GOOD = {
    "TELEGRAM_BOT_TOKEN": "123456:ABCdefGHIjklMNOpqr",
    "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
    "SLACK_SIGNING_SECRET": "0123456789abcdef",
    "BORDERDESK_SLACK_INBOX_CHANNEL": "C0INBOX0001",
}


def test_offline_commands_need_no_settings() -> None:
    config = load_config({}, env_file=None)
    assert config.database_url == DEFAULT_DATABASE_URL
    assert config.languages[:3] == ("en", "es", "fr") and len(config.languages) == 14
    assert config.telegram_mode == "polling" and config.slack_mode == "http"


def test_run_names_every_missing_setting() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({}, env_file=None, require_platforms=True)
    message = str(caught.value)
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "SLACK_BOT_TOKEN",
        "BORDERDESK_SLACK_INBOX_CHANNEL",
        "SLACK_SIGNING_SECRET or SLACK_APP_TOKEN",
    ):
        assert name in message


def test_invalid_values_are_explained_and_secrets_not_echoed() -> None:
    env = dict(
        GOOD,
        TELEGRAM_BOT_TOKEN="not-a-token-value",
        BORDERDESK_LANGUAGES="en,english",
        BORDERDESK_SLACK_INBOX_CHANNEL="#support",
        BORDERDESK_LANGUAGE_DETECTOR="guess",
        BORDERDESK_DEPARTMENT_CHANNELS="warehouse=C0WAREHSE01,shipping=C0SHIP00001",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(env, env_file=None, require_platforms=True)
    message = str(caught.value)
    assert "TELEGRAM_BOT_TOKEN does not look right" in message
    assert "not-a-token-value" not in message
    assert "BORDERDESK_LANGUAGES" in message and "english" in message
    assert "use the channel id" in message
    assert "lingua, langdetect" in message
    assert "'shipping=C0SHIP00001'" in message


def test_dotenv_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("BORDERDESK_STORE_NAME=Dot Env Shop\nBORDERDESK_STAFF_LANGUAGE=zh\n")
    config = load_config({"BORDERDESK_STAFF_LANGUAGE": "de"}, env_file=env_file)
    assert config.store_name == "Dot Env Shop"
    assert config.staff_language == "de"


def test_modes_follow_the_settings() -> None:
    config = load_config(
        dict(
            GOOD,
            SLACK_APP_TOKEN="xapp-1-A1-abc",
            BORDERDESK_TELEGRAM_WEBHOOK_URL="https://shop.example.com/hook",
            BORDERDESK_TELEGRAM_WEBHOOK_SECRET="abc_123",
        ),
        env_file=None,
        require_platforms=True,
    )
    assert config.slack_mode == "socket" and config.telegram_mode == "webhook"
    described = dict(config.describe())
    assert (
        "xapp-1-A1-abc" not in str(described)
        and described["SLACK_APP_TOKEN"] == "set, ends in …-abc"
    )


def test_secrets_stay_out_of_the_repr_and_are_all_known_for_masking() -> None:
    config = load_config(
        dict(GOOD, SLACK_APP_TOKEN="xapp-1-A1-abc", BORDERDESK_TRANSLATOR_API_KEY="key-4242"),
        env_file=None,
    )
    shown = repr(config)
    assert "C0INBOX0001" in shown
    for value in (*GOOD.values(), "xapp-1-A1-abc", "key-4242"):
        if value != "C0INBOX0001":
            assert value not in shown
            assert value in config.secrets()


def test_webhook_needs_a_secret() -> None:
    with pytest.raises(ConfigError, match="BORDERDESK_TELEGRAM_WEBHOOK_SECRET: required"):
        load_config(
            dict(GOOD, BORDERDESK_TELEGRAM_WEBHOOK_URL="https://shop.example.com/hook"),
            env_file=None,
        )


def test_env_example_lists_every_setting_the_program_reads() -> None:
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    read = set(Config.variables().values())
    assert len(read) >= 20
    assert read <= listed, f"missing from .env.example: {sorted(read - listed)}"


def test_each_variable_is_declared_once() -> None:
    """Issue 16: a setting's variable, type, default and checks are one declaration, so
    no variable is read twice and no other place in the settings spells its name."""
    variables = list(Config.variables().values())
    assert len(variables) == len(set(variables))
    strings = [
        node.value
        for module in (ROOT / "bot" / "config").glob("*.py")
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    spelled = {variable: strings.count(variable) for variable in variables}
    assert spelled == dict.fromkeys(variables, 1)
