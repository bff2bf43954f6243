""" "All my money back, or minus the shipping?" is answered in a refund-policy answer, in
every language, and nothing is added when the message does not ask it (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.fill import fact_variables
from replies.facts.refund_amount import asks_refund_amount, refund_amount
from replies.facts.terms import ShippingTerms
from replies.library import load_library

LIBRARY = load_library()
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")


@pytest.mark.parametrize(
    "text",
    [
        "if I send the lamp back do I get a full refund or do you deduct postage",
        "me devolvéis todo el dinero si lo devuelvo?",
        "est-ce que vous remboursez les frais de port aussi ?",
        "zieht ihr bei der Rücksendung die Versandkosten ab?",
        "il rimborso è totale o trattenete qualcosa?",
        "vocês devolvem o frete também?",
        "krijg ik het hele bedrag terug bij retour?",
        "czy przy zwrocie oddajecie całą kwotę?",
        "при возврате вернёте всю сумму?",
        "iade edersem kargo ücreti de geri geliyor mu",
        "返品したら送料も返金されますか",
        "반품하면 배송비도 환불되나요",
        "退货的话运费退吗",
        "لو رجعت المنتج هل تسترد رسوم الشحن؟",
    ],
)
def test_a_question_about_the_whole_amount_is_heard_in_every_language(text: str) -> None:
    assert asks_refund_amount(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_refund_policy_answer_says_who_confirms_the_amount(language: str) -> None:
    template = LIBRARY["check_refund_policy"].replies[language]
    terms = ShippingTerms()
    asked = fact_variables(
        "full refund or minus shipping?",
        template,
        language,
        {},
        terms=terms,
        today=date(2026, 12, 7),
    )
    assert asked["refund_amount"] == refund_amount("full refund", language) != ""
    plain = fact_variables(
        "what is your refund policy?",
        template,
        language,
        {},
        terms=terms,
        today=date(2026, 12, 7),
    )
    assert plain["refund_amount"] == ""
