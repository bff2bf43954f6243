"""Payment questions answered for what was asked (issue 15): the method the shopper names,
from the store's list in the desk file, and a double charge answered as one."""

from __future__ import annotations

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.fill import fact_variables
from replies.facts.payments import (
    WRITTEN,
    charge_detail,
    method_name,
    methods_in,
    payment_answer,
)
from replies.facts.terms import PAYMENT_METHODS, ShippingError, ShippingTerms, parse_shipping
from tests.replies.test_rendering_every_case import NOW

LISTED = parse_shipping({"payment_methods": ["card", "paypal", "klarna", "invoice"]})
UNLISTED = ShippingTerms()


@pytest.mark.parametrize(
    ("text", "methods"),
    [
        ("Kann ich bei euch auch auf Rechnung zahlen?", ["invoice"]),
        ("geht paypal oder nur kreditkarte?", ["card", "paypal"]),
        ("¿aceptáis pago contra reembolso?", ["cash_on_delivery"]),
        ("Est-ce que je peux payer avec Apple Pay ?", ["apple_pay"]),
        ("czy mogę zapłacić BLIKIEM albo przelewem?", ["bank_transfer", "blik"]),
        ("代引きは使えますか？", ["cash_on_delivery"]),
        ("페이팔 결제 되나요?", ["paypal"]),
        ("可以用支付宝吗", ["alipay"]),
        ("هل فيه دفع عند الاستلام؟", ["cash_on_delivery"]),
        ("وهل تقبلون أبل باي؟", ["apple_pay"]),
        ("kapıda ödeme var mı?", ["cash_on_delivery"]),
        # a word that is also a payment brand, not used as one
        ("not ideal that the parcel is late, I need it sofort", []),
        ("Kann ich mit Geschenkkarte zahlen?", []),
    ],
)
def test_the_methods_a_shopper_names_are_found_in_every_script(
    text: str, methods: list[str]
) -> None:
    assert methods_in(text) == methods


def test_a_listed_method_is_confirmed_and_an_unlisted_one_names_the_alternatives() -> None:
    assert payment_answer("Geht Zahlung mit PayPal?", "de", LISTED) == (
        "PayPal: Ja, diese Zahlungsart bieten wir an; Sie wählen sie an der Kasse aus."
    )
    unlisted = payment_answer("¿Se puede pagar contra reembolso?", "es", LISTED)
    assert unlisted.startswith("Contra reembolso: lo sentimos, no ofrecemos")
    assert unlisted.endswith("tarjeta, PayPal, Klarna, pago aplazado con factura.")


def test_without_the_stores_list_nothing_is_promised_and_the_team_confirms() -> None:
    answer = payment_answer("Kann ich mit Klarna zahlen?", "de", UNLISTED)
    assert answer.startswith("Klarna: Unser Team bestätigt Ihnen")
    assert "Ja" not in answer and "nicht an" not in answer


def test_a_message_naming_no_method_adds_nothing() -> None:
    assert payment_answer("welche Zahlungsarten gibt es?", "de", LISTED) == ""
    assert charge_detail("my payment failed", "en") == ""


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Mir wurde der Betrag zweimal abgebucht"),
        ("fr", "j'ai été débitée deux fois"),
        ("pl", "pobrało mi dwa razy pieniądze"),
        ("ru", "деньги списали дважды"),
        ("ja", "二重に請求されています"),
        ("zh", "扣了两次钱"),
        ("ar", "انخصم المبلغ مرتين"),
    ],
)
def test_a_double_charge_is_answered_as_one_in_each_language(language: str, text: str) -> None:
    sentence = charge_detail(text, language)
    assert sentence and sentence != charge_detail(text, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_method_has_a_name_and_every_answer_reads_in_every_language(
    language: str,
) -> None:
    assert set(WRITTEN) == set(PAYMENT_METHODS)  # every method a store lists is read
    for method in PAYMENT_METHODS:
        assert method_name(method, language).strip()
    everything = parse_shipping({"payment_methods": list(PAYMENT_METHODS)})
    for terms in (LISTED, UNLISTED, everything):
        answer = payment_answer("paypal? nachnahme? bizum?", language, terms)
        assert answer and "{" not in answer and "  " not in answer


def test_the_payment_sentences_fill_the_library_variables_from_the_message() -> None:
    template = "{payment_answer} {charge_detail}"
    facts = fact_variables(
        "charged twice, and can I use Klarna next time?",
        template,
        "en",
        {},
        terms=LISTED,
        today=NOW.date(),
    )
    assert facts["payment_answer"].startswith("Klarna: yes")
    assert facts["charge_detail"].startswith("If you see the amount twice")


@pytest.mark.parametrize("value", [["paypal", "bitcoin"], "paypal", [], {"paypal": True}])
def test_a_wrong_payment_list_names_the_key(value: object) -> None:
    with pytest.raises(ShippingError, match="payment_methods"):
        parse_shipping({"payment_methods": value})
