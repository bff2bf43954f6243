"""Telegram customer channel over python-telegram-bot 22 (the only module importing ``telegram``).

Long polling by default; a webhook (our own small aiohttp server, secret-token header
required) when a public URL is configured. It subscribes to what the desk needs
(``ALLOWED_UPDATES``): every message a person writes becomes an ``InboundMessage`` with its
meaningful content (``telegram_content``) and its chat type; an edit becomes one naming the
message it corrects (``edit_of``); a shopper blocking or unblocking the bot (``my_chat_member``
in a private chat) becomes one of kind CHAT_BLOCKED / CHAT_UNBLOCKED. Service messages (a
pinned message, members joining) are nobody's words: logged and acknowledged. Whether a
group's messages are wanted is not decided here but in the handlers' intake.

Nothing is acknowledged to Telegram before it is stored: polling only moves its offset
past an update once it is stored, and the webhook answers 200 only then (a 500 makes
Telegram send it again; duplicates are recognised by their message id). Polling hands
each getUpdates batch (up to 100 updates) whole to the batch handler, when the runtime
gave one (``receive_batches``): stored in one transaction, so a shopper's flood of
thousands is through in seconds and nobody queued behind it waits. If the batch cannot
be stored, its chats are stored side by side, each chat's updates in order, so a chat
whose messages fail holds up no other (and the offset confirms only the unbroken run of
stored updates).
Bad input never reaches the handlers: a body over ``max_body_bytes`` gets 413, invalid
JSON 400, a wrong secret 403, and updates of a kind we do not handle are logged and
acknowledged.

Telegram allows one getUpdates poller per bot (a second one ends the first with 409
Conflict), so with several desk processes only the elected one polls
(``bot.storage.leader``): the runtime calls ``lead(False)`` before ``start`` (the channel
connects and sends, but does not poll) and ``lead(True)`` or ``lead(False)`` whenever this
process becomes or stops being the leader; ``lead(False)`` ends a getUpdates under way at
once. By webhook (``exclusive`` is False) Telegram posts to whichever process its URL
reaches, and every process serves it. A channel never told anything polls, as one process
alone does.

    channel = TelegramChannel(token, base_url="https://api.telegram.org/bot")
    await channel.start(on_message)
    await channel.send("4242", "Hola Ana")
    await channel.stop()
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import json
import logging
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Bot, ChatMemberUpdated, InputFile, Message, Update
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.channels.base import InboundBatchHandler, InboundHandler
from bot.channels.telegram_content import Content, describe, service_kind
from bot.errors import ChannelRateLimited, ChannelRejected, ChannelUnavailable
from bot.models import ChannelCapabilities, ChatType, InboundMessage, Limit, MessageKind
from bot.repeated_failures import RepeatedFailures
from bot.serving import serve_app

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1024 * 1024  # an update is a few kB; Telegram's own limit on text is 4096
POLL_RETRY_MAX_SECONDS = 30.0
# New messages, their edits, and the shopper blocking or unblocking the bot; the same list
# for polling and the webhook (Telegram keeps the last one given).
ALLOWED_UPDATES = ("message", "edited_message", "my_chat_member")
# Telegram keeps an undelivered update for 24 hours; a date far outside that is a client's
# or a relay's mistake (0, 1970), and the time it was received is stored instead.
OLDEST_PLAUSIBLE = dt.timedelta(days=7)
LATEST_PLAUSIBLE = dt.timedelta(days=1)
# my_chat_member statuses in a private chat: the shopper blocked the bot, or came back
MEMBER_KINDS = {"kicked": MessageKind.CHAT_BLOCKED, "member": MessageKind.CHAT_UNBLOCKED}
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # Bot API: sendPhoto takes at most 10 MB


class TelegramChannel:
    """Shoppers on Telegram.

    The public methods connect, stop and send; the private ones after them are the intake:
    polling or the webhook, storing each batch (whole, else chat by chat), and reading
    each update into an ``InboundMessage``."""

    name = "telegram"
    # Telegram's published limits: about 1 message per second to a chat, 20 per minute to
    # a group, 30 per second overall; paced with a margin.
    capabilities = ChannelCapabilities(
        max_text_length=4096,
        buttons=True,
        per_chat=Limit(1, 1.1),
        per_group=Limit(20, 63.0),
        overall=Limit(25, 1.0),
        group_prefix="-",
        files=True,
        max_file_bytes=50 * 1024 * 1024,  # Bot API: files uploaded with multipart, 50 MB
    )

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://api.telegram.org/bot",
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        listen: tuple[str, int] = ("0.0.0.0", 8443),
        poll_timeout: int = 10,
        max_body_bytes: int = MAX_BODY_BYTES,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.clock = clock  # when an update with an impossible date was received
        self.webhook_url = webhook_url
        self.webhook_secret = webhook_secret
        self.listen = listen
        self.poll_timeout = poll_timeout
        self.max_body_bytes = max_body_bytes
        file_url = base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url
        self.bot = Bot(token, base_url=base_url, base_file_url=file_url)
        self._on_message: InboundHandler | None = None
        self._on_batch: InboundBatchHandler | None = None
        self._initialized = False
        self._poller: asyncio.Task[None] | None = None
        self._leading = True  # may poll: this process is the desk's poller (``lead``)
        self._started = False  # between start and stop: polling may begin
        self._runner: web.AppRunner | None = None
        self._intake_failures = RepeatedFailures(logger, "storing telegram updates")

    async def check(self) -> str:
        """getMe: the token is accepted and Telegram answers (``run`` checks this before it
        starts; ``start`` does it when not done yet). The bot's @username, or ChannelError."""
        if not self._initialized:
            try:
                await self.bot.initialize()
            except TelegramError as exc:
                raise _wrap(exc) from exc
            self._initialized = True
        return f"@{self.bot.username}"

    @property
    def exclusive(self) -> bool:
        """Only one process may receive (polling); False by webhook."""
        return not self.webhook_url

    async def lead(self, leading: bool) -> None:
        """Whether this process is the one that polls (see the module docstring): polling
        starts now if the channel is started, or when it starts; it stops at once."""
        self._leading = leading
        if not self.exclusive:
            return
        if leading and self._started and self._poller is None:
            self._poller = asyncio.create_task(self._poll(), name="telegram polling")
            logger.info("telegram polling started: this process is the poller")
        elif not leading and self._poller is not None:
            await self._stop_polling()
            logger.info("telegram polling stopped: another process may poll now")

    def receive_batches(self, on_batch: InboundBatchHandler) -> None:
        """Hand each getUpdates batch whole to ``on_batch`` (see the module docstring)."""
        self._on_batch = on_batch

    async def start(self, on_message: InboundHandler) -> None:
        """Connect and start receiving; raises ChannelError (safe to call again) on failure."""
        self._on_message = on_message
        await self.check()
        try:
            if self.webhook_url:
                await self._start_webhook(self.webhook_url)
            else:
                await self.bot.delete_webhook()
        except TelegramError as exc:
            raise _wrap(exc) from exc
        self._started = True
        if self.webhook_url:
            mode = "webhook"
        elif not self._leading:
            mode = "polling when this process becomes the poller; sending meanwhile"
        else:
            mode = "polling"
            if self._poller is None:
                self._poller = asyncio.create_task(self._poll(), name="telegram polling")
        logger.info("telegram channel started (%s)", mode)

    async def stop(self) -> None:
        self._started = False
        await self._stop_polling()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._initialized:
            await self.bot.shutdown()
            self._initialized = False

    async def send(self, chat_id: str, text: str) -> str:
        if not self._initialized:
            raise ChannelUnavailable("telegram not connected yet")
        try:
            sent = await self.bot.send_message(chat_id=int(chat_id), text=text)
        except TelegramError as exc:
            raise _wrap(exc) from exc
        return str(sent.message_id)

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        """A picture Telegram can show inline (JPEG, PNG, WebP up to 10 MB) goes as a photo,
        anything else — or a picture Telegram refuses as a photo — as a document."""
        if not self._initialized:
            raise ChannelUnavailable("telegram not connected yet")
        try:
            if mimetype in PHOTO_TYPES and len(data) <= MAX_PHOTO_BYTES:
                try:
                    sent = await self.bot.send_photo(
                        chat_id=int(chat_id),
                        photo=InputFile(data, filename=name),
                        caption=caption or None,
                    )
                    return str(sent.message_id)
                except BadRequest as exc:  # e.g. PHOTO_INVALID_DIMENSIONS: keep it whole
                    logger.info("telegram refused a photo (%s); sending it as a file", exc)
            sent = await self.bot.send_document(
                chat_id=int(chat_id),
                document=InputFile(data, filename=name),
                caption=caption or None,
            )
        except TelegramError as exc:
            raise _wrap(exc) from exc
        return str(sent.message_id)

    async def _stop_polling(self) -> None:
        """Cancel the poller: a getUpdates under way is abandoned (its connection closed),
        a batch being stored is not confirmed and comes again to whoever polls next."""
        poller, self._poller = self._poller, None
        if poller is None:
            return
        poller.cancel()
        # waited for, not awaited: the poller's cancellation is not the caller's (a
        # caller cancelled meanwhile, as the election is on stopping, still is)
        await asyncio.wait([poller])
        if not poller.cancelled() and (error := poller.exception()) is not None:
            logger.error("telegram polling had stopped on an error", exc_info=error)

    async def _poll(self) -> None:
        """getUpdates in a loop; the offset moves past an update only once it is stored."""
        offset: int | None = None
        delay = 1.0
        while True:
            try:
                updates = await self.bot.get_updates(
                    offset=offset,
                    timeout=self.poll_timeout,
                    allowed_updates=list(ALLOWED_UPDATES),
                )
            except TelegramError as exc:
                logger.warning("telegram polling failed (%s); again in %.0fs", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, POLL_RETRY_MAX_SECONDS)
                continue
            delay = 1.0
            offset = await self._accept_batch(updates, offset)

    async def _accept_batch(self, updates: Sequence[Update], offset: int | None) -> int | None:
        """Store a getUpdates batch; the offset that confirms what is stored of it."""
        if not updates:
            return offset
        if self._on_batch is not None:
            if await self._accept_whole(updates):
                return updates[-1].update_id + 1
        return await self._accept_chat_by_chat(updates, offset)

    async def _accept_whole(self, updates: Sequence[Update]) -> bool:
        """The batch's messages in one go to the batch handler; False (nothing stored)
        when it failed."""
        assert self._on_batch is not None
        inbound = []
        for update in updates:
            if (message := self._understood(update)) is not None:
                inbound.append(message)
        try:
            await self._on_batch(inbound)
        except Exception as exc:  # a full disk, a lost database, or one message's fault
            self._intake_failures.failed(
                exc,
                f"updates {updates[0].update_id}-{updates[-1].update_id} together; "
                "storing them chat by chat",
            )
            return False
        self._intake_failures.succeeded()
        return True

    async def _accept_chat_by_chat(
        self, updates: Sequence[Update], offset: int | None
    ) -> int | None:
        """Store a batch update by update, each chat's in order and the chats side by side
        (one chat failing holds up no other); the new offset confirms only the unbroken
        run of stored updates from the start, so one not stored comes again (with those
        after it: stored ones are recognised)."""
        by_chat: dict[object, list[Update]] = {}
        for update in updates:
            chat = update.effective_chat
            by_chat.setdefault(chat.id if chat else ("update", update.update_id), []).append(update)
        stored: set[int] = set()

        async def one_chat(queue: list[Update]) -> None:
            for update in queue:
                if not await self._accept(update):
                    return  # not stored: this chat's later updates wait for it
                stored.add(update.update_id)

        await asyncio.gather(*(one_chat(queue) for queue in by_chat.values()))
        for update in updates:
            if update.update_id not in stored:
                break  # not stored: ask for it again from this offset
            offset = update.update_id + 1
        return offset

    async def _start_webhook(self, url: str) -> None:
        path = "/" + urlsplit(url).path.lstrip("/")
        app = web.Application(client_max_size=self.max_body_bytes)
        app.router.add_post(path, self._webhook)
        self._runner = await serve_app(app, self.listen)
        try:
            await self.bot.set_webhook(
                url=url,
                secret_token=self.webhook_secret,
                allowed_updates=list(ALLOWED_UPDATES),
            )
        except TelegramError:
            await self._runner.cleanup()
            self._runner = None
            raise

    async def _webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if self.webhook_secret and not hmac.compare_digest(given, self.webhook_secret):
            logger.warning("telegram webhook call with a wrong secret token refused")
            return web.Response(status=403, text="wrong secret token")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            logger.warning("telegram webhook body over %d bytes refused", self.max_body_bytes)
            return web.Response(status=413, text="body too large")
        try:
            data = json.loads(body)
            update = Update.de_json(data, self.bot) if isinstance(data, dict) else None
        except (
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            RecursionError,
            OverflowError,
        ) as exc:
            logger.warning("telegram webhook body is not an update (%s); refused", exc)
            return web.Response(status=400, text="not a Telegram update")
        if update is None:
            logger.warning("telegram webhook body is not a JSON object; refused")
            return web.Response(status=400, text="not a Telegram update")
        if not await self._accept(update):
            return web.Response(status=500, text="not stored; send it again")
        return web.Response(text="ok")

    async def _accept(self, update: Update) -> bool:
        """Hand what a person did to the handler; True once it is stored (or deliberately
        skipped: a service message, an update kind the desk does not use)."""
        if self._on_message is None:
            return False
        inbound = self._understood(update)
        if inbound is None:
            return True
        try:
            await self._on_message(inbound)
        except Exception as exc:  # a full disk: Telegram keeps the update, we ask again
            self._intake_failures.failed(exc, f"update {update.update_id}, it will come again")
            await asyncio.sleep(1.0)
            return False
        self._intake_failures.succeeded()
        return True

    def _understood(self, update: Update) -> InboundMessage | None:
        """The update as our model; None (logged) when nobody wrote anything or it cannot
        be read (then it is skipped: Telegram would send the same again)."""
        try:
            return self._translate(update)
        except (AttributeError, TypeError, ValueError, OverflowError) as exc:
            logger.warning("telegram update %s not understood (%s); skipped", update.update_id, exc)
            return None

    def _translate(self, update: Update) -> InboundMessage | None:
        """The update as our model, or None (logged) when nobody wrote anything."""
        uid = update.update_id
        if (message := update.message or update.channel_post) is not None:
            return self._message(uid, message, edited=False)
        if (edited := update.edited_message or update.edited_channel_post) is not None:
            return self._message(uid, edited, edited=True)
        if update.my_chat_member is not None:
            return self._membership(uid, update.my_chat_member)
        logger.info("telegram update %s is of a kind the desk does not use; skipped", uid)
        return None

    def _message(self, update_id: int, message: Message, *, edited: bool) -> InboundMessage | None:
        # the content of a text message is its text: serialising the whole message costs
        # as much as storing it, ten thousand times in a flood
        data = {"text": message.text} if message.text is not None else message.to_dict()
        content = describe(data)
        if content is None:
            logger.info(
                "telegram update %s is a service message (%s) in a %s chat; skipped",
                update_id,
                service_kind(data),
                message.chat.type,
            )
            return None
        if not edited:
            sent = self._plausible(message.date, update_id)
            return to_inbound(message, content, sent, update_id=update_id)
        when = message.edit_date or message.date
        edit = f"edit:{int(when.timestamp())}" if message.edit_date else f"edit:u{update_id}"
        return to_inbound(
            message, content, self._plausible(when, update_id), update_id=update_id, edit=edit
        )

    def _membership(self, update_id: int, changed: ChatMemberUpdated) -> InboundMessage | None:
        """A private chat's member update is the shopper blocking (``kicked``) or unblocking
        (``member``) the bot; the bot joining or leaving a group is not a shopper's doing."""
        status = changed.new_chat_member.status
        kind = MEMBER_KINDS.get(status)
        if changed.chat.type != "private" or kind is None:
            logger.info(
                "telegram update %s: the bot is now %s in a %s chat; nothing to do",
                update_id,
                status,
                changed.chat.type,
            )
            return None
        user = changed.from_user
        at = self._plausible(changed.date, update_id)
        return InboundMessage(
            channel="telegram",
            chat_id=str(changed.chat.id),
            platform_message_id=f"{changed.chat.id}:{status}:{int(changed.date.timestamp())}",
            user_id=str(user.id),
            user_name=_clean(user.full_name or user.username or f"user {user.id}"),
            text="",
            received_at=at,
            kind=kind,
            language_hint=_clean(user.language_code) if user.language_code else None,
            delivery_id=str(update_id),
        )

    def _plausible(self, sent: dt.datetime | None, update_id: int) -> dt.datetime:
        """The date Telegram gave, unless it cannot be true (0, decades ago, next week):
        then the time we received it, so nothing is filed under 1970."""
        now = self.clock()
        if sent is not None and now - OLDEST_PLAUSIBLE <= sent <= now + LATEST_PLAUSIBLE:
            return sent.astimezone(dt.UTC)
        shown = sent.isoformat() if sent is not None else "no date"
        logger.info("telegram update %s is dated %s; stored as received now", update_id, shown)
        return now


def to_inbound(
    message: Message,
    content: Content,
    received_at: dt.datetime,
    *,
    update_id: int | None = None,
    edit: str | None = None,
) -> InboundMessage:
    """Translate a Telegram message into our model. An edit (``edit`` names which one,
    e.g. "edit:1700000000") gets an id of its own and ``edit_of`` the message it corrects."""
    user = message.from_user
    if user is not None:
        name = user.full_name or user.username or f"user {user.id}"
    else:
        name = message.chat.title or message.chat.full_name or "unknown"
    platform_id = f"{message.chat.id}:{message.message_id}"
    return InboundMessage(
        channel="telegram",
        chat_id=str(message.chat.id),
        platform_message_id=f"{platform_id}:{edit}" if edit else platform_id,
        user_id=str(user.id if user else message.chat.id),
        user_name=_clean(name),
        text=_clean(content.text),
        received_at=received_at,
        kind=content.kind,
        language_hint=_clean(user.language_code) if user and user.language_code else None,
        attachment=_clean(content.attachment) if content.attachment else None,
        chat_type=ChatType.PRIVATE if message.chat.type == "private" else ChatType.GROUP,
        edit_of=platform_id if edit else None,
        delivery_id=str(update_id) if update_id is not None else None,
        phone=_own_phone(message),
    )


def _own_phone(message: Message) -> str | None:
    """The sender's own number, when the message shares their contact ("share my phone
    number"): Telegram fills a contact's ``user_id`` with the account the number belongs
    to, so a contact whose ``user_id`` is the sender's is the number they registered,
    verified by Telegram. Anyone else's contact card vouches for nothing."""
    contact, user = message.contact, message.from_user
    if contact is None or user is None or contact.user_id != user.id:
        return None
    digits = contact.phone_number.strip().removeprefix("+")
    return f"+{digits}" if digits.isdigit() else None


def _clean(text: str) -> str:
    """Text any database can store: a lone UTF-16 surrogate (half an emoji, cut by a
    client) becomes U+FFFD; a proper pair becomes its character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


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
