"""A refund asked for beside a customs bill or a parcel held at customs is answered by the
store's terms, and a refund answer to a shopper who waited long or threatens a chargeback
opens with an apology (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.apologies import refund_apology, waited_long
from replies.facts.duty_refund import asks_refund, duty_refund
from replies.facts.fill import fact_variables
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.library import load_library
from replies.situations import NO_ORDER_YET

LIBRARY = load_library()
TODAY = date(2026, 12, 7)
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")
DDP = parse_shipping({"customs": {"duties": "at_checkout"}})
DAP = parse_shipping({"customs": {"duties": "on_delivery"}})


@pytest.mark.parametrize(
    "text",
    [
        "fedex charged me 30 bucks import fee, will you refund it?",
        "me cobraron 25 euros de aduana, me lo devolvéis?",
        "la poste m'a fait payer 18€ de douane, vous me remboursez ?",
        "DHL wollte 22 Euro Zoll, erstattet ihr mir das?",
        "ho pagato 20 euro di dogana, me li rimborsate?",
        "paguei taxa de importação de 90 reais, vocês fazem estorno?",
        "30 euro invoerrechten betaald, krijg ik dat geld terug?",
        "zapłaciłem 80 zł cła, będzie zwrot?",
        "заплатил пошлину 2000 рублей, вернёте?",
        "gümrükte 500 TL ödedim, iade eder misiniz",
        "関税を3000円払いました。返金してもらえますか",
        "관세 3만원 냈는데 환불 되나요",
        "交了200元关税，能退款吗",
        "دفعت جمارك 20 دينار، هل يمكن استرداد المبلغ؟",
        "海关收了我150块税，这钱能退给我吗",
        "المندوب أخذ مني 30 درهم جمارك، هل ترجعون لي المبلغ؟",
    ],
)
def test_a_refund_of_a_duty_bill_is_heard_in_every_language(text: str) -> None:
    assert asks_refund(text)


def test_the_duty_refund_follows_the_stores_terms() -> None:
    text = "paid 40 dollars duty to the courier, refund?"
    assert "we will refund what you paid the carrier" in duty_refund(
        text, bill=True, terms=DDP, language="en"
    )
    assert "normally not refunded" in duty_refund(text, bill=True, terms=DAP, language="en")
    unknown = duty_refund(text, bill=True, terms=ShippingTerms(), language="en")
    assert "whether it can be refunded, our team will check" in unknown
    assert duty_refund("how much duty will I pay?", bill=True, terms=DAP, language="en") == ""


def test_a_parcel_held_at_customs_is_refunded_or_resent_if_it_cannot_be_released() -> None:
    said = duty_refund("stuck at customs 10 days, refund me", bill=False, terms=DAP, language="en")
    assert said.startswith("If customs cannot release the parcel, we will refund the order")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_case_is_its_own_sentence_in_every_language(language: str) -> None:
    said = {
        duty_refund("refund", bill=True, terms=DDP, language=language),
        duty_refund("refund", bill=True, terms=DAP, language=language),
        duty_refund("refund", bill=True, terms=ShippingTerms(), language=language),
        duty_refund("refund", bill=False, terms=DAP, language=language),
    }
    assert len(said) == 4 and all(s.strip() for s in said)


@pytest.mark.parametrize("situation", ["replies", "replies_without_tracking"])
def test_the_customs_answer_carries_the_refund_and_no_question_before_buying_does(
    situation: str,
) -> None:
    template = getattr(LIBRARY["customs_duties"], situation)["de"]
    text = "DHL hat 19 Euro Zoll kassiert, bekomme ich das zurück? erstattet ihr das?"
    linked = {"order_status": "delivered"}
    facts = fact_variables(text, template, "de", linked, terms=DAP, today=TODAY, country="CH")
    assert "normalerweise nicht erstattet" in facts["duty_refund"]
    template = LIBRARY["customs_duties"].replies_without_order["de"]
    before = {NO_ORDER_YET: "1"}
    facts = fact_variables(text, template, "de", before, terms=DAP, today=TODAY, country="CH")
    assert facts["duty_refund"] == "" and facts["refund_apology"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "my refund was approved 2 weeks ago and nothing yet",
        "llevo una semana esperando el reembolso",
        "remboursement toujours pas reçu",
        "seit drei Wochen warte ich auf die Erstattung",
        "aspetto il rimborso da 2 settimane",
        "já faz 3 semanas e nada do estorno",
        "wacht al 2 weken op mijn geld",
        "czekam na zwrot od 3 tygodni",
        "жду возврат уже 2 недели",
        "2 haftadır iademi bekliyorum",
        "返金を2週間待っています",
        "환불 2주째 기다리고 있어요",
        "退款等了两周还没到",
        "لسه مستني الفلوس من أسبوعين",
    ],
)
def test_a_long_wait_is_heard_in_every_language(text: str) -> None:
    assert waited_long(text)


def test_a_refund_status_answer_apologises_for_the_wait_or_the_threat() -> None:
    assert refund_apology(None, "3 weeks and still no refund", "en") == (
        "We're very sorry you have had to wait this long."
    )
    assert refund_apology(None, "sort it or I file a chargeback", "en") == (
        "We're very sorry for the trouble."
    )
    assert refund_apology(None, "when will the refund show up?", "en") == ""
    template = LIBRARY["track_refund"].replies["nl"]
    facts = fact_variables(
        "al 3 weken wachten op mijn geld", template, "nl", {}, terms=DAP, today=TODAY
    )
    assert facts["refund_apology"] == "Het spijt ons heel erg dat je zo lang hebt moeten wachten."
