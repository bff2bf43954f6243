"""``borderdesk customer export ID`` and ``borderdesk customer forget ID``: a shopper's
right to see their data and to have it erased.

Both act on the person: the identity ``ID`` and every other identity with the same e-mail
or phone. ``export`` writes all stored rows about them as JSON; ``forget`` erases their
personal data and texts, keeps anonymous counts (so digests do not change), audits it,
and compacts the SQLite file so the erased bytes are gone from disk::

    borderdesk customer export 12 --out ana.json
    borderdesk customer forget 12
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot.config import Config
from bot.errors import ConfigError
from bot.storage import Store

ACTOR = "borderdesk CLI"


def add_arguments(subparsers: Any) -> None:
    """Register ``customer export`` and ``customer forget`` on the top-level subparsers."""
    customer = subparsers.add_parser("customer", help="a shopper's stored data: export, forget")
    actions = customer.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="everything stored about a shopper, as JSON")
    export.add_argument("id", type=int, help="customer id (as /borderdesk customer shows it)")
    export.add_argument("--out", type=Path, help="write to this file instead of stdout")
    export.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    forget = actions.add_parser(
        "forget", help="erase a shopper's personal data and message texts, keep counts"
    )
    forget.add_argument("id", type=int, help="customer id (as /borderdesk customer shows it)")
    forget.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")


def run(config: Config, args: argparse.Namespace) -> int:
    """``config`` already names the database (``--db`` applied, its existence checked)."""
    if args.action == "export":
        return asyncio.run(_export(config, args.id, args.out))
    return asyncio.run(_forget(config, args.id))


async def _export(config: Config, customer_id: int, out: Path | None) -> int:
    store = await Store.open(config.database_url)
    try:
        person = await store.same_person(customer_id)
        if not person:
            sys.stderr.write(f"borderdesk: no customer {customer_id}\n")
            return 1
        ids = [c.id for c in person]
        data = await store.customer_export(ids)
        document = {
            "customer_id": customer_id,
            "identities": ids,
            "exported_at": datetime.now(UTC).isoformat(),
            **data,
        }
        text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_value)
        if out is None:
            sys.stdout.write(text + "\n")
        else:
            try:
                out.write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"--out {out}: cannot write ({exc.strerror})") from exc
            sys.stdout.write(f"exported customer {customer_id} ({len(ids)} identities) to {out}\n")
        await store.audit_customer(
            ACTOR, "export", customer_id, {"identities": ids}, datetime.now(UTC)
        )
        return 0
    finally:
        await store.close()


async def _forget(config: Config, customer_id: int) -> int:
    store = await Store.open(config.database_url)
    try:
        person = await store.same_person(customer_id)
        if not person:
            sys.stderr.write(f"borderdesk: no customer {customer_id}\n")
            return 1
        counts = await store.forget_customers(
            [c.id for c in person], datetime.now(UTC), actor=ACTOR
        )
        await store.reclaim_space()
    finally:
        await store.close()
    sys.stdout.write(
        f"forgot customer {customer_id}: {counts['identities']} identities, "
        f"{counts['conversations']} conversations, {counts['messages']} messages and "
        f"{counts['orders']} orders erased; counts kept, database compacted\n"
    )
    return 0


def _json_value(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")
