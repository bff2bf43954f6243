"""Operator mistakes around the database file and the ports, as a store owner makes them
(issue 14, "Operator mistakes"): a second desk on the same SQLite file, a port another
program has, an empty database file. Each ends in one line, before anything is changed.

The desks run for real (``borderdesk run`` subprocesses) against the fake Telegram and
Slack servers; the one-shot commands beside them (chat, outbox, db upgrade, check-config,
demo) run in this process (``tests.bot.test_cli.cli``), and take the same lock file: the
lock is a ``flock``, which another open file in the same process cannot take either.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
from pathlib import Path

import pytest

from bot.config import Config
from bot.listening import listening_addresses
from bot.storage.file_guard import DatabaseGuard, DatabaseInUse, DatabaseLost
from bot.storage.store import sqlite_url
from tests.bot.test_cli import cli
from tests.bot.test_cli_first_hour import READY
from tests.bot.test_run_startup import settings, start, the_one_line
from tests.e2e.harness import free_port
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

IN_USE = "another BorderDesk process is already using the database"


async def test_a_second_desk_on_the_same_sqlite_file_refuses_until_the_first_is_gone(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """The issue's bug: two desks on one file both served (two cards per suggestion)."""
    first = await start(tmp_path, settings(tmp_path, telegram_api, slack_api))
    try:
        await first.wait_for_line("BorderDesk started on")
        calls_before = len(telegram_api.calls)

        second = await start(tmp_path, settings(tmp_path, telegram_api, slack_api))
        assert await second.finished() == 1
        line = the_one_line(second)
        assert IN_USE in line and str(tmp_path / "run.sqlite3") in line, line
        assert "BorderDesk started" not in second.output

        db = tmp_path / "run.sqlite3"
        chat = await asyncio.to_thread(cli, "chat", "--db", str(db), cwd=tmp_path, stdin="hello\n")
        assert chat.returncode == 1 and IN_USE in chat.stderr, chat.stderr
        assert "Traceback" not in chat.stderr
    finally:
        if first.process.returncode is None:
            first.process.send_signal(signal.SIGKILL)  # dies without stopping
            await first.finished()

    # The OS released the lock of the desk that died: no stale lock.
    third = await start(tmp_path, settings(tmp_path, telegram_api, slack_api))
    await third.wait_for_line("BorderDesk started on")
    await third.stop_with(signal.SIGTERM)
    assert third.process.returncode == 0, third.output
    assert len(telegram_api.calls) > calls_before


@pytest.mark.parametrize(
    ("setting", "mode"),
    [
        ("BORDERDESK_SLACK_LISTEN", {"SLACK_APP_TOKEN": "", "SLACK_SIGNING_SECRET": "0123abcd"}),
        (
            "BORDERDESK_TELEGRAM_WEBHOOK_LISTEN",
            {
                "BORDERDESK_TELEGRAM_WEBHOOK_URL": "https://desk.example.com/telegram",
                "BORDERDESK_TELEGRAM_WEBHOOK_SECRET": "s3cret-token",
            },
        ),
        ("BORDERDESK_WEBHOOK_LISTEN", {"BORDERDESK_SHOPIFY_WEBHOOK_SECRET": "shpss_0123abcd"}),
    ],
)
async def test_a_port_another_program_has_is_one_line_naming_the_setting(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    setting: str,
    mode: dict[str, str],
) -> None:
    """The issue's bug: the Slack and Telegram listen ports died with a raw traceback."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = settings(tmp_path, telegram_api, slack_api, **mode, **{setting: f"127.0.0.1:{port}"})
        run = await start(tmp_path, env)
        code = await run.finished()
    assert code != 0
    line = the_one_line(run)
    assert line.startswith(f"borderdesk: {setting}: cannot listen on 127.0.0.1:{port}"), line
    assert not (tmp_path / "run.sqlite3").exists(), "the database was opened before the check"


async def test_two_settings_naming_one_port_are_refused(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """The order webhooks listen only when a secret for them is set; then their port counts."""
    port = free_port()
    env = settings(
        tmp_path,
        telegram_api,
        slack_api,
        SLACK_APP_TOKEN="",
        SLACK_SIGNING_SECRET="0123abcd",
        BORDERDESK_SLACK_LISTEN=f"127.0.0.1:{port}",
        BORDERDESK_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        BORDERDESK_ORDER_EVENTS_SECRET="order-events-secret-0123",
    )
    run = await start(tmp_path, env)
    assert await run.finished() != 0
    line = the_one_line(run)
    assert "BORDERDESK_SLACK_LISTEN and BORDERDESK_WEBHOOK_LISTEN both name" in line, line


async def test_an_empty_database_file_is_refused_unless_creation_is_asked(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    """The issue's bug: a 0-byte file (a failed copy) was silently made a new database."""
    db = tmp_path / "run.sqlite3"
    db.touch()
    run = await start(tmp_path, settings(tmp_path, telegram_api, slack_api))
    assert await run.finished() == 2
    line = the_one_line(run)
    assert f"the database file {db} is empty (0 bytes)" in line, line
    assert "--create" in line
    assert not telegram_api.calls and db.stat().st_size == 0

    for command in (["outbox", "list"], ["db", "upgrade"], ["chat"]):
        refused = await asyncio.to_thread(cli, *command, "--db", str(db), cwd=tmp_path, stdin="")
        assert refused.returncode == 2 and "is empty (0 bytes)" in refused.stderr, command
    env = {**READY, "BORDERDESK_DATABASE_URL": sqlite_url(db)}
    checked = await asyncio.to_thread(cli, "check-config", cwd=tmp_path, env=env)
    assert checked.returncode == 1 and "is empty (0 bytes)" in checked.stdout, checked.stdout
    assert db.stat().st_size == 0

    created = await asyncio.to_thread(
        cli, "db", "upgrade", "--db", str(db), "--create", cwd=tmp_path
    )
    assert created.returncode == 0, created.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_the_lock_is_per_sqlite_file_and_postgresql_gets_none(tmp_path: Path) -> None:
    """Several processes on one PostgreSQL database are the supported way to scale."""
    url = sqlite_url(tmp_path / "desk.sqlite3")
    held = DatabaseGuard.take(url)
    assert held is not None
    with pytest.raises(DatabaseInUse):
        DatabaseGuard.take(url)
    other = DatabaseGuard.take(sqlite_url(tmp_path / "other.sqlite3"))
    assert other is not None
    held.release()
    other.release()
    again = DatabaseGuard.take(url)
    assert again is not None
    again.release()
    assert DatabaseGuard.take("postgresql+asyncpg://desk:pw@127.0.0.1/desk") is None
    assert DatabaseGuard.take("sqlite+aiosqlite:///:memory:") is None


def test_a_file_moved_back_in_place_is_still_lost(tmp_path: Path) -> None:
    """A copy put back under the old name is another file: what the desk wrote meanwhile
    went to the old one. Once lost, always lost."""
    db = tmp_path / "desk.sqlite3"
    db.write_bytes(b"x")
    guard = DatabaseGuard.take(sqlite_url(db))
    assert guard is not None
    guard.remember()
    guard.check()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(db.read_bytes())
    db.unlink()
    with pytest.raises(DatabaseLost, match="was deleted or moved"):
        guard.check()
    copy.rename(db)
    with pytest.raises(DatabaseLost, match="was deleted or moved"):
        guard.check()
    guard.release()


def test_only_the_servers_a_configuration_starts_have_their_port_checked() -> None:
    """A taken 8080 must not stop a desk whose order webhooks are off (no secret set)."""
    assert listening_addresses(Config(slack_app_token="xapp-1")) == []
    assert [setting for setting, _ in listening_addresses(Config())] == ["BORDERDESK_SLACK_LISTEN"]
    shop = Config(slack_app_token="xapp-1", shopify_webhook_secret="shpss_0123abcd")
    assert listening_addresses(shop) == [("BORDERDESK_WEBHOOK_LISTEN", ("0.0.0.0", 8080))]


def test_the_demo_does_not_delete_a_database_another_desk_is_using(tmp_path: Path) -> None:
    """The demo starts over by deleting its database: never under a running desk."""
    db = tmp_path / "data" / "demo.sqlite3"
    db.parent.mkdir()
    db.write_bytes(b"a desk's data")
    held = DatabaseGuard.take(sqlite_url(db))  # as a running `chat --db data/demo.sqlite3`
    assert held is not None
    try:
        result = cli("demo", cwd=tmp_path)
    finally:
        held.release()
    assert result.returncode == 1 and IN_USE in result.stderr, result.stderr
    assert db.read_bytes() == b"a desk's data"
