"""Regression: every start logged bolt's "As you gave `client` as well, `token` will be
unused" when SLACK_BOT_TOKEN was set, as it must be, although the token is used."""

from __future__ import annotations

import logging

import pytest

from bot.channels.slack import SlackWorkspace


def test_building_the_workspace_logs_no_misleading_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-token")
    with caplog.at_level(logging.DEBUG):
        workspace = SlackWorkspace(
            bot_token="xoxb-1-2-token", inbox_channel="C0INBOX0001", signing_secret="secret"
        )
    assert workspace.client.token == "xoxb-1-2-token"
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()]
