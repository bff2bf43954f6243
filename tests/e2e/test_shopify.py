"""Shopify end to end: a running desk with its order webhooks on, real python-telegram-bot
and slack-bolt over HTTP against the fake servers, and Shopify webhooks posted to the
desk's own endpoint.

A cancelled order gets no delay notice while a late one beside it does; an order shipped
in two parcels shows both tracking numbers to the shopper (the suggested answer to "where
is my order?", the shipped notice) and to staff (the profile)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import String, cast, select

from bot.storage.schema import orders, outbox
from handlers.proactive import send_proactive
from tests.bot.orders.payloads import shopify_fulfillment, shopify_order
from tests.bot.orders.test_shopify import SECRET, shopify_hmac
from tests.e2e.harness import Desk, card_text, free_port, running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242
EMAIL = "lucia.moreno@example.es"


def when(days: float) -> str:
    """A Shopify timestamp ``days`` from now (negative: in the past)."""
    return (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="seconds")


async def post_shopify(port: int, topic: str, payload: dict[str, Any], webhook_id: str) -> str:
    body = json.dumps(payload).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Hmac-Sha256": shopify_hmac(body),
        "X-Shopify-Shop-Domain": "borderdesk-demo.myshopify.com",
        "X-Shopify-Webhook-Id": webhook_id,
    }
    async with aiohttp.ClientSession(trust_env=False) as session:
        url = f"http://127.0.0.1:{port}/shopify/webhooks"
        async with session.post(url, data=body, headers=headers) as response:
            assert response.status == 200, await response.text()
            return await response.text()


def order(number: int, **changes: Any) -> dict[str, Any]:
    return shopify_order(
        id=5820371468000 + number,
        name=f"#{number}",
        order_number=number,
        financial_status="paid",
        created_at=when(-8),
        **changes,
    )


def parcel(
    number: int, fulfillment_id: int, carrier: str, tracking: str, **changes: Any
) -> dict[str, Any]:
    return shopify_fulfillment(
        id=fulfillment_id,
        order_id=5820371468000 + number,
        name=f"#{number}.{fulfillment_id % 10}",
        tracking_company=carrier,
        tracking_number=tracking,
        tracking_numbers=[tracking],
        tracking_url=f"https://track.example.com/{tracking}",
        tracking_urls=[f"https://track.example.com/{tracking}"],
        **changes,
    )


async def proactive_texts(desk: Desk) -> list[tuple[str, str]]:
    """(kind, order number) of every proactive notice queued, whatever was sent yet."""
    async with desk.runtime.ctx.store.engine.connect() as conn:
        rows = await conn.execute(
            select(outbox.c.idempotency_key, orders.c.order_number)
            .join(orders, outbox.c.idempotency_key.like("proactive:%:" + cast(orders.c.id, String)))
            .order_by(outbox.c.id)
        )
        return [(key.split(":")[1], number.lstrip("#")) for key, number in rows]


async def link(desk: Desk, telegram: FakeTelegramAPI, number: int, cards: int) -> str:
    """The shopper proves the order is theirs; returns the text of the card it makes."""
    telegram.push_update(
        telegram.text_update(
            CHAT,
            f"Hi, where is my order #{number}? My e-mail is {EMAIL}",
            first_name="Lucía",
            language_code="en",
        )
    )
    first = await desk.wait_card()
    card = first if cards == 1 else await desk.wait_card(cards - 1, thread_ts=first["ts"])
    shown = card_text(card)
    assert f"Linked order #{number} (e-mail matches)." in shown
    return shown


async def test_a_cancelled_order_gets_no_delay_notice(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    port = free_port()
    late = {"estimated_delivery_at": when(-3), "created_at": when(-6)}
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        shopify_webhook_secret=SECRET,
        webhook_listen=("127.0.0.1", port),
        quiet_hours=(0, 0),  # the test runs at any hour; quiet hours have their own tests
    ) as desk:
        for number in (1042, 1043):
            await post_shopify(port, "orders/paid", order(number), f"paid-{number}")
            shipped = parcel(number, 4410028851240 + number, "Correos", f"PQ{number}ES", **late)
            await post_shopify(port, "fulfillments/create", shipped, f"ship-{number}")
        await link(desk, telegram_api, 1042, cards=1)
        await link(desk, telegram_api, 1043, cards=2)
        cancelled = order(1042, cancelled_at=when(-1), cancel_reason="customer")
        assert await post_shopify(port, "orders/cancelled", cancelled, "cancel-1042") == "applied"

        await send_proactive(desk.runtime.ctx, desk.runtime.clock())
        await send_proactive(desk.runtime.ctx, desk.runtime.clock())  # a later pass adds nothing
        assert await proactive_texts(desk) == [("delay", "1043")]
        [notice] = await telegram_api.wait_for("sendMessage")
        assert "#1043" in notice["text"] and "PQ1043ES" in notice["text"]


async def test_a_two_parcel_order_shows_both_tracking_numbers(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    port = free_port()
    async with running_desk(
        tmp_path / "desk.sqlite3",
        telegram_api,
        slack_api,
        shopify_webhook_secret=SECRET,
        webhook_listen=("127.0.0.1", port),
        quiet_hours=(0, 0),
    ) as desk:
        await post_shopify(port, "orders/paid", order(1042), "paid")
        recent = {"created_at": when(-0.1)}
        first = parcel(1042, 4410028851241, "Correos", "PQ4F6P07031ES", **recent)
        second = parcel(1042, 4410028851242, "DHL", "JJD0001490267", **recent)
        await post_shopify(port, "fulfillments/create", first, "ship-1")
        await post_shopify(port, "fulfillments/create", second, "ship-2")

        shown = await link(desk, telegram_api, 1042, cards=1)
        assert "PQ4F6P07031ES (Correos)" in shown and "JJD0001490267 (DHL)" in shown

        await send_proactive(desk.runtime.ctx, desk.runtime.clock())
        assert await proactive_texts(desk) == [("shipped", "1042")]
        [notice] = await telegram_api.wait_for("sendMessage")
        assert "PQ4F6P07031ES" in notice["text"] and "JJD0001490267" in notice["text"]
        assert "https://track.example.com/JJD0001490267" in notice["text"]

        status, profile = await desk.command("customer #1042")
        assert status == 200
        assert "2 parcels: Correos PQ4F6P07031ES · shipped; DHL JJD0001490267 · shipped" in profile
