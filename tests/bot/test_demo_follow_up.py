"""The demo ends with commands to paste, and they work on the demo's own database (issue 13:
`digest --dry-run` after the demo read the default database and said "a quiet day")."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.bot.test_cli import borderdesk, demo  # noqa: F401 (the demo fixture)


def test_the_pasted_commands_work_on_the_demos_database(
    demo: tuple[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    transcript, database = demo
    tail = transcript.split("Look around the demo's data (copy and paste):")[1]
    commands = [
        shlex.split(line.split("#")[0])[1:] for line in tail.strip().splitlines() if line.strip()
    ]
    assert [c[0] for c in commands] == ["digest", "customer", "outbox", "orders", "chat"]
    for command in commands[:-1]:  # chat is interactive: tests/bot/test_chat_terminal.py
        assert command[command.index("--db") + 1] == str(database)
        result = borderdesk(*command, cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
        assert f"database {database}" in result.stderr
    digest = borderdesk(*commands[0], cwd=tmp_path)
    assert "a quiet day" not in digest.stdout and "delivery delay" in digest.stdout
    export = borderdesk(*commands[1], cwd=tmp_path)
    assert '"name": "Carmen Ruiz"' in export.stdout
