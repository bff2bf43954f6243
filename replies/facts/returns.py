"""The store's own terms a shopper asks about inside another question: who pays the return
postage, whether an item can be exchanged, whether parcels arrive on a Saturday.

"My parcel is damaged, do I pay the return postage?", "can I exchange it for a bigger
size?", "do you deliver on Saturday?" are details of a return, a wrong or damaged item, a
delivery question: the answer to those says it in one sentence, in the shopper's language,
from the desk file (``shipping.returns`` and ``shipping.saturday_delivery``, read by
``replies.facts.terms``). What the store has not set is never promised: the sentence then
says that the team tells or checks it.

    terms = parse_shipping({"returns": {"postage": "shopper_unless_faulty"}})
    return_postage(terms, "es")          # "El envío de la devolución corre de tu cuenta, ..."
    faulty_return_postage(terms, "es")   # "Si hay que devolver el artículo, el envío ..."
    saturday_delivery(ShippingTerms(), "de")  # "Ob ein Paket auch samstags ..." (not set)
"""

from __future__ import annotations

import re

from replies.facts.return_window import return_window
from replies.facts.terms import ReturnPostage, ShippingTerms

# "Saturday" and "weekend" as shoppers write them in the 14 languages (folded to lower case;
# CJK and Arabic as written): a delivery answer says the Saturday term only when asked, it
# is noise in every other delivery answer.
_SATURDAY_WORDS = re.compile(
    r"saturday|weekend|s[aá]bado|fin de semana|samedi|week-end|samstag|sonnabend|wochenende|"
    r"sabato|fine settimana|fim de semana|zaterdag|sobot|weekend|суббот|выходн|cumartesi|"
    r"hafta ?sonu|土曜|週末|토요일|주말|周六|星期六|礼拜六|周末|السبت|نهاية الأسبوع",
    re.IGNORECASE,
)

# language -> (the store pays, the shopper pays, the shopper unless the item is faulty or
# wrong, not set): for a return the shopper chose (a change of mind, a size)
_RETURN_POSTAGE: dict[str, tuple[str, str, str, str]] = {
    "en": (
        "Return postage is on us.",
        "Please note that the return postage is paid by you.",
        "The return postage is paid by you, unless the item is faulty or not what you "
        "ordered: then it is on us.",
        "Our team will tell you with the instructions whether the return postage is covered.",
    ),
    "es": (
        "El envío de la devolución corre de nuestra cuenta.",
        "Ten en cuenta que el envío de la devolución corre de tu cuenta.",
        "El envío de la devolución corre de tu cuenta, salvo si el artículo es defectuoso o "
        "no es el que pediste: entonces lo pagamos nosotros.",
        "Con las instrucciones, nuestro equipo te dirá si el envío de la devolución está cubierto.",
    ),
    "fr": (
        "Les frais de retour sont à notre charge.",
        "Veuillez noter que les frais de retour sont à votre charge.",
        "Les frais de retour sont à votre charge, sauf si l'article est défectueux ou ne "
        "correspond pas à votre commande : ils sont alors pour nous.",
        "Avec les instructions, notre équipe vous dira si les frais de retour sont pris en charge.",
    ),
    "de": (
        "Die Rücksendekosten übernehmen wir.",
        "Bitte beachten Sie, dass die Rücksendekosten bei Ihnen liegen.",
        "Die Rücksendekosten tragen Sie, außer wenn der Artikel defekt ist oder nicht dem "
        "Bestellten entspricht: Dann übernehmen wir sie.",
        "Mit der Anleitung sagt Ihnen unser Team, ob die Rücksendekosten übernommen werden.",
    ),
    "it": (
        "Le spese di reso sono a carico nostro.",
        "Tieni presente che le spese di reso sono a tuo carico.",
        "Le spese di reso sono a tuo carico, a meno che l'articolo non sia difettoso o "
        "diverso da quello ordinato: in quel caso le paghiamo noi.",
        "Insieme alle istruzioni, il nostro team ti dirà se le spese di reso sono coperte.",
    ),
    "pt": (
        "O frete da devolução fica por nossa conta.",
        "Lembre-se de que o frete da devolução fica por sua conta.",
        "O frete da devolução fica por sua conta, a menos que o item tenha defeito ou não "
        "seja o que você pediu: nesse caso, ele fica por nossa conta.",
        "Junto com as instruções, nossa equipe vai informar se o frete da devolução é coberto.",
    ),
    "nl": (
        "De retourkosten zijn voor onze rekening.",
        "Let op: de retourkosten zijn voor je eigen rekening.",
        "De retourkosten zijn voor je eigen rekening, behalve als het artikel defect is of "
        "niet is wat je bestelde: dan betalen wij ze.",
        "Met de instructies laat ons team je weten of de retourkosten worden vergoed.",
    ),
    "pl": (
        "Koszt odesłania pokrywamy my.",
        "Pamiętaj, że koszt odesłania pokrywasz Ty.",
        "Koszt odesłania pokrywasz Ty, chyba że produkt jest wadliwy albo nie jest tym, co "
        "zamówiono: wtedy pokrywamy go my.",
        "Razem z instrukcją nasz zespół napisze, czy koszt odesłania jest pokrywany przez nas.",
    ),
    "ru": (
        "Обратную пересылку оплачиваем мы.",
        "Обратите внимание: обратную пересылку оплачиваете вы.",
        "Обратную пересылку оплачиваете вы, если только товар не бракованный и не отличается "
        "от заказанного: тогда её оплачиваем мы.",
        "Вместе с инструкцией наша команда сообщит, оплачивается ли обратная пересылка.",
    ),
    "tr": (
        "İade kargo ücreti bize aittir.",
        "İade kargo ücretinin size ait olduğunu hatırlatırız.",
        "İade kargo ücreti size aittir; ancak ürün kusurluysa ya da sipariş ettiğiniz ürün "
        "değilse ücreti biz karşılarız.",
        "Ekibimiz iade talimatlarıyla birlikte kargo ücretinin karşılanıp karşılanmadığını "
        "da bildirecek.",
    ),
    "ja": (
        "返品の送料は当店が負担いたします。",
        "恐れ入りますが、返品の送料はお客様のご負担となります。",
        "返品の送料はお客様のご負担となりますが、商品の不良やご注文と異なる商品の場合は当店が負"
        "担いたします。",
        "返品の送料が当店負担となるかどうかは、返品手順とあわせて担当者からご案内いたします。",
    ),
    "ko": (
        "반품 배송비는 저희가 부담합니다.",
        "반품 배송비는 고객님 부담인 점 참고해 주세요.",
        "반품 배송비는 고객님 부담이지만, 상품에 하자가 있거나 주문하신 상품과 다른 경우에는 "
        "저희가 부담합니다.",
        "반품 배송비 지원 여부는 담당팀이 반품 안내와 함께 알려 드리겠습니다.",
    ),
    "zh": (
        "退货运费由我们承担。",
        "请注意，退货运费需由您承担。",
        "退货运费由您承担；如果商品有质量问题或与订购的不符，则由我们承担。",
        "退货运费是否由我们承担，我们的团队会在发送退货说明时告诉您。",
    ),
    "ar": (
        "تكلفة شحن الإرجاع علينا.",
        "يُرجى العلم أن تكلفة شحن الإرجاع على حسابك.",
        "تكلفة شحن الإرجاع على حسابك، إلا إذا كان المنتج معيبًا أو غير الذي طلبته: "
        "عندها نتحملها نحن.",
        "سيخبرك فريقنا مع تعليمات الإرجاع ما إذا كانت تكلفة شحن الإرجاع مغطاة.",
    ),
}

# language -> (the store pays for a faulty or wrong item's return, not said): for a
# damaged, defective or wrong item, which the shopper did not choose to send back
_FAULTY_POSTAGE: dict[str, tuple[str, str]] = {
    "en": (
        "If the item has to come back to us, the return postage is on us.",
        "If the item has to come back to us, our team will tell you how the return postage "
        "is handled.",
    ),
    "es": (
        "Si hay que devolvernos el artículo, el envío de la devolución corre de nuestra cuenta.",
        "Si hay que devolvernos el artículo, nuestro equipo te dirá cómo se gestiona el envío "
        "de la devolución.",
    ),
    "fr": (
        "Si l'article doit nous être renvoyé, les frais de retour sont à notre charge.",
        "Si l'article doit nous être renvoyé, notre équipe vous dira comment les frais de "
        "retour sont pris en charge.",
    ),
    "de": (
        "Muss der Artikel zu uns zurück, übernehmen wir die Rücksendekosten.",
        "Muss der Artikel zu uns zurück, sagt Ihnen unser Team, wie die Rücksendekosten "
        "geregelt werden.",
    ),
    "it": (
        "Se l'articolo deve tornare da noi, le spese di reso sono a carico nostro.",
        "Se l'articolo deve tornare da noi, il nostro team ti dirà come vengono gestite le "
        "spese di reso.",
    ),
    "pt": (
        "Se o item precisar voltar para nós, o frete da devolução fica por nossa conta.",
        "Se o item precisar voltar para nós, nossa equipe vai informar como fica o frete da "
        "devolução.",
    ),
    "nl": (
        "Moet het artikel naar ons terug, dan zijn de retourkosten voor onze rekening.",
        "Moet het artikel naar ons terug, dan laat ons team je weten hoe het zit met de "
        "retourkosten.",
    ),
    "pl": (
        "Jeśli produkt trzeba będzie odesłać, koszt odesłania pokrywamy my.",
        "Jeśli produkt trzeba będzie odesłać, nasz zespół napisze, jak rozliczamy koszt odesłania.",
    ),
    "ru": (
        "Если товар нужно будет вернуть нам, обратную пересылку оплачиваем мы.",
        "Если товар нужно будет вернуть нам, наша команда сообщит, как оплачивается обратная "
        "пересылка.",
    ),
    "tr": (
        "Ürünün bize geri gönderilmesi gerekirse iade kargo ücretini biz karşılarız.",
        "Ürünün bize geri gönderilmesi gerekirse ekibimiz iade kargo ücretinin nasıl "
        "karşılanacağını size bildirecek.",
    ),
    "ja": (
        "商品をご返送いただく場合、返品の送料は当店が負担いたします。",
        "商品をご返送いただく場合の送料の扱いについては、担当者からご案内いたします。",
    ),
    "ko": (
        "상품을 반송해야 하는 경우 반품 배송비는 저희가 부담합니다.",
        "상품을 반송해야 하는 경우 반품 배송비 처리 방법은 담당팀이 안내해 드리겠습니다.",
    ),
    "zh": (
        "如需将商品寄回，退货运费由我们承担。",
        "如需将商品寄回，退货运费如何处理，我们的团队会告诉您。",
    ),
    "ar": (
        "إذا لزم إرجاع المنتج إلينا، فتكلفة شحن الإرجاع علينا.",
        "إذا لزم إرجاع المنتج إلينا، فسيخبرك فريقنا بكيفية التعامل مع تكلفة شحن الإرجاع.",
    ),
}

# language -> (exchanges offered, not offered, not said)
_EXCHANGE: dict[str, tuple[str, str, str]] = {
    "en": (
        "If you'd rather have an exchange, for example another size or colour, tell us which "
        "one and we'll check that it's in stock.",
        "We don't do direct exchanges: send the item back for a refund and order the one you'd "
        "like.",
        "For an exchange, for example another size or colour, tell us which one you'd like and "
        "our team will check whether it's possible.",
    ),
    "es": (
        "Si prefieres un cambio, por ejemplo por otra talla o color, dinos cuál y comprobamos "
        "que haya existencias.",
        "No hacemos cambios directos: devuelve el artículo para el reembolso y haz un pedido "
        "nuevo con el que prefieras.",
        "Para un cambio, por ejemplo por otra talla o color, dinos cuál quieres y nuestro "
        "equipo comprobará si es posible.",
    ),
    "fr": (
        "Si vous préférez un échange, par exemple contre une autre taille ou couleur, "
        "dites-nous laquelle et nous vérifierons qu'elle est en stock.",
        "Nous ne faisons pas d'échange direct : renvoyez l'article pour être remboursé et "
        "commandez celui que vous souhaitez.",
        "Pour un échange, par exemple contre une autre taille ou couleur, dites-nous laquelle "
        "vous souhaitez et notre équipe vérifiera si c'est possible.",
    ),
    "de": (
        "Möchten Sie lieber umtauschen, etwa in eine andere Größe oder Farbe, nennen Sie uns "
        "die gewünschte, und wir prüfen, ob sie vorrätig ist.",
        "Einen direkten Umtausch bieten wir nicht an: Schicken Sie den Artikel gegen "
        "Erstattung zurück und bestellen Sie den gewünschten neu.",
        "Für einen Umtausch, etwa in eine andere Größe oder Farbe, nennen Sie uns bitte die "
        "gewünschte; unser Team prüft dann, ob das möglich ist.",
    ),
    "it": (
        "Se preferisci un cambio, per esempio con un'altra taglia o un altro colore, dicci "
        "quale e verifichiamo che sia disponibile.",
        "Non facciamo cambi diretti: restituisci l'articolo per il rimborso e ordina quello "
        "che preferisci.",
        "Per un cambio, per esempio con un'altra taglia o un altro colore, dicci quale "
        "desideri e il nostro team verificherà se è possibile.",
    ),
    "pt": (
        "Se preferir uma troca, por exemplo por outro tamanho ou cor, diga qual e verificamos "
        "se há em estoque.",
        "Não fazemos trocas diretas: devolva o item para receber o reembolso e faça um novo "
        "pedido com o que preferir.",
        "Para uma troca, por exemplo por outro tamanho ou cor, diga qual você quer e nossa "
        "equipe vai verificar se é possível.",
    ),
    "nl": (
        "Wil je liever ruilen, bijvoorbeeld voor een andere maat of kleur, laat ons dan weten "
        "welke en we kijken of die op voorraad is.",
        "Direct ruilen kan bij ons niet: stuur het artikel terug voor terugbetaling en bestel "
        "het artikel dat je wilt.",
        "Wil je ruilen, bijvoorbeeld voor een andere maat of kleur? Laat ons dan weten welke je "
        "wilt, dan kijkt ons team of dat kan.",
    ),
    "pl": (
        "Jeśli wolisz wymianę, na przykład na inny rozmiar lub kolor, napisz, na jaki, a "
        "sprawdzimy, czy jest dostępny.",
        "Nie prowadzimy bezpośrednich wymian: odeślij produkt, aby otrzymać zwrot pieniędzy, i "
        "zamów ten, który chcesz.",
        "W przypadku wymiany, na przykład na inny rozmiar lub kolor, napisz, na jaki, a nasz "
        "zespół sprawdzi, czy to możliwe.",
    ),
    "ru": (
        "Если вы хотите обменять товар, например на другой размер или цвет, напишите, на "
        "какой, и мы проверим, есть ли он в наличии.",
        "Прямого обмена у нас нет: верните товар, чтобы получить деньги, и оформите новый "
        "заказ на нужный.",
        "Для обмена, например на другой размер или цвет, напишите, на какой, и наша команда "
        "проверит, возможно ли это.",
    ),
    "tr": (
        "Başka bir beden ya da renkle değişim isterseniz hangisini istediğinizi yazın, "
        "stokta olup olmadığını kontrol edelim.",
        "Doğrudan değişim yapmıyoruz: ürünü iade ederek ücretinizi geri alabilir ve "
        "istediğiniz ürünü yeniden sipariş edebilirsiniz.",
        "Başka bir beden ya da renkle değişim isterseniz hangisini istediğinizi yazın; "
        "ekibimiz bunun mümkün olup olmadığını kontrol edecek.",
    ),
    "ja": (
        "サイズ違いや色違いへの交換をご希望の場合は、ご希望の商品をお知らせください。在庫を確認"
        "いたします。",
        "恐れ入りますが、直接の交換は承っておりません。返品・返金のうえ、ご希望の商品を改めてご"
        "注文ください。",
        "サイズ違いや色違いへの交換をご希望の場合は、ご希望の商品をお知らせください。対応可能か"
        "どうか担当者が確認いたします。",
    ),
    "ko": (
        "다른 사이즈나 색상으로 교환을 원하시면 원하시는 상품을 알려 주세요. 재고를 확인해 "
        "드리겠습니다.",
        "직접 교환은 어렵습니다. 상품을 반품해 환불받으신 뒤 원하시는 상품을 새로 주문해 주세요.",
        "다른 사이즈나 색상으로 교환을 원하시면 원하시는 상품을 알려 주세요. 가능한지 담당팀이 "
        "확인해 드리겠습니다.",
    ),
    "zh": (
        "如果您想换货，例如换成其他尺码或颜色，请告诉我们想换哪一款，我们会确认是否有库存。",
        "我们不提供直接换货：请退回商品办理退款，再重新下单购买您想要的商品。",
        "如果您想换货，例如换成其他尺码或颜色，请告诉我们想换哪一款，我们的团队会确认是否可行。",
    ),
    "ar": (
        "إذا كنت تفضّل الاستبدال، بمقاس أو لون آخر مثلًا، فأخبرنا بما تريده وسنتحقق من توفره.",
        "لا نقدم الاستبدال المباشر: أعد المنتج لاسترداد المبلغ ثم اطلب المنتج الذي تريده.",
        "إذا كنت تريد الاستبدال، بمقاس أو لون آخر مثلًا، فأخبرنا بما تريده وسيتحقق فريقنا مما "
        "إذا كان ذلك ممكنًا.",
    ),
}

# language -> (Saturday delivery offered, not offered, not said)
_SATURDAY: dict[str, tuple[str, str, str]] = {
    "en": (
        "Saturday delivery is possible where the carrier delivers on Saturdays in your area.",
        "We don't deliver on Saturdays: parcels arrive on weekdays.",
        "Whether a parcel can arrive on a Saturday depends on the carrier in your area; our "
        "team can check it for your address.",
    ),
    "es": (
        "Se puede entregar en sábado donde el transportista reparte los sábados en tu zona.",
        "No entregamos en sábado: los paquetes llegan de lunes a viernes.",
        "Que un paquete llegue en sábado depende del transportista de tu zona; nuestro equipo "
        "puede comprobarlo para tu dirección.",
    ),
    "fr": (
        "La livraison le samedi est possible là où le transporteur livre le samedi dans "
        "votre secteur.",
        "Nous ne livrons pas le samedi : les colis arrivent du lundi au vendredi.",
        "Une livraison le samedi dépend du transporteur de votre secteur ; notre équipe peut "
        "le vérifier pour votre adresse.",
    ),
    "de": (
        "Eine Zustellung am Samstag ist möglich, wo der Zusteller in Ihrer Gegend samstags "
        "ausliefert.",
        "Samstags liefern wir nicht: Pakete kommen von Montag bis Freitag.",
        "Ob ein Paket auch samstags kommt, hängt vom Zusteller in Ihrer Gegend ab; unser Team "
        "kann das für Ihre Adresse prüfen.",
    ),
    "it": (
        "La consegna di sabato è possibile dove il corriere consegna il sabato nella tua zona.",
        "Non consegniamo di sabato: i pacchi arrivano dal lunedì al venerdì.",
        "La consegna di sabato dipende dal corriere della tua zona; il nostro team può "
        "verificarlo per il tuo indirizzo.",
    ),
    "pt": (
        "A entrega aos sábados é possível onde a transportadora entrega aos sábados na sua região.",
        "Não entregamos aos sábados: os pacotes chegam de segunda a sexta.",
        "A entrega aos sábados depende da transportadora da sua região; nossa equipe pode "
        "verificar para o seu endereço.",
    ),
    "nl": (
        "Bezorging op zaterdag kan waar de vervoerder in jouw buurt op zaterdag bezorgt.",
        "Op zaterdag bezorgen we niet: pakketten komen van maandag tot en met vrijdag.",
        "Of een pakket op zaterdag kan komen, hangt af van de vervoerder in jouw buurt; ons "
        "team kan het voor je adres nagaan.",
    ),
    "pl": (
        "Dostawa w sobotę jest możliwa tam, gdzie przewoźnik doręcza w soboty w Twojej okolicy.",
        "Nie dostarczamy w soboty: paczki docierają od poniedziałku do piątku.",
        "Czy paczka może dotrzeć w sobotę, zależy od przewoźnika w Twojej okolicy; nasz "
        "zespół może to sprawdzić dla Twojego adresu.",
    ),
    "ru": (
        "Доставка в субботу возможна там, где перевозчик доставляет по субботам в вашем районе.",
        "По субботам мы не доставляем: посылки приходят с понедельника по пятницу.",
        "Придёт ли посылка в субботу, зависит от перевозчика в вашем районе; наша команда "
        "может проверить это для вашего адреса.",
    ),
    "tr": (
        "Kargo firmasının bölgenizde cumartesi dağıtım yaptığı yerlerde cumartesi teslimat "
        "mümkündür.",
        "Cumartesi teslimat yapmıyoruz: paketler pazartesiden cumaya teslim edilir.",
        "Paketin cumartesi gelip gelemeyeceği bölgenizdeki kargo firmasına bağlıdır; ekibimiz "
        "adresiniz için kontrol edebilir.",
    ),
    "ja": (
        "お住まいの地域で配送業者が土曜日に配達している場合は、土曜日のお届けも可能です。",
        "土曜日の配達は行っておりません。お荷物は月曜日から金曜日にお届けします。",
        "土曜日にお届けできるかどうかは地域の配送業者によります。ご住所での可否を担当者が確認い"
        "たします。",
    ),
    "ko": (
        "지역 택배사가 토요일에 배송하는 곳이라면 토요일 배송도 가능합니다.",
        "토요일에는 배송하지 않으며, 택배는 월요일부터 금요일까지 도착합니다.",
        "토요일 배송 여부는 지역 택배사에 따라 다릅니다. 주소지 기준으로 담당팀이 확인해 "
        "드릴 수 있습니다.",
    ),
    "zh": (
        "如果您所在地区的承运商周六派送，也可以在周六送达。",
        "我们周六不派送，包裹会在周一至周五送达。",
        "周六能否送达取决于您所在地区的承运商，我们的团队可以按您的地址帮您确认。",
    ),
    "ar": (
        "التوصيل يوم السبت ممكن حيث تقوم شركة الشحن بالتوصيل أيام السبت في منطقتك.",
        "لا نقوم بالتوصيل يوم السبت: تصل الطرود من الاثنين إلى الجمعة.",
        "يعتمد وصول الطرد يوم السبت على شركة الشحن في منطقتك، ويمكن لفريقنا التحقق من ذلك لعنوانك.",
    ),
}


def return_postage(terms: ShippingTerms, language: str) -> str:
    """Who pays the postage of a return the shopper chose, in ``language``, after the
    store's return window when the desk file sets one (``replies.facts.return_window``)."""
    store, shopper, unless_faulty, unset = _RETURN_POSTAGE.get(language, _RETURN_POSTAGE["en"])
    postage = {
        ReturnPostage.STORE: store,
        ReturnPostage.SHOPPER: shopper,
        ReturnPostage.SHOPPER_UNLESS_FAULTY: unless_faulty,
        None: unset,
    }[terms.returns.postage]
    window = return_window(terms, language)
    if not window:
        return postage
    return window + ("" if language in ("ja", "zh") else " ") + postage


def faulty_return_postage(terms: ShippingTerms, language: str) -> str:
    """Who pays sending back a damaged, defective or wrong item, in ``language``: the store
    when its terms say so, else the team tells (never "you pay" for the store's mistake)."""
    ours, unset = _FAULTY_POSTAGE.get(language, _FAULTY_POSTAGE["en"])
    paid_by_us = terms.returns.postage in (
        ReturnPostage.STORE,
        ReturnPostage.SHOPPER_UNLESS_FAULTY,
    )
    return ours if paid_by_us else unset


def exchange_terms(terms: ShippingTerms, language: str) -> str:
    """Whether the store exchanges items (another size or colour), in ``language``."""
    return _three(_EXCHANGE, terms.returns.exchanges, language)


def saturday_delivery(terms: ShippingTerms, language: str) -> str:
    """Whether parcels can arrive on a Saturday, in ``language``."""
    return _three(_SATURDAY, terms.saturday_delivery, language)


def asks_about_saturday(text: str) -> bool:
    """Whether a message asks about Saturday or weekend delivery ("liefert ihr samstags?",
    "周末能送到吗"): only then does a delivery answer say the store's Saturday term."""
    return bool(_SATURDAY_WORDS.search(text))


def _three(texts: dict[str, tuple[str, str, str]], flag: bool | None, language: str) -> str:
    yes, no, unset = texts.get(language, texts["en"])
    return unset if flag is None else yes if flag else no
