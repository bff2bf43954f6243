"""The weak spots an end-to-end check of fresh messages found (issue 15): replies a store
could not send unedited although the blind sets' figures held.

Each probe below was written fresh for this file, natively per language (not translated
from one sentence), and labelled before it was first run: which readings are right, which
further question the reply must answer too, and words the shopper must find in the reply.
They are read by the engine as the runtime builds it (built-in library, default store,
its fitted abstention threshold), as ``borderdesk suggest`` reads a message without an
order, and each test asserts what the shopper or staff would notice:

- an exchange ("can I swap it for a size M", "Umtausch", "échange") gets the return answer
  with the store's exchange term, in every language;
- two clear questions in one message get an answer to both, not an abstention;
- a refund demand inside a delay message is read as the refund it demands, flagged to
  staff as a problem, and the reply acknowledges the delay;
- a defect with a refund demand is answered, not abstained on;
- a payment-method question names the method asked about, and a double charge is answered
  as one;
- a message that gives its order number and e-mail is not asked for them again, and one
  that gives neither is asked for both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.models import Suggestion
from replies.also import ACKNOWLEDGE
from replies.engine import SuggestionEngine
from replies.facts.link import link_request
from tests.replies.shopper_figures import runtime_engine

EXCHANGE = "exchange"
TWO_QUESTIONS = "two questions"
REFUND_IN_DELAY = "refund in a delay"
DEFECT_REFUND = "defect and refund"
PAYMENT = "payment"

# Words of the exchange term's sentence in each language (``replies.facts.returns``): an
# answer to an exchange says whether, and how, one is possible.
EXCHANGE_WORDS = {
    "en": "exchange",
    "es": "cambio",
    "fr": "échange",
    "de": "umtausch",
    "it": "cambio",
    "pt": "troca",
    "nl": "ruil",
    "pl": "wymian",
    "ru": "обмен",
    "tr": "değişim",
    "ja": "交換",
    "ko": "교환",
    "zh": "换货",
    "ar": "الاستبدال",
}
# Words of an answer that acknowledges a late delivery (``delivery_delay``'s ``also``).
DELAY_WORDS = {
    "en": "late",
    "es": "retraso",
    "fr": "retard",
    "de": "verspät",
    "it": "ritardo",
    "pt": "atraso",
    "nl": "vertraging",
    "pl": "opóźnie",
    "ru": "задерж",
    "tr": "gecik",
    "ja": "遅",
    "ko": "지연",
    "zh": "延误",
    "ar": "تأخ",
}
DELAYED = ("delivery_delay", "lost_package", "track_order")


@dataclass(frozen=True)
class Probe:
    """One message and what a sendable reply to it must be."""

    spot: str
    lang: str
    text: str
    leads: frozenset[str]  # readings that are right as the answer's intent
    answered: tuple[str, ...] = ()  # further intents the reply must answer too
    says: tuple[str, ...] = ()  # words the reply must hold (case-insensitive)
    problem: bool = False  # flagged to staff as a problem report

    def failures(self, s: Suggestion) -> list[str]:
        """What a shopper or staff would notice is wrong with ``s``; empty when sendable."""
        if s.reply is None:
            return [f"abstained at {s.confidence:.2f}: no reply"]
        wrong = []
        if s.intent not in self.leads:
            wrong.append(f"read as {s.intent}, not {sorted(self.leads)}")
        for intent in self.answered:
            if intent != s.intent and intent not in s.also_asks:
                wrong.append(f"{intent} is not answered (also: {s.also_asks})")
        if s.reply_language and ACKNOWLEDGE[s.reply_language] in s.reply:
            wrong.append("a further question is only passed on to a colleague, not answered")
        wrong += [f"the reply lacks {w!r}" for w in self.says if w not in s.reply.casefold()]
        if self.problem and not s.is_problem:
            wrong.append("not flagged to staff as a problem")
        return wrong


def _exchange(lang: str, text: str) -> Probe:
    return Probe(EXCHANGE, lang, text, frozenset({"return_item"}), says=(EXCHANGE_WORDS[lang],))


def _two(lang: str, text: str, first: str, second: str) -> Probe:
    """Two clear questions: either may lead, both must be answered."""
    return Probe(TWO_QUESTIONS, lang, text, frozenset({first, second}), (first, second))


def _refund_in_delay(lang: str, text: str) -> Probe:
    return Probe(
        REFUND_IN_DELAY,
        lang,
        text,
        frozenset({"get_refund", "complaint"}),
        says=(DELAY_WORDS[lang],),
        problem=True,
    )


def _defect_refund(lang: str, text: str) -> Probe:
    leads = frozenset({"product_defect", "damaged_item", "get_refund"})
    return Probe(DEFECT_REFUND, lang, text, leads)


PROBES = [
    # 1. exchanges: another size or colour of an item received
    _exchange("en", "hi, the trainers pinch a bit - could I swap them for a 9?"),
    _exchange("en", "got the blue mug today, any chance I can exchange it for the green one?"),
    _exchange("es", "hola! me llegó la chaqueta pero me queda grande, ¿puedo cambiarla por una S?"),
    _exchange("es", "se puede cambiar de color? prefiero la mochila verde, "
              "la negra no me convence"),
    _exchange("fr", "Bonjour, le pull est trop petit, est-ce que je peux l'échanger contre un L ?"),
    _exchange("fr", "je peux faire un échange de couleur ? finalement je préfère le vert"),
    _exchange("de", "Hallo, die Schuhe sind zu klein. Ist ein Umtausch gegen Größe 40 möglich?"),
    _exchange("de", "Kann ich die schwarze Tasche gegen die braune umtauschen? Noch ungetragen."),
    _exchange("it", "ciao, la felpa mi sta stretta, posso cambiarla con una M?"),
    _exchange("pt", "oi, o tênis ficou apertado, dá pra trocar por um 39?"),
    _exchange("nl", "Hoi, de jas valt te klein. Kan ik hem ruilen voor een maat groter?"),
    _exchange("pl", "Dzień dobry, bluza jest za mała, czy mogę ją wymienić na rozmiar L?"),
    _exchange("ru", "Здравствуйте, куртка маловата, можно обменять на размер побольше?"),
    _exchange("tr", "Merhaba, ayakkabı küçük geldi, bir numara büyüğüyle değiştirebilir miyim?"),
    _exchange("ja", "サイズが小さかったので、Lサイズに交換してもらえますか？"),
    _exchange("ko", "신발이 작아서 한 치수 큰 걸로 교환하고 싶어요"),
    _exchange("zh", "衣服有点小，可以换大一码吗？"),
    _exchange("ar", "القميص طلع صغير، ممكن أبدله بمقاس أكبر؟"),
    # 2. two clear questions in one message: both answered
    _two("en", "Where is my order 55231? Also, do you take Klarna?",
         "track_order", "check_payment_methods"),
    _two("es", "¿Cuánto tarda el envío a Chile? ¿Y se puede pagar con PayPal?",
         "delivery_period", "check_payment_methods"),
    _two("de", "Wie lange dauert die Lieferung nach Österreich? Kann ich mit Klarna bezahlen?",
         "delivery_period", "check_payment_methods"),
    _two("pl", "Ile trwa dostawa do Czech? I czy mogę zapłacić BLIKIEM?",
         "delivery_period", "check_payment_methods"),
    _two("ko", "독일까지 배송 얼마나 걸려요? 그리고 페이팔 결제 되나요?",
         "delivery_period", "check_payment_methods"),
    _two("pt", "Como faço pra mudar o endereço de entrega? "
         "E quanto tempo leva pra chegar em Portugal?",
         "change_shipping_address", "delivery_period"),
    _two("it", "Devo pagare la dogana per la Svizzera? Accettate anche Satispay?",
         "customs_duties", "check_payment_methods"),
    _two("ar", "كم يوم يحتاج الشحن للسعودية؟ وهل فيه دفع عند الاستلام؟",
         "delivery_period", "check_payment_methods"),
    # 3. a refund demand inside a delay message: the demand leads, the delay is acknowledged
    _refund_in_delay("en", "it's been 3 weeks and my order still hasn't shown up. "
                     "I want my money back."),
    _refund_in_delay("tr", "Siparişim 20 gündür gelmedi, paramı iade edin artık."),
    _refund_in_delay("es", "mi pedido lleva un mes de retraso, quiero que me devolváis el dinero"),
    _refund_in_delay("de", "Meine Bestellung ist seit drei Wochen überfällig. "
                     "Ich will mein Geld zurück!"),
    _refund_in_delay("fr", "Ça fait 3 semaines que j'attends mon colis, je veux être remboursé."),
    _refund_in_delay("it", "il pacco doveva arrivare due settimane fa, voglio il rimborso"),
    _refund_in_delay("pt", "meu pedido tá atrasado faz 20 dias, quero meu dinheiro de volta"),
    _refund_in_delay("nl", "Mijn bestelling is al twee weken te laat, ik wil mijn geld terug."),
    _refund_in_delay("pl", "Paczka spóźnia się już 3 tygodnie, chcę zwrotu pieniędzy."),
    _refund_in_delay("ru", "Заказ опаздывает уже на три недели, верните деньги."),
    _refund_in_delay("ja", "注文から3週間経ってもまだ届きません。返金してください。"),
    _refund_in_delay("ko", "주문한 지 3주가 넘었는데 아직도 안 왔어요. 환불해 주세요."),
    _refund_in_delay("zh", "下单三个星期了还没到，我要退款。"),
    _refund_in_delay("ar", "طلبي متأخر ثلاث أسابيع ولسه ما وصل، أبغى فلوسي ترجع."),
    # 4. a defect and a refund demand
    _defect_refund("fr", "Bonjour, le grille-pain ne chauffe plus après deux jours, "
                   "je veux être remboursé."),
    _defect_refund("fr", "L'article est arrivé cassé. Je souhaite un remboursement."),
    _defect_refund("es", "la batidora dejó de funcionar a la semana, "
                   "quiero que me devuelvan el dinero"),
    _defect_refund("de", "Der Wasserkocher ist nach einer Woche kaputt, "
                   "ich möchte mein Geld zurück."),
    _defect_refund("it", "il phon si è rotto dopo tre giorni, voglio essere rimborsata"),
    _defect_refund("en", "the lamp flickered and died after a day, I'd like a refund please"),
    Probe(DEFECT_REFUND, "en", "you sent me a blue lamp instead of the white one I ordered, "
          "just refund me", frozenset({"get_refund", "wrong_item"}), ("wrong_item",),
          says=("photo",), problem=True),
    Probe(DEFECT_REFUND, "de", "Im Paket fehlte die zweite Tasse. Ich möchte mein Geld dafür "
          "zurück.", frozenset({"get_refund", "missing_item"}), ("missing_item",),
          says=("fehlenden artikel",), problem=True),
    # 5. payment questions answered for what was asked
    Probe(PAYMENT, "de", "Kann ich bei euch auch auf Rechnung zahlen?",
          frozenset({"check_payment_methods"}), says=("rechnung",)),
    Probe(PAYMENT, "de", "Geht Zahlung mit PayPal?",
          frozenset({"check_payment_methods"}), says=("paypal",)),
    Probe(PAYMENT, "fr", "Est-ce que je peux payer avec Apple Pay ?",
          frozenset({"check_payment_methods"}), says=("apple pay",)),
    Probe(PAYMENT, "de", "Mir wurde der Betrag zweimal abgebucht, bitte prüfen!",
          frozenset({"payment_issue"}), says=("doppelt",)),
    Probe(PAYMENT, "es", "me habéis cobrado dos veces el mismo pedido",
          frozenset({"payment_issue"}), says=("dos veces",)),
    Probe(PAYMENT, "en", "I was charged twice for one order!!",
          frozenset({"payment_issue"}), says=("twice",)),
]  # fmt: skip


# Probes still failing, each with what is wrong: strict, so a fix shows up as a failure
# to remove the mark, and nothing here is hidden.
NOT_YET = {
    # a colour swap reads as changing the order (the library's colour phrasings are order
    # changes); three native colour exchanges per language fixed these and lowered both
    # held-out sets (heldout wrong shown 2.38 % -> 2.86 %), so they were taken out again
    ("en", "got the blue mug today, any chance I can exchange it for the green one?"):
        "abstains: change_order 0.70, return_item 0.24",
    ("es", "se puede cambiar de color? prefiero la mochila verde, la negra no me convence"):
        "read as change_order: nothing says the bag has arrived",
    # since the 2026-12-07 23:40 library (exchanges as returns, cancellations, vague
    # references) this one is split the same way; with no order linked nothing says
    # whether it has arrived, so holding back is defensible but not what staff want
    ("fr", "je peux faire un échange de couleur ? finalement je préfère le vert"):
        "abstains: return_item 0.64, change_order 0.34",
}  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.fixture(scope="module")
def wording(engine: SuggestionEngine) -> SuggestionEngine:
    """The same library and classifier deciding with the plain threshold: for tests about
    what a reply asks for, not about when the engine abstains."""
    return SuggestionEngine(engine.library, engine.classifier, engine.detector, store=engine.store)


@pytest.mark.parametrize(
    "probe",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=NOT_YET[p.lang, p.text], strict=True))
        if (p.lang, p.text) in NOT_YET
        else p
        for p in PROBES
    ],
    ids=[f"{p.spot}-{p.lang}-{i}" for i, p in enumerate(PROBES)],
)
def test_the_reply_to_each_weak_spot_can_be_sent_unedited(
    engine: SuggestionEngine, probe: Probe
) -> None:
    s = engine.suggest(probe.text, lang_hint=probe.lang)
    assert probe.failures(s) == [], (s.reply, s.top)


def test_a_refund_demand_for_a_late_order_is_a_problem_report_for_logistics(
    engine: SuggestionEngine,
) -> None:
    """The card staff see: the refund leads, the delay is "also asks about", and the
    problem is reported to the department that handles late parcels."""
    s = engine.suggest("Siparişim 20 gündür gelmedi, paramı iade edin artık.", lang_hint="tr")
    assert (s.intent, s.also_asks) == ("get_refund", ("delivery_delay",))
    assert s.is_problem and s.department == "logistics"


# (language, a message giving its order number and e-mail, the number)
GIVES_BOTH = [
    ("en", "hey where's my parcel?? order 48213, email lena.k@example.com", "48213"),
    ("es", "hola, ¿mi pedido 77120 cuándo llega? mi correo es marta.ruiz@example.es", "77120"),
    ("de", "Paket immer noch nicht da. Bestellung 30941, E-Mail: j.weber@example.de", "30941"),
    ("fr", "toujours rien reçu, commande 61502, mon mail c'est claire.m@example.fr", "61502"),
    ("ja", "注文番号52017の荷物がまだ届きません。メールはyuki.t@example.jpです", "52017"),
    ("tr", "kargom nerede? sipariş no 80431, mailim ayse.k@example.com", "80431"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "number"), GIVES_BOTH)
def test_a_message_giving_its_order_number_and_email_is_not_asked_for_them(
    wording: SuggestionEngine, language: str, text: str, number: str
) -> None:
    s = wording.suggest(text, lang_hint=language)
    assert s.reply is not None, s.top
    assert s.asks_for == ()
    assert link_request(language, number, contact=True) in s.reply, s.reply
    assert link_request(language, None) not in s.reply


# (language, an order question that gives neither number nor contact)
GIVES_NEITHER = [
    ("en", "my package still hasn't come, it's been ages"),
    ("it", "il mio pacco non è ancora arrivato, sono passate due settimane"),
    ("pl", "gdzie jest moja paczka? zamawiałam tydzień temu"),
    ("ko", "주문한 상품이 아직 안 왔어요. 언제 와요?"),
]


@pytest.mark.parametrize(("language", "text"), GIVES_NEITHER)
def test_without_an_order_the_reply_asks_for_the_number_and_checkout_contact(
    wording: SuggestionEngine, language: str, text: str
) -> None:
    s = wording.suggest(text, lang_hint=language)
    assert s.reply is not None, s.top
    assert set(s.asks_for) == {"order_number", "checkout_contact"}
    assert link_request(language, None) in s.reply, s.reply


@pytest.mark.parametrize(
    ("language", "text", "intent"),
    [
        # an exchange reads as a refund at 0.87 on its own: no demand for the money back
        ("ja", "開けたらお皿にヒビ入ってた…梱包プチプチ1枚だけやん。交換してほしい",
         "damaged_item"),
        # a scrap of a sentence ("o porteiro também não") reads as a refund at 0.93
        ("pt", "O rastreamento diz entregue mas não recebi nada, o porteiro também não",
         "lost_package"),
    ],
)  # fmt: skip
def test_a_problem_report_without_a_refund_demand_keeps_its_reading(
    wording: SuggestionEngine, language: str, text: str, intent: str
) -> None:
    """The two messages of the development set the first refund-demand rule misread as
    refund demands (``replies.demands.DEMAND_CONFIDENCE``)."""
    s = wording.suggest(text, lang_hint=language)
    assert s.intent == intent, s.top


@pytest.mark.parametrize("language", sorted(EXCHANGE_WORDS))
def test_a_return_asked_as_a_second_question_says_the_exchange_term(
    engine: SuggestionEngine, language: str
) -> None:
    """ "How long to Vienna? And can I exchange the shoes for another size later?" read as a
    delivery question: the return's sentence joined to it says whether exchanges are
    possible, as the return's own answer does."""
    sentence = engine.library["return_item"].also[language]
    assert EXCHANGE_WORDS[language] in engine.fill(sentence, language).casefold()
