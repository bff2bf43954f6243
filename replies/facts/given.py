"""What the shopper has already told us in this conversation: an order number, an e-mail
address, a phone number or the country they are in, in this message or the one before.

An answer that asks again for what the shopper has just sent reads as if nobody read the
conversation. "Where is my order 55120?" is answered by asking for the checkout e-mail;
when the shopper replies "ana@example.com, it was due last week", the next answer must
not ask for the order number and the e-mail again. The engine adds what this module finds
to the reply values before it picks the wording, so ``asks_for`` and the
``{link_request}`` sentence (``replies.facts.link``) ask only for what is still missing.

What is found here is echoed, never looked up: a number the shopper typed is named back to
them, an e-mail or phone is only noted as given (``GIVEN_CONTACT``) and never shown.
Linking an order stays ``handlers/order_links.py``'s job; nothing here tells the shopper
anything about an order that is not linked.

A country named in passing ("I'm in Vienna", then "how much is express shipping?") is
noted as ``GIVEN_COUNTRY``: the fact sentences (delivery time, voltage, customs) take it
as the message's country when this message names none (``replies.facts.fill``), so the
answer to the second message does not ask where the shopper is.

    shopper_gave("ana@example.com, still nothing", "where is order 55120?", {})
    # {"order_number": "55120", "given_contact": "ana@example.com"}
    shopper_gave("how much is express shipping?", "I'm in Vienna", {})
    # {"given_country": "AT"}
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.orders.matching import clean_phone, emails_in, order_number, phones_in
from replies.facts.country import country_in_text
from replies.situations import GIVEN_CONTACT

# Noted when this message or the one before names the shopper's country (a country, a
# region or a big city): an ISO 3166-1 code, never shown.
GIVEN_COUNTRY = "given_country"


def shopper_gave(text: str, earlier: str | None, values: Mapping[str, str]) -> dict[str, str]:
    """The order number, contact and country the shopper gave, in ``text`` or the
    ``earlier`` message, that ``values`` do not hold yet (a linked order's own number wins,
    and what this message says wins over the earlier one)."""
    found: dict[str, str] = {}
    if not str(values.get("order_number") or "").strip():
        number = order_number(text) or (order_number(earlier) if earlier else None)
        if number:
            found["order_number"] = number
    if not str(values.get(GIVEN_CONTACT) or "").strip():
        contact = contact_in(text) or (contact_in(earlier) if earlier else None)
        if contact:
            found[GIVEN_CONTACT] = contact
    if not str(values.get(GIVEN_COUNTRY) or "").strip():
        country = country_in_text(text) or (country_in_text(earlier) if earlier else None)
        if country:
            found[GIVEN_COUNTRY] = country
    return found


def contact_in(text: str) -> str | None:
    """The first e-mail address, else phone number, a message gives; None if none.

    The order number is left out before phones are looked for: a long order number is a
    run of digits like a phone's.
    """
    emails = emails_in(text)
    if emails:
        return emails[0]
    number = order_number(text)
    rest = text.replace(number, " ") if number else text
    return next((phone for phone in phones_in(rest) if clean_phone(phone)), None)
