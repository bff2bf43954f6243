"""WhatsApp end to end: Meta's webhook in, a card in Slack, the approved reply out.

A real desk (real handlers, a real SQLite file, real slack-bolt against the fake Slack)
with the WhatsApp channel listening on a local port, and the fake Graph API
(``tests/fakes/whatsapp_api.py``) checking every call against Meta's OpenAPI spec. The
webhooks are built from the spec's examples and checked against its ``WebhookPayload``
(``tests/fakes/whatsapp_webhooks.py``), then signed as Meta signs them.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.runtime import Runtime, platform_adapters
from bot.storage.schema import outbox
from tests.e2e.harness import (
    INBOX,
    Desk,
    always_open,
    button_value,
    card_text,
    desk_config,
    free_port,
    is_note,
    running_desk,
    wait_until,
)
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import MAX_TEXT, FakeWhatsAppAPI
from tests.fakes.whatsapp_webhooks import (
    APP_SECRET,
    VERIFY_TOKEN,
    WebhookFactory,
    post_webhook,
    signature,
    verify,
)

ANA = "5511987654321"  # a Brazilian mobile, as WhatsApp gives it: no +
WHERE = "Olá! Onde está o meu pedido 10389? Comprei há duas semanas."
LEARNED = [(WHERE, "track_order"), ("Onde está o meu pedido 10398?", "track_order")]


@asynccontextmanager
async def whatsapp_desk(
    db: Path,
    telegram: FakeTelegramAPI,
    slack: FakeSlackAPI,
    graph: FakeWhatsAppAPI,
    **overrides: Any,
) -> AsyncIterator[tuple[Desk, str]]:
    """A desk with WhatsApp on (beside Telegram, as configured), and its webhook's URL."""
    port = free_port()
    async with running_desk(
        db,
        telegram,
        slack,
        learned=LEARNED,
        whatsapp_access_token=graph.token,
        whatsapp_phone_number_id=graph.phone_number_id,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_listen=("127.0.0.1", port),
        whatsapp_api_url=graph.base_url,
        **overrides,
    ) as desk:
        yield desk, f"http://127.0.0.1:{port}/whatsapp/webhook"


def notes(desk: Desk, card: dict[str, Any]) -> list[str]:
    return [m["text"] for m in desk.slack.messages(INBOX, thread_ts=card["ts"]) if is_note(m)]


async def replies(desk: Desk) -> list[Any]:
    """The outbox rows of replies to WhatsApp shoppers (not the notes for staff)."""
    async with desk.runtime.ctx.store.engine.connect() as conn:
        query = select(outbox).where(outbox.c.channel == "whatsapp").order_by(outbox.c.id)
        return list(await conn.execute(query))


async def stored_messages(desk: Desk) -> dict[str, int]:
    counts: dict[str, int] = (await desk.runtime.ctx.store.counts())["messages"]
    return counts


async def test_meta_handshake_echoes_the_challenge_only_for_our_verify_token(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        _,
        url,
    ):
        assert await verify(url, VERIFY_TOKEN, "1158201444") == (200, "1158201444")
        assert (await verify(url, "someone-elses-token", "1158201444"))[0] == 403
        assert (await verify(url, VERIFY_TOKEN, "1158201444", mode="unsubscribe"))[0] == 403
        assert (await verify(url, "", "1158201444"))[0] == 403


async def test_a_signed_text_becomes_a_card_and_the_approved_reply_reaches_the_shopper(
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
        payload = hooks.text(ANA, WHERE, profile="Ana Souza")
        wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
        assert await post_webhook(url, payload) == (200, "ok")
        card = await desk.wait_card()
        shown = card_text(card)
        assert "Ana Souza" in shown and "whatsapp" in shown and WHERE in shown
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None and record.suggestion.reply

        assert await desk.click(card, "bd_send") == 200
        [sent] = await whatsapp_api.wait_sent(1)
        assert (sent.to, sent.text) == (ANA, record.suggestion.reply)
        # the shopper's message got its blue ticks before the reply went out
        assert whatsapp_api.read == [wamid]
        await desk.settled()
        [row] = await replies(desk)
        assert (row.status, row.platform_message_id) == ("sent", sent.id)


async def test_a_wrong_or_missing_signature_is_refused_and_nothing_is_stored(
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
        forged = hooks.text(ANA, "Refund me now, order 10389")
        assert (await post_webhook(url, forged, "another-apps-secret-0123456789ab"))[0] == 401
        assert (await post_webhook(url, forged, signed=False))[0] == 401
        # the signature covers the exact bytes: the same payload re-serialised is refused
        body = b" " + json.dumps(forged).encode()
        tampered_status = await _post_with(url, body, signature(APP_SECRET, body[1:]))
        assert tampered_status == 401
        await desk.settled()
        assert await stored_messages(desk) == {}
        assert desk.inbox_cards() == []


async def _post_with(url: str, body: bytes, signed: str) -> int:
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signed}
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=headers) as response:
            return response.status


async def test_a_delivery_meta_sends_again_makes_one_card(
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
        payload = hooks.text(ANA, WHERE)
        assert (await post_webhook(url, payload))[0] == 200
        await desk.wait_card()
        assert (await post_webhook(url, payload))[0] == 200  # Meta did not hear the first 200
        await desk.settled()
        assert len(desk.inbox_cards()) == 1
        assert await stored_messages(desk) == {"in": 1}


# kind -> (the webhook, what staff read on the card)
KINDS: dict[str, tuple[Any, str]] = {
    "image": (
        lambda h, s: h.message("image", s, caption="Chegou quebrado"),
        "[photo] Chegou quebrado",
    ),
    "voice": (lambda h, s: h.message("audio", s), "[voice]"),
    "audio": (lambda h, s: h.message("audio", s, voice=False), "[audio]"),
    "video": (lambda h, s: h.message("video", s, caption="Olha isso"), "[video] Olha isso"),
    "document": (
        lambda h, s: h.message("document", s, filename="nota-fiscal.pdf"),
        "[document: nota-fiscal.pdf]",
    ),
    "sticker": (lambda h, s: h.message("sticker", s), "[sticker]"),
    "location": (
        lambda h, s: h.message(
            "location", s, name="", address="", latitude=-23.5505, longitude=-46.6333
        ),
        "[location: -23.55050,-46.63330]",
    ),
    "venue": (
        lambda h, s: h.message("location", s, name="Correios", address="Av. Paulista 1000"),
        "[venue: Correios, Av. Paulista 1000]",
    ),
    "contacts": (
        lambda h, s: h.contacts(
            s,
            {
                "name": {"formatted_name": "João Lima", "first_name": "João"},
                "phones": [{"phone": "+55 11 91234-5678", "type": "WORK"}],
            },
        ),
        "[contact: João Lima, +55 11 91234-5678]",
    ),
    "button": (
        lambda h, s: h.message("button", s, payload="TRACK", text="Rastrear pedido"),
        "[other: button reply] Rastrear pedido",
    ),
    "list": (
        lambda h, s: h.message(
            "interactive",
            s,
            type="list_reply",
            list_reply={"id": "express", "title": "Entrega expressa", "description": "1-2 dias"},
        ),
        "[other: list reply] Entrega expressa (1-2 dias)",
    ),
    "reaction": (lambda h, s: h.message("reaction", s, emoji="😡"), "[other: reaction 😡]"),
}


async def test_each_kind_of_message_reaches_staff_as_a_labelled_placeholder(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    hooks = WebhookFactory()
    senders = {kind: f"55119876500{n:02d}" for n, kind in enumerate(KINDS)}
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        for kind, (build, _) in KINDS.items():  # one shopper each: a card each
            assert (await post_webhook(url, build(hooks, senders[kind])))[0] == 200
        await desk.wait_card(len(KINDS))
        await desk.settled()
        shown = [card_text(card) for card in desk.inbox_cards()]
        for kind, (_, label) in KINDS.items():
            assert any(label in text for text in shown), f"{kind}: no card shows {label!r}: {shown}"


async def test_a_reply_meta_calls_undeliverable_is_parked_with_the_reason(
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
        whatsapp_api.fail_next(131026)
        assert await desk.click(card, "bd_send") == 200
        await wait_until(
            lambda: any("could not be delivered" in n for n in notes(desk, card)), "a note"
        )
        [row] = await replies(desk)
        assert row.status == "dead" and "131026" in row.last_error
        assert "Message undeliverable" in row.last_error
        [note] = [n for n in notes(desk, card) if "could not be delivered" in n]
        assert "131026" in note
        assert whatsapp_api.sent == []


async def test_a_reply_after_the_24_hour_window_is_parked_saying_a_template_is_needed(
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
        whatsapp_api.fail_next(131047)
        assert await desk.click(card, "bd_send") == 200
        await desk.settled()
        [row] = await replies(desk)
        assert row.status == "dead" and row.attempts <= 1
        assert "template" in row.last_error and "24 hours" in row.last_error


@pytest.mark.parametrize("code", [130429, 131056])
async def test_a_throughput_or_pair_rate_refusal_is_sent_again_once(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
    code: int,
) -> None:
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        await post_webhook(url, WebhookFactory().text(ANA, WHERE))
        card = await desk.wait_card()
        whatsapp_api.fail_next(code, times=2)
        assert await desk.click(card, "bd_send") == 200
        [sent] = await whatsapp_api.wait_sent(1)
        await desk.settled()
        [row] = await replies(desk)
        assert (row.status, row.platform_message_id) == ("sent", sent.id)
        assert whatsapp_api.texts(ANA) == [sent.text]  # refused twice, delivered once


async def test_a_long_reply_goes_out_in_pieces_meta_accepts(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    paragraph = "Seu pedido 10389 saiu do nosso armazém e está a caminho de São Paulo. " * 30
    long_reply = "\n\n".join([paragraph.strip()] * 5)  # about 10,500 characters
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        await post_webhook(url, WebhookFactory().text(ANA, WHERE))
        card = await desk.wait_card()
        assert await desk.thread_reply(card, long_reply) == 200
        await whatsapp_api.wait_sent(3)
        await desk.settled()
        pieces = whatsapp_api.texts(ANA)
        assert len(pieces) == 3 and all(len(p) <= MAX_TEXT for p in pieces)
        assert " ".join(pieces).split() == long_reply.split()


async def test_a_failed_status_is_acknowledged_and_logged_with_meta_s_reason(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hooks = WebhookFactory()
    error = {
        "code": 131049,
        "title": "This message was not delivered to maintain healthy ecosystem engagement.",
    }
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        with caplog.at_level(logging.INFO, logger="bot.channels.whatsapp_statuses"):
            status = hooks.status("wamid.FAKE00000001", "failed", ANA, error=error)
            assert (await post_webhook(url, status))[0] == 200
            assert (await post_webhook(url, hooks.status("wamid.FAKE00000002", "read", ANA)))[
                0
            ] == 200
        failed = [
            r
            for r in caplog.records
            if r.name == "bot.channels.whatsapp_statuses" and r.levelno == logging.WARNING
        ]
        assert [r.getMessage() for r in failed] == [
            f"whatsapp message wamid.FAKE00000001 failed: 131049 {error['title']}"
        ]
        await desk.settled()
        assert await stored_messages(desk) == {}  # a status is no shopper's message


async def test_a_message_for_another_business_number_is_acknowledged_and_left(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    """One Meta app can serve several numbers: another number's shoppers are not ours to
    answer from this one."""
    async with whatsapp_desk(tmp_path / "d.sqlite3", telegram_api, slack_api, whatsapp_api) as (
        desk,
        url,
    ):
        other = WebhookFactory(phone_number_id="999999999999999").text(ANA, WHERE)
        assert (await post_webhook(url, other))[0] == 200
        await desk.settled()
        assert await stored_messages(desk) == {}


async def test_a_taken_webhook_port_is_named_by_its_setting_and_taken_once_free(
    tmp_path: Path,
    telegram_api: FakeTelegramAPI,
    slack_api: FakeSlackAPI,
    whatsapp_api: FakeWhatsAppAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Another program has the port: the desk keeps serving Telegram and Slack, says which
    setting to change, and connects WhatsApp as soon as the port is free."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    config = desk_config(
        tmp_path / "d.sqlite3",
        telegram_api,
        slack_api,
        free_port(),
        whatsapp_access_token=whatsapp_api.token,
        whatsapp_phone_number_id=whatsapp_api.phone_number_id,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token=VERIFY_TOKEN,
        whatsapp_listen=("127.0.0.1", port),
        whatsapp_api_url=whatsapp_api.base_url,
    )
    desk = always_open()
    channels, workspace = platform_adapters(config, desk)
    caplog.set_level(logging.ERROR, logger="bot.runtime")
    async with Runtime(config, channels=channels, workspace=workspace, desk=desk, jobs=False) as rt:
        await wait_until(lambda: "whatsapp not started" in caplog.text, "the port named")
        assert f"BORDERDESK_WHATSAPP_LISTEN: cannot listen on 127.0.0.1:{port}" in caplog.text
        await wait_until(lambda: rt.channel_states()["telegram"], "telegram serving meanwhile")
        assert not rt.channel_states()["whatsapp"] and not rt.ready.is_set()
        holder.close()
        await wait_until(rt.ready.is_set, "whatsapp connected once the port was free")
        assert (await verify(f"http://127.0.0.1:{port}/whatsapp/webhook", VERIFY_TOKEN, "42"))[
            0
        ] == 200
