"""A webhook's payload read into the desk's models: shoppers' messages and delivery statuses.

Meta posts ``{"object": "whatsapp_business_account", "entry": [{"changes": [{"field":
"messages", "value": {...}}]}]}``; a ``value`` carries the business number it is for
(``metadata.phone_number_id``), the senders' profiles (``contacts``: name and ``wa_id``)
and their ``messages``, or the ``statuses`` of messages the desk sent. One app may serve
several business numbers: a value for another number is not this channel's to answer
(logged and left). Fields other than ``messages`` (groups, templates, account updates)
are logged and left too.

Each message becomes an ``InboundMessage``: the chat and the user are the sender's WhatsApp
id (``from``, their phone number in international form without the +), its id is Meta's
``wamid`` (unique, so a webhook Meta delivers again is recognised as a duplicate), its
content read by ``whatsapp_content``. The sender's WhatsApp id is also their phone, which
Meta verified (the shopper receives its code to register): it is handed on as
``InboundMessage.phone`` as the number is dialled today (``dialled``: Meta warns that a
``wa_id`` may differ from it, and two countries' do: a Mexican mobile's keeps the "1" after
52 that Mexico dropped in 2019, and a Brazilian mobile registered before 2016 lacks the "9"
every mobile number has had since); the intake keeps it only when it reads as a full
international number. ``context`` (the message it answers) is not kept:
the model has no field for it (issue 18's closing note). A message that cannot be read
is logged and skipped, never the whole payload.

    delivery = read_payload(payload, phone_number_id="106540352242922", now=now)
    delivery.messages, delivery.statuses
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from bot.channels.whatsapp_content import describe, objects
from bot.channels.whatsapp_statuses import DeliveryStatus, read_status
from bot.models import InboundMessage

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
CHANNEL = "whatsapp"
# Meta retries an unacknowledged webhook for up to 7 days; older, or a day ahead, is a
# wrong clock somewhere, and the time it was received is stored instead.
OLDEST_PLAUSIBLE = dt.timedelta(days=8)
LATEST_PLAUSIBLE = dt.timedelta(days=1)


@dataclass
class Delivery:
    """What one webhook POST brought that is this channel's."""

    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[DeliveryStatus] = field(default_factory=list)


def read_payload(payload: JSON, *, phone_number_id: str, now: dt.datetime) -> Delivery:
    """The messages and statuses of ``payload`` for the business number ``phone_number_id``."""
    delivery = Delivery()
    if payload.get("object") != "whatsapp_business_account":
        logger.info("whatsapp webhook for %r, not a business account; left", payload.get("object"))
        return delivery
    for entry in objects(payload.get("entry")):
        for change in objects(entry.get("changes")):
            value = change.get("value")
            if change.get("field") != "messages" or not isinstance(value, dict):
                logger.info(
                    "whatsapp webhook field %r is not used by the desk; left", change.get("field")
                )
                continue
            metadata = value.get("metadata")
            number = metadata.get("phone_number_id") if isinstance(metadata, dict) else None
            if number != phone_number_id:
                logger.warning(
                    "whatsapp webhook for business number %r, not this desk's %s; left",
                    number,
                    phone_number_id,
                )
                continue
            _read_value(value, now, delivery)
    return delivery


def _read_value(value: JSON, now: dt.datetime, delivery: Delivery) -> None:
    names = {
        c["wa_id"]: profile["name"]
        for c in objects(value.get("contacts"))
        if isinstance(c.get("wa_id"), str)
        and isinstance(profile := c.get("profile"), dict)
        and isinstance(profile.get("name"), str)
    }
    for message in objects(value.get("messages")):
        try:
            inbound = to_inbound(message, names, now)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            logger.warning(
                "whatsapp message %r not understood (%s); skipped", message.get("id"), exc
            )
            continue
        if inbound is not None:
            delivery.messages.append(inbound)
    statuses = value.get("statuses")
    for item in statuses if isinstance(statuses, list) else ():  # each one read or logged
        if (status := read_status(item)) is not None:
            delivery.statuses.append(status)
    for error in objects(value.get("errors")):  # Meta's trouble with the whole value
        logger.warning(
            "whatsapp webhook reports an error: %s %s", error.get("code"), error.get("title")
        )


def to_inbound(message: JSON, names: dict[str, str], now: dt.datetime) -> InboundMessage | None:
    """One ``messages`` item as our model; None (logged) for a system message."""
    sender, message_id = message["from"], message["id"]
    if not (sender and message_id and isinstance(sender, str) and isinstance(message_id, str)):
        raise ValueError("no sender or message id")
    content = describe(message)
    if content is None:
        system = message.get("system")
        said = system.get("body") if isinstance(system, dict) else None
        logger.info("whatsapp system message %s (%s); no card", message_id, said or "no text")
        return None
    return InboundMessage(
        channel=CHANNEL,
        chat_id=sender,
        platform_message_id=message_id,
        user_id=sender,
        user_name=_clean(names.get(sender) or f"+{sender}"),
        text=_clean(content.text),
        received_at=_plausible(message.get("timestamp"), now, message_id),
        kind=content.kind,
        attachment=_clean(content.attachment) if content.attachment else None,
        phone=dialled(sender),
    )


def dialled(wa_id: str) -> str | None:
    """The phone number a WhatsApp id stands for, as it is dialled and as a shop keeps it:
    "5215512345678" -> "+525512345678"; "551187654321" -> "+5511987654321" (a mobile:
    its 8 digits begin with 6 to 9; a landline's, 2 to 5, are left as they are)."""
    if not wa_id.isdigit():
        return None
    if len(wa_id) == 13 and wa_id.startswith("521"):
        return f"+52{wa_id[3:]}"
    if len(wa_id) == 12 and wa_id.startswith("55") and wa_id[4] in "6789":
        return f"+55{wa_id[2:4]}9{wa_id[4:]}"
    return f"+{wa_id}"


def _plausible(stamp: Any, now: dt.datetime, message_id: str) -> dt.datetime:
    """The time Meta gives (Unix seconds as text), unless it cannot be true."""
    try:
        sent = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        sent = None
    if sent is not None and now - OLDEST_PLAUSIBLE <= sent <= now + LATEST_PLAUSIBLE:
        return sent
    logger.info("whatsapp message %s is dated %r; stored as received now", message_id, stamp)
    return now


def _clean(text: str) -> str:
    """Text any database can store: a lone UTF-16 surrogate (``\\ud83d`` escaped in the
    JSON, half an emoji) becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
