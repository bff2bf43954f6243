"""BORDERDESK_HEALTH_LISTEN: off unless set, read as host:port or "off", and its port
checked at ``borderdesk run`` like every other server's (a taken port is one line)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.config import Config, load_config
from bot.errors import ConfigError
from bot.listening import listening_addresses
from tests.bot.test_run_startup import settings, start, the_one_line
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI


def test_health_and_metrics_are_off_unless_an_address_is_set() -> None:
    assert load_config({}, env_file=None).health_listen is None
    assert load_config({"BORDERDESK_HEALTH_LISTEN": "off"}, env_file=None).health_listen is None
    chosen = load_config({"BORDERDESK_HEALTH_LISTEN": "0.0.0.0:9108"}, env_file=None)
    assert chosen.health_listen == ("0.0.0.0", 9108)
    # as ``borderdesk check-config`` shows them
    assert dict(chosen.describe())["BORDERDESK_HEALTH_LISTEN"] == "0.0.0.0:9108"
    assert dict(Config().describe())["BORDERDESK_HEALTH_LISTEN"] == "off"


def test_a_bad_address_names_the_variable_and_the_shape() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"BORDERDESK_HEALTH_LISTEN": "9108"}, env_file=None)
    assert "BORDERDESK_HEALTH_LISTEN='9108': write host:port" in str(caught.value)


def test_its_port_is_checked_only_when_it_is_served() -> None:
    socket_mode = Config(slack_app_token="xapp-1")
    assert listening_addresses(socket_mode) == []
    served = Config(slack_app_token="xapp-1", health_listen=("127.0.0.1", 9108))
    assert listening_addresses(served) == [("BORDERDESK_HEALTH_LISTEN", ("127.0.0.1", 9108))]


async def test_a_taken_health_port_stops_run_with_one_line_naming_the_setting(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = settings(
            tmp_path, telegram_api, slack_api, BORDERDESK_HEALTH_LISTEN=f"127.0.0.1:{port}"
        )
        run = await start(tmp_path, env)
        code = await run.finished()
    assert code != 0
    line = the_one_line(run)
    assert line.startswith(
        f"borderdesk: BORDERDESK_HEALTH_LISTEN: cannot listen on 127.0.0.1:{port}"
    )
    assert not (tmp_path / "run.sqlite3").exists(), "the database was opened before the check"
