"""A refund asked for in a customs answer: of a duty bill, or of a parcel stuck at customs.

"UPS made me pay $46 in duties, can you refund that?" and "stuck at customs for a week,
refund me or I complain" were answered with how duties work and a request for the
notice, and the refund they asked for was not mentioned at all. The answer now says what
the store's terms allow (``shipping.customs.duties`` in the desk file), without promising
more:

- a duty bill, duties included in the price (``at_checkout``): the charge is refunded
  once the notice is checked;
- a duty bill, duties paid on delivery (``on_delivery``): they are normally not refunded,
  but the notice is checked for anything charged wrongly;
- a duty bill, terms unknown: the team checks whether it can be refunded;
- a parcel held at customs: if customs cannot release it, the order is refunded or sent
  again, and the team confirms which.

Left out (empty) when the message asks for no refund.

    duty_refund("can u refund that", bill=True, terms=ShippingTerms(), language="en")
    # "We're sorry the charge came as a surprise; whether it can be refunded, our team will
    #  check against your order and tell you."
"""

from __future__ import annotations

import re

from replies.facts.terms import Duties, ShippingTerms
from replies.features import fold

_REFUND = re.compile(
    r"refund|money back|reembols|devuelv|devolve|rembours|erstatt|geld zuruck|rimbors|"
    r"restitui|estorno|dinheiro de volta|terugbetal|geld terug|zwrot|oddajcie|oddac|"
    r"верн(?:ете|ите|уть|ут)\b|возврат|iade|geri (?:ver|od)|返金|払い戻|환불|退款|退钱|退给我|"
    r"退还|能退吗|可以退吗|استرد|رجعوا|ترجعوا|ترجعون|ترجعولي|ترجعلي",
    re.IGNORECASE,
)

# (duties in the price, duties paid on delivery, terms unknown, a parcel held at customs)
_SENTENCES: dict[str, tuple[str, str, str, str]] = {
    "en": (
        "We're sorry the charge came as a surprise: duties are included in our prices, so "
        "once we have checked the notice we will refund what you paid the carrier.",
        "We're sorry the charge came as a surprise; duties paid on delivery are normally not "
        "refunded, but our team will check the notice and tell you if anything was charged "
        "wrongly.",
        "We're sorry the charge came as a surprise; whether it can be refunded, our team "
        "will check against your order and tell you.",
        "If customs cannot release the parcel, we will refund the order or send it again; "
        "our team will confirm which once it has checked with the carrier.",
    ),
    "es": (
        "Sentimos que este cobro te haya sorprendido: los aranceles están incluidos en "
        "nuestros precios, así que, una vez revisado el aviso, te reembolsaremos lo que "
        "pagaste al transportista.",
        "Sentimos que este cobro te haya sorprendido; los aranceles pagados en la entrega "
        "normalmente no se reembolsan, pero nuestro equipo revisará el aviso y te dirá si se "
        "cobró algo de más.",
        "Sentimos que este cobro te haya sorprendido; nuestro equipo comprobará según tu "
        "pedido si se puede reembolsar y te lo dirá.",
        "Si la aduana no puede liberar el paquete, te reembolsaremos el pedido o te lo "
        "enviaremos de nuevo; nuestro equipo te confirmará cuál de las dos cosas haremos, una "
        "vez que lo haya revisado con el transportista.",
    ),
    "fr": (
        "Nous sommes désolés que ces frais vous aient surpris : les droits de douane sont "
        "inclus dans nos prix, donc après vérification de l'avis, nous vous rembourserons ce "
        "que vous avez payé au transporteur.",
        "Nous sommes désolés que ces frais vous aient surpris ; les droits payés à la "
        "livraison ne sont normalement pas remboursés, mais notre équipe vérifiera l'avis et "
        "vous dira si quelque chose a été facturé à tort.",
        "Nous sommes désolés que ces frais vous aient surpris ; notre équipe vérifiera d'après "
        "votre commande s'ils peuvent être remboursés et vous le dira.",
        "Si la douane ne peut pas libérer le colis, nous vous rembourserons la commande ou "
        "vous la renverrons ; notre équipe vous confirmera la solution après avoir fait le "
        "point avec le transporteur.",
    ),
    "de": (
        "Es tut uns leid, dass Sie die Gebühr überrascht hat: Zölle sind in unseren Preisen "
        "enthalten, daher erstatten wir Ihnen nach Prüfung des Bescheids, was Sie dem "
        "Zusteller gezahlt haben.",
        "Es tut uns leid, dass Sie die Gebühr überrascht hat; bei der Zustellung bezahlte "
        "Zölle werden normalerweise nicht erstattet, unser Team prüft aber den Bescheid und "
        "sagt Ihnen, falls etwas zu Unrecht berechnet wurde.",
        "Es tut uns leid, dass Sie die Gebühr überrascht hat; ob sie erstattet werden kann, "
        "prüft unser Team anhand Ihrer Bestellung und gibt Ihnen Bescheid.",
        "Kann der Zoll das Paket nicht freigeben, erstatten wir Ihnen die Bestellung oder "
        "schicken sie erneut; welche der beiden Lösungen es wird, bestätigt Ihnen unser Team, "
        "sobald es mit dem Versanddienstleister gesprochen hat.",
    ),
    "it": (
        "Ci dispiace per questo addebito inatteso: i dazi sono inclusi nei nostri "
        "prezzi, quindi, verificato l'avviso, ti rimborseremo quanto hai pagato al corriere.",
        "Ci dispiace per questo addebito inatteso; i dazi pagati alla consegna di norma "
        "non vengono rimborsati, ma il nostro team verificherà l'avviso e ti dirà se "
        "qualcosa è stato addebitato per errore.",
        "Ci dispiace per questo addebito inatteso; il nostro team verificherà in base al "
        "tuo ordine se può essere rimborsato e te lo farà sapere.",
        "Se la dogana non può sbloccare il pacco, ti rimborseremo l'ordine o te lo "
        "rispediremo; il nostro team ti confermerà quale delle due soluzioni dopo aver "
        "verificato con il corriere.",
    ),
    "pt": (
        "Lamentamos que a cobrança tenha sido uma surpresa: as taxas de importação estão "
        "incluídas nos nossos preços, então, depois de conferirmos o aviso, vamos reembolsar o "
        "que você pagou à transportadora.",
        "Lamentamos que a cobrança tenha sido uma surpresa; as taxas pagas na entrega "
        "normalmente não são reembolsadas, mas nossa equipe vai conferir o aviso e dizer se "
        "algo foi cobrado indevidamente.",
        "Lamentamos que a cobrança tenha sido uma surpresa; nossa equipe vai verificar, com "
        "base no seu pedido, se ela pode ser reembolsada e avisar você.",
        "Se a alfândega não puder liberar o pacote, vamos reembolsar o pedido ou enviá-lo de "
        "novo; nossa equipe vai confirmar qual das duas opções depois de verificar com a "
        "transportadora.",
    ),
    "nl": (
        "Vervelend dat de kosten als een verrassing kwamen: invoerrechten zijn bij onze "
        "prijzen inbegrepen, dus na controle van de kennisgeving betalen we je terug wat je "
        "aan de vervoerder hebt betaald.",
        "Vervelend dat de kosten als een verrassing kwamen; bij levering betaalde "
        "invoerrechten worden normaal niet terugbetaald, maar ons team bekijkt de "
        "kennisgeving en laat je weten als er iets ten onrechte is gerekend.",
        "Vervelend dat de kosten als een verrassing kwamen; ons team zoekt aan de hand van je "
        "bestelling uit of ze terugbetaald kunnen worden en laat het je weten.",
        "Kan de douane het pakket niet vrijgeven, dan betalen we de bestelling terug of "
        "versturen we haar opnieuw; ons team laat je weten welke van de twee, zodra het met "
        "de vervoerder heeft overlegd.",
    ),
    "pl": (
        "Przykro nam, że ta opłata była dla Ciebie zaskoczeniem: cło jest wliczone w nasze ceny, "
        "więc po sprawdzeniu zawiadomienia zwrócimy Ci kwotę zapłaconą przewoźnikowi.",
        "Przykro nam, że ta opłata była dla Ciebie zaskoczeniem; cło zapłacone przy odbiorze "
        "zwykle nie podlega zwrotowi, ale nasz zespół sprawdzi zawiadomienie i da Ci znać, "
        "jeśli coś naliczono błędnie.",
        "Przykro nam, że ta opłata była dla Ciebie zaskoczeniem; nasz zespół sprawdzi na "
        "podstawie zamówienia, czy można ją zwrócić, i da Ci znać.",
        "Jeśli urząd celny nie może wydać paczki, zwrócimy pieniądze za zamówienie albo "
        "wyślemy je ponownie; nasz zespół potwierdzi, którą z tych opcji wybieramy, gdy "
        "wyjaśni sprawę z przewoźnikiem.",
    ),
    "ru": (
        "Нам жаль, что этот платёж стал для вас неожиданностью: пошлины включены в наши "
        "цены, поэтому после проверки уведомления мы вернём вам сумму, уплаченную "
        "перевозчику.",
        "Нам жаль, что этот платёж стал для вас неожиданностью; пошлины, оплаченные при "
        "получении, обычно не возвращаются, но наша команда проверит уведомление и сообщит, "
        "если что-то было начислено ошибочно.",
        "Нам жаль, что этот платёж стал для вас неожиданностью; можно ли его вернуть, наша "
        "команда проверит по вашему заказу и сообщит вам.",
        "Если таможня не сможет выпустить посылку, мы вернём деньги за заказ или отправим "
        "его повторно; какой вариант мы выберем, наша команда сообщит после проверки у "
        "перевозчика.",
    ),
    "tr": (
        "Beklenmedik bir ücretle karşılaştığınız için üzgünüz: gümrük vergileri fiyatlarımıza "
        "dahildir, bu yüzden bildirimi kontrol ettikten sonra kargo firmasına ödediğiniz "
        "tutarı size iade edeceğiz.",
        "Beklenmedik bir ücretle karşılaştığınız için üzgünüz; teslimatta ödenen gümrük "
        "vergileri normalde iade edilmez, ancak ekibimiz bildirimi kontrol edip yanlış alınan "
        "bir ücret varsa size haber verecek.",
        "Beklenmedik bir ücretle karşılaştığınız için üzgünüz; iade edilip edilemeyeceğini "
        "ekibimiz siparişinize göre kontrol edip size bildirecek.",
        "Paket gümrükten çıkarılamazsa siparişinizin ücretini iade eder ya da siparişinizi "
        "yeniden göndeririz; hangisini yapacağımızı ekibimiz kargo firmasıyla görüştükten "
        "sonra size teyit edecek.",
    ),
    "ja": (
        "思いがけないご請求となり申し訳ございません。関税は当店の価格に含まれておりますので、"
        "通知を確認のうえ、配送業者にお支払いいただいた金額を返金いたします。",
        "思いがけないご請求となり申し訳ございません。お届け時にお支払いいただいた関税は通常返"
        "金の対象外ですが、通知を確認し、誤った請求があればお知らせいたします。",
        "思いがけないご請求となり申し訳ございません。返金が可能かどうか、担当者がご注文内容と"
        "照らし合わせて確認し、ご連絡いたします。",
        "税関で荷物の通関ができない場合は、ご注文の返金または再発送をいたします。どちらになる"
        "かは、担当者が配送業者に確認のうえご連絡いたします。",
    ),
    "ko": (
        "예상치 못한 비용이 청구되어 죄송합니다. 관세는 상품 가격에 포함되어 있으므로, "
        "통지서를 확인한 후 택배사에 내신 금액을 환불해 드리겠습니다.",
        "예상치 못한 비용이 청구되어 죄송합니다. 수령 시 납부하신 관세는 보통 환불되지 "
        "않지만, 담당자가 통지서를 확인해 잘못 청구된 부분이 있으면 알려 드리겠습니다.",
        "예상치 못한 비용이 청구되어 죄송합니다. 환불이 가능한지 담당자가 주문 내용과 함께 "
        "확인한 후 안내해 드리겠습니다.",
        "택배가 통관되지 못하면 주문 금액을 환불하거나 다시 발송해 드립니다. 어느 "
        "쪽으로 처리될지는 담당자가 택배사에 확인한 후 안내해 드리겠습니다.",
    ),
    "zh": (
        "很抱歉这笔费用让您感到意外：关税已包含在我们的价格中，核实通知后，我们会退还您支付给承运"
        "商的金额。",
        "很抱歉这笔费用让您感到意外；收货时支付的关税通常不予退还，但我们的团队会核查通知，如有误"
        "收会告知您。",
        "很抱歉这笔费用让您感到意外；能否退还，我们的团队会根据您的订单核实后告知您。",
        "如果海关无法放行包裹，我们会为您退款或重新发货；具体方式由团队向承运商核实后确认。",
    ),
    "ar": (
        "نأسف لأن هذه الرسوم فاجأتك: الرسوم الجمركية مشمولة في أسعارنا، لذا بعد التحقق من "
        "الإشعار سنرد إليك ما دفعته لشركة الشحن.",
        "نأسف لأن هذه الرسوم فاجأتك؛ الرسوم الجمركية المدفوعة عند التسليم لا تُسترد عادةً، "
        "لكن فريقنا سيتحقق من الإشعار ويخبرك إذا احتُسب شيء بالخطأ.",
        "نأسف لأن هذه الرسوم فاجأتك؛ سيتحقق فريقنا من طلبك لمعرفة ما إذا كان يمكن استردادها، "
        "ثم يخبرك بالنتيجة.",
        "إذا لم تتمكن الجمارك من الإفراج عن الطرد، فسنرد لك مبلغ الطلب أو نعيد إرساله؛ "
        "وسيؤكد لك فريقنا أي الخيارين بعد التحقق مع شركة الشحن.",
    ),
}


def asks_refund(text: str) -> bool:
    """Whether ``text`` asks for money back ("can u refund that", "ya iade edin", "환불")."""
    return bool(_REFUND.search(fold(text)))


def duty_refund(text: str, *, bill: bool, terms: ShippingTerms, language: str) -> str:
    """What the store's terms say about the refund ``text`` asks for in a customs answer,
    in ``language``: of the duty bill when ``bill``, else of a parcel held at customs;
    empty when no refund is asked for."""
    if not asks_refund(text):
        return ""
    included, on_delivery, unknown, held = _SENTENCES.get(language, _SENTENCES["en"])
    if not bill:
        return held
    duties = terms.customs.duties if terms.customs else None
    if duties == Duties.AT_CHECKOUT:
        return included
    if duties == Duties.ON_DELIVERY:
        return on_delivery
    return unknown
