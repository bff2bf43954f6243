"""WhatsApp's 24-hour window and delivery statuses, end to end.

A real desk with WhatsApp on (``whatsapp_desk``), the fake Graph API judging every send
by Meta's spec and by what Meta refuses in a template send (a template not approved in
that language, the wrong number of variables, a line break in one), and status webhooks
built from the spec's schemas and signed as Meta signs them.

- a reply to a shopper who wrote more than 24 hours ago goes as the store's approved
  update template carrying the reply, never as free text; one Meta says is outside the
  window (a chat not heard from since start) goes as the template too;
- the card says until when a free reply may go;
- delivered and read statuses show on the card; a failed one parks the reply with Meta's
  reason and tells staff under the card.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.config.whatsapp import TemplateSetting
from tests.e2e.harness import button_value, card_text, wait_until
from tests.e2e.test_whatsapp import ANA, WHERE, notes, replies, whatsapp_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI
from tests.fakes.whatsapp_webhooks import WebhookFactory, post_webhook

TEMPLATE = ("request_update", "pt_BR")
TEMPLATES = {"update": TemplateSetting(*TEMPLATE, ("text",))}
DAY = 24 * 3600


def written_ago(seconds: float) -> WebhookFactory:
    """Webhooks for messages the shopper wrote ``seconds`` ago (Meta's timestamp)."""
    return WebhookFactory(clock=lambda: time.time() - seconds)


async def test_a_reply_after_the_24_hour_window_goes_out_as_the_approved_template(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    whatsapp_api.approve_template(*TEMPLATE)
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api, whatsapp_templates=TEMPLATES
    ) as (desk, url):
        # Ana wrote 25 hours ago (Meta delivered it late, or the card waited a day)
        assert (await post_webhook(url, written_ago(DAY + 3600).text(ANA, WHERE)))[0] == 200
        card = await desk.wait_card()
        assert "Free-reply window closed at" in card_text(card)
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None
        assert await desk.click(card, "bd_send") == 200
        [sent] = await whatsapp_api.wait_sent(1)
        await desk.settled()
        assert whatsapp_api.texts(ANA) == []  # never tried as free text
        assert sent.template is not None
        name, language, [variable] = sent.template
        assert (name, language) == TEMPLATE
        assert variable == " ".join(record.suggestion.reply.split())  # the reply, on one line
        assert whatsapp_api.violations == []
        [row] = await replies(desk)
        assert (row.status, row.platform_message_id) == ("sent", sent.id)


async def test_a_reply_meta_finds_outside_the_window_is_sent_again_as_the_template(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    """A chat the channel has not heard from since it started (a restart, or the webhook
    served by another process) is tried as text; Meta's 131047 turns it into the template
    in the same attempt."""
    whatsapp_api.approve_template(*TEMPLATE)
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api, whatsapp_templates=TEMPLATES
    ) as (desk, url):
        await post_webhook(url, WebhookFactory().text(ANA, WHERE))
        card = await desk.wait_card()
        whatsapp_api.fail_next(131047)
        assert await desk.click(card, "bd_send") == 200
        [sent] = await whatsapp_api.wait_sent(1)
        await desk.settled()
        assert sent.template is not None and sent.template[:2] == TEMPLATE
        [row] = await replies(desk)
        assert (row.status, row.platform_message_id) == ("sent", sent.id)
        assert whatsapp_api.violations == []


async def test_a_template_meta_has_not_approved_in_that_language_is_parked_with_its_reason(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    whatsapp_api.approve_template("request_update", "en_US")  # not in pt_BR
    async with whatsapp_desk(
        tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api, whatsapp_templates=TEMPLATES
    ) as (desk, url):
        await post_webhook(url, written_ago(DAY + 60).text(ANA, WHERE))
        card = await desk.wait_card()
        assert await desk.click(card, "bd_send") == 200
        await wait_until(
            lambda: any("could not be delivered" in n for n in notes(desk, card)), "a note"
        )
        [row] = await replies(desk)
        assert row.status == "dead" and "132001" in row.last_error
        assert whatsapp_api.sent == []


async def test_the_card_says_until_when_a_free_reply_may_go(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    wrote = int(time.time()) - 3600  # an hour ago: the window closes in 23 hours
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        await post_webhook(url, WebhookFactory(clock=lambda: wrote).text(ANA, WHERE))
        card = await desk.wait_card()
        closes = datetime.fromtimestamp(wrote, UTC) + timedelta(hours=24)
        day = "tomorrow" if closes.date() > datetime.now(UTC).date() else "today"
        assert f"Free reply until {closes:%H:%M} UTC {day}" in card_text(card)


async def _sent_reply(
    desk: Any, url: str, whatsapp_api: FakeWhatsAppAPI
) -> tuple[dict[str, Any], str]:
    await post_webhook(url, WebhookFactory().text(ANA, WHERE))
    card = await desk.wait_card()
    assert await desk.click(card, "bd_send") == 200
    [sent] = await whatsapp_api.wait_sent(1)
    await desk.settled()
    return card, sent.id


def shown(desk: Any, card: dict[str, Any]) -> str:
    [now] = [c for c in desk.inbox_cards() if c["ts"] == card["ts"]]
    return card_text(now)


async def test_delivered_and_read_statuses_show_on_the_card(
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
        card, wamid = await _sent_reply(desk, url, whatsapp_api)
        when = f"{datetime.fromtimestamp(at, UTC):%H:%M} UTC"
        assert (await post_webhook(url, hooks.status(wamid, "delivered", ANA)))[0] == 200
        await wait_until(lambda: f"delivered {when}" in shown(desk, card), "delivered shown")
        assert (await post_webhook(url, hooks.status(wamid, "read", ANA)))[0] == 200
        await wait_until(lambda: f"read {when}" in shown(desk, card), "read shown")
        assert "Sent by" in shown(desk, card)
        # Meta's retry of the delivered status after the read changes nothing
        assert (await post_webhook(url, hooks.status(wamid, "delivered", ANA)))[0] == 200
        delivery = await desk.runtime.ctx.store.delivery_by_key(f"suggestion:{card_id(card)}")
        assert delivery is not None and delivery.state == "read"


def card_id(card: dict[str, Any]) -> int:
    return int(button_value(card, "bd_send"))


async def test_a_failed_status_parks_the_reply_with_meta_s_reason_and_tells_staff(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    hooks = WebhookFactory()
    error = {"code": 131026, "title": "Message undeliverable"}
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card, wamid = await _sent_reply(desk, url, whatsapp_api)
        failed = hooks.status(wamid, "failed", ANA, error=error)
        assert (await post_webhook(url, failed))[0] == 200
        await wait_until(
            lambda: any("could not be delivered" in n for n in notes(desk, card)), "a note"
        )
        [note] = [n for n in notes(desk, card) if "could not be delivered" in n]
        assert "131026 Message undeliverable" in note and "/borderdesk retry" in note
        [row] = await replies(desk)
        assert row.status == "dead" and "131026 Message undeliverable" in row.last_error
        await wait_until(
            lambda: "not delivered: 131026" in shown(desk, card), "the failure on the card"
        )
        # Meta sends the same failure again: one note
        assert (await post_webhook(url, failed))[0] == 200
        await desk.settled()
        assert len([n for n in notes(desk, card) if "could not be delivered" in n]) == 1
