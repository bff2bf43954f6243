"""Replies a store sends unedited (issue 15): a follow-up is not asked again for what the
shopper just gave, and a message's second question is answered too.

Rendered through the engine as the runtime builds it, in several languages; each test
asserts what the shopper would read.
"""

from __future__ import annotations

import pytest

from bot.orders.matching import order_number
from replies.also import ACKNOWLEDGE, also_templates, join
from replies.engine import SuggestionEngine
from replies.facts.link import link_request
from replies.library import load_library
from replies.reading import EarlierTurn
from tests.replies.shopper_figures import runtime_engine


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    """The runtime's library, classifier and store, deciding with the plain threshold: these
    tests are about the reply's words, not about when the engine abstains."""
    runtime = runtime_engine()
    return SuggestionEngine(
        runtime.library, runtime.classifier, runtime.detector, store=runtime.store
    )


# (language, the first message, the follow-up giving the e-mail, words asking for it again)
FOLLOW_UPS = [
    (
        "en",
        "Where is my order 55120? It should have arrived by now.",
        "my email is ana.garcia@example.com, it still hasn't come",
        ("order number and", "e-mail address or phone"),
    ),
    (
        "es",
        "¿Dónde está mi pedido 55120? Ya debería haber llegado.",
        "mi correo es ana.garcia@example.com, sigue sin llegar",
        ("número de pedido y", "correo electrónico o el teléfono"),
    ),
    (
        "de",
        "Wo bleibt meine Bestellung 55120? Sie sollte längst da sein.",
        "meine E-Mail ist ana.garcia@example.com, das Paket ist immer noch nicht da",
        ("Bestellnummer und", "E-Mail-Adresse oder Telefonnummer"),
    ),
    (
        "ja",
        "注文55120の荷物はどこですか？もう届いているはずです。",
        "メールはana.garcia@example.comです。まだ届いていません。",
        ("注文番号と", "メールアドレスまたは電話番号"),
    ),
]


@pytest.mark.parametrize(("language", "first", "follow_up", "asked_again"), FOLLOW_UPS)
def test_a_follow_up_is_not_asked_again_for_the_number_and_email_it_gave(
    engine: SuggestionEngine,
    language: str,
    first: str,
    follow_up: str,
    asked_again: tuple[str, ...],
) -> None:
    """The bug: "where is my order 55120?", then "my email is ...", answered with "please
    send us the order number and the e-mail address or phone number"."""
    earlier = EarlierTurn(first, "track_order")
    s = engine.suggest(follow_up, lang_hint=language, earlier=earlier)
    assert s.reply is not None, s
    assert s.asks_for == ()
    assert "55120" in s.reply  # the number they gave is named back
    for words in asked_again:
        assert words not in s.reply, s.reply
    assert link_request(language, "55120", contact=True) in s.reply


@pytest.mark.parametrize(
    ("language", "first", "follow_up", "asked"),
    [
        ("en", "my parcel never arrived, my email is ana.garcia@example.com",
         "any news on my parcel?",
         "also send us the order number"),
        ("es", "mi paquete nunca llegó, mi correo es ana.garcia@example.com",
         "¿alguna novedad de mi paquete perdido?", "también el número de pedido"),
        ("fr", "mon colis n'est jamais arrivé, mon e-mail est ana.garcia@example.com",
         "toujours pas de nouvelles de mon colis perdu ?", "aussi son numéro"),
    ],
)  # fmt: skip
def test_an_email_given_before_leaves_only_the_order_number_to_ask_for(
    engine: SuggestionEngine, language: str, first: str, follow_up: str, asked: str
) -> None:
    s = engine.suggest(follow_up, lang_hint=language, earlier=EarlierTurn(first, "lost_package"))
    assert s.reply is not None, s
    assert s.asks_for == ("order_number",)
    assert asked in s.reply, s.reply


def test_a_message_with_number_and_email_asks_for_nothing(engine: SuggestionEngine) -> None:
    s = engine.suggest(
        "Hola, ¿dónde está mi pedido 55120? Mi correo es ana.garcia@example.com", lang_hint="es"
    )
    assert s.reply is not None and s.asks_for == ()
    assert "envíanos" not in s.reply.casefold(), s.reply
    assert "Gracias por el número de pedido 55120" in s.reply


# (language, a message asking about a late parcel and payment methods, what the payment
# answer says in that language)
SECOND_QUESTIONS = [
    ("en", "My parcel is late. Can I still pay with PayPal?"),
    ("es", "Mi paquete va con retraso. ¿Puedo pagar con PayPal?"),
    ("fr", "Mon colis est en retard. Est-ce que je peux payer avec PayPal ?"),
    ("de", "Mein Paket ist verspätet. Kann ich auch mit PayPal bezahlen?"),
]


@pytest.mark.parametrize(("language", "text"), SECOND_QUESTIONS)
def test_a_second_question_is_answered_in_the_same_reply(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    """The bug: "my parcel is late. Can I pay with PayPal?" answered about one of the two."""
    s = engine.suggest(text, lang_hint=language)
    assert s.reply is not None and s.also_asks, s
    library = engine.library
    answered = [s.intent, *s.also_asks]
    assert {"delivery_delay", "check_payment_methods"} <= set(answered), answered
    second = library[s.also_asks[0]]
    expected = second.also.get(language) or ACKNOWLEDGE[language]
    start = expected.split("{")[0][:30]
    assert start in s.reply, s.reply
    assert s.reply.count(start) == 1


LIBRARY = load_library()


@pytest.mark.parametrize("language", ["en", "es", "pl", "ja", "ar"])
def test_an_unanswerable_second_question_is_acknowledged_once_in_the_shoppers_language(
    language: str,
) -> None:
    first = LIBRARY["track_order"]
    no_own = [spec for spec in LIBRARY.values() if not spec.also and spec.intent != first.intent]
    templates = also_templates(first, no_own[:2], language)
    assert templates == [ACKNOWLEDGE[language]]
    text = join("Reply.", templates, language)
    assert text.count(ACKNOWLEDGE[language]) == 1


def test_a_question_the_first_answer_covers_adds_nothing() -> None:
    covering = [spec for spec in LIBRARY.values() if spec.covers]
    assert covering, "no intent's answer covers another's question"
    for spec in covering:
        covered = [LIBRARY[name] for name in sorted(spec.covers)]
        assert also_templates(spec, covered, "es") == []


def test_sentences_join_without_a_gap_in_japanese_and_with_one_in_spanish() -> None:
    assert join("ご注文を承りました。", ["お支払い方法は画面に表示されます。"], "ja") == (
        "ご注文を承りました。お支払い方法は画面に表示されます。"
    )
    assert join("Hola, te ayudamos", ["También..."], "es") == "Hola, te ayudamos. También..."


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("my order number is 55120", "55120"),
        ("order number: 55120", "55120"),
        ("mi pedido es el 40022", "40022"),
        ("el número de pedido es 40022", "40022"),
        ("Meu pedido é o 66301.", "66301"),
        ("ma commande numéro 12345", "12345"),
        ("il mio ordine è il 77120", "77120"),
        ("Bestellung Nummer 12345", "12345"),
    ],
)
def test_an_order_number_after_is_or_number_is_found(text: str, number: str) -> None:
    """The bug: "Meu pedido é o 66301" answered "envie-nos o número do pedido"."""
    assert order_number(text) == number
    assert order_number("my order is 2 days late") is None


@pytest.mark.parametrize(
    ("language", "text", "asked_again"),
    [
        ("pt", "Vou ter que pagar taxa de importação no Brasil? Meu pedido é o 66301.",
         "o número do pedido e"),
        ("en", "Where is my parcel? My order number is 55120.", "the order number and"),
    ],
)  # fmt: skip
def test_a_number_written_as_my_order_is_is_not_asked_for_again(
    engine: SuggestionEngine, language: str, text: str, asked_again: str
) -> None:
    s = engine.suggest(text, lang_hint=language)
    assert s.reply is not None, s
    assert asked_again not in s.reply and s.asks_for == ("checkout_contact",), s.reply


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("es", "¿Puedo pagar con PayPal? ¿Y cuánto tarda el envío a México?", "México"),
        ("fr", "Est-ce que je peux payer avec PayPal ? Et combien de temps prend la livraison "
         "au Canada ?", "Canada"),
    ],
)  # fmt: skip
def test_a_second_questions_facts_come_from_the_message(
    engine: SuggestionEngine, language: str, text: str, country: str
) -> None:
    """The delivery time asked second names the country the message names, instead of
    asking the shopper for it."""
    s = engine.suggest(text, lang_hint=language)
    assert s.reply is not None and "delivery_period" in s.also_asks, s
    assert country in s.reply, s.reply
