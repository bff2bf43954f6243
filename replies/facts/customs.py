"""Who pays customs on the shopper's order: asked before buying, or a bill after delivery.

"Will I have to pay customs?" and "the courier wants 30 EUR" are the same intent
(customs_duties) but need different answers: before buying the shopper wants the store's
terms; with a bill in hand they want to know whether to pay it. ``is_duty_bill`` tells
them apart by what the message says (an amount, or a per-language cue such as "wants me to
pay", "me cobran", "soll zahlen"). The terms come from the desk file
(``shipping.customs``): duties paid at checkout (DDP) or on delivery (DAP), EU VAT
collected under IOSS, UK VAT collected. Inside one customs area (a domestic order, EU to
EU, Monaco in France's) there are no customs at all, and a courier's charge for them is not
paid before we check (an error or a scam); Hong Kong and Macau charge no duty on ordinary
goods whatever the terms. Without the store's country and terms (no desk file) nothing is
said about a border.

    terms = parse_shipping({"ships_from": "DE", "customs": {"duties": "on_delivery"}})
    customs_advice("CH", terms, "de", bill=False)
    # "Bei einer Lieferung in die Schweiz sind Zölle und Einfuhrsteuern nicht im Preis
    #  enthalten; ..."
    customs_advice("US", terms, "en", bill=False)
    # "For orders to the United States, duties and import taxes are not included ..."

Each is a whole sentence, never a form's label ("Zoll (Schweiz): ...") nor a gloss ("in
Ihr Land (Schweiz)"): the country is named with its preposition and case ("in die
Schweiz", "do Szwajcarii", "İsviçre'ye": ``replies.facts.country_forms``). Import VAT a
scheme collects at checkout is said in the language's words ("la TVA britannique", "die
Einfuhrumsatzsteuer über das IOSS-Verfahren der EU"), not as "(UK VAT)" or "(IOSS)".
"""

from __future__ import annotations

import re

from replies.facts.country_forms import base_language, contracted
from replies.facts.delivery import in_sentence
from replies.facts.names import sentences
from replies.facts.terms import EU_MEMBERS, CustomsTerms, Duties, ShippingTerms

# An amount of money ("30 EUR", "€30", "45,90 zł", "3000円") or a request to pay.
_BILL = re.compile(
    r"(?:[€$£¥₩₺₽]\s?\d|\d\s?(?:[€$£¥₩₺₽]|eur|usd|gbp|chf|pln|zł|zl|rub|руб|tl|try|jpy|円|"
    r"元|rmb|cny|원|krw|ريال|درهم|جنيه|sar|aed|euros?|dollars?|pounds?))"
    r"|wants? (?:me )?to pay|asking (?:me )?to pay|had to pay|charged me|"
    r"pay (?:the )?(?:courier|postman|driver|dhl|ups|fedex)|customs (?:bill|invoice|charge)|"
    r"me (?:cobran|piden|pide|quieren cobrar|están cobrando)|"
    r"on me demande|me demande de payer|"
    r"verlangt|will von mir|nachzahlen|"
    r"mi chiede|mi chiedono|"
    r"(?:estão|está) (?:me )?cobrando|me cobraram|(?:quer|querem) que eu pague|"
    r"pedi(?:ram|u)-me para pagar|me pedi(?:ram|u) para pagar|pedem-me para pagar|"
    r"quiere que (?:le )?pague|quieren que (?:les )?pague|me pide que pague|"
    r"veut que je paie|veulent que je paie|vuole che (?:io )?paghi|vogliono che (?:io )?paghi|"
    r"vragen om te betalen|vraagt om|"
    r"każą (?:mi )?zapłacić|żąda|"
    r"требуют|просят оплатить|"
    r"ödemem isteniyor|para istiyor|"
    r"請求|払えと|支払いを求め|"
    r"要我付|让我付|被收|收了我|"
    r"청구|내라고|결제하라|지불하라|"
    r"يطلب مني دفع|يطلبون|طلب مني",
    re.IGNORECASE,
)

# (no customs inside one customs area, before buying: paid at checkout, before buying:
# due on delivery, a bill when duties were paid at checkout, a bill when they are due on
# delivery, asking for the country)
_TEXT: dict[str, tuple[str, str, str, str, str, str]] = {
    "en": (
        "Orders {to_country} do not cross a customs border, so there are no customs charges.",
        "For orders {to_country}, duties and import taxes are paid at checkout, so there "
        "is nothing more to pay on delivery.",
        "For orders {to_country}, duties and import taxes are not included in the price; the "
        "carrier collects them on delivery at the local rates.",
        "Duties and import taxes for this order were already paid at checkout, so please do not "
        "pay the courier: we will settle it with them.",
        "Under our terms, duties and import taxes are paid on delivery, so the courier's charge "
        "is normally the local customs fee.",
        "Tell us which country the order goes to and we will tell you whether duties and taxes "
        "are paid at checkout or on delivery.",
    ),
    "es": (
        "Los envíos {to_country} no cruzan ninguna frontera aduanera, así que no hay aranceles que "
        "pagar.",
        "En los envíos {to_country}, los aranceles e impuestos de importación se pagan al "
        "finalizar la compra, así que no hay nada más que pagar en la entrega.",
        "En los envíos {to_country}, los aranceles e impuestos de importación no están incluidos "
        "en el precio; la empresa de transporte los cobra en la entrega según las tarifas "
        "locales.",
        "Los aranceles e impuestos de importación de este pedido ya se pagaron al comprar, así "
        "que no le pagues nada al repartidor: lo resolveremos nosotros con la empresa de "
        "transporte.",
        "Según nuestras condiciones, los aranceles e impuestos se pagan en la entrega, así que "
        "el importe que te pide el repartidor suele corresponder a los aranceles e impuestos "
        "locales.",
        "Dinos a qué país va el pedido y te diremos si los aranceles e impuestos se pagan al "
        "comprar o en la entrega.",
    ),
    "fr": (
        "Une livraison {to_country} ne franchit aucune frontière douanière : il "
        "n'y a donc pas de douane à payer.",
        "Pour une livraison {to_country}, les droits et taxes "
        "d'importation sont payés lors de la commande : il n'y a donc rien d'autre à "
        "payer à la livraison.",
        "Pour une livraison {to_country}, les droits et taxes d'importation ne "
        "sont pas inclus dans le prix ; le transporteur les perçoit à la livraison selon les "
        "tarifs locaux.",
        "Les droits et taxes de cette commande ont déjà été payés lors de l'achat : ne payez pas "
        "le livreur, nous réglerons cela avec lui.",
        "Selon nos conditions, les droits et taxes se paient à la livraison : la somme demandée "
        "par le livreur correspond en principe aux frais de douane locaux.",
        "Indiquez-nous le pays de livraison et nous vous dirons si les droits et taxes se paient "
        "à la commande ou à la livraison.",
    ),
    "de": (
        "Bei einer Lieferung {to_country} überquert die Bestellung keine Zollgrenze, "
        "es fällt also kein Zoll an.",
        "Bei einer Lieferung {to_country} werden Zölle und Einfuhrsteuern "
        "beim Kauf bezahlt, bei der Zustellung ist also nichts mehr zu zahlen.",
        "Bei einer Lieferung {to_country} sind Zölle und Einfuhrsteuern nicht im "
        "Preis enthalten; der Versanddienstleister erhebt sie bei der Zustellung nach den "
        "örtlichen Sätzen.",
        "Zölle und Einfuhrsteuern für diese Bestellung wurden bereits beim Kauf bezahlt: Bitte "
        "zahlen Sie nichts an den Zusteller, wir klären das mit ihm.",
        "Nach unseren Bedingungen werden Zölle und Einfuhrsteuern bei der Lieferung bezahlt; der "
        "Betrag, den der Zusteller verlangt, entspricht also in der Regel den örtlichen "
        "Zollabgaben.",
        "Nennen Sie uns das Lieferland, dann sagen wir Ihnen, ob Zölle und Steuern beim Kauf "
        "oder bei der Lieferung bezahlt werden.",
    ),
    "it": (
        "Per le spedizioni {in_country} l'ordine non attraversa un confine doganale, "
        "quindi non ci sono dazi da pagare.",
        "Per le spedizioni {in_country} dazi e tasse d'importazione si pagano "
        "al momento dell'acquisto, quindi alla consegna non c'è altro da pagare.",
        "Per le spedizioni {in_country} dazi e tasse d'importazione non sono inclusi "
        "nel prezzo; il corriere li riscuote alla consegna secondo le tariffe locali.",
        "Dazi e tasse di questo ordine sono già stati pagati all'acquisto, quindi non pagare "
        "nulla al corriere: ce ne occupiamo noi con la società di spedizione.",
        "Secondo le nostre condizioni dazi e tasse si pagano alla consegna, quindi l'importo "
        "richiesto dal corriere corrisponde di norma a dazi e tasse locali.",
        "Dicci in quale paese va spedito l'ordine e ti diremo se dazi e tasse si pagano "
        "all'acquisto o alla consegna.",
    ),
    "pt": (
        "Nos envios {to_country}, o pedido não atravessa uma fronteira "
        "alfandegária, então não há taxas de alfândega.",
        "Nos envios {to_country}, as taxas e os impostos de importação "
        "são pagos na finalização da compra, então não há mais nada a pagar na entrega.",
        "Nos envios {to_country}, as taxas e os impostos de importação não estão "
        "incluídos no preço; a transportadora os cobra na entrega, conforme as tarifas locais.",
        "As taxas e os impostos de importação deste pedido já foram pagos na compra, então não "
        "pague nada à transportadora: nós resolvemos isso com ela.",
        "Pelas nossas condições, as taxas e os impostos são pagos na entrega, então o valor "
        "cobrado pela transportadora normalmente corresponde às taxas alfandegárias locais.",
        "Informe para qual país vai o pedido e diremos se as taxas e os impostos são pagos na "
        "compra ou na entrega.",
    ),
    "nl": (
        "Bij levering {to_country} passeert de bestelling geen douanegrens, dus er "
        "zijn geen douanekosten.",
        "Bij levering {to_country} worden invoerrechten en belastingen bij "
        "het afrekenen betaald, dus bij ontvangst hoef je niets meer te betalen.",
        "Bij levering {to_country} zitten invoerrechten en belastingen niet in de "
        "prijs; de vervoerder int ze bij ontvangst volgens de lokale tarieven.",
        "De invoerrechten en belastingen voor deze bestelling zijn al bij het afrekenen betaald, "
        "dus betaal de bezorger niets: wij regelen het met de vervoerder.",
        "Volgens onze voorwaarden worden invoerrechten en belastingen bij de levering betaald, "
        "dus het bedrag dat de bezorger vraagt, is normaal de lokale douaneheffing.",
        "Laat ons weten naar welk land de bestelling gaat, dan vertellen we of rechten en "
        "belastingen bij het afrekenen of bij de levering worden betaald.",
    ),
    "pl": (
        "Przy wysyłce {to_country} zamówienie nie przekracza granicy celnej, "
        "więc nie ma cła do zapłaty.",
        "Przy wysyłce {to_country} cło i podatki importowe są płatne "
        "przy zakupie, więc przy odbiorze nie ma już nic do zapłaty.",
        "Przy wysyłce {to_country} cło i podatki importowe nie są wliczone w "
        "cenę; przewoźnik pobiera je przy doręczeniu według lokalnych stawek.",
        "Cło i podatki za to zamówienie zostały już opłacone przy zakupie, więc prosimy nie "
        "płacić kurierowi: wyjaśnimy to z nim.",
        "Zgodnie z naszymi warunkami cło i podatki płaci się przy odbiorze, więc kwota, której "
        "żąda kurier, to zwykle lokalna opłata celna.",
        "Napisz, do jakiego kraju ma trafić zamówienie, a powiemy, czy cło i podatki płaci się "
        "przy zakupie, czy przy odbiorze.",
    ),
    "ru": (
        "При доставке {to_country} заказ не пересекает таможенную границу, поэтому "
        "таможенных платежей нет.",
        "При доставке {to_country} пошлины и налоги на импорт оплачиваются "
        "при оформлении заказа, поэтому при получении больше ничего платить не нужно.",
        "При доставке {to_country} пошлины и налоги на импорт не входят в цену; "
        "перевозчик взимает их при получении по местным ставкам.",
        "Пошлины и налоги по этому заказу уже оплачены при покупке, поэтому, пожалуйста, не "
        "платите курьеру: мы решим вопрос с ним.",
        "По нашим условиям пошлины и налоги оплачиваются при получении, так что сумма, которую "
        "запрашивает курьер, — обычно местный таможенный сбор.",
        "Напишите, в какую страну отправить заказ, и мы скажем, оплачиваются ли пошлины и налоги "
        "при покупке или при получении.",
    ),
    "tr": (
        "{to_country} gönderilen siparişler bir gümrük sınırından geçmez, bu yüzden "
        "gümrük ücreti yoktur.",
        "{to_country} gönderilen siparişlerde gümrük ve ithalat vergileri "
        "ödeme sırasında alınır, teslimatta ödenecek başka bir şey yoktur.",
        "{to_country} gönderilen siparişlerde gümrük ve ithalat vergileri fiyata dahil "
        "değildir; kargo firması bunları teslimatta yerel oranlara göre tahsil eder.",
        "Bu siparişin gümrük ve ithalat vergileri satın alırken ödendi, lütfen kuryeye ödeme "
        "yapmayın: durumu kargo firmasıyla biz çözeceğiz.",
        "Koşullarımıza göre gümrük ve ithalat vergileri teslimatta ödenir, bu yüzden kuryenin "
        "istediği tutar genellikle yerel gümrük ücretidir.",
        "Siparişin hangi ülkeye gideceğini yazın, vergilerin ödeme sırasında mı yoksa teslimatta "
        "mı ödeneceğini söyleyelim.",
    ),
    "ja": (
        "{country}へのお届けは同じ関税地域内のため、関税はかかりません。",  # noqa: E501 (CJK text is wide, not long)
        "{country}へのお届けでは、関税・輸入税はご購入時にお支払い済みとなるため、受け取り時の追加のお支払いはありません。",  # noqa: E501 (CJK text is wide, not long)
        "{country}へのお届けでは、関税・輸入税は価格に含まれておらず、受け取り時に配送業者が現地の税率で徴収します。",  # noqa: E501 (CJK text is wide, not long)
        "このご注文の関税・輸入税はご購入時にお支払い済みです。配達員にはお支払いにならないでください。配送業者にはこちらから連絡いたします。",  # noqa: E501 (CJK text is wide, not long)
        "当店の条件では関税・輸入税は受け取り時のお支払いとなるため、配達員からの請求は通常現地の関税です。",  # noqa: E501 (CJK text is wide, not long)
        "お届け先の国・地域を教えていただければ、関税・税金がご購入時のお支払いか受け取り時のお支払いかをお知らせします。",  # noqa: E501 (CJK text is wide, not long)
    ),
    "ko": (
        "{country}까지 배송되는 주문은 같은 관세 구역 안에서 배송되므로 관세가 없습니다.",  # noqa: E501 (CJK text is wide, not long)
        "{country}까지 배송되는 주문의 관세와 수입세는 결제 시 함께 납부되므로 받으실 때 추가로 내실 금액은 없습니다.",  # noqa: E501 (CJK text is wide, not long)
        "{country}까지 배송되는 주문의 관세와 수입세는 가격에 포함되어 있지 않으며, 배송사가 수령 시 현지 세율로 징수합니다.",  # noqa: E501 (CJK text is wide, not long)
        "이 주문의 관세와 수입세는 결제 시 이미 납부되었으니 기사님께 지불하지 마세요. 저희가 배송사와 해결하겠습니다.",  # noqa: E501 (CJK text is wide, not long)
        "저희 조건상 관세와 수입세는 수령 시 납부하시므로, 기사님이 청구한 금액은 보통 현지 관세입니다.",  # noqa: E501 (CJK text is wide, not long)
        "주문을 받으실 국가나 지역을 알려 주시면 관세와 세금을 결제 시 내는지 수령 시 내는지 안내해 드리겠습니다.",  # noqa: E501 (CJK text is wide, not long)
    ),
    "zh": (
        "寄往{country}的订单不跨越关境，因此无需支付关税。",  # noqa: E501 (CJK text is wide, not long)
        "寄往{country}的订单，关税和进口税在结账时已支付，收货时无需再付任何费用。",  # noqa: E501 (CJK text is wide, not long)
        "寄往{country}的订单，关税和进口税不含在价格中，由承运商在派送时按当地税率收取。",  # noqa: E501 (CJK text is wide, not long)
        "这笔订单的关税和进口税已在购买时支付，请不要向快递员付款，我们会与快递公司沟通处理。",  # noqa: E501 (CJK text is wide, not long)
        "按照我们的条款，关税和进口税在收货时支付，所以快递员收取的通常是当地的关税。",  # noqa: E501 (CJK text is wide, not long)
        "请告诉我们订单寄往哪个国家或地区，我们会告诉您关税和税费是在结账时还是收货时支付。",  # noqa: E501 (CJK text is wide, not long)
    ),
    "ar": (
        "الطلبات المرسلة {to_country} لا تعبر حدوداً جمركية، لذا لا توجد رسوم جمركية.",
        "في الطلبات المرسلة {to_country} تُدفع الرسوم الجمركية وضرائب الاستيراد عند "
        "الشراء، فلا يوجد ما تدفعه عند الاستلام.",
        "في الطلبات المرسلة {to_country}، الرسوم الجمركية وضرائب الاستيراد غير مشمولة في السعر، "
        "وتحصّلها شركة الشحن عند التسليم وفق الأسعار المحلية.",
        "الرسوم والضرائب لهذا الطلب دُفعت عند الشراء، فلا تدفع شيئاً لمندوب التوصيل: "
        "سنتولى الأمر مع شركة الشحن.",
        "وفق شروطنا تُدفع الرسوم والضرائب عند الاستلام، لذا فالمبلغ الذي يطلبه المندوب هو عادةً "
        "الرسوم الجمركية المحلية.",
        "أخبرنا إلى أي بلد سيُرسل الطلب وسنخبرك هل تُدفع الرسوم والضرائب عند الشراء أم عند الاستلام.",
    ),
}


# Import VAT the store collects at checkout under a scheme, each in the words the language
# uses for it (never a bracketed gloss such as "(UK VAT)"): the EU's IOSS, which may stay
# an acronym, and the UK VAT a seller charges on goods up to GBP 135.
_SCHEMES: dict[str, dict[str, str]] = {
    "en": {
        "ioss": "For orders {to_country}, the import VAT is charged at checkout through the "
        "EU's IOSS scheme, so there is nothing more to pay on delivery.",
        "uk_vat": "For orders {to_country}, UK VAT is charged at checkout, so there is nothing "
        "more to pay on delivery.",
    },
    "es": {
        "ioss": "En los envíos {to_country}, el IVA de importación se cobra al finalizar la "
        "compra mediante el sistema IOSS de la UE, así que no hay nada más que pagar en la "
        "entrega.",
        "uk_vat": "En los envíos {to_country}, el IVA británico se cobra al finalizar la "
        "compra, así que no hay nada más que pagar en la entrega.",
    },
    "fr": {
        "ioss": "Pour une livraison {to_country}, la TVA à l'importation est perçue lors de la "
        "commande via le guichet unique IOSS de l'UE : il n'y a donc rien d'autre à payer à "
        "la livraison.",
        "uk_vat": "Pour une livraison {to_country}, la TVA britannique est perçue lors de la "
        "commande : il n'y a donc rien d'autre à payer à la livraison.",
    },
    "de": {
        "ioss": "Bei einer Lieferung {to_country} wird die Einfuhrumsatzsteuer über das "
        "IOSS-Verfahren der EU schon beim Kauf erhoben, bei der Zustellung ist also nichts mehr "
        "zu zahlen.",
        "uk_vat": "Bei einer Lieferung {to_country} wird die britische Mehrwertsteuer schon "
        "beim Kauf erhoben, bei der Zustellung ist also nichts mehr zu zahlen.",
    },
    "it": {
        "ioss": "Per le spedizioni {in_country} l'IVA all'importazione si paga al momento "
        "dell'acquisto tramite il regime IOSS dell'UE, quindi alla consegna non c'è altro da "
        "pagare.",
        "uk_vat": "Per le spedizioni {in_country} l'IVA britannica si paga al momento "
        "dell'acquisto, quindi alla consegna non c'è altro da pagare.",
    },
    "pt": {
        "ioss": "Nos envios {to_country}, o IVA de importação é cobrado na finalização da "
        "compra pelo sistema IOSS da União Europeia, então não há mais nada a pagar na entrega.",
        "uk_vat": "Nos envios {to_country}, o IVA britânico é cobrado na finalização da "
        "compra, então não há mais nada a pagar na entrega.",
    },
    "nl": {
        "ioss": "Bij levering {to_country} wordt de invoer-btw al bij het afrekenen geïnd via "
        "de IOSS-regeling van de EU, dus bij ontvangst hoef je niets meer te betalen.",
        "uk_vat": "Bij levering {to_country} wordt de Britse btw al bij het afrekenen geïnd, "
        "dus bij ontvangst hoef je niets meer te betalen.",
    },
    "pl": {
        "ioss": "Przy wysyłce {to_country} VAT importowy pobieramy już przy zakupie w ramach "
        "unijnej procedury IOSS, więc przy odbiorze nie ma nic więcej do zapłaty.",
        "uk_vat": "Przy wysyłce {to_country} brytyjski VAT pobieramy już przy zakupie, więc "
        "przy odbiorze nie ma nic więcej do zapłaty.",
    },
    "ru": {
        "ioss": "При доставке {to_country} ввозной НДС взимается при оформлении заказа по "
        "системе IOSS Евросоюза, поэтому при получении больше ничего платить не нужно.",
        "uk_vat": "При доставке {to_country} британский НДС взимается при оформлении заказа, "
        "поэтому при получении больше ничего платить не нужно.",
    },
    "tr": {
        "ioss": "{to_country} gönderilen siparişlerde ithalat KDV'si, AB'nin IOSS sistemiyle "
        "ödeme sırasında alınır; teslimatta ödenecek başka bir şey yoktur.",
        "uk_vat": "{to_country} gönderilen siparişlerde Birleşik Krallık KDV'si ödeme sırasında "
        "alınır; teslimatta ödenecek başka bir şey yoktur.",
    },
    "ja": {
        "ioss": "{country}へのお届けでは、輸入時の付加価値税はEUのIOSS制度によりご購入時にお支払い済みとなるため、受け取り時の追加のお支払いはありません。",  # noqa: E501 (CJK text is wide, not long)
        "uk_vat": "{country}へのお届けでは、英国VATはご購入時にお支払い済みとなるため、受け取り時の追加のお支払いはありません。",  # noqa: E501 (CJK text is wide, not long)
    },
    "ko": {
        "ioss": "{country}까지 배송되는 주문의 수입 부가가치세는 EU의 IOSS 제도에 따라 결제 시 함께 납부되므로 받으실 때 추가로 내실 금액은 없습니다.",  # noqa: E501 (CJK text is wide, not long)
        "uk_vat": "{country}까지 배송되는 주문의 영국 부가가치세는 결제 시 함께 납부되므로 받으실 때 추가로 내실 금액은 없습니다.",  # noqa: E501 (CJK text is wide, not long)
    },
    "zh": {
        "ioss": "寄往{country}的订单，进口增值税已通过欧盟IOSS机制在结账时支付，收货时无需再付任何费用。",  # noqa: E501 (CJK text is wide, not long)
        "uk_vat": "寄往{country}的订单，英国增值税已在结账时支付，收货时无需再付任何费用。",  # noqa: E501 (CJK text is wide, not long)
    },
    "ar": {
        "ioss": "في الطلبات المرسلة {to_country} تُدفع ضريبة القيمة المضافة على الاستيراد عند "
        "الشراء عبر نظام IOSS الأوروبي، فلا يوجد ما تدفعه عند الاستلام.",
        "uk_vat": "في الطلبات المرسلة {to_country} تُدفع ضريبة القيمة المضافة البريطانية عند "
        "الشراء، فلا يوجد ما تدفعه عند الاستلام.",
    },
}

# When the desk file gives no customs terms: true whoever pays, and staff confirm.
_UNSET: dict[str, str] = {
    "en": "Orders {to_country} cross a customs border, so import duties and taxes may apply; our "
    "team will confirm who pays them.",
    "es": "Los envíos {to_country} cruzan una frontera aduanera, así que pueden aplicarse "
    "aranceles e impuestos de importación; nuestro equipo te confirmará quién los paga.",
    "fr": "Une livraison {to_country} franchit une frontière douanière : des droits "
    "et taxes d'importation peuvent donc s'appliquer ; notre équipe vous confirmera qui les paie.",
    "de": "Bei einer Lieferung {to_country} überquert die Bestellung eine Zollgrenze, "
    "daher können Zölle und Einfuhrsteuern anfallen; unser Team bestätigt Ihnen, wer sie bezahlt.",
    "it": "Per le spedizioni {in_country} l'ordine attraversa un confine doganale, "
    "quindi possono esserci dazi e tasse d'importazione; il nostro team ti confermerà chi li "
    "paga.",
    "pt": "Nos envios {to_country}, o pedido atravessa uma fronteira "
    "alfandegária, então podem ser cobrados taxas e impostos de importação; nossa equipe vai "
    "confirmar quem os paga.",
    "nl": "Bij levering {to_country} passeert de bestelling een douanegrens, dus er "
    "kunnen invoerrechten en belastingen gelden; ons team bevestigt wie ze betaalt.",
    "pl": "Przy wysyłce {to_country} zamówienie przekracza granicę celną, więc "
    "mogą obowiązywać cło i podatki importowe; nasz zespół potwierdzi, kto je płaci.",
    "ru": "При доставке {to_country} заказ пересекает таможенную границу, поэтому "
    "возможны пошлины и налоги на импорт; наша команда уточнит, кто их оплачивает.",
    "tr": "{to_country} gönderilen siparişler bir gümrük sınırından geçer, bu nedenle "
    "gümrük ve ithalat vergileri çıkabilir; ekibimiz bunları kimin ödeyeceğini size teyit edecek.",
    "ja": "{country}へのお届けは輸入扱いとなるため、関税・輸入税がかかる場合があります。どちらがご負担になるかは担当者からご連絡いたします。",  # noqa: E501 (CJK text is wide, not long)
    "ko": "{country}까지는 통관을 거치는 해외 배송이므로 관세와 수입세가 부과될 수 있습니다. 누가 부담하는지는 담당자가 확인해 드리겠습니다.",  # noqa: E501 (CJK text is wide, not long)
    "zh": "寄往{country}的订单需要跨越关境，可能会产生关税和进口税；具体由谁支付，我们的团队会向您确认。",  # noqa: E501 (CJK text is wide, not long)
    "ar": "الطلبات المرسلة {to_country} تعبر حدوداً جمركية، لذا قد تُفرض رسوم جمركية وضرائب "
    "استيراد؛ وسيؤكد لك فريقنا من يدفعها.",
}


# (a bill for an order that crosses no customs border, a destination that charges no duty
# on ordinary goods, do not pay before we check, the store's country unknown, a bill when
# it is unknown)
_SPECIAL: dict[str, tuple[str, str, str, str, str]] = {
    "en": (
        "Orders {to_country} do not cross a customs border, so no customs charge should be due.",
        "{in_country}, no import duty or tax is charged on ordinary goods (only on a few, such "
        "as alcohol, tobacco and fuels), so there is nothing to pay on delivery.",
        "Please do not pay anything before we have checked it with the carrier: such a request "
        "may be an error or a scam.",
        "Whether import duties and taxes apply to orders {to_country} depends on where the order "
        "ships from and on its value; our team will confirm it.",
        "Before you pay, please send us a photo or screenshot of the notice: our team will check "
        "whether the charge is right.",
    ),
    "es": (
        "Los envíos {to_country} no cruzan ninguna frontera aduanera, así que no debería cobrarse "
        "nada de aduanas.",
        "{in_country} no se cobran aranceles ni impuestos de importación sobre los productos "
        "corrientes (solo sobre unos pocos, como el alcohol, el tabaco y los combustibles), así "
        "que no hay nada que pagar en la entrega.",
        "Por favor, no pagues nada antes de que lo comprobemos con la empresa de transporte: ese "
        "cobro puede ser un error o una estafa.",
        "Que haya que pagar aranceles e impuestos de importación en los envíos {to_country} "
        "depende del lugar desde el que se envía el pedido y de su valor; nuestro equipo te lo "
        "confirmará.",
        "Antes de pagar, envíanos una foto o captura del aviso: nuestro equipo comprobará si el "
        "cobro es correcto.",
    ),
    "fr": (
        "Une livraison {to_country} ne franchit aucune frontière douanière : aucuns "
        "frais de douane ne devraient donc être dus.",
        "{in_country}, aucun droit ni taxe d'importation n'est perçu sur les "
        "marchandises courantes (seulement sur quelques-unes, comme l'alcool, le tabac et les "
        "carburants) : il n'y a donc rien à payer à la livraison.",
        "Merci de ne rien payer avant que nous ayons vérifié auprès du transporteur : une telle "
        "demande peut être une erreur ou une arnaque.",
        "Pour une livraison {to_country}, l'application de droits et taxes "
        "d'importation dépend du pays d'expédition de la commande et de sa valeur ; notre équipe "
        "vous le confirmera.",
        "Avant de payer, envoyez-nous une photo ou une capture d'écran de l'avis : notre équipe "
        "vérifiera si la somme demandée est justifiée.",
    ),
    "de": (
        "Bei einer Lieferung {to_country} überquert die Bestellung keine Zollgrenze, "
        "es sollten also keine Zollgebühren anfallen.",
        "{in_country} werden auf gewöhnliche Waren weder Zölle noch Einfuhrsteuern "
        "erhoben (nur auf wenige, etwa Alkohol, Tabak und Kraftstoffe), bei der Zustellung ist "
        "also nichts zu zahlen.",
        "Bitte zahlen Sie nichts, bevor wir es mit dem Zusteller geklärt haben: Eine solche "
        "Forderung kann ein Fehler oder ein Betrugsversuch sein.",
        "Ob bei einer Lieferung {to_country} Zölle und Einfuhrsteuern anfallen, hängt "
        "davon ab, von wo die Bestellung versandt wird und welchen Wert sie hat; unser Team "
        "bestätigt es Ihnen.",
        "Bevor Sie zahlen, schicken Sie uns bitte ein Foto oder einen Screenshot der "
        "Benachrichtigung: Unser Team prüft, ob der Betrag stimmt.",
    ),
    "it": (
        "Per le spedizioni {in_country} l'ordine non attraversa alcun confine "
        "doganale, quindi non dovrebbe essere dovuto nulla per la dogana.",
        "{in_country} non si pagano dazi né tasse d'importazione sui prodotti "
        "comuni (solo su pochi, come alcolici, tabacco e carburanti), quindi alla consegna non "
        "c'è nulla da pagare.",
        "Per favore non pagare nulla prima che lo abbiamo verificato con il corriere: una "
        "richiesta del genere può essere un errore o una truffa.",
        "Per le spedizioni {in_country}, se ci siano dazi e tasse d'importazione "
        "dipende da dove parte l'ordine e dal suo valore; il nostro team te lo confermerà.",
        "Prima di pagare, inviaci una foto o uno screenshot dell'avviso: il nostro team "
        "verificherà se l'importo è corretto.",
    ),
    "pt": (
        "Nos envios {to_country}, o pedido não atravessa nenhuma fronteira "
        "alfandegária, então nenhuma taxa de alfândega deveria ser cobrada.",
        "{in_country} não se cobram impostos nem taxas de importação sobre produtos "
        "comuns (só sobre alguns poucos, como bebidas alcoólicas, tabaco e combustíveis), então "
        "não há nada a pagar na entrega.",
        "Por favor, não pague nada antes de verificarmos com a transportadora: essa cobrança "
        "pode ser um erro ou um golpe.",
        "Nos envios {to_country}, a cobrança de impostos e taxas de importação "
        "depende do local de onde o pedido é enviado e do valor dele; nossa equipe vai confirmar "
        "isso.",
        "Antes de pagar, envie-nos uma foto ou captura de tela do aviso: nossa equipe vai "
        "verificar se a cobrança está correta.",
    ),
    "nl": (
        "Bij levering {to_country} passeert de bestelling geen douanegrens, dus er "
        "zouden geen douanekosten moeten zijn.",
        "{in_country} worden op gewone goederen geen invoerrechten of belastingen "
        "geheven (alleen op enkele, zoals alcohol, tabak en brandstoffen), dus bij ontvangst is "
        "er niets te betalen.",
        "Betaal alsjeblieft niets voordat wij het bij de vervoerder hebben nagevraagd: zo'n "
        "verzoek kan een fout of oplichting zijn.",
        "Of er bij levering {to_country} invoerrechten en belastingen gelden, hangt "
        "af van waar de bestelling vandaan wordt verzonden en van de waarde; ons team laat het "
        "je weten.",
        "Stuur ons voordat je betaalt een foto of screenshot van het bericht: ons team "
        "controleert of het bedrag klopt.",
    ),
    "pl": (
        "Przy wysyłce {to_country} zamówienie nie przekracza granicy celnej, "
        "więc nie powinny pojawić się żadne opłaty celne.",
        "{in_country} na zwykłe towary nie nalicza się cła ani podatków importowych "
        "(tylko na nieliczne, jak alkohol, tytoń i paliwa), więc przy odbiorze nie ma nic do "
        "zapłaty.",
        "Prosimy niczego nie płacić, dopóki nie sprawdzimy tego u przewoźnika: takie żądanie "
        "może być pomyłką lub oszustwem.",
        "To, czy przy wysyłce {to_country} obowiązują cło i podatki importowe, "
        "zależy od tego, skąd wysyłane jest zamówienie, i od jego wartości; nasz zespół to "
        "potwierdzi.",
        "Zanim zapłacisz, wyślij nam zdjęcie lub zrzut ekranu zawiadomienia: nasz zespół "
        "sprawdzi, czy kwota jest prawidłowa.",
    ),
    "ru": (
        "При доставке {to_country} заказ не пересекает таможенную границу, поэтому "
        "никаких таможенных платежей быть не должно.",
        "{in_country} на обычные товары не взимаются ни пошлины, ни налоги на "
        "импорт (только на немногие, например алкоголь, табак и топливо), поэтому при получении "
        "платить ничего не нужно.",
        "Пожалуйста, ничего не платите, пока мы не проверим это у перевозчика: такое требование "
        "может быть ошибкой или мошенничеством.",
        "Будут ли пошлины и налоги на импорт при доставке {to_country}, зависит от "
        "того, откуда отправляется заказ, и от его стоимости; наша команда это уточнит.",
        "Прежде чем платить, пришлите нам фото или скриншот уведомления: наша команда проверит, "
        "правильна ли сумма.",
    ),
    "tr": (
        "{to_country} gönderilen siparişler bir gümrük sınırından geçmez, bu yüzden "
        "gümrük ücreti çıkmaması gerekir.",
        "{in_country} sıradan ürünlerden gümrük vergisi veya ithalat vergisi alınmaz "
        "(yalnızca alkol, tütün ve yakıt gibi birkaç üründen alınır), bu yüzden teslimatta "
        "ödenecek bir şey yoktur.",
        "Lütfen biz kargo firmasıyla kontrol etmeden hiçbir ödeme yapmayın: böyle bir talep bir "
        "hata ya da dolandırıcılık olabilir.",
        "{to_country} gönderilen siparişlerde gümrük ve ithalat vergisi olup olmayacağı, "
        "siparişin nereden gönderildiğine ve değerine bağlıdır; ekibimiz bunu size teyit edecek.",
        "Ödeme yapmadan önce lütfen bildirimin fotoğrafını veya ekran görüntüsünü bize gönderin: "
        "ekibimiz tutarın doğru olup olmadığını kontrol edecek.",
    ),
    "ja": (
        "{country}へのお届けは同じ関税地域内のため、関税はかからないはずです。",  # noqa: E501 (CJK text is wide, not long)
        "{country}では一般の商品に関税・輸入税がかかりません（酒類、たばこ、燃料など一部の品目のみ課税）。受け取り時のお支払いはありません。",  # noqa: E501 (CJK text is wide, not long)
        "配送業者に確認するまで、お支払いにならないでください。このような請求は誤りや詐欺の可能性があります。",  # noqa: E501 (CJK text is wide, not long)
        "{country}へのお届けで関税・輸入税がかかるかどうかは、発送元とご注文の金額によって異なります。担当者が確認のうえご連絡いたします。",  # noqa: E501 (CJK text is wide, not long)
        "お支払いの前に、通知の写真またはスクリーンショットをお送りください。請求額が正しいか担当者が確認いたします。",  # noqa: E501 (CJK text is wide, not long)
    ),
    "ko": (
        "{country}까지 배송되는 주문은 같은 관세 구역 안에서 배송되므로 관세가 부과되지 않는 것이 정상입니다.",  # noqa: E501 (CJK text is wide, not long)
        "{country}에서는 일반 상품에 관세나 수입세가 부과되지 않으므로(주류, 담배, 연료 등 일부 품목만 과세) 수령 시 내실 금액이 없습니다.",  # noqa: E501 (CJK text is wide, not long)
        "저희가 배송사에 확인하기 전에는 아무것도 지불하지 마세요. 이런 요청은 착오이거나 사기일 수 있습니다.",  # noqa: E501 (CJK text is wide, not long)
        "{country}까지 배송되는 주문의 관세와 수입세 부과 여부는 발송지와 주문 금액에 따라 달라지며, 담당자가 확인해 드리겠습니다.",  # noqa: E501 (CJK text is wide, not long)
        "지불하시기 전에 안내문의 사진이나 스크린샷을 보내 주세요. 청구 금액이 맞는지 담당자가 확인하겠습니다.",  # noqa: E501 (CJK text is wide, not long)
    ),
    "zh": (
        "寄往{country}的订单不跨越关境，因此不应产生任何关税费用。",  # noqa: E501 (CJK text is wide, not long)
        "{country}对普通商品不征收进口关税或税款（仅酒类、烟草、燃油等少数商品需缴税），收货时无需支付任何费用。",  # noqa: E501 (CJK text is wide, not long)
        "在我们与承运商核实之前，请不要支付任何费用：这样的收费可能是错误，也可能是诈骗。",  # noqa: E501 (CJK text is wide, not long)
        "寄往{country}的订单是否产生关税和进口税，取决于订单的发货地和货值，我们的团队会向您确认。",  # noqa: E501 (CJK text is wide, not long)
        "付款前，请将通知的照片或截图发给我们，我们的团队会核实收费是否正确。",  # noqa: E501 (CJK text is wide, not long)
    ),
    "ar": (
        "الطلبات المرسلة {to_country} لا تعبر حدوداً جمركية، لذا لا ينبغي أن تُستحق أي رسوم جمركية.",
        "لا تُفرض {in_country} رسوم جمركية أو ضرائب استيراد على السلع العادية (إلا على القليل "
        "منها مثل الكحول والتبغ والوقود)، لذا لا يوجد ما تدفعه عند الاستلام.",
        "من فضلك لا تدفع أي مبلغ قبل أن نتحقق من الأمر مع شركة الشحن: فقد يكون هذا الطلب خطأً أو "
        "احتيالاً.",
        "فرض الرسوم الجمركية وضرائب الاستيراد على الطلبات المرسلة {to_country} يعتمد على المكان "
        "الذي يُشحن منه الطلب وعلى قيمته؛ وسيؤكد لك فريقنا ذلك.",
        "قبل الدفع، أرسل لنا صورة أو لقطة شاشة للإشعار: وسيتحقق فريقنا مما إذا كان المبلغ صحيحاً.",
    ),
}

# Destinations whose own law charges no import duty or tax on ordinary goods: Hong Kong
# (Customs and Excise Department: duty only on liquor, tobacco, hydrocarbon oil and methyl
# alcohol; no VAT or GST) and Macau (a free port: no customs tariff; consumption tax only
# on tobacco, some alcoholic drinks and fuels).
DUTY_FREE = frozenset({"HK", "MO"})
# The most an order may be worth for its import VAT to be collected at checkout: IOSS
# covers EU consignments up to EUR 150, a seller collects UK VAT on goods up to GBP 135.
_LIMITS = {"EUR": 150.0, "GBP": 135.0}
# Territories inside a member state's customs and VAT area though not EU members
# themselves: Monaco is in France's (Franco-Monegasque customs union).
_CUSTOMS_TERRITORY = {"MC": "FR"}


def is_duty_bill(text: str) -> bool:
    """True when the message is about a charge already asked for ("the courier wants 30
    EUR"), not a question before buying ("will I pay customs to Canada?")."""
    return bool(_BILL.search(text))


def paid_at_checkout(
    country: str, customs: CustomsTerms, value: tuple[str, float] | None = None
) -> tuple[bool, str]:
    """Whether the shopper's duties and taxes are collected at checkout, and the scheme
    that collects them ("ioss", "uk_vat") or "" when it is the store's DDP terms.

    IOSS and the UK VAT a seller collects cover orders up to a value only (``_LIMITS``):
    an order the message values above it (``value``, ``replies.facts.value``) pays its
    import VAT on delivery."""
    if _over_limit(value, "EUR") or _over_limit(value, "GBP"):
        return customs.duties is Duties.AT_CHECKOUT, ""
    if country in EU_MEMBERS and customs.ioss and customs.duties is Duties.ON_DELIVERY:
        return True, "ioss"
    if country == "GB" and customs.uk_vat and customs.duties is Duties.ON_DELIVERY:
        return True, "uk_vat"
    return customs.duties is Duties.AT_CHECKOUT, ""


def _over_limit(value: tuple[str, float] | None, currency: str) -> bool:
    return value is not None and value[0] == currency and value[1] > _LIMITS[currency]


def customs_advice(
    country: str | None,
    terms: ShippingTerms,
    language: str,
    *,
    bill: bool,
    value: tuple[str, float] | None = None,
    notice_asked: bool = False,
) -> str:
    """The store's customs terms for ``country`` in ``language`` (``_advice``), with a
    Spanish country's article contracted ("los envíos al Reino Unido"); ``language`` may be
    a regional variant ("pt-PT"), whose names the country is given in ("para a Polónia")."""
    advice = _advice(country, terms, language, bill=bill, value=value, notice_asked=notice_asked)
    return contracted(advice, base_language(language))


def _advice(
    country: str | None,
    terms: ShippingTerms,
    language: str,
    *,
    bill: bool,
    value: tuple[str, float] | None = None,
    notice_asked: bool = False,
) -> str:
    """The store's customs terms for ``country`` in ``language``, worded for a question
    before buying or for a bill (``bill``); asks for the country when it is unknown.

    What the destination's own law settles comes first: no customs inside one customs area
    (a courier's charge there is not paid before we check: it may be an error or a scam),
    none on ordinary goods in Hong Kong and Macau. When neither the store's country nor its
    terms are known (no desk file), nothing is asserted about a border."""
    locale, language = language, base_language(language)  # "pt-PT": Portugal's names
    none, before_paid, before_due, bill_paid, bill_due, ask = _TEXT.get(language, _TEXT["en"])
    no_border_bill, duty_free, dont_pay, unknown, unknown_bill = _SPECIAL.get(
        language, _SPECIAL["en"]
    )
    if not country:
        return ask

    def said(template: str) -> str:
        return in_sentence(template, country, locale)

    if country in DUTY_FREE:
        return sentences(language, said(duty_free), dont_pay) if bill else said(duty_free)
    home_known = bool(terms.ships_from)
    if home_known and not terms.crosses_customs(_CUSTOMS_TERRITORY.get(country, country)):
        if bill:
            return sentences(language, said(no_border_bill), dont_pay)
        return said(none)
    if terms.customs is None and not home_known:
        # where it ships from is unknown, and so is whether it crosses a border
        # the reply around it may ask for the notice itself: then it is not asked twice
        if bill and not notice_asked:
            return sentences(language, said(unknown), unknown_bill)
        return said(unknown)
    if terms.customs is None:  # the store has not said who pays: promise nothing
        return said(_UNSET.get(language, _UNSET["en"]))
    paid, scheme = paid_at_checkout(country, terms.customs, value)
    if bill:
        return bill_paid if paid else bill_due
    if scheme:
        return said(_SCHEMES.get(language, _SCHEMES["en"])[scheme])
    return said(before_paid if paid else before_due)
