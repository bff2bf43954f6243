"""`borderdesk orders import`: what it prints, what it stores, how it exits."""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from bot import cli_orders
from bot.config import Config
from bot.storage import Store
from bot.storage.store import sqlite_url


def orders_command(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="borderdesk")
    cli_orders.add_arguments(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    assert args.command == "orders"
    # bot.cli applies --db before handing over (and checks the file exists, or --create)
    config = replace(Config(), database_url=sqlite_url(args.db)) if args.db else Config()
    return cli_orders.run(config, args)


def stored_numbers(db: Path) -> list[str]:
    async def read() -> list[str]:
        store = await Store.open(sqlite_url(db))
        try:
            found = [await store.order_by_number(n) for n in ("1001", "1002", "1003")]
            return [o.order_number for o in found if o is not None]
        finally:
            await store.close()

    return asyncio.run(read())


def test_import_reports_bad_rows_and_keeps_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "shop.sqlite3"
    path = tmp_path / "orders.csv"
    path.write_text(
        "order_number,email,status,ordered_at\n"
        "#1001,ana@example.es,paid,2026-02-27T10:15:00+01:00\n"
        "#1002,ana@,paid,2026-02-27T10:15:00+01:00\n"
        "#1003,li@example.cn,paid,2026-02-28T09:00:00+08:00\n",
        encoding="utf-8",
    )

    assert orders_command("orders", "import", str(path), "--db", str(db)) == 1
    assert capsys.readouterr().out.splitlines() == [
        "imported 2 orders (2 new), 1 bad rows:",
        "line 3: email: 'ana@' does not look like an e-mail address (name@example.com)",
    ]
    assert stored_numbers(db) == ["#1001", "#1003"]

    path.write_text("order_number,status\n1001,shipped\n1002,paid\n", encoding="utf-8")
    assert orders_command("orders", "import", str(path), "--db", str(db)) == 0
    assert capsys.readouterr().out.splitlines() == ["imported 2 orders (1 new), 0 bad rows"]
    assert stored_numbers(db) == ["#1001", "1002", "#1003"]


def test_a_missing_file_exits_2_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "shop.sqlite3"
    code = orders_command("orders", "import", str(tmp_path / "nope.csv"), "--db", str(db))
    assert code == 2
    assert "cannot read" in capsys.readouterr().err
    assert not db.exists()
