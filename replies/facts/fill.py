"""Fill the fact variables a reply template uses, from the message, order and store terms.

The engine calls this once per suggestion with the template it is about to render; only
the variables the template names, and that the caller has not given already, are worked
out. Besides the reply variables, ``values`` may carry what is known about the shopper
and their order without being shown: ``order_country`` (the linked order's shipping
country), ``shopper_phone`` (an international number), ``ordered_on`` (the order date,
YYYY-MM-DD), ``estimated_on`` (the carrier's delivery estimate, YYYY-MM-DD: the
``delivery_estimate`` shown is already written out in the shopper's language),
``order_status`` and ``given_country`` (a country the conversation named before,
``replies.facts.given``).

    fact_variables("Plugs in Toronto?", "{plug_advice}", "en", {}, terms=ShippingTerms(),
                   today=date(2026, 12, 7))
    # {"plug_advice": "Canada: 120 V, 60 Hz, plug type A/B. Heating appliances ..."}
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date

from replies.facts.apologies import REPORTED_PROBLEM, no_exchange, refund_apology
from replies.facts.appliance_place import made_for, where_used
from replies.facts.asks import ASK_VARIABLES, ask, exchange_named, payment_link
from replies.facts.country import ShopperCountry, country_in_text, shopper_country
from replies.facts.customs import customs_advice, is_duty_bill
from replies.facts.deadline import deadline_sentence
from replies.facts.delivery import delivery_lateness, delivery_time, is_overdue
from replies.facts.duty_refund import duty_refund
from replies.facts.given import GIVEN_COUNTRY
from replies.facts.held_up import delay_cause
from replies.facts.link import link_request
from replies.facts.payments import charge_detail, payment_answer
from replies.facts.refund_amount import refund_amount
from replies.facts.returns import (
    asks_about_saturday,
    exchange_terms,
    faulty_return_postage,
    return_postage,
    saturday_delivery,
)
from replies.facts.ships_there import ships_there
from replies.facts.sizes import size_advice
from replies.facts.terms import ShippingTerms
from replies.facts.value import named_value
from replies.facts.voltage import plug_advice
from replies.situations import GIVEN_CONTACT, NO_ORDER_YET
from replies.variants import REPLY_LOCALE

logger = logging.getLogger(__name__)

_TERMS = {
    "return_postage": return_postage,
    "faulty_return_postage": faulty_return_postage,
    "exchange_terms": exchange_terms,
    "saturday_delivery": saturday_delivery,
}

FACT_VARIABLES = ASK_VARIABLES | frozenset(
    {
        "plug_advice",
        "size_advice",
        "delivery_time",
        "ships_there",
        "delivery_lateness",
        "delay_cause",
        "deadline",
        "duty_refund",
        "refund_amount",
        "customs_advice",
        "link_request",
        "return_postage",
        "faulty_return_postage",
        "exchange_terms",
        "saturday_delivery",
        "payment_answer",
        "charge_detail",
        "refund_apology",
    }
)
# Order statuses after which a question about customs is about a bill, not the terms.
_DELIVERED = frozenset({"delivered", "held_at_customs", "customs"})
# Orders that can no longer be late: delivered (a parcel not found is a lost parcel) or
# called off.
_CLOSED = frozenset({"delivered", "cancelled", "canceled", "refunded"})
_NAMED = re.compile(r"\{(\w+)\}")
# Days after ordering when an order with no tracking number yet (most often not shipped)
# has kept the shopper waiting too long, whether or not the store set delivery times: a
# question about it gets the late order's apology (``replies.also``).
UNSHIPPED_TOO_LONG = 10


def fact_variables(
    text: str,
    template: str,
    language: str,
    values: Mapping[str, str],
    *,
    terms: ShippingTerms,
    today: date,
    country: str | None = None,
    language_code: str | None = None,
) -> dict[str, str]:
    """The fact sentences ``template`` needs, in ``language``; never an empty one, but for
    the Saturday term, which is left out (empty) unless ``text`` asks about Saturdays, and
    the lateness, left out when nothing about the order's dates is known."""
    wanted = (set(_NAMED.findall(template)) & FACT_VARIABLES) - set(values)
    if not wanted:
        return {}
    facts: dict[str, str] = {}
    locale = language
    if wanted & (ASK_VARIABLES | {"link_request", "exchange_terms"}):
        locale = _locale(text, values, language, country, language_code)
    if "link_request" in wanted:
        # what the shopper gave (number, e-mail or phone): asked for again, it reads unread;
        # before buying there is no order to ask for (``replies.facts.placed``), nor after
        # a payment that created none: its checkout contact finds it (``.asks``)
        facts["link_request"] = (
            ""
            if values.get(NO_ORDER_YET)
            else payment_link(text, locale)
            or link_request(
                language, values.get("order_number"), contact=bool(values.get(GIVEN_CONTACT))
            )
        )
        wanted.discard("link_request")
        if not wanted:
            return facts
    # what the answer asks the shopper for, only what the message does not give yet
    # (``replies.facts.asks``), in the shopper's regional variant when there is one
    for name in wanted & ASK_VARIABLES:
        facts[name] = ask(name, text, locale)
    wanted -= ASK_VARIABLES
    problem = values.get(REPORTED_PROBLEM)
    if "refund_amount" in wanted:
        # "all my money back, or minus the shipping?" (``replies.facts.refund_amount``)
        # and a return's window: the last day to send it back, counted from a delivery
        facts["refund_amount"] = refund_amount(
            text,
            language,
            terms=terms,
            today=today,
            delivered_on=(
                _date(values.get("estimated_on")) if _status(values) == "delivered" else None
            ),
            window_told="{return_postage}" in template,
        )
        wanted.discard("refund_amount")
    if "refund_apology" in wanted:
        # regret for the problem a refund is demanded for, said first (``.apologies``)
        # (none before buying: a question about customs or delivery is no grievance)
        facts["refund_apology"] = (
            "" if values.get(NO_ORDER_YET) else refund_apology(problem, text, language)
        )
        wanted.discard("refund_apology")
    # the store's return and delivery terms: the same for every shopper; the Saturday
    # sentence only for a message that asks about Saturdays (left out cleanly otherwise),
    # and no exchange for an order that never arrived
    for name, sentence in _TERMS.items():
        if name in wanted:
            asked = name != "saturday_delivery" or asks_about_saturday(text)
            asked = asked and not (name == "exchange_terms" and no_exchange(problem))
            facts[name] = sentence(terms, language) if asked else ""
            wanted.discard(name)
    if facts.get("exchange_terms"):
        # the exchange the message names is not asked for again (``.asks``)
        named = exchange_named(text, terms.returns.exchanges, locale)
        facts["exchange_terms"] = named or facts["exchange_terms"]
    # what a payment question names: each method asked about, a double charge
    # (``replies.facts.payments``); left out cleanly when the message names neither
    if "payment_answer" in wanted:
        facts["payment_answer"] = payment_answer(text, language, terms)
    if "charge_detail" in wanted:
        facts["charge_detail"] = charge_detail(text, language)
    wanted -= {"payment_answer", "charge_detail"}
    if not wanted:
        return facts
    where = where_is_shopper(text, values, country=country, language_code=language_code)
    code = where.code if where else None
    # the country names in the fact sentences as the shopper's region writes them ("para a
    # Polónia" in Portugal); the sentences themselves are read by the base language
    regional = _locale(text, values, language, country, language_code)
    if "plug_advice" in wanted:
        # the store's appliances are made for the supply where it ships from
        # where the message says it will be used wins over the order's country, and the
        # appliance's own country ("ドイツ仕様") over the store's (``.appliance_place``)
        facts["plug_advice"] = plug_advice(
            where_used(text) or code,
            regional,
            store_country=terms.ships_from,
            made_for=made_for(text),
        )
    if "size_advice" in wanted:
        facts["size_advice"] = size_advice(text, language, code)
    if "ships_there" in wanted:
        # "do you ship to Chile?": yes with the time, or the team confirms both; the
        # delivery time sentence beside it would say the time a second time
        facts["ships_there"] = ships_there(text, code, terms, regional)
        if facts["ships_there"] and "delivery_time" in wanted:
            facts["delivery_time"] = ""
            wanted.discard("delivery_time")
    if "delivery_time" in wanted:
        facts["delivery_time"] = delivery_time(code, terms, regional)
    if "delivery_lateness" in wanted:
        facts["delivery_lateness"] = ""  # a delivered or cancelled order is not late
        if _status(values) not in _CLOSED:
            facts["delivery_lateness"] = delivery_lateness(
                _date(values.get("ordered_on")),
                code,
                terms,
                today,
                regional,
                estimated_on=_date(values.get("estimated_on")),
                estimate_shown=bool(str(values.get("delivery_estimate") or "").strip()),
                # the reply's own estimate line dates a passed estimate already
                estimate_in_reply="{delivery_estimate}" in template,
            )
    if "deadline" in wanted:
        # "can I get it before Christmas?": whether the time or the estimate meets the day
        # (``replies.facts.deadline``); a late order's answer speaks of a late order
        facts["deadline"] = deadline_sentence(
            text,
            language,
            today,
            window=terms.delivery.window_for(code) if code else None,
            linked=bool(_status(values)),
            late="{delivery_lateness}" in template
            or order_overdue(values, terms=terms, today=today, country=code),
            estimated_on=_date(values.get("estimated_on")),
            before_buying=bool(str(values.get(NO_ORDER_YET) or "").strip()),
            country=code,
        )
    if "delay_cause" in wanted:
        # customs named for an order the desk file shows crossing a customs border, or one
        # the message or the carrier's status places at customs ("висит на таможне",
        # "通関手続中"), unless it crosses none
        said = f"{text} {values.get('order_status') or ''}"
        facts["delay_cause"] = delay_cause(code, terms, language, said=said)
    if "duty_refund" in wanted:
        # a refund asked for in a customs answer: of the duty bill, by the store's terms,
        # or of a parcel customs holds (``replies.facts.duty_refund``); none before buying
        facts["duty_refund"] = (
            ""
            if values.get(NO_ORDER_YET)
            else duty_refund(
                text,
                bill=is_duty_bill(text) or _status(values) == "delivered",
                terms=terms,
                language=language,
            )
        )
    if "customs_advice" in wanted:
        # a charge named before buying ("will you charge me customs on top?") is no bill:
        # there is no parcel whose notice could be photographed
        asked_before_buying = bool(str(values.get(NO_ORDER_YET) or "").strip())
        bill = (is_duty_bill(text) and not asked_before_buying) or _status(values) in _DELIVERED
        facts["customs_advice"] = customs_advice(
            code,
            terms,
            regional,
            bill=bill,
            value=named_value(text),
            # an intent's full answer asks for the customs notice in its own words; a
            # second question's sentence ("{customs_advice}" alone) does not
            notice_asked=template.strip() != "{customs_advice}",
        )
    return facts


def order_overdue(
    values: Mapping[str, str],
    *,
    terms: ShippingTerms,
    today: date,
    country: str | None = None,
) -> bool:
    """Whether the linked order in ``values`` (``ordered_on``, ``estimated_on``, its
    country) has missed its carrier's estimate or the store's delivery time, or has had
    no tracking number for ``UNSHIPPED_TOO_LONG`` days: a question about where it is then
    gets the late order's apology too (``replies.also``)."""
    status = _status(values)
    if not status or status in _CLOSED:
        return False  # no linked order (nothing is known of its dates), or not on its way
    ordered_on = _date(values.get("ordered_on"))
    untracked = not str(values.get("tracking_number") or "").strip()
    if untracked and ordered_on is not None and (today - ordered_on).days >= UNSHIPPED_TOO_LONG:
        return True  # whatever the terms say, a wait that long without a shipment is one
    return is_overdue(
        _date(values.get("ordered_on")),
        country or values.get("order_country"),
        terms,
        today,
        estimated_on=_date(values.get("estimated_on")),
    )


def prepare() -> None:
    """Load the country names of all 14 languages now (about a second of Babel data), at
    startup, rather than during the first shopper's message."""
    country_in_text("")


def where_is_shopper(
    text: str,
    values: Mapping[str, str],
    *,
    country: str | None = None,
    language_code: str | None = None,
) -> ShopperCountry | None:
    """The shopper's country: the caller's (an order's), the order's, the phone's, the
    app language's region, or one the message names, else one the conversation named
    before (``replies.facts.given``)."""
    found = shopper_country(
        order_country=country or values.get("order_country"),
        phone=values.get("shopper_phone"),
        language_code=language_code,
        text=text,
    )
    given = str(values.get(GIVEN_COUNTRY) or "").strip().upper()
    if found is None and given:
        return ShopperCountry(code=given, source="message")
    return found


def _locale(
    text: str,
    values: Mapping[str, str],
    language: str,
    country: str | None,
    language_code: str | None,
) -> str:
    """The reply's language with the shopper's country ("pt-PT"), which the asks
    (``replies.facts.asks``) write in a regional wording where they have one: the
    regional variant the suggestion chose, else the shopper's country."""
    locale = str(values.get(REPLY_LOCALE) or "")
    if locale.startswith(language):
        return locale
    where = where_is_shopper(text, values, country=country, language_code=language_code)
    return f"{language}-{where.code}" if where else language


def _status(values: Mapping[str, str]) -> str:
    return str(values.get("order_status") or "").strip().lower()


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        logger.warning("order date %r is not a YYYY-MM-DD date; lateness left unknown", value)
        return None
