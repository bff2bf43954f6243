"""A shopper's data: exported in full, then forgotten so that not a byte of it is left in
the database file, while the anonymous counts digests rely on stay; and old message text
is purged after the retention period."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from bot.cli_customers import add_arguments, run
from bot.config import Config
from bot.models import ActionKind
from bot.storage import Store, sqlite_url
from bot.storage.attachments import NewFile
from bot.storage.schema import attachments, messages, problems, shop_events, suggestions
from handlers.retention import purge_expired
from tests.handlers.desk import Clock, add_order, local_desk, shipped

NAME = "Zuzanna Brzęczyszczykiewicz"
EMAIL = "zuzanna.b@example.org"
PHONE = "+48 601 234 567"
TEXTS = (
    f"Where is my order #1001? My e-mail is {EMAIL}, phone {PHONE}",
    "The teapot I got from you arrived cracked in two places, very disappointing!",
    "Zuzanna here again, my neighbour Krystyna says hello",
)


def cli(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="borderdesk")
    add_arguments(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def raw_bytes(db: Path) -> bytes:
    """The database file and its write-ahead log, as they are on disk."""
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def counts(db: Path) -> dict[str, object]:
    store = await Store.open(sqlite_url(db))
    try:
        async with store.engine.connect() as conn:

            async def one(query: object) -> object:
                return (await conn.execute(query)).all()  # type: ignore[call-overload]

            return {
                "messages": await one(
                    select(messages.c.direction, func.count()).group_by(messages.c.direction)
                ),
                "intents": await one(select(suggestions.c.intent).order_by(suggestions.c.id)),
                "problems": await one(select(problems.c.department, problems.c.intent)),
            }
    finally:
        await store.close()


@pytest.mark.sqlite_only  # about the SQLite file itself
async def test_export_then_forget_leaves_no_personal_data_in_the_file(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await add_order(
            desk.store,
            "#1001",
            email=EMAIL,
            phone="0048601234567",
            name=NAME,
            **shipped("InPost", "620111222333444555666777", date(2026, 11, 26)),
        )
        for text in TEXTS:
            await desk.say(text, chat="5150", name=NAME, hint="pl")
        first, problem = desk.cards()[0], desk.cards()[1]
        await desk.act(ActionKind.SEND, first)
        await desk.act(ActionKind.ESCALATE, problem)
        await desk.act(
            ActionKind.THREAD_REPLY, None, text=f"Dear {NAME}, sorry!", card=desk.first_card()
        )
        customer = await desk.customer("5150")
        await desk.command(f"block {customer.id} other wrote as {NAME} from {EMAIL}")
        # a file staff attached to a reply, and a shop webhook kept about the order
        conversation = (await desk.store.customer_conversations([customer.id]))[0]
        invoice = NewFile("invoice-zuzanna.pdf", "application/pdf", b"%PDF " + NAME.encode())
        await desk.store.enqueue("file:1", conversation, "", "Lee", desk.clock.now, files=[invoice])
        async with desk.store.engine.begin() as conn:
            await conn.execute(
                insert(shop_events).values(
                    source="shopify",
                    topic="fulfillments/update",
                    order_number="#1001",
                    status="unknown",
                    payload={"shipping_address": {"name": NAME, "phone": PHONE}},
                    received_at=desk.clock.now,
                )
            )
        await desk.say("Hello, a question from someone else", chat="6160", name="Other Person")
        assert desk.sent("5150"), "a reply went out"
        db = desk.db
    before = await counts(db)
    assert NAME.encode() in raw_bytes(db)

    config = Config(database_url=sqlite_url(db))
    out = tmp_path / "export.json"
    assert (
        await asyncio.to_thread(
            run, config, cli("customer", "export", str(customer.id), "--out", str(out))
        )
        == 0
    )
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["customers"][0]["name"] == NAME
    assert exported["customers"][0]["email"] == EMAIL
    assert {m["text"] for m in exported["messages"] if m["direction"] == "in"} == set(TEXTS)
    assert any(f"Dear {NAME}" in m["text"] for m in exported["messages"])
    assert exported["orders"][0]["tracking_number"] == "620111222333444555666777"
    assert exported["problems"] and exported["escalations"] and exported["suggestions"]
    assert [a["action"] for a in exported["audit"]] == ["block"]

    forget = cli("customer", "forget", f"id:{customer.id}", "--yes")
    assert await asyncio.to_thread(run, config, forget) == 0

    on_disk = raw_bytes(db)
    secrets = [NAME, "Brzęczyszczykiewicz", EMAIL, "601 234 567", "601234567", *TEXTS]
    secrets += ["Krystyna", "teapot I got from you", "620111222333444555666777", "5150:"]
    secrets += ["invoice-zuzanna.pdf", PHONE]  # the attached file; the kept webhook
    for secret in secrets:
        assert secret.encode() not in on_disk, f"{secret!r} is still in the database file"
    assert b"Other Person" in on_disk, "other shoppers are untouched"
    assert await counts(db) == before, "anonymous counts for the digests stay"

    store = await Store.open(sqlite_url(db))
    try:
        forgotten = await store.customer(customer.id)
        assert forgotten is not None and forgotten.name == "(forgotten)"
        assert forgotten.forgotten_at is not None and forgotten.email is None
        audit = await store.customer_audit([customer.id])
        assert [a.action for a in audit] == ["block", "export", "forget"]
        assert audit[0].detail == {"reason": "other", "identities": [customer.id]}
        assert NAME not in json.dumps([a.detail for a in audit], ensure_ascii=False)
    finally:
        await store.close()


async def test_retention_purges_old_message_text_only(tmp_path: Path) -> None:
    clock = Clock()
    async with local_desk(tmp_path, clock, retention_days=30) as desk:
        await desk.say("An old question about my blue teapot")
        [conversation] = await desk.store.customer_conversations([1])
        label = NewFile("label.pdf", "application/pdf", b"%PDF old label")
        old_file = await desk.store.enqueue(
            "file:old", conversation, "", "Lee", clock.now, files=[label]
        )
        await desk.store.outbox_dead(old_file, "refused")  # done with, like a sent one
        clock.now += timedelta(days=31)
        await desk.say("A new question about my red teapot")
        assert await purge_expired(desk.runtime.ctx, clock.now) == 1
        async with desk.store.engine.connect() as conn:
            files = (await conn.execute(select(func.count()).select_from(attachments))).scalar()
        assert files == 0, "files of old replies go with their texts"
        assert await purge_expired(desk.runtime.ctx, clock.now) == 0, "purged once"
        async with desk.store.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(messages.c.text, messages.c.purged_at).order_by(messages.c.id)
                )
            ).all()
        assert [r.text for r in rows] == ["", "A new question about my red teapot"]
        assert rows[0].purged_at == clock.now and rows[1].purged_at is None
        [old, new] = await desk.store.pending_suggestions()
        assert old.suggestion.intent and new.display  # the cards themselves stay

    async with local_desk(tmp_path, clock, retention_days=0) as desk:
        assert await purge_expired(desk.runtime.ctx, clock.now + timedelta(days=999)) == 0
