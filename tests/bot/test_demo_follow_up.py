"""The demo ends with commands to paste, and they work on the demo's own database (issue 13:
`digest --dry-run` after the demo read the default database and said "a quiet day")."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.bot.test_cli import cli


def test_the_pasted_commands_work_on_the_demos_database(
    demo: tuple[str, Path], demo_database: Path, tmp_path: Path
) -> None:
    transcript, database = demo
    tail = transcript.split("Look around the demo's data (copy and paste):")[1]
    commands = [
        shlex.split(line.split("#")[0])[1:] for line in tail.strip().splitlines() if line.strip()
    ]
    assert [c[0] for c in commands] == ["digest", "customer", "outbox", "orders", "chat"]
    # chat is interactive: tests/bot/test_chat_terminal.py. The others run on a copy of
    # the demo's database (the demo's own is shared with the other tests that read it).
    pasted: list[list[str]] = []
    for command in commands[:-1]:
        at = command.index("--db") + 1
        assert command[at] == str(database)
        pasted.append([*command[:at], str(demo_database), *command[at + 1 :]])
    for command in pasted:
        result = cli(*command, cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
        assert f"database {demo_database}" in result.stderr
    digest = cli(*pasted[0], cwd=tmp_path)
    assert "a quiet day" not in digest.stdout and "delivery delay" in digest.stdout
    export = cli(*pasted[1], cwd=tmp_path)
    assert '"name": "Carmen Ruiz"' in export.stdout
