"""Payment questions answered for what was asked: the method named, a double charge as one.

"Kann ich mit PayPal zahlen?", "auf Rechnung?", "me habéis cobrado dos veces": the
payment answers said only that the methods are shown at checkout, or asked for the
details of "the problem", whatever the shopper named. So:

- ``payment_answer``: each method the message names (PayPal, Klarna, an invoice to pay
  later, cash on delivery, a bank transfer, a card, the local wallets: ``METHODS``), in
  one sentence each, from the store's list in the desk file (``shipping.payment_methods``,
  ``replies.facts.terms``): offered ("PayPal: yes, ..."), not offered, with what is
  ("Nachnahme: ... leider nicht an. Möglich sind: PayPal, Kreditkarte"), or, when the
  store has not listed them, that the team confirms it: nothing is promised.
  Brand names are written as they are; the others in the reply's language.
- ``charge_detail``: a message that says it was charged twice gets the sentence about a
  double charge (a pending authorisation often drops by itself; the team checks both
  charges with the payment provider), left out otherwise.

Both are empty when the message does not ask: the sentences are left out cleanly.

    payment_answer("Kann ich mit PayPal zahlen?", "de", ShippingTerms())
    # "PayPal: Unser Team bestätigt Ihnen, ob diese Zahlungsart für Ihr Land verfügbar ist."
    charge_detail("I was charged twice!", "en")   # "If you see the amount twice, ..."
"""

from __future__ import annotations

import re
from functools import cache

from babel.lists import format_list

from replies.facts.terms import PAYMENT_METHODS, ShippingTerms
from replies.features import fold

# method -> how shoppers write it, in the folded (accent-free, lower-case) message; word
# starts unless written in a CJK or Arabic script. Words that also mean something else
# are left out or tied to their payment sense: "ideal" (met/via iDEAL), "sofort"
# (Sofortüberweisung), "karte" (a gift card is no bank card).
WRITTEN: dict[str, str] = {
    "paypal": r"pay ?pal|페이팔|ペイパル|贝宝|باي ?بال",
    "klarna": r"klarna|クラーナ|클라르나",
    "apple_pay": r"apple ?pay|애플 ?페이|アップルペイ|[اأآ]بل ?باي",
    "google_pay": r"google ?pay|구글 ?페이|(?:جوجل|قوقل) ?باي",
    "amazon_pay": r"amazon ?pay",
    "blik": r"blik",
    "ideal": r"(?:met|via|per) ideal\b|ideal[- ]betal",
    "bizum": r"bizum",
    "pix": r"pix\b",
    "satispay": r"satispay",
    "alipay": r"alipay|支付宝",
    "wechat_pay": r"wechat ?pay|微信支付",
    "twint": r"twint",
    "bancontact": r"bancontact",
    "mb_way": r"mb ?way",
    "przelewy24": r"przelewy ?24",
    "sofort": r"sofort-? ?(?:uberweisung|ueberweisung)",
    "card": (
        r"credit ?card|debit ?card|visa\b|mastercard|master card|amex|american express|"
        r"kreditkarte|ec-karte|girocard|carte bancaire|carte de credit|carte bleue|"
        r"tarjeta|carta di credito|bancomat|cartao|creditcard|pinpas|karta kredytow|"
        r"karta platnicz|karta debetow|кредитк|кредитной карт|банковской карт|картой|"
        r"kredi kart|banka kart|クレジットカード|クレカ|신용카드|체크카드|信用卡|银行卡|"
        r"بطاقة"
    ),
    "invoice": (
        r"auf rechnung|per rechnung|rechnungskauf|op factuur|op rekening|achteraf betal|"
        r"by invoice|pay later|buy now pay later|platnosc odroczon|zaplacic pozniej|"
        r"pagare dopo|pago aplazado|paiement differe|後払い|후불|先用后付|الدفع لاحق"
    ),
    "cash_on_delivery": (
        r"cash on delivery|pay on delivery|\bcod\b|contra ?reembolso|contraentrega|"
        r"contre[- ]remboursement|paiement a la livraison|payer a la livraison|nachnahme|"
        r"contrassegno|pagamento na entrega|pagar na entrega|rembours\b|za pobraniem|"
        r"przy odbiorze|наложенн|при получении|kap[iı]da odeme|代引|代金引換|착불|货到付款|"
        r"الدفع عند الاستلام|دفع عند الاستلام|الدفع عند التوصيل"
    ),
    "bank_transfer": (
        r"bank transfer|wire transfer|transferencia|virement|uberweisung|ueberweisung|"
        r"vorkasse|bonifico|overboeking|overschrijving|przelew|банковск\w* перевод|"
        r"havale|\beft\b|銀行振込|계좌이체|무통장|银行转账|تحويل بنكي|حوالة"
    ),
}
# Wallets and local methods, listed in the desk file like the others; without the store's
# list the team confirms them. "카카오페이나 네이버페이로 결제 가능한가요?"
WRITTEN |= {
    "kakao_pay": r"kakao ?pay|카카오 ?페이",
    "naver_pay": r"naver ?pay|네이버 ?페이",
    "toss_pay": r"toss ?pay|토스 ?페이",
    "samsung_pay": r"samsung ?pay|삼성 ?페이",
    "payco": r"payco\b|페이코",
    "paypay": r"paypay|ペイペイ",
    "rakuten_pay": r"rakuten ?pay|楽天ペイ",
    "line_pay": r"line ?pay|ラインペイ",
    "unionpay": r"union ?pay|银联|銀聯",
    "mercado_pago": r"mercado ?pago",
    "boleto": r"boleto",
    "oxxo": r"oxxo",
    "tabby": r"tabby|تابي",
    "tamara": r"tamara\b|تمارا",
    "stc_pay": r"stc ?pay",
    "mada": r"mada\b",
    "paysafecard": r"paysafe ?card",
    "afterpay": r"afterpay|clearpay",
    "konbini": r"コンビニ(?:払い|決済)|konbini",
}

# Methods that are not a brand, in the reply's language.
_NAMES: dict[str, dict[str, str]] = {
    "card": {
        "en": "card", "es": "tarjeta", "fr": "carte bancaire", "de": "Kreditkarte",
        "it": "carta", "pt": "cartão", "nl": "creditcard", "pl": "karta płatnicza",
        "ru": "банковская карта", "tr": "kredi kartı", "ja": "クレジットカード",
        "ko": "신용카드", "zh": "银行卡", "ar": "البطاقة البنكية",
    },
    "invoice": {
        "en": "pay later by invoice", "es": "pago aplazado con factura",
        "fr": "paiement différé sur facture", "de": "Kauf auf Rechnung",
        "it": "pagamento posticipato con fattura", "pt": "pagamento posterior com fatura",
        "nl": "achteraf betalen", "pl": "płatność odroczona",
        "ru": "оплата по счёту после получения", "tr": "faturayla sonradan ödeme",
        "ja": "後払い", "ko": "후불 결제", "zh": "先收货后付款", "ar": "الدفع لاحقًا بالفاتورة",
    },
    "cash_on_delivery": {
        "en": "cash on delivery", "es": "contra reembolso", "fr": "paiement à la livraison",
        "de": "Nachnahme", "it": "contrassegno", "pt": "pagamento na entrega",
        "nl": "rembours", "pl": "płatność za pobraniem", "ru": "наложенный платёж",
        "tr": "kapıda ödeme", "ja": "代金引換", "ko": "수령 시 결제", "zh": "货到付款",
        "ar": "الدفع عند الاستلام",
    },
    "bank_transfer": {
        "en": "bank transfer", "es": "transferencia bancaria", "fr": "virement bancaire",
        "de": "Überweisung", "it": "bonifico bancario", "pt": "transferência bancária",
        "nl": "bankoverschrijving", "pl": "przelew bankowy", "ru": "банковский перевод",
        "tr": "banka havalesi", "ja": "銀行振込", "ko": "계좌이체", "zh": "银行转账",
        "ar": "التحويل البنكي",
    },
}  # fmt: skip
_BRANDS = {
    "paypal": "PayPal",
    "klarna": "Klarna",
    "apple_pay": "Apple Pay",
    "google_pay": "Google Pay",
    "amazon_pay": "Amazon Pay",
    "blik": "BLIK",
    "ideal": "iDEAL",
    "bizum": "Bizum",
    "pix": "Pix",
    "satispay": "Satispay",
    "alipay": "Alipay",
    "wechat_pay": "WeChat Pay",
    "twint": "TWINT",
    "bancontact": "Bancontact",
    "mb_way": "MB WAY",
    "przelewy24": "Przelewy24",
    "sofort": "Sofort",
    "kakao_pay": "KakaoPay",
    "naver_pay": "Naver Pay",
    "toss_pay": "Toss Pay",
    "samsung_pay": "Samsung Pay",
    "payco": "PAYCO",
    "paypay": "PayPay",
    "rakuten_pay": "Rakuten Pay",
    "line_pay": "LINE Pay",
    "unionpay": "UnionPay",
    "mercado_pago": "Mercado Pago",
    "boleto": "Boleto",
    "oxxo": "OXXO",
    "tabby": "Tabby",
    "tamara": "Tamara",
    "stc_pay": "STC Pay",
    "mada": "mada",
    "paysafecard": "paysafecard",
    "afterpay": "Afterpay",
    "konbini": "Konbini",
}

# Brands a language writes in its own script: Chinese shoppers know Alipay and WeChat Pay
# as 支付宝 and 微信支付, Korean ones write them in Hangul.
_LOCAL_BRANDS: dict[str, dict[str, str]] = {
    "alipay": {"zh": "支付宝", "ko": "알리페이"},
    "wechat_pay": {"zh": "微信支付", "ko": "위챗페이"},
    "kakao_pay": {"ko": "카카오페이"},
    "naver_pay": {"ko": "네이버페이"},
    "toss_pay": {"ko": "토스페이"},
    "samsung_pay": {"ko": "삼성페이"},
    "payco": {"ko": "페이코"},
    "rakuten_pay": {"ja": "楽天ペイ"},
    "unionpay": {"zh": "银联"},
    "tabby": {"ar": "تابي"},
    "tamara": {"ar": "تمارا"},
    "konbini": {"ja": "コンビニ払い"},
}

# language -> (offered, not offered: {offered} lists what is, not listed by the store:
# the team confirms it), each about one {method}, written so that a brand and a local
# name both read.
_ANSWERS: dict[str, tuple[str, str, str]] = {
    "en": (
        "{method}: yes, you can pay this way with us; you choose it at checkout.",
        "{method}: sorry, we don't offer this way of paying. You can pay with: {offered}.",
        "{method}: our team will confirm whether you can pay this way from your country.",
    ),
    "es": (
        "{method}: sí, puedes pagar así con nosotros; elige esta opción al finalizar la compra.",
        "{method}: lo sentimos, no ofrecemos esta forma de pago. Puedes pagar con: {offered}.",
        "{method}: nuestro equipo te confirmará si puedes pagar así desde tu país.",
    ),
    "fr": (
        "{method} : oui, ce moyen de paiement est accepté chez nous ; vous le choisissez "
        "au moment de la commande.",
        "{method} : désolés, nous ne proposons pas ce moyen de paiement. Nous acceptons : "
        "{offered}.",
        "{method} : notre équipe vous confirmera si vous pouvez payer ainsi depuis votre pays.",
    ),
    "de": (
        "{method}: Ja, diese Zahlungsart bieten wir an; Sie wählen sie an der Kasse aus.",
        "{method}: Diese Zahlungsart bieten wir leider nicht an. Möglich sind: {offered}.",
        "{method}: Unser Team bestätigt Ihnen, ob diese Zahlungsart für Ihr Land verfügbar ist.",
    ),
    "it": (
        "{method}: sì, da noi puoi pagare con questo metodo; basta sceglierlo al momento del "
        "pagamento.",
        "{method}: ci dispiace, non offriamo questo metodo di pagamento. Puoi pagare con: "
        "{offered}.",
        "{method}: il nostro team ti confermerà se puoi usare questo metodo dal tuo paese.",
    ),
    "pt": (
        "{method}: sim, aceitamos essa forma de pagamento; é só escolhê-la na finalização da "
        "compra.",
        "{method}: infelizmente não oferecemos essa forma de pagamento. Você pode pagar com: "
        "{offered}.",
        "{method}: nossa equipe vai confirmar se essa forma de pagamento está disponível no seu "
        "país.",
    ),
    "nl": (
        "{method}: ja, zo kun je bij ons betalen; je kiest het bij het afrekenen.",
        "{method}: deze betaalmethode bieden we helaas niet aan. Je kunt betalen met: {offered}.",
        "{method}: ons team laat je weten of je vanuit jouw land zo kunt betalen.",
    ),
    "pl": (
        "{method}: tak, możesz u nas zapłacić w ten sposób; wybierasz go przy składaniu "
        "zamówienia.",
        "{method}: niestety nie oferujemy tej metody płatności. Dostępne metody płatności: "
        "{offered}.",
        "{method}: nasz zespół potwierdzi, czy ta metoda jest dostępna w Twoim kraju.",
    ),
    "ru": (
        "{method}: да, этот способ оплаты у нас доступен; выберите его при оформлении заказа.",
        "{method}: к сожалению, этот способ оплаты мы не предлагаем. Доступные способы: {offered}.",
        "{method}: наша команда уточнит, доступен ли этот способ оплаты в вашей стране.",
    ),
    "tr": (
        "{method}: evet, bu yöntemle ödeme yapabilirsiniz; ödeme adımında seçebilirsiniz.",
        "{method}: maalesef bu ödeme yöntemini sunmuyoruz. Kullanabileceğiniz yöntemler: "
        "{offered}.",
        "{method}: ekibimiz, ülkenizden bu yöntemle ödeme yapıp yapamayacağınızı size "
        "teyit edecek.",
    ),
    "ja": (
        "{method}：はい、当店でご利用いただけます。ご購入手続きの画面でお選びください。",
        "{method}：申し訳ございませんが、このお支払い方法には対応しておりません。"
        "ご利用いただける方法：{offered}。",
        "{method}：お客様の国からこの方法でお支払いいただけるか、担当者が確認のうえ"
        "ご連絡いたします。",
    ),
    "ko": (
        "{method}: 네, 이 결제 수단을 이용하실 수 있습니다. 결제 단계에서 선택해 주세요.",
        "{method}: 죄송하지만 이 결제 수단은 지원하지 않습니다. 이용 가능한 결제 수단: {offered}.",
        "{method}: 고객님 국가에서 이 방법으로 결제하실 수 있는지 담당팀이 확인해 드리겠습니다.",
    ),
    "zh": (
        "{method}：可以，本店支持这种付款方式，结账时选择即可。",
        "{method}：抱歉，本店不支持这种付款方式。可用的付款方式：{offered}。",
        "{method}：您所在的国家能否使用这种方式付款，我们的团队会为您确认。",
    ),
    "ar": (
        "{method}: نعم، نقبل طريقة الدفع هذه، ويمكنك اختيارها عند إتمام الطلب.",
        "{method}: نأسف، لا نوفر طريقة الدفع هذه. الطرق المتاحة: {offered}.",
        "{method}: سيؤكد لك فريقنا ما إذا كان بإمكانك الدفع بهذه الطريقة من بلدك.",
    ),
}
_LIST_SEPARATOR = {"ja": "、", "zh": "、", "ar": "، "}

# "charged twice", as shoppers write it (folded text).
_TWICE = re.compile(
    r"twice|two times|double[- ]?charged|charged double|double charge|dos veces|"
    r"cobro doble|doble cobro|deux fois|debite deux|double prelevement|doppelt|zweimal|"
    r"due volte|addebito doppio|doppio addebito|duas vezes|cobranca dupla|cobrado em dobro|"
    r"dubbel|twee keer|dwa razy|podwojn|dwukrotnie|дважды|два раза|двоин|iki kez|iki defa|"
    r"iki kere|mukerrer|二重|2回|두 번|두번|중복|两次|重复扣|扣了两|مرتين|مرتان|مكرر"
)
_CHARGE_DETAIL: dict[str, str] = {
    "en": "If you see the amount twice, one of the two is often just a temporary hold that "
    "your bank releases on its own within a few days; our team will check both charges "
    "with the payment provider and refund the duplicate one if both were taken.",
    "es": "Si ves el importe dos veces, uno de los cargos suele ser solo una retención "
    "temporal que tu banco libera por sí solo en unos días; nuestro equipo comprobará los "
    "dos cargos con el proveedor de pagos y, si se cobraron ambos, te devolverá el duplicado.",
    "fr": "Si le montant apparaît deux fois, l'un des deux n'est souvent qu'une "
    "pré-autorisation que votre banque annule d'elle-même en quelques jours ; notre équipe "
    "vérifiera les deux débits auprès du prestataire de paiement et, si les deux ont bien été "
    "prélevés, vous remboursera le doublon.",
    "de": "Wenn der Betrag doppelt erscheint, ist eine der beiden Buchungen oft nur eine "
    "Vormerkung, die Ihre Bank nach einigen Tagen von selbst wieder freigibt; unser Team "
    "prüft beide Abbuchungen beim Zahlungsanbieter und erstattet Ihnen den doppelt abgebuchten "
    "Betrag, falls beide abgebucht wurden.",
    "it": "Se vedi l'importo due volte, spesso uno dei due è solo una preautorizzazione che "
    "la tua banca annulla da sola in pochi giorni; il nostro team verificherà entrambi gli "
    "addebiti con il fornitore dei pagamenti e, se sono stati addebitati entrambi, ti "
    "rimborserà quello in più.",
    "pt": "Se o valor aparecer duas vezes, muitas vezes uma das cobranças é só uma reserva "
    "temporária que o seu banco libera automaticamente em alguns dias; nossa equipe vai "
    "verificar as duas cobranças com o provedor de pagamentos e, se ambas foram cobradas, "
    "reembolsará a duplicada.",
    "nl": "Zie je het bedrag twee keer, dan is een van de twee vaak alleen een reservering "
    "die je bank binnen een paar dagen vanzelf vrijgeeft; ons team controleert beide "
    "afschrijvingen bij de betaalprovider en betaalt de dubbele afschrijving terug als ze "
    "allebei zijn afgeschreven.",
    "pl": "Jeśli widzisz kwotę dwa razy, jedna z tych operacji to często tylko tymczasowa "
    "blokada środków, którą bank sam zdejmuje w ciągu kilku dni; nasz zespół sprawdzi obie "
    "transakcje u operatora płatności i zwróci nadpłatę, jeśli pobrano obie kwoty.",
    "ru": "Если вы видите сумму дважды, одна из операций часто оказывается лишь временной "
    "блокировкой, которую банк снимает сам в течение нескольких дней; наша команда проверит "
    "обе операции у платёжного провайдера и, если списаны обе, вернёт лишнюю сумму.",
    "tr": "Tutarı iki kez görüyorsanız, bunlardan biri çoğu zaman bankanızın birkaç gün "
    "içinde kendiliğinden kaldırdığı bir provizyondur; ekibimiz iki işlemi de ödeme "
    "sağlayıcısıyla kontrol edecek ve ikisi de çekildiyse fazla çekilen tutarı iade edecek.",
    "ja": "同じ金額が二重に表示されている場合、一方は数日で銀行が自動的に解除する仮押さえ"
    "（与信枠の確保）であることがよくあります。担当者が決済代行会社に両方の請求を確認し、"
    "二重に請求されていた場合は重複分を返金いたします。",
    "ko": "같은 금액이 두 번 보이는 경우, 그중 하나는 며칠 안에 은행이 자동으로 해제하는 "
    "가승인인 경우가 많습니다. 담당팀이 결제 대행사에 두 건을 모두 "
    "확인하고, 두 건 모두 결제되었다면 중복된 금액을 환불해 드리겠습니다.",
    "zh": "如果同一金额显示了两次，其中一笔往往只是银行几天内会自动释放的预授权；我们的团队会向"
    "支付服务商核实这两笔扣款，如确实重复扣款，会将多扣的款项退还给您。",
    "ar": "إذا ظهر المبلغ مرتين، فغالبًا ما تكون إحداهما حجزًا مؤقتًا يُلغيه البنك تلقائيًا "
    "خلال أيام قليلة؛ وسيتحقق فريقنا من العمليتين مع مزوّد الدفع، "
    "وإذا خُصمت كلتاهما فسنرد لك المبلغ المكرر.",
}

# Paying in instalments, as shoppers ask it (folded text): "en plusieurs fois", "a plazos",
# "in Raten", "na raty", "taksit", "分割", "할부", "分期", "تقسيط".
_INSTALMENTS = re.compile(
    r"instal+ments?|pay in (?:2|3|4|two|three|four|parts|monthly)|split (?:the |my )?payment|"
    r"monthly payments?|pay (?:it )?monthly|payment plan|financ(?:e|ing)\b|"
    r"a plazos|en cuotas|cuotas sin|meses sin intereses|\bmsi\b|fraccionar|financiar|"
    r"en plusieurs fois|en (?:2|3|4|deux|trois|quatre|10) ?fois|paiement fractionne|echelonn|"
    r"mensualite|"
    r"\braten\b|ratenzahlung|ratenkauf|in raten|teilzahlung|finanzierung|"
    r"(?:pagare|pagamento|pago|comprare) a rate|rateizz|in (?:3|tre|10|dieci) rate|"
    r"pagamento rateale|"
    r"parcel(?:ado|ar|as|amento|o)\b|prestacoes|em \d+ ?x\b|sem juros|"
    r"in termijnen|gespreid betalen|in delen betalen|afbetal|"
    r"na raty|\braty\b|ratach|ratalna|rozlozyc na|"
    r"рассрочк|долями|оплат\w* частями|"
    r"taksit|"
    r"分割|リボ払い|할부|분할 ?결제|分期|"
    r"تقسيط|بالتقسيط|اقساط|(?:الدفع|ادفع|دفع|السداد|اسدد) عل[ىي] دفعات"
)
# Methods that are themselves a way of paying in instalments.
_INSTALMENT_METHODS = ("klarna", "afterpay", "tabby", "tamara")
# language -> (Klarna is offered, the store lists its methods and Klarna is not one of them,
# no list: the team confirms)
_INSTALMENT_ANSWERS: dict[str, tuple[str, str, str]] = {
    "en": (
        "Paying in instalments: yes, with Klarna, which you choose at checkout; the plans it "
        "offers depend on your country and the amount.",
        "Paying in instalments: sorry, we don't offer it. You can pay with: {offered}.",
        "Paying in instalments: our team will confirm whether it's possible for your order.",
    ),
    "es": (
        "Pago a plazos: sí, con Klarna, que eliges al finalizar la compra; los plazos que "
        "ofrece dependen de tu país y del importe.",
        "Pago a plazos: lo sentimos, no lo ofrecemos. Puedes pagar con: {offered}.",
        "Pago a plazos: nuestro equipo te confirmará si es posible para tu pedido.",
    ),
    "fr": (
        "Paiement en plusieurs fois : oui, avec Klarna, que vous choisissez au moment de la "
        "commande ; les formules proposées dépendent de votre pays et du montant.",
        "Paiement en plusieurs fois : désolés, nous ne le proposons pas. Nous acceptons : "
        "{offered}.",
        "Paiement en plusieurs fois : notre équipe vous confirmera si c'est possible pour "
        "votre commande.",
    ),
    "de": (
        "Ratenzahlung: Ja, mit Klarna, das Sie an der Kasse auswählen; welche Raten Klarna "
        "anbietet, hängt von Ihrem Land und dem Betrag ab.",
        "Ratenzahlung: Das bieten wir leider nicht an. Möglich sind: {offered}.",
        "Ratenzahlung: Unser Team bestätigt Ihnen, ob das für Ihre Bestellung möglich ist.",
    ),
    "it": (
        "Pagamento a rate: sì, con Klarna, che scegli al momento del pagamento; le rate "
        "proposte dipendono dal tuo paese e dall'importo.",
        "Pagamento a rate: ci dispiace, non lo offriamo. Puoi pagare con: {offered}.",
        "Pagamento a rate: il nostro team ti confermerà se è possibile per il tuo ordine.",
    ),
    "pt": (
        "Pagamento parcelado: sim, com a Klarna, que você escolhe na finalização da compra; "
        "as opções de parcelamento dependem do seu país e do valor.",
        "Pagamento parcelado: infelizmente não oferecemos. Você pode pagar com: {offered}.",
        "Pagamento parcelado: nossa equipe vai confirmar se é possível para o seu pedido.",
    ),
    "nl": (
        "Betalen in termijnen: ja, met Klarna, dat je bij het afrekenen kiest; welke termijnen "
        "Klarna aanbiedt, hangt af van je land en het bedrag.",
        "Betalen in termijnen: dat bieden we helaas niet aan. Je kunt betalen met: {offered}.",
        "Betalen in termijnen: ons team laat je weten of dat voor je bestelling kan.",
    ),
    "pl": (
        "Płatność na raty: tak, przez Klarnę, którą wybierasz przy składaniu zamówienia; "
        "dostępne raty zależą od kraju i kwoty.",
        "Płatność na raty: niestety jej nie oferujemy. Dostępne metody płatności: {offered}.",
        "Płatność na raty: nasz zespół potwierdzi, czy jest możliwa przy Twoim zamówieniu.",
    ),
    "ru": (
        "Оплата в рассрочку: да, через Klarna, этот способ можно выбрать при оформлении "
        "заказа; доступные варианты зависят от страны и суммы.",
        "Оплата в рассрочку: к сожалению, мы её не предлагаем. Доступные способы: {offered}.",
        "Оплата в рассрочку: наша команда уточнит, возможна ли она для вашего заказа.",
    ),
    "tr": (
        "Taksitli ödeme: evet, ödeme adımında seçebileceğiniz Klarna ile mümkün; sunulan "
        "taksit seçenekleri ülkenize ve tutara göre değişir.",
        "Taksitli ödeme: maalesef bu seçeneği sunmuyoruz. Kullanabileceğiniz yöntemler: {offered}.",
        "Taksitli ödeme: siparişiniz için mümkün olup olmadığını ekibimiz size teyit edecek.",
    ),
    "ja": (
        "分割払い：はい、Klarnaでご利用いただけます。ご購入手続きの画面でKlarnaをお選びください。"
        "お支払い回数はお客様の国とご購入金額によって異なります。",
        "分割払い：申し訳ございませんが、分割払いには対応しておりません。"
        "ご利用いただける方法：{offered}。",
        "分割払い：ご注文で分割払いをご利用いただけるか、担当者が確認のうえご連絡いたします。",
    ),
    "ko": (
        "할부 결제: 네, Klarna로 가능합니다. 결제 단계에서 Klarna를 선택해 주세요. 이용 가능한 "
        "할부 방식은 국가와 결제 금액에 따라 다릅니다.",
        "할부 결제: 죄송하지만 할부 결제는 지원하지 않습니다. 이용 가능한 결제 수단: {offered}.",
        "할부 결제: 주문하실 때 할부 결제가 가능한지 담당팀이 확인해 드리겠습니다.",
    ),
    "zh": (
        "分期付款：可以，结账时选择 Klarna 即可；可选的分期方式取决于您所在的国家和订单金额。",
        "分期付款：抱歉，本店不支持分期付款。可用的付款方式：{offered}。",
        "分期付款：您的订单能否分期付款，我们的团队会为您确认。",
    ),
    "ar": (
        "الدفع بالتقسيط: نعم، عبر Klarna التي يمكنك اختيارها عند إتمام الطلب، وتختلف خيارات "
        "التقسيط حسب بلدك وقيمة الطلب.",
        "الدفع بالتقسيط: نأسف، لا نوفر هذا الخيار. الطرق المتاحة: {offered}.",
        "الدفع بالتقسيط: سيؤكد لك فريقنا ما إذا كان ممكنًا لطلبك.",
    ),
}

# The currency charged or a bank's conversion fee, as shoppers ask it (folded text): a
# currency named or the words for exchange rate, conversion, foreign-transaction fee. A fee
# alone ("代引き手数料") is no currency question.
_CURRENCY = re.compile(
    r"currenc|exchange rate|conversion|foreign transaction|in (?:euros?|dollars|pounds|usd|eur)\b|"
    r"\bfx\b|"
    r"moneda|divisa|tipo de cambio|en (?:euros?|dolares|pesos)\b|pesos (?:colombianos|mexicanos|"
    r"chilenos|argentinos)|"
    r"devise|taux de change|frais de change|frais bancaires|en euros?\b|en dollars?\b|"
    r"wahrung|wechselkurs|umrechnung|auslandseinsatz|in (?:euro|dollar|franken)\b|"
    r"valuta|tasso di cambio|in euro\b|"
    r"moeda|cambio|\biof\b|em (?:euros?|reais|dolares)\b|conversao|"
    r"wisselkoers|omrekening|"
    r"walut|przewalutowan|kurs (?:euro|wymiany)|w euro\b|w złotowkach|w zlotowkach|"
    r"валют|курс (?:евро|доллара|обмена)|конвертац|в евро\b|в рублях|в долларах|"
    r"doviz|döviz|kur farki|kur farkı|euro ile|euro olarak|tl (?:ile|olarak)|"
    r"為替|通貨|円で|ユーロで|ドルで|外貨|"
    r"환율|통화|원화|유로로|달러로|해외 ?결제|"
    r"汇率|币种|货币|人民币|欧元|美元|港币|台币|匯率|幣種|貨幣|歐元|港幣|台幣|"
    r"عمل(?:ة|ه)|سعر الصرف|صرف العمل|باليورو|بالدولار"
)
_CURRENCY_ANSWER: dict[str, str] = {
    "en": "We charge in the currency our prices are shown in at checkout, so your bank "
    "converts the amount into your own currency. Any conversion or foreign-transaction fee "
    "is charged by your card issuer, not by us, and we don't receive it; if you'd like, our "
    "team can check the exact amount we charged.",
    "es": "Cobramos en la moneda en la que aparecen los precios al finalizar la compra, y tu "
    "banco convierte el importe a tu moneda. La comisión por conversión o por compra en el "
    "extranjero la cobra el emisor de tu tarjeta, no nosotros, y no la recibimos; si quieres, "
    "nuestro equipo puede comprobar el importe exacto que te cobramos.",
    "fr": "Nous encaissons le paiement dans la devise affichée au moment de la commande, et "
    "votre banque convertit le montant dans votre monnaie. Les frais de conversion ou de "
    "paiement à l'étranger sont prélevés par votre banque, pas par nous, et nous ne les "
    "percevons pas ; si vous le souhaitez, notre équipe peut vérifier le montant exact que "
    "nous avons encaissé.",
    "de": "Wir buchen in der Währung ab, in der die Preise an der Kasse angezeigt werden; Ihre "
    "Bank rechnet den Betrag in Ihre Währung um. Eine Umrechnungs- oder "
    "Auslandseinsatzgebühr erhebt Ihre Bank, nicht wir, und sie geht auch nicht an uns; auf "
    "Wunsch prüft unser Team den genauen Betrag, den wir abgebucht haben.",
    "it": "Addebitiamo l'importo nella valuta in cui i prezzi sono indicati al momento del "
    "pagamento, e la tua banca lo converte nella tua valuta. Le commissioni di conversione o "
    "per i pagamenti all'estero le applica la tua banca, non noi, e non le riceviamo; se vuoi, "
    "il nostro team può verificare l'importo esatto che ti abbiamo addebitato.",
    "pt": "Cobramos na moeda em que os preços aparecem na finalização da compra, e o seu banco "
    "converte o valor para a sua moeda. Taxas de conversão ou de compra internacional são "
    "cobradas pelo banco emissor do seu cartão, não por nós, e não recebemos esse valor; se "
    "quiser, nossa equipe pode verificar o valor exato que cobramos.",
    "nl": "We rekenen af in de valuta waarin de prijzen bij het afrekenen staan; je bank "
    "rekent het bedrag om naar jouw valuta. Kosten voor omrekening of betalingen in het "
    "buitenland rekent je bank, niet wij, en wij ontvangen ze niet; als je wilt, controleert "
    "ons team het precieze bedrag dat we hebben afgeschreven.",
    "pl": "Pobieramy płatność w walucie, w której ceny są podane przy składaniu zamówienia, a "
    "Twój bank przelicza kwotę na Twoją walutę. Prowizję za przewalutowanie lub płatność za "
    "granicą pobiera wydawca Twojej karty, nie my, i nie trafia ona do nas; jeśli chcesz, nasz "
    "zespół sprawdzi dokładną kwotę, którą pobraliśmy.",
    "ru": "Мы списываем оплату в той валюте, в которой цены показаны при оформлении заказа, а "
    "ваш банк пересчитывает сумму в вашу валюту. Комиссию за конвертацию или за оплату за "
    "границей берёт банк, выпустивший карту, а не мы, и она к нам не поступает; если хотите, "
    "наша команда проверит точную сумму, которую мы списали.",
    "tr": "Ödemeyi, fiyatların ödeme adımında gösterildiği para biriminde alıyoruz; bankanız "
    "tutarı kendi para biriminize çevirir. Kur dönüşümü ya da yurt dışı işlem ücretini biz "
    "değil, kartınızı veren banka alır ve bu ücret bize ulaşmaz; isterseniz ekibimiz sizden "
    "tahsil edilen tutarı tam olarak kontrol edebilir.",
    "ja": "お支払いはご購入手続きの画面に表示される通貨で請求しており、お客様の通貨への換算は"
    "カード会社が行います。為替手数料や海外利用手数料はカード発行会社が請求するもので、"
    "当店が受け取るものではございません。ご希望でしたら、当店が請求した正確な金額を担当者が"
    "お調べいたします。",
    "ko": "결제는 결제 단계에 표시된 통화로 청구되며, 고객님 통화로의 환산은 카드사에서 "
    "합니다. 환전 수수료나 해외 결제 수수료는 저희가 아니라 카드사가 부과하는 것으로, 저희가 "
    "받는 금액이 아닙니다. 원하시면 실제로 청구된 정확한 금액을 담당팀이 확인해 드리겠습니다.",
    "zh": "我们按结账页面显示的币种收款，再由您的发卡银行换算成您的货币。货币转换费或境外交易"
    "手续费由发卡银行收取，并非本店收取，我们也不会收到这笔费用；如有需要，我们的团队可以为您"
    "核实实际扣款的准确金额。",
    "ar": "نحصّل المبلغ بالعملة التي تظهر بها الأسعار عند إتمام الطلب، ثم يحوّله البنك إلى "
    "عملتك. أما رسوم تحويل العملة أو رسوم المعاملات الخارجية فيفرضها البنك المُصدر لبطاقتك، "
    "لا نحن، ولا نتلقى منها شيئًا؛ وإذا رغبت، يمكن لفريقنا التحقق من المبلغ الدقيق الذي "
    "حصّلناه.",
}


@cache
def _pattern(method: str) -> re.Pattern[str]:
    # a word start, but in CJK and Arabic, where words are glued together or to "ال"
    written = WRITTEN[method]
    return re.compile(rf"(?<![^\W\u0600-\u06ff\u3040-\u9fff\uac00-\ud7af])(?:{written})")


def methods_in(text: str) -> list[str]:
    """The payment methods ``text`` names (``PAYMENT_METHODS`` keys, in their order)."""
    folded = fold(text)
    return [method for method in METHODS if _pattern(method).search(folded)]


def method_name(method: str, language: str) -> str:
    """How ``method`` is written in ``language``: the brand as the language writes it
    ("支付宝", "알리페이"), else the brand, or the local name."""
    if method in _BRANDS:
        return _LOCAL_BRANDS.get(method, {}).get(language, _BRANDS[method])
    names = _NAMES[method]
    return names.get(language, names["en"])


def payment_answer(text: str, language: str, terms: ShippingTerms) -> str:
    """What a payment question asks, answered from the store's list: one sentence per
    method ``text`` names (at most three), then paying in instalments and the currency
    charged when it asks about them; empty when it asks none of these."""
    offered_now, not_offered, unknown = _ANSWERS.get(language, _ANSWERS["en"])
    offered = terms.payment_methods
    listed = _LIST_SEPARATOR.get(language, ", ").join(
        method_name(m, language) for m in offered or ()
    )
    # methods with the same answer share one sentence ("Klarna en iDEAL: ..."), so the
    # same words are never printed twice in a row
    named = methods_in(text)[:3]
    groups: dict[str, list[str]] = {}
    for method in named:
        case = "unknown" if offered is None else "yes" if method in offered else "no"
        groups.setdefault(case, []).append(method)
    sentences = []
    for case, methods in groups.items():
        names = [method_name(method, language) for method in methods]
        if methods[0] not in _BRANDS:  # it starts the sentence: "Achteraf betalen: ..."
            names[0] = names[0][:1].upper() + names[0][1:]
        name = format_list(names, locale=language) if len(names) > 1 else names[0]
        if case == "unknown":
            sentences.append(unknown.format(method=name))
        elif case == "yes":
            sentences.append(offered_now.format(method=name))
        else:
            sentences.append(not_offered.format(method=name, offered=listed))
    folded = fold(text)
    if _INSTALMENTS.search(folded) and not set(named) & set(_INSTALMENT_METHODS):
        # "en plusieurs fois ?": Klarna when the store lists it, else the store's own list
        yes, no, team = _INSTALMENT_ANSWERS.get(language, _INSTALMENT_ANSWERS["en"])
        if offered is None:
            sentences.append(team)
        elif "klarna" in offered:
            sentences.append(yes)
        else:
            sentences.append(no.format(offered=listed))
    if _CURRENCY.search(folded):
        sentences.append(_CURRENCY_ANSWER.get(language, _CURRENCY_ANSWER["en"]))
    return ("" if language in ("ja", "zh") else " ").join(sentences)


def charge_detail(text: str, language: str) -> str:
    """The double-charge sentence when ``text`` says it was charged twice, else empty."""
    if not _TWICE.search(fold(text)):
        return ""
    return _CHARGE_DETAIL.get(language, _CHARGE_DETAIL["en"])


# Every method a store may list, each with how it is written and named.
METHODS = PAYMENT_METHODS
