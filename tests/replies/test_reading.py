"""Reading a message with what surrounds it (issue 15): threats in every language, a
follow-up read with the conversation, several questions in one message, and the English
translation as a second view. Runs on the built-in library, as the runtime does."""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.follow_ups import changes_mind
from replies.reading import EarlierTurn, Reading, without_threat
from replies.threats import threat_words

LANGS = "en es fr de it pt nl pl ru tr ja ko zh ar".split()
REFUND_OR_COMPLAINT = {"get_refund", "complaint"}


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return SuggestionEngine.load(None, languages=LANGS)


THREATS = [
    ("en", "Refund me now or I will leave a 1-star review everywhere!"),
    ("en", "I want my money back. If not I'm filing a chargeback and posting this on Trustpilot"),
    ("es", "Si no me devolvéis el dinero pondré una reseña negativa y os denuncio"),
    ("de", "Wenn ich mein Geld nicht zurückbekomme, schreibe ich eine schlechte Bewertung"),
    ("fr", "Remboursez-moi ou je laisse un avis négatif partout sur internet"),
    ("it", "Se non mi rimborsate lascio una recensione negativa e vado dall'avvocato"),
    ("pt", "Quero meu dinheiro de volta ou vou reclamar no Reclame Aqui e no Procon"),
    ("nl", "Geef mijn geld terug of ik schrijf een slechte review en doe aangifte"),
    ("pl", "Oddajcie pieniądze albo wystawię negatywną opinię"),
    ("ru", "Верните деньги, иначе напишу плохой отзыв и пойду в суд"),
    ("tr", "Paramı iade etmezseniz şikayetvar'a yazacağım ve kötü yorum yapacağım"),
    ("ja", "返金してください。対応がなければ低評価をつけて消費者センターに相談します"),
    ("zh", "马上退款，不然我就给差评并且打12315投诉"),
    ("ko", "환불 안 해주면 나쁜 리뷰 쓰고 소비자원에 신고하겠습니다"),
    ("ar", "أريد استرداد أموالي وإلا سأكتب تقييم سلبي وأتوجه إلى حماية المستهلك"),
]


@pytest.mark.parametrize(("lang", "text"), THREATS)
def test_a_refund_demand_with_a_threat_is_a_flagged_refund_or_complaint_never_a_review(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=lang)
    assert s.flags == ("threat",)
    assert s.top[0][0] in REFUND_OR_COMPLAINT and s.intent != "review"
    assert not s.auto_send


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Can I leave a review for the jacket I bought?"),
        ("en", "I'd like to write a 5 star review, where do I do that?"),
        ("es", "¿Dónde puedo dejar una opinión sobre el vestido?"),
        ("de", "Wo bleibt mein Paket? Bestellnummer 5521"),
    ],
)
def test_reviews_and_ordinary_questions_carry_no_threat_flag(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=lang)
    assert s.flags == ()
    assert threat_words(text, lang) == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Quero meu reembolso hoje, senão abro reclamação no Procon e no Reclame Aqui"),
        ("en", "I want my money back for order 4410. If not, complaint to trading standards"),
        ("zh", "退款！不然我就去12315投诉你们"),
    ],
)
def test_what_a_threat_backs_is_the_request_the_card_answers(
    engine: SuggestionEngine, lang: str, text: str
) -> None:
    """The complaint words of a threat ("reclamação", "complaint") do not outvote what the
    shopper asks for: the card's best reading is the refund, and it carries the threat flag
    (offered as the reply to send only when sure enough, ``replies.abstention``)."""
    s = engine.suggest(text, lang_hint=lang)
    assert s.flags == ("threat",)
    assert s.top[0][0] == "get_refund"


def test_the_request_is_read_without_the_clauses_that_hold_the_threat() -> None:
    text = "Quero meu reembolso hoje, senão abro reclamação no Procon"
    assert without_threat(text, threat_words(text, "pt")) == "quero meu reembolso hoje"
    # one clause holding everything: only the threat words go
    alone = "Refund or chargeback"
    assert without_threat(alone, threat_words(alone, "en")).split() == ["refund", "or"]


def test_the_threat_lexicon_matches_unaccented_and_inflected_words_at_word_starts() -> None:
    assert threat_words("voy a poner una resena negativa y llamo a mis abogados", "es") == (
        "resena negativa",
        "abogad",
    )
    assert threat_words("Sonst Rueckbuchung!", "de") == ("rueckbuchung",)
    assert threat_words("a courteous question about court shoes", "en") == ()
    # a number beside CJK characters starts a word: China's consumer hotline
    assert threat_words("不然我就去12315投诉", "zh") == ("12315",)


FOLLOW_UPS = [
    # (previous message, its intent, the follow-up, language, the follow-up's intent)
    (
        "I want to cancel my order #A1002",
        "cancel_order",
        "actually instead of cancelling, can you send the green one?",
        "en",
        "change_order",
    ),
    (
        "Ich möchte meine Bestellung stornieren",
        "cancel_order",
        "doch nicht, lieber in Blau statt Rot",
        "de",
        "change_order",
    ),
    (
        "Je voudrais un remboursement pour la robe",
        "get_refund",
        "et pour la veste aussi ?",
        "fr",
        "get_refund",
    ),
    ("我要取消订单", "cancel_order", "算了不取消了，换成红色的吧", "zh", "change_order"),
]


@pytest.mark.parametrize(("previous", "intent", "text", "lang", "expected"), FOLLOW_UPS)
def test_a_follow_up_is_read_with_the_conversation(
    engine: SuggestionEngine, previous: str, intent: str, text: str, lang: str, expected: str
) -> None:
    s = engine.suggest(text, lang_hint=lang, earlier=EarlierTurn(previous, intent))
    assert s.top[0][0] == expected


def test_the_conversation_leads_a_weak_follow_up_to_its_intent(engine: SuggestionEngine) -> None:
    alone = engine.suggest("et pour la veste aussi ?", lang_hint="fr")
    earlier = EarlierTurn("Je voudrais un remboursement pour la robe", "get_refund")
    followed = engine.suggest("et pour la veste aussi ?", lang_hint="fr", earlier=earlier)
    assert alone.intent == "unknown"  # too weak alone to be suggested
    # the follow-up ranks the refund first, with more confidence than it had alone
    assert followed.top[0][0] == "get_refund"
    assert followed.confidence > dict(alone.top).get("get_refund", 0.0)


def test_a_message_clear_on_its_own_is_not_pulled_into_the_conversation(
    engine: SuggestionEngine,
) -> None:
    s = engine.suggest(
        "thank you so much!", earlier=EarlierTurn("where is my parcel?", "track_order")
    )
    assert s.intent == "thanks"


def test_change_of_mind_words_in_several_languages() -> None:
    assert changes_mind("anzi no, mandatemelo in M invece", "it")
    assert changes_mind("mejor en vez de cancelar cámbialo a talla M", "es")
    assert changes_mind("キャンセルの代わりに色を変えてください", "ja")
    assert not changes_mind("where is my parcel?", "en")


TWO_QUESTIONS = [
    ("en", "Where is my order #A1002? Also, do you accept PayPal?", "check_payment_methods"),
    ("de", "Wo bleibt mein Paket? Und wie kann ich mein Passwort ändern?", "recover_password"),
    ("es", "¿Cuánto tarda el envío a México? ¿Y puedo pagar con tarjeta?", "check_payment_methods"),
]
FIRST_QUESTION = {"en": "track_order", "de": "track_order", "es": "delivery_period"}


@pytest.mark.parametrize(("lang", "text", "second"), TWO_QUESTIONS)
def test_a_message_with_two_questions_keeps_the_second_one(
    engine: SuggestionEngine, lang: str, text: str, second: str
) -> None:
    s = engine.suggest(text, lang_hint=lang)
    assert {s.top[0][0], *s.also_asks} == {FIRST_QUESTION[lang], second}
    assert set(s.also_asks) <= {intent for intent, _ in s.top}


def test_a_greeting_before_the_question_is_not_another_question(engine: SuggestionEngine) -> None:
    s = engine.suggest("Hi! Where is my order #A1002?", lang_hint="en")
    assert s.intent == "track_order" and s.also_asks == ()


def test_a_greeting_before_a_question_the_library_does_not_know_is_not_the_answer(
    engine: SuggestionEngine,
) -> None:
    """Greetings are sent without approval: "Oi!" must not answer a coupon question."""
    s = engine.suggest(
        "Oi! Comprei ontem e esqueci de usar o cupom de desconto, ainda dá pra usar?",
        lang_hint="pt",
    )
    assert s.intent not in ("greeting", "thanks")


@pytest.mark.parametrize(
    "text",
    [
        "I want a full refund for order #10412 today. Email: v.hale@example.com",
        "Quiero que me devuelvan el dinero del pedido 10412. Correo: ana.ruiz@example.es",
        "Wo ist meine Bestellung? Bestellnummer: #A10293",
    ],
)
def test_contact_details_after_the_question_are_not_another_question(
    engine: SuggestionEngine, text: str
) -> None:
    assert engine.suggest(text).also_asks == ()


def test_the_english_translation_is_a_second_view_and_its_absence_changes_nothing(
    engine: SuggestionEngine,
) -> None:
    unreadable = "Zorbly flimp quaxed blorp?"  # a message the library has no word of
    alone = engine.suggest(unreadable, language="es")
    helped = engine.suggest(unreadable, language="es", english="Where is my parcel? Tracking?")
    assert alone.intent == "unknown"
    assert helped.top[0][0] == "track_order" and helped.confidence > alone.confidence
    assert engine.suggest(unreadable, language="es", english=None) == alone


def test_a_greeting_before_is_no_topic_to_continue(engine: SuggestionEngine) -> None:
    weak = "zorbly flimp"
    alone = engine.suggest(weak, lang_hint="en")
    after_hi = engine.suggest(weak, lang_hint="en", earlier=EarlierTurn("hello!", "greeting"))
    assert after_hi.top == alone.top


CHANGE, CANCEL = "change_order", "cancel_order"
CANCELLATIONS = [
    # (the cancel request, the next message, language, what the next message is)
    ("I want to cancel order 4410", "don't cancel it after all, make it size L", "en", CHANGE),
    ("8812をキャンセルしたい", "やっぱりキャンセルはやめます。サイズをLに変更", "ja", CHANGE),
    ("Kann ich 5521 stornieren?", "doch nicht stornieren, bitte in Blau statt Rot", "de", CHANGE),
    ("Can I cancel order 4410?", "actually yes, please cancel it", "en", CANCEL),
    ("¿Puedo cancelar el pedido 7781?", "mejor cancélalo, ya no lo quiero", "es", CANCEL),
    ("Posso cancellare l'ordine 3321?", "anzi sì, annullatelo", "it", CANCEL),
]


@pytest.mark.parametrize(("earlier", "text", "lang", "intent"), CANCELLATIONS)
def test_a_cancellation_taken_back_changes_the_order_one_confirmed_stays_a_cancellation(
    engine: SuggestionEngine, earlier: str, text: str, lang: str, intent: str
) -> None:
    s = engine.suggest(text, lang_hint=lang, earlier=EarlierTurn(text=earlier))
    # the best reading: a close one is not offered as the reply to send (test_abstention)
    assert s.top[0][0] == intent


def test_a_further_question_the_reply_answers_is_no_rival_to_the_first() -> None:
    """Two clear questions: the second's share counts with the first when the reply answers
    it with a sentence of its own, and stays a rival when it is only passed on."""
    reading = Reading(
        ranked=[("track_order", 0.7), ("check_payment_methods", 0.2), ("track_refund", 0.1)],
        also=("check_payment_methods",),
    )
    assert reading.answered({"check_payment_methods"}) == [
        ("track_order", pytest.approx(0.9)),
        ("track_refund", 0.1),
    ]
    assert reading.answered(set()) == reading.ranked
