"""Replays change nothing, old cards cannot act on new rows, and cards show names as typed
(issue 14).

- ``X-Shopify-Webhook-Id`` is not covered by the HMAC: a captured webhook sent again
  under a new id keeps its valid signature. An order or fulfillment older than what is
  stored must be acknowledged and change nothing.
- Buttons and dialogs name rows by ids that start again after a database reset: a click
  on a card of the earlier database must be refused with a private note, sending nothing.
- A shopper's name with a right-to-left override must not turn a card header around.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.channels.slack_blocks import EDIT_CALLBACK
from bot.config import Config
from bot.orders.server import sign_event
from bot.storage import Store, sqlite_url
from handlers.card_refs import STALE_CARD_NOTE
from tests.bot.orders.payloads import TRACKING, shopify_fulfillment, shopify_order
from tests.bot.orders.test_server import EVENTS_SECRET, NOW_TS, running
from tests.bot.orders.test_shopify import SECRET as SHOPIFY_SECRET
from tests.bot.orders.test_shopify import shopify_hmac
from tests.e2e.harness import (
    INBOX,
    STAFF_ID,
    WAREHOUSE,
    Desk,
    always_open,
    button_value,
    running_desk,
)
from tests.fakes.libretranslate_api import FakeLibreTranslate
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

NEW_TRACKING = "00340434161094042557"
LATER = "2026-03-03T15:40:00+01:00"  # after the payloads' own updated_at
WHERE_IS_MY_ORDER = "Hola, ¿dónde está mi pedido #A10293? Lo pedí hace dos semanas."
LEARNED = [(WHERE_IS_MY_ORDER, "track_order")]
OLD_SHOPPER, NEW_SHOPPER = 4242, 5353
DAMAGED = "My order #B20411 arrived today, the DHL box was crushed and the cup is broken."


class Shop:
    """The shop's side of the order endpoints: signed requests over real HTTP."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def shopify(self, topic: str, payload: dict[str, Any], webhook_id: str) -> str:
        body = json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Hmac-Sha256": shopify_hmac(body),
            "X-Shopify-Shop-Domain": "borderdesk-demo.myshopify.com",
            "X-Shopify-Webhook-Id": webhook_id,
        }
        async with self.session.post("/shopify/webhooks", data=body, headers=headers) as resp:
            assert resp.status == 200, await resp.text()
            return await resp.text()

    async def event(self, payload: dict[str, Any]) -> str:
        body = json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-BorderDesk-Timestamp": str(NOW_TS),
            "X-BorderDesk-Signature": sign_event(body, NOW_TS, EVENTS_SECRET),
        }
        async with self.session.post("/orders/events", data=body, headers=headers) as resp:
            assert resp.status == 200, await resp.text()
            return await resp.text()


async def with_shop(tmp_path: Path) -> tuple[Store, Any, list[str], Shop, aiohttp.ClientSession]:
    store = await Store.open(sqlite_url(tmp_path / "orders.sqlite3"))
    config = Config(order_events_secret=EVENTS_SECRET, shopify_webhook_secret=SHOPIFY_SECRET)
    webhooks, changed, url = await running(store, config)
    session = aiohttp.ClientSession(base_url=url)
    return store, webhooks, changed, Shop(session), session


def stale_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "is stale" in r.getMessage()]


async def test_a_replayed_old_fulfillment_under_a_new_id_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, webhooks, changed, shop, session = await with_shop(tmp_path)
    try:
        created = shopify_fulfillment()
        await shop.shopify("orders/create", shopify_order(), "w-order")
        await shop.shopify("fulfillments/create", created, "w-create")
        corrected = shopify_fulfillment(
            updated_at=LATER,
            tracking_company="SEUR",
            tracking_number=NEW_TRACKING,
            tracking_numbers=[NEW_TRACKING],
            tracking_url=None,
            tracking_urls=[],
        )
        await shop.shopify("fulfillments/update", corrected, "w-update")
        changed.clear()
        caplog.set_level(logging.INFO, logger="bot.orders.server")

        # the captured create, byte for byte, under an id never seen: the HMAC still holds
        answer = await shop.shopify("fulfillments/create", created, "w-replayed-create")
        # and a captured older update, likewise
        older_update = shopify_fulfillment(updated_at="2026-03-03T12:00:00+01:00")
        second = await shop.shopify("fulfillments/update", older_update, "w-replayed-update")

        order = await store.order_by_number("#1042")
        assert order is not None
        assert (order.carrier, order.tracking_number) == ("SEUR", NEW_TRACKING)
        parcels = await store.order_parcels(order.id)
        assert [(p.carrier, p.tracking_number) for p in parcels] == [("SEUR", NEW_TRACKING)]
        assert (answer, second) == ("stale; nothing changed", "stale; nothing changed")
        assert changed == []  # nobody is told of a change
        lines = stale_lines(caplog)
        assert len(lines) == 2
        assert "w-replayed-create" in lines[0] and "4410028851243" in lines[0]
        assert "#1042" in lines[0]
    finally:
        await session.close()
        await webhooks.stop()
        await store.close()


async def test_an_out_of_order_older_orders_updated_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, webhooks, changed, shop, session = await with_shop(tmp_path)
    try:
        await shop.shopify("orders/create", shopify_order(), "w-create")
        newer = shopify_order(
            updated_at="2026-03-02T09:00:00+01:00",
            email="lucia.new@example.es",
            total_price="70.00",
        )
        older = shopify_order(
            updated_at="2026-03-01T20:00:00+01:00",
            email="lucia.old@example.es",
            total_price="60.00",
        )
        await shop.shopify("orders/updated", newer, "w-newer")
        changed.clear()
        caplog.set_level(logging.INFO, logger="bot.orders.server")

        answer = await shop.shopify("orders/updated", older, "w-older")

        order = await store.order_by_number("#1042")
        assert order is not None
        assert (order.email, order.total) == ("lucia.new@example.es", 70.0)
        assert answer == "stale; nothing changed"
        assert changed == []
        [line] = stale_lines(caplog)
        assert "w-older" in line and "#1042" in line
    finally:
        await session.close()
        await webhooks.stop()
        await store.close()


async def test_an_older_generic_event_changes_nothing(tmp_path: Path) -> None:
    store, webhooks, changed, shop, session = await with_shop(tmp_path)
    try:
        event = {"order_number": "#77", "status": "shipped", "carrier": "DHL"}
        newer = {**event, "event_id": "e2", "tracking_number": NEW_TRACKING, "updated_at": LATER}
        older = {**event, "event_id": "e1", "tracking_number": TRACKING}
        older["updated_at"] = "2026-03-03T09:00:00+01:00"
        assert await shop.event(newer) == "applied"

        assert await shop.event(older) == "stale; nothing changed"

        order = await store.order_by_number("#77")
        assert order is not None
        assert order.tracking_number == NEW_TRACKING
        assert [p.tracking_number for p in await store.order_parcels(order.id)] == [NEW_TRACKING]
    finally:
        await session.close()
        await webhooks.stop()
        await store.close()


async def an_old_card(
    db: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> tuple[dict[str, Any], str]:
    """A card (and the Edit dialog opened from it) on a first database, left undecided."""
    async with running_desk(db, telegram_api, slack_api, learned=LEARNED) as desk:
        telegram_api.push_update(telegram_api.text_update(OLD_SHOPPER, WHERE_IS_MY_ORDER))
        card = await desk.wait_card()
        assert await desk.click(card, "bd_edit") == 200
        [opened] = await slack_api.wait_for("views.open")
    return card, opened["view"]["private_metadata"]


async def new_card(desk: Desk, telegram_api: FakeTelegramAPI) -> dict[str, Any]:
    """After the reset: another shopper's card, whose suggestion has the old card's id."""
    telegram_api.push_update(telegram_api.text_update(NEW_SHOPPER, WHERE_IS_MY_ORDER))
    return await desk.wait_card(count=2)


async def test_a_click_on_a_card_of_an_earlier_database_is_refused_and_sends_nothing(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    old, _ = await an_old_card(tmp_path / "before.sqlite3", telegram_api, slack_api)
    async with running_desk(
        tmp_path / "after-reset.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        new = await new_card(desk, telegram_api)
        assert button_value(new, "bd_send") == button_value(old, "bd_send")  # same id

        assert await desk.click(old, "bd_send") == 200

        [note] = await slack_api.wait_for("chat.postEphemeral")
        assert (note["user"], note["channel"], note["text"]) == (STAFF_ID, INBOX, STALE_CARD_NOTE)
        assert telegram_api.sent_messages() == []
        record = await desk.runtime.ctx.store.suggestion(int(button_value(new, "bd_send")))
        assert record is not None and record.status == "pending"
        assert [m for m, p in slack_api.calls if m == "chat.update"] == []
        # the new card itself still works
        assert await desk.click(new, "bd_send") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == NEW_SHOPPER


async def test_an_edit_dialog_opened_before_a_reset_is_refused_on_submit(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    old, metadata = await an_old_card(tmp_path / "before.sqlite3", telegram_api, slack_api)
    assert metadata == f"{button_value(old, 'bd_edit')} {INBOX} {old['ts']}"
    async with running_desk(
        tmp_path / "after-reset.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        new = await new_card(desk, telegram_api)
        forged = "Your refund of 250 EUR is approved."

        assert await desk.submit(EDIT_CALLBACK, {"reply": {"text": forged}}, metadata) == 200

        [note] = await slack_api.wait_for("chat.postEphemeral")
        assert note["text"] == STALE_CARD_NOTE
        assert telegram_api.sent_messages() == []
        record = await desk.runtime.ctx.store.suggestion(int(button_value(new, "bd_edit")))
        assert record is not None and record.status == "pending"


@contextlib.asynccontextmanager
async def escalated(
    db: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI, chat: int, count: int
) -> AsyncIterator[tuple[Desk, dict[str, Any]]]:
    """A desk that escalated a damaged item at once; the ``count``-th warehouse card."""
    settings = always_open(warehouse={"channel": WAREHOUSE, "auto_escalate": True})
    async with running_desk(
        db, telegram_api, slack_api, desk=settings, learned=[(DAMAGED, "damaged_item")]
    ) as desk:
        telegram_api.push_update(telegram_api.text_update(chat, DAMAGED))
        await slack_api.wait_for(
            "chat.postMessage", count=count, predicate=lambda p: p["channel"] == WAREHOUSE
        )
        cards = [m for m in slack_api.messages(WAREHOUSE) if m.get("blocks")]
        yield desk, cards[count - 1]


async def test_an_escalation_card_of_an_earlier_database_is_refused(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    before, after = tmp_path / "before.sqlite3", tmp_path / "after-reset.sqlite3"
    async with escalated(before, telegram_api, slack_api, OLD_SHOPPER, 1) as (_, old):
        pass
    async with escalated(after, telegram_api, slack_api, NEW_SHOPPER, 2) as (desk, new):
        assert button_value(new, "bd_esc_ack") == button_value(old, "bd_esc_ack")  # same id
        updates = len([m for m, _ in slack_api.calls if m == "chat.update"])

        assert await desk.click(old, "bd_esc_ack") == 200

        [note] = await slack_api.wait_for("chat.postEphemeral")
        assert (note["channel"], note["text"]) == (WAREHOUSE, STALE_CARD_NOTE)
        escalation = await desk.runtime.ctx.store.escalation(int(button_value(new, "bd_esc_ack")))
        assert escalation is not None and escalation.acknowledged_at is None
        assert len([m for m, _ in slack_api.calls if m == "chat.update"]) == updates


@pytest.fixture
async def libretranslate() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


@contextlib.asynccontextmanager
async def held_reply(
    db: Path, slack_api: FakeSlackAPI, telegram_api: FakeTelegramAPI, translator: Any, count: int
) -> AsyncIterator[tuple[Desk, dict[str, Any]]]:
    """A desk where staff answered the ``count``-th card in English while the translator
    was down: the reply is held, and its confirmation waits in the card's thread."""
    async with running_desk(
        db,
        telegram_api,
        slack_api,
        learned=LEARNED,
        translator="libretranslate",
        libretranslate_url=translator.url,
        translation_timeout=0.5,
    ) as desk:
        chat = OLD_SHOPPER if count == 1 else NEW_SHOPPER
        telegram_api.push_update(telegram_api.text_update(chat, WHERE_IS_MY_ORDER))
        card = await desk.wait_card(count=count)
        translator.fail_next(503)
        assert await desk.thread_reply(card, "Hello, your package shipped today") == 200
        yield desk, await desk.wait_confirmation(card)


async def test_a_translation_choice_of_an_earlier_database_is_refused(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    libretranslate: FakeLibreTranslate,
) -> None:
    before, after = tmp_path / "before.sqlite3", tmp_path / "after-reset.sqlite3"
    async with held_reply(before, slack_api, telegram_api, libretranslate, 1) as (_, old):
        pass
    async with held_reply(after, slack_api, telegram_api, libretranslate, 2) as (desk, new):
        assert button_value(new, "bd_tr_raw") == button_value(old, "bd_tr_raw")  # same id

        assert await desk.click(old, "bd_tr_raw") == 200

        [note] = await slack_api.wait_for("chat.postEphemeral")
        assert note["text"] == STALE_CARD_NOTE
        assert telegram_api.sent_messages() == []
        assert await desk.runtime.ctx.store.held(int(button_value(new, "bd_tr_raw"))) is not None


async def test_a_right_to_left_override_in_a_name_does_not_turn_the_card_header(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    name = "Ana\u202e\u2066 (staff) \u2069\u200f"
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, learned=LEARNED
    ) as desk:
        telegram_api.push_update(
            telegram_api.text_update(OLD_SHOPPER, f"\u202e{WHERE_IS_MY_ORDER}", first_name=name)
        )
        card = await desk.wait_card()

    header = card["blocks"][0]["text"]["text"]
    assert header.startswith("*Ana (staff) *")
    shown = json.dumps(card, ensure_ascii=False)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not any(c in shown for c in "\u200e\u200f\u061c")
