"""HTTP endpoints through which shops tell us about orders (aiohttp).

    POST /orders/events     a generic order or shipment event (JSON, OrderEvent fields),
                            signed with BORDERDESK_ORDER_EVENTS_SECRET
    POST /shopify/webhooks  Shopify webhooks, signed with BORDERDESK_SHOPIFY_WEBHOOK_SECRET

Each route exists only when its secret is set. A generic event carries two headers::

    X-BorderDesk-Timestamp: 1772359200              (unix seconds, within 5 minutes)
    X-BorderDesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">

and an ``event_id`` in its body; Shopify's ``X-Shopify-Webhook-Id`` plays that part for
webhooks, so a redelivered event is applied once. Answers: 413 for a body over 1 MiB,
401 for a missing or wrong signature (nothing stored), 400 for a body that is not an
order (naming the field), 200 once the event is stored or recognised as a duplicate, and
500 when the database fails (the sender will retry). Every refusal is logged once, with
the webhook's id.

A delivery id is no proof of freshness (``X-Shopify-Webhook-Id`` is not signed, and a
captured body keeps its valid signature): an event older than what is stored (Shopify's
``updated_at`` on the order or fulfillment, a generic event's ``updated_at``) is answered
200 "stale; nothing changed", logged once as stale with its ids, and changes nothing.

Shopify is answered 200 for everything it may send that we can keep: a topic BorderDesk
does not use is kept as "not understood" ("stored, topic not used"), and a fulfillment,
carrier event or refund for an order not known yet waits for it ("stored, waiting for
its order"; ``bot.storage.shipments``); when that order arrives, the waiting webhooks
are applied after it. Both are listed by ``Store.shop_events``::

    webhooks = OrderWebhooks(store, config, clock, on_change=notify)
    await webhooks.start(config.webhook_listen)
    await webhooks.stop()
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Config
from bot.orders.model import OrderDataError, OrderEvent, parse_order
from bot.orders.shopify import ShopifyUpdate, shopify_update, verify_shopify
from bot.serving import serve_app
from bot.storage import Store
from bot.storage.orders import OrderChange

logger = logging.getLogger(__name__)

EVENTS_PATH = "/orders/events"
SHOPIFY_PATH = "/shopify/webhooks"
MAX_BODY_BYTES = 1024 * 1024
MAX_CLOCK_SKEW_SECONDS = 300
TIMESTAMP_HEADER = "X-BorderDesk-Timestamp"
SIGNATURE_HEADER = "X-BorderDesk-Signature"
SHOPIFY_HMAC_HEADER = "X-Shopify-Hmac-Sha256"

OnChange = Callable[[str], Awaitable[None]]


def sign_event(body: bytes, timestamp: int, secret: str) -> str:
    """The X-BorderDesk-Signature value for a body sent at ``timestamp`` (unix seconds)."""
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def order_webhooks_app(
    store: Store,
    config: Config,
    clock: Callable[[], datetime],
    on_change: OnChange | None = None,
) -> web.Application:
    """The endpoints whose secret is configured (none at all when neither is set)."""
    intake = _Intake(store, clock, on_change)
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    if config.order_events_secret:
        app.router.add_post(EVENTS_PATH, intake.order_event_handler(config.order_events_secret))
    if config.shopify_webhook_secret:
        app.router.add_post(SHOPIFY_PATH, intake.shopify_handler(config.shopify_webhook_secret))
    return app


class OrderWebhooks:
    """Runs the order endpoints on their own port; does nothing when no secret is set."""

    def __init__(
        self,
        store: Store,
        config: Config,
        clock: Callable[[], datetime],
        on_change: OnChange | None = None,
    ) -> None:
        self.app = order_webhooks_app(store, config, clock, on_change)
        self._runner: web.AppRunner | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.app.router.routes())

    @property
    def addresses(self) -> list[Any]:
        """Where it listens, e.g. [("127.0.0.1", 8080)]; empty when stopped."""
        return [] if self._runner is None else list(self._runner.addresses)

    async def start(self, listen: tuple[str, int]) -> None:
        if not self.enabled:
            logger.info("order webhooks off: no order-events or Shopify secret is set")
            return
        self._runner = await serve_app(self.app, listen)
        routes = self.app.router.routes()
        paths = ", ".join(sorted(r.resource.canonical for r in routes if r.resource))
        logger.info("order webhooks listening on %s:%s (%s)", listen[0], listen[1], paths)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class _Intake:
    """The two handlers; both read, check, store, then tell ``on_change``."""

    def __init__(
        self, store: Store, clock: Callable[[], datetime], on_change: OnChange | None
    ) -> None:
        self.store = store
        self.clock = clock
        self.on_change = on_change

    def order_event_handler(self, secret: str) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handle(request: web.Request) -> web.Response:
            body = await _body(request)
            if isinstance(body, web.Response):
                return body
            refusal = self._check_event_signature(request, body, secret)
            if refusal is not None:
                logger.warning("order event from %s refused: %s", request.remote, refusal)
                return web.Response(status=401, text=refusal)
            data = _json_object(body)
            if isinstance(data, web.Response):
                return data
            try:
                event = parse_order(data)
            except OrderDataError as exc:
                logger.warning("order event refused: bad %s", exc.field)  # values are personal
                return web.Response(status=400, text=str(exc))
            if event.event_id is None:
                text = "event_id: required, so an event sent twice is applied once"
                return web.Response(status=400, text=text)
            return await self._apply(event, "event", event.event_id, "order event")

        return handle

    def shopify_handler(self, secret: str) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handle(request: web.Request) -> web.Response:
            body = await _body(request)
            if isinstance(body, web.Response):
                return body
            topic = request.headers.get("X-Shopify-Topic", "")
            webhook_id = request.headers.get("X-Shopify-Webhook-Id") or None
            shop = request.headers.get("X-Shopify-Shop-Domain", "an unnamed shop")
            label = f"shopify {topic or 'webhook'} {webhook_id or '(no id)'} from {shop}"
            given = request.headers.get(SHOPIFY_HMAC_HEADER, "")
            if not given or not verify_shopify(body, given, secret):
                why = "wrong" if given else "missing"
                text = f"{why} {SHOPIFY_HMAC_HEADER}: sign the raw body with the app's secret"
                return _refuse(label, 401, text)
            if not topic:
                return _refuse(label, 400, "missing X-Shopify-Topic")
            data = _json_object(body)
            if isinstance(data, web.Response):
                return _refuse(label, data.status, data.text or "")
            try:
                update = shopify_update(topic, data)
            except OrderDataError as exc:
                # the value may be personal data: the log names the field, the answer says why
                logger.warning("%s refused: bad %s", label, exc.field)
                return web.Response(status=400, text=str(exc))
            if webhook_id is None:
                logger.warning("%s has no X-Shopify-Webhook-Id: applied without dedupe", label)
            if update is None:
                return await self._keep_unknown(topic, data, webhook_id, label)
            return await self._apply_shopify(update, data, webhook_id, label)

        return handle

    async def _keep_unknown(
        self, topic: str, data: dict[str, Any], webhook_id: str | None, label: str
    ) -> web.Response:
        """A topic BorderDesk does not use: kept for staff (``shop_events``), answered 200."""
        try:
            kept = await self.store.keep_shop_event(topic, data, self.clock(), webhook_id)
        except SQLAlchemyError:
            return _not_stored(label)
        if not kept:
            return _duplicate(label, "kept")
        logger.warning("%s kept but not used: BorderDesk does not handle this topic", label)
        return web.Response(text="stored, topic not used")

    async def _apply_shopify(
        self, update: ShopifyUpdate, data: dict[str, Any], webhook_id: str | None, label: str
    ) -> web.Response:
        try:
            result = await self.store.apply_shopify(update, data, self.clock(), webhook_id)
        except SQLAlchemyError:
            return _not_stored(label)
        if result.outcome == "duplicate":
            return _duplicate(label, "applied")
        if result.outcome == "stale":
            return _stale(label, result.change, update.fulfillment_id)
        if result.outcome == "waiting" or result.change is None:
            logger.warning(
                "%s kept waiting: no order %s is known yet; applied when it arrives",
                label,
                update.order_number or f"with id {update.external_id}",
            )
            await self._release_if_arrived(update)
            return web.Response(text="stored, waiting for its order")
        change = result.change
        _log_applied(label, change)
        changed = change.changed
        changed = await self._release_waiting(change.order_id) or changed
        if changed:
            await self._tell(change.order_number)
        return web.Response(text="applied")

    async def _release_if_arrived(self, update: ShopifyUpdate) -> None:
        """The order may have been stored by another process while this one kept its
        webhook waiting (PostgreSQL): that process looked for waiting webhooks before this
        one's was committed. Looking for the order after committing closes the gap: either
        this finds the order, or the other process found the waiting webhook."""
        try:
            order_id = await self.store.shopify_order_id(update.external_id, update.order_number)
            if order_id is None:
                return
            order = await self.store.order_by_id(order_id)
            if order is not None and await self._release_waiting(order_id):
                await self._tell(order.order_number)
        except SQLAlchemyError:  # still waiting: the order's next webhook releases it
            logger.exception("a webhook kept waiting could not be released")

    async def _release_waiting(self, order_id: int) -> bool:
        """Apply the webhooks that were waiting for this order; True if any changed it."""
        order = await self.store.order_by_id(order_id)
        if order is None:
            return False
        changed = False
        for held in await self.store.waiting_shop_events(order.external_id, order.order_number):
            label = f"shopify {held.topic} {held.event_id or '(no id)'} (kept waiting)"
            try:
                update = shopify_update(held.topic, held.payload)
                if update is None:
                    continue
                result = await self.store.apply_shopify(
                    update, held.payload, self.clock(), held.event_id, release=held.id
                )
            except (OrderDataError, SQLAlchemyError):
                logger.exception("%s could not be applied to order %s", label, order.order_number)
                continue
            if result.outcome == "stale":
                _stale(label, result.change, update.fulfillment_id)
            elif result.outcome == "applied" and result.change is not None:
                logger.info("%s applied to order %s, which has arrived", label, order.order_number)
                changed = changed or result.change.changed
        return changed

    def _check_event_signature(self, request: web.Request, body: bytes, secret: str) -> str | None:
        """Why a generic event's signature is refused, or None when it is good."""
        stamp = request.headers.get(TIMESTAMP_HEADER, "").strip()
        given = request.headers.get(SIGNATURE_HEADER, "").strip()
        if not stamp or not given:
            return f"missing {TIMESTAMP_HEADER} or {SIGNATURE_HEADER}"
        if not stamp.isdigit() or len(stamp) > 12:
            return f"{TIMESTAMP_HEADER} must be unix seconds"
        if abs(self.clock().timestamp() - int(stamp)) > MAX_CLOCK_SKEW_SECONDS:
            return f"{TIMESTAMP_HEADER} is more than 5 minutes from our clock (replayed?)"
        expected = sign_event(body, int(stamp), secret).encode()
        if not hmac.compare_digest(expected, given.encode("utf-8", "replace")):
            return f"{SIGNATURE_HEADER} does not match the body"
        return None

    async def _apply(
        self, event: OrderEvent, source: str, event_id: str | None, label: str
    ) -> web.Response:
        try:
            change = await self.store.apply_order_event(event, source, self.clock(), event_id)
        except SQLAlchemyError:
            return _not_stored(label)
        if change is None:
            return _duplicate(label, "applied")
        if change.stale:
            return _stale(f"{label} {event_id}", change, None)
        _log_applied(label, change)
        if change.changed:
            await self._tell(change.order_number)
        return web.Response(text="applied")

    async def _tell(self, order_number: str) -> None:
        if self.on_change is None:
            return
        try:
            await self.on_change(order_number)
        except Exception:
            # stored already: the sender must not resend, so answer 200 and say so here
            logger.exception("order %s stored, but reacting to it failed", order_number)


def _not_stored(label: str) -> web.Response:
    """The database refused the event (logged with its traceback): answered 500, so the
    sender delivers it again later; nothing of it was kept."""
    logger.exception("%s not stored; the sender will retry", label)
    return web.Response(status=500, text="not stored; send it again")


def _duplicate(label: str, done: str) -> web.Response:
    """A redelivery of an event already ``done`` ("applied", "kept"): acknowledged, so the
    sender stops, and nothing is changed a second time."""
    logger.info("%s is a duplicate; already %s", label, done)
    return web.Response(text="duplicate")


def _log_applied(label: str, change: OrderChange) -> None:
    """One line for an applied event: which order, and whether it was new or changed."""
    what = "new order" if change.created else "changed" if change.changed else "no change"
    logger.info("%s applied to order %s (%s)", label, change.order_number, what)


def _stale(label: str, change: OrderChange | None, fulfillment_id: str | None) -> web.Response:
    """An event older than what is stored: a replay or a late delivery. Acknowledged, so
    the sender stops, and logged once with its ids; it changed nothing."""
    order = change.order_number if change is not None else "?"
    fulfillment = f", fulfillment {fulfillment_id}" if fulfillment_id else ""
    logger.warning(
        "%s is stale (older than what order %s%s has stored); nothing changed",
        label,
        order,
        fulfillment,
    )
    return web.Response(text="stale; nothing changed")


def _refuse(label: str, status: int, text: str) -> web.Response:
    """A refusal the sender can act on, logged once with the webhook's id."""
    logger.warning("%s refused (%d): %s", label, status, text)
    return web.Response(status=status, text=text)


async def _body(request: web.Request) -> bytes | web.Response:
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        logger.warning("order webhook body over %d bytes refused", MAX_BODY_BYTES)
        return web.Response(status=413, text=f"body over {MAX_BODY_BYTES} bytes")


def _json_object(body: bytes) -> dict[str, Any] | web.Response:
    try:
        data = json.loads(body)
    except ValueError as exc:
        return web.Response(status=400, text=f"body is not JSON ({exc})")
    if not isinstance(data, dict):
        return web.Response(status=400, text="body is not a JSON object")
    return data
