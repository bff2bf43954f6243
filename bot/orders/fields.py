"""How each kind of order field is checked: a parser takes a raw value (a string, number,
list or None from a CSV row, a signed order event or a Shopify webhook) and returns the
clean one or raises ``Invalid`` with a message that says how to fix it::

    fields.country("es")       # "ES"
    fields.total("59,90")      # Invalid: '59,90' is not an amount (use a dot for decimals: 59.90)

Which field is which kind is ``bot.orders.model``'s table; this module knows only kinds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from bot.orders.matching import EMAIL, ORDER_NUMBER, clean_phone, normalize_email, order_key

_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
_ITEM = re.compile(r"(?P<title>.+?)\s+[x×]\s?(?P<quantity>\d+)")


class Invalid(ValueError):
    """A raw value that is not what its field needs; the message says what it should be
    (``parse_order`` turns it into an ``OrderDataError`` naming the field)."""


def text(max_length: int) -> Callable[[Any], str]:
    def parse(raw: Any) -> str:
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise Invalid(f"expected text, got {kind(raw)}")
        value = str(raw).strip()
        if len(value) > max_length:
            raise Invalid(f"longer than {max_length} characters")
        if any(ord(c) < 32 for c in value):
            raise Invalid("contains control characters (line breaks, tabs…)")
        return value

    return parse


def order_number(raw: Any) -> str:
    value = text(64)(raw)
    if not ORDER_NUMBER.fullmatch(value) or not order_key(value):
        raise Invalid(
            f"{value!r} is not an order number: use letters, digits and # . _ / - "
            "(up to 64), e.g. #1001 or BD-1001"
        )
    return value


def email(raw: Any) -> str:
    value = normalize_email(text(256)(raw)) or ""
    if not EMAIL.fullmatch(value):
        raise Invalid(f"{value!r} does not look like an e-mail address (name@example.com)")
    return value


def phone(raw: Any) -> str:
    # stored as the shop wrote it without punctuation ("+34612345678", "0612345678"): it
    # is read as a full number, in the order's country, when compared (bot.orders.matching)
    value = clean_phone(text(32)(raw))
    if value is None:
        raise Invalid(
            f"{raw!r} is not a phone number: 6 to 15 digits, optionally after a +, "
            "spaces and - ( ) . allowed"
        )
    return value


def language(raw: Any) -> str:
    value = text(35)(raw)
    match = _LANGUAGE.fullmatch(value)
    if match is None or not value.isascii():
        raise Invalid(f"{value!r} is not a language code such as es or pt-BR")
    return match.group(1).lower()


def letter_code(letters: int, what: str) -> Callable[[Any], str]:
    """A code of exactly ``letters`` ASCII letters, upper-cased; ``what`` names it in the
    error ("two-letter ISO 3166 code such as ES")."""

    def parse(raw: Any) -> str:
        value = text(8)(raw)
        if not (len(value) == letters and value.isascii() and value.isalpha()):
            raise Invalid(f"{value!r} is not a {what}")
        return value.upper()

    return parse


country = letter_code(2, "two-letter ISO 3166 code such as ES")
currency = letter_code(3, "three-letter ISO 4217 code such as EUR")


def total(raw: Any) -> float:
    if isinstance(raw, bool):
        raise Invalid("expected an amount, got true/false")
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            value = float(text)
        except ValueError:
            hint = " (use a dot for decimals: 59.90)" if "," in text else ""
            raise Invalid(f"{text!r} is not an amount{hint}") from None
    else:
        raise Invalid(f"expected an amount, got {kind(raw)}")
    if not math.isfinite(value):
        raise Invalid("the amount must be a finite number")
    if value < 0:
        raise Invalid(f"{value:g} is negative; an order total is 0 or more")
    return value


def items(raw: Any) -> tuple[tuple[str, int], ...]:
    """A JSON list ([{"title", "quantity"}] or [[title, quantity]]) or "Mug x2; Towel x1"."""
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except ValueError as exc:
                raise Invalid(f"starts with [ but is not a JSON list ({exc})") from None
        else:
            return tuple(_item_text(part) for part in text.split(";") if part.strip())
    if not isinstance(raw, list):
        raise Invalid(f"expected a list of items, got {kind(raw)}")
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
        raise Invalid(f'item {number}: write {{"title": ..., "quantity": n}} or [title, n]')
    try:
        return _title(title), _quantity(quantity)
    except Invalid as exc:
        raise Invalid(f"item {number}: {exc}") from None


def _title(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise Invalid("an item needs a title")
    return text(256)(raw)


def _quantity(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise Invalid(f"quantity must be a whole number, got {kind(raw)}")
    text = str(raw).strip()
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise Invalid(f"quantity {text!r} must be a whole number from 1 to 100000")
    return int(text)


def choice(allowed: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(raw: Any) -> str:
        value = text(16)(raw).lower()
        if value not in allowed:
            raise Invalid(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return parse


def moment(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        value = raw
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise Invalid(
                f"{text!r} is not an ISO 8601 time such as 2026-03-01T10:00:00+01:00"
            ) from None
    else:
        raise Invalid(f"expected an ISO 8601 time, got {kind(raw)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise Invalid(
            f"{raw!s} has no time zone; add its offset (2026-03-01T10:00:00+01:00) or Z for UTC"
        )
    return value


def day(raw: Any) -> date:
    """A date (2026-03-12); a full time with a zone counts as the date it names."""
    if isinstance(raw, datetime):
        return moment(raw).date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and len(raw.strip()) == 10:
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            raise Invalid(f"{raw.strip()!r} is not a date such as 2026-03-12") from None
    try:
        return moment(raw).date()
    except Invalid:
        raise Invalid(f"{raw!s} is not a date such as 2026-03-12") from None


def url(raw: Any) -> str:
    value = text(512)(raw)
    if not value.startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise Invalid(f"{value!r} is not a web address starting with https://")
    return value


def kind(raw: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", float: "a number"}
    return names.get(type(raw), type(raw).__name__)
