"""``borderdesk customer export|forget WHO``: a shopper's right to see their data and to
have it erased; ``borderdesk customer join CHAT CHAT`` and ``split CHAT``: staff say two
chats are one shopper, or not.

WHO is what the store knows the shopper by: a name, an e-mail, a phone number, an order
number (``#1001``) or a customer id (as ``/borderdesk customer`` shows it). When it names
several shoppers, they are listed and nothing is done. A CHAT is written
``telegram:123456`` (channel and user id), or as WHO.

Export and forget act on the person: the identity found and the chats joined with it
(by a code the shopper typed, or by staff), never chats that merely share an e-mail or
phone; both say which chats they cover. ``export`` writes all stored rows about them as
JSON; ``forget`` shows who would be erased and asks first (``--yes`` for scripts), then
erases their personal data and texts, keeps anonymous counts (so digests do not change),
audits it, and compacts the SQLite file so the erased bytes are gone from disk::

    borderdesk customer export ana@example.es --out ana.json
    borderdesk customer forget "#1001"
    borderdesk customer join telegram:123456 telegram:654321
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot.config import Config
from bot.errors import UsageError
from bot.storage import Store
from bot.storage.customer_privacy import SCOPE
from bot.storage.customer_records import CustomerRecord
from handlers.customer_joins import chat_label, join_chats, split_chat
from handlers.customer_lookup import find_customers

ACTOR = "borderdesk CLI"
WHO_HELP = "the shopper: a name, e-mail, phone, order number (#1001) or customer id"
CHAT_HELP = "a chat: telegram:123456 (channel:user id), or a customer id (id:12), #order, …"
Ask = Callable[[str], str]


def add_arguments(subparsers: Any) -> None:
    """Register ``customer export|forget|join|split`` on the top-level subparsers."""
    customer = subparsers.add_parser(
        "customer", help="a shopper's stored data: export, forget; join or split their chats"
    )
    actions = customer.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="everything stored about a shopper, as JSON")
    export.add_argument("who", help=WHO_HELP)
    export.add_argument("--out", type=Path, help="write to this file instead of stdout")
    export.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    forget = actions.add_parser(
        "forget", help="erase a shopper's personal data and message texts, keep counts"
    )
    forget.add_argument("who", help=WHO_HELP)
    forget.add_argument(
        "--yes", action="store_true", help="erase without asking (for scripts; check WHO first)"
    )
    forget.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    join = actions.add_parser(
        "join", help="two chats are one shopper: both see the same orders (audited)"
    )
    join.add_argument("chats", nargs=2, metavar="CHAT", help=CHAT_HELP)
    join.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")
    split = actions.add_parser("split", help="a joined chat is a shopper of its own again")
    split.add_argument("chat", metavar="CHAT", help=CHAT_HELP)
    split.add_argument("--db", help="SQLite file instead of BORDERDESK_DATABASE_URL")


def run(config: Config, args: argparse.Namespace, ask: Ask = input) -> int:
    """``config`` already names the database (``--db`` applied, its existence checked)."""
    if args.action == "export":
        return asyncio.run(_export(config, args.who, args.out))
    if args.action in ("join", "split"):
        return asyncio.run(_join_or_split(config, args))
    if not args.yes and not sys.stdin.isatty():
        raise UsageError(
            "customer forget asks before erasing, and there is nobody to ask (input is not "
            "a terminal): add --yes to erase without asking"
        )
    return asyncio.run(_forget(config, args.who, confirmed=args.yes, ask=ask))


async def _one(store: Store, who: str) -> CustomerRecord:
    """The one shopper ``who`` names; UsageError (listing them) for none or several."""
    found, why_not = await find_customers(store, who)
    if why_not:
        raise UsageError(why_not)
    if not found:
        raise UsageError(
            f"no shopper matches {who!r}: give a name, e-mail, phone, #order number or id"
        )
    if len(found) > 1:
        listed = "\n".join(
            f"  id:{c.id}  {c.name} ({c.channel} {c.platform_user_id})" for c in found
        )
        raise UsageError(f"{len(found)} shoppers match {who!r}; give one id:N\n{listed}")
    return found[0]


async def _export(config: Config, who: str, out: Path | None) -> int:
    store = await Store.open(config.database_url)
    try:
        customer = await _one(store, who)
        person = await store.same_person(customer.id)
        ids = [c.id for c in person]
        data = await store.customer_export(ids)
        covers = covered_chats(person)
        document = {
            "customer_id": customer.id,
            "identities": ids,
            "chats": [chat_label(c) for c in person],
            "covers": f"{covers}: {SCOPE}",
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
                raise UsageError(f"--out {out}: cannot write ({exc.strerror})") from exc
            sys.stdout.write(
                f"exported customer {customer.id} ({customer.name}, {len(ids)} identities) "
                f"to {out}; {covers}\n"
            )
        await store.audit_customer(
            ACTOR, "export", customer.id, {"identities": ids}, datetime.now(UTC)
        )
        return 0
    finally:
        await store.close()


async def _forget(config: Config, who: str, *, confirmed: bool, ask: Ask) -> int:
    store = await Store.open(config.database_url)
    try:
        customer = await _one(store, who)
        person = await store.same_person(customer.id)
        orders = await store.customer_orders([c.id for c in person])
        channels = ", ".join(f"{c.channel} {c.platform_user_id} (id {c.id})" for c in person)
        sys.stdout.write(
            f"customer {customer.id}: {customer.name}\n  channels: {channels}\n"
            f"  {covered_chats(person)}\n"
            f"  linked orders: {len(orders)}\n  erases {SCOPE}\n"
        )
        if not confirmed:
            answer = await asyncio.to_thread(
                ask, "Erase their personal data and message texts for good? Type yes: "
            )
            if answer.strip().lower() != "yes":
                sys.stdout.write("nothing erased\n")
                return 1
        counts = await store.forget_customers(
            [c.id for c in person], datetime.now(UTC), actor=ACTOR
        )
        await store.reclaim_space()
    finally:
        await store.close()
    sys.stdout.write(
        f"forgot customer {customer.id}: {counts['identities']} identities, "
        f"{counts['conversations']} conversations, {counts['messages']} messages and "
        f"{counts['orders']} orders erased ({covered_chats(person)}); counts kept, "
        "database compacted\n"
    )
    return 0


def covered_chats(person: list[CustomerRecord]) -> str:
    """What an export or forget reaches, as it says: "covers chats: telegram:1, …"."""
    return "covers chats: " + ", ".join(chat_label(c) for c in person)


async def _join_or_split(config: Config, args: argparse.Namespace) -> int:
    store = await Store.open(config.database_url)
    try:
        if args.action == "join":
            done, answer = await join_chats(store, *args.chats, actor=ACTOR, at=datetime.now(UTC))
        else:
            done, answer = await split_chat(store, args.chat, actor=ACTOR, at=datetime.now(UTC))
    finally:
        await store.close()
    if not done:
        raise UsageError(answer)
    sys.stdout.write(answer + "\n")
    return 0


def _json_value(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")
