"""The asks of an answer, written only for what the shopper's message does not give yet.

An answer that needs details from the shopper (which item goes back and why, the
company an invoice is made out to, which item is missing, the payment's details ...)
names each ask as a variable of its own sentence in the template: ``{return_ask}``,
``{company_ask}`` ... . This module writes that sentence in the reply's language from
what the message gives (``replies.facts.mentions``): the whole ask when it gives none of
it, only the missing part when it gives some ("please also send us the company's
address" to a shopper who named the SARL and its VAT number), and nothing when it gives
all of it, so the template's sentence is left out cleanly like any empty fact.

    ask("company_ask", "Facture pour SARL Vauban, TVA FR27512345678", "fr")
    # "Pour l'établir au nom de votre société, indiquez-nous aussi son adresse."
    ask("return_ask", "the jacket is too small", "en")   # ""
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from babel.lists import format_list

from replies.facts import ask_sentences as sentences
from replies.facts.mentions import (
    ACCOUNT_DETAIL,
    COMPANY_NAME,
    EXCHANGE_WANTED,
    EXPECTED_ITEM,
    MISSING_ITEM,
    NEIGHBOURS,
    NO_ORDER_MADE,
    PAYMENT_METHOD,
    RETURN_REASON,
    TAX_ID,
    message_gives,
)


def _regional[T](table: Mapping[str, T], locale: str) -> tuple[T, str]:
    """The table's entry for ``locale`` ("pt-PT"), else its language's, else English's,
    with the locale it was found under."""
    for key in (locale, locale.split("-")[0], "en"):
        if key in table:
            return table[key], key
    raise KeyError(locale)


def _one_detail(table: Mapping[str, str], detail: str) -> Callable[[frozenset[str], str], str]:
    """An ask of one detail: the table's sentence unless the message gives it."""

    def write(given: frozenset[str], locale: str) -> str:
        return "" if detail in given else _regional(table, locale)[0]

    return write


def _company(given: frozenset[str], locale: str) -> str:
    if not given & {COMPANY_NAME, TAX_ID}:  # no company named: asked on its condition
        return _regional(sentences.COMPANY_ALL, locale)[0]
    missing = [part for part in sentences.COMPANY_PARTS if part not in given]
    if not missing:
        return ""
    (sentence, parts), found = _regional(sentences.COMPANY_PART, locale)
    names = format_list([parts[part] for part in missing], locale=found.replace("-", "_"))
    return sentence.format(parts=names)


def _payment(given: frozenset[str], locale: str) -> str:
    every, without_method = _regional(sentences.PAYMENT, locale)[0]
    return without_method if PAYMENT_METHOD in given else every


def _delivered_check(given: frozenset[str], locale: str) -> str:
    every, without_neighbours = _regional(sentences.DELIVERED_CHECK, locale)[0]
    return without_neighbours if NEIGHBOURS in given else every


ASKS: Mapping[str, Callable[[frozenset[str], str], str]] = {
    "return_ask": _one_detail(sentences.RETURN, RETURN_REASON),
    "refund_ask": _one_detail(sentences.REFUND, RETURN_REASON),
    "missing_item_ask": _one_detail(sentences.MISSING, MISSING_ITEM),
    "expected_item_ask": _one_detail(sentences.EXPECTED, EXPECTED_ITEM),
    "account_detail_ask": _one_detail(sentences.ACCOUNT, ACCOUNT_DETAIL),
    "company_ask": _company,
    "payment_details_ask": _payment,
    "delivered_check": _delivered_check,
}
ASK_VARIABLES = frozenset(ASKS)


def payment_link(text: str, locale: str) -> str:
    """The sentence asking for the checkout contact of a payment that created no order,
    when ``text`` says so; empty otherwise (the order's link request is asked then)."""
    if NO_ORDER_MADE not in message_gives(text):
        return ""
    return _regional(sentences.PAYMENT_LINK, locale)[0]


def exchange_named(text: str, exchanges: bool | None, locale: str) -> str | None:
    """The store's exchange term for a message that names what it wants instead, without
    asking which one (``exchanges``: the desk file's term, None when unset); None when the
    message names nothing or the store does not exchange (its own sentence says so)."""
    if exchanges is False or EXCHANGE_WANTED not in message_gives(text):
        return None
    offered, unset = _regional(sentences.EXCHANGE_NAMED, locale)[0]
    return offered if exchanges else unset


def ask(variable: str, text: str, locale: str) -> str:
    """The sentence of ``variable`` (one of ``ASK_VARIABLES``) for the message ``text``, in
    ``locale``: a language ("pt"), or a language and the shopper's country ("pt-PT",
    "es-MX"), whose regional wording is used where there is one; empty when ``text`` gives
    every detail it asks for."""
    return ASKS[variable](message_gives(text), locale)
