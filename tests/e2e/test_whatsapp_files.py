"""Files staff attach to a reply in a card's thread, reaching a WhatsApp shopper.

A real desk with WhatsApp on (``whatsapp_desk``), the fake Slack serving the shared file,
and the fake Graph API checking the upload against the spec's multipart form and Meta's
supported types and sizes, and the message that carries it against the spec's
``Message`` (naming a media id it was given):

- a PDF goes up to the media store, then as a document with its file name, then the text;
- a PNG goes as a picture;
- a type Meta does not take, or a picture over its 5 MB, is not fetched: the text goes
  and the thread says why the file did not;
- a file after the 24-hour window is parked with the reason (no template carries it).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.e2e.harness import INBOX, STAFF_ID, Desk, wait_until
from tests.e2e.test_thread_replies import PDF, post, wait_note
from tests.e2e.test_whatsapp import ANA, WHERE, replies, whatsapp_desk
from tests.fakes import slack_message_events as events
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI, Media
from tests.fakes.whatsapp_webhooks import WebhookFactory, post_webhook

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
MB = 1024 * 1024


async def ana_s_card(desk: Desk, url: str, *, seconds_ago: float = 0) -> dict[str, Any]:
    hooks = WebhookFactory(clock=lambda: time.time() - seconds_ago)
    assert (await post_webhook(url, hooks.text(ANA, WHERE)))[0] == 200
    return await desk.wait_card()


async def reply_with(
    desk: Desk, slack: FakeSlackAPI, card: dict[str, Any], text: str, *files: dict[str, Any]
) -> None:
    event = events.file_share_event(INBOX, STAFF_ID, text, list(files), thread_ts=card["ts"])
    assert await post(desk, event) == 200


async def test_a_pdf_goes_up_to_meta_then_as_a_document_with_its_name_then_the_text(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card = await ana_s_card(desk, url)
        shared = slack_api.add_file(
            "nota-fiscal-10389.pdf", PDF, "application/pdf", user=STAFF_ID, channel=INBOX
        )
        await reply_with(desk, slack_api, card, "Segue a sua nota fiscal.", shared)
        document, text = await whatsapp_api.wait_sent(2)
        [(media_id, stored)] = whatsapp_api.media.items()
        assert stored == Media("nota-fiscal-10389.pdf", "application/pdf", PDF)
        assert document.to == ANA and document.body["type"] == "document"
        assert document.body["document"] == {"id": media_id, "filename": "nota-fiscal-10389.pdf"}
        assert text.text == "Segue a sua nota fiscal."
        assert whatsapp_api.violations == []
        await desk.settled()
        rows = await replies(desk)
        assert [r.status for r in rows] == ["sent"]


async def test_a_png_goes_as_a_picture(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card = await ana_s_card(desk, url)
        shared = slack_api.add_file("etiqueta.png", PNG, "image/png", user=STAFF_ID, channel=INBOX)
        await reply_with(desk, slack_api, card, "", shared)
        [picture] = await whatsapp_api.wait_sent(1)
        [media_id] = whatsapp_api.media
        assert picture.body["type"] == "image" and picture.body["image"] == {"id": media_id}
        assert whatsapp_api.media[media_id].data == PNG
        assert whatsapp_api.violations == []


async def test_a_file_meta_does_not_take_is_not_fetched_and_the_thread_says_why(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card = await ana_s_card(desk, url)
        archive = slack_api.add_file(
            "fotos.zip", PDF, "application/zip", user=STAFF_ID, channel=INBOX
        )
        big_picture = slack_api.add_file(
            "foto.png", PNG, "image/png", user=STAFF_ID, channel=INBOX, size=6 * MB
        )
        await reply_with(desk, slack_api, card, "Veja as fotos.", archive, big_picture)
        [sent] = await whatsapp_api.wait_sent(1)
        assert sent.text == "Veja as fotos."
        note = await wait_note(slack_api, card)
        assert "fotos.zip (whatsapp does not take application/zip files)" in note
        assert "foto.png (6.0 MB; whatsapp takes up to 5.0 MB)" in note
        assert slack_api.downloads == [] and whatsapp_api.media == {}


async def test_a_file_after_the_24_hour_window_is_parked_with_the_reason(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        card = await ana_s_card(desk, url, seconds_ago=25 * 3600)
        shared = slack_api.add_file(
            "nota-fiscal-10389.pdf", PDF, "application/pdf", user=STAFF_ID, channel=INBOX
        )
        await reply_with(desk, slack_api, card, "", shared)

        async def parked() -> bool:
            return [r.status for r in await replies(desk)] == ["dead"]

        await wait_until(parked, "the file parked")
        [row] = await replies(desk)
        assert "24 hours" in row.last_error and "template" in row.last_error
        assert whatsapp_api.sent == [] and whatsapp_api.media == {}
