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
    r"faulty|(?:does|did)(?:n'?t| not) work|stopped working|cracked|ripped|torn\b|scratched|"
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
    r"zamówił[ae]m|заказывал[аи]?|sipariş ettim|注文したのは|주문한 건|订的是|买的是|"
    r"(?:を|は)(?:頼んだ|頼みました|注文した|注文しました)(?:のに|けど|が)",
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


# --- What a problem, an order change or a question about a product already names -------
#
# The asks below are about things every shopper names in their own words ("la batidora",
# "the controller light keeps blinking orange", "135x200"), so they are read as kinds, not
# phrases: a product is one of the words shoppers use for what a home-goods and clothing
# store sells, a problem is a word of malfunction (leaking, blinking, won't switch on, no
# reaction), what was expected is a size, a measure or a colour beside what was ordered.

PRODUCT_NAMED = "product_named"
PROBLEM_DESCRIBED = "problem_described"
VARIANT_NAMED = "variant_named"
CHANGE_NAMED = "change_named"
NEW_POSTCODE = "new_postcode"
NEW_STREET = "new_street"
LOCKER_WANTED = "locker_wanted"
LOCKER_GIVEN = "locker_given"
PACKSTATION = "packstation"
CUSTOMS_NOTICE = "customs_notice"
BEFORE_BUYING = "before_buying"
KOREAN_CUSTOMS_CODE = "korean_customs_code"
REAL_NAME_CHECK = "real_name_check"
UNSUBSCRIBE = "unsubscribe"
SUBSCRIBE = "subscribe"


def _start(words: str) -> str:
    """``words`` (alternatives) at the start of a word, any ending after (Latin, Cyrillic)."""
    return rf"(?<![^\W\d_])(?:{words})"


# The products of a home-goods and clothing store, per language, as stems: a word of
# these names the product the message is about (packaging, "item", "order" name none).
_PRODUCT_LATIN = _start(
    # en
    r"blankets?\b|duvets?\b|comforters?\b|quilts?\b|pillows?|cushions?\b|bedding|bed ?linen|"
    r"bed ?sheets?|sheets?\b|pillowcases?|duvet covers?|towels?\b|rugs?\b|carpets?\b|"
    r"curtains?\b|lamps?\b|lampshade|light ?bulbs?|bulbs?\b|ceiling light|fairy lights|"
    r"mirrors?\b|vases?\b|candles?\b|candle holders?|mugs?\b|cups?\b|plates?\b|bowls?\b|"
    r"pots?\b|saucepans?|frying pans?|kettles?\b|toasters?\b|blenders?\b|mixers?\b|"
    r"irons?\b|hair ?dryers?|heaters?\b|coffee (?:maker|machine)s?|grinders?\b|"
    r"chargers?\b|jackets?\b|coats?\b|sweaters?\b|jumpers?\b|hoodies?\b|shirts?\b|"
    r"t-shirts?|dress(?:es)?\b|jeans\b|trousers\b|pants\b|shoes\b|boots\b|sneakers\b|"
    r"trainers\b|scarf|scarves|gloves\b|socks\b|handbags?|backpacks?|chairs?\b|tables?\b|"
    r"tablecloths?|napkins?\b|mattress|topper\b|throws?\b|bathrobes?|robes?\b|slippers\b|"
    r"baskets?\b|clocks?\b|frames?\b|shelf|shelves||"
    # es
    r"mantas?\b|edred[oó]n|nórdico|nordico|almohadas?|coj[ií]n|cojines|fundas?\b|s[aá]banas?|"
    r"juego de cama|toallas?|alfombras?|cortinas?|l[aá]mparas?|bombillas?|focos?\b|"
    r"espejos?\b|jarr[oó]n|velas?\b|tazas?\b|platos?\b|ollas?\b|sart[eé]n|hervidor|"
    r"tostadora|batidora|licuadora|plancha\b|secador|calefactor|estufa|ventilador|"
    r"cafetera|cargador|chaquetas?|abrigos?|su[eé]ter|jersey|camisas?\b|camisetas?|"
    r"vestidos?|pantal[oó]n|pantalones|vaqueros|zapatos|zapatillas|botas\b|bufanda|"
    r"bolsos?\b|sillas?\b|mesas?\b|mantel|colch[oó]n|relojes?\b|reloj\b|"
    # fr
    r"couvertures?|couettes?|oreillers?|coussins?|housses?|draps?\b|parures?|linge de lit|"
    r"serviettes?|tapis\b|rideaux?|lampes?\b|ampoules?|miroirs?|bougies?|assiettes?|"
    r"casseroles?|po[eê]les?\b|bouilloires?|grille-pain|mixeurs?|batteurs?|fer à repasser|"
    r"s[eè]che-cheveux|radiateurs?|chauffage|ventilateurs?|cafeti[eè]res?|machine à café|"
    r"chargeurs?|vestes?\b|manteaux?|pulls?\b|chemises?|robes?\b|pantalons?|chaussures|"
    r"baskets|bottes\b|[eé]charpes?|sacs?\b|chaises?|nappes?\b|matelas|horloges?|"
    r"abat-jour|plaids?\b|"
    # de (compounds: the product word may end a longer word, e.g. "Heizdecke")
    r"(?:bett|heiz|kuschel|woll|tages|stepp|daunen|sofa|baby)?decken?\b|\w*kissen|\w+bezug|\w+bezüge|laken|bettwäsche|\w*handt[uü]ch|\w*teppich|"
    r"vorh[aä]nge?|gardinen?|\w*lampen?\b|\w*leuchten?\b|glühbirnen?|\w*spiegel|vasen?\b|"
    r"kerzen?\b|tassen?\b|becher|teller|töpfe|topf\b|pfannen?\b|wasserkocher|toaster|"
    r"\w*mixer|bügeleisen|f[öo]hn|haartrockner|heizlüfter|heizgerät|ventilator|"
    r"kaffeemaschine|ladegerät|jacken?\b|mäntel|mantel\b|pull(?:over|i)|hemd|kleid(?:er)?\b|"
    r"hosen?\b|schuhe|stiefel|schals?\b|taschen?\b|stühle|stuhl\b|tisch\b|tischdecken?|"
    r"matratzen?|bilderrahmen|körbe|korb\b|schirm|"
    # it
    r"copert[ae]\b|piumon[ei]|piumin[oi]|cuscin[oi]|feder[ae]\b|copripiumino|lenzuol[oa]|"
    r"parure|asciugaman[oi]|tappet[oi]|tend[ae]\b|lampad[ae]|lampadin[ae]|specchi[o]?\b|"
    r"candel[ae]|tazz[ae]|piatt[oi]|pentol[ae]|padell[ae]|bollitore|tostapane|frullatore|"
    r"minipimer|ferro da stiro|phon\b|asciugacapelli|stuf[ae]\b|termoventilatore|"
    r"caffettiera|macchin(?:a|etta) del caff[eè]|moka\b|caricatore|giacc[ae]|giubbott[oi]|"
    r"cappott[oi]|maglion[ei]|camici[ae]|magliett[ae]|vestit[oi]|pantaloni|scarpe|stivali|"
    r"sciarp[ae]|borse?\b|sedi[ae]\b|tavol[oi]|tovagli[ae]|materass[oi]|orologi|cornic[ei]|"
    r"cestin[oi]|"
    # pt
    r"cobertor(?:es)?|edredom|edred[aã]o|travesseiros?|almofadas?|fronhas?|len[cç][oó]is|"
    r"len[cç]ol|jogo de cama|toalhas?|tapetes?|lumin[aá]rias?|abajur|l[aâ]mpadas?|"
    r"candeeiros?|espelhos?|canecas?|x[ií]caras?|ch[aá]venas?|panelas?|frigideiras?|"
    r"chaleiras?|torradeiras?|liquidificador|batedeira|ferro de passar|aquecedor|"
    r"cafeteiras?|m[aá]quina de caf[eé]|carregador|jaquetas?|casacos?|blusas?|cal[cç]as?\b|"
    r"sapatos|t[eê]nis\b|cachecol|bolsas?\b|cadeiras?|colch[aã]o|rel[oó]gios?|molduras?|"
    r"cestos?\b|"
    # nl
    r"dekens?\b|dekbed(?:den)?|\w*kussens?\b|\w*hoezen?\b|lakens?\b|beddengoed|handdoeken?|"
    r"vloerkleed|kleed\b|gordijnen?|lampen\b|lampje|peertjes?|spiegels?\b|vazen?\b|vaas\b|"
    r"kaarsen?\b|mokken?\b|mok\b|kopjes?|borden\b|pannen\b|waterkoker|broodrooster|"
    r"staafmixer|strijkijzer|haardroger|kachels?|verwarming|koffiezetapparaat|"
    r"koffiemachine|opladers?|jassen?\b|jasje|truien?\b|overhemd|jurken?\b|jurkje|broeken?\b|"
    r"spijkerbroek|schoenen|laarzen|sjaals?|tassen\b|stoelen?\b|tafels?\b|tafelkleed|"
    r"matras|klokken?\b|manden?\b|"
    # pl
    r"koc(?:a|e|em|yk)?\b|kołdr|poduszk|poszew|poszw|prześcierad|pościel|ręcznik|dywan|"
    r"zasłon|firan|lamp(?:a|y|ę|ka|ki|kę|ce)\b|żarów|lustr|wazon|świec|kub(?:ek|ka|ki)|"
    r"filiżan|talerz|garn(?:ek|ka|ki)|patelni|czajnik|toster|mikser|żelazk|suszark|grzejnik|"
    r"farelk|wentylator|ekspres(?:u)? do kawy|ładowark|kurtk|płaszcz|swet(?:er|ra)|koszul|"
    r"sukien|spodni|"
    r"jeans|dżins|buty|butów|kozak|szalik|torb|torebk|krzesł|stół|stołu|obrus|materac|"
    r"zegar|ramk|"
    # ru
    r"одеял|плед|подушк|наволоч|пододеяльник|простын|постельн|полотенц|ков[её]р|ковр|"
    r"штор|занавеск|ламп|светильник|торшер|зеркал|ваз[аыу]|свеч|кружк|чашк|тарелк|"
    r"кастрюл|сковород|чайник|тостер|блендер|миксер|утюг|фен\b|фена\b|обогревател|"
    r"вентилятор|кофеварк|кофемашин|зарядк|куртк|пальто|свитер|рубашк|футболк|плать|"
    r"брюк|джинс|ботинк|кроссовк|сапог|шарф|сумк|стул|стол\b|стола\b|скатерт|матрас|"
    r"рамк|корзин|"
    # tr (with or without the Turkish letters)
    r"battaniye|yorgan|yast[ıi]k|k[ıi]l[ıi]f|[çc]ar[şs]af|nevresim|havlu|halı\b|halıy|"
    r"perde|lamba|abajur|ampul|ayna|vazo|kupa|fincan|tabak|tencere|tava\b|"
    r"kettle|[ıi]s[ıi]t[ıi]c[ıi]|tost makinesi|blender|mikser|[üu]t[üu]\b|[üu]t[üu]y|"
    r"f[öo]n\b|sa[çc] kurutma|vantilat[öo]r|kahve makinesi|[şs]arj aleti|ceket|mont\b|"
    r"kaban|kazak|g[öo]mlek|ti[şs][öo]rt|elbise|pantolon|ayakkab[ıi]|[çc]izme|atk[ıi]|"
    r"[çc]anta|sandalye|masa\b|masay|masa [öo]rt|yatak|[çc]er[çc]eve",
    # (an empty alternative above would match anything: removed below)
)
_PRODUCT_OTHER = (
    # ja
    r"毛布|ブランケット|ひざ掛け|布団|ふとん|掛け布団|枕|クッション|カバー|シーツ|タオル|(?<!プ)ラグ|カーペット|カーテン|ランプ|"
    r"ライト|照明|電球|鏡|ミラー|花瓶|キャンドル|ろうそく|マグ|カップ|皿|鍋|フライパン|ケトル|やかん|"
    r"トースター|ミキサー|ブレンダー|アイロン|ドライヤー|ヒーター|扇風機|コーヒーメーカー|充電器|"
    r"ジャケット|コート|セーター|ニット|シャツ|ワンピース|ズボン|ジーンズ|靴|スニーカー|ブーツ|"
    r"マフラー|バッグ|椅子|テーブル|マットレス|置き時計|掛け時計|フレーム|かご|加湿器|"
    # ko
    r"담요|이불|베개|쿠션|커버|침구|수건|타월|러그|카펫|커튼|램프|조명|스탠드|전구|거울|꽃병|화병|"
    r"캔들|양초|머그|컵|접시|냄비|프라이팬|주전자|전기포트|토스터|믹서|블렌더|다리미|드라이기|"
    r"히터|난로|선풍기|커피메이커|커피머신|충전기|재킷|자켓|코트|스웨터|니트|셔츠|티셔츠|원피스|"
    r"바지|청바지|신발|운동화|부츠|목도리|가방|의자|테이블|식탁보|매트리스|액자|바구니|패딩|"
    r"전기요|전기장판|"
    # zh (simplified and traditional)
    r"毯子|毛毯|被子|羽绒被|羽絨被|被套|枕头|枕頭|枕套|靠垫|抱枕|床单|床單|四件套|床品|毛巾|浴巾|"
    r"地毯|窗帘|窗簾|台灯|檯燈|台燈|灯泡|燈泡|吊灯|镜子|鏡子|花瓶|蜡烛|蠟燭|杯子|马克杯|盘子|"
    r"平底锅|水壶|水壺|烧水壶|电热水壶|烤面包机|搅拌机|料理机|熨斗|吹风机|吹風機|电吹风|取暖器|"
    r"暖风机|电扇|风扇|咖啡机|咖啡機|充电器|夹克|外套|大衣|毛衣|衬衫|T恤|连衣裙|裤子|牛仔裤|"
    r"鞋子|靴子|围巾|椅子|桌子|桌布|床垫|相框|篮子|电热毯|電熱毯|"
    # ar (with the article or a preposition glued on)
    r"بطاني|لحاف|مخد|وساد|شرشف|ملاي|مفرش|منشف|فوط|سجاد|زربي|ستار|مصباح|لمب|اباجور|أباجور|"
    r"مرآة|مرايه|مراية|مزهري|شمع|فنجان|صحون|طنجر|مقلا|غلاي|كاتل|محمص|خلاط|مكوا|مكواه|"
    r"مكواة|مجفف|سشوار|استشوار|دفاي|مدفأ|مروح|ماكينة قهوة|شاحن|جاكيت|جاكت|معطف|كنز|قميص|"
    r"تيشيرت|فستان|بنطلون|سروال|جينز|حذاء|صندل|جزم|وشاح|شال|شنط|حقيب|كرسي|طاول|مرتبة|برواز"
)
_PRODUCT = re.compile(
    _PRODUCT_LATIN.replace("||", "|").replace("|)", ")") + "|" + _PRODUCT_OTHER,
    re.IGNORECASE,
)

# A problem described: a word of malfunction or damage, in each language (what happens,
# not only "it is faulty": leaking, blinking, won't switch on, no reaction, a smell).
_SYMPTOM = re.compile(
    # at the start of a word in the scripts with spaces ("no sirve", not "mano sirve")
    r"(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff])(?:"
    # en
    r"leak|drip|blink|flash(?:es|ing)|flicker|won'?t (?:turn|switch|power|heat|charge|start)|"
    r"(?:does|did)(?:n'?t| not) (?:turn|switch|power|heat|charge|start|respond|work)|"
    r"(?:stopped|stops|quit) (?:heating|working|charging)|not (?:heating|working|charging)|"
    r"no power|dead\b|overheat|smells? (?:burnt|burning|like)|smoke|spark|noise|noisy|rattl|"
    r"buzz|shuts? (?:off|down)|turns? off by itself|nothing happens|no reaction|error code|"
    r"came apart|fell apart|peel|stain(?!less)|fad(?:ed|es|ing)|pilling|crack|broke|broken|"
    r"defective|faulty|damaged|torn\b|ripped|scratch|dent(?:ed|s)?\b|wobbl|loose\b|"
    # es
    r"gotea|pierde agua|fuga|no (?:enciende|prende|calienta|carga|responde|funciona|sirve)|"
    r"se apaga|parpade|huele a quemado|humo|chispa|hace ruido|ruido|se rompi|roto|rota\b|"
    r"se despeg|descos|mancha|desti[ñn]|grieta|defectuos|da[ñn]ad|"
    # fr
    r"fuit|fuite|goutte|ne s'allume|ne chauffe|ne charge|ne r[ée]pond|ne marche|"
    r"ne fonctionne|s'[ée]teint|clignot|odeur de br[uû]l|fum[ée]e|[ée]tincelle|bruit|"
    r"cass[ée]|se d[ée]coll|d[ée]cousu|tache|d[ée]teint|fissur|d[ée]fectueu|ab[iî]m[ée]|"
    # de
    r"leckt|undicht|tropft|geht nicht (?:mehr )?an|lässt sich nicht|heizt nicht|"
    r"wird nicht (?:mehr )?warm|schaltet (?:sich )?(?:ab|aus)|blinkt|riecht|raucht|funken|"
    r"geräusch|brummt|lädt nicht|reagiert nicht|funktioniert nicht|kaputt|defekt|"
    r"beschädigt|löst sich|gerissen|riss\b|fleck|verfärbt|wackel|"
    # it
    r"perde (?:acqua|liquido)|perde da|gocciol|non si accende|non (?:scalda|carica|"
    r"risponde|funziona|va)\b|si spegne|lampegg|puzza|odore di bruciato|fumo|scintill|"
    r"rumor|rott[oaie]|si stacca|scucit|macchi[ae]|sting|crepa|difettos|danneggiat|"
    r"traball|"
    # pt
    r"vaz(?:a|ando|amento)|pinga|n[aã]o (?:liga|esquenta|aquece|carrega|responde|funciona)|"
    r"deslig|pisca|cheiro de queimado|fuma[cç]a|fa[ií]sca|barulho|ru[ií]do|quebr|"
    r"descol|descostur|manchad|desbot|rachad|defeito|estragad|danificad|"
    # nl
    r"lekt|lekken|druppel|gaat niet aan|doet (?:niks|niets|het niet)|warmt niet|"
    r"wordt niet warm|slaat af|knipper|ruikt|rook\b|vonk|lawaai|laadt niet|reageert niet|"
    r"werkt niet|kapot|beschadigd|vlek|verkleur|barst|scheur|wiebel|"
    # pl
    r"cieknie|przecieka|kapie|nie (?:włącza|grzeje|ładuje|reaguje|działa)|wyłącza się|"
    r"mruga|miga|spalenizn|dym\b|iskr|hałas|szumi|odkleja|pruje|plam|pęk|chwieje|zepsu|"
    r"uszkodz|wadliw|"
    # ru
    r"теч[её]т|протека|подтека|капает|не (?:включается|греет|нагревается|заряжается|"
    r"реагирует|работает)|выключается|мига|мерца|гарь|горел|дым|искр|шум|гудит|треск|"
    r"отклеи|распор|пятн|линя|трещин|шата|сломал|слома|поврежд|брак|"
    # tr
    r"s[ıi]zd[ıi]r|su ka[çc][ıi]r|damlat|a[çc][ıi]lm[ıi]yor|[çc]al[ıi][şs]m[ıi]yor|"
    r"[ıi]s[ıi]tm[ıi]yor|[ıi]s[ıi]nm[ıi]yor|kendi kendine kapan|yan[ıi]p s[öo]n|"
    r"yan[ıi]k koku|duman|k[ıi]v[ıi]lc[ıi]m|ses yap|g[üu]r[üu]lt[üu]|[şs]arj olm|"
    r"tepki verm|s[öo]k[üu]l|leke|sold[uı]|[çc]atla|sallan|k[ıi]r[ıi]k|bozuk|bozuld|"
    r"ar[ıi]zal|hasarl|"
    # ja
    r"水漏れ|漏れ|電源が入らな|つかな|点かな|温まらな|暖まらな|熱くならな|(?<!売り)切れて|消えて|点滅|"
    r"焦げ臭|煙|火花|異音|音がする|充電できな|反応しな|反応がな|剥が|ほつれ|シミ|色落ち|ひび|"
    r"割れ|ぐらつ|壊れ|破損|故障|動かな|不良|"
    # ko
    r"물이 새|새요|새는|누수|전원이 안|안 켜|켜지지 않|안 데워|따뜻해지지|꺼져|꺼지|깜빡|"
    r"탄 냄새|타는 냄새|연기|불꽃|소음|소리가 나|충전이 안|반응이 없|반응 없|뜯어|얼룩|"
    r"물빠짐|금이 가|흔들|고장|파손|불량|망가|부서|"
    # zh
    r"漏水|漏了|滴水|开不了|開不了|打不开|不通电|没反应|沒反應|不加热|不热了|自动关机|断电|"
    r"一闪|闪烁|閃|焦味|烧焦|冒烟|火花|噪音|异响|響|充不了电|坏了|壞了|脱胶|开线|污渍|"
    r"褪色|裂|晃|破损|损坏|故障|质量问题|不能用|"
    # ar
    r"[يت]سرب|تسريب|[يت]نقط|لا [يت]شتغل|ما [يت]شتغل|لا [يت]عمل|ما [يت]سخن|لا [يت]سخن|[يت]نطفئ|"
    r"[يت]طفي|[يت]ومض|[يت]ضوي|ريحة حريق|رائحة حريق|دخان|شرار|إزعاج|ما يشحن|لا يشحن|لا يستجيب|"
    r"خربان|خربت|خرب|بقع|انفتق|شرخ|مكسور|تالف|معيب|عطل(?!ة)|معطل)",
    re.IGNORECASE,
)

# A size, a measure or a colour: what a shopper ordered or wants ("135x200", "size M",
# "la taglia 40", "the green one", "matrimoniale", "大一号").
_VARIANT = re.compile(
    r"\d{2,3}\s?(?:x|×|\*|по)\s?\d{2,3}|(?<!['’])\b(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)\b(?=[\s,.!?)]|$)|"
    r"\b(?:size|talla|taille|gr[öo](?:ß|ss)e|taglia|tamanho|maat|rozmiar|размер|beden|"
    r"numara|n[uú]mero|nummer)\s*:?\s*\d{1,3}|"
    r"\b(?:single|double|queen|king|twin|super ?king|individual|matrimonial[ei]?|"
    r"matrimonio|doble|casal|solteiro|1[,.]?5 ?plazas|2 plazas|eenpersoons|tweepersoons|"
    r"lits-jumeaux|einzelbett|doppelbett|pojedyncz|podwójn|двуспальн|односпальн|"
    r"полутораспальн|tek ki[şs]ilik|[çc]ift ki[şs]ilik)\b|"
    r"\b(?:black|white|gr[ae]y|blue|navy|green|red|pink|beige|brown|yellow|purple|cream|"
    r"negr[oa]|blanc[oa]|gris|azul|verde|roj[oa]|rosa|marr[oó]n|amarill[oa]|"
    r"noir|blanc|bleu|vert|rouge|jaune|"
    r"schwarz|wei(?:ß|ss)|grau|blau|gr[üu]n|rot|gelb|braun|"
    r"ner[oa]|bianc[oa]|grigi[oa]|blu|ross[oa]|giall[oa]|"
    r"pret[oa]|branc[oa]|cinza|vermelh[oa]|amarel[oa]|"
    r"zwart|wit|grijs|blauw|groen|rood|roze|"
    r"czarn\w*|bia[łl]\w*|szar\w*|niebiesk\w*|zielon\w*|czerwon\w*|"
    r"ч[её]рн\w*|бел\w*|сер\w*|син\w*|зел[её]н\w*|красн\w*|розов\w*|"
    r"siyah|beyaz|gri|mavi|ye[şs]il|k[ıi]rm[ıi]z[ıi]|pembe|lacivert)\b|"
    r"黒|白い|グレー|ネイビー|緑|赤い|ピンク|ベージュ|サイズ|シングル|セミダブル|ダブル|クイーン|キング|"
    r"검은|검정|흰|화이트|회색|그레이|파란|네이비|초록|그린|빨간|핑크|베이지|사이즈|"
    r"黑色|白色|灰色|蓝色|藍色|绿色|綠色|红色|紅色|粉色|米色|尺码|尺碼|号|码|大一|小一|"
    r"الأسود|اسود|أسود|الأبيض|ابيض|أبيض|رمادي|أزرق|ازرق|أخضر|اخضر|أحمر|احمر|وردي|بيج|مقاس",
    re.IGNORECASE,
)

# Adding to an order or changing it, with what is added or changed named
# ("agregar otra funda", "one more", "instead of"): the change is named.
_ADD = re.compile(
    r"\badd\b|one more|another|agreg|añad|a[ñn]adir|otra\b|otro\b|ajout|un autre|une autre|"
    r"hinzuf|noch ein|aggiung|un altr[oa]|adicion|acrescent|mais um|outr[oa]\b|toevoeg|"
    r"nog een|doda[ćc]|jeszcze jed|добав|ещё одн|еще одн|ekle|bir tane daha|追加|もう一つ|"
    r"추가|하나 더|加一|再加|多加|加购|إضافة|اضافة|أضيف|اضيف|واحد(?:ة)? كمان",
    re.IGNORECASE,
)

# An address change that names what changes: a postcode with its word, or one number
# put right ("20135 non 20153"); a locker or pickup point and its number.
_POSTCODE = re.compile(
    r"(?:post ?code|postal code|zip(?: code)?|c[oó]digo postal|\bc\.?p\.?\b|code postal|"
    r"\bplz\b|postleitzahl|\bcap\b|\bcep\b|postcode|kod(?:u|em)? pocztow|индекс|"
    r"posta kodu|郵便番号|〒|우편번호|邮编|邮政编码|郵遞區號|الرمز البريدي)"
    r"[^\d\n]{0,40}\d{3}|"
    r"\d{4,6}\s*(?:[,;]\s*)?(?:and |e |et |y |und |en |i |и )?"
    r"(?:not|no|non|nicht|niet|nie|не|değil|em vez de|instead of|statt|au lieu de|"
    r"invece di|zamiast|вместо)\s+\d{4,6}|"
    r"(?:not|no|non|nicht|niet|nie|не)\s+\d{4,6}\s*(?:[,;]\s*)?"
    r"(?:but|sino|mais|sondern|ma|mas|maar|ale|а)\s+\d{4,6}",
    re.IGNORECASE,
)
_LOCKER_WORD = (
    r"packstation|paketstation|paczkomat|inpost|locker|parcel ?shop|paketshop|"
    r"pick-?up point|collection point|point relais|relais colis|mondial relay|"
    r"punto de recogida|punto pack|punto (?:di )?ritiro|fermopoint|ponto de recolha|"
    r"ponto de retirada|afhaalpunt|pakketpunt|servicepunt|punkt odbioru|постамат|"
    r"пункт выдачи|пвз|teslimat noktas|kargo noktas|kargo dolab|コンビニ受取|宅配ロッカー|"
    r"営業所止め|営業所受取|편의점 택배|무인택배함|택배함|快递柜|丰巢|驿站|自提点|"
    r"نقطة استلام|خزانة"
)
_LOCKER = re.compile(_LOCKER_WORD, re.IGNORECASE)
_LOCKER_ID = re.compile(
    rf"(?:{_LOCKER_WORD})\s*(?:nr\.?|no\.?|n[°º]|number|nummer|numer|номер|#|:)?\s*"
    r"[A-Z]{0,4}[- ]?\d{2,}|\b[A-Z]{3}\d{2,3}[A-Z]{1,2}\b|"
    r"dolap (?:no\.?|numaras[ıi]|nr\.?)\s*:?\s*\d{2,}",
    re.IGNORECASE,
)
_PACKSTATION = re.compile(r"packstation|paketstation", re.IGNORECASE)

# A customs notice or bill in hand (a letter, a message, a form from customs or the carrier).
_NOTICE = re.compile(
    r"customs (?:notice|letter|form|message|fee|charge)|notice from customs|"
    r"aviso de (?:la )?aduana|carta de (?:la )?aduana|avis de (?:la )?douane|"
    r"lettre de la douane|zollbescheid|zollbenachrichtigung|zollmitteilung|brief vom zoll|"
    r"avviso (?:della )?dogan|lettera della dogana|aviso da alf[aâ]ndega|taxa(?:ção)? dos correios|"
    r"aguardando pagamento|douanebericht|brief van de douane|wezwanie|pismo z urz[eę]du|"
    r"уведомлени\w* (?:от |с )?таможн|письмо из таможни|g[üu]mr[üu]k bildirim|"
    r"g[üu]mr[üu]kten (?:mesaj|mektup|yaz[ıi])|税関から|関税の(?:通知|請求)|세관에서 (?:연락|문자)|"
    r"세관 통지|관세 (?:납부|고지)|海关通知|海关短信|税单|إشعار (?:من )?الجمارك|رسالة من الجمارك",
    re.IGNORECASE,
)
# A question asked before buying: an amount in it is a price, not a bill ("I want to buy
# a 30-euro candle set, will I pay customs?").
_BEFORE_BUYING = re.compile(
    r"(?:want|going|planning|thinking) (?:to )?(?:buy|order)|if i (?:buy|order)|before (?:i )?"
    r"(?:buy|order)|quiero comprar|si (?:compro|pido)|voy a (?:comprar|pedir)|"
    r"je (?:veux|voudrais) (?:acheter|commander)|si je (?:commande|ach[eè]te)|"
    r"wenn ich (?:\w+ )*?(?:bestell|kauf)|m[öo]chte (?:\w+ )*?(?:bestellen|kaufen)|"
    r"vorrei (?:comprare|ordinare)|se (?:compro|ordino)|quero comprar|se eu (?:comprar|pedir)|"
    r"wil (?:\w+ )*?(?:kopen|bestellen)|als ik (?:\w+ )*?(?:bestel|koop)|"
    r"chc[eę] (?:kupi[ćc]|zam[óo]wi[ćc])|je[śs]li (?:zam[óo]wi[eę]|kupi[eę])|"
    r"хочу (?:купить|заказать)|если (?:я )?(?:закажу|куплю)|"
    r"almak istiyorum|sipari[şs] vermek istiyorum|al[ıi]rsam|sipari[şs] verirsem|"
    r"買いたい|注文したい|購入したい|注文する前|사려고|주문하려고|구매하려고|주문하면|"
    r"想买|想订|打算买|如果(?:我)?(?:买|下单)|أريد (?:شراء|أن أشتري|طلب)|ابغى اشتري|"
    r"بدي اشتري|لو طلبت|إذا طلبت",
    re.IGNORECASE,
)

# The Korean personal customs clearance code and Chinese real-name verification for
# customs, named in any language they may be written in.
_KOREAN_CODE = re.compile(
    r"개인\s?통관\s?(?:고유)?\s?(?:부호|번호)|통관\s?부호|통관\s?번호|\bpccc\b|"
    r"personal customs (?:clearance )?(?:code|number|id)|customs clearance code|"
    r"個人通関固有符号|个人通关(?:固有)?(?:编码|号码|符号)",
    re.IGNORECASE,
)
_REAL_NAME = re.compile(
    r"实名|實名|身份证|身份證|real[- ]name|(?:upload|send) (?:my |an? |the )?(?:id|identity card)"
    r"\b.{0,30}customs|customs.{0,40}\b(?:id card|identity card|id number)",
    re.IGNORECASE,
)

# Which way a newsletter question goes: off the list, or onto it.
_UNSUBSCRIBE = re.compile(
    r"unsubscrib|opt(?:-| )?out|stop (?:sending|the (?:e-?mails|newsletter))|too many e-?mails|"
    r"dar(?:me)? de baja|cancelar (?:la |mi )?suscripci|desuscrib|d[ée]sabonn|d[ée]sinscri|"
    r"abmelden|austragen|abbestell|disiscriv|cancellarmi|disdire|descadastr|"
    r"cancelar (?:a |minha )?(?:inscri[çc][ãa]o|subscri[çc][ãa]o)|afmelden|uitschrijven|"
    r"wypisa|rezygnuj|отпис|abonelikten [çc][ıi]k|aboneli[ğg]i iptal|解除|配信停止|止めたい|"
    r"b[üu]ltenden [çc][ıi]k|listeden [çc][ıi]k|e-?postalar[ıi] (?:almak istemiyorum|durdur)|"
    r"停止したい|구독 ?취소|수신 ?거부|그만 받|退订|取消订阅|不想再收|退訂|取消訂閱|"
    r"إلغاء الاشتراك|الغاء الاشتراك|وقف الرسائل|[اأإ]لغ(?:ي|ى|اء) (?:ال)?اشتراك|"
    r"(?:وقف|[اإ]يقاف) (?:ال)?(?:اشتراك|نشرة|رسائل)",
    re.IGNORECASE,
)
_SUBSCRIBE = re.compile(
    r"subscrib|sign (?:me )?up|(?:get|receive|join) (?:your |the )?(?:newsletter|mailing list)|"
    r"suscrib|darme de alta|m'inscrire|m'abonner|anmelden|"
    r"iscrivermi|inscrever|assinar a newsletter|subscrever|aanmelden|zapisa[ćc]|подписа|"
    r"abone ol|登録したい|購読したい|구독 ?신청|구독하고|订阅|訂閱|الاشتراك|اشترك",
    re.IGNORECASE,
)

_TESTS += (
    (UNSUBSCRIBE, lambda text: bool(_UNSUBSCRIBE.search(text))),
    (SUBSCRIBE, lambda text: bool(_SUBSCRIBE.search(text))),
    (PRODUCT_NAMED, lambda text: bool(_PRODUCT.search(text))),
    (PROBLEM_DESCRIBED, lambda text: bool(_SYMPTOM.search(text))),
    (VARIANT_NAMED, lambda text: bool(_VARIANT.search(text))),
    (
        CHANGE_NAMED,
        lambda text: bool(
            _EXPECTED_ITEM.search(text)
            or _EXCHANGE_WANTED.search(text)
            or _VARIANT.search(text)
            or (_ADD.search(text) and _PRODUCT.search(text))
        ),
    ),
    (NEW_POSTCODE, lambda text: bool(_POSTCODE.search(text))),
    (NEW_STREET, lambda text: bool(_ADDRESS.search(text))),
    (LOCKER_WANTED, lambda text: bool(_LOCKER.search(text))),
    (LOCKER_GIVEN, lambda text: bool(_LOCKER_ID.search(text))),
    (PACKSTATION, lambda text: bool(_PACKSTATION.search(text))),
    (CUSTOMS_NOTICE, lambda text: bool(_NOTICE.search(text))),
    (BEFORE_BUYING, lambda text: bool(_BEFORE_BUYING.search(text))),
    (KOREAN_CUSTOMS_CODE, lambda text: bool(_KOREAN_CODE.search(text))),
    (REAL_NAME_CHECK, lambda text: bool(_REAL_NAME.search(text))),
)

# Why a refund is asked for besides a fault: the order is late or never came, or the
# shopper no longer wants it ("خلاص ما ابيه", "ya no lo quiero", "不要了").
_NOT_WANTED_OR_LATE = re.compile(
    r"(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff])(?:"
    r"late\b|delay|(?:has|have|had)n'?t (?:arrived|come)|never (?:arrived|came|got)|"
    r"not (?:arrived|received|delivered)|(?:don'?t|no longer) (?:want|need)|"
    r"retras|no (?:me )?ha llegado|nunca lleg|no lleg[oó]|ya no (?:lo |la )?quiero|"
    r"retard|pas (?:encore )?(?:arriv|re[çc]u)|n'en veux plus|"
    r"versp[äa]t|nicht (?:angekommen|geliefert|erhalten)|nie angekommen|will (?:es|sie|ihn) "
    r"nicht mehr|brauche (?:es|sie|ihn) nicht mehr|"
    r"ritard|non (?:è )?(?:ancora )?arrivat|non l[oa] voglio più|"
    r"atras|n[aã]o (?:chegou|recebi)|nunca chegou|n[aã]o quero mais|"
    r"te laat|vertraagd|niet (?:aangekomen|ontvangen|geleverd)|wil (?:het|hem) niet meer|"
    r"opóźni|spóźni|nie (?:dotar|doszł|przyszł|otrzyma)|już nie chcę|"
    r"опазд|опозд|задерж|не (?:пришл|дошл|получил|доставлен)|больше не (?:хочу|нужн)|"
    r"gecik|gelmedi|ula[şs]mad|istemiyorum|vazge[çc]tim|"
    r"遅れ|遅延|届かな|届いていな|届きませ|いらな|不要になり|"
    r"늦어|지연|안 왔|오지 않|도착하지 않|안 받|필요 없|원하지 않|"
    r"延迟|延誤|晚了|迟迟|还没到|沒到|没到|没收到|不要了|不想要了|"
    r"متأخر|تأخر|ما وصل|لم يصل|ما ابي|ما ابغ|ما بغيت|لا أريد|لا اريد|مابي)",
    re.IGNORECASE,
)
# "Something is missing", "one item didn't come": no item named.
_SOMETHING = re.compile(
    r"something|an item|one item|algo\b|un art[ií]culo|quelque chose|un article|etwas|"
    r"ein artikel|qualcosa|un articolo|alguma coisa|um item|iets|een artikel|co[śs]\b|"
    r"jeden produkt|что-то|один товар|bir [şs]ey|bir [üu]r[üu]n|何か|一つ足りな|뭔가|"
    r"하나가|少了一件|少了东西|有东西|شيء|منتج واحد",
    re.IGNORECASE,
)
# A bigger or smaller size, or a size named, as the thing an item is swapped for.
_OTHER_SIZE = re.compile(
    r"(?:bigger|larger|smaller) (?:size|one)|a size (?:up|down|bigger|smaller)|"
    r"talla m[aá]s (?:grande|pequeña)|taille (?:au-dessus|en dessous|plus grande|plus petite)|"
    r"gr[öo](?:ß|ss)ere gr[öo](?:ß|ss)e|kleinere gr[öo](?:ß|ss)e|eine nummer (?:gr[öo]|kl)|"
    r"taglia pi[uù] (?:grande|piccola)|tamanho (?:maior|menor)|n[uú]mero (?:maior|menor)|"
    r"maat(?:je)? (?:groter|kleiner)|(?:grotere|kleinere) maat|"
    r"(?:wi[eę]kszy|mniejszy) rozmiar|rozmiar (?:wi[eę]kszy|mniejszy)|"
    r"(?:на )?размер (?:больше|меньше)|побольше|поменьше|"
    r"bir (?:beden|numara) (?:b[üu]y[üu][kğg]|k[üu][çc][üu][kğg])|"
    r"(?:daha )?(?:b[üu]y[üu]k|k[üu][çc][üu]k) (?:bir )?(?:beden|numara)|"
    r"大きいサイズ|小さいサイズ|ワンサイズ|큰 사이즈|작은 사이즈|한 치수|"
    r"大一[号码碼號]|小一[号码碼號]|"
    r"مقاس (?:أكبر|اكبر|كبر|أصغر|اصغر|صغر)|(?:نبدل|أبدل|ابدل|بدل)\w* ب",
    re.IGNORECASE,
)

_TESTS = tuple(
    (name, test)
    for name, test in _TESTS
    if name not in {RETURN_REASON, MISSING_ITEM, EXCHANGE_WANTED, EXPECTED_ITEM}
) + (
    (
        RETURN_REASON,
        lambda text: bool(
            _REASON.search(text) or _SYMPTOM.search(text) or _NOT_WANTED_OR_LATE.search(text)
        ),
    ),
    (
        MISSING_ITEM,
        lambda text: bool(
            _MISSING_ITEM.search(text) or (_PRODUCT.search(text) and not _SOMETHING.search(text))
        ),
    ),
    (
        EXCHANGE_WANTED,
        lambda text: bool(_EXCHANGE_WANTED.search(text) or _OTHER_SIZE.search(text)),
    ),
    (
        # what should have come: "instead of", or two sizes, measures or colours, what
        # came and what was ordered ("Bettwäsche in 135x200 bestellt, geliefert 155x220")
        EXPECTED_ITEM,
        lambda text: bool(
            _EXPECTED_ITEM.search(text)
            or len({m.group(0).lower() for m in _VARIANT.finditer(text)}) >= 2
        ),
    ),
)
