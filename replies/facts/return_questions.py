"""The questions a return, refund or cancellation message asks beside its request, answered.

"I opened it, can I still return it?", "the box and the receipt are gone", "how many days
do I have?", "there's no label in the box", "money back or a voucher?", "does the money
go back to my account? I paid with BLIK", "do I pay shipping again?": the answers noted
the request and asked for details, and left the question itself open. Each is answered
here in one sentence in the shopper's language, with what is true of every order (the
order number is the proof of purchase; the refund goes back the way the shopper paid)
or, where it depends on the store or the item, that the team confirms it: nothing is
promised that the desk file does not say.

The sentences reach the answers through ``{refund_amount}`` (``replies.facts.refund_amount``),
the variable the return, refund, cancellation and change answers write where a question
about their terms is answered; it is empty when the message asks none.

    return_questions("paketini actim, yine de iade olur mu", "tr")
    # "Açılmış bir ürünün iade edilip edilemeyeceğini ekibimiz size teyit edecek: ..."
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from replies.facts.payments import method_name, methods_in
from replies.features import fold


@cache
def _to_simplified() -> Any | None:
    """OpenCC's traditional-to-simplified converter, or None when it is not installed."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - a dependency of the project
        return None
    return opencc.OpenCC("t2s")


def _readings(text: str) -> tuple[str, ...]:
    """The folded message, and its simplified-character reading when it has Chinese
    characters: the Chinese patterns are simplified ("退货期限", "发票"), and a shopper in
    Taiwan or Hong Kong writes "退貨期限", "發票"."""
    folded = fold(text)
    converter = _to_simplified() if re.search(r"[\u4e00-\u9fff]", text) else None
    if converter is None:
        return (folded,)
    simplified = fold(converter.convert(text))
    return (folded,) if simplified == folded else (folded, simplified)


OPENED = "opened"
NO_BOX = "no_box"
NO_RECEIPT = "no_receipt"
DAYS = "days"
NO_LABEL = "no_label"
MONEY_BACK = "money_back"
SHIP_AGAIN = "ship_again"

# How shoppers ask each, in the 14 languages, on the folded message (lower case, no
# accents; "ł" and "ı" stay), with the pinyin some Chinese shoppers type.
_ASKED: dict[str, re.Pattern[str]] = {
    OPENED: re.compile(
        r"\bopened\b|unseal|out of (?:the )?(?:packaging|plastic|wrapping)|"
        r"\babierto|\babri (?:el|la|los|las)\b|\blo abri\b|\bla abri\b|desprecint|"
        r"\bouvert|deballe|"
        r"geoffnet|aufgemacht|ausgepackt|"
        r"\baperto|\baperta|\bho aperto|scartato|"
        r"\babri\b|\baberto|\baberta|tirei da embalagem|"
        r"geopend|opengemaakt|open gemaakt|uitgepakt|"
        r"otworzy|otwart|rozpakowa|"
        r"открыл|вскрыл|распаковал|вскрыт|открыт(?:ыи|ая|ое|ои|ую|ые)?\b|"
        r"\bact[iı]m|ac[iı]ld[iı]|ac[iı]lm[iı]s|paketini ac|ambalaj[iı]n[iı] ac|"
        r"開封|開けて|開けました|開けちゃ|개봉|뜯었|뜯어|열어 ?봤|열었|"
        r"拆开|拆封|打开了|开封|chai ?kai|da ?kai le|"
        r"فتحت|فتحته|فتحتها|مفتوح|فكيت|حليت"
    ),
    NO_BOX: re.compile(
        r"(?:lost|threw (?:out|away)|thrown (?:out|away)|binned|don'?t have|no longer have|"
        r"without) (?:the |its |my )?(?:original )?(?:box|packaging)|"
        r"(?:box|packaging) (?:is |was )?(?:gone|lost)|"
        r"(?:tire|perdi|bote|no tengo|ya no tengo|sin) (?:la |el )?(?:caja|embalaje|empaque)|"
        r"(?:jete|perdu|plus|sans) (?:le |l'|la )?(?:carton|boite|emballage)|"
        r"(?:karton|verpackung|schachtel)\w*(?: hab(?:e)? ich)? (?:weggeworfen|entsorgt|nicht mehr|"
        r"verloren)|"
        r"ohne (?:original)?(?:verpackung|karton)|"
        r"kein(?:e|en)? (?:original)?(?:verpackung|karton) mehr|"
        r"(?:buttato|perso|non ho piu|senza) (?:la |il |l')?(?:scatola|confezione|imballo|"
        r"imballaggio)|"
        r"(?:joguei fora|deitei fora|perdi|nao tenho mais|ja nao tenho|sem) (?:a |o )?"
        r"(?:caixa|embalagem)|(?:joguei|deitei) (?:a |o )?(?:caixa|embalagem)\w* fora|"
        r"(?:doos|verpakking)(?: heb ik)? (?:weggegooid|kwijt|niet meer)|"
        r"zonder (?:de )?(?:originele )?(?:doos|verpakking)|geen (?:doos|verpakking) meer|"
        r"(?:wyrzuci\w*|zgubi\w*|nie mam ju[zż]|bez) (?:oryginalnego )?(?:pude[lł]\w*|"
        r"opakowani\w*|karton\w*)|"
        r"(?:выбросил\w*|выкинул\w*|потерял\w*|нет|без) (?:оригинальнои )?(?:коробк\w*|упаковк\w*)|"
        r"(?:коробк\w*|упаковк\w*) (?:уже |тоже |не )?(?:выбросил\w*|выкинул\w*|потерял\w*|нет|"
        r"сохранил\w*)|"
        r"(?:kutu|ambalaj)\w* (?:da |de )?(?:att[iı]m|kayboldu|yok|kaybettim)|"
        r"kutusuz|ambalajs[iı]z|"
        r"(?:箱|外箱|梱包|パッケージ)(?:を|は|も|が)?(?:捨て|なくし|無くし|紛失|ない|ありません)|"
        r"(?:박스|상자|포장)(?:를|을|는|은|도|가|이)? ?(?:버렸|잃어|없어|없는데|없고|분실)|"
        r"(?:盒子|包装|外包装|包装盒)(?:都|也|已经)?(?:扔了|丢了|没了|不见了|弄丢)|"
        r"没有(?:了)?(?:原)?(?:包装盒|盒子|外包装|包装)|"
        r"(?:bao ?zhuang|he ?zi)[^.?!]{0,30}(?:diu|reng|mei le)|"
        r"(?:رميت|ضيعت|فقدت|ما عندي|بدون) (?:ال)?(?:علبه|كرتونه|تغليف|كرتون)|"
        r"(?:العلبه|الكرتونه|الكرتون|التغليف) (?:ضاعت|ضاع|راحت|راح|رميتها|رميته)"
    ),
    NO_RECEIPT: re.compile(
        r"(?:lost|threw (?:out|away)|don'?t have|no longer have|without) (?:the |my )?"
        r"(?:receipt|proof of purchase)|no receipt|"
        r"(?:perdi|no tengo|sin|tire) (?:el |la )?(?:ticket|recibo|comprobante)|"
        r"(?:perdu|plus|sans|jete) (?:le |la |mon |ma )?(?:ticket|recu|preuve d'achat)|"
        r"(?:kassenbon|quittung|beleg)\w* (?:verloren|weg|nicht mehr|weggeworfen)|"
        r"ohne (?:kassenbon|quittung|beleg)|kein(?:en)? (?:kassenbon|beleg|quittung) mehr|"
        r"(?:perso|non ho piu|senza|buttato) (?:lo |il |la )?(?:scontrino|ricevuta)|"
        r"(?:perdi|nao tenho mais|ja nao tenho|nao tenho|sem|joguei fora|deitei fora) "
        r"(?:a |o )?(?:nota fiscal|nota|recibo|comprovante|talao|fatura)|"
        r"(?:bon|bonnetje|kassabon) (?:kwijt|weggegooid|niet meer)|"
        r"zonder (?:bon|bonnetje|kassabon)|"
        r"(?:zgubi\w*|nie mam|bez|wyrzuci\w*) (?:ju[zż] )?paragon\w*|paragon\w* (?:zgubi|wyrzuci)|"
        r"(?:потерял\w*|нет|без|выбросил\w*|выкинул\w*) (?:чек\w*|квитанци\w*)|"
        r"(?:\bчек|квитанци\w*)\w* (?:уже |тоже |не )?(?:потерял\w*|выбросил\w*|выкинул\w*|нет|"
        r"сохранил\w*)|"
        r"(?:fis|fatura)\w* (?:da |de )?(?:kaybettim|att[iı]m|yok|kayboldu)|"
        r"(?:レシート|領収書|納品書)(?:を|は|も|が)?(?:捨て|なくし|無くし|紛失|ない|ありません)|"
        r"영수증(?:를|을|는|은|도|이)? ?(?:버렸|잃어|없어|없는데|없고|분실)|"
        r"(?:发票|收据|小票)(?:都|也|已经)?(?:扔了|丢了|没了|不见了|弄丢)|没有(?:了)?(?:发票|收据|小票)|"
        r"fa ?piao[^.?!]{0,20}(?:diu|reng|mei le)|"
        r"(?:رميت|ضيعت|فقدت|ما عندي|بدون) (?:ال)?(?:فاتوره|ايصال|وصل)|"
        r"(?:الفاتوره|الايصال|الوصل) (?:ضاعت|ضاع|راحت|راح|رميتها|رميته)"
    ),
    DAYS: re.compile(
        r"how (?:many days|much time) (?:do i have|have i got|is there)|"
        r"how long (?:do i have|have i got) to|return (?:window|period|deadline)|"
        r"too late to (?:return|send)|"
        r"cuantos dias (?:tengo|hay)|plazo (?:de|para) (?:devolucion|devolver|cambio)|"
        r"hasta cuando (?:puedo|tengo)|a tiempo (?:de|para) devolver|"
        r"combien de (?:jours|temps) (?:j'ai|ai-je|pour (?:le )?(?:retour|retourner|renvoyer))|"
        r"delai (?:de|pour) (?:retour|retourner|renvoi|retractation)|jusqu'a quand|"
        r"wie (?:viele tage|lange) (?:habe|hab) ich|ruckgabefrist|widerrufsfrist|"
        r"rucksendefrist|umtauschfrist|bis wann (?:kann|darf|muss) ich|"
        r"quanti giorni (?:ho|ci sono|per)|entro quan|termine (?:per|di|del) (?:il )?reso|"
        r"fino a quando|sono ancora in tempo|"
        r"quantos dias (?:eu )?(?:tenho|tem)|prazo (?:de|para) (?:devolucao|devolver|troca|"
        r"arrependimento)|ate quando|dentro do prazo|"
        r"hoeveel dagen (?:heb|heeft|krijg)|retourtermijn|bedenktijd|tot wanneer|"
        r"ile mam dni|ile dni (?:mam|na zwrot)|ile mam czasu|termin (?:na )?zwrot|"
        r"do kiedy (?:mog|mam)|"
        r"сколько (?:у меня )?(?:днеи|дня|времени) (?:на|для|есть|у меня|осталось)|"
        r"срок (?:на )?возврат|до какого (?:числа|срока)|"
        r"kac gun(?:um| icinde iade| var|luk)|ne kadar surem|iade suresi|ne zamana kadar|"
        r"何日(?:以内|まで|間)|いつまで|返品期限|返品(?:の)?期間|"
        r"(?:며칠|몇 ?일) ?(?:까지|안에|이내|내에|남)|언제까지|반품 ?기한|반품 ?기간|"
        r"(?:几|多少)天(?:内|之内|以内)|多久之内|退货期限|退货期|截止|"
        r"(?:ji|duo shao) ?tian (?:nei|yi nei|zhi nei)|"
        r"كم يوم (?:عندي|لدي|للارجاع|معي)|مده الارجاع|مهله|حتي متي|لغايه متي|اخر موعد"
    ),
    NO_LABEL: re.compile(
        r"no (?:return )?label|without a (?:return )?label|label (?:is )?missing|"
        r"didn'?t (?:get|come with) a (?:return )?label|"
        r"sin etiqueta|no (?:viene|venia|trae|traia|hay|tengo) (?:ninguna )?etiqueta|"
        r"pas d'etiquette|sans etiquette|aucune etiquette|"
        r"kein(?:en)? (?:rucksende|retouren|retoure)?(?:schein|etikett|label)|"
        r"ohne (?:rucksende|retouren)?(?:schein|etikett|label)|"
        r"senza etichetta|nessuna etichetta|non c'e (?:l'|nessuna )?etichetta|"
        r"manca l'etichetta|"
        r"sem etiqueta|nao (?:veio|tem|vem|tenho) (?:nenhuma |a )?etiqueta|nem etiqueta|"
        r"geen (?:retour)?(?:label|formulier|sticker)|zonder (?:retour)?label|"
        r"bez etykiety|nie ma (?:zadnej )?etykiety|brak etykiety|nie by[lł]o etykiety|"
        r"нет (?:обратнои )?(?:этикетки|наклеики|накладнои)|без (?:этикетки|накладнои)|"
        r"(?:этикетк\w*|наклеик\w*|накладн\w*) (?:обратн\w* )?(?:нет|не было|не положили)|"
        r"etiket (?:yok|yoktu|gelmedi)|etiketi (?:yok|gelmedi)|etiketsiz|"
        r"(?:ラベル|伝票)(?:が|は)?(?:入っていない|入ってない|ない|ありません|なかった)|"
        r"(?:라벨|송장)(?:이|은|가)? ?(?:없|안 들어)|"
        r"没有(?:退货)?(?:标签|面单|退货单)|(?:标签|面单)(?:没有|没给)|"
        r"(?:بدون|ما فيه|مافي|لا يوجد|ما في) (?:ملصق|بوليصه|ليبل)"
    ),
    MONEY_BACK: re.compile(
        r"store credit|voucher|gift card|(?:money|refund) (?:goes? |go )?back (?:to|on|into) "
        r"(?:my )?(?:account|card|bank)|back (?:to|on|into) my (?:account|card|bank)|"
        r"\bun vale\b|vale de compra|cupon|saldo a favor|credito (?:en|de) (?:la )?tienda|"
        r"(?:a|en) mi (?:cuenta|tarjeta)|"
        r"\bun avoir\b|\ben avoir\b|bon d'achat|sur (?:mon|ma) (?:compte|carte)|"
        r"gutschein|gutschrift|(?:auf|aufs) (?:mein |meine )?(?:konto|karte)\b|"
        r"buono (?:sconto|regalo|acquisto)|\bun buono\b|credito (?:in|nel) negozio|"
        r"sul (?:mio )?conto|sulla (?:mia )?carta|"
        r"vale[- ]compra|cupom|credito na loja|na minha conta|no meu cartao|estorno|"
        r"(?:volta|devolvido) (?:para|pro|no|na|ao) (?:o |a |meu |minha )?(?:cartao|conta)|"
        r"tegoedbon|tegoed|cadeaubon|waardebon|op (?:mijn )?(?:rekening|kaart)\b|"
        r"\bbon(?:u|em|y)? (?:podarunkow|zakupow|na zakupy)\w*|kupon|"
        r"na (?:moje |m[oó]j )?(?:konto|kart[eę])|wr[oó]c[aą] na|"
        r"сертификат|купон|на (?:мою )?карту|на (?:мои )?сч[её]т|"
        r"hediye ceki|hesab[iı]ma|kart[iı]ma|"
        r"クーポン|ポイント|商品券|ギフト券|口座に|カードに(?:返金|戻)|"
        r"적립금|쿠폰|포인트|상품권|계좌로|계좌에|카드로 (?:환불|돌아)|"
        r"代金券|优惠券|积分|退回(?:到)?(?:我的)?(?:卡|账户|帐户)|原路|退到(?:我的)?(?:卡|账户)|"
        r"قسيمه|كوبون|رصيد|(?:ل|الي |علي )(?:حسابي|بطاقتي)"
    ),
    SHIP_AGAIN: re.compile(
        r"(?:pay|charged?) (?:for )?(?:the )?(?:shipping|postage|delivery) (?:again|twice)|"
        r"(?:shipping|postage) (?:again|a second time)|"
        r"(?:another|new) shipping (?:fee|cost|charge)|"
        r"(?:pagar|cobrar\w*) (?:el |otro )?envio (?:otra vez|de nuevo|nuevamente)|"
        r"envio (?:otra vez|de nuevo)|volver a pagar (?:el )?envio|pagar otro envio|"
        r"(?:repayer|payer a nouveau|payer encore) (?:les )?(?:frais|livraison|envoi|port)|"
        r"frais de port (?:a nouveau|encore|une deuxieme fois)|je dois repayer|"
        r"(?:versand(?:kosten)?|porto) (?:noch ?mal|erneut|wieder|zweimal)|"
        r"(?:noch ?mal|erneut) (?:versand|porto)|"
        r"(?:pagare|ripagare) (?:di nuovo |ancora )?(?:la |le )?spedizion\w* "
        r"(?:di nuovo|ancora)?|spese di spedizione (?:di nuovo|ancora)|ripagare|"
        r"pagar (?:o )?frete (?:de novo|novamente|outra vez)|frete (?:de novo|novamente|outra vez)|"
        r"pagar outro frete|novo frete|pagar (?:os )?portes (?:de novo|novamente|outra vez)|"
        r"(?:verzendkosten|verzending) (?:opnieuw|nog een keer|nog eens|weer)|"
        r"(?:opnieuw|nog een keer) verzendkosten|"
        r"(?:znowu|ponownie|jeszcze raz) (?:za |p[lł]aci[cć] za )?(?:wysy[lł]k|dostaw)|"
        r"(?:wysy[lł]k\w*|dostaw\w*) (?:znowu|ponownie|jeszcze raz)|"
        r"(?:снова|опять|ещ[её] раз|повторно) (?:платить|оплачивать|заплатить) (?:за )?доставк|"
        r"доставк\w* (?:снова|опять|ещ[её] раз|повторно)|"
        r"kargo(?: ucret\w*)? (?:tekrar|yine|yeniden)|(?:tekrar|yeniden|bir daha) kargo|"
        r"送料(?:が|は|を)?(?:また|再度|もう一度|二重|再び)|(?:また|再度)送料|"
        r"배송비(?:를|가|는)? ?(?:또|다시|두 번|한 번 더)|(?:또|다시) 배송비|"
        r"(?:又|再|重新)(?:要|得)?(?:付|交|出)(?:一次)?运费|运费(?:还)?(?:要)?(?:再|又)|"
        r"(?:ادفع|ندفع|دفع) (?:الشحن|رسوم الشحن|التوصيل) (?:مره اخري|مره ثانيه|من جديد|تاني)|"
        r"الشحن (?:مره اخري|مره ثانيه|من جديد|تاني)"
    ),
}
# "non l'ho nemmeno aperto", "ungeöffnet", "未開封": an unopened item asks nothing about opening
_NOT_OPENED = re.compile(
    r"unopened|not (?:even )?(?:been )?opened|never opened|haven'?t opened|"
    r"sin abrir|no (?:lo |la )?(?:he )?abiert|no (?:lo |la )?abri|"
    r"pas (?:ete )?ouvert|jamais ouvert|non ouvert|"
    r"ungeoffnet|nicht geoffnet|nicht aufgemacht|originalverpackt|"
    r"non (?:l'? ?ho |lo ho |la ho )?(?:nemmeno |neanche |neppure |mai )?apert|mai apert|"
    r"nao abri|sem abrir|nem abri|lacrad|"
    r"niet geopend|ongeopend|"
    r"nie otw|nieotwart|nierozpakowan|"
    r"не открывал|не вскрывал|не распаковывал|не вскрыт|"
    r"acmad[iı]m|ac[iı]lmad[iı]|"
    r"未開封|開けていない|開けてない|개봉(?:하지|을 안|안)|미개봉|안 뜯|"
    r"没拆|未拆|未开封|没打开|mei ?chai|"
    r"لم افتح|ما فتحت|مافتحت"
)

_ORDER = (DAYS, OPENED, NO_BOX, NO_RECEIPT, NO_LABEL, MONEY_BACK, SHIP_AGAIN)

# language -> question -> the sentence; MONEY_BACK's {paid} is the method the shopper
# named, in brackets, or nothing
_SENTENCES: dict[str, dict[str, str]] = {
    "en": {
        DAYS: "The return period counts from the day the parcel was delivered; our team will "
        "confirm the last day you can send it back.",
        OPENED: "Our team will confirm whether your item can still come back once opened: "
        "for hygiene items such as bedding, it can depend on whether they have been used.",
        NO_BOX: "You don't need the original box: our team will tell you how to pack the item "
        "for the return.",
        NO_RECEIPT: "You don't need a receipt: your order number is your proof of purchase.",
        NO_LABEL: "You don't need a label from the parcel: we'll give you the label or "
        "the address to use.",
        MONEY_BACK: "The money goes back to the payment method you used{paid}; your bank "
        "usually shows it within a few business days.",
        SHIP_AGAIN: "Our team will tell you whether any shipping is charged again before "
        "anything is charged.",
    },
    "es": {
        DAYS: "El plazo de devolución se cuenta desde el día en que se entregó el paquete; "
        "te confirmaremos hasta qué día puedes enviarlo.",
        OPENED: "Te confirmaremos si un artículo abierto todavía se puede devolver: "
        "en artículos de higiene, como la ropa de cama, puede depender de si se han usado.",
        NO_BOX: "No necesitas la caja original: nuestro equipo te dirá cómo embalar el "
        "artículo para la devolución.",
        NO_RECEIPT: "No necesitas el ticket: tu número de pedido sirve como comprobante de compra.",
        NO_LABEL: "No necesitas ninguna etiqueta del paquete: te daremos la etiqueta o la "
        "dirección que debes usar.",
        MONEY_BACK: "El dinero vuelve al mismo medio de pago que usaste{paid}; tu banco suele "
        "reflejarlo en unos días hábiles.",
        SHIP_AGAIN: "Nuestro equipo te dirá si hay que pagar algún envío adicional antes de "
        "cobrarte nada.",
    },
    "fr": {
        DAYS: "Le délai de retour court à partir du jour de la livraison du colis ; nous vous "
        "confirmerons la date limite pour nous le renvoyer.",
        OPENED: "Nous vous confirmerons si un article ouvert peut encore être retourné : "
        "pour les articles d'hygiène, comme le linge de lit, cela peut dépendre du fait qu'ils "
        "aient été utilisés ou non.",
        NO_BOX: "Le carton d'origine n'est pas indispensable : notre équipe vous indiquera "
        "comment emballer l'article pour le retour.",
        NO_RECEIPT: "Pas besoin de ticket de caisse : votre numéro de commande sert de preuve "
        "d'achat.",
        NO_LABEL: "Pas besoin d'étiquette dans le colis : nous vous donnerons l'étiquette "
        "ou l'adresse à utiliser.",
        MONEY_BACK: "L'argent est remboursé sur le moyen de paiement que vous avez utilisé"
        "{paid} ; votre banque l'affiche en général sous quelques jours ouvrés.",
        SHIP_AGAIN: "Notre équipe vous dira si des frais de port s'appliquent à nouveau, avant "
        "tout prélèvement.",
    },
    "de": {
        DAYS: "Die Rückgabefrist beginnt mit dem Tag der Zustellung; wir bestätigen Ihnen, "
        "bis wann Sie den Artikel zurückschicken können.",
        OPENED: "Ob ein geöffneter Artikel noch zurückgehen kann, bestätigen wir Ihnen: "
        "Bei Hygieneartikeln wie Bettwäsche kann es davon abhängen, ob sie benutzt wurden.",
        NO_BOX: "Der Originalkarton ist nicht nötig: Unser Team sagt Ihnen, wie Sie den "
        "Artikel für die Rücksendung verpacken.",
        NO_RECEIPT: "Einen Kassenbon brauchen Sie nicht: Ihre Bestellnummer gilt als Kaufnachweis.",
        NO_LABEL: "Ein Etikett im Paket brauchen Sie nicht: Wir geben Ihnen das Etikett "
        "oder die Adresse, die Sie verwenden sollen.",
        MONEY_BACK: "Das Geld geht auf die Zahlungsart zurück, mit der Sie bezahlt haben"
        "{paid}; Ihre Bank zeigt es meist nach wenigen Werktagen an.",
        SHIP_AGAIN: "Ob erneut Versandkosten anfallen, sagt Ihnen unser Team, bevor etwas "
        "berechnet wird.",
    },
    "it": {
        DAYS: "Il termine per il reso decorre dal giorno della consegna del pacco; ti "
        "confermeremo fino a quando puoi rispedirlo.",
        OPENED: "Ti confermeremo se un articolo aperto si può ancora restituire: "
        "per gli articoli igienici, come la biancheria da letto, può dipendere dal fatto che "
        "siano stati usati.",
        NO_BOX: "Non serve la scatola originale: il nostro team ti dirà come imballare "
        "l'articolo per il reso.",
        NO_RECEIPT: "Non serve lo scontrino: il numero d'ordine vale come prova d'acquisto.",
        NO_LABEL: "Non serve un'etichetta nel pacco: ti daremo noi l'etichetta o "
        "l'indirizzo da usare.",
        MONEY_BACK: "I soldi tornano sullo stesso metodo di pagamento che hai usato{paid}; di "
        "solito la banca li mostra entro pochi giorni lavorativi.",
        SHIP_AGAIN: "Il nostro team ti dirà se ci sono altre spese di spedizione prima di "
        "addebitarti qualsiasi cosa.",
    },
    "pt": {
        DAYS: "O prazo de devolução conta a partir do dia da entrega; vamos confirmar até que "
        "dia você pode enviar o item de volta.",
        OPENED: "Vamos confirmar se um item aberto ainda pode ser devolvido: para "
        "itens de higiene, como roupa de cama, pode depender de terem sido usados ou não.",
        NO_BOX: "Não precisa da caixa original: nossa equipe vai explicar como embalar o item "
        "para a devolução.",
        NO_RECEIPT: "Não precisa de nota nem recibo: o número do pedido serve como "
        "comprovante de compra.",
        NO_LABEL: "Não precisa de etiqueta na caixa: enviamos a etiqueta ou o endereço a usar.",
        MONEY_BACK: "O dinheiro volta para a mesma forma de pagamento que você usou{paid}; o "
        "banco costuma mostrar o valor em alguns dias úteis.",
        SHIP_AGAIN: "Nossa equipe vai informar se há algum frete adicional antes de cobrar "
        "qualquer valor.",
    },
    "nl": {
        DAYS: "De retourtermijn gaat in op de dag dat het pakket is bezorgd; we laten je weten "
        "tot wanneer je het kunt terugsturen.",
        OPENED: "We laten je weten of een geopend artikel nog terug kan: bij "
        "hygiëneartikelen zoals beddengoed kan dat afhangen van of ze gebruikt zijn.",
        NO_BOX: "De originele doos is niet nodig: ons team laat je weten hoe je het artikel "
        "voor de retour inpakt.",
        NO_RECEIPT: "Een bon heb je niet nodig: je bestelnummer geldt als aankoopbewijs.",
        NO_LABEL: "Je hebt geen label uit het pakket nodig: wij geven je het label of het "
        "adres dat je moet gebruiken.",
        MONEY_BACK: "Het geld gaat terug naar de betaalmethode waarmee je hebt betaald{paid}; "
        "je bank laat het meestal binnen een paar werkdagen zien.",
        SHIP_AGAIN: "Ons team laat je weten of er opnieuw verzendkosten zijn, voordat er iets "
        "wordt afgeschreven.",
    },
    "pl": {
        DAYS: "Termin na zwrot liczy się od dnia doręczenia paczki; potwierdzimy, do kiedy "
        "można odesłać produkt.",
        OPENED: "Potwierdzimy, czy otwarty produkt można jeszcze zwrócić: przy "
        "artykułach higienicznych, takich jak pościel, może to zależeć od tego, czy były "
        "używane.",
        NO_BOX: "Oryginalne pudełko nie jest konieczne: nasz zespół podpowie, jak zapakować "
        "produkt do zwrotu.",
        NO_RECEIPT: "Paragon nie jest potrzebny: numer zamówienia jest dowodem zakupu.",
        NO_LABEL: "Etykieta w paczce nie jest potrzebna: prześlemy etykietę lub adres do wysyłki.",
        MONEY_BACK: "Pieniądze wrócą tą samą drogą, którą zapłacono{paid}, na to samo konto "
        "lub kartę; bank zwykle pokazuje zwrot w ciągu kilku dni roboczych.",
        SHIP_AGAIN: "Zanim cokolwiek zostanie pobrane, nasz zespół poinformuje, czy trzeba "
        "ponownie zapłacić za wysyłkę.",
    },
    "ru": {
        DAYS: "Срок возврата отсчитывается со дня доставки посылки; наша команда подтвердит, "
        "до какого числа можно отправить товар обратно.",
        OPENED: "Наша команда уточнит, можно ли вернуть вскрытый товар: например, для "
        "постельного белья и других гигиенических товаров это может зависеть от того, "
        "пользовались ли ими.",
        NO_BOX: "Оригинальная коробка не обязательна: наша команда подскажет, как упаковать "
        "товар для возврата.",
        NO_RECEIPT: "Чек не нужен: номер заказа подтверждает покупку.",
        NO_LABEL: "Этикетка из посылки не нужна: мы пришлём этикетку или адрес для отправки.",
        MONEY_BACK: "Деньги вернутся тем же способом, которым вы оплатили{paid}, на ту же "
        "карту или счёт; обычно банк показывает их в течение нескольких рабочих дней.",
        SHIP_AGAIN: "Наша команда сообщит, придётся ли снова оплачивать доставку, прежде чем "
        "что-либо будет списано.",
    },
    "tr": {
        DAYS: "İade süresi, paketin teslim edildiği günden itibaren başlar; ürünü en geç "
        "hangi güne kadar gönderebileceğinizi ekibimiz teyit edecek.",
        OPENED: "Açılmış bir ürünün iade edilip edilemeyeceğini ekibimiz size teyit edecek: "
        "nevresim gibi hijyen ürünlerinde bu, ürünün kullanılıp kullanılmadığına bağlı "
        "olabilir.",
        NO_BOX: "Orijinal kutu şart değil: ekibimiz ürünü iade için nasıl paketleyeceğinizi "
        "size anlatacak.",
        NO_RECEIPT: "Fişe gerek yok: sipariş numaranız satın alma belgesi yerine geçer.",
        NO_LABEL: "Paketten çıkan bir etikete gerek yok: kullanacağınız etiketi ya da "
        "adresi biz ileteceğiz.",
        MONEY_BACK: "Para, ödemede kullandığınız yönteme{paid} geri yatırılır; bankanız bunu "
        "genellikle birkaç iş günü içinde gösterir.",
        SHIP_AGAIN: "Yeniden kargo ücreti çıkıp çıkmayacağını, herhangi bir ücret alınmadan "
        "önce ekibimiz size bildirecek.",
    },
    "ja": {
        DAYS: "返品期限は商品のお届け日から数えます。いつまでにご返送いただけるかは、"
        "担当者が確認のうえご連絡いたします。",
        OPENED: "開封済みの商品が返品可能かどうかは、担当者が確認のうえご案内いたします。"
        "寝具などの衛生用品は、ご使用の有無によって対応が異なる場合がございます。",
        NO_BOX: "元の箱がなくても問題ございません。返品時の梱包方法は担当者がご案内いたします。",
        NO_RECEIPT: "レシートは不要です。ご注文番号が購入の証明となります。",
        NO_LABEL: "返品用のラベルが同梱されていなくても問題ございません。"
        "ご利用いただくラベルまたは返送先は当店よりお知らせいたします。",
        MONEY_BACK: "返金はお支払いいただいた方法{paid}で行います。"
        "口座やカードへの反映には通常数営業日かかります。",
        SHIP_AGAIN: "送料が改めてかかるかどうかは、ご請求の前に担当者よりお知らせいたします。",
    },
    "ko": {
        DAYS: "반품 기한은 상품을 받으신 날부터 계산합니다. 언제까지 반송하시면 되는지 "
        "담당팀이 확인해 드리겠습니다.",
        OPENED: "개봉한 상품도 반품이 가능한지는 담당팀이 확인해 드리겠습니다. 침구 같은 "
        "위생용품은 사용 여부에 따라 달라질 수 있습니다.",
        NO_BOX: "원래 상자가 없어도 괜찮습니다. 반품 포장 방법은 담당팀이 안내해 드리겠습니다.",
        NO_RECEIPT: "영수증은 필요하지 않습니다. 주문 번호가 구매 증빙이 됩니다.",
        NO_LABEL: "상자에 반품 라벨이 없어도 괜찮습니다. "
        "사용하실 라벨이나 반송 주소는 저희가 보내 드리겠습니다.",
        MONEY_BACK: "환불 금액은 결제하신 수단{paid}으로 돌아가며, 반영되기까지 보통 영업일 "
        "기준 며칠이 걸립니다.",
        SHIP_AGAIN: "배송비가 다시 드는지는 결제 전에 담당팀이 알려 드리겠습니다.",
    },
    "zh": {
        DAYS: "退货期限从包裹送达之日起计算，我们的团队会向您确认最晚可以寄回的日期。",
        OPENED: "已拆封的商品能否退货，我们的团队会为您确认；"
        "床品等卫生用品可能取决于是否已经使用。",
        NO_BOX: "没有原包装盒也没关系，我们的团队会告诉您退货时如何包装。",
        NO_RECEIPT: "不需要发票或收据，您的订单号就是购买凭证。",
        NO_LABEL: "包裹里没有退货标签也没关系，我们会把要使用的标签或寄回地址发给您。",
        MONEY_BACK: "款项会原路退回到您付款时使用的方式{paid}，通常几个工作日内到账。",
        SHIP_AGAIN: "是否需要再付运费，我们的团队会在收取任何费用之前告诉您。",
    },
    "ar": {
        DAYS: "تُحسب مهلة الإرجاع من يوم تسليم الطرد، وسيؤكد لك فريقنا آخر يوم يمكنك فيه إعادته.",
        OPENED: "سيؤكد لك فريقنا ما إذا كان يمكن إرجاع منتج مفتوح؛ ففي منتجات النظافة "
        "الشخصية مثل مفارش السرير قد يتوقف ذلك على ما إذا كانت قد استُخدمت.",
        NO_BOX: "لا تحتاج إلى العلبة الأصلية، وسيخبرك فريقنا بكيفية تغليف المنتج لإرجاعه.",
        NO_RECEIPT: "لا تحتاج إلى إيصال، فرقم طلبك هو إثبات الشراء.",
        NO_LABEL: "لا تحتاج إلى ملصق داخل الطرد، فسنرسل لك الملصق أو العنوان الذي تستخدمه.",
        MONEY_BACK: "يُعاد المبلغ إلى وسيلة الدفع نفسها التي استخدمتها{paid}، ويظهر عادةً "
        "خلال أيام عمل قليلة.",
        SHIP_AGAIN: "سيخبرك فريقنا ما إذا كانت هناك رسوم شحن إضافية قبل تحصيل أي مبلغ.",
    },
}
_BRACKETS = {"ja": "（{}）", "zh": "（{}）"}


def questions_in(text: str) -> list[str]:
    """The return and refund questions ``text`` asks (``_ORDER``'s names), in that order."""
    readings = _readings(text)
    asked = [name for name in _ORDER if any(_ASKED[name].search(r) for r in readings)]
    if OPENED in asked and any(_NOT_OPENED.search(r) for r in readings):
        asked.remove(OPENED)  # "non l'ho nemmeno aperto": said to show it is like new
    return asked


def asks_shipping_again(text: str) -> bool:
    """Whether ``text`` asks if shipping is paid a second time ("pagar envío otra vez?")."""
    return SHIP_AGAIN in questions_in(text)


def return_questions(
    text: str, language: str, *, last_day: str = "", days_told: bool = False
) -> str:
    """The answers to the questions ``text`` asks, in ``language``; empty when none.
    ``last_day``: the sentence saying until when the linked order can go back
    (``replies.facts.return_window.window_end``), said instead of "the team confirms it";
    ``days_told``: the answer states the return window elsewhere, so the period needs no
    sentence here when there is no last day to give."""
    sentences = _SENTENCES.get(language, _SENTENCES["en"])
    out = []
    for name in questions_in(text):
        if name == DAYS and days_told and not last_day:
            continue
        sentence = last_day if name == DAYS and last_day else sentences[name]
        if name == MONEY_BACK:
            methods = methods_in(text)
            paid = ""
            if methods:
                bracket = _BRACKETS.get(language, " ({})")
                paid = bracket.format(method_name(methods[0], language))
            sentence = sentence.format(paid=paid)
        out.append(sentence)
    return ("" if language in ("ja", "zh") else " ").join(out)
