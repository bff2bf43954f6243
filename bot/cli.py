"""The ``borderdesk`` command line (see DESIGN.md; other tools rely on these names).

borderdesk run | demo [--db PATH] | chat [--db PATH] | classify | suggest [FILE] [--now ISO]
borderdesk examples import FILE.csv
borderdesk check-config | db upgrade [--db PATH] | outbox list | outbox retry ID… | --all
borderdesk orders import FILE | customer export ID | customer forget ID
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot import cli_customers, cli_orders, cli_suggest
from bot.cli_database import announce, require_database
from bot.config import Config, load_config
from bot.errors import BorderDeskError, ConfigError, UsageError
from bot.logs import configure_logging
from bot.storage import Store
from bot.storage.examples import IMPORTED
from bot.storage.file_guard import DatabaseGuard
from bot.storage.store import sqlite_url
from bot.storage.urls import beside_database, database_label


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="borderdesk",
        description="Multilingual support desk: "
        "Telegram shoppers, Slack staff, department escalations.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="connect to Telegram and Slack and serve until stopped")
    demo = sub.add_parser("demo", help="a scripted multilingual day, offline, no accounts")
    demo.add_argument(
        "--db", help="SQLite file for the demo (default: data/demo.sqlite3, recreated)"
    )
    chat = sub.add_parser("chat", help="play shopper and staff in the terminal")
    chat.add_argument("--db", help="SQLite file (default: data/chat.sqlite3)")
    sub.add_parser(
        "classify", help="JSON lines {text, lang_hint} on stdin -> classification on stdout"
    )
    examples = sub.add_parser("examples", help="labelled examples the engine learns from")
    examples_sub = examples.add_subparsers(dest="action", required=True)
    importer = examples_sub.add_parser(
        "import", help="add examples from a CSV with columns text,intent"
    )
    importer.add_argument("file", type=Path)
    importer.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    importer.add_argument(CREATE, action="store_true", help=CREATE_HELP)
    translate = sub.add_parser("translate", help="what the configured translator returns")
    translate.add_argument("--to", required=True, metavar="LANG", help="target language, e.g. es")
    translate.add_argument(
        "--from",
        dest="source",
        default="auto",
        metavar="LANG",
        help="source language (default: detected)",
    )
    translate.add_argument("text", nargs="+")
    digest = sub.add_parser("digest", help="a department's daily digest for one day")
    digest.add_argument("--department", required=True)
    digest.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    digest.add_argument(
        "--dry-run", action="store_true", help="print it and write the chart, do not post to Slack"
    )
    digest.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    digest.add_argument(
        "--charts",
        type=Path,
        metavar="DIR",
        help="folder for the chart of --dry-run (default: a charts folder beside the database)",
    )
    sub.add_parser("check-config", help="validate the settings and show them (secrets masked)")
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="action", required=True)
    upgrade = db_sub.add_parser("upgrade", help="apply migrations")
    upgrade.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    upgrade.add_argument(
        CREATE, action="store_true", help="start a new database in an empty (0-byte) file"
    )
    outbox = sub.add_parser("outbox", help="messages that could not be delivered")
    outbox_sub = outbox.add_subparsers(dest="action", required=True)
    listing = outbox_sub.add_parser("list", help="show what is queued and what was parked")
    listing.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    retry = outbox_sub.add_parser(
        "retry", help="queue parked messages again (a running bot sends them within seconds)"
    )
    retry.add_argument("ids", nargs="*", type=int, help="message numbers, as `list` shows")
    retry.add_argument("--all", action="store_true", help="every parked message")
    retry.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    cli_orders.add_arguments(sub)
    cli_customers.add_arguments(sub)
    cli_suggest.add_arguments(sub)
    return parser


CREATE = "--create"
CREATE_HELP = "create the database if the file does not exist yet (else that is an error)"
# Commands that open the database, and whether they create a missing SQLite file:
# True always, False never, None only when asked (--create). Others do not open it here
# (run and demo say which database they use themselves; run refuses an empty file too).
_OPENS_DATABASE: dict[str, bool | None] = {
    "run": True,
    "chat": True,
    "db": True,
    "examples": None,
    "digest": False,
    "outbox": False,
    "orders": None,
    "customer": False,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(require_platforms=args.command == "run")
        if getattr(args, "db", None):
            config = replace(config, database_url=sqlite_url(args.db))
        configure_logging(
            config.log_level if args.command == "run" else "WARNING", config.secrets()
        )
        if args.command in _OPENS_DATABASE:
            creates = _OPENS_DATABASE[args.command]
            asked = bool(getattr(args, "create", False))
            require_database(
                config.database_url,
                create=creates if creates is not None else asked,
                flag=CREATE if creates is None and hasattr(args, "create") else None,
                empty_ok=asked,
            )
            if args.command != "run":
                announce(config.database_url)
        return _COMMANDS[args.command](config, args)
    except UsageError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        print("See .env.example for every setting.", file=sys.stderr)
        return 2
    except BorderDeskError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(config: Config, args: argparse.Namespace) -> int:
    """Serve until a signal (0); a platform that refuses a token or does not answer at
    start ends it with one line (1, from ``main``)."""
    from bot.startup import serve

    asyncio.run(serve(config))
    return 0


def _demo(config: Config, args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    path = Path(args.db) if args.db else Path("data/demo.sqlite3")
    if args.db and path.exists():
        raise UsageError(
            f"--db {path}: the file exists; the demo writes a new database, "
            "give a path that does not exist yet"
        )
    guard = DatabaseGuard.take(sqlite_url(path))  # not while another desk uses it
    if guard is not None:
        guard.release()
    path.unlink(missing_ok=True)
    # Offline: no translation service is reachable, so the demo translates its own
    # sentences with a phrasebook (bot/demo_phrasebook.py), named "demo" on every card.
    config = replace(config, database_url=sqlite_url(path), translator="demo")
    return asyncio.run(run_demo(config, print))


def _chat(config: Config, args: argparse.Namespace) -> int:
    from bot.chat import run_chat

    if not args.db:
        config = replace(config, database_url=sqlite_url("data/chat.sqlite3"))
    return asyncio.run(run_chat(config))


def _classify(config: Config, args: argparse.Namespace) -> int:
    from replies.engine import SuggestionEngine

    engine = SuggestionEngine.load(
        config.library_dir,
        languages=config.languages,
        detector=config.language_detector,
        model_cache=config.model_cache,
    )
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, hint = str(item.get("text", "")), item.get("lang_hint")
        except (json.JSONDecodeError, AttributeError):
            print(json.dumps({"error": f"line {number}: not a JSON object"}), flush=True)
            continue
        s = engine.suggest(text, lang_hint=hint)
        print(
            json.dumps(
                {
                    "language": s.language,
                    "intent": s.intent,
                    "confidence": round(s.confidence, 4),
                    "top": [[intent, round(score, 4)] for intent, score in s.top],
                    "department": s.department,
                    "problem": s.is_problem,
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    return 0


def _examples(config: Config, args: argparse.Namespace) -> int:
    from replies.engine import SuggestionEngine

    known = {
        c.intent
        for c in SuggestionEngine.load(
            config.library_dir,
            languages=config.languages,
            detector=config.language_detector,
            model_cache=config.model_cache,
        ).choices()
    }
    rows, problems = [], []
    try:
        with args.file.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"text", "intent"} <= set(reader.fieldnames):
                raise UsageError(f"{args.file}: the first line must name the columns text,intent")
            for line, row in enumerate(reader, 2):
                text, intent = (row.get("text") or "").strip(), (row.get("intent") or "").strip()
                if not text or intent not in known:
                    problems.append(
                        f"{args.file}:{line}: skipped (empty text or unknown intent {intent!r})"
                    )
                    continue
                rows.append((text, intent))
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror}") from exc

    async def store_rows() -> int:
        store = await Store.open(config.database_url)
        try:
            now = datetime.now(UTC)
            return sum([await store.add_example(t, i, IMPORTED, now) for t, i in rows])
        finally:
            await store.close()

    added = asyncio.run(store_rows())
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    print(
        f"imported {added} example(s), {len(rows) - added} already known, {len(problems)} skipped"
    )
    return 0


def _translate(config: Config, args: argparse.Namespace) -> int:
    from bot.runtime import build_translator
    from bot.translation import MemoryTranslationCache, describe_translation

    text = " ".join(args.text)
    translator = build_translator(config, MemoryTranslationCache())
    line = asyncio.run(describe_translation(translator, text, args.to.lower(), source=args.source))
    print(line)
    return 0 if not line.startswith("translation unavailable") else 1


def _digest(config: Config, args: argparse.Namespace) -> int:
    from bot.jobs import digest_schedules
    from bot.runtime import load_desk_for

    desk = load_desk_for(config)
    schedules = digest_schedules(desk)
    if args.department not in schedules:
        raise UsageError(f"--department {args.department!r}: choose one of {', '.join(schedules)}")
    try:
        day = date.fromisoformat(args.date)
    except ValueError as exc:
        raise UsageError(f"--date {args.date!r}: write the day as YYYY-MM-DD") from exc
    if not args.dry_run:
        load_config(require_platforms=True)  # posting needs Slack: name what is missing
    charts = args.charts or chart_folder(config.database_url)
    return asyncio.run(_digest_for(config, args.department, day, schedules, args.dry_run, charts))


def chart_folder(database_url: str) -> Path:
    """Where charts go by default: a ``charts`` folder beside the database."""
    return beside_database(database_url, "charts")


async def _digest_for(
    config: Config,
    department: str,
    day: date,
    schedules: dict[str, Any],
    dry_run: bool,
    charts: Path,
) -> int:
    from bot.jobs import post_digest
    from scheduler.digest_jobs import compose_digest, post_digest_once

    store = await Store.open(config.database_url)
    try:
        schedule = schedules[department]
        if dry_run:
            message = await compose_digest(store.engine, department, day, schedule)
            print(message.text)
            if message.chart is not None:
                try:
                    charts.mkdir(parents=True, exist_ok=True)
                    (charts / message.chart_name).write_bytes(message.chart)
                except OSError as exc:
                    raise UsageError(f"--charts {charts}: cannot write ({exc.strerror})") from exc
                print(f"\nchart written to {charts / message.chart_name}")
            return 0
        from bot.runtime import platform_adapters

        _, workspace = platform_adapters(config)  # the desk file's channels

        async def post(message: Any) -> None:
            await post_digest(workspace, message)

        posted = await post_digest_once(
            store.engine, department, day, datetime.now(UTC), post, schedule=schedule
        )
        print("posted" if posted else f"the {department} digest for {day} was posted already")
        return 0
    finally:
        await store.close()


def _check_config(config: Config, args: argparse.Namespace) -> int:
    """Everything ``run`` would check before serving, without connecting; 1 when not ready."""
    from bot.runtime import load_desk_for

    problems: list[str] = []
    notes: list[str] = []
    try:
        load_config(require_platforms=True)
    except ConfigError as exc:
        problems += [line.strip().removeprefix("- ") for line in str(exc).splitlines()[1:]]
    if config.desk_file == Config.desk_file and not config.desk_file.is_file():
        notes.append(
            f"no desk file at {config.desk_file}: built-in defaults are used "
            "(copy desk.example.yaml to desk.yaml to set your hours and departments)"
        )
    try:
        load_desk_for(config)  # a named desk file that is missing is an error there
    except ConfigError as exc:
        problems.append(str(exc))
    try:
        require_database(config.database_url, create=True)  # an empty file is refused
    except UsageError as exc:
        problems.append(str(exc))
    notes.append(translator_privacy(config.translator))
    width = max(len(name) for name, _ in config.describe())
    for name, value in config.describe():
        if name == "BORDERDESK_DATABASE_URL":
            value = database_label(value)
        print(f"{name.ljust(width)}  {value}")
    for note in notes:
        print(f"\nNote: {note}")
    if problems:
        print("\nNot ready for `borderdesk run`:")
        print("\n".join(f"  - {problem}" for problem in problems))
        return 1
    print("\nReady for `borderdesk run`.")
    return 0


def translator_privacy(translator: str) -> str:
    """Where shopper texts go with each translator: a store must be able to tell them."""
    where = {
        "google": "Google's free web translation endpoint (no account, no contract)",
        "deepl": "DeepL's API under your DeepL account",
        "microsoft": "Microsoft Translator under your Azure account",
        "mymemory": "MyMemory's public translation service",
        "libretranslate": "your LibreTranslate server (BORDERDESK_LIBRETRANSLATE_URL)",
    }
    if translator == "none":
        return "translation is off (BORDERDESK_TRANSLATOR=none): cards show the shopper's text only"
    return (
        f"shopper messages and staff replies are sent to {where[translator]} for translation; "
        "set BORDERDESK_TRANSLATOR to choose another (README: Translation and privacy)"
    )


def _db(config: Config, args: argparse.Namespace) -> int:
    async def upgrade() -> None:
        store = await Store.open(config.database_url)
        await store.close()

    asyncio.run(upgrade())
    print(f"database {database_label(config.database_url)} is up to date")
    return 0


def _outbox(config: Config, args: argparse.Namespace) -> int:
    if args.action == "retry" and not args.ids and not args.all:
        print("borderdesk: name the messages to retry (numbers from `outbox list`) or --all")
        return 2

    async def act() -> int:
        store = await Store.open(config.database_url)
        try:
            if args.action == "list":
                counts = await store.outbox_status()
                print(
                    "outbox: "
                    + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "empty")
                )
                for item in await store.dead_letters():
                    print(
                        f"#{item.id}  {item.channel} {item.chat_id}  "
                        f"{item.created_at:%Y-%m-%d %H:%M} UTC  {item.attempts} attempt(s)\n"
                        f"    error: {item.error}\n    text:  {item.text[:200]!r}"
                    )
                return 0
            queued = await store.retry_dead(datetime.now(UTC), None if args.all else args.ids)
            missing = sorted(set(args.ids) - set(queued))
            if queued:
                print("queued again: " + ", ".join(f"#{i}" for i in queued))
            if missing:
                print(
                    "not waiting or parked (nothing done): " + ", ".join(f"#{i}" for i in missing)
                )
            if not queued and not missing:
                print("nothing waiting or parked")
            return 1 if missing else 0
        finally:
            await store.close()

    return asyncio.run(act())


_COMMANDS = {
    "run": _run,
    "demo": _demo,
    "chat": _chat,
    "classify": _classify,
    "examples": _examples,
    "translate": _translate,
    "digest": _digest,
    "check-config": _check_config,
    "db": _db,
    "outbox": _outbox,
    "orders": cli_orders.run,
    "customer": cli_customers.run,
    "suggest": cli_suggest.run,
}

if __name__ == "__main__":
    raise SystemExit(main())
