"""When two contact details are the same: e-mail addresses, phone numbers, order numbers.

Shoppers and shops write them differently ("Ana@Example.com", "+49 151 1234 5678",
"0151 12345678", "#A-1001"); these rules decide whether a contact detail a shopper gives
is the one on an order (the proof that the order is theirs). This module is their only
home: nothing else compares phones or e-mails.

Phones compare as whole numbers in E.164 (``phonenumbers``, Google's libphonenumber):
"0151 1234 5678" read in Germany is "+4915112345678", the same number as
"+49 151 12345678"; a national format is read in the order's country, else in the country
of the other number when that one is written internationally. A number that cannot be
read as a full number (too short, no country to read it in) matches nothing, and a
suffix never does: "12345678" is not "+49 151 12345678"::

    phones_match("0151 1234 5678", "+49 151 12345678")       # True
    phones_match("612 34 56 78", "+34612345678", "ES")         # True
    phones_match("12345678", "+4915112345678")                 # False
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat


def normalize_email(email: str | None) -> str | None:
    """E-mail addresses compare case-insensitively, without surrounding spaces."""
    cleaned = (email or "").strip().casefold()
    return cleaned or None


def e164(phone: str | None, region: str | None = None) -> str | None:
    """The full number in E.164 ("+4915112345678"), a national format read in ``region``
    (ISO 3166 alpha-2); None when it is not a possible full number."""
    if not phone or not phone.strip():
        return None
    try:
        parsed = phonenumbers.parse(phone, (region or "").upper() or None)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def phone_region(phone: str | None) -> str | None:
    """The country of a number written internationally ("+34 612…" -> "ES"), else None."""
    number = e164(phone)
    if number is None:
        return None
    region = phonenumbers.region_code_for_number(phonenumbers.parse(number))
    return region if region and region != "ZZ" else None


def same_phone(a: str | None, b: str | None, region: str | None = None) -> str | None:
    """The number both write, in E.164, or None when they are not one full number."""
    where = region or phone_region(a) or phone_region(b)
    first = e164(a, where)
    return first if first is not None and first == e164(b, where) else None


def phones_match(a: str | None, b: str | None, region: str | None = None) -> bool:
    """The same full number written two ways (see the module docstring)."""
    return same_phone(a, b, region) is not None


def normalize_order_number(number: str) -> str:
    """ "#A-1001", "a1001" and "A1001" are the same order."""
    return re.sub(r"[\s#-]", "", number).upper()
