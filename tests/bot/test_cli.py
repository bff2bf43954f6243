"""The command line as a user runs it: demo, chat, check-config, db upgrade, run + SIGTERM.

``borderdesk()`` starts ``python -m bot.cli`` as a process of its own: the demo, chat on
stdin, a migration from nothing and run with its signals go that way. ``cli()`` runs the
same ``main`` in this process, for commands whose printed answer and exit status are the
point (two seconds of start-up less each)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.harness import free_port
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

ROOT = Path(__file__).resolve().parents[2]


def borderdesk(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    clean = _clean_environment()
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env={**clean, **(env or {}), "PYTHONPATH": str(ROOT)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def cli(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``borderdesk ARGS`` run in this process (``bot.cli.main``, what ``python -m bot.cli``
    calls), answered like ``borderdesk()``: exit status, stdout and stderr.

    For the commands whose output and exit status are what a test reads; a new Python
    process costs two seconds of imports (more on a busy machine) and the intent model read
    again. The environment is the same clean one ``borderdesk()`` gives, in the folder
    ``cwd``; argparse's own exits count as exit statuses. Logging is set back afterwards
    (``main`` points it at stderr). What only a process of its own shows (signals, the
    terminal, a lock another process holds, a migration from nothing) goes through
    ``borderdesk()``."""
    out, err = io.StringIO(), io.StringIO()
    text = io.TextIOWrapper(io.BytesIO((stdin or "").encode()), encoding="utf-8")
    root = logging.getLogger()
    loggers = [
        root,
        *(
            logging.getLogger(n)
            for n in ("httpx", "apscheduler", "aiohttp.access", "slack_sdk", "aiosqlite")
        ),
    ]
    saved = [(logger, logger.level) for logger in loggers], root.handlers[:]
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith(("BORDERDESK_", "TELEGRAM_", "SLACK_")):
                patch.delenv(name)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        patch.chdir(cwd)
        patch.setattr(sys, "stdin", text)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(list(args))
                except SystemExit as exit:  # argparse: a usage error (2) or --help (0)
                    code = exit.code if isinstance(exit.code, int) else 1
        finally:
            levels, handlers = saved
            for logger, level in levels:
                logger.setLevel(level)
            root.handlers[:] = handlers
    return subprocess.CompletedProcess(["borderdesk", *args], code, out.getvalue(), err.getvalue())


def entries(transcript: str) -> list[str]:
    """The demo's transcript entries ("09:51  TELEGRAM   -> Jonas: …"), wrapped lines joined."""
    found: list[str] = []
    for line in transcript.splitlines():
        if line.startswith(" " * 18) and found:
            found[-1] += " " + line.strip()
        else:
            found.append(line)
    return found


def test_demo_prints_a_multilingual_day_and_leaves_its_database(demo: tuple[str, Path]) -> None:
    out, database = demo
    shoppers = {
        line.split("SHOPPER", 1)[1].split("[")[0].strip()
        for line in out.splitlines()
        if "SHOPPER" in line and "[" in line
    }
    assert len(shoppers) >= 12
    assert "Summary of the day" in out
    for staff_action in ("clicks Send", "clicks Edit", "clicks Other answer", "clicks Escalate"):
        assert staff_action in out
    assert "TELEGRAM   -> Wei: " in out and "TELEGRAM   -> Yuki: " in out  # non-Latin scripts
    with sqlite3.connect(database) as db:
        languages = {
            row[0] for row in db.execute("select language from messages where direction = 'in'")
        }
        delivered = db.execute("select count(*) from outbox where status = 'sent'").fetchone()[0]
    assert len(languages - {None, "unknown"}) >= 6
    assert delivered >= 8


def test_demo_answers_a_linked_order_with_its_tracking_number(demo: tuple[str, Path]) -> None:
    said = entries(demo[0])
    card = next(e for e in said if "INBOX" in e and "· Jonas Weber ·" in e)
    notes = said[said.index(card) : said.index(card) + 6]
    assert any("note: Linked order #10421 (e-mail matches)." in e for e in notes)
    assert any("shopper: New customer · 1 order, 89.50 EUR" in e for e in notes)
    reply = next(e for e in said if "TELEGRAM   -> Jonas: " in e)
    assert "DHL" in reply and "Sendungsnummer JJD0001490267384512" in reply


def test_demo_tells_shoppers_first_shipped_and_late(demo: tuple[str, Path]) -> None:
    out, database = demo
    said = entries(out)
    shipped = next(e for e in said if "TELEGRAM   -> Élodie: Bonne nouvelle" in e)
    assert "Colissimo" in shipped and "Numéro de suivi : 6A23948571034" in shipped
    delay = next(e for e in said if "TELEGRAM   -> Carmen: " in e and "tardando" in e)
    assert "PQ4B1C0712345670128043M" in delay
    assert any("⌛ Order #10398 is late" in e for e in said)
    logistics = out.split("Logistics digest, Tue 24 Nov 2026")[1].split("Management digest")[0]
    # the late order BorderDesk noticed and Carmen's own report of it are one problem (two
    # reports); Wei's parcel, three weeks on the way, is the other
    assert "delivery delay: 2 (3 reports;" in logistics
    assert "Orders: 10398" not in logistics and "Correos ×2" not in logistics
    with sqlite3.connect(database) as db:
        notices = {
            row[0].split(":")[1]
            for row in db.execute(
                "select idempotency_key from outbox where idempotency_key like 'proactive:%'"
                " and status = 'sent'"
            )
        }
    assert notices == {"shipped", "delay"}


def test_demo_holds_a_flagged_buyers_refund_for_a_manager(demo: tuple[str, Path]) -> None:
    said = entries(demo[0])
    first = next(e for e in said if "· Victor Hale ·" in e and "intent get_refund" in e)
    # his first message threatens a review unless refunded: a refund case, flagged
    assert "note: ⚠ Threat" in " ".join(said[said.index(first) : said.index(first) + 8])
    command = next(e for e in said if "types /borderdesk block #10412 extortion" in e)
    refund = next(
        e
        for e in said[said.index(command) :]
        if "· Victor Hale ·" in e and "intent get_refund" in e
    )
    assert said[said.index(refund) + 1].endswith(
        "WARNING: Flagged buyer: extortion (threatened a bad review unless refunded), by "
        "Lee. Nothing is sent automatically; refund and return replies need a manager."
    )
    after = said[said.index(refund) :]
    refused = next(i for i, e in enumerate(after) if "⛔ Not sent" in e)
    sent = next(i for i, e in enumerate(after) if "TELEGRAM   -> Victor: " in e)
    assert "Lee clicks Send" in after[refused - 1]
    assert "Noor, a manager, clicks Send" in after[refused + 1] and refused < sent
    assert sum("TELEGRAM   -> Victor: " in e for e in said) == 1  # nothing before the manager
    profile = [e.split("PRIVATE", 1)[1].strip() for e in said if "  PRIVATE  " in e]
    assert "Customer 11: Carmen Ruiz — New customer" in profile  # not "· at risk"
    assert "Problems: 1 (1 in the last 90 days)" in profile  # one late order is not "at risk"


def test_demo_refuses_to_overwrite_an_existing_database(tmp_path: Path) -> None:
    precious = tmp_path / "shop.sqlite3"
    precious.write_bytes(b"not a demo")
    result = cli("demo", "--db", str(precious), cwd=tmp_path)
    assert result.returncode == 2 and "exists" in result.stderr
    assert precious.read_bytes() == b"not a demo"


def test_chat_lets_a_person_play_shopper_and_staff(tmp_path: Path) -> None:
    script = "Where is my order #A10293?\ns\n:quit\n"
    result = borderdesk("chat", "--db", str(tmp_path / "chat.sqlite3"), cwd=tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    assert "card #1" in result.stdout
    assert "-> Sam: " in result.stdout  # the staff choice "s" sent the suggestion


def test_check_config_names_what_is_missing_for_run_and_fails(tmp_path: Path) -> None:
    result = cli("check-config", cwd=tmp_path)
    assert result.returncode == 1
    assert "Not ready for `borderdesk run`" in result.stdout
    assert "TELEGRAM_BOT_TOKEN is missing" in result.stdout
    bad = cli("check-config", cwd=tmp_path, env={"BORDERDESK_LANGUAGES": "english"})
    assert bad.returncode == 2 and "BORDERDESK_LANGUAGES" in bad.stderr


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "nested" / "desk.sqlite3"
    result = borderdesk("db", "upgrade", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master")}
    assert {"messages", "outbox", "suggestions", "alembic_version"} <= tables


def test_run_fails_at_start_naming_missing_settings(tmp_path: Path) -> None:
    result = cli("run", cwd=tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN is missing" in result.stderr
    assert "SLACK_BOT_TOKEN is missing" in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_run_serves_until_a_signal_then_stops_cleanly(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, sig: signal.Signals
) -> None:
    env = {
        **_clean_environment(),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": telegram_api.token,
        "BORDERDESK_TELEGRAM_API_URL": telegram_api.base_url,
        "SLACK_BOT_TOKEN": slack_api.token,
        "SLACK_SIGNING_SECRET": "signing-secret-value",
        "BORDERDESK_SLACK_API_URL": slack_api.base_url,
        "BORDERDESK_SLACK_INBOX_CHANNEL": "C0INBOX0001",
        "BORDERDESK_SLACK_LISTEN": f"127.0.0.1:{free_port()}",
        "BORDERDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'run.sqlite3'}",
        "BORDERDESK_TRANSLATOR": "none",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    await telegram_api.wait_for("getUpdates", timeout=60)  # serving: long polling started
    process.send_signal(sig)
    out_bytes, _ = await asyncio.wait_for(process.communicate(), 30)
    out = out_bytes.decode()
    assert process.returncode == 0, out
    assert "signal received, stopping" in out and "BorderDesk stopped" in out
    assert telegram_api.token.split(":")[1] not in out, "the bot token leaked into the logs"
    assert "signing-secret-value" not in out


def _clean_environment() -> dict[str, str]:
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BORDERDESK_", "TELEGRAM_", "SLACK_"))
    }


async def test_translate_reports_the_translation_or_the_error_in_plain_words(
    tmp_path: Path,
) -> None:
    from tests.fakes.libretranslate_api import FakeLibreTranslate

    async with FakeLibreTranslate() as fake:
        env = {
            **_clean_environment(),
            "PYTHONPATH": str(ROOT),
            "NO_PROXY": "127.0.0.1",
            "BORDERDESK_TRANSLATOR": "libretranslate",
            "BORDERDESK_LIBRETRANSLATE_URL": fake.url,
        }
        ok = await asyncio.to_thread(  # in another thread: the fake answers in this one
            cli,
            *("translate", "--to", "es", "--from", "en", "Hello, where is my order?"),
            cwd=tmp_path,
            env=env,
        )
        assert ok.returncode == 0 and ok.stdout.strip() == "Hola, dónde está mi pedido?"
    dead = {**env, "BORDERDESK_LIBRETRANSLATE_URL": f"http://127.0.0.1:{free_port()}"}
    failed = await asyncio.to_thread(
        cli, "translate", "--to", "es", "Hello", cwd=tmp_path, env=dead
    )
    assert failed.returncode == 1
    assert "translation unavailable (libretranslate): could not connect" in failed.stdout


def test_classify_reads_json_lines_and_answers_one_line_each(tmp_path: Path) -> None:
    lines = [
        {"text": "Mein Paket ist beschädigt angekommen, die Tasse ist kaputt", "lang_hint": "de"},
        {"text": "where is my parcel?? order 55120"},
        "not json",
        {"text": ""},
    ]
    stdin = "\n".join(x if isinstance(x, str) else __import__("json").dumps(x) for x in lines)
    result = cli("classify", cwd=tmp_path, stdin=stdin + "\n")
    assert result.returncode == 0, result.stderr
    import json

    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 4
    damaged, parcel, bad, empty = answers
    assert damaged["language"] == "de" and damaged["intent"] == "damaged_item"
    assert damaged["department"] == "warehouse" and damaged["top"][0][0] == "damaged_item"
    assert parcel["language"] == "en" and parcel["top"][0][0] in ("track_order", "delivery_delay")
    assert "error" in bad and "line 3" in bad["error"]
    assert empty["language"] == "unknown" and empty["intent"] == "unknown"


def test_examples_import_adds_examples_and_reports_bad_rows(tmp_path: Path) -> None:
    csv_file = tmp_path / "history.csv"
    csv_file.write_text(
        "text,intent\n"
        "my blender stopped spinning after a week,product_defect\n"
        "the kettle leaks from the bottom,product_defect\n"
        "hello,not_an_intent\n"
        ",track_order\n",
        encoding="utf-8",
    )
    db = tmp_path / "desk.sqlite3"
    result = cli("examples", "import", str(csv_file), "--db", str(db), "--create", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "imported 2 example(s), 0 already known, 2 skipped" in result.stdout
    assert "history.csv:4: skipped" in result.stderr
    again = cli("examples", "import", str(csv_file), "--db", str(db), cwd=tmp_path)
    assert "imported 0 example(s), 2 already known" in again.stdout
    missing = cli("examples", "import", str(tmp_path / "nope.csv"), "--db", str(db), cwd=tmp_path)
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_digest_dry_run_prints_the_digest_and_writes_the_chart_beside_the_database(
    demo_database: Path, tmp_path: Path
) -> None:
    db = demo_database
    result = cli(
        "digest",
        "--department",
        "warehouse",
        "--date",
        "2026-11-24",
        "--dry-run",
        "--db",
        str(db),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert f"database {db}" in result.stderr  # says which database it read
    assert "Warehouse digest, Tue 24 Nov 2026" in result.stdout
    assert "damaged item: 2" in result.stdout  # Lukas's mug, and Jonas's cup (settled)
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    chart = db.parent / "charts" / "warehouse-2026-11-24.png"
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert f"chart written to {chart}" in result.stdout
    assert list(tmp_path.iterdir()) == []  # nothing dropped into the current folder
    named = cli(
        "digest",
        "--department",
        "warehouse",
        "--date",
        "2026-11-24",
        "--dry-run",
        "--db",
        str(db),
        "--charts",
        str(tmp_path / "reports"),
        cwd=tmp_path,
    )
    assert (tmp_path / "reports" / "warehouse-2026-11-24.png").is_file(), named.stderr
    bad = cli(
        "digest",
        "--department",
        "shipping",
        "--date",
        "2026-11-24",
        "--dry-run",
        "--db",
        str(db),
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and "choose one of" in bad.stderr
    assert ".env.example" not in bad.stderr  # an argument, not a setting
    not_a_date = cli(
        "digest",
        "--department",
        "warehouse",
        "--date",
        "24/11/2026",
        "--dry-run",
        "--db",
        str(db),
        cwd=tmp_path,
    )
    assert not_a_date.returncode == 2 and "YYYY-MM-DD" in not_a_date.stderr
