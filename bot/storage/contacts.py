"""When two contact details are the same: e-mail addresses, phone numbers, order numbers.

Shoppers and shops write them differently ("Ana@Example.com", "+49 151 1234 5678",
"#A-1001"); these rules decide whether an order's contact proves whose it is and whether
two channel identities are the same person.
"""

from __future__ import annotations

import re


def normalize_email(email: str | None) -> str | None:
    """E-mail addresses compare case-insensitively, without surrounding spaces."""
    cleaned = (email or "").strip().casefold()
    return cleaned or None


def phone_digits(phone: str | None) -> str | None:
    """Digits only ("+49 151-1234 5678" -> "4915112345678"); None with fewer than 8."""
    digits = re.sub(r"\D", "", phone or "")
    return digits if len(digits) >= 8 else None


def phones_match(a: str | None, b: str | None) -> bool:
    """The same phone written two ways: without trunk or international zeros, the shorter
    number (8 digits at least) ends the longer one, so "0151 12345678" matches
    "+49 151 12345678" and a missing country code does not matter."""
    da, db = (phone_digits(p) for p in (a, b))
    if da is None or db is None:
        return False
    da, db = da.lstrip("0"), db.lstrip("0")
    short, long = sorted((da, db), key=len)
    return len(short) >= 8 and long.endswith(short)


def normalize_order_number(number: str) -> str:
    """ "#A-1001", "a1001" and "A1001" are the same order."""
    return re.sub(r"[\s#-]", "", number).upper()
