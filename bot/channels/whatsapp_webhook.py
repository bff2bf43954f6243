"""The WhatsApp webhook: Meta's handshake, signed deliveries, and 200 only once stored.

Meta calls one URL, configured in the app's dashboard (Callback URL), in two ways:

- ``GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...`` when the URL is
  saved: the answer must be the challenge, as it came, if the verify token is ours; 403
  otherwise.
- ``POST`` with a JSON payload and ``X-Hub-Signature-256: sha256=<hex>``, the HMAC-SHA256
  of the raw body with the app secret. The signature is checked on the bytes as they
  came, before anything reads them as JSON, and in constant time: a wrong or missing one
  gets 401 and nothing is stored. A body over ``max_body_bytes`` gets 413, one that is
  not a JSON object 400.

Meta sends a delivery again (for up to 7 days, less often each time) until it gets a
200, so 200 means "stored": the payload's messages go to the handler (which stores them
in one transaction, ``BatchReceiving``) and only when it returns does Meta hear 200. If
it raises (a full disk, a lost database) the answer is 500 and Meta sends it again;
messages stored by an earlier attempt are recognised by their ``wamid``. The payload's
delivery statuses go the same way, to ``report`` (``DeliveryReporting``), after its
messages: 200 only once they are recorded too.

    webhook = WhatsAppWebhook(verify_token, app_secret, phone_number_id, on_batch=store)
    runner = web.AppRunner(webhook.app())   # serves WEBHOOK_PATH
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import web

from bot.channels.whatsapp_inbound import read_payload
from bot.channels.whatsapp_statuses import log_status
from bot.models import DeliveryReport, InboundMessage
from bot.repeated_failures import RepeatedFailures

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/whatsapp/webhook"
SIGNATURE_HEADER = "X-Hub-Signature-256"
MAX_BODY_BYTES = 1024 * 1024  # a payload is a few kB; Meta batches at most a few messages
StoreBatch = Callable[[Sequence[InboundMessage]], Awaitable[None]]


def signature(app_secret: str, body: bytes) -> str:
    """The ``X-Hub-Signature-256`` value Meta sends with ``body``."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


class WhatsAppWebhook:
    """The two handlers of the webhook URL; ``store`` is set before the server starts."""

    def __init__(
        self,
        verify_token: str,
        app_secret: str,
        phone_number_id: str,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        on_stored: Callable[[Sequence[InboundMessage]], None] | None = None,
    ) -> None:
        self._verify_token = verify_token
        self._app_secret = app_secret
        self.phone_number_id = phone_number_id
        self.max_body_bytes = max_body_bytes
        self.clock = clock
        self.store: StoreBatch | None = None
        # records what Meta reports of sent messages (``DeliveryReporting``); None: logged only
        self.report: Callable[[Sequence[DeliveryReport]], Awaitable[None]] | None = None
        self._on_stored = on_stored  # told what was stored (the channel's read receipts)
        self._failures = RepeatedFailures(logger, "storing whatsapp messages")

    def app(self) -> web.Application:
        app = web.Application(client_max_size=self.max_body_bytes)
        app.router.add_get(WEBHOOK_PATH, self.verify)
        app.router.add_post(WEBHOOK_PATH, self.receive)
        return app

    async def verify(self, request: web.Request) -> web.Response:
        """The subscription handshake: echo ``hub.challenge`` for our verify token."""
        mode = request.query.get("hub.mode", "")
        token = request.query.get("hub.verify_token", "")
        challenge = request.query.get("hub.challenge", "")
        if mode == "subscribe" and hmac.compare_digest(token.encode(), self._verify_token.encode()):
            logger.info("whatsapp webhook verified by Meta")
            return web.Response(text=challenge)
        logger.warning("whatsapp webhook verification refused (mode %r, wrong or no token)", mode)
        return web.Response(status=403, text="verification refused")

    async def receive(self, request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            logger.warning("whatsapp webhook body over %d bytes refused", self.max_body_bytes)
            return web.Response(status=413, text="body too large")
        given = request.headers.get(SIGNATURE_HEADER, "")
        if not hmac.compare_digest(given.encode(), signature(self._app_secret, body).encode()):
            logger.warning("whatsapp webhook call with a wrong or missing signature refused")
            return web.Response(status=401, text="wrong signature")
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError) as exc:
            logger.warning("whatsapp webhook body is not JSON (%s); refused", exc)
            return web.Response(status=400, text="not JSON")
        if not isinstance(payload, dict):
            logger.warning("whatsapp webhook body is not a JSON object; refused")
            return web.Response(status=400, text="not a webhook payload")
        delivery = read_payload(payload, phone_number_id=self.phone_number_id, now=self.clock())
        for status in delivery.statuses:
            log_status(status)
        if delivery.messages:
            if self.store is None:
                return web.Response(status=503, text="not started")
            try:
                await self.store(delivery.messages)
            except Exception as exc:  # a full disk: Meta keeps the payload and sends it again
                self._failures.failed(
                    exc, f"{len(delivery.messages)} message(s), they will come again"
                )
                return web.Response(status=500, text="not stored; send it again")
            self._failures.succeeded()
            if self._on_stored is not None:
                self._on_stored(delivery.messages)
        if delivery.statuses and self.report is not None:
            try:
                await self.report([status.report() for status in delivery.statuses])
            except Exception as exc:  # Meta sends them again (its messages are deduplicated)
                self._failures.failed(
                    exc, f"{len(delivery.statuses)} status(es), they will come again"
                )
                return web.Response(status=500, text="not recorded; send it again")
        return web.Response(text="ok")
