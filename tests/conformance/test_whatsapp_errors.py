"""Meta's refusals and the network's trouble, as the WhatsApp channel reports them.

Why: the outbox decides between waiting, retrying and parking a reply by the error's
class alone. A code read the wrong way either spams a shopper Meta said to leave alone
(131049 retried) or drops a reply that would have gone a second later (130429 parked).
Each row is an error answer shaped as Meta sends it (``GraphAPIError``), through the
real client over HTTP against the fake Graph API.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from bot.channels.whatsapp import WhatsAppChannel
from bot.channels.whatsapp_errors import THROUGHPUT_WAIT, OutsideServiceWindow, graph_error
from bot.channels.whatsapp_graph import GraphClient
from bot.errors import ChannelRateLimited, ChannelRejected, ChannelUnavailable
from tests.e2e.harness import free_port
from tests.fakes.whatsapp_api import FakeWhatsAppAPI
from tests.fakes.whatsapp_webhooks import APP_SECRET, VERIFY_TOKEN, WebhookFactory, post_webhook

ANA = "5511987654321"


@pytest.fixture
async def graph(whatsapp_api: FakeWhatsAppAPI) -> AsyncIterator[GraphClient]:
    async with GraphClient(
        whatsapp_api.token, whatsapp_api.phone_number_id, base_url=whatsapp_api.base_url
    ) as client:
        yield client


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (130429, ChannelRateLimited, "throughput"),
        (4, ChannelRateLimited, "throughput"),
        (131056, ChannelUnavailable, "too many messages to this shopper"),
        (131000, ChannelUnavailable, "Something went wrong"),
        (131047, OutsideServiceWindow, "24 hours"),
        (131026, ChannelRejected, "131026 (#131026) Message undeliverable"),
        (131049, ChannelRejected, "healthy ecosystem engagement"),
        (100, ChannelRejected, "Invalid parameter"),
        (190, ChannelRejected, "access token"),
    ],
)
async def test_each_refusal_becomes_the_error_the_outbox_acts_on(
    whatsapp_api: FakeWhatsAppAPI, graph: GraphClient, code: int, kind: type, words: str
) -> None:
    whatsapp_api.fail_next(code)
    with pytest.raises(kind) as caught:
        await graph.send_text(ANA, "Olá")
    assert type(caught.value) is kind
    assert words in str(caught.value)
    if kind is ChannelRateLimited:
        assert caught.value.retry_after == THROUGHPUT_WAIT  # type: ignore[attr-defined]
    assert whatsapp_api.sent == []


def test_a_transient_flag_or_a_server_error_means_try_again_and_details_are_kept() -> None:
    flagged = {"error": {"message": "Temporarily unavailable", "code": 2, "is_transient": True}}
    assert type(graph_error(400, flagged)) is ChannelUnavailable
    assert type(graph_error(503, {"error": {"message": "busy", "code": 77}})) is ChannelUnavailable
    assert type(graph_error(503, "<html>Bad gateway</html>")) is ChannelUnavailable
    detailed = {
        "error": {
            "message": "(#131026) Message undeliverable",
            "code": 131026,
            "error_data": {"details": "The recipient has not accepted the new Terms of Service"},
        }
    }
    assert "has not accepted the new Terms of Service" in str(graph_error(400, detailed))


async def test_the_token_never_appears_in_an_error_or_the_log(
    whatsapp_api: FakeWhatsAppAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = GraphClient(
        "EAAGwrongTokenThatMustStaySecret000",
        whatsapp_api.phone_number_id,
        base_url=whatsapp_api.base_url,
    )
    async with wrong as client:
        with pytest.raises(ChannelRejected) as caught:
            await client.send_text(ANA, "Olá")
    assert "190" in str(caught.value)
    assert "MustStaySecret" not in str(caught.value) and "MustStaySecret" not in caplog.text


async def test_no_answer_at_all_is_trouble_to_retry_not_a_refusal() -> None:
    port = free_port()  # nothing listens there
    async with GraphClient(
        "EAAGtoken0123456789abcdef", "1065", base_url=f"http://127.0.0.1:{port}"
    ) as g:
        with pytest.raises(ChannelUnavailable, match="whatsapp unreachable"):
            await g.send_text(ANA, "Olá")


async def test_an_answer_that_is_not_meta_s_is_trouble_to_retry() -> None:
    """A proxy's error page, or a 200 with no message id (nothing to record as sent)."""

    async def proxy_page(request: web.Request) -> web.Response:
        return web.Response(status=502, text="<html>Bad gateway</html>", content_type="text/html")

    async def no_id(request: web.Request) -> web.Response:
        return web.json_response({"messaging_product": "whatsapp", "messages": []})

    for handler, words in [(proxy_page, "HTTP 502"), (no_id, "without its id")]:
        app = web.Application()
        app.router.add_post("/v23.0/1065/messages", handler)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            async with GraphClient(
                "EAAGtoken0123456789abcdef", "1065", base_url=f"http://127.0.0.1:{port}"
            ) as g:
                with pytest.raises(ChannelUnavailable, match=words):
                    await g.send_text(ANA, "Olá")
        finally:
            await runner.cleanup()


async def test_a_refused_read_receipt_never_holds_up_the_reply(
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    channel = _channel(whatsapp_api)
    stored: list[Any] = []

    async def store(messages: Any) -> None:
        stored.extend(messages)

    channel.receive_batches(store)
    await channel.start(store)
    try:
        url = f"http://127.0.0.1:{channel.listen[1]}/whatsapp/webhook"
        assert (await post_webhook(url, WebhookFactory().text(ANA, "Oi")))[0] == 200
        whatsapp_api.fail_next(131000, call="read")
        wamid = await channel.send(ANA, "Olá Ana")
        assert whatsapp_api.texts(ANA) == ["Olá Ana"] and wamid == whatsapp_api.sent[0].id
        assert whatsapp_api.read == []
        # the next reply does not try the same receipt again: the shopper has a reply
        await channel.send(ANA, "Mais uma coisa")
        assert whatsapp_api.read == []
    finally:
        await channel.stop()


async def test_before_start_the_channel_says_why_it_cannot_send(
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    channel = _channel(whatsapp_api)
    with pytest.raises(ChannelUnavailable, match="not connected"):
        await channel.send(ANA, "Olá")
    with pytest.raises(ChannelUnavailable, match="not connected"):
        await channel.send_file(ANA, "nota.pdf", b"%PDF", "application/pdf")
    assert whatsapp_api.calls == []


async def test_a_file_meta_does_not_take_is_refused_without_an_upload(
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    """Staff are told when they attach it (``capabilities.file_limits``); should one reach
    the channel all the same (queued by an older version), it is parked with the reason."""
    channel = _channel(whatsapp_api)

    async def nothing(message: Any) -> None:
        return None

    await channel.start(nothing)
    try:
        with pytest.raises(ChannelRejected, match="does not take application/zip files"):
            await channel.send_file(ANA, "fotos.zip", b"PK\x03\x04", "application/zip")
        picture = b"\x89PNG" + bytes(6 * 1024 * 1024)
        with pytest.raises(ChannelRejected, match="does not take a image of"):
            await channel.send_file(ANA, "foto.png", picture, "image/png")
        assert whatsapp_api.media == {} and whatsapp_api.sent == []
        limits = WhatsAppChannel.capabilities.file_limits
        assert limits is not None and limits["image/png"] == 5 * 1024 * 1024
        assert "application/zip" not in limits
    finally:
        await channel.stop()


async def test_a_refused_token_stops_the_start_with_meta_s_reason(
    whatsapp_api: FakeWhatsAppAPI,
) -> None:
    channel = WhatsAppChannel(
        "EAAGrevokedToken0123456789",
        whatsapp_api.phone_number_id,
        app_secret=APP_SECRET,
        verify_token=VERIFY_TOKEN,
        listen=("127.0.0.1", free_port()),
        base_url=whatsapp_api.base_url,
    )

    async def nowhere(message: Any) -> None:
        raise AssertionError("nothing may arrive")

    try:
        with pytest.raises(ChannelRejected, match="190"):
            await channel.start(nowhere)
    finally:
        await channel.stop()


def _channel(whatsapp_api: FakeWhatsAppAPI) -> WhatsAppChannel:
    return WhatsAppChannel(
        whatsapp_api.token,
        whatsapp_api.phone_number_id,
        app_secret=APP_SECRET,
        verify_token=VERIFY_TOKEN,
        listen=("127.0.0.1", free_port()),
        base_url=whatsapp_api.base_url,
    )
