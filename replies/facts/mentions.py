"""What a shopper's message already tells us, read in each of the library's 14 languages.

An answer that asks for what the message says reads as if nobody read it: "tell us which
item is missing" to a shopper who wrote "manca il copripiumino", "please send the
company name and VAT number" to one who wrote both. ``message_gives`` names each detail
the message gives, so the asks of the answer (``replies.facts.asks``) leave them out:

- ``COMPANY_NAME``: a company named by its legal form (SARL, GmbH, Sp. z o.o., 株式会社 ...);
- ``TAX_ID``: a tax number (an EU VAT number, or digits after a tax word);
- ``COMPANY_ADDRESS``: a street address (a street word and a number);
- ``RETURN_REASON``: why an item goes back (too small, another colour, broken, a change
  of mind); a message that says why names, or plainly means, the item too;
- ``MISSING_ITEM``: which item is missing ("the charger wasn't in the box");
- ``EXPECTED_ITEM``: what should have come ("instead of the candle holder a vase came");
- ``ACCOUNT_DETAIL``: which account detail is to change (the e-mail, name, phone);
- ``PAYMENT_METHOD``: the method a payment was made with (``replies.facts.payments``);
- ``EXCHANGE_WANTED``: what an item is to be exchanged for ("trocar pelo 39", "een L
  krijgen", "обменять на размер побольше");
- ``NO_ORDER_MADE``: a payment went through but no order was created, so there is no
  order number to ask for;
- ``NEIGHBOURS``: the neighbours, already asked about a parcel marked delivered.

Each is a test on the whole message in every language at once (a shopper's language is
not always the one detected, and the words rarely mean something else in another).

    message_gives("manca il copripiumino, c'erano solo le federe")   # {MISSING_ITEM}
    message_gives("Facture au nom de SARL Vauban, TVA FR27512345678")  # {COMPANY_NAME, TAX_ID}
"""

from __future__ import annotations

import re
from collections.abc import Callable

from replies.facts.payments import methods_in

COMPANY_NAME = "company_name"
TAX_ID = "tax_id"
COMPANY_ADDRESS = "company_address"
RETURN_REASON = "return_reason"
MISSING_ITEM = "missing_item"
EXPECTED_ITEM = "expected_item"
ACCOUNT_DETAIL = "account_detail"
PAYMENT_METHOD = "payment_method"
NO_ORDER_MADE = "no_order_made"
EXCHANGE_WANTED = "exchange_wanted"
NEIGHBOURS = "neighbours"

# A company's legal form, as written in the markets the library serves: a name carrying
# one of these is a company name, not a person's. The bare word for "company" ("公司报销",
# "for my company") names none.
_LEGAL_FORM = re.compile(
    r"(?<![\w.])(?:s\.?a\.?r\.?l|sas|eurl|gmbh|ag|ug|e\.k|ltd|limited|llc|inc|plc|"
    r"s\.l\.u?|s\.a|s\.r\.l|srl|s\.p\.a|spa|lda|ltda|eireli|b\.v|bv|n\.v|nv|vof|"
    r"sp\. ?z ?o\.? ?o|ооо|оао|зао|пао|ао|ип|a\.ş|ltd\. ?şti|şti)(?![\w])\.?"
    r"|株式会社|合同会社|有限会社|주식회사|\(주\)|有限公司|股份公司|ش\.م\.م|ذ\.م\.م",
    re.IGNORECASE,
)

# A tax number: an EU VAT number (country prefix and 8-12 digits or letters, at least
# eight digits), or eight or more digits a tax word stands before.
_VAT_NUMBER = re.compile(r"\b[A-Z]{2}[ -]?(?=(?:[A-Z]?\d){8})[0-9A-Z]{8,12}\b")
_TAX_WORD_NUMBER = re.compile(
    r"(?:vat|tva|ust|uid|iva|nif|cif|nipc|cnpj|cpf|nip|btw|kvk|tax|инн|vkn|vergi|"
    r"税号|税務|纳税|法人番号|登録番号|사업자|세금|ضريب)"
    r"[^\d\n]{0,30}\d[\d ./-]{6,20}\d",
    re.IGNORECASE,
)

# A street address: a street word next to a house number, in either order ("12 rue des
# Lilas", "Hauptstraße 5", "ul. Długa 7", "3-2-1 ...丁目", "서울시 ... 로 12").
_STREET = (
    r"(?:street|st\.|avenue|ave\.?|road|rd\.|lane|boulevard|blvd|rue|bd|chemin|allée|"
    r"\w*stra(?:ß|ss)e|str\.|\w*weg|\w*platz|\w*gasse|via|viale|piazza|corso|calle|avenida|"
    r"av\.|paseo|plaza|rua|travessa|praça|\w*straat|\w*laan|\w*plein|\w*gracht|ul\.|ulica|"
    r"al\.|aleja|ул\.|улица|проспект|пр\.|cad\.|caddesi|sok\.|sokak|mah\.|mahallesi|"
    r"شارع|حي)"
)
_ADDRESS = re.compile(
    rf"(?<!\w){_STREET}\s+[^\W\d]*\s*[^\W\d]*\s*\d|\d+\w?,?\s+(?:\w+\s+){{0,3}}?{_STREET}"
    r"|\d+丁目|\d+番地?|[가-힣]+(?:로|길)\s?\d+|[\u4e00-\u9fff]+(?:路|街)\d+号",
    re.IGNORECASE,
)

# Why an item goes back, as shoppers write it: the wrong size or colour, a change of
# mind, damage or a fault. A message that gives its reason names, or plainly means, the
# item it is about.
_REASON = re.compile(
    r"too (?:small|big|large|tight|loose|short|long)|(?:does|did)(?:n'?t| not) fit|"
    r"wrong (?:size|colou?r)|(?:different|another) colou?r|changed my mind|"
    r"colou?r (?:is|looks) (?:off|wrong|different)|flicker|"
    r"(?:do|did)(?:n'?t| not) like|not as (?:described|pictured)|broken|damaged|defective|"
    r"faulty|(?:does|did)(?:n'?t| not) work|stopped working|cracked|ripped|torn|scratched|"
    # es pt
    r"pequeñ|grande|apertad|aprieta|folgad|holgad|talla|color|cambié de opinión|"
    r"no me (?:queda|sirve|gusta|convence)|parpade|"
    r"\broto|\brota\b|dañad|defectuos|no funciona|pequen|tamanho|não (?:serviu|me serve|"
    r"gostei|funciona)|mudei de ideia|quebrad|danificad|defeito|estragad|piscand|"
    # fr de it
    r"trop (?:petit|grand|court|long|serré)|taille|couleur|ne me (?:va|plaît)|changé d'avis|"
    r"cassé|abîmé|endommagé|défectueu|ne (?:fonctionne|marche)|clignot|"
    r"zu (?:klein|groß|gross|eng|weit)|flacker|"
    r"passt (?:nicht|mir nicht)|größe|farbe|gefällt mir nicht|anders überlegt|kaputt|"
    r"beschädigt|defekt|funktioniert nicht|piccol|grand[ei]|taglia|colore|non mi (?:sta|piace)|"
    r"cambiato idea|\brott[oaie]|danneggiat|difettos|non funziona|lampegg|sfarfall|"
    # nl pl ru tr
    r"te (?:klein|groot|krap|wijd)|\bmaat\b|kleur|past niet|bedacht|kapot|beschadigd|"
    r"werkt niet|knipper|flikker|za (?:mał|duż|ciasn)|rozmiar|kolor|nie pasuje|nie podoba|"
    r"zmienił[ae]m zdanie|mruga|migocz|"
    r"zepsut|uszkodz|wadliw|nie działa|мал[аоы]?\b|велик|размер|цвет|не подош|не нрав|"
    r"передумал|сломан|поврежд|брак|не работает|мига|мерца|küçük|büyük|beden|renk|olmadı|"
    r"uymadı|beğenmedim|vazgeçtim|kırık|hasarlı|bozuk|çalışmıyor|arızalı|yanıp sön|"
    # ja ko zh ar
    r"小さ|大き|サイズ|色|合わな|気に入ら|壊れ|破損|不良|動かな|傷|点滅|작아|커서|커요|사이즈|색상|"
    r"안 맞|맘에 안|마음에 안|변심|파손|고장|불량|작동(?:하지|이 안)|깜빡|小了|大了|太小|太大|尺码|"
    r"颜色|不合适|不喜欢|坏了|破损|质量问题|不能用|损坏|闪烁|一闪|صغير|كبير|مقاس|اللون|لا يناسب|"
    r"لم يعجبني|مكسور|تالف|معيب|لا يعمل|غيرت رأيي|يومض",
    re.IGNORECASE,
)

# Words that name no particular item: "something is missing", "one item didn't come".
_VAGUE = (
    r"(?:something|anything|an? item|one item|items?|some(?: of the)? items?|products?|"
    r"things?|stuff|parts?|pieces?|half|one|order|package|parcel|algo|art[ií]culos?|"
    r"productos?|cosas?|quelque chose|articles?|produits?|etwas|artikel|teile?|"
    r"qualcosa|articol[oi]|prodott[oi]|pezz[oi]|alguma coisa|algo|ite(?:m|ns)|produtos?|"
    r"iets|artikelen|producten|coś|czegoś|produkt[uy]?|rzecz[yi]?|что-то|чего-то|товар[аы]?|"
    r"bir şey|ürün(?:ler)?)"
)
# which item is missing: the item next to the word for "missing" or "not in the box",
# in either order; "something is missing" names nothing
_MISSING_ITEM = re.compile(
    # en
    rf"(?:missing|without|didn'?t (?:get|receive)|never got)\s+(?:the |my |a |an |\d+ )?"
    rf"(?!{_VAGUE}\b|(?:from|in|of|on|out|at|with|any|anything|it|them)\b)[a-z]{{3,}}|"
    rf"(?:the |my )(?!{_VAGUE}\b)[a-z]{{3,}}(?: [a-z]+)? "
    r"(?:is|was|are|were) (?:missing|not (?:in|there))|"
    # es pt it fr
    rf"(?:falta|faltaba|faltou|faltó|faltam|faltan|está faltando|no (?:venía|vino|llegó)|"
    rf"não (?:veio|chegou)|manca(?:va|no)?|mancante|non c'era|il manque|manquait|"
    rf"sans)\s+(?:el |la |los |las |o |a |os |as |il |lo |la |le |gli |i |l'|un[ao]? |"
    rf"mon |ma |mes |le |les |\d+ )?(?!{_VAGUE}\b)[^\W\d_]{{3,}}|"
    # de nl
    rf"(?:der|die|das|mein(?:e|en)?|den) (?!{_VAGUE}\b)[^\W\d_]{{3,}} (?:fehlt|fehlen|war nicht)"
    rf"|fehlt (?:der|die|das|mein(?:e)?) [^\W\d_]{{3,}}|"
    rf"(?:de|het|mijn) (?!{_VAGUE}\b)[^\W\d_]{{3,}} (?:ontbreekt|ontbrak|mist|zat er niet)"
    rf"|(?:ontbreekt|mist|mis ik) (?:de|het|mijn) [^\W\d_]{{3,}}|"
    # pl ru tr
    rf"brak(?:uje|owało)?\s+(?!{_VAGUE}\b)[^\W\d_]{{3,}}|"
    rf"(?:не хватает|нет|не было|не пришл[аио]?|отсутствует)\s+(?!{_VAGUE}\b)[а-яё]{{3,}}|"
    rf"[^\W\d_]{{3,}} (?:eksik|gelmedi|yoktu|yok)\b|"
    # ja ko zh ar: a noun before "is not in it", after "missing"
    r"[\u30a0-\u30ff\u4e00-\u9fff]{2,}(?:が|は)(?:入っていな|入ってな|入っていませ|入ってませ|届いていな|届いていませ|ありませ|足りな|なかった)|"
    r"[가-힣]{2,}(?:이|가|은|는) (?:없|빠졌|안 왔|안 들어)|"
    r"(?:少了|缺了|没有收到|没收到)[\u4e00-\u9fff]{2,}|[\u4e00-\u9fff]{2,}没(?:有)?(?:收到|在)|"
    r"(?:ينقص|نقص|لم يصل|مفقود|ناقص)\s*[\u0600-\u06ff]{3,}",
    re.IGNORECASE,
)
# what should have come: "instead of", "I ordered ... but", in each language
_EXPECTED_ITEM = re.compile(
    r"instead of|rather than|i ordered (?:a |an |the )?[a-z]{3,}|"
    r"en (?:vez|lugar) de|au lieu d[eu']|anstatt|statt (?:de[rsnm]|eine?[rsnm]?)|"
    r"invece d(?:i|el|ella|ei)|al posto d|em vez d|no lugar d|ao invés d|in plaats van|"
    r"zamiast|вместо|yerine|ではなく|の代わりに|代わりに|대신|而不是|不是我(?:订|买|要)的|"
    r"(?:本来|应该)是|بدلاً? من|بدل|pedí (?:un|una|el|la)|bestellt (?:habe|hatte)|"
    r"j'ai commandé|ho ordinato|pedi (?:um|uma|o|a)|ik heb (?:een|de) [^\W\d_]+ besteld|"
    r"zamówił[ae]m|заказывал[аи]?|sipariş ettim|注文したのは|주문한 건|订的是|买的是",
    re.IGNORECASE,
)
# which account detail is to change: the e-mail, name, phone or password
_ACCOUNT_DETAIL = re.compile(
    r"e-?mail|mail\b|correo|courriel|adresse mail|phone|tel[eé]fono|t[eé]l[eé]phone|"
    r"telefon|telefone|telefoon|telefono|numer(?:o|u)? telefon|телефон|почт|"
    r"\bname\b|nombre|\bnom\b|nome|\bnaam\b|imi[eę]|nazwisk|имя|фамили|isim|ad(?:ım)? soyad|"
    r"e-posta|password|contraseña|mot de passe|passwort|senha|wachtwoord|hasło|парол|şifre|"
    r"メール|電話|名前|氏名|パスワード|이메일|메일|전화|이름|비밀번호|邮箱|电子邮件|邮件|手机|电话|"
    r"名字|姓名|密码|البريد|الإيميل|الايميل|الهاتف|الجوال|الاسم|كلمة (?:المرور|السر)",
    re.IGNORECASE,
)
# the neighbours, named by a shopper whose parcel is marked delivered: they have been
# thought of (mostly asked) already
_NEIGHBOURS = re.compile(
    r"neighbou?r|vecin|voisin|nachbar|vicin|vizinh|\bburen\b|buurm|buurv|sąsiad|сосед|komşu|"
    r"近所|隣|이웃|옆집|邻居|الجيران|جار",
    re.IGNORECASE,
)

# a payment taken without an order being created: "no order showed up", "não apareceu
# pedido nenhum", "注文が作成されていない"
_NO_ORDER_MADE = re.compile(
    r"no order (?:was |got )?(?:created|placed|made|showed up|appeared)|"
    r"order (?:was(?:n'?t| not)|did(?:n'?t| not)|never) (?:created|go through|show up|appear)|"
    r"no (?:se )?(?:gener[oó]|cre[oó]|apareci[oó]) (?:el |ning[uú]n )?pedido|"
    r"pedido (?:no|n[aã]o) (?:se )?(?:gener|cre|apareci|foi (?:gerado|criado))|"
    r"n[aã]o (?:apareceu|gerou|veio|foi gerado|foi criado) (?:o |nenhum )?pedido|"
    r"aucune commande|commande n'a pas été (?:créée|enregistrée)|pas de commande|"
    r"keine bestellung|bestellung wurde nicht (?:angelegt|erstellt|ausgelöst)|"
    r"nessun ordine|ordine non (?:è stato )?(?:creato|registrato)|"
    r"geen bestelling|bestelling (?:is )?niet aangemaakt|"
    r"nie ma (?:żadnego )?zamówienia|brak zamówienia|"
    r"zamówienie (?:się )?nie (?:utworzyło|pojawiło)|"
    r"заказ не (?:создался|оформился|появился|сформировался)|заказа нет|нет заказа|"
    r"sipariş (?:oluşmadı|oluşturulmadı|görünmüyor|yok)|"
    r"注文が(?:作成|確定|反映|表示)されて(?:い)?(?:ない|ません)|注文履歴に(?:ない|ありません)|"
    r"주문(?:이)? (?:생성|접수)(?:이)? ?(?:되지 않|안 ?되)|주문 내역(?:이|에)? 없|"
    r"订单没有?生成|没有生成订单|没有订单|订单没有?显示|"
    r"لم يتم إنشاء الطلب|لا يوجد طلب|لم يظهر الطلب",
    re.IGNORECASE,
)

# what an item is to be exchanged for: "swap it for a medium", "trocar pelo 39"
_EXCHANGE_WANTED = re.compile(
    r"(?:exchange|swap|switch) (?:it |them )?for|in (?:a )?(?:size|smaller|bigger|larger)|"
    r"cambiar(?:lo|la|los|las)? por|cambio por|una talla m[aá]s|"
    r"troc(?:ar|a)(?:r)? (?:pel[oa]|por)|quero outr[oa]\b|"
    r"(?:l'|les )?échanger contre|échange contre|"
    r"umtauschen (?:gegen|in)|tauschen gegen|eine (?:nummer|größe) (?:größer|kleiner)|"
    r"cambiar(?:lo|la|li|le)? con|cambio con|una taglia in (?:più|meno)|"
    r"(?:om)?ruilen (?:voor|tegen)|(?:een|de) (?:maat )?(?:xxs|xs|s|m|l|xl|xxl|\d{2}) krijgen|"
    r"wymieni[ćc] na|wymian[aęy] na|"
    r"обменять на|поменять на|обмен на|"
    r"ile değiştir|(?:beden|numara)yla değiş|"
    r"(?:に|へ)(?:交換|取り替え|取り換え)|"
    r"(?:으로|로) (?:교환|바꿔)|"
    r"换成|换一(?:个|件|双|条)|换(?:个|件|双)?(?:大|小)(?:一)?(?:号|码)|"
    r"استبدال(?:ه|ها)? (?:ب|ل)|تبديل(?:ه|ها)? (?:ب|ل)",
    re.IGNORECASE,
)

_TESTS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (COMPANY_NAME, lambda text: bool(_LEGAL_FORM.search(text))),
    (TAX_ID, lambda text: bool(_VAT_NUMBER.search(text) or _TAX_WORD_NUMBER.search(text))),
    (COMPANY_ADDRESS, lambda text: bool(_ADDRESS.search(text))),
    (RETURN_REASON, lambda text: bool(_REASON.search(text))),
    (MISSING_ITEM, lambda text: bool(_MISSING_ITEM.search(text))),
    (EXPECTED_ITEM, lambda text: bool(_EXPECTED_ITEM.search(text))),
    (ACCOUNT_DETAIL, lambda text: bool(_ACCOUNT_DETAIL.search(text))),
    (PAYMENT_METHOD, lambda text: bool(methods_in(text))),
    (NO_ORDER_MADE, lambda text: bool(_NO_ORDER_MADE.search(text))),
    (EXCHANGE_WANTED, lambda text: bool(_EXCHANGE_WANTED.search(text))),
    (NEIGHBOURS, lambda text: bool(_NEIGHBOURS.search(text))),
)


def message_gives(text: str) -> frozenset[str]:
    """The details ``text`` gives, among the names above."""
    return frozenset(name for name, gives in _TESTS if text and gives(text))
