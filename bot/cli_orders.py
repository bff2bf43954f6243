"""``borderdesk orders import FILE [--db PATH]``: load orders from a CSV or JSON-lines file;
``borderdesk orders kept``: the shop's webhooks stored without being applied.

Good rows are stored (merged into orders already known) even when others are bad; the bad
ones are listed by line number so they can be fixed and the file imported again::

    $ borderdesk orders import orders.csv
    imported 41 orders (38 new), 2 bad rows:
    line 7: email: 'ana@' does not look like an e-mail address (name@example.com)
    line 19: ordered_at: '2026-03-01 10:00' has no time zone; add its offset ...

Exit status: 0 when every row was good, 1 when some were bad, 2 when the file could not
be read at all.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.config import Config
from bot.orders.importer import OrderFileError, read_orders
from bot.orders.model import OrderEvent
from bot.storage import Store
from bot.storage.orders import OrderChange
from handlers.shop_events import kept_events_text


def add_arguments(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``orders import`` on the ``borderdesk`` sub-command parsers."""
    orders = subparsers.add_parser("orders", help="orders from the shop")
    actions = orders.add_subparsers(dest="action", required=True)
    importer = actions.add_parser(
        "import", help="load orders from a CSV (header row) or JSON-lines file"
    )
    importer.add_argument("file", type=Path, help="orders.csv, orders.jsonl or orders.ndjson")
    importer.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    importer.add_argument(
        "--create",
        action="store_true",
        help="create the database if the file does not exist yet (else that is an error)",
    )
    kept = actions.add_parser(
        "kept", help="shop webhooks waiting for their order, or of topics BorderDesk does not use"
    )
    kept.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")


def run(config: Config, args: argparse.Namespace) -> int:
    """``config`` already names the database (``--db`` applied, its existence checked)."""
    if args.action == "kept":
        sys.stdout.write(asyncio.run(_kept(config)) + "\n")
        return 0
    try:
        result = read_orders(args.file)
    except OrderFileError as exc:
        sys.stderr.write(f"borderdesk: {exc}\n")
        return 2
    changes = asyncio.run(_store(config, result.good)) if result.good else []
    new = sum(change.created for change in changes)
    colon = ":" if result.bad else ""
    lines = [f"imported {len(changes)} orders ({new} new), {len(result.bad)} bad rows{colon}"]
    lines += [f"line {line}: {message}" for line, message in result.bad]
    sys.stdout.write("\n".join(lines) + "\n")
    return 1 if result.bad else 0


async def _kept(config: Config) -> str:
    store = await Store.open(config.database_url)
    try:
        return kept_events_text(await store.shop_events(), datetime.now(UTC))
    finally:
        await store.close()


async def _store(config: Config, events: list[OrderEvent]) -> list[OrderChange]:
    store = await Store.open(config.database_url)
    try:
        return await store.upsert_orders(events, "import", datetime.now(UTC))
    finally:
        await store.close()
