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
from replies.facts import customs_ids
from replies.facts.customs import is_duty_bill
from replies.facts.mentions import (
    ACCOUNT_DETAIL,
    BEFORE_BUYING,
    CHANGE_NAMED,
    COMPANY_NAME,
    CUSTOMS_NOTICE,
    EXCHANGE_WANTED,
    EXPECTED_ITEM,
    KOREAN_CUSTOMS_CODE,
    LOCKER_GIVEN,
    LOCKER_WANTED,
    MISSING_ITEM,
    NEIGHBOURS,
    NEW_POSTCODE,
    NEW_STREET,
    NO_ORDER_MADE,
    PACKSTATION,
    PAYMENT_METHOD,
    PROBLEM_DESCRIBED,
    PRODUCT_NAMED,
    REAL_NAME_CHECK,
    RETURN_REASON,
    SUBSCRIBE,
    TAX_ID,
    UNSUBSCRIBE,
    VARIANT_NAMED,
    message_gives,
)
from replies.facts.placed import about_a_placed_order


def _regional[T](table: Mapping[str, T], locale: str) -> tuple[T, str]:
    """The table's entry for ``locale`` ("pt-PT"), else its language's, else English's,
    with the locale it was found under."""
    for key in (locale, locale.split("-")[0], "en"):
        if key in table:
            return table[key], key
    raise KeyError(locale)


# Each ask reads what the message gives (``given``), in ``locale``; a few also read the
# message itself (``text``).
type Ask = Callable[[frozenset[str], str, str], str]


def _one_detail(table: Mapping[str, str], *details: str) -> Ask:
    """An ask of one detail: the table's sentence unless the message gives it (any of
    ``details`` counts)."""

    def write(given: frozenset[str], locale: str, text: str) -> str:
        return "" if given & set(details) else _regional(table, locale)[0]

    return write


def _company(given: frozenset[str], locale: str, text: str) -> str:
    if not given & {COMPANY_NAME, TAX_ID}:  # no company named: asked on its condition
        return _regional(sentences.COMPANY_ALL, locale)[0]
    missing = [part for part in sentences.COMPANY_PARTS if part not in given]
    if not missing:
        return ""
    (sentence, parts), found = _regional(sentences.COMPANY_PART, locale)
    names = format_list([parts[part] for part in missing], locale=found.replace("-", "_"))
    return sentence.format(parts=names)


def _payment(given: frozenset[str], locale: str, text: str) -> str:
    every, without_method = _regional(sentences.PAYMENT, locale)[0]
    return without_method if PAYMENT_METHOD in given else every


def _delivered_check(given: frozenset[str], locale: str, text: str) -> str:
    every, without_neighbours = _regional(sentences.DELIVERED_CHECK, locale)[0]
    return without_neighbours if NEIGHBOURS in given else every


def _refund(given: frozenset[str], locale: str, text: str) -> str:
    """Why, and for which item: nothing when the message says why (a reason names or
    means the item: "the kettle leaks", "three weeks late"), only why when it names the
    product alone."""
    if RETURN_REASON in given:
        return ""
    table = sentences.REFUND_REASON if PRODUCT_NAMED in given else sentences.REFUND
    return _regional(table, locale)[0]


def _problem(given: frozenset[str], locale: str, text: str) -> str:
    """A photo or video of a fault, and what happens only when the message does not
    describe it ("stopped heating, the light keeps blinking orange")."""
    described, undescribed = _regional(sentences.PROBLEM, locale)[0]
    return described if PROBLEM_DESCRIBED in given else undescribed


def _availability(given: frozenset[str], locale: str, text: str) -> str:
    """The product and its version: nothing when both are named ("il piumone matrimoniale")."""
    if PRODUCT_NAMED not in given:
        return _regional(sentences.AVAILABILITY, locale)[0][0]
    return "" if VARIANT_NAMED in given else _regional(sentences.AVAILABILITY, locale)[0][1]


def _address(given: frozenset[str], locale: str, text: str) -> str:
    """The new address: noted when the message gives the change (a postcode put right, a
    street and number, a locker's number), the locker's details when one is wanted without
    them, else the whole address."""
    whole, locker, packstation, noted = _regional(sentences.ADDRESS, locale)[0]
    if given & {NEW_POSTCODE, NEW_STREET, LOCKER_GIVEN}:
        return noted
    if LOCKER_WANTED in given:
        return packstation if PACKSTATION in given else locker
    return whole


def _newsletter(given: frozenset[str], locale: str, text: str) -> str:
    """The e-mail, and which way only when the message does not say ("too many mails,
    how do I stop them?" is an unsubscribe)."""
    both, unsubscribe, subscribe = _regional(sentences.NEWSLETTER, locale)[0]
    if UNSUBSCRIBE in given:
        return unsubscribe
    return subscribe if SUBSCRIBE in given else both


def _customs_id(given: frozenset[str], locale: str, text: str) -> str:
    """What a customs ID the message names is and what to do (``.customs_ids``)."""
    if KOREAN_CUSTOMS_CODE in given:
        return _regional(customs_ids.KOREAN_CODE, locale)[0]
    if REAL_NAME_CHECK in given:
        return _regional(customs_ids.REAL_NAME, locale)[0]
    return ""


def _customs_notice(given: frozenset[str], locale: str, text: str) -> str:
    """The customs notice: asked for when the message has one (a notice, a bill, an
    amount to pay), offered for later about an order placed, and not at all before buying
    ("will I have to pay customs?" has no notice yet) nor beside a customs ID's answer."""
    in_hand, later = _regional(sentences.CUSTOMS_NOTICE, locale)[0]
    if CUSTOMS_NOTICE in given or (is_duty_bill(text) and BEFORE_BUYING not in given):
        return in_hand
    if given & {KOREAN_CUSTOMS_CODE, REAL_NAME_CHECK}:
        return ""
    return later if about_a_placed_order(text, {}) else ""


ASKS: Mapping[str, Ask] = {
    # an item named needs no reason to go back (a withdrawal needs none); a reason names it
    "return_ask": _one_detail(sentences.RETURN, RETURN_REASON, PRODUCT_NAMED),
    "refund_ask": _refund,
    "missing_item_ask": _one_detail(sentences.MISSING, MISSING_ITEM),
    "expected_item_ask": _one_detail(sentences.EXPECTED, EXPECTED_ITEM),
    "account_detail_ask": _one_detail(sentences.ACCOUNT, ACCOUNT_DETAIL),
    "company_ask": _company,
    "payment_details_ask": _payment,
    "delivered_check": _delivered_check,
    "problem_ask": _problem,
    "product_ask": _one_detail(sentences.PRODUCT, PRODUCT_NAMED),
    "availability_ask": _availability,
    "change_ask": _one_detail(sentences.CHANGE, CHANGE_NAMED),
    "address_ask": _address,
    "customs_notice_ask": _customs_notice,
    "customs_id": _customs_id,
    "newsletter_ask": _newsletter,
}
# Asks written only on a cue in the message (empty for a message that gives none).
ON_A_CUE = frozenset({"customs_notice_ask", "customs_id"})
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
    return ASKS[variable](message_gives(text), locale, text)
