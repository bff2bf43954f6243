"""Clothes and shoe sizes as shoppers write them, converted between the size systems.

Shoppers write "EU 42", "US women's 8.5", "calzo un 39", "je chausse du 40", "ich trage
Größe M", "26.5cmの靴", "신발 260", "平时穿42码": a system (US, UK, EU, JP, CN, KR) or
none, a number with or without a half, a letter size, and often men's or women's. A size
written without a system is read in the system of the shopper's language (EU in Europe,
US in English, cm in Japanese, mm in Korean). ``{size_advice}`` is the conversion, written
with system labels (EU, US, UK, JP, KR, CN) so one line reads in every language; when no
size is found the sentence asks for one. Numbers are written as the reply language writes
them ("8,5" in Spanish, "26,5 cm" in German, from Babel's CLDR data).

Brazil numbers shoes its own way (BR 40 ≈ EU 42): a Brazilian shopper's "calço 40" is
read as BR, and the answer to them gives the BR size too. A letter size ("M") without
men's or women's is given in both, never assumed to be women's.

A clothes number written without a system is read in the system the shopper's language
numbers clothes with (a Russian's 46 is RU 46, about EU 40, an M; an Italian's "la 42" is
IT 42; a French 40 FR 40; a British "size 12" UK 12), and the answer says so after the
conversion (``clothing_sizes.assumed``). A height and weight ("1m80, 75 kg") get a size
estimate (``body_size``); a jeans size ("W28 L32") its EU size and letter
(``jeans_sizes``).

    size_advice("Do you have these sneakers in EU 42?", "en")
    # "EU 42 ≈ US 8.5 (men) / 10 (women) · UK 7.5 · JP 26.5 cm · KR 265 mm · CN 42."
    size_advice("calço 40", "pt", country="BR")
    # "BR 40 ≈ US 8,5 (masculino) / 10 (feminino) · UK 7,5 · EU 42 · JP 26,5 cm · ..."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import format_decimal

from replies.facts.body_size import body_advice, body_measures, without_body
from replies.facts.clothing_sizes import (
    assumed,
    chinese_letter,
    choose,
    dress_line,
    runs_small,
    western_letter,
    womens_letter,
)
from replies.facts.jeans_sizes import jeans_advice, jeans_size
from replies.facts.names import sentences
from replies.facts.shoe_sizes import LABELS, nearest_shoe, shoe_line, stop
from replies.facts.size_reading import (
    asked_systems,
    mentions,
    system_near_letter,
    with_halves,
    worn_size,
)


@dataclass(frozen=True)
class _Clothing:
    letter: str
    us: str
    uk: str
    eu: str
    jp: str
    kr: str
    cn: str


# The women's EU column is the German numbering most EU shops print (US 8 = UK 12 = EU 38
# = FR/ES 40); the French and Spanish one runs two higher (``clothing_sizes`` has both).
_WOMEN = (
    _Clothing("XS", "0-2", "4-6", "30-32", "5", "44 (85)", "155/80A"),
    _Clothing("S", "4-6", "8-10", "34-36", "7", "55 (90)", "160/84A"),
    _Clothing("M", "8-10", "12-14", "38-40", "9", "66 (95)", "165/88A"),
    _Clothing("L", "12-14", "16-18", "42-44", "11", "77 (100)", "170/92A"),
    _Clothing("XL", "16-18", "20-22", "46-48", "13", "88 (105)", "175/96A"),
    _Clothing("XXL", "20", "24", "50", "15", "110", "180/100A"),
)
_MEN = (
    _Clothing("XS", "34", "34", "44", "S", "85", "160/80A"),
    _Clothing("S", "36", "36", "46", "M", "90", "165/84A"),
    _Clothing("M", "38-40", "38-40", "48-50", "L", "95", "170/88A"),
    _Clothing("L", "42-44", "42-44", "52-54", "XL", "100", "175/92A"),
    _Clothing("XL", "46", "46", "56", "XXL", "105", "180/96A"),
    _Clothing("XXL", "48", "48", "58", "3XL", "110", "185/100A"),
)

# Asked for when no size is found in the message.
_ASK = {
    "en": "Tell us the size you usually wear and in which system (EU, US, UK, JP); for shoes, "
    "your foot length in cm is the surest.",
    "es": "Dinos la talla que sueles usar y en qué sistema (EU, US, UK, JP); para calzado, lo "
    "más seguro es el largo del pie en cm.",
    "fr": "Indiquez-nous la taille que vous portez d'habitude et dans quel système (EU, US, UK, "
    "JP) ; pour les chaussures, la longueur du pied en cm est le plus sûr.",
    "de": "Nennen Sie uns Ihre übliche Größe und das System (EU, US, UK, JP); bei Schuhen ist "
    "die Fußlänge in cm am sichersten.",
    "it": "Dicci la taglia che porti di solito e in quale sistema (EU, US, UK, JP); per le "
    "scarpe, la lunghezza del piede in cm è la cosa più sicura.",
    "pt": "Informe o tamanho que você costuma usar e em qual sistema (EU, US, UK, JP); para "
    "calçados, o comprimento do pé em cm é o mais seguro.",
    "nl": "Laat ons weten welke maat je meestal draagt en in welk systeem (EU, US, UK, JP); bij "
    "schoenen is je voetlengte in cm het zekerst.",
    "pl": "Napisz, jaki rozmiar zwykle nosisz i w jakim systemie (EU, US, UK, JP); przy butach "
    "najpewniejsza jest długość stopy w cm.",
    "ru": "Напишите, какой размер вы обычно носите и в какой системе (EU, US, UK, JP); для обуви "
    "надёжнее всего длина стопы в см.",
    "tr": "Genellikle giydiğiniz bedeni ve hangi sistemde olduğunu (EU, US, UK, JP) yazın; "
    "ayakkabı için en güvenlisi ayak uzunluğunuzdur (cm).",
    "ja": "普段お使いのサイズと表記（EU・US・UK・JP）を教えてください。靴の場合は足の長さ（cm）が最も確実です。",  # noqa: E501 (CJK text is wide, not long)
    "ko": "평소 입거나 신으시는 사이즈와 기준(EU, US, UK, JP)을 알려 주세요. 신발은 발 길이(mm)가 가장 정확합니다.",  # noqa: E501 (CJK text is wide, not long)
    "zh": "请告诉我们您平时穿的尺码及其标准（EU、US、UK、JP）；鞋子的话，脚长（厘米）最准确。",
    "ar": "أخبرنا بالمقاس الذي ترتديه عادةً وبأي نظام (EU أو US أو UK أو JP)؛ وبالنسبة للأحذية "
    "فطول القدم بالسنتيمتر هو الأدق.",
}

# Shoe words, including the local words for "shoe size" (número, pointure, Schuhgröße,
# 鞋码, 신발 사이즈) and the verbs used only for shoes (calzar, chausser, calçar, 履く, 신다).
_SHOELABELS = re.compile(
    r"shoe|sneaker|trainer|boot|sandal|heel|loafer|zapat|zapatilla|bota|calz[oa]|"
    r"chaussure|basket|pointure|chausse|schuh|stiefel|scarp|stival|sapat|t[eê]nis|cal[çc]o|"
    r"schoen|laars|but[óyа]|obuw|обув|ботин|кроссов|туфл|ayakkab|numara|靴|スニーカー|ブーツ|履|"
    r"신발|운동화|구두|신어|신는|鞋|حذاء|أحذية|cm\b|"
    # slippers
    r"slipper|pantufl|pantoufle|chausson|hausschuh|pantofol|chinelo|pantufa|pantoffel|"
    r"\bslof|kapc|тапоч|тапк|terlik|スリッパ|슬리퍼|拖鞋|شبشب|شباشب",
    re.IGNORECASE,
)
_CLOTHESLABELS = re.compile(
    r"dress|shirt|jean|pant|trouser|skirt|jacket|coat|blouse|sweater|hoodie|jumper|\btops?\b|"
    r"\bsuits?\b|vestido|camis|falda|chaqueta|jersey|sudadera|abrigo|robe|jupe|veste|manteau|"
    r"pull|chemise|kleid|hemd|hose|rock|jacke|mantel|anzug|abito|gonna|giacca|maglia|maglion|"
    r"felpa|cappotto|calç|saia|blusa|casaco|moletom|jurk|broek|trui|jas\b|sukienk|spodni|"
    r"bluz|sweter|kurtk|płaszcz|marynark|плать|рубаш|брюк|куртк|свитер|кофт|футболк|пальто|"
    r"пиджак|костюм|юбк|блузк|джинс|dżins|dzins|elbise|gömlek|pantolon|ceket|kazak|mont\b|"
    r"plat'?y?e\b|platye|bryuk|yubk|kurtk|tişört|etek|服|ワンピース|シャツ|セーター|ニット|コート|ジーンズ|옷|원피스|셔츠|니트|코트|"
    r"자켓|청바지|衣|裙|裤|毛衣|外套|牛仔|فستان|قميص|بلوزة|كنزة|جاكيت|معطف|بنطلون|جينز",
    re.IGNORECASE,
)
# Who the shoes or clothes are for, in the 14 languages: men's or women's, a man or a
# woman ("여자인데", "soy mujer", "je suis une femme"), or a husband or wife they buy for.
_MENLABELS = re.compile(
    r"\bmen\b|\bmen'?s|\bmale|\bman\b|\bguy|\bgents?\b|husband|boyfriend|hombre|caballero|"
    r"marido|esposo|sono alto\b|soy alto\b|"
    r"\bchico|homme|\bmari\b|herren|\bmann\b|\bmänner|uomo|uomini|marito|masculin|homem|"
    r"heren|\bman\b|męsk|mesk|mężczyzn|mezczyzn|\bmąż|мужск|мужчин|\bмуж\b|erkek|erkeğ|kocam|メンズ|男|"
    r"남성|남자|남편|رجال|زوجي",
    re.IGNORECASE,
)
_WOMENLABELS = re.compile(
    r"women|female|woman|lady|ladies|\bwife|girlfriend|\bgirl\b|mujer|dama|señora|esposa|\bchica|"
    r"sono alta\b|soy alta\b|sou alta\b|"
    r"femme|damen|\bfrau\b|donna|donne|signora|moglie|feminin|mulher|senhora|dames|vrouw|"
    r"damsk|kobiet|\bżona|женск|женщин|\bжена|kadın|kadin|karım|\bbayan|レディース|女|여성|여자|아내|"
    r"نسائ|نساء|امرأة|زوجتي",
    re.IGNORECASE,
)

_SYSTEM = r"(US|USA|UK|EU|EUR|JP|JPN|CN|KR|BR)"
_NUMBER = r"(\d{1,2}\s?½|\d{1,2}(?:[.,]5)?)"
# "US men's 9", "US W8": a system with men's or women's before the number
_SYSTEM_FIRST = re.compile(
    rf"(?<![A-Za-z]){_SYSTEM}\s*(?:size\s*)?(?:(men|women|m|w)'?s?\s*)?{_NUMBER}(?![\d/])",
    re.IGNORECASE,
)
_LETTER = re.compile(r"(?<![A-Za-z0-9-])(XXL|2XL|XL|XS|L|M|S)(?![A-Za-z0-9-])")
# China's height/chest sizes ("165/88A", GB/T 1335)
_HEIGHT_CHEST = re.compile(r"(?<!\d)(1[4-9]\d)\s*/\s*(\d{2,3})\s*([ABCY])?(?![\d/])")
# The local words for "size" and the verbs for wearing one: a bare number after them is
# a size ("calzo un 39", "ich trage 42", "noszę 38", "平时穿42码", Swiss "Grösse").
_SIZE_CONTEXT = re.compile(
    r"size|wear|talla|número|numero|numer\b|taille|pointure|gr[öo](?:ß|ss)|taglia|misura|"
    r"tamanho|maat|rozmiar|размер|beden|numara|サイズ|号|사이즈|치수|尺码|码|مقاس|calz[oa]|uso|"
    r"gasto|chausse|je fais du|j'?fais du|je porte|trage|porto|cal[çc]o|visto|draag|nosz[eę]|"
    r"ношу|razmer|nos[hy]u|giyiyorum|giyerim|履いて|着て|신어|입어|穿|أرتدي|ألبس",
    re.IGNORECASE,
)
# Garments only women wear: a number with one is a women's dress size
_WOMENS_GARMENTS = re.compile(
    r"dress|skirt|blouse|gown|vestido|falda|blusa|\brobe\b|jupe|kleid|bluse|vestit|abito|"
    r"gonna|camicetta|saia|jurk|sukienk|spódnic|bluzk|плать|юбк|блузк|plat'?y?e\b|platye|"
    r"yubk|elbise|etek|ワンピース|スカート|ドレス|원피스|치마|스커트|블라우스|连衣裙|裙|فستان|تنورة",
    re.IGNORECASE,
)
# The system a size written without one is in, by the shopper's language.
_LOCAL_SYSTEM = {"en": "US", "ja": "JP", "ko": "KR", "zh": "CN"}
# The system a clothes size written without one is in: Russian shoppers (in Russia,
# Ukraine, Kazakhstan ...) number clothes the Russian way, Italians the Italian way,
# French and Spanish shoppers theirs; English-speaking Britain, Ireland, Australia and
# New Zealand number dresses as the UK does.
_HOME_CLOTHES = {"ru": "RU", "it": "IT", "fr": "FR", "es": "ES"}
_UK_COUNTRIES = {"GB", "IE", "AU", "NZ"}
# Where a language's shoppers number clothes another way: Quebec, Mexico and Spanish
# speakers in the US as the US does, French-speaking Switzerland as Germany does
_HOME_BY_COUNTRY = {
    ("fr", "CA"): "US", ("es", "MX"): "US", ("es", "US"): "US", ("fr", "CH"): "EU",
}  # fmt: skip
# Sizes that are numbered as the EU numbers them when they are shoes (and a man's
# Russian, Italian or French jacket size is the EU one: half the chest in cm)
_AS_EU = {"IT": "EU", "FR": "EU", "DE": "EU", "ES": "EU", "RU": "EU"}
# Children's clothes, numbered by height ("아동복 110"): not an adult's size
_KIDS = re.compile(
    r"\bkids?\b|child|baby|niñ[oa]|enfant|bébé|kinder|bambin|criança|infantil|kind\b|"
    r"dziec|детск|ребён|ребен|çocuk|子供|キッズ|ベビー|아동|아이|키즈|유아|童|أطفال|طفل",
    re.IGNORECASE,
)
# A shirt's collar size in cm ("je fais du 41 en chemise", "Hemd Kragenweite 42", "porto
# la 41 di camicia"): shirts only, a collar word or an odd number or a man's shirt
_SHIRT = re.compile(
    r"shirt|camisa|chemise|hemd|camicia|overhemd|koszul|рубаш|gömlek|ワイシャツ|シャツ|"
    r"셔츠|衬衫|衬衣|قميص",
    re.IGNORECASE,
)
_COLLAR_WORD = re.compile(
    r"collar|neck|cuello|encolure|\bcol\b|kragen|collo|colarinho|boord|szyi|kołnierz|ворот|"
    r"шея|шеи|yaka|首回り|목둘레|领围|领口|ياقة|الرقبة",
    re.IGNORECASE,
)
_COLLAR_NUMBER = re.compile(r"(?<![\d.,/])(3[5-9]|4[0-8])(?![\d.,]?\d)")
# Collar cm -> the US/UK inch size and the men's letter (the usual shirt charts:
# 38 = 15", 39 = 15.5", 41 = 16", 42 = 16.5", 43 = 17"; 37-38 S, 39-40 M, 41-42 L ...)
_COLLARS = {
    35: ("14", "XS"), 36: ("14", "XS"), 37: ("14.5", "S"), 38: ("15", "S"), 39: ("15.5", "M"),
    40: ("15.75", "M"), 41: ("16", "L"), 42: ("16.5", "L"), 43: ("17", "XL"), 44: ("17.5", "XL"),
    45: ("17.75", "XXL"), 46: ("18", "XXL"), 47: ("18.5", "XXL"), 48: ("19", "XXL"),
}  # fmt: skip
_COLLAR_LABEL = {
    "en": "Collar", "es": "Cuello", "fr": "Encolure", "de": "Kragenweite", "it": "Collo",
    "pt": "Colarinho", "nl": "Boordmaat", "pl": "Obwód szyi", "ru": "Ворот", "tr": "Yaka",
    "ja": "首回り", "ko": "목둘레", "zh": "领围", "ar": "مقاس الياقة",
}  # fmt: skip


# "16.5 collar", "collar 15 1/2", "neck 16 inch": a collar in inches
_COLLAR_INCHES = re.compile(
    r"(?<![\d.,])(1[4-9](?:[.,]5|[.,]75)?)\s*(?:\"|”|in\b|inch\w*)?\s*(?:collar|neck)|"
    r"(?:collar|neck)(?:\s+(?:size|is|of))?\s*(1[4-9](?:[.,]5|[.,]75)?)(?![\d.,]?\d)",
    re.IGNORECASE,
)


def _collar(text: str, language: str, men: bool) -> str | None:
    """A shirt's collar size (in cm, or in inches): the US/UK inch size, the cm and the
    men's letter."""
    value = None
    if inch_match := _COLLAR_INCHES.search(text):
        inches = float((inch_match.group(1) or inch_match.group(2)).replace(",", "."))
        value = next((cm for cm, (i, _) in _COLLARS.items() if float(i) >= inches), None)
    elif _SHIRT.search(text):
        collar_word = bool(_COLLAR_WORD.search(text))
        for match in _COLLAR_NUMBER.finditer(text):
            if collar_word or men or int(match.group(1)) % 2:
                value = int(match.group(1))
                break
    if value is None:
        return None
    inches_text, letter = _COLLARS[value]
    label = LABELS.get(language, LABELS["en"])[0]
    shown = format_decimal(float(inches_text), format="#,##0.##", locale=_locale(language))
    name = _COLLAR_LABEL.get(language, _COLLAR_LABEL["en"])
    cm = {"ru": "см", "ar": "سم"}.get(language, "cm")
    collar = f"{name}{value}cm" if language in {"ja", "zh"} else f"{name} {value} {cm}"
    return f"{collar} ({label}) ≈ US/UK {shown} · {letter}{stop(language)}"


def _locale(language: str) -> str:
    return language if language in LABELS else "en"


# Korea's clothes sizes: women's 44-88 (XS-XL), and the chest numbers 85-110 of men's and
# women's tops
_KOREAN = re.compile(
    r"(?<!\d)(44|55|66|77|88|85|90|95|100|105|110)"
    r"(?!\d|\s*(?:mm|cm|밀리|kg|킬로|키로|lb|근|斤))"  # "55kg" is a weight, not a size
)


def _clothing_lines(letter: str, language: str, men: bool | None) -> str:
    """The letter size in every system: men's or women's as stated, else both."""
    if men is None:
        return sentences(
            language,
            _clothing_line(letter, language, False),
            _clothing_line(letter, language, True),
        )
    return _clothing_line(letter, language, men)


def _clothing_line(letter: str, language: str, men: bool) -> str:
    table = _MEN if men else _WOMEN
    row = next(r for r in table if r.letter == letter)
    label = LABELS.get(language, LABELS["en"])[0 if men else 1]
    return (
        f"{letter} ({label}) ≈ US {row.us} · UK {row.uk} · EU {row.eu} · JP {row.jp} · "
        f"KR {row.kr} · CN {row.cn}{stop(language)}"
    )


def _clothing_by_number(system: str, value: float, men: bool) -> str | None:
    column = {"US": "us", "UK": "uk", "EU": "eu"}.get(system)
    if column is None:
        return None
    for row in _MEN if men else _WOMEN:
        bounds = [float(x) for x in getattr(row, column).split("-")]
        if bounds[0] - 1 <= value <= bounds[-1] + 1:
            return row.letter
    return None


def _size_found(
    text: str, language: str, country: str | None
) -> tuple[str, float, bool, tuple[str, ...], bool] | None:
    """(system, value, whether it is surely a shoe size, systems asked for, whether the
    system was assumed) of the size the shopper wears (``size_reading``); a size without
    a system is in the shopper's: their country's (BR) or their language's, and for
    clothes the one their language numbers clothes with (a Russian's 46 is RU 46)."""
    found = mentions(text, language)
    if not found:
        return None
    worn = worn_size(found, text)
    if worn is None:
        return None
    asked = asked_systems(found, worn, text)
    if worn.system:
        return worn.system, worn.value, worn.foot_length, asked, False
    if not (_SIZE_CONTEXT.search(text) or asked or _SHOELABELS.search(text)):
        return None
    system = "BR" if country == "BR" else _LOCAL_SYSTEM.get(language, "EU")
    # clothes: a garment is named, or (no shoe word) a size only clothes have: a Russian
    # 48 and up, an Italian or Spanish "la 42" (la taglia, la talla; shoes are "il", "el")
    clothes = not _SHOELABELS.search(text) and bool(
        _CLOTHESLABELS.search(text)
        or _WOMENS_GARMENTS.search(text)
        or (language == "ru" and worn.value >= 47)
        or (language in {"it", "es"} and re.search(r"\bla\s*$", text[: worn.start]))
    )
    if clothes and (language, country) in _HOME_BY_COUNTRY:
        system = _HOME_BY_COUNTRY[(language, country)]
    elif clothes and language in _HOME_CLOTHES:
        system = _HOME_CLOTHES[language]
    elif clothes and language == "en" and country in _UK_COUNTRIES:
        system = "UK"
    if system in {"JP", "KR"} and worn.value > 32:
        system = "EU"  # "42" in Japanese or Korean is a European size
    return system, worn.value, False, asked, bool(clothes)


def _korean_clothes(text: str, language: str, women: bool | None) -> str | None:
    """A Korean clothes size ("평소 55 입어요", "상의 95"): its letter's line, men's or
    women's (44-88 are women's only), and that it was read as a Korean size."""
    match = _KOREAN.search(text)
    if match is None:
        return None
    value = match.group(1)
    if women is None and value in {"44", "55", "66", "77", "88"}:
        women = True
    lines, letter = [], ""
    for is_women in (False, True) if women is None else (women,):
        table = _WOMEN if is_women else _MEN
        row = next((r for r in table if value in re.findall(r"\d+", r.kr)), None)
        if row is not None:
            letter = letter or row.letter
            lines.append(_clothing_line(row.letter, language, not is_women))
    if not lines:
        return None
    return sentences(language, *lines, assumed("KR", float(value), letter, language))


def _chinese_size(text: str, language: str, women: bool | None) -> str | None:
    """China's height/chest size ("165/88A"): the letter to choose, and that letter's
    line for men's or women's when the message says which."""
    match = _HEIGHT_CHEST.search(text)
    if match is None or (letter := chinese_letter(int(match.group(2)))) is None:
        return None
    said = choose(match.group(0).replace(" ", ""), letter, language)
    if women is None:
        return said
    return sentences(language, said, _clothing_line(letter, language, not women))


def _asian_letter(text: str, language: str, women: bool | None) -> str | None:
    """A letter size in Japan's, China's or Korea's system ("日本のL", "nihon no L size"):
    the international letter a size smaller, to choose."""
    for match in _LETTER.finditer(text):
        system = system_near_letter(text, match.start(), match.end())
        if system not in {"JP", "CN", "KR"}:
            continue
        letter = western_letter("XXL" if match.group(1) == "2XL" else match.group(1))
        said = [runs_small(language), choose(f"{system} {match.group(1)}", letter, language)]
        if women is not None:
            said.append(_clothing_line(letter, language, not women))
        return sentences(language, *said)
    return None


def size_advice(text: str, language: str, country: str | None = None) -> str:
    """The converted sizes for the size mentioned in ``text``, or a request for one;
    ``country`` is the shopper's (a Brazilian's sizes are BR)."""
    text = with_halves(text)
    # a height and weight ("1m80, 75 kg") are read first, and are not sizes
    body = body_measures(text, language)
    text = without_body(text, body)
    # men's or women's as the message says; both or neither: unknown, both tables given
    said_men, said_women = bool(_MENLABELS.search(text)), bool(_WOMENLABELS.search(text))
    women: bool | None = None if said_men == said_women else said_women
    if marker := _SYSTEM_FIRST.search(text):
        if marker.group(2):
            women = marker.group(2).lower().startswith("w")
    shoes = bool(_SHOELABELS.search(text))
    womens_garment = not shoes and bool(_WOMENS_GARMENTS.search(text))
    if womens_garment and women is None:
        women = True
    men = women is False
    if not shoes and (jeans := jeans_size(text, women)):
        if line := jeans_advice(jeans, language, women):
            return line
    if line := _chinese_size(text, language, women):
        return line
    if not shoes and (line := _asian_letter(text, language, women)):
        return line
    kids = bool(_KIDS.search(text))
    if (
        language == "ko"
        and not (shoes or kids)
        and (line := _korean_clothes(text, language, women))
    ):
        return line
    if body is not None and not shoes:  # a height and weight say more than a bare number
        return body_advice(body, language, None if women is None else men)
    if not kids and women is not True and (line := _collar(text, language, men)):
        return line
    if found := _size_found(text, language, country):
        if line := _numbered(text, language, country, found, women, shoes, womens_garment):
            return line
    if body is not None:
        return body_advice(body, language, None if women is None else men)
    letter_match = _LETTER.search(text)
    if letter_match and (_SIZE_CONTEXT.search(text) or len(text.split()) <= 3):
        size = "XXL" if letter_match.group(1) == "2XL" else letter_match.group(1)
        return _clothing_lines(size, language, None if women is None else men)
    return _ASK.get(language, _ASK["en"])


def _numbered(
    text: str,
    language: str,
    country: str | None,
    found: tuple[str, float, bool, tuple[str, ...], bool],
    women: bool | None,
    shoes: bool,
    womens_garment: bool,
) -> str | None:
    """The conversion of a numbered size: a women's dress size between national systems,
    a clothes size's letter, or a shoe size; with the system a bare number was read in."""
    system, value, surely_shoes, asked, was_assumed = found
    shoes = shoes or surely_shoes
    men = women is False
    label = LABELS.get(language, LABELS["en"])[1]
    if system == "BR" and not shoes and was_assumed:
        # a Brazilian's clothes size: women's as France numbers them; a man's trousers
        # and jackets are numbered differently, so no conversion is guessed for him
        if men:
            return None
        line = dress_line("BR", value, language, label, asked)
        said = assumed("BR", value, womens_letter("BR", value) or "", language)
        return sentences(language, line, said) if line else None
    if not shoes and not men and (womens_garment or system in _AS_EU):
        if line := dress_line(system, value, language, label, asked):
            said = assumed(system, value, womens_letter(system, value) or "", language)
            if was_assumed and system == "RU" and women is None and not womens_garment:
                # a Russian 50 may be a man's jacket: his line too, and no one letter
                if letter := _clothing_by_number("EU", value, True):
                    mens = _clothing_line(letter, language, True)
                    return sentences(language, line, mens, assumed(system, value, "", language))
            return sentences(language, line, said if was_assumed else "")
    home = system
    if shoes and system == "RU":  # Russian shoe sizes run one below the EU's: RU 38 = EU 39
        value += 1
    system = _AS_EU.get(system, system)
    if not shoes and (
        _CLOTHESLABELS.search(text)
        or (
            nearest_shoe(system, value, False) is None and nearest_shoe(system, value, True) is None
        )
    ):
        if letter := _clothing_by_number(system, value, men):
            said = assumed(home, value, letter, language) if was_assumed else ""
            return sentences(language, _clothing_line(letter, language, men), said)
    return shoe_line(system, value, language, women, brazil=country == "BR", first=asked)
