"""Webhook payloads as Meta posts them, built from the spec's own examples, and signed.

Every payload a test sends starts from one of the examples in Meta's OpenAPI description
(``/whatsapp/webhooks``: "Text Message", "Image Message", "Interactive Button Reply
Message"...), with the sender, the id, the time and the content replaced; kinds the spec
has no example of (audio, video, document, sticker, a status) are built from their
schemas (``AudioMessage_1``, ``Statuses``...). Each is checked against ``WebhookPayload``
as it is built, so a test can never post something Meta would not send.

    hooks = WebhookFactory()
    payload = hooks.text("5511987654321", "Cadê meu pedido 10389?", profile="Ana Souza")
    status = await post_webhook(url, payload, APP_SECRET)          # 200
    status = await post_webhook(url, payload, "wrong secret")      # 401
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import itertools
import json
import time
from typing import Any

import aiohttp

from .whatsapp_api import DISPLAY_NUMBER, PHONE_NUMBER_ID
from .whatsapp_spec import WhatsAppSpec, shared_spec

JSON = dict[str, Any]
APP_SECRET = "0123456789abcdef0123456789abcdef"
VERIFY_TOKEN = "borderdesk-verify-0123"
ACCOUNT_ID = "419561257915477"  # the WhatsApp Business Account in the spec's examples
SHA = "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI="  # a media hash in the spec's examples


def signature(app_secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


async def post_webhook(
    url: str,
    payload: JSON | bytes,
    app_secret: str = APP_SECRET,
    *,
    signed: bool = True,
) -> tuple[int, str]:
    """POST ``payload`` the way Meta does (its exact bytes signed with ``app_secret``);
    the HTTP status and the answer's text."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if signed:
        headers["X-Hub-Signature-256"] = signature(app_secret, body)
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=headers) as response:
            return response.status, await response.text()


async def verify(url: str, token: str, challenge: str, mode: str = "subscribe") -> tuple[int, str]:
    """Meta's handshake when the callback URL is saved: (status, body)."""
    query = {"hub.mode": mode, "hub.verify_token": token, "hub.challenge": challenge}
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.get(url, params=query) as response:
            return response.status, await response.text()


class WebhookFactory:
    """Spec-valid payloads for one business number; ids and times are fresh each call."""

    def __init__(
        self,
        phone_number_id: str = PHONE_NUMBER_ID,
        *,
        spec: WhatsAppSpec | None = None,
        clock: Any = time.time,
    ) -> None:
        self.spec = spec or shared_spec()
        self.phone_number_id = phone_number_id
        self.clock = clock
        self._ids = itertools.count(1)
        self._examples = self.spec.webhook_examples()

    def new_id(self) -> str:
        return f"wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFDNBM0U{next(self._ids):06d}AA=="

    def text(self, sender: str, body: str, *, profile: str = "Ana Souza") -> JSON:
        """A text message."""
        message = self._from_example("Text Message", sender)
        message["text"] = {"body": body}
        return self.payload([message], sender, profile)

    def inquiry(self, sender: str, body: str, *, profile: str = "Ana Souza") -> JSON:
        """A text about a product, written from its page in the catalogue: its ``context``
        names the product. (The spec describes a text's ``context`` only in this form; a
        plain reply's ``{from, id}`` it gives only to button and interactive replies.)"""
        message = self._from_example("Text Message with Context (Product Inquiry)", sender)
        message["text"] = {"body": body}
        return self.payload([message], sender, profile)

    def message(
        self, kind: str, sender: str, *, profile: str = "Ana Souza", **content: Any
    ) -> JSON:
        """A message of ``kind`` (image, audio, video, document, sticker, location,
        contacts, button, interactive, reaction, order) with its content object given
        as keywords over a realistic default."""
        if kind in _EXAMPLE_OF:
            message = self._from_example(_EXAMPLE_OF[kind], sender)
        else:
            message = self._base(sender)
            message["type"] = kind
        if kind in _DEFAULTS:
            message[kind] = {**_DEFAULTS[kind], **content}
        elif content:
            message[kind] = {**message[kind], **content}
        return self.payload([message], sender, profile)

    def contacts(self, sender: str, *cards: JSON, profile: str = "Ana Souza") -> JSON:
        message = self._base(sender)
        message.update(type="contacts", contacts=list(cards))
        return self.payload([message], sender, profile)

    def status(
        self, message_id: str, state: str, recipient: str, *, error: JSON | None = None
    ) -> JSON:
        """What became of a message the desk sent (sent, delivered, read, failed)."""
        item: JSON = {
            "id": message_id,
            "status": state,
            "timestamp": str(int(self.clock())),
            "recipient_id": recipient,
        }
        if error is not None:
            item["errors"] = [error]
        value = {"messaging_product": "whatsapp", "metadata": self._metadata(), "statuses": [item]}
        return self._checked(self._envelope(value))

    def payload(self, messages: list[JSON], sender: str, profile: str) -> JSON:
        """Messages from one sender (whose WhatsApp profile name is ``profile``) in one
        delivery (Meta may batch a few)."""
        value = {
            "messaging_product": "whatsapp",
            "metadata": self._metadata(),
            "contacts": [{"profile": {"name": profile}, "wa_id": sender}],
            "messages": messages,
        }
        return self._checked(self._envelope(value))

    def _from_example(self, title: str, sender: str) -> JSON:
        example = self._examples[title]["entry"][0]["changes"][0]["value"]["messages"][0]
        message = copy.deepcopy(example)
        message.update(self._base(sender))
        return message

    def _base(self, sender: str) -> JSON:
        return {"from": sender, "id": self.new_id(), "timestamp": str(int(self.clock()))}

    def _metadata(self) -> JSON:
        return {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": self.phone_number_id}

    def _envelope(self, value: JSON) -> JSON:
        return {
            "object": "whatsapp_business_account",
            "entry": [{"id": ACCOUNT_ID, "changes": [{"value": value, "field": "messages"}]}],
        }

    def _checked(self, payload: JSON) -> JSON:
        if problems := self.spec.webhook_problems(payload):
            raise AssertionError(f"a test webhook Meta would not send: {problems}")
        return payload


# kinds the spec has an example of: the example, its content replaced when given
_EXAMPLE_OF = {
    "image": "Image Message",
    "location": "Location Message",
    "reaction": "Reaction Message",
    "button": "Button Message",
    "interactive": "Interactive Button Reply Message",
    "order": "Order Message",
}
# kinds it has only a schema of: realistic content by that schema
_DEFAULTS: dict[str, JSON] = {
    "audio": {
        "mime_type": "audio/ogg; codecs=opus",
        "sha256": SHA,
        "id": "1013859600285441",
        "voice": True,
    },
    "video": {"mime_type": "video/mp4", "sha256": SHA, "id": "1013859600285442"},
    "document": {
        "mime_type": "application/pdf",
        "sha256": SHA,
        "id": "1013859600285443",
        "filename": "receipt.pdf",
    },
    "sticker": {
        "mime_type": "image/webp",
        "sha256": SHA,
        "id": "1013859600285444",
        "animated": False,
    },
}
