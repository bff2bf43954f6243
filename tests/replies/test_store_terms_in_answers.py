"""The store's return and delivery terms inside the answers a shopper reads (issue 15):
who pays the return postage, exchanges, Saturday delivery; an address change that
promises only a check; customs answers that read naturally in every order situation; and
every second-question sentence of the library rendering whole in every language.
"""

from __future__ import annotations

import itertools

import pytest

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.ask_sentences import CUSTOMS_NOTICE
from replies.facts.asks import ask
from replies.facts.fill import fact_variables
from replies.facts.terms import ShippingError, ShippingTerms, parse_shipping
from replies.language import make_detector
from replies.library import load_library
from replies.situations import OrderSituation
from replies.store import StoreDetails
from tests.replies.test_rendering_every_case import (
    CALENDAR,
    LANGUAGES,
    NOW,
    facts_for,
    problems,
)

LIBRARY = load_library()
SET = parse_shipping(
    {
        "ships_from": "DE",
        "returns": {"postage": "shopper_unless_faulty", "exchanges": True},
        "saturday_delivery": False,
    }
)


def engine_with(terms: ShippingTerms) -> SuggestionEngine:
    classifier = IntentClassifier([(intent, intent) for intent in LIBRARY], intents=list(LIBRARY))
    store = StoreDetails("Vorlo", CALENDAR, lambda: NOW, shipping=terms)
    return SuggestionEngine(LIBRARY, classifier, make_detector("lingua", LANGUAGES), store=store)


SET_ENGINE = engine_with(SET)
UNSET_ENGINE = engine_with(ShippingTerms())
LINKED = facts_for("es", OrderSituation.WITHOUT_TRACKING)


@pytest.mark.parametrize(
    ("language", "shopper_pays", "unless_faulty"),
    [
        ("en", "return postage is paid by you", "unless the item is faulty"),
        ("es", "corre de tu cuenta", "salvo si el artículo es defectuoso"),
        ("de", "Rücksendekosten tragen Sie", "außer wenn der Artikel defekt ist"),
        ("ja", "お客様のご負担", "商品の不良"),
    ],
)
def test_a_return_says_who_pays_the_postage_as_the_store_set_it(
    language: str, shopper_pays: str, unless_faulty: str
) -> None:
    for situation in OrderSituation:
        text, _ = SET_ENGINE.render("return_item", language, facts_for(language, situation))
        assert shopper_pays in text and unless_faulty in text, text


@pytest.mark.parametrize("language", ["en", "es", "fr", "pl"])
def test_damaged_and_wrong_items_never_charge_the_shopper_when_the_store_pays_for_faults(
    language: str,
) -> None:
    ours = {"en": "is on us", "es": "corre de nuestra cuenta", "fr": "à notre charge"}
    ours["pl"] = "pokrywamy my"
    for intent in ("damaged_item", "wrong_item", "product_defect"):
        text, _ = SET_ENGINE.render(intent, language, LINKED)
        assert ours[language] in text, text


@pytest.mark.parametrize(
    ("language", "promise", "checked"),
    [
        ("en", "on us", "our team will tell you"),
        ("es", "de nuestra cuenta", "nuestro equipo te dirá"),
        ("it", "a carico nostro", "il nostro team ti dirà"),
        ("ko", "저희가 부담합니다", "담당팀"),
    ],
)
def test_terms_the_store_did_not_set_are_never_promised(
    language: str, promise: str, checked: str
) -> None:
    for intent in ("return_item", "damaged_item"):
        text, _ = UNSET_ENGINE.render(intent, language, LINKED)
        assert promise not in text, text
        assert checked.casefold() in text.casefold(), text


@pytest.mark.parametrize(
    ("language", "exchange", "question", "saturday"),
    [
        ("en", "If you'd rather have an exchange", "Do you deliver on Saturdays?",
         "We don't deliver on Saturdays"),
        ("es", "Si prefieres un cambio", "¿Entregáis los sábados?", "No entregamos en sábado"),
        ("fr", "Si vous préférez un échange", "Vous livrez le samedi ?",
         "Nous ne livrons pas le samedi"),
        ("zh", "如果您想换货", "周末可以送货吗？", "我们周六不派送"),
    ],
)  # fmt: skip
def test_exchanges_and_saturday_delivery_are_answered_with_the_return_and_delivery(
    language: str, exchange: str, question: str, saturday: str
) -> None:
    """ "Can I exchange it for a bigger size?" and "do you deliver on Saturday?" are details
    of a return and a delivery question: those answers say them, the Saturday term only
    when the message asks about it."""
    assert exchange in SET_ENGINE.render("return_item", language, LINKED)[0]
    for intent in ("delivery_options", "delivery_period"):
        template, _ = SET_ENGINE.template(intent, language, LINKED)
        facts = fact_variables(question, template, language, LINKED, terms=SET, today=NOW.date())
        assert saturday in SET_ENGINE.render(intent, language, {**LINKED, **facts})[0]
        assert saturday not in SET_ENGINE.render(intent, language, LINKED)[0]  # not asked


def test_a_wrong_return_term_in_the_desk_file_names_the_key() -> None:
    with pytest.raises(ShippingError, match=r"returns\.postage"):
        parse_shipping({"returns": {"postage": "free"}})
    with pytest.raises(ShippingError, match="saturday_delivery"):
        parse_shipping({"saturday_delivery": "sometimes"})


PROMISES = {
    "en": "no problem",
    "es": "sin problema",
    "fr": "pas de souci",
    "de": "kein Problem",
    "it": "nessun problema",
    "pt": "sem problema",
}
REDIRECT_CHECK = {
    "en": "whether",
    "es": "comprobará",
    "fr": "vérifiera",
    "de": "ob",
    "it": "verificherà",
    "pt": "verificar",
}


# "the house number is 14, not 41": what the message gives is read by the address ask
# (``replies.facts.asks``); with no message the whole address is asked plainly, never
# "send whatever your message doesn't include yet"
ONLY_WHAT_IS_MISSING = {
    "en": "whatever your message doesn't include yet",
    "es": "lo que falte en tu mensaje",
    "fr": "ce qui manque encore dans votre message",
    "de": "was davon in Ihrer Nachricht noch fehlt",
    "it": "ciò che manca ancora nel tuo messaggio",
    "pt": "o que ainda faltar na sua mensagem",
}


@pytest.mark.parametrize("language", sorted(PROMISES))
def test_an_address_change_promises_a_check_not_a_change(language: str) -> None:
    for situation in OrderSituation:
        text, _ = UNSET_ENGINE.render(
            "change_shipping_address", language, facts_for(language, situation)
        )
        assert PROMISES[language].casefold() not in text.casefold(), text
        assert REDIRECT_CHECK[language] in text, text
        assert ONLY_WHAT_IS_MISSING[language] not in text, text
        assert ask("address_ask", "", language) in text, text
        correction = ask("address_ask", "CAP 20135, non 20153", language)
        text, _ = UNSET_ENGINE.render(
            "change_shipping_address",
            language,
            {**facts_for(language, situation), "address_ask": correction},
        )
        assert correction in text and ONLY_WHAT_IS_MISSING[language] not in text, text


@pytest.mark.parametrize(
    ("language", "conditional", "bill"),
    [
        ("es", "Si tienes un aviso de aduanas", "el repartidor me pide 25 € de aduana"),
        ("fr", "Si vous avez reçu un avis de douane", "le livreur me demande 25 € de douane"),
        ("pt", "Se você recebeu um aviso da alfândega", "os Correios querem que eu pague R$ 90"),
    ],
)
def test_customs_answers_read_naturally_in_every_order_situation(
    language: str, conditional: str, bill: str
) -> None:
    """Linked: the notice is asked for only when the message has one; not linked: the
    number the shopper typed is named, not asked for again."""
    values = facts_for(language, OrderSituation.WITH_TRACKING)
    linked, _ = SET_ENGINE.render("customs_duties", language, values)
    assert conditional not in linked, linked
    template, _ = SET_ENGINE.template("customs_duties", language, values)
    facts = fact_variables(bill, template, language, values, terms=SET, today=NOW.date())
    billed, _ = SET_ENGINE.render("customs_duties", language, {**values, **facts})
    assert CUSTOMS_NOTICE[language][0] in billed, billed
    typed, _ = SET_ENGINE.render("customs_duties", language, {"order_number": "A10293"})
    assert "A10293" in typed
    assert not any(
        asked in typed
        for asked in ("junto con el número de pedido", "avec le numéro", "junto com o número")
    ), typed


ALSO = [(intent, spec) for intent, spec in sorted(LIBRARY.items()) if spec.also]


@pytest.mark.parametrize(
    ("intent", "language", "situation"),
    [
        (intent, language, situation)
        for (intent, _), language, situation in itertools.product(ALSO, LANGUAGES, OrderSituation)
    ],
)
def test_every_second_question_sentence_reads_whole(
    intent: str, language: str, situation: OrderSituation
) -> None:
    template = LIBRARY[intent].also[language]
    for engine in (SET_ENGINE, UNSET_ENGINE):
        text = engine.fill(template, language, facts_for(language, situation))
        assert not problems(text, language, situation), text
