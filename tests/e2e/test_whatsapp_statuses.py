"""WhatsApp's delivery statuses that are not one per reply, end to end.

A real desk with WhatsApp on (``whatsapp_desk``), the fake Graph API judging every send
by Meta's spec, and status webhooks built from the spec's schemas and signed as Meta
signs them:

- Meta may post a message's status webhook before it has answered the send call that
  created it, so before the desk has recorded which reply that message is. The fake does
  just that (``during_send``): the status is kept and counts once the send is recorded;
  the card shows a delivery, and a failure parks the reply and tells staff.
- A reply over 4,096 characters goes out in several messages, each with its own id and
  statuses: the reply is delivered only when every piece is, and one failed piece makes
  it a dead letter.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.e2e.harness import wait_until
from tests.e2e.test_whatsapp import ANA, WHERE, notes, replies, whatsapp_desk
from tests.e2e.test_whatsapp_window import card_id, shown
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI, Sent
from tests.fakes.whatsapp_webhooks import WebhookFactory, post_webhook

UNDELIVERABLE = {"code": 131026, "title": "Message undeliverable"}
PARAGRAPH = "Seu pedido 10389 saiu do nosso armazém e está a caminho de São Paulo. " * 30
LONG_REPLY = "\n\n".join([PARAGRAPH.strip()] * 5)  # about 10,500 characters: three pieces


def meta_reports_at_once(
    url: str, whatsapp_api: FakeWhatsAppAPI, state: str, **extra: Any
) -> list[int]:
    """Have the fake post ``state`` for each message it accepts before answering the send;
    the desk's answers to those webhooks."""
    hooks = WebhookFactory()
    answered: list[int] = []

    async def report(sent: Sent) -> None:
        status, _ = await post_webhook(url, hooks.status(sent.id, state, ANA, **extra))
        answered.append(status)

    whatsapp_api.during_send = report
    return answered


async def test_a_status_meta_posts_before_answering_the_send_shows_on_the_card(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        await post_webhook(url, WebhookFactory().text(ANA, WHERE))
        card = await desk.wait_card()
        answered = meta_reports_at_once(url, whatsapp_api, "delivered")
        assert await desk.click(card, "bd_send") == 200
        await whatsapp_api.wait_sent(1)
        await wait_until(lambda: "delivered" in shown(desk, card), "delivered on the card")
        assert answered == [200]  # stored before the send was, and acknowledged
        delivery = await desk.runtime.ctx.store.delivery_by_key(f"suggestion:{card_id(card)}")
        assert delivery is not None and delivery.state == "delivered"
        [row] = await replies(desk)
        assert row.status == "sent"


async def test_a_failure_meta_posts_before_answering_the_send_parks_the_reply_and_tells_staff(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        await post_webhook(url, WebhookFactory().text(ANA, WHERE))
        card = await desk.wait_card()
        meta_reports_at_once(url, whatsapp_api, "failed", error=UNDELIVERABLE)
        assert await desk.click(card, "bd_send") == 200
        await wait_until(
            lambda: any("could not be delivered" in n for n in notes(desk, card)), "a note"
        )
        [note] = [n for n in notes(desk, card) if "could not be delivered" in n]
        assert "131026 Message undeliverable" in note
        [row] = await replies(desk)
        assert row.status == "dead" and "131026 Message undeliverable" in row.last_error


async def _long_reply(desk: Any, url: str, whatsapp_api: FakeWhatsAppAPI) -> tuple[Any, list[str]]:
    await post_webhook(url, WebhookFactory().text(ANA, WHERE))
    card = await desk.wait_card()
    assert await desk.thread_reply(card, LONG_REPLY) == 200
    sent = await whatsapp_api.wait_sent(3)
    await desk.settled()
    return card, [s.id for s in sent]


async def test_a_long_reply_is_delivered_only_when_every_piece_is(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    at = int(time.time())
    hooks = WebhookFactory(clock=lambda: at)
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        _, (first, second, third) = await _long_reply(desk, url, whatsapp_api)
        [row] = await replies(desk)
        store = desk.runtime.ctx.store
        for wamid in (third, second):
            assert (await post_webhook(url, hooks.status(wamid, "delivered", ANA)))[0] == 200
        assert await store.delivery_of(row.id) is None  # the first piece is not there yet
        assert (await post_webhook(url, hooks.status(first, "delivered", ANA)))[0] == 200
        delivery = await store.delivery_of(row.id)
        assert delivery is not None and delivery.state == "delivered"
        assert delivery.delivered_at == datetime.fromtimestamp(at, UTC)
        # read once every piece is read, not when only the last one is
        assert (await post_webhook(url, hooks.status(third, "read", ANA)))[0] == 200
        delivery = await store.delivery_of(row.id)
        assert delivery is not None and delivery.state == "delivered"


async def test_one_failed_piece_of_a_long_reply_makes_it_a_dead_letter(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    hooks = WebhookFactory()
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card, (first, _, third) = await _long_reply(desk, url, whatsapp_api)
        assert (await post_webhook(url, hooks.status(third, "delivered", ANA)))[0] == 200
        failed = hooks.status(first, "failed", ANA, error=UNDELIVERABLE)
        assert (await post_webhook(url, failed))[0] == 200
        await wait_until(
            lambda: any("could not be delivered" in n for n in notes(desk, card)), "a note"
        )
        [row] = await replies(desk)
        assert row.status == "dead" and "131026 Message undeliverable" in row.last_error
        delivery = await desk.runtime.ctx.store.delivery_of(row.id)
        assert delivery is not None and delivery.state == "failed"
