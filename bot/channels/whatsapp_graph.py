"""A thin client of the WhatsApp Cloud API (Meta's Graph API) over aiohttp.

Why not pywa, the best-kept Python library for it (4.5, checked 7 December 2026): its
client fixes the address to ``https://graph.facebook.com/v{version}`` (``GraphAPI``
sets the httpx client's ``base_url`` itself), so pointing it at a local fake means
overwriting its internals after it is built; and its webhook side is built for Flask or
FastAPI handlers, whereas the desk must check the signature of the raw body, store the
messages and only then answer 200 (``whatsapp_webhook``). What the desk calls is small:
send a text, an approved template or an uploaded file, mark a message read, and read the
phone number once at start. Each call is
one JSON POST or GET with a bearer token, written here against the published spec.

Every failure is raised, never swallowed: an error answer becomes the ChannelError its
code means (``whatsapp_errors``), a network failure or a timeout ChannelUnavailable. The
access token goes in the Authorization header only, never in a URL or a log line.

    async with GraphClient(token, "106540352242922", base_url="http://127.0.0.1:8081") as graph:
        wamid = await graph.send_text("5511987654321", "Olá Ana")
        await graph.mark_read("wamid.HBgL...")
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self

import aiohttp

from bot.channels.whatsapp_errors import graph_error
from bot.channels.whatsapp_window import Template
from bot.errors import ChannelUnavailable

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
DEFAULT_BASE_URL = "https://graph.facebook.com"
DEFAULT_VERSION = "v23.0"


class GraphClient:
    """One business phone number's calls to the Cloud API; ``open`` before use, ``close``
    after (or ``async with``)."""

    def __init__(
        self,
        access_token: str,
        phone_number_id: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = DEFAULT_VERSION,
        timeout: float = 30.0,
    ) -> None:
        self.phone_number_id = phone_number_id
        self._root = f"{base_url.rstrip('/')}/{api_version}"
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        if self._session is None:
            # trust_env: a proxy set in the environment (HTTPS_PROXY, NO_PROXY) is used
            self._session = aiohttp.ClientSession(
                headers=self._headers, timeout=self._timeout, trust_env=True
            )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def phone_number(self) -> str:
        """The business number's display form ("+1 555-078-3881"): the token and the
        phone number id are accepted. Raises ChannelError."""
        answer = await self._call("GET", f"/{self.phone_number_id}")
        shown = answer.get("display_phone_number") or answer.get("verified_name")
        return str(shown or self.phone_number_id)

    async def send_text(self, to: str, body: str, *, reply_to: str | None = None) -> str:
        """Send ``body`` (at most 4,096 characters) to the WhatsApp user ``to``; the new
        message's id (``wamid....``). ``reply_to`` quotes one of the shopper's messages."""
        message: JSON = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "text",
            "text": {"body": body, "preview_url": False},
        }
        if reply_to:
            message["context"] = {"message_id": reply_to}
        return await self.send_message(message)

    async def send_template(
        self, to: str, template: Template, text: str, values: Mapping[str, str] | None = None
    ) -> str:
        """Send the approved ``template`` to ``to``, its body's variables filled from
        ``text`` and a notice's ``values`` (outside the 24-hour window, see
        ``whatsapp_window``); the new message's id."""
        return await self.send_message(template.message(to, text, values))

    async def send_message(self, message: JSON) -> str:
        """Post one message body (``Message`` in Meta's spec); the new message's id."""
        answer = await self._call("POST", f"/{self.phone_number_id}/messages", message)
        sent = answer.get("messages")
        if not (
            isinstance(sent, list) and sent and isinstance(sent[0], dict) and sent[0].get("id")
        ):
            # accepted, but no id to record: the outbox would send it again, so say so
            raise ChannelUnavailable(f"whatsapp accepted a message without its id: {answer!r:.200}")
        return str(sent[0]["id"])

    async def upload_media(self, name: str, data: bytes, mimetype: str) -> str:
        """Upload a file to the number's media store (multipart, as Meta takes it); its
        media id, for a message that carries it (``whatsapp_media``)."""
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mimetype)
        form.add_field("file", data, filename=name or "file", content_type=mimetype)
        answer = await self._call("POST", f"/{self.phone_number_id}/media", form=form)
        media_id = answer.get("id")
        if not isinstance(media_id, str) or not media_id:
            raise ChannelUnavailable(f"whatsapp stored a file without its id: {answer!r:.200}")
        return media_id

    async def mark_read(self, message_id: str) -> None:
        """Show the shopper two blue ticks on ``message_id`` (and the ones before it)."""
        await self._call(
            "POST",
            f"/{self.phone_number_id}/messages",
            {"messaging_product": "whatsapp", "status": "read", "message_id": message_id},
        )

    async def _call(
        self,
        method: str,
        path: str,
        body: JSON | None = None,
        *,
        form: aiohttp.FormData | None = None,
    ) -> JSON:
        if self._session is None:
            raise ChannelUnavailable("whatsapp client not open yet")
        sent: dict[str, Any] = {"data": form} if form is not None else {"json": body}
        try:
            async with self._session.request(method, self._root + path, **sent) as response:
                raw = await response.read()
                status = response.status
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ChannelUnavailable(f"whatsapp unreachable: {type(exc).__name__} {exc}") from exc
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = None
        if status >= 400:
            raise graph_error(status, answer)
        if not isinstance(answer, dict):  # a proxy's page, say: it may work the next time
            raise ChannelUnavailable(f"whatsapp answered HTTP {status} with no JSON object")
        return answer
