"""An invoice answer does not ask for the company details the message already gives.

Sendability set 3 (#11): a shopper who asked for an invoice made out to a named SARL with
its VAT number read "if your message does not contain its details yet, tell us its name,
address and VAT number". When the message names a company by its legal form and gives a
tax number, that conditional clause is taken out (``replies.facts.asked``), in every
language, from the answer with and without a linked order and from the second-question
sentence; with only part of it given, the clause stays. Fresh probes, written for this
test.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.asked import drop_known_asks, gives_company
from replies.library import load_library
from replies.render import render
from tests.replies.shopper_figures import runtime_engine

SPEC = load_library()["get_invoice"]
VALUES = {"shopper_name": "Sam", "order_number": "40517", "link_request": "LINK."}
# a message that gives a company name and its tax number (the clause's test is the same
# in every language: a legal form and a tax number)
COMPANY = "Rechnung bitte an die Hafenblick Logistik GmbH, USt-IdNr. DE287654319"

# words of the clause's request, per language: none must be left once it is dropped
TAX_WORDS: dict[str, str | tuple[str, ...]] = {
    "en": "VAT",
    "es": ("fiscal", "NIF"),
    "fr": "TVA",
    "de": "USt-IdNr",
    "it": "partita IVA",
    "pt": ("fiscal", "NIF"),
    "nl": "btw-nummer",
    "pl": "NIP",
    "ru": ("ИНН", "налоговый номер"),
    "tr": "vergi numara",
    "ja": "税番号",
    "ko": "번호",
    "zh": "税号",
    "ar": "الضريبي",
}


def _words(language: str) -> tuple[str, ...]:
    words = TAX_WORDS[language]
    return words if isinstance(words, tuple) else (words,)


def _texts() -> list[tuple[str, str]]:
    fields = (SPEC.replies, SPEC.replies_without_order or {}, SPEC.also or {})
    return [(language, texts[language]) for texts in fields for language in texts]


@pytest.mark.parametrize(("language", "template"), _texts())
def test_the_company_clause_goes_and_the_rest_of_the_answer_stays(
    language: str, template: str
) -> None:
    reply = render(template, language, VALUES)
    assert drop_known_asks(reply, language, "the invoice for my order please") == reply
    shorter = drop_known_asks(reply, language, COMPANY)
    words = [w for w in _words(language) if w in reply]
    assert words and not any(w in shorter for w in words), shorter
    # what the answer said before the clause is kept, ended as a sentence
    assert shorter and shorter[-1] in ".。", shorter
    assert ";." not in shorter and ",." not in shorter and "،." not in shorter, shorter
    if "40517" in reply:
        assert "40517" in shorter


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Factura a nombre de Reformas Lago S.L., NIF B12345678, por favor", True),
        ("Poproszę fakturę na firmę Kowalski Sp. z o.o., NIP 526-104-08-28", True),
        ("請求書は株式会社ミドリ宛でお願いします。法人番号 1234567890123", True),
        ("Fattura intestata a Ottica Sole S.r.l., P.IVA IT01234567890", True),
        ("Счёт на ООО «Северный ветер», ИНН 7701234567, пожалуйста", True),
        ("发票抬头：上海青木贸易有限公司，税号 91310000123456789X", True),
        # a company without its tax number, a number without a company: still asked
        ("Factura a nombre de Reformas Lago S.L., por favor", False),
        ("Can I get an invoice? My VAT is GB123456789", False),
        ("I need an invoice for order 55123, my e-mail is li@example.com", False),
    ],
)
def test_a_company_is_given_by_its_legal_form_and_tax_number(text: str, given: bool) -> None:
    assert gives_company(text) is given


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        (
            "es",
            "Hola, necesito la factura del pedido 38816 a nombre de Reformas Lago S.L., "
            "NIF B12345678. Gracias",
            "fiscal",
        ),
        (
            "pl",
            "Dzień dobry, proszę o fakturę do zamówienia 38816 na firmę Kowalski Sp. z o.o., "
            "NIP 5261040828.",
            "NIP",
        ),
        (
            "ja",
            "注文38816の請求書を株式会社ミドリ宛で発行してください。法人番号 1234567890123",
            "税番号",
        ),
        (
            "en",
            "Could you send the invoice for order 38816 to Brightwell Ltd, VAT GB123456789?",
            "VAT",
        ),
    ],
)
def test_an_invoice_request_with_the_company_is_not_asked_for_it(
    engine: SuggestionEngine, language: str, text: str, word: str
) -> None:
    linked = {"shopper_name": "Sam", "order_number": "38816"}
    s = engine.suggest(text, lang_hint=language, variables=linked)
    assert s.intent == "get_invoice" and s.reply_language == language, s
    assert s.reply and "38816" in s.reply and word not in s.reply, s.reply


def test_without_the_tax_number_the_company_details_are_still_asked_for(
    engine: SuggestionEngine,
) -> None:
    text = "Hola, necesito la factura del pedido 38816 a nombre de Reformas Lago S.L."
    s = engine.suggest(text, lang_hint="es", variables={"order_number": "38816"})
    assert s.intent == "get_invoice" and s.reply and "a nombre de una empresa" in s.reply, s
