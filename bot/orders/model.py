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

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.errors import BorderDeskError
from bot.orders.matching import EMAIL, ORDER_NUMBER, clean_phone, normalize_email, order_key

STATUSES = ("created", "paid", "shipped", "delivered", "cancelled")
EVALUATIONS = ("good", "bad")
# how far along an order is; "cancelled" is outside this line (allowed at any time, final)
PROGRESS = {"created": 0, "paid": 1, "shipped": 2, "delivered": 3}

_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
_ITEM = re.compile(r"(?P<title>.+?)\s+[x×]\s?(?P<quantity>\d+)")


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
        except _Invalid as exc:
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
    except _Invalid as exc:
        raise OrderDataError(label or name, str(exc)) from None


# -- field parsers: each takes a raw value and returns the clean one or raises _Invalid ----


class _Invalid(ValueError):
    pass


def _text(max_length: int) -> Callable[[Any], str]:
    def parse(raw: Any) -> str:
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise _Invalid(f"expected text, got {_kind(raw)}")
        value = str(raw).strip()
        if len(value) > max_length:
            raise _Invalid(f"longer than {max_length} characters")
        if any(ord(c) < 32 for c in value):
            raise _Invalid("contains control characters (line breaks, tabs…)")
        return value

    return parse


def _order_number(raw: Any) -> str:
    value = _text(64)(raw)
    if not ORDER_NUMBER.fullmatch(value) or not order_key(value):
        raise _Invalid(
            f"{value!r} is not an order number: use letters, digits and # . _ / - "
            "(up to 64), e.g. #1001 or BD-1001"
        )
    return value


def _email(raw: Any) -> str:
    value = normalize_email(_text(256)(raw)) or ""
    if not EMAIL.fullmatch(value):
        raise _Invalid(f"{value!r} does not look like an e-mail address (name@example.com)")
    return value


def _phone(raw: Any) -> str:
    # stored as the shop wrote it without punctuation ("+34612345678", "0612345678"): it
    # is read as a full number, in the order's country, when compared (bot.orders.matching)
    value = clean_phone(_text(32)(raw))
    if value is None:
        raise _Invalid(
            f"{raw!r} is not a phone number: 6 to 15 digits, optionally after a +, "
            "spaces and - ( ) . allowed"
        )
    return value


def _language(raw: Any) -> str:
    value = _text(35)(raw)
    match = _LANGUAGE.fullmatch(value)
    if match is None or not value.isascii():
        raise _Invalid(f"{value!r} is not a language code such as es or pt-BR")
    return match.group(1).lower()


def _letter_code(letters: int, what: str) -> Callable[[Any], str]:
    """A code of exactly ``letters`` ASCII letters, upper-cased; ``what`` names it in the
    error ("two-letter ISO 3166 code such as ES")."""

    def parse(raw: Any) -> str:
        value = _text(8)(raw)
        if not (len(value) == letters and value.isascii() and value.isalpha()):
            raise _Invalid(f"{value!r} is not a {what}")
        return value.upper()

    return parse


_country = _letter_code(2, "two-letter ISO 3166 code such as ES")
_currency = _letter_code(3, "three-letter ISO 4217 code such as EUR")


def _total(raw: Any) -> float:
    if isinstance(raw, bool):
        raise _Invalid("expected an amount, got true/false")
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            value = float(text)
        except ValueError:
            hint = " (use a dot for decimals: 59.90)" if "," in text else ""
            raise _Invalid(f"{text!r} is not an amount{hint}") from None
    else:
        raise _Invalid(f"expected an amount, got {_kind(raw)}")
    if not math.isfinite(value):
        raise _Invalid("the amount must be a finite number")
    if value < 0:
        raise _Invalid(f"{value:g} is negative; an order total is 0 or more")
    return value


def _items(raw: Any) -> tuple[tuple[str, int], ...]:
    """A JSON list ([{"title", "quantity"}] or [[title, quantity]]) or "Mug x2; Towel x1"."""
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except ValueError as exc:
                raise _Invalid(f"starts with [ but is not a JSON list ({exc})") from None
        else:
            return tuple(_item_text(part) for part in text.split(";") if part.strip())
    if not isinstance(raw, list):
        raise _Invalid(f"expected a list of items, got {_kind(raw)}")
    return tuple(_item_entry(n, entry) for n, entry in enumerate(raw, 1))


def _item_text(part: str) -> tuple[str, int]:
    part = part.strip()
    match = _ITEM.fullmatch(part)
    title, quantity = (match["title"], match["quantity"]) if match else (part, "1")
    return _title(title), _quantity(quantity)


def _item_entry(number: int, entry: Any) -> tuple[str, int]:
    if isinstance(entry, Mapping):
        title, quantity = entry.get("title"), entry.get("quantity", 1)
    elif isinstance(entry, list) and len(entry) == 2:
        title, quantity = entry
    else:
        raise _Invalid(f'item {number}: write {{"title": ..., "quantity": n}} or [title, n]')
    try:
        return _title(title), _quantity(quantity)
    except _Invalid as exc:
        raise _Invalid(f"item {number}: {exc}") from None


def _title(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _Invalid("an item needs a title")
    return _text(256)(raw)


def _quantity(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise _Invalid(f"quantity must be a whole number, got {_kind(raw)}")
    text = str(raw).strip()
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise _Invalid(f"quantity {text!r} must be a whole number from 1 to 100000")
    return int(text)


def _choice(allowed: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(raw: Any) -> str:
        value = _text(16)(raw).lower()
        if value not in allowed:
            raise _Invalid(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return parse


def _moment(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        value = raw
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise _Invalid(
                f"{text!r} is not an ISO 8601 time such as 2026-03-01T10:00:00+01:00"
            ) from None
    else:
        raise _Invalid(f"expected an ISO 8601 time, got {_kind(raw)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _Invalid(
            f"{raw!s} has no time zone; add its offset (2026-03-01T10:00:00+01:00) or Z for UTC"
        )
    return value


def _day(raw: Any) -> date:
    """A date (2026-03-12); a full time with a zone counts as the date it names."""
    if isinstance(raw, datetime):
        return _moment(raw).date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and len(raw.strip()) == 10:
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            raise _Invalid(f"{raw.strip()!r} is not a date such as 2026-03-12") from None
    try:
        return _moment(raw).date()
    except _Invalid:
        raise _Invalid(f"{raw!s} is not a date such as 2026-03-12") from None


def _url(raw: Any) -> str:
    value = _text(512)(raw)
    if not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise _Invalid(f"{value!r} is not a web address starting with https://")
    return value


def _kind(raw: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", float: "a number"}
    return names.get(type(raw), type(raw).__name__)


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "order_number": _order_number,
    "external_id": _text(64),
    "name": _text(256),
    "email": _email,
    "phone": _phone,
    "country": _country,
    "language": _language,
    "currency": _currency,
    "total": _total,
    "presentment_currency": _currency,
    "presentment_total": _total,
    "items": _items,
    "status": _choice(STATUSES),
    "ordered_at": _moment,
    "paid_at": _moment,
    "shipped_at": _moment,
    "carrier": _text(64),
    "tracking_number": _text(64),
    "tracking_url": _url,
    "estimated_delivery": _day,
    "delivered_at": _moment,
    "evaluation": _choice(EVALUATIONS),
    "event_id": _text(128),
    "updated_at": _moment,
}
FIELDS = tuple(_PARSERS)  # in OrderEvent's order; a test keeps the two in step
