"""WhatsApp customer channel over the WhatsApp Business Cloud API (Meta's Graph API).

Shoppers' messages arrive by webhook on our own small aiohttp server
(``whatsapp_webhook``: Meta's handshake, the signature checked before parsing, 200 only
once stored), are read into the desk's models (``whatsapp_inbound``, ``whatsapp_content``)
and stored a payload at a time (``BatchReceiving``). Replies go out as text through a thin
client of the Graph API (``whatsapp_graph``), whose error codes become the desk's errors
(``whatsapp_errors``): the outbox waits on a throughput limit, retries a shopper's pair
rate, and parks what Meta refuses (undeliverable...) with the reason.

The 24-hour window (``whatsapp_window``): a reply to a shopper who last wrote more than 24
hours ago goes as the store's approved "update" template carrying the reply, never as
free text; a proactive notice (``NoticeSending``: shipped, delay...) goes as the store's
template for its kind, filled from the notice's values, or as the update template when
its kind has none. One to a chat not heard from since start is tried as text and, if Meta
says the window is closed (131047), sent as the template. Without a template to send,
it is parked saying which setting is missing. The card shows when each window closes
(``capabilities.reply_window``).

Delivery statuses (``whatsapp_statuses``): what Meta reports of each sent message (sent,
delivered, read, failed) is handed to the runtime's handler (``DeliveryReporting``) before
the webhook is answered 200, so each is recorded against its outbox row.

Read receipts: the shopper's last message in a chat is marked read when a reply to that
chat goes out, not when it arrives, so two blue ticks mean a person (or an approved
automatic answer) has dealt with it. The latest unanswered message of each chat is kept
in memory (``MAX_UNREAD`` chats): after a restart a reply marks nothing read until the
shopper writes again, which only costs the ticks. Marking read never holds up or fails
the reply: a refusal is logged.

Files staff attach (``whatsapp_media``): uploaded to Meta's media store, then sent as a
picture, a video, an audio or a document with its name; a type or size Meta does not take
is refused when staff attach it (``capabilities.file_limits``), and a file after the
24-hour window is parked with the reason, as no template can carry it.

    channel = WhatsAppChannel(token, "106540352242922", app_secret=..., verify_token=...,
                              listen=("0.0.0.0", 8444))
    channel.receive_batches(runtime.on_messages)
    channel.report_deliveries(runtime.on_deliveries)
    await channel.start(runtime.on_message)
    await channel.send("5511987654321", "Olá Ana")
    await channel.stop()
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from aiohttp import web

from bot.channels.base import DeliveryHandler, InboundBatchHandler, InboundHandler
from bot.channels.whatsapp_errors import OutsideServiceWindow
from bot.channels.whatsapp_graph import DEFAULT_BASE_URL, DEFAULT_VERSION, GraphClient
from bot.channels.whatsapp_media import FILE_LIMITS, MAX_FILE_BYTES, media_kind, media_message
from bot.channels.whatsapp_webhook import MAX_BODY_BYTES, WhatsAppWebhook
from bot.channels.whatsapp_window import SERVICE_WINDOW, ServiceWindows, Template
from bot.errors import ChannelError, ChannelRejected, ChannelUnavailable
from bot.models import ChannelCapabilities, InboundMessage, Limit, Notice
from bot.serving import serve_app

logger = logging.getLogger(__name__)

MAX_UNREAD = 10_000  # chats whose last message waits to be marked read


class WhatsAppChannel:
    """Shoppers on WhatsApp, through one business phone number."""

    name = "whatsapp"
    # Meta's published limits: 80 messages a second per business number (throughput), and
    # about one message every 6 seconds to one shopper (the pair rate), with short bursts
    # allowed; paced with a margin: five in any 30 seconds to one chat, 70 a second overall.
    capabilities = ChannelCapabilities(
        max_text_length=4096,  # a text message's body: at most 4,096 characters
        buttons=False,
        files=True,  # uploaded, then sent as a picture, video, audio or document
        max_file_bytes=MAX_FILE_BYTES,
        file_limits=FILE_LIMITS,  # the types Meta takes, each up to its own size
        per_chat=Limit(5, 30.0),
        overall=Limit(70, 1.0),
        reply_window=SERVICE_WINDOW,
        phone_ids=True,  # a wa_id is the shopper's number, verified by Meta
    )

    def __init__(
        self,
        access_token: str,
        phone_number_id: str,
        *,
        app_secret: str,
        verify_token: str,
        listen: tuple[str, int] = ("0.0.0.0", 8444),
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = DEFAULT_VERSION,
        max_body_bytes: int = MAX_BODY_BYTES,
        timeout: float = 30.0,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        update_template: Template | None = None,
        notice_templates: Mapping[str, Template] | None = None,
    ) -> None:
        self.listen = listen
        self.clock = clock
        # sent in place of a reply after the 24-hour window; None: such a reply is parked
        self.update_template = update_template
        # by notice kind (shipped, delay...): sent in place of that notice after the window;
        # a kind without one goes as the update template
        self.notice_templates = dict(notice_templates or {})
        # so the rating question, not asked after the window otherwise, may go as its own
        self.capabilities = replace(
            WhatsAppChannel.capabilities, templated_notices=frozenset(self.notice_templates)
        )
        self.windows = ServiceWindows()
        self.graph = GraphClient(
            access_token,
            phone_number_id,
            base_url=base_url,
            api_version=api_version,
            timeout=timeout,
        )
        self.webhook = WhatsAppWebhook(
            verify_token,
            app_secret,
            phone_number_id,
            max_body_bytes=max_body_bytes,
            clock=clock,
            on_stored=self._remember_unread,
        )
        self._on_message: InboundHandler | None = None
        self._runner: web.AppRunner | None = None
        self._checked = ""
        self._unread: OrderedDict[str, str] = OrderedDict()  # chat -> its last wamid

    async def check(self) -> str:
        """The business number as Meta shows it: the token and the phone number id are
        accepted. Raises ChannelError."""
        if not self._checked:
            await self.graph.open()
            self._checked = await self.graph.phone_number()
        return self._checked

    def report_deliveries(self, on_reports: DeliveryHandler) -> None:
        """Hand each webhook's statuses to ``on_reports`` (see ``DeliveryReporting``)."""
        self.webhook.report = on_reports

    def receive_batches(self, on_batch: InboundBatchHandler) -> None:
        """Store each webhook payload's messages in one go (see ``BatchReceiving``)."""
        self.webhook.store = on_batch

    async def start(self, on_message: InboundHandler) -> None:
        """Check the number, then listen for Meta's webhook. Raises ChannelError (safe to
        call again) when Meta refuses or cannot be reached, OSError when the port is taken."""
        self._on_message = on_message
        if self.webhook.store is None:  # no batch handler given: one message at a time
            self.webhook.store = self._one_by_one
        number = await self.check()
        if self._runner is None:
            self._runner = await serve_app(self.webhook.app(), self.listen)
        logger.info("whatsapp channel started for %s, webhook on %s:%d", number, *self.listen)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self.graph.close()
        self._checked = ""

    async def send(self, chat_id: str, text: str) -> str:
        """Send ``text`` (the outbox cuts it to 4,096 characters) as a text message, or as
        the update template once the chat's 24-hour window has closed; Meta's id of it.
        Marks the chat's last message read first (see the module docstring)."""
        return await self._send(chat_id, text, None)

    async def send_notice(self, chat_id: str, text: str, notice: Notice) -> str:
        """Send a proactive notice (``NoticeSending``): as text while the window is open,
        after it as the store's template for ``notice.kind`` filled from its values, or,
        without one, as the update template carrying ``text``; Meta's id of it."""
        return await self._send(chat_id, text, notice)

    async def _send(self, chat_id: str, text: str, notice: Notice | None) -> str:
        if not self._checked:
            raise ChannelUnavailable("whatsapp not connected yet")
        await self._mark_read(chat_id)
        if self.windows.is_open(chat_id, self.clock()) is False:
            return await self._send_template(chat_id, text, notice)
        try:
            return await self.graph.send_text(chat_id, text)
        except OutsideServiceWindow:  # a chat not heard from since start: Meta knew better
            self.windows.closed(chat_id)
            return await self._send_template(chat_id, text, notice)

    async def _send_template(self, chat_id: str, text: str, notice: Notice | None) -> str:
        own = None if notice is None else self.notice_templates.get(notice.kind)
        template = own or self.update_template
        if template is None:
            kind = "" if notice is None else f" (nor a {notice.kind} one)"
            extra = "" if notice is None else f",{notice.kind}=<template name>:<language>"
            raise OutsideServiceWindow(
                "whatsapp takes only a template now: the shopper last wrote more than 24 "
                f"hours ago, and no update template{kind} is set (BORDERDESK_WHATSAPP_TEMPLATES="
                f"update=<template name>:<language>{extra})"
            )
        logger.info(
            "whatsapp chat's 24-hour window is closed: the %s goes as template %s (%s)",
            "reply" if notice is None else f"{notice.kind} notice",
            template.name,
            template.language,
        )
        values = None if notice is None else notice.values
        return await self.graph.send_template(chat_id, template, text, values)

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        """Upload the file to Meta's media store, then send it as the message of its kind
        (a picture, a video, an audio, a document with its name); Meta's id of it. Raises
        ChannelRejected for a type or size Meta does not take (``whatsapp_media``: staff
        are told before this, when they attach it) and, as for text, once the chat's
        24-hour window has closed: a file is free-form, no template carries it."""
        if not self._checked:
            raise ChannelUnavailable("whatsapp not connected yet")
        kind = media_kind(mimetype)
        if kind is None:
            raise ChannelRejected(f"whatsapp does not take {mimetype} files")
        if len(data) > FILE_LIMITS.get(mimetype.split(";", 1)[0].strip().lower(), 0):
            raise ChannelRejected(f"whatsapp does not take a {kind} of {len(data)} bytes")
        if self.windows.is_open(chat_id, self.clock()) is False:
            raise OutsideServiceWindow(
                "whatsapp takes no file now: the shopper last wrote more than 24 hours ago, "
                "and only an approved template may go until they write again"
            )
        await self._mark_read(chat_id)
        media_id = await self.graph.upload_media(name, data, mimetype)
        try:
            return await self.graph.send_message(
                media_message(chat_id, kind, media_id, name, caption)
            )
        except OutsideServiceWindow:  # a chat not heard from since start: Meta knew better
            self.windows.closed(chat_id)
            raise

    async def _one_by_one(self, messages: Sequence[InboundMessage]) -> None:
        assert self._on_message is not None
        for message in messages:
            await self._on_message(message)

    def _remember_unread(self, messages: Sequence[InboundMessage]) -> None:
        for message in messages:
            self.windows.saw(message.chat_id, message.received_at)
            self._unread.pop(message.chat_id, None)
            self._unread[message.chat_id] = message.platform_message_id
        while len(self._unread) > MAX_UNREAD:
            self._unread.popitem(last=False)

    async def _mark_read(self, chat_id: str) -> None:
        message_id = self._unread.pop(chat_id, None)
        if message_id is None:
            return
        try:
            await self.graph.mark_read(message_id)
        except ChannelError as exc:
            logger.info(
                "whatsapp could not mark %s read (%s); the reply goes anyway", message_id, exc
            )
