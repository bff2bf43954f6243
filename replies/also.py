"""A message's second question gets an answer too, in the same reply.

"My parcel is late. And can I still pay with PayPal?" is read as a late delivery that
also asks about payment methods (``replies.reading``: ``also``). Answering only the first
question sends the shopper back to ask again, so staff would have to edit the reply
before sending it. Each further question adds one short sentence to the reply:

- the intent's own ``also`` sentence from the library (``replies/FORMAT.md``), written
  without a greeting or sign-off, so it joins the first answer as one reply;
- where the library has none in the reply's language, one sentence saying, in that
  language, that a person checks whatever the reply leaves unanswered (``ACKNOWLEDGE``),
  never a guess at its answer. It is said once, however many questions it stands for.

A question the first answer already covers adds nothing (the intent's ``covers``: a
return's answer says who pays the return postage and whether an exchange is possible).

Nor is the promise made when the first answer is a problem report (a late, lost or
damaged parcel, a complaint, a payment problem: the intent's ``problem``). Its answer
already says that a person of the department the report goes to looks into it and gets
back to the shopper, and that person reads the whole message. There the promise only
repeats itself, and on a message with one question (a sentence the reading took for a
second one: "it was due on the 1st", "I have written four times") it reads as if the
shopper's message had not been read. The further question is still on the staff card
("also asks about").

A question about where or when an order arrives, asked about an order that has missed its
carrier's estimate or the store's delivery time (``replies.facts.fill.order_overdue``), is
a late order's question too, whether or not the shopper says so: "where is my order?"
two days after its estimate gets the late order's ``also`` sentence (we're sorry it is
late; we are checking with the carrier) beside the tracking answer
(``with_late_order``).

    sentences = also_templates(library["delivery_delay"], [library["check_payment_methods"]], "es")
    join(reply, [fill(t) for t in sentences], "es")
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from replies.library import IntentSpec
from replies.order_sentences import (
    AWAITED,
    IF_NOT_ARRIVED,
    NOT_FOUND_YET,
    NOT_SHIPPED,
    REFUND,
    WHEREABOUTS_TOLD,
    asks_whereabouts,
    refund_if_not_arrived,
    where_the_order_is,
)
from replies.situations import OrderSituation

# Questions about where or when an order arrives, and the late order's intent whose
# ``also`` sentence they get when the order is overdue.
WHEREABOUTS = frozenset({"track_order", "delivery_period"})
LATE_ORDER = "delivery_delay"
# At most this many further questions are answered in one reply; more than that and the
# message is better answered by a person in full (staff see every one on the card).
MAX_ALSO = 2
# Languages written without spaces between sentences.
_NO_SPACE = frozenset({"ja", "zh"})
_END = (".", "!", "?", "。", "！", "？", "؟")

# Worded so that it reads right even when the reading saw a second question where the
# shopper only added a detail ("Meu pedido é o 66301."): it promises a person looks at
# whatever is left, without claiming there was a question.
ACKNOWLEDGE: dict[str, str] = {
    "en": "If anything in your message is still unanswered, a colleague will check it and "
    "reply here.",
    "es": "Si algo de tu mensaje queda sin responder, un compañero lo revisará y te contestará "
    "por aquí.",
    "fr": "Si un point de votre message reste sans réponse, un collègue le vérifiera et vous "
    "répondra ici.",
    "de": "Falls in Ihrer Nachricht noch etwas offen ist, prüft das jemand aus unserem Team "
    "und antwortet Ihnen hier.",
    "it": "Se qualcosa del tuo messaggio resta senza risposta, un collega lo verificherà e ti "
    "risponderà qui.",
    "pt": "Se algo da sua mensagem ficou sem resposta, um colega vai verificar e responder "
    "por aqui.",
    "nl": "Blijft er iets uit je bericht onbeantwoord, dan zoekt een collega het uit en krijg "
    "je hier antwoord.",
    "pl": "Jeśli coś z Twojej wiadomości zostało bez odpowiedzi, ktoś z naszego zespołu to "
    "sprawdzi i odpowie tutaj.",
    "ru": "Если что-то в вашем сообщении осталось без ответа, коллега всё проверит и ответит "
    "вам здесь.",
    "tr": "Mesajınızda yanıtsız kalan bir konu varsa, bir çalışma arkadaşımız kontrol edip "
    "size buradan yanıt verecek.",
    "ja": "ご質問のうち、こちらでお答えしきれていない点は、"
    "担当者が確認のうえこちらでご回答いたします。",
    "ko": "메시지 중 아직 답변드리지 못한 부분은 담당자가 확인한 뒤 이곳에서 답변드리겠습니다.",
    "zh": "如果您的消息中还有未答复的问题，同事核实后会在这里回复您。",
    "ar": "إذا بقي في رسالتك ما لم نُجب عنه، فسيتحقق منه أحد الزملاء ويرد عليك هنا.",
}


# A late or lost parcel's ``also`` sentence speaks of the carrier ("we're checking with
# the carrier where it is"). Said of an order with no tracking number (most often not
# shipped: "paid", "processing"), it invents a shipment; said before any order is linked,
# it claims a look nobody took. ``replies.order_sentences`` stand in for it there.
SHIPMENT_PROBLEMS = frozenset({"delivery_delay", "lost_package"})
# Answers that open with an apology for the problem reported (``replies.facts.apologies``):
# a late or lost parcel's sentence would only say sorry a second time.
SORRY_ALREADY = frozenset({"get_refund"})
# Answers about an item the shopper has in hand: the parcel came, so a further reading of
# it as late or lost ("le 2ème il est où ?" beside a missing cushion) would tell them,
# falsely, that it has not reached them.
ITEM_PROBLEMS = frozenset({"missing_item", "wrong_item", "damaged_item", "product_defect"})


# Second questions whose answer is a paragraph about one thing (an invoice, an address):
# the message must name that thing for the paragraph to be added. A lost parcel's "vous
# pouvez faire qqch svp ?" once read as asking for an invoice, and the reply ended with
# how invoices are sent. Words of all 14 languages, looked for in any message.
_INVOICE = re.compile(
    r"invoice|receipt|factura|recibo|factur|reçu|rechnung|quittung|beleg|fattur|ricevuta|"
    r"fatura|nota fiscal|factuur|kwitantie|faktur|paragon|rachun|сч[её]т|чек|квитанц|"
    r"makbuz|請求書|領収書|インボイス|영수증|청구서|인보이스|계산서|发票|發票|收据|فاتور|إيصال",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"address|direcci[oó]n|domicilio|adresse|adres|indirizzo|endere[cç]o|morada|адрес|"
    r"住所|届け先|주소|地址|عنوان",
    re.IGNORECASE,
)
# a missing item: "are the sleeves long?" in a size question once added "about the missing
# item: tell us which one is missing" (blind set 5 #27)
_MISSING = re.compile(
    r"missing|not in the (?:box|package|parcel)|wasn'?t in|weren'?t in|only (?:got|received|came)|"
    r"falta|faltaba|faltó|faltou|faltam|faltan|faltando|no ven[ií]a|n[aã]o veio|"
    r"manca|mancava|mancano|mancante|non c'era|manque|manquait|qu'un seul|qu'une seule|"
    r"fehlt|fehlen|fehlte|nicht dabei|nur ein|ontbre|\bmist\b|zat er niet|"
    r"brak|brakuje|brakowało|nie było|не хватает|не было|отсутству|не положили|только од|"
    r"eksik|yoktu|入っていな|入ってな|入っていませ|足りな|不足|欠品|없어|없었|빠졌|빠져|안 들어|"
    r"少了|缺|没有收到|没收到|只收到|ناقص|ينقص|نقص|مفقود|ما وصل|ماوصل|لم يصل",
    re.IGNORECASE,
)
# damage: a duty bill's "c'est tu normal? vous pouvez me rembourser ça?" once opened with
# "sorry the item arrived damaged" and ended "about the damage" (blind set 5 #15)
_DAMAGE = re.compile(
    r"damag|broken|broke|crack|smash|shatter|dent|torn|ripped|scratch|crush|chip|"
    r"scheggi|ébréch|desconchad|desportill|lascad|angeschlagen|abgeplatzt|afgebroken|"
    r"wyszczerb|odprysk|obtłuc|скол|отбит|欠け|이 나갔|이가 빠|缺口|磕|崩了|شرخ|مشروخ|"
    r"\broto|\brota\b|dañad|estropead|rajad|abollad|cass[ée]|abîm|endommag|fissur|déchir|"
    r"kaputt|beschädigt|zerbroch|gebroch|gerissen|zerkratzt|\bdelle|"
    r"rott[oa]|danneggiat|graffiat|ammaccat|crepat|"
    r"quebrad|danificad|amassad|riscad|rasgad|trincad|"
    r"kapot|beschadig|gebroken|gescheurd|\bdeuk|"
    r"uszkodz|zniszcz|pęknię|pękł|stłuczon|rozbit|porysowan|pognieci|"
    r"повреж|разбит|сломан|треснул|трещин|помят|порван|царап|"
    r"kırık|kırıl|hasar|çatlak|ezik|yırtık|çizik|"
    r"壊れ|破損|割れ|傷|へこ|破れ|파손|깨져|깨졌|깨진|부서|찢어|긁|찌그러|"
    r"坏了|损坏|破损|碎了|裂|摔坏|压坏|划痕|破了|壞了|損壞|"
    r"مكسور|تالف|متضرر|مخدوش|ممزق|انكسر|مكسّر|خربان",
    re.IGNORECASE,
)
NAMED_TOPICS: dict[str, re.Pattern[str]] = {
    "missing_item": _MISSING,
    "damaged_item": _DAMAGE,
    "get_invoice": _INVOICE,
    "check_invoice": _INVOICE,
    "change_shipping_address": _ADDRESS,
}


def names_topic(intent: str, text: str) -> bool:
    """Whether ``text`` names what a second question about ``intent`` would be about
    (always, for the intents with no such word in ``NAMED_TOPICS``)."""
    topic = NAMED_TOPICS.get(intent)
    return topic is None or bool(topic.search(text))


def also_templates(
    first: IntentSpec,
    others: Sequence[IntentSpec],
    language: str,
    situation: OrderSituation | None = None,
    text: str | None = None,
    estimated: bool = False,
    arrived: bool = False,
) -> list[str]:
    """The sentences (templates, unfilled) that answer ``others``, the further questions
    of a message answered with ``first``, in ``language``; empty when there are none.
    ``situation`` is what is known of the order: a late or lost parcel's sentence speaks
    of the carrier only when there is a shipment to speak of (``SHIPMENT_PROBLEMS``).
    ``text``, the message: a question it does not name the topic of is no question
    (``NAMED_TOPICS``; staff still see it on the card). A linked order's whereabouts
    asked as a further question are its own tracking, and its estimate when ``estimated``
    (``where_the_order_is``), unless the order has ``arrived`` (delivered, or back with
    us): its tracking and estimate would read "on its way" for a parcel in the shopper's
    hands ("quanti giorni ho per il reso?" asks no whereabouts)."""
    templates: list[str] = []
    # a problem report's answer already promises that a person looks into it (see above)
    acknowledged = first.problem
    conditional = first.intent in AWAITED and text is not None and refund_if_not_arrived(text)
    for other in others[:MAX_ALSO]:
        if other.intent == first.intent or other.intent in first.covers:
            continue
        if text is not None and not names_topic(other.intent, text):
            continue
        if other.intent == REFUND and conditional:
            continue  # answered below, on its condition
        own = other.also.get(language)
        linked = situation in (OrderSituation.WITH_TRACKING, OrderSituation.WITHOUT_TRACKING)
        if other.intent in WHEREABOUTS and linked:
            if first.intent in WHEREABOUTS_TOLD or arrived:
                continue
            own = where_the_order_is(language, situation, estimated)
            if own in templates:
                continue
        if own and other.intent in SHIPMENT_PROBLEMS:
            if first.intent in ITEM_PROBLEMS or (arrived and first.intent not in SHIPMENT_PROBLEMS):
                continue  # it has arrived (or come back to us): neither late nor lost
            if first.intent in SORRY_ALREADY:
                continue  # its apology is the answer's first sentence: sorry once
            if situation is OrderSituation.WITHOUT_TRACKING:
                own = NOT_SHIPPED.get(language, NOT_SHIPPED["en"])
            elif situation is OrderSituation.WITHOUT_ORDER:
                own = NOT_FOUND_YET.get(language, NOT_FOUND_YET["en"])
            if own in templates:  # late and lost: the same sentence once
                continue
        if own:
            templates.append(own)
        elif not acknowledged:
            acknowledged = True
            templates.append(ACKNOWLEDGE.get(language, ACKNOWLEDGE["en"]))
    told = first.intent in WHEREABOUTS_TOLD or any(o.intent in WHEREABOUTS for o in others)
    linked = situation in (OrderSituation.WITH_TRACKING, OrderSituation.WITHOUT_TRACKING)
    if linked and not told and not arrived and text is not None and asks_whereabouts(text):
        templates.append(where_the_order_is(language, situation, estimated))
    if conditional:  # what happens if the order has not come by the shopper's day
        templates.append(IF_NOT_ARRIVED.get(language, IF_NOT_ARRIVED["en"]))
    acknowledgement = ACKNOWLEDGE.get(language, ACKNOWLEDGE["en"])
    if acknowledgement in templates:  # the promise comes last, after what could be answered
        templates.remove(acknowledgement)
        templates.append(acknowledgement)
    return templates


def with_late_order(
    first: IntentSpec, others: Sequence[IntentSpec], late: IntentSpec | None, *, overdue: bool
) -> list[IntentSpec]:
    """``others`` with the late order's question (``late``, the library's ``LATE_ORDER``)
    first among them when ``first`` asks where or when an ``overdue`` order arrives and
    the reading did not hear it already."""
    asked = {other.intent for other in others}
    if overdue and late is not None and first.intent in WHEREABOUTS and late.intent not in asked:
        return [late, *others]
    return list(others)


def join(reply: str, sentences: Sequence[str], language: str) -> str:
    """``reply`` followed by ``sentences``, as one text in ``language``; a sentence the
    text says already is left out (``unrepeated``)."""
    parts = [part.strip() for part in (reply, *sentences) if part and part.strip()]
    if not parts:
        return ""
    separator = "" if language in _NO_SPACE else " "
    text = parts[0]
    for part in parts[1:]:
        if not text.endswith(_END):
            text += "。" if language in _NO_SPACE else "."
        text += separator + part
    return unrepeated(text, language)


# Where a sentence ends: after a full stop, "!" or "?" and a space, or after the full-width
# marks (and the Arabic question mark) with or without one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？؟])\s*")
_SENTENCE_AT_LEAST = 12  # characters
_WIDE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af].{5}")  # six characters or more, in CJK


def unrepeated(text: str, language: str) -> str:
    """``text`` with every sentence said a second time left out.

    The same fact can reach a reply twice: a delivery options answer states the delivery
    time for the shopper's country, and so does the ``also`` sentence of a second
    question about how long delivery takes (Polish shoppers got "Czas dostawy (Polska):
    od 2 do 5 dni roboczych." twice). Whatever the path, a sentence is said once."""
    pieces = _SENTENCE_END.split(text)
    if len(pieces) < 2:
        return text
    seen: set[str] = set()
    kept: list[str] = []
    for piece in pieces:
        key = " ".join(piece.split()).casefold()
        # a short piece may be an abbreviation cut at its dot ("z.", "e.g."), not a sentence
        if (len(key) >= _SENTENCE_AT_LEAST or _WIDE.search(key)) and key in seen:
            continue
        seen.add(key)
        kept.append(piece)
    if len(kept) == len(pieces):
        return text
    return ("" if language in _NO_SPACE else " ").join(kept)
