"""Commands that used to mislead a new store owner (issue 13): which database, a mistyped
``--db``, check-config that passes what ``run`` refuses, a PostgreSQL URL without its driver."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.bot.test_cli import cli

READY = {
    "TELEGRAM_BOT_TOKEN": "123456:ABCdefGHIjklMNOpqr",
    "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
    "SLACK_SIGNING_SECRET": "0123456789abcdef",
    "BORDERDESK_SLACK_INBOX_CHANNEL": "C0INBOX0001",
    "BORDERDESK_TRANSLATOR": "none",
}


def test_a_mistyped_db_is_an_error_not_a_new_empty_database(tmp_path: Path) -> None:
    typo = tmp_path / "demo.sqlite"  # the real file is demo.sqlite3
    result = cli("outbox", "list", "--db", str(typo), cwd=tmp_path)
    assert result.returncode == 2
    assert f"no database at {typo}: check the path" in result.stderr
    assert "--create" not in result.stderr  # outbox never creates one: do not suggest it
    assert not typo.exists()


def test_a_missing_default_database_points_at_the_demo_one(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "demo.sqlite3").write_bytes(b"")  # as `make demo` leaves it
    result = cli(
        "digest", "--department", "warehouse", "--date", "2026-11-24", "--dry-run", cwd=tmp_path
    )
    assert result.returncode == 2
    assert "no database at data/borderdesk.sqlite3" in result.stderr
    assert "--db data/demo.sqlite3" in result.stderr
    assert not (tmp_path / "data" / "borderdesk.sqlite3").exists()


def test_importing_into_a_new_database_needs_create(tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text("order_number,status\n#1001,paid\n", encoding="utf-8")
    db = tmp_path / "shop.sqlite3"
    refused = cli("orders", "import", str(orders), "--db", str(db), cwd=tmp_path)
    assert refused.returncode == 2 and "add --create" in refused.stderr
    created = cli("orders", "import", str(orders), "--db", str(db), "--create", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert f"database {db}" in created.stderr
    assert "imported 1 orders (1 new)" in created.stdout


def test_check_config_reads_the_desk_file_and_fails_when_run_would(tmp_path: Path) -> None:
    ready = cli("check-config", cwd=tmp_path, env=READY)
    assert ready.returncode == 0, ready.stdout
    assert "Ready for `borderdesk run`" in ready.stdout
    assert "translation is off" in ready.stdout
    (tmp_path / "desk.yaml").write_text(
        "support:\n  timezone: Europe/Berlin\n  hours:\n    mon-fri: '25:00-18:00'\n",
        encoding="utf-8",
    )
    bad_hours = cli("check-config", cwd=tmp_path, env=READY)
    assert bad_hours.returncode == 1
    assert "Not ready" in bad_hours.stdout and "25:00" in bad_hours.stdout
    typo = cli("check-config", cwd=tmp_path, env={**READY, "BORDERDESK_DESK_FILE": "dsk.yaml"})
    assert typo.returncode == 1 and "BORDERDESK_DESK_FILE=dsk.yaml: no such file" in typo.stdout


def test_check_config_says_where_shopper_text_goes_for_translation(tmp_path: Path) -> None:
    google = cli("check-config", cwd=tmp_path, env={**READY, "BORDERDESK_TRANSLATOR": ""})
    assert "Google's free web translation endpoint" in google.stdout


@pytest.mark.parametrize("codes", ["en,xx", "en,jp"])
def test_unknown_language_codes_are_refused(tmp_path: Path, codes: str) -> None:
    result = cli("check-config", cwd=tmp_path, env={"BORDERDESK_LANGUAGES": codes})
    assert result.returncode == 2
    assert "BORDERDESK_LANGUAGES" in result.stderr and codes.split(",")[1] in result.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("asyncpg") is not None,
    reason="asyncpg is installed here, so a PostgreSQL URL does not lack its driver",
)
def test_a_postgresql_url_without_its_driver_says_how_to_install_it(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://desk:hunter2secret@127.0.0.1:5432/test"
    result = cli("outbox", "list", cwd=tmp_path, env={"BORDERDESK_DATABASE_URL": url})
    assert result.returncode == 1
    assert "pip install 'borderdesk[postgres]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "hunter2secret" not in result.stderr + result.stdout


def test_check_config_never_prints_the_database_password(tmp_path: Path) -> None:
    url = "postgresql+asyncpg://desk:hunter2secret@db.internal:5432/desk"
    result = cli("check-config", cwd=tmp_path, env={**READY, "BORDERDESK_DATABASE_URL": url})
    assert "postgresql+asyncpg://desk:***@db.internal:5432/desk" in result.stdout
    assert "hunter2secret" not in result.stdout + result.stderr
