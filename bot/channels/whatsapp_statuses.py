"""What became of a message the desk sent: a webhook's ``statuses`` item.

Meta reports each message the business sent as ``sent`` (its servers have it),
``delivered`` (on the shopper's phone), ``read`` (opened; only when the shopper shares
read receipts) and ``failed`` (never delivered, with the reason in ``errors``: 131047
outside the 24-hour window, 131026 undeliverable...). A failure can arrive after the
send call itself succeeded, so it is the only word the desk gets that such a reply never
arrived.

Each is logged (a failure as a warning naming the message id and the reason, not the
shopper's number) and handed to the runtime as the seam's ``DeliveryReport``, which
records it against the outbox row (``bot.storage.delivery_statuses``): the card shows
delivered and read, and a failure parks the reply as a dead letter with Meta's reason.

    status = read_status({"id": "wamid.HBgL...", "status": "failed", "timestamp": "1750263773",
                          "recipient_id": "5511987654321",
                          "errors": [{"code": 131026, "title": "Message undeliverable"}]})
    status.state, status.reason  # ("failed", "131026 Message undeliverable")
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from bot.channels.whatsapp_content import objects
from bot.models import DeliveryReport

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
STATES = frozenset({"sent", "delivered", "read", "failed"})


@dataclass(frozen=True)
class DeliveryStatus:
    """One status of one sent message."""

    message_id: str  # the wamid the send call returned
    state: str  # sent | delivered | read | failed (another word Meta adds: kept as given)
    recipient: str
    at: dt.datetime | None
    reason: str = ""  # for failed: "131026 Message undeliverable (details)"

    def report(self) -> DeliveryReport:
        """The seam's word for it (without the shopper's number: the id names the reply)."""
        return DeliveryReport("whatsapp", self.message_id, self.state, self.at, self.reason)


def read_status(item: Any) -> DeliveryStatus | None:
    """A status item as our dataclass; None (logged) when it lacks the message id or state."""
    if not isinstance(item, dict):
        logger.warning("whatsapp status that is not an object ignored")
        return None
    message_id, state = item.get("id"), item.get("status")
    if not isinstance(message_id, str) or not isinstance(state, str):
        logger.warning("whatsapp status without a message id or a state ignored")
        return None
    recipient = item.get("recipient_id")
    return DeliveryStatus(
        message_id=message_id,
        state=state,
        recipient=recipient if isinstance(recipient, str) else "",
        at=_when(item.get("timestamp")),
        reason=_reason(item.get("errors")),
    )


def log_status(status: DeliveryStatus) -> None:
    """A failure is a warning (a reply that never arrived); the rest are info."""
    if status.state == "failed":
        # the message id finds the reply (outbox.platform_message_id); the shopper's
        # phone number stays out of the log
        logger.warning(
            "whatsapp message %s failed: %s", status.message_id, status.reason or "no reason given"
        )
    elif status.state in STATES:
        logger.info("whatsapp message %s %s", status.message_id, status.state)
    else:
        logger.info(
            "whatsapp message %s: status %r (new to the desk)", status.message_id, status.state
        )


def _reason(errors: Any) -> str:
    found = objects(errors)
    if not found:
        return ""
    first = found[0]
    code = first.get("code")
    title = first.get("title") or first.get("message")
    data = first.get("error_data")
    details = data.get("details") if isinstance(data, dict) else None
    said = " ".join(str(p) for p in (code, title) if p not in (None, ""))
    return f"{said} ({details})" if isinstance(details, str) and details else said


def _when(stamp: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
