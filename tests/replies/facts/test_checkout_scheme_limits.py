"""UK VAT and IOSS are collected at checkout only for orders up to GBP 135 and EUR 150.

Sendability set 3 (#31, with the example desk file): "if I order for about 200 pounds,
will I pay duty or VAT on delivery?" was told UK VAT is paid at checkout, so nothing is
due on delivery: false, the store collects it only up to GBP 135. Fresh probes, written
for this test: an order the message values above the limit is told the taxes are paid on
delivery; one below it, or one with no value, keeps the checkout answer.
"""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.customs import customs_advice
from replies.facts.fill import fact_variables
from replies.facts.terms import parse_shipping
from replies.facts.value import named_value

# A store shipping from outside both the EU and the UK that collects UK VAT and IOSS.
TERMS = parse_shipping(
    {"ships_from": "US", "customs": {"duties": "on_delivery", "ioss": True, "uk_vat": True}}
)
TODAY = date(2026, 12, 7)
# The same store without the schemes: what an order above their limits is told.
NO_SCHEMES = parse_shipping({"ships_from": "US", "customs": {"duties": "on_delivery"}})


def customs(text: str, language: str, country: str) -> str:
    facts = fact_variables(
        text, "{customs_advice}", language, {}, terms=TERMS, today=TODAY, country=country
    )
    return facts["customs_advice"]


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("If I spend around £180 on lamps, do I pay VAT when it arrives?", "en", "GB"),
        ("zamawiam za 320 funtów do Manchesteru, czy zapłacę VAT przy odbiorze?", "pl", "GB"),
        ("Ich bestelle für 210 Pfund nach London, fällt bei Lieferung noch MwSt an?", "de", "GB"),
        ("Если заказать на 250 фунтов в Лондон, платить НДС при получении?", "ru", "GB"),
        ("Pour une commande de 400 € en Belgique, je paie la TVA à la livraison ?", "fr", "BE"),
        ("スペインに300ユーロ分注文したら、受け取り時に税金はかかりますか？", "ja", "ES"),
        ("si pido 175 euros a Italia, ¿pago impuestos al recibirlo?", "es", "IT"),
    ],
)
def test_an_order_above_the_schemes_limit_pays_on_delivery(
    text: str, language: str, country: str
) -> None:
    said = customs(text, language, country)
    on_delivery = {customs_advice(country, NO_SCHEMES, language, bill=b) for b in (False, True)}
    assert said in on_delivery


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("If I order £60 of candles to Leeds, will I pay anything at the door?", "en", "GB"),
        ("do I pay VAT on delivery to Glasgow?", "en", "GB"),
        (
            "Si je commande pour 90 euros en Belgique, je paie quelque chose à la livraison ?",
            "fr",
            "BE",
        ),
    ],
)
def test_an_order_within_the_limit_or_of_no_named_value_is_paid_at_checkout(
    text: str, language: str, country: str
) -> None:
    said = customs(text, language, country)
    at_checkout = {customs_advice(country, TERMS, language, bill=b) for b in (False, True)}
    assert said in at_checkout
    assert said not in {
        customs_advice(country, NO_SCHEMES, language, bill=b) for b in (False, True)
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("za jakieś 200 funtów", ("GBP", 200.0)),
        ("£1,250.50 in total", ("GBP", 1250.5)),
        ("1.250,50 € insgesamt", ("EUR", 1250.5)),
        ("200ポンドの注文", ("GBP", 200.0)),
        ("طلب بقيمة 200 يورو", ("EUR", 200.0)),
        ("$46.80 in duties", None),
        ("order 40981, 3 lamps", None),
        ("european shipping?", None),
    ],
)
def test_the_value_a_message_names(text: str, value: tuple[str, float] | None) -> None:
    assert named_value(text) == value
