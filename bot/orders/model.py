"""What BorderDesk knows about an order, and the one gate every order passes through.

A CSV row, a signed order event and a Shopify webhook all become an ``OrderEvent`` through
``parse_order``, which checks every field and names the first bad one::

    event = parse_order({"order_number": "#1001", "status": "paid", "total": "59.90"})
    parse_order({"order_number": "1001", "country": "Spain"})
    # OrderDataError: country: 'Spain' is not a two-letter ISO 3166 code such as ES

An event says only what its sender knows: every field but ``order_number`` may be absent
(None, or ``()`` for items), and storage never lets an absent field erase a known one.
An event that gives ``updated_at`` (when the sender's record last changed) is applied only
if it is not older than the last one applied, so a replayed or late event changes nothing.

Times must carry a zone (``2026-03-01T10:00:00+01:00`` or ``...Z``): a naive time is
refused rather than guessed, because an order placed at "10:00" in Seoul and one in Lima
are fifteen hours apart, and delivery estimates and quiet hours depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.errors import BorderDeskError
from bot.orders import fields

STATUSES = ("created", "paid", "shipped", "delivered", "cancelled")
EVALUATIONS = ("good", "bad")
# how far along an order is; "cancelled" is outside this line (allowed at any time, final)
PROGRESS = {"created": 0, "paid": 1, "shipped": 2, "delivered": 3}


class OrderDataError(BorderDeskError):
    """Order fields are missing or malformed. ``field`` and ``message`` are the first
    problem; ``problems`` lists every one, so a row with five mistakes is fixed in one go
    and not in five rounds of import, read, fix."""

    def __init__(self, field: str, message: str, more: tuple[tuple[str, str], ...] = ()) -> None:
        self.problems = ((field, message), *more)
        super().__init__("; ".join(f"{name}: {why}" for name, why in self.problems))
        self.field = field
        self.message = message


@dataclass(frozen=True)
class OrderEvent:
    """What one source says about one order at one moment (validated by ``parse_order``)."""

    order_number: str  # the shop's display form, e.g. "#1001"
    external_id: str | None = None  # the shop system's own id (Shopify's order id)
    name: str | None = None
    email: str | None = None  # case-folded (bot.orders.matching.normalize_email)
    phone: str | None = None  # digits, with a leading + when given (clean_phone)
    country: str | None = None  # ISO 3166 alpha-2, upper-case
    language: str | None = None  # ISO 639-1, lower-case ("pt-BR" -> "pt")
    currency: str | None = None  # ISO 4217, upper-case
    total: float | None = None
    # what the shopper paid in their own currency, when the shop converted (Shopify)
    presentment_currency: str | None = None
    presentment_total: float | None = None
    items: tuple[tuple[str, int], ...] = ()  # (title, quantity); () = not given
    status: str | None = None
    ordered_at: datetime | None = None
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    estimated_delivery: date | None = None
    delivered_at: datetime | None = None
    evaluation: str | None = None
    event_id: str | None = None  # the sender's id for this event, to apply it once
    # when the sender's record of the order last changed (Shopify's updated_at): an event
    # older than the one stored changes nothing, whatever its delivery id says
    updated_at: datetime | None = None

    def status_reached(self) -> str | None:
        """The status the event states, or the furthest one its dates imply."""
        if self.status is not None:
            return self.status
        for status, stamp in (
            ("delivered", self.delivered_at),
            ("shipped", self.shipped_at),
            ("paid", self.paid_at),
        ):
            if stamp is not None:
                return status
        return None


def parse_order(data: Mapping[str, Any]) -> OrderEvent:
    """Validate a mapping of field names to raw values (strings, numbers, lists, None).

    Empty strings count as absent. Unknown field names are refused, so a misspelt
    ``tracking_numbr`` is reported instead of silently lost. Raises ``OrderDataError``.
    """
    unknown = sorted(str(k) for k in data if k not in _PARSERS)
    if unknown:
        raise OrderDataError(
            unknown[0], f"unknown field; the known fields are {', '.join(_PARSERS)}"
        )
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, parse in _PARSERS.items():
        raw = data.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        try:
            values[name] = parse(raw)
        except fields.Invalid as exc:
            problems.append((name, str(exc)))
    if "order_number" not in values and "order_number" not in dict(problems):
        problems.insert(0, ("order_number", "required (the shop's order number, e.g. #1001)"))
    if problems:
        raise OrderDataError(*problems[0], more=tuple(problems[1:]))
    if "items" in values and not values["items"]:
        del values["items"]
    return OrderEvent(**values)


def parse_field(name: str, raw: Any, label: str | None = None) -> Any:
    """One value checked as field ``name`` would be (None when absent), for parts of a
    shop's payload that are not an order, such as one parcel of a shipment; an error names
    ``label`` (the sender's own field name), else ``name``. Raises ``OrderDataError``."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return _PARSERS[name](raw)
    except fields.Invalid as exc:
        raise OrderDataError(label or name, str(exc)) from None


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "order_number": fields.order_number,
    "external_id": fields.text(64),
    "name": fields.text(256),
    "email": fields.email,
    "phone": fields.phone,
    "country": fields.country,
    "language": fields.language,
    "currency": fields.currency,
    "total": fields.total,
    "presentment_currency": fields.currency,
    "presentment_total": fields.total,
    "items": fields.items,
    "status": fields.choice(STATUSES),
    "ordered_at": fields.moment,
    "paid_at": fields.moment,
    "shipped_at": fields.moment,
    "carrier": fields.text(64),
    "tracking_number": fields.text(64),
    "tracking_url": fields.url,
    "estimated_delivery": fields.day,
    "delivered_at": fields.moment,
    "evaluation": fields.choice(EVALUATIONS),
    "event_id": fields.text(128),
    "updated_at": fields.moment,
}
FIELDS = tuple(_PARSERS)  # in OrderEvent's order; a test keeps the two in step
