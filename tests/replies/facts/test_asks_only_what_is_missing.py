"""An answer asks only for what the shopper's message does not give yet.

Sendability set 3 (issue 15) asked a shopper who named the SARL and its VAT number for
"its name, address and VAT number", asked which item was missing when it was named, and
asked for the payment method a Pix payer had just named. The asks are now parts of the
templates (``{company_ask}``, ``{missing_item_ask}`` ... written by
``replies.facts.asks``): the whole ask when the message gives none of it, only the
missing part when it gives some, and nothing when it gives all, in every language.
Fresh probes, written for this test.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.asks import ASK_VARIABLES, ON_A_CUE, ask, exchange_named, payment_link
from tests.replies.shopper_figures import runtime_engine

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")
# a message that gives everything each ask asks for
GIVES_ALL = {
    "return_ask": "the boots are too small",
    "refund_ask": "the kettle stopped working",
    "missing_item_ask": "the charger is missing from the box",
    "expected_item_ask": "a vase came instead of the candle holder",
    "account_detail_ask": "I typed my e-mail wrong when I signed up",
    "company_ask": "Invoice to Brightwell Ltd, 14 Mill Lane, Leeds, VAT GB123456789",
    "product_ask": "will the kettle work in the UK?",
    "availability_ask": "is the double duvet in grey back in stock?",
    "change_ask": "can you add another cushion cover to it?",
}
# asks whose sentence stays, shorter, when the message gives their detail
SHORTER = {
    "payment_details_ask": "paid by PayPal",
    "delivered_check": "asked the neighbours",
    "problem_ask": "the kettle leaks from the bottom",
    "address_ask": "the postcode should be 20135, not 20153",
    "newsletter_ask": "please unsubscribe me from the newsletter",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("variable", sorted(ASK_VARIABLES))
def test_each_ask_is_a_whole_sentence_in_every_language(variable: str, language: str) -> None:
    if variable in ON_A_CUE:  # asked only on a cue (a customs notice, a customs ID)
        assert ask(variable, "", language) == ""
        return
    sentence = ask(variable, "", language)
    assert sentence and sentence[-1] in ".。", sentence
    assert "{" not in sentence and "  " not in sentence
    if variable in GIVES_ALL:
        assert ask(variable, GIVES_ALL[variable], language) == ""
    else:
        shorter = ask(variable, SHORTER[variable], language)
        assert shorter and len(shorter) < len(sentence), shorter


@pytest.mark.parametrize(
    ("text", "language", "asked", "not_asked"),
    [
        # name and VAT number given: only the address
        (
            "Facture au nom de la SAS Mistral Atelier, TVA FR40123456789, merci",
            "fr",
            "son adresse",
            "TVA",
        ),
        (
            "Fattura intestata a Ottica Sole S.r.l., P.IVA IT01234567890",
            "it",
            "l'indirizzo della sede",
            "partita IVA",
        ),
        ("Счёт на ООО «Северный ветер», ИНН 7701234567", "ru", "адрес компании", "ИНН"),
        # a company and its address, no tax number: only the tax number
        (
            "Rechnung bitte an die Hafenblick Logistik GmbH, Kaistraße 12, 20457 Hamburg",
            "de",
            "Umsatzsteuer-Identifikationsnummer",
            "Anschrift",
        ),
        ("发票抬头：上海青木贸易有限公司", "zh", "公司地址和税号", "公司名称"),
    ],
)
def test_a_company_given_in_part_is_asked_only_the_rest(
    text: str, language: str, asked: str, not_asked: str
) -> None:
    sentence = ask("company_ask", text, language)
    assert asked in sentence and not_asked not in sentence, sentence


def test_a_payment_method_named_is_not_asked_again() -> None:
    pix = ask("payment_details_ask", "paguei com pix e o pedido não apareceu", "pt")
    assert "meio de pagamento" not in pix and "data e o valor" in pix, pix
    portugal = ask("payment_details_ask", "paguei por MB WAY e deu erro", "pt-PT")
    assert "método de pagamento" not in portugal and "comprovativo" in portugal, portugal
    unnamed = ask("payment_details_ask", "the payment failed", "en")
    assert "payment method" in unnamed, unnamed


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


LINKED = {"shopper_name": "Sam", "order_number": "40517", "order_status": "delivered"}
TRACKED = {**LINKED, "carrier": "DHL", "tracking_number": "JJD000390007884521"}


@pytest.mark.parametrize(
    ("intent", "language", "text", "gone", "kept"),
    [
        (
            "get_invoice",
            "fr",
            "Bonjour, pouvez-vous établir la facture de la commande 40517 au nom de la SAS "
            "Mistral Atelier, TVA FR40123456789 ? Merci",
            "raison sociale",
            "son adresse",
        ),
        (
            "missing_item",
            "es",
            "Hola, me llegó el pedido 40517 pero falta la funda del cojín",
            "qué artículo falta",
            "foto",
        ),
        (
            "missing_item",
            "de",
            "Hallo, in der Bestellung 40517 fehlt das Netzteil, der Rest ist da",
            "fehlenden Artikel",
            "Foto",
        ),
        (
            "wrong_item",
            "pl",
            "Dzień dobry, w zamówieniu 40517 zamiast czajnika przyszedł toster",
            "jaki produkt miał przyjść",
            "zdjęcie",
        ),
        (
            "return_item",
            "it",
            "Ciao, vorrei restituire la felpa dell'ordine 40517, è troppo piccola",
            "quali articoli vuoi restituire",
            "magazzino",
        ),
        (
            "lost_package",
            "de",
            "Laut DHL wurde mein Paket zu Bestellung 40517 gestern zugestellt, aber es ist nicht "
            "da. Die Nachbarn habe ich schon gefragt.",
            "Nachbarn",
            "Briefkasten",
        ),
        (
            "lost_package",
            "es",
            "el seguimiento del pedido 40517 dice entregado pero no tengo nada, ya pregunté a "
            "los vecinos",
            "vecinos",
            "buzón",
        ),
    ],
)
def test_a_detail_the_message_gives_is_not_asked_for(
    engine: SuggestionEngine, intent: str, language: str, text: str, gone: str, kept: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=TRACKED)
    assert s.intent == intent and s.reply_language == language and s.reply, s
    assert gone not in s.reply and kept in s.reply, s.reply


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        (
            "en",
            "Payment problem: I was charged on my PayPal but no order was created on your site",
            "order number",
        ),
        ("es", "pagué con Bizum, me cobraron y no se generó ningún pedido", "número de pedido"),
        ("de", "Ich habe per Sofort bezahlt, aber es gibt keine Bestellung", "Bestellnummer"),
    ],
)
def test_a_payment_that_created_no_order_is_not_asked_its_order_number(
    engine: SuggestionEngine, language: str, text: str, number: str
) -> None:
    s = engine.suggest(text, lang_hint=language)
    assert s.intent == "payment_issue" and s.reply, s
    assert number not in s.reply and ask("payment_details_ask", text, language) in s.reply
    assert payment_link(text, language) in s.reply, s.reply


@pytest.mark.parametrize(
    ("language", "text", "which"),
    [
        (
            "es",
            "Hola, las botas del pedido 40517 me quedan chicas, ¿puedo cambiarlas por un 39?",
            "dinos qué artículo quieres",
        ),
        (
            "fr",
            "Bonjour, le pull de la commande 40517 est trop petit, je peux l'échanger contre "
            "un L ?",
            "dites-nous quel article vous souhaitez",
        ),
        (
            "pl",
            "Dzień dobry, kurtka z zamówienia 40517 jest za mała, czy mogę wymienić na XL?",
            "napisz, jaki produkt chcesz",
        ),
    ],
)
def test_an_exchange_the_message_names_is_not_asked_for_again(
    engine: SuggestionEngine, language: str, text: str, which: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=TRACKED)
    assert s.intent == "return_item" and s.reply_language == language and s.reply, s
    assert which not in s.reply and exchange_named(text, None, language) in s.reply, s.reply


@pytest.mark.parametrize(
    ("intent", "language", "text", "asked"),
    [
        ("missing_item", "en", "Hi, something is missing from order 40517", "which item"),
        ("wrong_item", "ru", "Здравствуйте, в заказе 40517 пришёл не тот товар", "ожидали"),
        ("return_item", "nl", "Hoi, kan ik iets van bestelling 40517 terugsturen?", "waarom"),
    ],
)
def test_a_detail_the_message_does_not_give_is_still_asked_for(
    engine: SuggestionEngine, intent: str, language: str, text: str, asked: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=LINKED)
    assert s.intent == intent and s.reply and asked in s.reply, s
