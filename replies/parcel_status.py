"""What the answer to "where is my order?" says when the carrier's status tells more than
"on its way".

Two statuses a shop system passes on change the answer entirely:

- **returned to sender** ("returned", "returned_to_sender", "return to sender", "RTS"):
  the parcel is on its way back to us or came back. Calling it late or "on its way"
  would be false; the answer says it came back, that the team checks why (often an
  address problem or a parcel not collected), asks the shopper to confirm the address,
  and offers sending it again or a refund;
- **out for delivery**: the parcel arrives today; "not shipped yet" or delivery options
  would be false. The answer says so, with the carrier and tracking number when known.

Every "where is it / it's late / it's lost" reading of such an order gets this answer
(``PARCEL_INTENTS``), in all 14 languages; the European Portuguese lines are in
``library/variants/pt-PT.yaml``.

    parcel_reply({"order_status": "Returned to Sender"}, "en")
    # "Hi {shopper_name}, the parcel with your order {order_number} was returned to ..."
"""

from __future__ import annotations

import re
from collections.abc import Mapping

RETURNED = "returned"
OUT_FOR_DELIVERY = "out_for_delivery"
# Statuses as shop systems and carriers write them, lower-cased with "_" between words.
_STATUSES: Mapping[str, frozenset[str]] = {
    RETURNED: frozenset(
        {
            "returned",
            "returned_to_sender",
            "return_to_sender",
            "returning_to_sender",
            "returned_to_shipper",
            "return_to_shipper",
            "returned_to_origin",
            "return_to_origin",
            "rts",
            "rto",
        }
    ),
    OUT_FOR_DELIVERY: frozenset(
        {"out_for_delivery", "outfordelivery", "with_courier_for_delivery"}
    ),
}
_SEPARATORS = re.compile(r"[\s\-]+")

# The readings this answer replaces: where is it, it's late, it's lost.
PARCEL_INTENTS = frozenset({"track_order", "delivery_delay", "lost_package"})


def parcel_state(values: Mapping[str, str]) -> str:
    """``RETURNED``, ``OUT_FOR_DELIVERY`` or "" for the linked order's ``order_status``."""
    status = _SEPARATORS.sub("_", str(values.get("order_status") or "").strip().lower())
    return next((state for state, known in _STATUSES.items() if status in known), "")


RETURNED_REPLY: Mapping[str, str] = {
    "en": "Hi {shopper_name}, the parcel with your order {order_number} was returned to "
    "sender: it is on its way back to us or has already arrived. Our team is checking why; "
    "usually it is an address problem or a parcel that was not collected in time. Please "
    "confirm your full delivery address, and we will arrange to send it again or refund "
    "you, whichever you prefer.",
    "es": "Hola, {shopper_name}: el paquete de tu pedido {order_number} ha sido devuelto al "
    "remitente; está volviendo a nuestro almacén o ya ha llegado. Nuestro equipo está "
    "comprobando el motivo; suele deberse a un problema con la dirección o a que el paquete "
    "no se recogió a tiempo. Confírmanos tu dirección de entrega completa y organizaremos un "
    "nuevo envío o el reembolso, lo que prefieras.",
    "fr": "Bonjour {shopper_name}, le colis de votre commande {order_number} a été retourné à "
    "l'expéditeur : il est en train de revenir chez nous ou nous est déjà parvenu. Notre "
    "équipe en vérifie la raison ; il s'agit souvent d'un problème d'adresse ou d'un colis "
    "qui n'a pas été retiré à temps. Merci de nous confirmer votre adresse de livraison "
    "complète : nous organiserons un nouvel envoi ou un remboursement, selon votre préférence.",
    "de": "Hallo {shopper_name}, das Paket mit Ihrer Bestellung {order_number} wurde an den "
    "Absender zurückgeschickt: Es ist auf dem Rückweg zu uns oder schon bei uns angekommen. "
    "Unser Team prüft, woran es lag; häufig liegt es an einem Problem mit der Adresse oder "
    "daran, dass das Paket nicht rechtzeitig abgeholt wurde. Bitte bestätigen Sie uns Ihre "
    "vollständige Lieferadresse, dann veranlassen wir einen erneuten Versand oder eine "
    "Erstattung, ganz wie Sie möchten.",
    "it": "Ciao {shopper_name}, il pacco del tuo ordine {order_number} è stato rispedito al "
    "mittente: sta tornando da noi o ci è già arrivato. Il nostro team sta verificando il "
    "motivo; spesso si tratta di un problema con l'indirizzo o di un pacco non ritirato in "
    "tempo. Confermaci il tuo indirizzo di consegna completo e organizzeremo una nuova "
    "spedizione o il rimborso, come preferisci.",
    "pt": "Olá, {shopper_name}! O pacote do seu pedido {order_number} foi devolvido ao "
    "remetente: ele está voltando para nós ou já chegou de volta. Nossa equipe está "
    "verificando o motivo; muitas vezes é um problema no endereço ou um pacote que não foi "
    "retirado a tempo. Confirme seu endereço de entrega completo e vamos providenciar um novo "
    "envio ou o reembolso, como você preferir.",
    "nl": "Hoi {shopper_name}, het pakket met je bestelling {order_number} is teruggestuurd "
    "naar de afzender: het is onderweg terug naar ons of al bij ons aangekomen. Ons team "
    "zoekt uit waarom; vaak gaat het om een probleem met het adres of een pakket dat niet op "
    "tijd is opgehaald. Wil je je volledige bezorgadres bevestigen? Dan sturen we het opnieuw "
    "op of betalen we je terug, wat jij het liefst hebt.",
    "pl": "Dzień dobry, {shopper_name}! Paczka z Twoim zamówieniem {order_number} została "
    "zwrócona do nadawcy: wraca do nas lub już do nas dotarła. Nasz zespół sprawdza "
    "przyczynę; najczęściej chodzi o problem z adresem albo o paczkę, której nie odebrano na "
    "czas. Potwierdź, proszę, pełny adres dostawy, a zorganizujemy ponowną wysyłkę lub zwrot "
    "pieniędzy – jak wolisz.",
    "ru": "Здравствуйте, {shopper_name}! Посылка с вашим заказом {order_number} возвращена "
    "отправителю: сейчас она возвращается к нам или уже вернулась. Мы выясняем причину; "
    "чаще всего дело в адресе или в том, что посылку не забрали вовремя. Пожалуйста, "
    "подтвердите полный адрес доставки, и мы организуем повторную отправку или возврат "
    "денег — как вам удобнее.",
    "tr": "Merhaba {shopper_name}, {order_number} numaralı siparişinizin kargosu göndericiye "
    "iade edildi: şu anda bize geri dönüyor ya da çoktan elimize ulaştı. Ekibimiz nedenini "
    "inceliyor; bu genellikle adresle ilgili bir sorundan ya da kargonun zamanında teslim "
    "alınmamasından kaynaklanır. Lütfen açık teslimat adresinizi bize teyit edin; tercihinize "
    "göre siparişinizi yeniden gönderir ya da ücretinizi iade ederiz.",
    "ja": "{shopper_name}様、ご注文{order_number}のお荷物は、差出人である当店へ返送されました。"
    "現在当店へ戻る途中か、すでに当店に届いております。担当者が返送の理由を確認しております。"
    "多くの場合、ご住所の不備や、保管期間内にお受け取りいただけなかったことが原因です。"
    "お手数ですが、お届け先のご住所を省略せずにお知らせください。ご希望に応じて、再発送または"
    "ご返金の手配をいたします。",
    "ko": "{shopper_name}님, 주문하신 상품(주문번호 {order_number})이 저희 쪽으로 "
    "반송되었습니다. 현재 저희에게 돌아오는 중이거나 이미 도착했습니다. 담당자가 반송 사유를 "
    "확인하고 있으며, 대부분 주소 문제나 보관 기한 내 미수령으로 인한 반송입니다. 전체 배송 "
    "주소를 확인해 알려 주시면 원하시는 대로 재발송 또는 환불을 진행해 드리겠습니다.",
    "zh": "{shopper_name}您好，您订单{order_number}的包裹已被退回寄件方（即本店），目前正在"
    "退回途中，或已退回到我们这里。我们正在核实原因，常见的情况是地址有误或包裹未在规定时间内"
    "领取。请向我们确认您完整的收货地址，我们会根据您的意愿安排重新发货或退款。",
    "ar": "مرحبًا {shopper_name}، أُعيد طرد طلبك {order_number} إلى المرسل: فهو في طريق عودته "
    "إلينا أو وصل إلينا بالفعل. يتحقق فريقنا من السبب؛ وغالبًا ما يكون ذلك بسبب مشكلة في "
    "العنوان أو لأن الطرد لم يُستلم في الوقت المحدد. يُرجى تأكيد عنوان التوصيل كاملًا، "
    "وسنرتب إعادة إرساله إليك أو رد المبلغ، حسبما تفضّل.",
}

# Out for delivery says nothing good or bad about timing: the order may well be late
# (this answer also replaces the "it's late" reading), so no "good news" opening.
OUT_FOR_DELIVERY_REPLY: Mapping[str, str] = {
    "en": "Hi {shopper_name}, your order {order_number} is out for delivery today with "
    "{carrier}; you can follow it with tracking number {tracking_number} on the carrier's "
    "website.",
    "es": "Hola, {shopper_name}: tu pedido {order_number} ha salido hoy a reparto con "
    "{carrier}; puedes seguirlo con el número de seguimiento {tracking_number} en la web del "
    "transportista.",
    "fr": "Bonjour {shopper_name}, votre commande {order_number} est en cours de livraison : "
    "{carrier} vous la livrera aujourd'hui. Vous pouvez la suivre avec le numéro de suivi "
    "{tracking_number} sur le site du transporteur.",
    "de": "Hallo {shopper_name}, Ihre Bestellung {order_number} wird heute von {carrier} "
    "zugestellt; Sie können sie mit der Sendungsnummer {tracking_number} auf der Website des "
    "Versanddienstleisters verfolgen.",
    "it": "Ciao {shopper_name}, il tuo ordine {order_number} oggi è in consegna con {carrier}; "
    "puoi seguirlo con il numero di tracciamento {tracking_number} sul sito del corriere.",
    "pt": "Olá, {shopper_name}! Seu pedido {order_number} saiu para entrega hoje com "
    "{carrier}; você pode acompanhá-lo pelo código de rastreio "
    "{tracking_number} no site da transportadora.",
    "nl": "Hoi {shopper_name}, je bestelling {order_number} wordt vandaag bezorgd door "
    "{carrier}; je kunt hem volgen met trackingnummer {tracking_number} op de website van de "
    "vervoerder.",
    "pl": "Dzień dobry, {shopper_name}! Twoje zamówienie {order_number} zostało dziś wydane "
    "kurierowi do doręczenia – {carrier} dostarczy je w ciągu dnia. Przesyłkę możesz śledzić "
    "pod numerem {tracking_number} na stronie przewoźnika.",
    "ru": "Здравствуйте, {shopper_name}! Ваш заказ {order_number} сегодня передан курьеру, "
    "его привезёт {carrier}; отследить его можно по трек-номеру {tracking_number} на сайте "
    "перевозчика.",
    "tr": "Merhaba {shopper_name}, {order_number} numaralı siparişiniz bugün {carrier} ile "
    "dağıtıma çıktı. Gönderinizi {tracking_number} takip numarasıyla kargo firmasının web "
    "sitesinden takip edebilirsiniz.",
    "ja": "{shopper_name}様、ご注文{order_number}は本日配達予定で、現在{carrier}が配達中です"
    "（追跡番号：{tracking_number}）。配送状況は配送業者のウェブサイトでご確認いただけます。",
    "ko": "{shopper_name}님, 주문하신 상품(주문번호 {order_number})은 오늘 {carrier}에서 "
    "배송 출발하여 오늘 중 도착할 예정입니다. 택배사 홈페이지에서 배송 현황을 확인하실 수 "
    "있습니다(운송장 번호: {tracking_number}).",
    "zh": "{shopper_name}您好，您的订单{order_number}今天由{carrier}派送，目前正在派送中。"
    "您可以凭物流单号{tracking_number}在承运商官网查询物流动态。",
    "ar": "مرحبًا {shopper_name}، طلبك {order_number} خرج اليوم للتوصيل مع {carrier}؛ "
    "يمكنك تتبعه برقم التتبع {tracking_number} على موقع شركة الشحن.",
}

# Out for delivery, but the store passed on no tracking number.
OUT_FOR_DELIVERY_UNTRACKED: Mapping[str, str] = {
    "en": "Hi {shopper_name}, your order {order_number} is out for delivery today and "
    "should reach you in the course of the day.",
    "es": "Hola, {shopper_name}: tu pedido {order_number} ha salido hoy a reparto y debería "
    "llegarte a lo largo del día.",
    "fr": "Bonjour {shopper_name}, votre commande {order_number} est en cours de livraison et "
    "devrait vous parvenir dans la journée.",
    "de": "Hallo {shopper_name}, Ihre Bestellung {order_number} ist heute in der Zustellung "
    "und sollte im Laufe des Tages bei Ihnen eintreffen.",
    "it": "Ciao {shopper_name}, il tuo ordine {order_number} oggi è in consegna e dovrebbe "
    "arrivarti in giornata.",
    "pt": "Olá, {shopper_name}! Seu pedido {order_number} saiu para entrega hoje e deve "
    "chegar até você ao longo do dia.",
    "nl": "Hoi {shopper_name}, je bestelling {order_number} is vandaag met de bezorger "
    "onderweg en komt als het goed is in de loop van de dag bij je aan.",
    "pl": "Dzień dobry, {shopper_name}! Twoje zamówienie {order_number} zostało dziś wydane "
    "kurierowi do doręczenia i powinno dotrzeć do Ciebie w ciągu dnia.",
    "ru": "Здравствуйте, {shopper_name}! Ваш заказ {order_number} сегодня передан курьеру и "
    "должен быть доставлен вам в течение дня.",
    "tr": "Merhaba {shopper_name}, {order_number} numaralı siparişiniz bugün dağıtıma çıktı "
    "ve gün içinde size ulaşması bekleniyor.",
    "ja": "{shopper_name}様、ご注文{order_number}は現在配達中で、本日中にお届けの予定です。",
    "ko": "{shopper_name}님, 주문하신 상품(주문번호 {order_number})은 현재 배달 중이며 오늘 "
    "중 도착할 예정입니다.",
    "zh": "{shopper_name}您好，您的订单{order_number}正在派送中，预计今天送达。",
    "ar": "مرحبًا {shopper_name}، طلبك {order_number} خرج اليوم للتوصيل ومن المتوقع أن "
    "يصلك خلال اليوم.",
}

def parcel_reply(values: Mapping[str, str], language: str) -> str | None:
    """The answer's template in ``language`` (English when it has none) for a linked order
    returned to sender or out for delivery; None for any other order."""
    state = parcel_state(values)
    if state == RETURNED:
        replies = RETURNED_REPLY
    elif state == OUT_FOR_DELIVERY:
        tracked = str(values.get("tracking_number") or "").strip()
        replies = OUT_FOR_DELIVERY_REPLY if tracked else OUT_FOR_DELIVERY_UNTRACKED
    else:
        return None
    return replies.get(language, replies["en"])
