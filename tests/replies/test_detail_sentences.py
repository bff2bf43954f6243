"""A sentence that only gives a detail is not a question (issue 15).

The demo's "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une.
Mon e-mail : elodie.bernard@example.fr" was read as editing the account, too unsure to be
suggested, with "also asks about: Edit account details" on the card; "Meu pedido é o
66301." beside a customs question was shown as a second question. Run through the engine
as the runtime builds it (``replies.details``, ``replies.reading``).
"""

from __future__ import annotations

import pytest

from replies.details import gives_only_a_detail, is_a_label
from replies.engine import SuggestionEngine
from replies.reading import EarlierTurn, read_message
from tests.replies.shopper_figures import runtime_engine

ELODIE = (
    "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une. "
    "Mon e-mail : elodie.bernard@example.fr"
)
# as the demo's stand-in translator gives it to the engine (bot/demo_phrasebook.py)
ELODIE_IN_ENGLISH = (
    "Hello, I would like to change my order #10437: two mugs instead of one. "
    "My e-mail: elodie.bernard@example.fr"
)


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize("english", [None, ELODIE_IN_ENGLISH])
def test_the_demos_order_change_with_an_email_line_is_suggested_with_no_also(
    engine: SuggestionEngine, english: str | None
) -> None:
    s = engine.suggest(ELODIE, lang_hint="fr", english=english)
    assert s.intent == "change_order" and s.reply is not None, s
    assert s.also_asks == (), s


# (language, a question, a sentence that only gives a detail, the question's intent)
BESIDE_A_QUESTION = [
    ("pt", "Vou ter que pagar taxa de importação no Brasil?", "Meu pedido é o 66301.",
     "customs_duties"),
    ("en", "Can I still change the size of the shoes I ordered?",
     "My email is ana.garcia@example.com", "change_order"),
    ("es", "¿Puedo pagar con PayPal?", "Mi correo: lucia.perez@example.es",
     "check_payment_methods"),
    ("de", "Ich möchte meine Bestellung stornieren.", "Tel: +49 151 12345678",
     "cancel_order"),
    ("it", "Vorrei la fattura per il mio ordine.", "Il mio ordine è il 77120.",
     "get_invoice"),
    ("nl", "Ik wil mijn bestelling annuleren.", "Mijn bestelnummer is 48210",
     "cancel_order"),
    ("ru", "Хочу отменить заказ.", "Мой телефон: +7 912 345-67-89", "cancel_order"),
    ("pl", "Chcę anulować zamówienie.", "Mój e-mail: jan.kowalski@example.pl",
     "cancel_order"),
    ("tr", "Siparişimi iptal etmek istiyorum.", "Telefon: +90 532 123 45 67", "cancel_order"),
    ("zh", "我想取消订单。", "订单号 12345", "cancel_order"),
    ("ja", "注文をキャンセルしたいです。", "メール: yuki.tanaka@example.jp", "cancel_order"),
    ("ko", "주문을 취소하고 싶어요.", "이메일: minji.kim@example.kr", "cancel_order"),
    ("ar", "أريد إلغاء طلبي.", "بريدي الإلكتروني: omar@example.com", "cancel_order"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "question", "detail", "intent"), BESIDE_A_QUESTION)
def test_a_detail_beside_a_question_keeps_the_questions_reading_and_adds_no_also(
    engine: SuggestionEngine, language: str, question: str, detail: str, intent: str
) -> None:
    assert gives_only_a_detail(detail)
    alone = engine.suggest(question, lang_hint=language)
    assert alone.intent == intent, alone
    for text in (f"{question} {detail}", f"{detail}\n{question}"):
        s = engine.suggest(text, lang_hint=language)
        assert (s.intent, s.also_asks) == (intent, ()), (text, s)
        assert s.top[0] == alone.top[0], (text, s.top, alone.top)


@pytest.mark.parametrize(
    ("language", "earlier", "text", "intent"),
    [
        # the detail's label would pull the follow-up toward the account and show it as a
        # second question
        ("fr", EarlierTurn("Je voudrais modifier ma commande.", "change_order"),
         "Deux tasses au lieu d'une. Mon e-mail : elodie.bernard@example.fr", "change_order"),
        ("pt", EarlierTurn("Vou ter que pagar taxa de importação no Brasil?", "customs_duties"),
         "E quanto tempo demora a entrega? Meu pedido é o 66301.", "delivery_period"),
        # read more surely with its label ("order number"), the follow-up is read whole
        ("en", EarlierTurn("Where is my parcel?", "track_order"),
         "still nothing. My order number is 55120", "track_order"),
    ],
)  # fmt: skip
def test_a_follow_up_with_a_detail_is_read_by_what_it_asks(
    engine: SuggestionEngine, language: str, earlier: EarlierTurn, text: str, intent: str
) -> None:
    s = engine.suggest(text, lang_hint=language, earlier=earlier)
    assert s.intent == intent and s.reply is not None, s
    assert "edit_account" not in s.also_asks and "track_order" not in s.also_asks, s


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my order number is 55120"),
        ("fr", "Mon e-mail : elodie.bernard@example.fr"),
        ("pt", "Meu pedido é o 66301."),
        ("ja", "メール: yuki.tanaka@example.jp"),
        # beside nothing but a greeting it is the shopper handing over what was asked for
        ("fr", "Bonjour. Mon e-mail : elodie.bernard@example.fr"),
    ],
)
def test_a_message_that_only_gives_a_detail_is_read_as_before(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    """Read whole, as the classifier reads the text: nothing is left out."""
    classifier = engine.classifier
    whole = classifier.ranked(classifier.probabilities(text, language))
    assert read_message(classifier, text, language).ranked == whole


@pytest.mark.parametrize(
    "sentence",
    [
        "where is 55120?",
        "where is #55120?",
        "#55120 still not here",
        "order 55120 has not arrived",
        "my email is ana.garcia@example.com, it still hasn't come",
        "¿Dónde está mi pedido 40022?",
        "注文12345の荷物がまだ届きません",
        "Je voudrais modifier ma commande #10437 : deux tasses au lieu d'une.",
        "I ordered two mugs last Monday and the website says the number is 10437",
    ],
)
def test_a_question_or_a_sentence_with_a_verb_after_its_detail_is_not_a_detail(
    sentence: str,
) -> None:
    assert not gives_only_a_detail(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "my order number is 55120",
        "Order #A-10293.",
        "el número de pedido es 40022",
        "Mi número de teléfono es +34 612 345 678",
        "Mon e-mail : elodie.bernard@example.fr",
        "Meine Bestellnummer ist 12345.",
        "Numer zamówienia: 12345",
        "Номер моего заказа: 12345",
        "Telefon: +90 532 123 45 67",
        "Tracking: LX123456789CN",
        "我的电子邮件是 ana@example.com",
        "メールはana.garcia@example.comです。",
        "제 이메일 주소는 minji.kim@example.kr입니다",
        "رقم هاتفي +966 50 123 4567",
    ],
)
def test_a_label_and_a_detail_is_a_detail(sentence: str) -> None:
    assert gives_only_a_detail(sentence)


def test_where_is_55120_is_still_a_question_about_the_order(engine: SuggestionEngine) -> None:
    s = engine.suggest("Hi! where is 55120?", lang_hint="en")
    assert s.intent == "track_order", s


# Written for ``replies.details.is_a_label`` before it was run (issue 15): short requests
# that end in their detail, and labels, each beside another question, in 14 languages.
# (language, another question, the request, its intent)
REQUESTS_ENDING_IN_A_DETAIL = [
    ("en", "Can I pay with PayPal?", "Please cancel order 55120", "cancel_order"),
    ("en", "Do you ship to Canada?", "Also I want a refund for order 48213", "get_refund"),
    ("en", "Is the jacket available in size M?",
     "Please change the delivery address on order 55671", "change_shipping_address"),
    ("es", "¿Hacen envíos a México?", "Quiero cancelar el pedido 40981", "cancel_order"),
    ("es", "¿Aceptan tarjeta de crédito?", "Necesito la factura del pedido 55231.",
     "get_invoice"),
    ("fr", "Est-ce que vous livrez en Belgique ?", "Je veux annuler la commande 88123",
     "cancel_order"),
    ("fr", "Quels sont les moyens de paiement ?", "Merci de me rembourser la commande #30412.",
     "get_refund"),
    ("de", "Kann ich mit Rechnung bezahlen?", "Bitte stornieren Sie die Bestellung 70231",
     "cancel_order"),
    ("it", "Spedite anche in Svizzera?", "Vorrei annullare l'ordine 51234", "cancel_order"),
    ("pt", "Vocês aceitam Pix?", "Quero cancelar o pedido 90412", "cancel_order"),
    ("nl", "Kan ik met iDEAL betalen?", "Graag de factuur van bestelling 33410", "get_invoice"),
    ("pl", "Czy wysyłacie do Niemiec?", "Proszę anulować zamówienie 62013", "cancel_order"),
    ("zh", "可以用支付宝付款吗？", "请取消订单 12345", "cancel_order"),
    ("ja", "海外発送はできますか？", "キャンセルお願いします、注文番号 12345", "cancel_order"),
    ("ko", "해외 배송 되나요?", "환불해 주세요 주문번호 12345", "get_refund"),
    ("ar", "هل تقبلون الدفع عند الاستلام؟", "أريد إلغاء الطلب 12345", "cancel_order"),
]  # fmt: skip

# (language, a question, a label and its detail, the question's intent)
LABELS_BESIDE_A_QUESTION = [
    ("en", "Where is my parcel?", "Order number: 55120", "track_order"),
    ("en", "Can I return the shoes?", "My phone is +44 7700 900123", "return_item"),
    ("es", "¿Puedo devolver la camiseta?", "Pedido número 40213", "return_item"),
    ("fr", "Je voudrais annuler ma commande.", "Numéro de commande : 55012", "cancel_order"),
    ("de", "Wann kommt mein Paket?", "Meine E-Mail: jonas.weber@example.de", "track_order"),
    ("it", "Posso pagare con PayPal?", "La mia email è giulia.rossi@example.it",
     "check_payment_methods"),
    ("nl", "Waar blijft mijn pakket?", "Mijn e-mailadres is sanne.devries@example.nl",
     "track_order"),
    ("ru", "Где моя посылка?", "Номер заказа 66123", "track_order"),
    ("tr", "Kargom nerede?", "Sipariş numaram: 12345", "track_order"),
    ("zh", "我的包裹在哪里？", "我的手机号是 13812345678", "track_order"),
    ("ja", "荷物はいつ届きますか？", "注文番号は12345です", "track_order"),
    ("ko", "배송이 언제 되나요?", "주문번호는 12345", "track_order"),
    ("ar", "أين طلبي؟", "رقم الطلب 12345", "track_order"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "question", "asked", "intent"), REQUESTS_ENDING_IN_A_DETAIL)
def test_a_short_request_ending_in_its_detail_is_still_asked(
    engine: SuggestionEngine, language: str, question: str, asked: str, intent: str
) -> None:
    """The bug: "Can I pay with PayPal? Please cancel order 55120" read as payment only,
    the cancellation neither the reading nor an ``also``."""
    assert not is_a_label(engine.classifier, asked, language)
    for text in (f"{question} {asked}", f"{asked}\n{question}"):
        s = engine.suggest(text, lang_hint=language)
        assert intent in (s.intent, *s.also_asks), (text, s)


@pytest.mark.parametrize(("language", "question", "label", "intent"), LABELS_BESIDE_A_QUESTION)
def test_a_label_ending_in_its_detail_stays_out_of_the_reading(
    engine: SuggestionEngine, language: str, question: str, label: str, intent: str
) -> None:
    assert is_a_label(engine.classifier, label, language)
    for text in (f"{question} {label}", f"{label}\n{question}"):
        s = engine.suggest(text, lang_hint=language)
        assert (s.intent, s.also_asks) == (intent, ()), (text, s)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Hi, order 55120"),
        ("pt", "Meu pedido é o 66301."),
        ("it", "Il mio ordine è il 77120."),
        ("fr", "Mon e-mail : elodie.bernard@example.fr"),
    ],
)
def test_a_greeting_or_a_possessive_before_a_detail_asks_nothing(
    engine: SuggestionEngine, language: str, sentence: str
) -> None:
    """Read alone, "My" reads as tracking a refund and "Il mio" as tracking an order: one
    word, or the words naming an order, are no request."""
    assert is_a_label(engine.classifier, sentence, language)
