"""Telegram customer channel over python-telegram-bot 22 (the only module importing ``telegram``).

Long polling by default; webhook mode (PTB's own server, with the secret-token header
checked) when a public URL is configured. Every message — text, command, photo, document,
voice, video, sticker, location — becomes an ``InboundMessage``.

    channel = TelegramChannel(token, base_url="https://api.telegram.org/bot")
    await channel.start(on_message)
    await channel.send("4242", "Hola Ana")
    await channel.stop()
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import urlsplit

from telegram import Message, Update
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
)
from telegram.ext import filters as tg_filters

from bot.channels.base import InboundHandler
from bot.errors import ChannelRateLimited, ChannelRejected, ChannelUnavailable
from bot.models import ChannelCapabilities, InboundMessage, MessageKind

logger = logging.getLogger(__name__)


class TelegramChannel:
    """Shoppers on Telegram."""

    name = "telegram"
    capabilities = ChannelCapabilities(max_text_length=4096, buttons=True)

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://api.telegram.org/bot",
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        listen: tuple[str, int] = ("0.0.0.0", 8443),
        poll_timeout: int = 10,
    ) -> None:
        self.webhook_url = webhook_url
        self.webhook_secret = webhook_secret
        self.listen = listen
        self.poll_timeout = poll_timeout
        file_url = base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url
        self.app: Application[Any, Any, Any, Any, Any, Any] = (
            ApplicationBuilder()
            .token(token)
            .base_url(base_url)
            .base_file_url(file_url)
            .rate_limiter(AIORateLimiter(max_retries=0))
            .build()
        )
        self._on_message: InboundHandler | None = None
        self.app.add_handler(MessageHandler(tg_filters.UpdateType.MESSAGE, self._receive))
        self.app.add_error_handler(self._on_error)

    async def start(self, on_message: InboundHandler) -> None:
        """Connect and start receiving; raises ChannelError (safe to call again) on failure."""
        self._on_message = on_message
        try:
            await self.app.initialize()
            assert self.app.updater is not None
            if self.webhook_url:
                path = urlsplit(self.webhook_url).path.lstrip("/")
                await self.app.updater.start_webhook(
                    listen=self.listen[0],
                    port=self.listen[1],
                    url_path=path,
                    webhook_url=self.webhook_url,
                    secret_token=self.webhook_secret,
                    allowed_updates=["message"],
                )
            else:
                await self.app.updater.start_polling(
                    timeout=dt.timedelta(seconds=self.poll_timeout), allowed_updates=["message"]
                )
            await self.app.start()
        except TelegramError as exc:
            raise _wrap(exc) from exc
        logger.info("telegram channel started (%s)", "webhook" if self.webhook_url else "polling")

    async def stop(self) -> None:
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    async def send(self, chat_id: str, text: str) -> str:
        try:
            sent = await self.app.bot.send_message(chat_id=int(chat_id), text=text)
        except TelegramError as exc:
            raise _wrap(exc) from exc
        except RuntimeError as exc:  # not initialized: Telegram was unreachable at start
            raise ChannelUnavailable(f"telegram not connected yet: {exc}") from exc
        return str(sent.message_id)

    async def _receive(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None or self._on_message is None:
            return
        await self._on_message(to_inbound(message))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # The update is logged whole so that nothing a shopper wrote is lost even when
        # storing it failed (the platform will not send it again).
        logger.error("telegram update not handled: %r", update, exc_info=context.error)


def to_inbound(message: Message) -> InboundMessage:
    """Translate a Telegram message into our model; non-text kinds get a labelled placeholder."""
    user = message.from_user
    name = user.full_name if user else (message.chat.title or "unknown")
    kind, attachment = _kind(message)
    text = message.text or message.caption or ""
    return InboundMessage(
        channel="telegram",
        chat_id=str(message.chat.id),
        platform_message_id=f"{message.chat.id}:{message.message_id}",
        user_id=str(user.id if user else message.chat.id),
        user_name=name,
        text=text,
        received_at=message.date.astimezone(dt.UTC),
        kind=kind,
        language_hint=user.language_code if user else None,
        attachment=attachment,
    )


def _kind(message: Message) -> tuple[MessageKind, str | None]:
    if message.text is not None:
        if message.text.startswith("/"):
            return MessageKind.COMMAND, None
        return MessageKind.TEXT, None
    if message.photo:
        return MessageKind.PHOTO, None
    if message.document is not None:
        return MessageKind.DOCUMENT, message.document.file_name
    if message.voice is not None:
        return MessageKind.VOICE, _duration(message.voice.duration)
    if message.video is not None:
        return MessageKind.VIDEO, _duration(message.video.duration)
    if message.sticker is not None:
        return MessageKind.STICKER, message.sticker.emoji
    if message.location is not None:
        loc = message.location
        return MessageKind.LOCATION, f"{loc.latitude:.5f},{loc.longitude:.5f}"
    return MessageKind.OTHER, None


def _duration(value: int | dt.timedelta) -> str:
    seconds = value.total_seconds() if isinstance(value, dt.timedelta) else value
    return f"{int(seconds)}s"


def _wrap(exc: TelegramError) -> Exception:
    """SDK errors become our own, so the outbox can tell retry from give-up."""
    if isinstance(exc, RetryAfter):
        wait = exc.retry_after
        seconds = wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)
        return ChannelRateLimited(seconds)
    if isinstance(exc, (Forbidden, BadRequest, InvalidToken)):
        return ChannelRejected(f"telegram refused the request: {exc.message}")
    if isinstance(exc, NetworkError):
        return ChannelUnavailable(f"telegram unreachable: {exc.message}")
    return ChannelUnavailable(f"telegram error: {exc}")
