"""Proactive notices on WhatsApp after the 24-hour window, end to end.

A real desk with WhatsApp on (``whatsapp_desk``) and the fake Graph API judging every
template send by Meta's spec and by what Meta refuses (a template not approved in that
language, the wrong number of variables, an empty one or one with a line break). Ana
last wrote 25 hours ago, so nothing may reach her as free text; her order has shipped:

- with a shipped template set, the notice goes as that template, its variables the
  order's number, carrier and tracking number (not the notice's text);
- a notice kind without a template of its own (the payment reminder) goes as the update
  template, carrying the notice's text on one line;
- with no template to send, the notice is parked, saying which setting is missing;
- within the window the notice goes as the text the shopper would read anywhere else.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.config.whatsapp import TemplateSetting
from bot.orders.model import OrderEvent
from bot.storage.schema import conversations
from handlers.proactive import send_proactive
from tests.e2e.harness import MovableClock, wait_until
from tests.e2e.test_whatsapp import ANA, replies, whatsapp_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI
from tests.fakes.whatsapp_webhooks import WebhookFactory, post_webhook

HELLO = "Oi, tudo bem? Obrigada pela ajuda ontem."
DAY = 24 * 3600
UPDATE = TemplateSetting("request_update", "pt_BR", ("text",))
SHIPPED = TemplateSetting(
    "order_shipped", "pt_BR", ("shopper_name", "order_number", "carrier", "tracking_number")
)
# no quiet hours: the notices are due whatever the time of day the test runs at
ALWAYS = {"quiet_hours": (0, 0)}


async def ana_writes(url: str, seconds_ago: float) -> None:
    hooks = WebhookFactory(clock=lambda: time.time() - seconds_ago)
    assert (await post_webhook(url, hooks.text(ANA, HELLO)))[0] == 200


async def ana_s_order(desk: Any, **values: Any) -> None:
    """Order 20817, placed two days ago, linked to Ana's WhatsApp customer."""
    store = desk.runtime.ctx.store
    async with store.engine.connect() as conn:
        found = await conn.execute(
            select(conversations.c.customer_id).where(conversations.c.chat_id == ANA)
        )
        customer_id = found.scalar_one()
    now = datetime.now(UTC)
    event = OrderEvent(
        "20817", ordered_at=now - timedelta(days=2), items=(("Luminária", 1),), **values
    )
    order_id, _ = await store.upsert_order(event, "import", now)
    await store.link_customer_order(customer_id, order_id)


def shipped_now() -> dict[str, Any]:
    return {
        "status": "shipped",
        "shipped_at": datetime.now(UTC) - timedelta(hours=1),
        "carrier": "Correios",
        "tracking_number": "BR123456789BR",
    }


async def notices_due(desk: Any) -> int:
    return await send_proactive(desk.runtime.ctx, datetime.now(UTC))


async def test_a_shipped_notice_after_the_window_goes_as_the_shipped_template_with_its_values(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    whatsapp_api.approve_template("request_update", "pt_BR")
    whatsapp_api.approve_template("order_shipped", "pt_BR", variables=4)
    templates = {"update": UPDATE, "shipped": SHIPPED}
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api,
        whatsapp_templates=templates, **ALWAYS,
    ) as (desk, url):  # fmt: skip
        await ana_writes(url, DAY + 3600)
        await desk.wait_card()
        await ana_s_order(desk, **shipped_now())
        assert await notices_due(desk) == 1
        [sent] = await whatsapp_api.wait_sent(1)
        await desk.settled()
        assert whatsapp_api.texts(ANA) == []  # never tried as free text
        assert sent.to == ANA
        assert sent.template == (
            "order_shipped",
            "pt_BR",
            ["Ana", "20817", "Correios", "BR123456789BR"],
        )
        assert whatsapp_api.violations == []
        [row] = await replies(desk)
        assert (row.status, row.platform_message_id) == ("sent", sent.id)
        assert (row.notice_kind, row.notice_values["carrier"]) == ("shipped", "Correios")


async def test_a_notice_without_a_template_of_its_own_goes_as_the_update_template(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    whatsapp_api.approve_template("request_update", "pt_BR")
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api,
        whatsapp_templates={"update": UPDATE}, payment_reminder_hours=1, **ALWAYS,
    ) as (desk, url):  # fmt: skip
        await ana_writes(url, DAY + 3600)
        await desk.wait_card()
        await ana_s_order(desk, status="created")
        assert await notices_due(desk) == 1
        [sent] = await whatsapp_api.wait_sent(1)
        await desk.settled()
        assert sent.template is not None
        name, language, [variable] = sent.template
        assert (name, language) == ("request_update", "pt_BR")
        [row] = await replies(desk)
        assert row.notice_kind == "payment_reminder" and "20817" in variable
        assert variable == " ".join(row.text.split())  # the reminder itself, on one line
        assert whatsapp_api.violations == []


async def test_a_notice_with_no_template_to_send_after_the_window_is_parked_saying_so(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api, **ALWAYS
    ) as (desk, url):
        await ana_writes(url, DAY + 3600)
        await desk.wait_card()
        await ana_s_order(desk, **shipped_now())
        assert await notices_due(desk) == 1

        async def parked() -> bool:
            return [r.status for r in await replies(desk)] == ["dead"]

        await wait_until(parked, "the notice parked")
        [row] = await replies(desk)
        assert "BORDERDESK_WHATSAPP_TEMPLATES" in row.last_error
        assert "shipped=<template name>:<language>" in row.last_error
        assert whatsapp_api.sent == []


async def test_a_notice_within_the_window_goes_as_its_text(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    whatsapp_api.approve_template("order_shipped", "pt_BR", variables=4)
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api,
        whatsapp_templates={"shipped": SHIPPED}, **ALWAYS,
    ) as (desk, url):  # fmt: skip
        await ana_writes(url, 3600)  # an hour ago: free text may go for 23 more hours
        await desk.wait_card()
        await ana_s_order(desk, **shipped_now())
        assert await notices_due(desk) == 1
        [sent] = await whatsapp_api.wait_sent(1)
        assert sent.template is None
        assert sent.text is not None and "BR123456789BR" in sent.text and "Correios" in sent.text
        assert whatsapp_api.violations == []


async def test_the_rating_question_after_the_window_goes_as_its_own_template_if_there_is_one(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    """Without a rating template the question is not asked once the window has closed
    (it is no update); with one, it goes as that template, the shopper's name in it."""
    whatsapp_api.approve_template("request_update", "pt_BR")
    whatsapp_api.approve_template("how_did_we_do", "pt_BR")
    rating = TemplateSetting("how_did_we_do", "pt_BR", ("shopper_name",))
    clock = MovableClock()
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api,
        whatsapp_templates={"update": UPDATE, "rating": rating}, clock=clock, **ALWAYS,
    ) as (desk, url):  # fmt: skip
        await ana_writes(url, DAY + 3600)
        card = await desk.wait_card()
        assert await desk.click(card, "bd_send") == 200  # answered, as the update template
        await whatsapp_api.wait_sent(1)
        await desk.settled()
        clock.advance(3 * 3600)  # quiet since: resolved
        assert await send_proactive(desk.runtime.ctx, clock()) == 1
        _, question = await whatsapp_api.wait_sent(2)
        assert question.template == ("how_did_we_do", "pt_BR", ["Ana"])
        assert whatsapp_api.texts(ANA) == [] and whatsapp_api.violations == []
