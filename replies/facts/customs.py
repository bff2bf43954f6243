"""Who pays customs on the shopper's order: asked before buying, or a bill after delivery.

"Will I have to pay customs?" and "the courier wants 30 EUR" are the same intent
(customs_duties) but need different answers: before buying the shopper wants the store's
terms; with a bill in hand they want to know whether to pay it. ``is_duty_bill`` tells
them apart by what the message says (an amount, or a per-language cue such as "wants me to
pay", "me cobran", "soll zahlen"). The terms come from the desk file
(``shipping.customs``): duties paid at checkout (DDP) or on delivery (DAP), EU VAT
collected under IOSS, UK VAT collected. Inside one customs area (a domestic order, or EU
to EU) there are no customs at all.

    terms = parse_shipping({"ships_from": "DE", "customs": {"duties": "on_delivery"}})
    customs_advice("CH", terms, "de", bill=False)
    # "Zoll (Schweiz): Zölle und Einfuhrsteuern sind nicht im Preis enthalten; ..."
    customs_advice("AT", terms, "de", bill=False)
    # "Zoll (Österreich): keiner, die Bestellung überquert keine Zollgrenze."
"""

from __future__ import annotations

import re

from replies.facts.names import country_name
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
    r"(?:estão|está) (?:me )?cobrando|me cobraram|"
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
        "Customs ({country}): none, the order does not cross a customs border.",
        "Customs ({country}): duties and import taxes{scheme} are paid at checkout, so there "
        "is nothing more to pay on delivery.",
        "Customs ({country}): duties and import taxes are not included in the price; the "
        "carrier collects them on delivery at the local rates.",
        "Duties and import taxes for this order were already paid at checkout, so please do "
        "not pay the courier: we will settle it with them.",
        "Under our terms, duties and import taxes are paid on delivery, so the courier's charge "
        "is normally the local customs fee.",
        "Tell us which country the order goes to and we will tell you whether duties and taxes "
        "are paid at checkout or on delivery.",
    ),
    "es": (
        "Aduanas ({country}): ninguna, el pedido no cruza una frontera aduanera.",
        "Aduanas ({country}): los aranceles e impuestos de importación{scheme} se pagan al "
        "finalizar la compra, así que no hay nada más que pagar en la entrega.",
        "Aduanas ({country}): los aranceles e impuestos de importación no están incluidos en el "
        "precio; la empresa de transporte los cobra en la entrega según las tarifas locales.",
        "Los aranceles e impuestos de importación de este pedido ya se pagaron al comprar, así "
        "que no pagues al repartidor: lo resolvemos nosotros con ellos.",
        "Según nuestras condiciones, los aranceles e impuestos se pagan en la entrega, así que "
        "el cobro del repartidor suele ser la tasa de aduanas local.",
        "Dinos a qué país va el pedido y te diremos si los aranceles e impuestos se pagan al "
        "comprar o en la entrega.",
    ),
    "fr": (
        "Douane ({country}) : aucune, la commande ne passe pas de frontière douanière.",
        "Douane ({country}) : les droits et taxes d'importation{scheme} sont payés lors de la "
        "commande, il n'y a donc rien d'autre à payer à la livraison.",
        "Douane ({country}) : les droits et taxes d'importation ne sont pas inclus dans le prix ; "
        "le transporteur les perçoit à la livraison selon les tarifs locaux.",
        "Les droits et taxes de cette commande ont déjà été payés lors de l'achat : ne payez "
        "pas le livreur, nous réglerons cela avec lui.",
        "Selon nos conditions, les droits et taxes se paient à la livraison : la somme demandée "
        "par le livreur correspond en principe aux frais de douane locaux.",
        "Indiquez-nous le pays de livraison et nous vous dirons si les droits et taxes se paient "
        "à la commande ou à la livraison.",
    ),
    "de": (
        "Zoll ({country}): keiner, die Bestellung überquert keine Zollgrenze.",
        "Zoll ({country}): Zölle und Einfuhrsteuern{scheme} werden beim Kauf bezahlt, bei der "
        "Zustellung ist also nichts mehr zu zahlen.",
        "Zoll ({country}): Zölle und Einfuhrsteuern sind nicht im Preis enthalten; der Zusteller "
        "erhebt sie bei der Lieferung nach den örtlichen Sätzen.",
        "Zölle und Einfuhrsteuern für diese Bestellung wurden bereits beim Kauf bezahlt: Bitte "
        "zahlen Sie nichts an den Zusteller, wir klären das mit ihm.",
        "Nach unseren Bedingungen werden Zölle und Einfuhrsteuern bei der Lieferung bezahlt; "
        "der Betrag des Zustellers ist also in der Regel die örtliche Zollgebühr.",
        "Nennen Sie uns das Lieferland, dann sagen wir Ihnen, ob Zölle und Steuern beim Kauf "
        "oder bei der Lieferung bezahlt werden.",
    ),
    "it": (
        "Dogana ({country}): nessuna, l'ordine non attraversa un confine doganale.",
        "Dogana ({country}): dazi e tasse d'importazione{scheme} si pagano al momento "
        "dell'acquisto, quindi alla consegna non c'è altro da pagare.",
        "Dogana ({country}): dazi e tasse d'importazione non sono inclusi nel prezzo; il corriere "
        "li riscuote alla consegna secondo le tariffe locali.",
        "Dazi e tasse di questo ordine sono già stati pagati all'acquisto, quindi non pagare il "
        "corriere: lo risolviamo noi con loro.",
        "Secondo le nostre condizioni dazi e tasse si pagano alla consegna, quindi l'importo del "
        "corriere è di norma la tassa doganale locale.",
        "Dicci in quale paese va spedito l'ordine e ti diremo se dazi e tasse si pagano "
        "all'acquisto o alla consegna.",
    ),
    "pt": (
        "Alfândega ({country}): nenhuma, o pedido não atravessa uma fronteira alfandegária.",
        "Alfândega ({country}): as taxas e os impostos de importação{scheme} são pagos na "
        "finalização da compra, então não há mais nada a pagar na entrega.",
        "Alfândega ({country}): as taxas e os impostos de importação não estão incluídos no "
        "preço; a transportadora os cobra na entrega, conforme as tarifas locais.",
        "As taxas e os impostos de importação deste pedido já foram pagos na compra, então não "
        "pague nada à transportadora: nós resolvemos isso com ela.",
        "Pelas nossas condições, as taxas e os impostos são pagos na entrega, então a cobrança "
        "da transportadora normalmente é a taxa alfandegária local.",
        "Informe para qual país vai o pedido e diremos se as taxas e os impostos são pagos na "
        "compra ou na entrega.",
    ),
    "nl": (
        "Douane ({country}): geen, de bestelling passeert geen douanegrens.",
        "Douane ({country}): invoerrechten en belastingen{scheme} worden bij het afrekenen "
        "betaald, dus bij de levering hoef je niets meer te betalen.",
        "Douane ({country}): invoerrechten en belastingen zitten niet in de prijs; de vervoerder "
        "int ze bij de levering volgens de lokale tarieven.",
        "De invoerrechten en belastingen voor deze bestelling zijn al bij het afrekenen betaald, "
        "dus betaal de bezorger niets: wij regelen het met hen.",
        "Volgens onze voorwaarden worden invoerrechten en belastingen bij de levering betaald, "
        "dus het bedrag dat de bezorger vraagt, is normaal de lokale douaneheffing.",
        "Laat ons weten naar welk land de bestelling gaat, dan vertellen we of rechten en "
        "belastingen bij het afrekenen of bij de levering worden betaald.",
    ),
    "pl": (
        "Cło ({country}): brak, zamówienie nie przekracza granicy celnej.",
        "Cło ({country}): cło i podatki importowe{scheme} są płatne przy zakupie, więc przy "
        "odbiorze nie ma już nic do zapłaty.",
        "Cło ({country}): cło i podatki importowe nie są wliczone w cenę; przewoźnik pobiera je "
        "przy doręczeniu według lokalnych stawek.",
        "Cło i podatki za to zamówienie zostały już opłacone przy zakupie, więc prosimy nie "
        "płacić kurierowi: wyjaśnimy to z nim.",
        "Zgodnie z naszymi warunkami cło i podatki płaci się przy odbiorze, więc kwota, której "
        "żąda kurier, to zwykle lokalna opłata celna.",
        "Napisz, do jakiego kraju ma trafić zamówienie, a powiemy, czy cło i podatki płaci się "
        "przy zakupie, czy przy odbiorze.",
    ),
    "ru": (
        "Таможня ({country}): нет, заказ не пересекает таможенную границу.",
        "Таможня ({country}): пошлины и налоги на импорт{scheme} оплачиваются при оформлении "
        "заказа, при получении больше ничего платить не нужно.",
        "Таможня ({country}): пошлины и налоги на импорт не входят в цену; перевозчик взимает "
        "их при доставке по местным ставкам.",
        "Пошлины и налоги по этому заказу уже оплачены при покупке, поэтому, пожалуйста, не "
        "платите курьеру: мы решим вопрос с ним.",
        "По нашим условиям пошлины и налоги оплачиваются при получении, так что сумма, "
        "которую запрашивает курьер, — обычно местный таможенный сбор.",
        "Напишите, в какую страну отправить заказ, и мы скажем, оплачиваются ли пошлины и налоги "
        "при покупке или при получении.",
    ),
    "tr": (
        "Gümrük ({country}): yok, sipariş bir gümrük sınırından geçmiyor.",
        "Gümrük ({country}): gümrük vergileri ve ithalat vergileri{scheme} ödeme sırasında "
        "alınır, teslimatta ödenecek başka bir şey yoktur.",
        "Gümrük ({country}): gümrük ve ithalat vergileri fiyata dahil değildir; kargo firması "
        "bunları teslimatta yerel oranlara göre tahsil eder.",
        "Bu siparişin gümrük ve ithalat vergileri satın alırken ödendi, lütfen kuryeye ödeme "
        "yapmayın: biz onlarla çözeriz.",
        "Koşullarımıza göre gümrük ve ithalat vergileri teslimatta ödenir, bu yüzden kuryenin "
        "istediği tutar genellikle yerel gümrük ücretidir.",
        "Siparişin hangi ülkeye gideceğini yazın, vergilerin ödeme sırasında mı yoksa teslimatta "
        "mı ödeneceğini söyleyelim.",
    ),
    "ja": (
        "関税（{country}）：かかりません。同じ関税地域の中でのお届けです。",
        "関税（{country}）：関税・輸入税{scheme}はご購入時にお支払い済みとなるため、受け取り時の追加のお支払いはありません。",
        "関税（{country}）：関税・輸入税は価格に含まれておらず、受け取り時に配送業者が現地の税率で徴収します。",
        "このご注文の関税・輸入税はご購入時にお支払い済みです。配達員にはお支払いにならないでください。こちらで業者と対応いたします。",
        "当店の条件では関税・輸入税は受け取り時のお支払いとなるため、配達員からの請求は通常現地の関税です。",
        "お届け先の国を教えていただければ、関税・税金がご購入時のお支払いか受け取り時のお支払いかをお知らせします。",
    ),
    "ko": (
        "관세({country}): 없습니다. 같은 관세 구역 안에서의 배송입니다.",
        "관세({country}): 관세와 수입세{scheme}는 결제 시 함께 납부되므로 받으실 때 추가로 내실 금액은 없습니다.",  # noqa: E501 (CJK text is wide, not long)
        "관세({country}): 관세와 수입세는 가격에 포함되어 있지 않으며, 배송사가 수령 시 현지 세율로 징수합니다.",  # noqa: E501 (CJK text is wide, not long)
        "이 주문의 관세와 수입세는 결제 시 이미 납부되었으니 기사님께 지불하지 마세요. 저희가 배송사와 해결하겠습니다.",  # noqa: E501 (CJK text is wide, not long)
        "저희 조건상 관세와 수입세는 수령 시 납부하시므로, 기사님이 청구한 금액은 보통 현지 관세입니다.",  # noqa: E501 (CJK text is wide, not long)
        "주문을 받으실 국가를 알려 주시면 관세와 세금을 결제 시 내는지 수령 시 내는지 안내해 드리겠습니다.",  # noqa: E501 (CJK text is wide, not long)
    ),
    "zh": (
        "关税（{country}）：无，订单不跨越关境。",
        "关税（{country}）：关税和进口税{scheme}在结账时已支付，收货时无需再付任何费用。",
        "关税（{country}）：关税和进口税不含在价格中，由承运商在派送时按当地税率收取。",
        "这笔订单的关税和进口税已在购买时支付，请不要付款给快递员，我们会与他们处理。",
        "按照我们的条款，关税和进口税在收货时支付，所以快递员收取的通常是当地的关税。",
        "请告诉我们订单寄往哪个国家，我们会告诉您关税和税费是在结账时还是收货时支付。",
    ),
    "ar": (
        "الجمارك ({country}): لا توجد، فالطلب لا يعبر حدوداً جمركية.",
        "الجمارك ({country}): تُدفع الرسوم الجمركية وضرائب الاستيراد{scheme} عند الشراء، فلا "
        "يوجد ما تدفعه عند الاستلام.",
        "الجمارك ({country}): الرسوم الجمركية وضرائب الاستيراد غير مشمولة في السعر، وتحصّلها "
        "شركة الشحن عند التسليم وفق الأسعار المحلية.",
        "الرسوم والضرائب لهذا الطلب دُفعت عند الشراء، فلا تدفع لمندوب التوصيل: سنحل الأمر معهم.",
        "وفق شروطنا تُدفع الرسوم والضرائب عند الاستلام، لذا فالمبلغ الذي يطلبه المندوب هو عادةً "
        "الرسوم الجمركية المحلية.",
        "أخبرنا إلى أي بلد سيُرسل الطلب وسنخبرك هل تُدفع الرسوم والضرائب عند الشراء أم عند الاستلام.",
    ),
}


# When the desk file gives no customs terms: true whoever pays, and staff confirm.
_UNSET: dict[str, str] = {
    "en": "Customs ({country}): the order crosses a customs border, so import duties and "
    "taxes may apply; our team will confirm who pays them.",
    "es": "Aduanas ({country}): el pedido cruza una frontera aduanera, así que pueden aplicarse "
    "aranceles e impuestos de importación; nuestro equipo te confirmará quién los paga.",
    "fr": "Douane ({country}) : la commande passe une frontière douanière, des droits et taxes "
    "d'importation peuvent donc s'appliquer ; notre équipe vous confirmera qui les paie.",
    "de": "Zoll ({country}): Die Bestellung überquert eine Zollgrenze, daher können Zölle und "
    "Einfuhrsteuern anfallen; unser Team bestätigt Ihnen, wer sie bezahlt.",
    "it": "Dogana ({country}): l'ordine attraversa un confine doganale, quindi possono esserci "
    "dazi e tasse d'importazione; il nostro team ti confermerà chi li paga.",
    "pt": "Alfândega ({country}): o pedido atravessa uma fronteira alfandegária, então podem ser "
    "cobrados taxas e impostos de importação; nossa equipe vai confirmar quem os paga.",
    "nl": "Douane ({country}): de bestelling passeert een douanegrens, dus er kunnen "
    "invoerrechten en belastingen gelden; ons team bevestigt wie ze betaalt.",
    "pl": "Cło ({country}): zamówienie przekracza granicę celną, więc mogą obowiązywać cło i "
    "podatki importowe; nasz zespół potwierdzi, kto je płaci.",
    "ru": "Таможня ({country}): заказ пересекает таможенную границу, поэтому возможны пошлины и "
    "налоги на импорт; наша команда уточнит, кто их оплачивает.",
    "tr": "Gümrük ({country}): sipariş bir gümrük sınırından geçiyor, bu nedenle gümrük ve "
    "ithalat vergileri çıkabilir; ekibimiz bunları kimin ödeyeceğini size teyit edecek.",
    "ja": "関税（{country}）：国境を越えるお届けのため、関税・輸入税がかかる場合があります。"
    "どちらがご負担になるかは担当者からご連絡いたします。",
    "ko": "관세({country}): 국경을 넘는 배송이므로 관세와 수입세가 부과될 수 있습니다. "
    "누가 부담하는지는 담당자가 확인해 드리겠습니다.",
    "zh": "关税（{country}）：订单需要跨越关境，可能会产生关税和进口税；具体由谁支付，我们的团队会向您确认。",  # noqa: E501 (CJK text is wide, not long)
    "ar": "الجمارك ({country}): يعبر الطلب حدوداً جمركية، لذا قد تُفرض رسوم جمركية وضرائب "
    "استيراد؛ وسيؤكد لك فريقنا من يدفعها.",
}


def is_duty_bill(text: str) -> bool:
    """True when the message is about a charge already asked for ("the courier wants 30
    EUR"), not a question before buying ("will I pay customs to Canada?")."""
    return bool(_BILL.search(text))


def paid_at_checkout(country: str, customs: CustomsTerms) -> tuple[bool, str]:
    """Whether the shopper's duties and taxes are collected at checkout, and the scheme
    that collects them (" (IOSS)", " (UK VAT)") or "" when it is the store's DDP terms."""
    if country in EU_MEMBERS and customs.ioss and customs.duties is Duties.ON_DELIVERY:
        return True, " (IOSS)"
    if country == "GB" and customs.uk_vat and customs.duties is Duties.ON_DELIVERY:
        return True, " (UK VAT)"
    return customs.duties is Duties.AT_CHECKOUT, ""


def customs_advice(country: str | None, terms: ShippingTerms, language: str, *, bill: bool) -> str:
    """The store's customs terms for ``country`` in ``language``, worded for a question
    before buying or for a bill (``bill``); asks for the country when it is unknown."""
    none, before_paid, before_due, bill_paid, bill_due, ask = _TEXT.get(language, _TEXT["en"])
    if not country:
        return ask
    name = country_name(country, language)
    if not terms.crosses_customs(country):
        return none.format(country=name)
    if terms.customs is None:  # the store has not said who pays: promise nothing
        return _UNSET.get(language, _UNSET["en"]).format(country=name)
    paid, scheme = paid_at_checkout(country, terms.customs)
    if bill:
        return bill_paid if paid else bill_due
    return (before_paid if paid else before_due).format(country=name, scheme=scheme)
