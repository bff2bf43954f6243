"""Desk file mistakes that used to pass quietly are errors naming the file and the key
(issue 14, "Operator mistakes"): a typo in BORDERDESK_DESK_FILE silently used the built-in
desk, ``channel: "#general"`` was accepted (Slack posts need the ID), and so was an intent
in ``owns:`` that the library does not have (``damaged_itme`` routed nothing).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.desk import load_desk
from bot.errors import ConfigError
from replies.library import load_library
from tests.bot.test_run_startup import settings, start, the_one_line
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

ROOT = Path(__file__).resolve().parents[2]
CHANNEL_BY_NAME = 'departments:\n  warehouse:\n    channel: "#general"\n'
TYPO_IN_OWNS = "departments:\n  warehouse:\n    channel: C0WAREHSE01\n    owns: [damaged_itme]\n"


def _desk_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "desk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_channel_given_by_name_is_an_error_naming_the_file_line_and_key(tmp_path: Path) -> None:
    path = _desk_file(tmp_path, CHANNEL_BY_NAME)
    with pytest.raises(ConfigError) as raised:
        load_desk(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:3: departments.warehouse.channel: '#general'"), message
    assert "not a Slack channel ID" in message


def test_an_intent_the_library_does_not_have_is_an_error_with_a_guess(tmp_path: Path) -> None:
    path = _desk_file(tmp_path, TYPO_IN_OWNS)
    with pytest.raises(ConfigError) as raised:
        load_desk(path, intents=load_library())
    message = str(raised.value)
    assert message.startswith(
        f"{path}:4: departments.warehouse.owns: unknown intent 'damaged_itme'"
    )
    assert "did you mean 'damaged_item'?" in message


def test_an_older_mistake_gets_its_line_too(tmp_path: Path) -> None:
    path = _desk_file(tmp_path, "support:\n  timezone: UTC\n  first_response: soon\n")
    with pytest.raises(ConfigError, match=r":3: support\.first_response: write business time"):
        load_desk(path)


def test_the_example_desk_file_is_valid_with_the_library() -> None:
    desk = load_desk(ROOT / "desk.example.yaml", intents=load_library())
    assert "damaged_item" in desk.departments["warehouse"].owns
    assert desk.departments["warehouse"].channel == "C0WAREHSE01"


@pytest.mark.parametrize(
    ("desk_text", "desk_setting", "said"),
    [
        (None, "dsk.yaml", "BORDERDESK_DESK_FILE=dsk.yaml: no such file"),
        (CHANNEL_BY_NAME, "desk.yaml", "desk.yaml:3: departments.warehouse.channel: '#general'"),
        (TYPO_IN_OWNS, "desk.yaml", "desk.yaml:4: departments.warehouse.owns: unknown intent"),
    ],
    ids=["named-but-missing", "channel-by-name", "unknown-intent"],
)
async def test_run_refuses_a_desk_file_mistake_in_one_line_before_connecting(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    desk_text: str | None,
    desk_setting: str,
    said: str,
) -> None:
    """check-config already refused a missing named file; run used the built-in desk."""
    if desk_text is not None:
        _desk_file(tmp_path, desk_text)
    env = settings(tmp_path, telegram_api, slack_api, BORDERDESK_DESK_FILE=desk_setting)
    run = await start(tmp_path, env)
    assert await run.finished() == 2
    line = the_one_line(run)
    assert said in line, line
    assert not telegram_api.calls and not slack_api.calls
