"""A private note to a person (``SlackWorkspace.tell``, an ephemeral message) needs the
channel it appears in: a click without one (forged or malformed; the fuzz test of the
Slack endpoint found one on a card of an earlier database) is logged, not sent to Slack
as a request the real API refuses."""

from __future__ import annotations

import logging

import pytest

from bot.channels.slack import SlackWorkspace
from bot.models import CardRef
from tests.e2e.harness import INBOX
from tests.fakes.slack_api import FakeSlackAPI


async def test_a_note_without_a_channel_is_logged_and_not_sent(
    slack_api: FakeSlackAPI, caplog: pytest.LogCaptureFixture
) -> None:
    workspace = SlackWorkspace(
        bot_token=slack_api.token,
        inbox_channel=INBOX,
        signing_secret="secret",
        api_url=slack_api.base_url,
    )
    try:
        with caplog.at_level(logging.WARNING):
            await workspace.tell("U0STAFF0001", CardRef("", "1700000000.000100"), "Stale card.")
            await workspace.tell("U0STAFF0001", CardRef(INBOX, "1700000000.000100"), "Stale card.")
    finally:
        await workspace.stop()
    sent = [p for method, p in slack_api.calls if method == "chat.postEphemeral"]
    assert [(p["channel"], p["user"]) for p in sent] == [(INBOX, "U0STAFF0001")]
    assert any("no channel for it" in r.getMessage() for r in caplog.records)
