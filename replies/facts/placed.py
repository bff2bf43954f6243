"""Is the message about an order already placed, or asked before buying?

"How long does shipping to Chile take, are duties included?" and "my card was declined,
can I pay with PayPal?" come from shoppers who have no order: the first has not bought
yet, and a payment that failed created none. An answer that asks them for "the order
number and the e-mail you used at checkout" asks for something that does not exist, and a
store would delete that sentence before sending it. The same questions asked about an
order already placed ("my parcel to Chile, how much longer?", "I was charged twice")
need the order, and still ask for it.

A few answers are asked as often before buying as after (``ASKED_BEFORE_BUYING``); for
them the order is asked for only when the message shows one exists: an order number, an
order or parcel the shopper calls theirs ("my order", "mi pedido", "siparişim", "我的订单"),
ordering, buying or paying in the past ("I ordered", "j'ai commandé", "заказал"), a
parcel that arrived or did not ("hasn't arrived", "no me ha llegado", "届いていません"), or
money taken ("charged twice", "abgebucht"). A payment that failed ("declined",
"rechazado", "reddedildi") created no order, unless money was taken all the same.

Words of all 14 languages are looked for in every message: shoppers mix them, and a word
of one language is not a word of another here.

    about_a_placed_order("¿cuánto tarda el envío a Chile?", {})    # False
    about_a_placed_order("my order to Chile, how much longer?", {})  # True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Answers asked about before buying as often as after: they ask for the order only when
# the message is about one (the others are about an order by what they answer).
ASKED_BEFORE_BUYING = frozenset({"delivery_period", "customs_duties", "payment_issue"})


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# An order or parcel the shopper calls theirs.
_THEIRS = _words(
    r"\bmy (?:order|parcel|package|purchase|delivery|shipment|item)s?\b",
    r"\bmi (?:pedido|paquete|compra|envío|envio)\b",
    r"\b(?:ma commande|mon colis|mon achat|ma livraison|mon paquet)\b",
    r"\b(?:meine bestellung|mein paket|meine lieferung|meine sendung|meinen einkauf)\b",
    r"\b(?:mio ordine|mio pacco|mia spedizione|mio acquisto)\b",
    r"\b(?:meu pedido|minha encomenda|meu pacote|minha compra|minha entrega)\b",
    r"\b(?:mijn bestelling|mijn pakket|mijn pakketje|mijn order)\b",
    r"(?:moje zamówienie|mojego zamówienia|moja paczka|moją paczkę|mojej paczki|moja przesyłka)",
    r"(?:мой заказ|моего заказа|моя посылка|мою посылку|моей посылки|мой посылк)",
    r"(?:siparişim|kargom|paketim)",
    r"(?:私の注文|注文した|ご注文の品|注文品)",
    r"(?:제 주문|내 주문|주문한|제 택배|내 택배)",
    r"(?:我的订单|我的包裹|我的快递|我买的|我的訂單)",
    r"(?:طلبي|طردي|شحنتي)",
)
# Ordering, buying or paying, in the past.
_ORDERED = _words(
    r"\bi (?:have |had |'ve )?(?:ordered|bought|purchased|paid)\b",
    r"\bi've (?:ordered|bought|purchased|paid)\b",
    r"\bordered (?:on|it|from|a|an|the|last|\d)",
    r"\b(?:pedí|compré|pagué|he pedido|he comprado|hice (?:el|un|mi) pedido)\b",
    r"\b(?:j'ai commandé|j'ai acheté|j'ai payé|commandé le|commandée le)\b",
    r"\b(?:habe (?:\w+ )*(?:bestellt|gekauft|bezahlt)|bestellt am|bestellt habe)\b",
    r"\b(?:ho ordinato|ho comprato|ho pagato|ordinato il)\b",
    r"\b(?:comprei|encomendei|paguei|fiz (?:o|um|meu) pedido)\b",
    r"\b(?:heb (?:\w+ )*(?:besteld|gekocht|betaald)|besteld op)\b",
    r"(?:zamówił[aeo]m|zamówiłe[mś]|kupił[aeo]m|kupiłe[mś]|zapłacił[aeo]m|zapłaciłe[mś])",
    r"(?:заказал|заказала|купил|купила|оплатил|оплатила)",
    r"(?:sipariş verdim|satın aldım|ödeme yaptım|ödedim)",
    r"(?:注文しました|購入しました|購入した|支払いました)",
    r"(?:주문했|구매했|결제했|샀는데|샀어요)",
    r"(?:下单了|下了单|买了|付款了|已付款|已下单)",
    r"(?:طلبت|اشتريت|دفعت)",
)
# A parcel that arrived, or did not.
_ARRIVED = _words(
    r"\b(?:arrived|received|delivered|turned up|came)\b",
    r"\b(?:llegó|llegado|recibí|recibido|entregado)\b",
    r"\b(?:arrivée?|reçue?|livrée?)\b",
    r"\b(?:angekommen|erhalten|zugestellt)\b",
    r"\b(?:arrivat[oa]|ricevut[oa]|consegnat[oa])\b",
    r"\b(?:chegou|recebi|recebido|entregue)\b",
    r"\b(?:ontvangen|aangekomen|binnengekomen|bezorgd)\b",
    r"(?:dotarł[aoy]?|doszł[aoy]|otrzymał[aeo]m|dostarczon)",
    r"(?:пришёл|пришел|пришла|пришло|получил|доставлен|не дошл|дошла|дошёл)",
    r"(?:geldi|gelmedi|ulaştı|ulaşmadı|teslim edildi|teslim aldım)",
    r"(?:届いた|届きました|届いていません|届かない|届いてない|受け取り?ました)",
    r"(?:받았|못 받|도착했|안 왔|오지 않)",
    r"(?:收到|到了|没到|还没到|送达了)",
    # "وصل" as its own word ("وصلني", "ما وصل"), not inside "توصلون" (do you deliver?)
    r"(?:(?<![\u0600-\u06ff])وصل|استلمت|لم يصل)",
)
# Money taken: an order exists even when the payment is said to have failed.
_CHARGED = _words(
    r"\b(?:charged|debited|billed) (?:me )?(?:twice|two times|double)",
    r"\b(?:charged|debited)\b",
    r"(?:cobrad[oa]s?|me cobraron|dos veces)",
    r"(?:débitée?|prélevée?|deux fois)",
    r"(?:abgebucht|doppelt|zweimal)",
    r"(?:addebitat[oi]|due volte)",
    r"(?:cobrad[oa]s?|cobraram|duas vezes)",
    r"(?:afgeschreven|dubbel|twee keer)",
    r"(?:pobran[oa]|pobrali|dwa razy|podwójn)",
    r"(?:списал|списали|списано|дважды)",
    r"(?:çekildi|iki kez|iki defa|iki kere)",
    r"(?:引き落と|二重|2回)",
    r"(?:두 번|이중 결제|중복 결제|빠져나갔)",
    r"(?:扣款|扣了|两次|重复)",
    r"(?:خصم|مرتين)",
)
# A payment that failed, so no order was created.
_FAILED = _words(
    r"\b(?:declined|failed|didn't go through|did not go through|was refused|rejected)\b",
    r"(?:rechazad[oa]|no se pudo|falló|no pasó|no pasa)",
    r"(?:refusée?|échoué|n'est pas passée?|ne passe pas)",
    r"(?:abgelehnt|fehlgeschlagen|ging nicht durch|geht nicht durch)",
    r"(?:rifiutat[oa]|non è andato a buon fine|non va a buon fine|non è andata a buon fine|fallit[oa])",  # noqa: E501
    r"(?:recusad[oa]|não foi aprovad[oa]|não passou|falhou)",
    r"(?:geweigerd|mislukt|lukt niet)",
    r"(?:odrzucon[aey]|nie przeszł[aoy]|nie udało)",
    r"(?:отклон|не прош[лё]|не удалось)",
    r"(?:reddedildi|başarısız|geçmedi|oluşmadı)",
    r"(?:決済できな|決済できません|決済に失敗|失敗しました|通らな)",
    r"(?:거절|실패|결제가 안)",
    r"(?:失败|被拒|付不了|支付不了)",
    r"(?:رُفض|رفض|فشل|لم تتم)",
)


def about_a_placed_order(text: str, values: Mapping[str, str]) -> bool:
    """Whether ``text`` (with the reply ``values``: a linked order, a number the shopper
    typed) is about an order already placed; see the module docstring."""
    if str(values.get("order_number") or "").strip():
        return True
    if _CHARGED.search(text):
        return True
    if _FAILED.search(text):
        return False
    return any(p.search(text) for p in (_THEIRS, _ORDERED, _ARRIVED))


def no_order_yet(intent: str, text: str, values: Mapping[str, str]) -> bool:
    """Whether the answer to ``intent`` should not ask for an order: it is asked before
    buying as often as after, and ``text`` shows no order placed."""
    return intent in ASKED_BEFORE_BUYING and not about_a_placed_order(text, values)
