"""No order number is asked of a shopper who has no order (issue 15, fault 2).

The blind sendability check found "how long to Chile, are duties included?" and "my PayPal
payment failed, can I pay by transfer?" answered with "send us the order number and the
e-mail you used at checkout": one had not bought yet, and the other's order was never
created. The same questions about an order already placed still ask for it.

Probes written fresh for this file, in every language, labelled before they were run.
"""

from __future__ import annotations

from functools import cache

import pytest

from replies.engine import SuggestionEngine
from replies.facts.link import link_request
from replies.facts.placed import about_a_placed_order, no_order_yet
from tests.replies.shopper_figures import runtime_engine

# Asked before buying: a delivery time, duties, a payment that failed.
BEFORE = {
    "en": ["how long does shipping to Canada take?", "my card was declined, can I use PayPal?"],
    "es": ["¿cuánto tarda el envío a Perú?", "me rechazaron la tarjeta al pagar, ¿qué hago?"],
    "fr": ["les droits de douane sont-ils inclus pour le Canada ?", "mon paiement a échoué"],
    "de": ["Wie lange dauert der Versand in die Schweiz?", "Die Zahlung ist fehlgeschlagen."],
    "it": ["quanto ci mette la spedizione in Svizzera?", "il pagamento è stato rifiutato"],
    "pt": ["quanto tempo demora a entrega para Portugal?", "o pagamento foi recusado"],
    "nl": ["Hoe lang duurt verzending naar België?", "mijn betaling is mislukt"],
    "pl": ["Ile trwa wysyłka do Czech?", "płatność została odrzucona"],
    "ru": ["Сколько идёт доставка в Беларусь?", "оплата не прошла, что делать?"],
    "tr": ["Almanya'ya kargo kaç gün sürer?", "kartım reddedildi, başka nasıl ödeyebilirim?"],
    "ja": ["韓国への配送は何日かかりますか？", "カード決済に失敗しました"],
    "ko": ["일본까지 배송 며칠 걸려요?", "카드 결제가 안 돼요"],
    "zh": ["寄到新加坡要多久？", "付款失败了怎么办"],
    # "توصلون" (do you deliver) holds the letters of "وصل" (arrived): blind set 5 #80
    "ar": ["كم يستغرق الشحن إلى الأردن؟", "فشل الدفع بالبطاقة", "توصلون قطر؟ وكم يوم؟"],
}
# About an order already placed: theirs, ordered, arrived or not, money taken.
AFTER = {
    "en": ["my order to Canada, how much longer?", "I was charged twice for the lamp"],
    "es": ["mi pedido a Perú, ¿cuánto falta?", "me cobraron dos veces"],
    "fr": ["j'ai commandé il y a une semaine, c'est long", "j'ai été débitée deux fois"],
    "de": ["Meine Bestellung in die Schweiz, wie lange noch?", "Mir wurde doppelt abgebucht"],
    "it": ["ho ordinato lunedì, quanto manca?", "mi avete addebitato due volte"],
    "pt": ["meu pedido ainda não chegou", "fui cobrada duas vezes"],
    "nl": ["mijn bestelling is nog niet aangekomen", "er is twee keer afgeschreven"],
    "pl": ["zamówiłam tydzień temu, ile jeszcze?", "pobrano mi dwa razy"],
    "ru": ["мой заказ ещё не пришёл", "деньги списали дважды"],
    "tr": ["siparişim ne zaman gelir?", "kartımdan iki kez çekildi"],
    "ja": ["注文した商品がまだ届いていません", "二重に引き落とされました"],
    "ko": ["주문한 게 아직 안 왔어요", "두 번 결제됐어요 이중 결제"],
    "zh": ["我的订单还没到", "被扣款两次"],
    "ar": ["طلبي لم يصل بعد", "تم الخصم مرتين", "الطرد وصلني ناقص"],
}


@pytest.mark.parametrize("language", sorted(BEFORE))
def test_a_question_before_buying_is_about_no_order(language: str) -> None:
    for text in BEFORE[language]:
        assert not about_a_placed_order(text, {}), text
        assert no_order_yet("delivery_period", text, {}) and no_order_yet("payment_issue", text, {})
    # a number the shopper gave, or a linked order, is an order
    assert about_a_placed_order(BEFORE[language][0], {"order_number": "40112"})


@pytest.mark.parametrize("language", sorted(AFTER))
def test_a_question_about_an_order_placed_is_about_one(language: str) -> None:
    for text in AFTER[language]:
        assert about_a_placed_order(text, {}), text
    # answers about an order by what they answer always ask for it
    assert not no_order_yet("track_order", BEFORE[language][0], {})


@cache
def engine() -> SuggestionEngine:
    return runtime_engine()


# (message, language): end to end, as `borderdesk suggest` reads
# a message without an order.
ASKED = [
    ("¿Cuánto tarda el envío a Argentina? ¿Los impuestos van incluidos?", "es"),
    ("Combien de temps prend la livraison en Belgique ?", "fr"),
    ("Ho provato a pagare ma la carta è stata rifiutata. Posso pagare con bonifico?", "it"),
    ("How long does delivery to New Zealand take?", "en"),
    ("オーストラリアまで配送に何日かかりますか？", "ja"),
]


@pytest.mark.parametrize(("text", "language"), ASKED)
def test_the_reply_before_buying_asks_for_no_order(text: str, language: str) -> None:
    s = engine().suggest(text, lang_hint=language)
    assert s.reply is not None, s.top
    assert s.asks_for == ()
    assert link_request(language, None) not in s.reply, s.reply


def test_the_reply_about_an_order_placed_still_asks_for_it() -> None:
    s = engine().suggest(
        "I ordered last week, how long does delivery to Canada take?", lang_hint="en"
    )
    assert s.asks_for == ("order_number", "checkout_contact"), s.reply
    assert link_request("en", None) in (s.reply or "")
