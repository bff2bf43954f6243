"""A charge named before buying is no customs bill: no notice is asked for.

Sendability set 3 (#5): "do you ship to Argentina? will you charge me customs on top??"
was answered, in the default environment, "before you pay, send us a photo of the
notice": the shopper has not ordered, so there is no parcel and no notice. Fresh probes,
labelled "asked before buying" before they were run; a shopper with a parcel and a
charge in hand is still told not to pay before we check.
"""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.customs import customs_advice
from replies.facts.fill import fact_variables
from replies.facts.placed import no_order_yet
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.situations import NO_ORDER_YET

DEFAULT = parse_shipping({})
DESK = parse_shipping({"ships_from": "DE", "customs": {"duties": "on_delivery"}})
TODAY = date(2026, 12, 7)

BEFORE_BUYING = [
    ("si compro desde Chile, ¿me cobran aduana aparte?", "es", "CL"),
    ("if I order from Canada do you charge customs on top or is it included?", "en", "CA"),
    ("Si je commande depuis la Suisse, on me demande de payer la douane en plus ?", "fr", "CH"),
    ("Wenn ich aus Norwegen bestelle, verlangt die Post dann Zoll?", "de", "NO"),
]
WITH_A_PARCEL = [
    ("mi pedido 51234 llegó y el cartero me cobra 30 € de aduana", "es", "CL"),
    ("the courier wants me to pay 25 € customs on my order 51234", "en", "CA"),
]


def customs(text: str, language: str, country: str, terms: ShippingTerms) -> str:
    values = {NO_ORDER_YET: "yes"} if no_order_yet("customs_duties", text, {}) else {}
    facts = fact_variables(
        text, "{customs_advice}", language, values, terms=terms, today=TODAY, country=country
    )
    return facts["customs_advice"]


@pytest.mark.parametrize("terms", [DEFAULT, DESK], ids=["default", "desk-file"])
@pytest.mark.parametrize(("text", "language", "country"), BEFORE_BUYING)
def test_a_question_before_buying_gets_the_terms_not_a_bill_answer(
    text: str, language: str, country: str, terms: ShippingTerms
) -> None:
    assert no_order_yet("customs_duties", text, {})
    said = customs(text, language, country, terms)
    assert said == customs_advice(country, terms, language, bill=False)
    assert said != customs_advice(country, terms, language, bill=True)


@pytest.mark.parametrize("terms", [DEFAULT, DESK], ids=["default", "desk-file"])
@pytest.mark.parametrize(("text", "language", "country"), WITH_A_PARCEL)
def test_a_charge_on_a_parcel_is_still_a_bill(
    text: str, language: str, country: str, terms: ShippingTerms
) -> None:
    assert customs(text, language, country, terms) == customs_advice(
        country, terms, language, bill=True
    )
