"""A refund demanded for a problem opens with an apology for that problem.

"The vase arrived in pieces, I want a refund" was answered "thanks for reaching out: we've
noted your refund request ...", and the damage came last, as a request for a photo: no
word of regret to a shopper whose vase broke, or whose product died in two days. A store
manager would add the apology before sending, and put it first. So the refund answer's
``{refund_apology}`` is one sentence of regret for the problem the message reports
(``replies.demands`` reads it: the ``problem`` among the message's questions, noted by
the engine as ``REPORTED_PROBLEM``), and for a shopper who shouts ("!!", "SCAM") without
naming one, regret for the trouble. It is left out cleanly when there is neither.

An order that never arrived is not offered an exchange: there is nothing to exchange
(``no_exchange``).

    refund_apology("damaged_item", "", "en")   # "We're very sorry the item arrived damaged."
    refund_apology(None, "WORST SHOP EVER!!", "de")  # "Bitte entschuldigen Sie ..."
"""

from __future__ import annotations

import re

from replies.features import fold
from replies.threats import threat_words

# Noted in the reply values by the engine: the problem a message reports beside its main
# question (an intent with ``problem: true`` in the library), never shown.
REPORTED_PROBLEM = "reported_problem"

# The reported problem -> which regret is said.
_KINDS = {
    "damaged_item": "damaged",
    "product_defect": "defect",
    "delivery_delay": "not_arrived",
    "lost_package": "not_arrived",
    "wrong_item": "wrong",
    "missing_item": "missing",
    "complaint": "trouble",
}
# Problems whose order never reached the shopper: no exchange is offered.
_NOT_ARRIVED = frozenset(intent for intent, kind in _KINDS.items() if kind == "not_arrived")

APOLOGIES: dict[str, dict[str, str]] = {
    "damaged": {
        "en": "We're very sorry the item arrived damaged.",
        "es": "Sentimos mucho que el artículo haya llegado dañado.",
        "fr": "Nous sommes vraiment désolés que l'article soit arrivé endommagé.",
        "de": "Es tut uns sehr leid, dass der Artikel beschädigt angekommen ist.",
        "it": "Ci dispiace davvero che l'articolo sia arrivato danneggiato.",
        "pt": "Lamentamos muito que o item tenha chegado danificado.",
        "nl": "Het spijt ons heel erg dat het artikel beschadigd is aangekomen.",
        "pl": "Bardzo nam przykro, że produkt dotarł uszkodzony.",
        "ru": "Нам очень жаль, что товар пришёл повреждённым.",
        "tr": "Ürünün hasarlı ulaşmasından dolayı çok üzgünüz.",
        "ja": "商品が破損した状態で届き、大変申し訳ございません。",
        "ko": "상품이 파손된 상태로 도착해 정말 죄송합니다.",
        "zh": "非常抱歉，商品到货时已经损坏。",
        "ar": "نأسف جدًا لوصول المنتج تالفًا.",
    },
    "defect": {
        "en": "We're very sorry the product isn't working as it should.",
        "es": "Sentimos mucho que el producto no funcione como debería.",
        "fr": "Nous sommes vraiment désolés que le produit ne fonctionne pas comme il le devrait.",
        "de": "Es tut uns sehr leid, dass das Produkt nicht richtig funktioniert.",
        "it": "Ci dispiace davvero che il prodotto non funzioni come dovrebbe.",
        "pt": "Lamentamos muito que o produto não esteja funcionando como deveria.",
        "nl": "Het spijt ons heel erg dat het product niet goed werkt.",
        "pl": "Bardzo nam przykro, że produkt nie działa tak, jak powinien.",
        "ru": "Нам очень жаль, что товар работает не так, как должен.",
        "tr": "Ürünün olması gerektiği gibi çalışmamasından dolayı çok üzgünüz.",
        "ja": "商品が正常に動作せず、大変申し訳ございません。",
        "ko": "상품이 제대로 작동하지 않아 정말 죄송합니다.",
        "zh": "非常抱歉，商品无法正常使用。",
        "ar": "نأسف جدًا لأن المنتج لا يعمل كما ينبغي.",
    },
    "not_arrived": {
        "en": "We're very sorry your order is late and still hasn't reached you.",
        "es": "Sentimos mucho el retraso: tu pedido todavía no te ha llegado.",
        "fr": "Nous sommes vraiment désolés du retard : votre commande ne vous est toujours pas "
        "parvenue.",
        "de": "Es tut uns sehr leid, dass sich Ihre Bestellung verspätet und noch nicht bei "
        "Ihnen angekommen ist.",
        "it": "Ci dispiace davvero per il ritardo: il tuo ordine non ti è ancora arrivato.",
        "pt": "Lamentamos muito o atraso: seu pedido ainda não chegou.",
        "nl": "Het spijt ons heel erg dat je bestelling vertraging heeft en nog niet is "
        "aangekomen.",
        "pl": "Bardzo przepraszamy za opóźnienie: zamówienie wciąż do Ciebie nie dotarło.",
        "ru": "Приносим искренние извинения за задержку: заказ до сих пор не дошёл до вас.",
        "tr": "Siparişiniz geciktiği ve hâlâ size ulaşmadığı için çok üzgünüz.",
        "ja": "ご注文のお届けが遅れ、まだお手元に届いておらず、大変申し訳ございません。",
        "ko": "주문 배송이 지연되어 아직 받지 못하셨다니 정말 죄송합니다.",
        "zh": "非常抱歉，您的订单延误了，至今还没有送到。",
        "ar": "نعتذر بشدة عن تأخر طلبك وعدم وصوله إليك حتى الآن.",
    },
    "wrong": {
        "en": "We're very sorry you received the wrong item.",
        "es": "Sentimos mucho que hayas recibido un artículo equivocado.",
        "fr": "Nous sommes vraiment désolés que vous ayez reçu le mauvais article.",
        "de": "Es tut uns sehr leid, dass Sie einen falschen Artikel erhalten haben.",
        "it": "Ci dispiace davvero che tu abbia ricevuto l'articolo sbagliato.",
        "pt": "Lamentamos muito que você tenha recebido o item errado.",
        "nl": "Het spijt ons heel erg dat je een verkeerd artikel hebt ontvangen.",
        "pl": "Bardzo nam przykro, że dotarł do Ciebie niewłaściwy produkt.",
        "ru": "Нам очень жаль, что вам пришёл не тот товар.",
        "tr": "Yanlış ürün gönderildiği için çok üzgünüz.",
        "ja": "ご注文と異なる商品が届き、大変申し訳ございません。",
        "ko": "주문하신 것과 다른 상품이 도착해 정말 죄송합니다.",
        "zh": "非常抱歉，您收到了错误的商品。",
        "ar": "نأسف جدًا لوصول منتج غير الذي طلبته.",
    },
    "missing": {
        "en": "We're very sorry something was missing from your parcel.",
        "es": "Sentimos mucho que faltara algo en tu paquete.",
        "fr": "Nous sommes vraiment désolés qu'il manque quelque chose dans votre colis.",
        "de": "Es tut uns sehr leid, dass in Ihrem Paket etwas fehlt.",
        "it": "Ci dispiace davvero che nel pacco mancasse qualcosa.",
        "pt": "Lamentamos muito que tenha faltado algo no seu pacote.",
        "nl": "Het spijt ons heel erg dat er iets ontbrak in je pakket.",
        "pl": "Bardzo nam przykro, że w paczce czegoś brakowało.",
        "ru": "Нам очень жаль, что в посылке чего-то не хватало.",
        "tr": "Paketinizde eksik ürün olduğu için çok üzgünüz.",
        "ja": "お荷物の中身が不足しており、大変申し訳ございません。",
        "ko": "택배에 빠진 상품이 있어 정말 죄송합니다.",
        "zh": "非常抱歉，您的包裹里少了商品。",
        "ar": "نأسف جدًا لنقص شيء من طردك.",
    },
    "waited": {
        "en": "We're very sorry you have had to wait this long.",
        "es": "Sentimos mucho que hayas tenido que esperar tanto.",
        "fr": "Nous sommes vraiment désolés de vous avoir fait attendre aussi longtemps.",
        "de": "Es tut uns sehr leid, dass Sie so lange warten mussten.",
        "it": "Ci dispiace davvero che tu abbia dovuto aspettare così a lungo.",
        "pt": "Lamentamos muito que você tenha precisado esperar tanto.",
        "nl": "Het spijt ons heel erg dat je zo lang hebt moeten wachten.",
        "pl": "Bardzo przepraszamy, że musisz tak długo czekać.",
        "ru": "Приносим искренние извинения за столь долгое ожидание.",
        "tr": "Bu kadar uzun süre beklediğiniz için çok üzgünüz.",
        "ja": "大変長らくお待たせしており、誠に申し訳ございません。",
        "ko": "오래 기다리시게 해 드려 정말 죄송합니다.",
        "zh": "非常抱歉让您等了这么久。",
        "ar": "نعتذر بشدة عن طول انتظارك.",
    },
    "trouble": {
        "en": "We're very sorry for the trouble.",
        "es": "Sentimos mucho las molestias.",
        "fr": "Nous sommes vraiment désolés pour ce désagrément.",
        "de": "Bitte entschuldigen Sie die Unannehmlichkeiten.",
        "it": "Ci scusiamo sinceramente per il disagio.",
        "pt": "Lamentamos muito o transtorno.",
        "nl": "Onze excuses voor het ongemak.",
        "pl": "Bardzo przepraszamy za kłopot.",
        "ru": "Приносим извинения за доставленные неудобства.",
        "tr": "Yaşadığınız sorun için çok üzgünüz.",
        "ja": "ご不便をおかけし、大変申し訳ございません。",
        "ko": "불편을 드려 정말 죄송합니다.",
        "zh": "给您带来不便，非常抱歉。",
        "ar": "نعتذر بشدة عن هذا الإزعاج.",
    },
}

# A long wait the message tells of ("3 weeks", "a week", "toujours pas", "hâlâ", "まだ"):
# weeks or a month in every language, or "still not" in words that say a wait went on.
_WAITED = re.compile(
    "|".join(
        (
            r"\b(?:\d+|two|three|four|several|a|one) (?:weeks?|months?)\b|\bages\b|forever",
            r"\b(?:\d+|dos|tres|una|un) (?:semanas?|mes(?:es)?)\b|todavia no|aun no",
            r"\b(?:\d+|deux|trois|une|un) (?:semaines?|mois)\b|toujours pas|toujours rien",
            r"\b(?:\d+|zwei|drei|einer?|einem) (?:wochen?|monat(?:e|en)?)\b",
            r"immer noch (?:nicht|kein)",
            r"\b(?:\d+|due|tre|una|un) (?:settimane?|mes[ei])\b|ancora (?:niente|nulla|non)",
            r"\b(?:\d+|duas|tres|uma|um) (?:semanas?|mes(?:es)?)\b|ainda nao|ate agora nada",
            r"\b(?:\d+|twee|drie|een) (?:weken|week|maanden?)\b|nog steeds (?:niet|geen|niks)",
            r"\b(?:\d+|dwa|trzy|jeden) (?:tygodni\w*|miesi\w*)|tydzien|tygodnia",
            r"wciaz nie|nadal nie|dalej nic",
            r"\d+ (?:недел\w*|месяц\w*)|недел[юи]|месяц|до сих пор|вс[её] ещ[её] не",
            r"\d+ ?(?:hafta|ay)(?:dir|dır)?\b|haftadir|haftadır|hala|hâlâ",
            r"\d+ ?(?:週間|か月|ヶ月)|一週間|ずっと",
            r"\d+ ?(?:주(?!문|소)|개월|달)|일주일|아직도",
            r"\d+ ?(?:周|个星期|个月)|一周|一个星期|一个月|还没|仍未|至今",
            r"\d+ ?(?:أسابيع|اسابيع|شهور|أشهر)|أسبوع|اسبوع|شهر|لسه|لا يزال|ما زال|مازال",
        )
    ),
    re.IGNORECASE,
)

# Shouting: two exclamation marks or more, or a word of four capitals or more ("SCAM").
_EXCLAMATIONS = re.compile(r"[!！]")
_CAPITALS = re.compile(r"\b[A-ZÄÖÜÉÈÀÇÑ]{4,}\b")


def shouts(text: str) -> bool:
    """Whether ``text`` is written in anger: "!!", "!!!", "SCAM"."""
    return len(_EXCLAMATIONS.findall(text)) >= 2 or bool(_CAPITALS.search(text))


def waited_long(text: str) -> bool:
    """Whether ``text`` tells of a long wait: "3 weeks", "una semana", "toujours pas",
    "1 haftadır", "2週間", "일주일", "还没", "لسه"."""
    return bool(_WAITED.search(fold(text)))


def refund_apology(problem: str | None, text: str, language: str) -> str:
    """The sentence of regret a refund answer opens with, in ``language``: for the reported
    ``problem``, else for the trouble when ``text`` shouts, else empty."""
    kind = _KINDS.get(problem or "")
    if kind is None:
        if waited_long(text):
            kind = "waited"
        elif shouts(text) or threat_words(text, language):
            kind = "trouble"
        else:
            return ""
    sentences = APOLOGIES[kind]
    return sentences.get(language, sentences["en"])


def no_exchange(problem: str | None) -> bool:
    """Whether an exchange must not be offered: the order never reached the shopper."""
    return problem in _NOT_ARRIVED
