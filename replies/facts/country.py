"""Which country the shopper is in, and how we know it.

Voltage, delivery times and customs all depend on the destination. We take it from the
most trustworthy source available, in this order:

1. ``order``: the shipping country of the linked order (or one the caller already knows);
2. ``phone``: the region of the shopper's phone number (``phonenumbers``);
3. ``language``: the region of the app's language setting (Telegram ``pt-BR`` -> BR);
4. ``message``: a country, region or big city the message names in passing ("I'm in
   Toronto", "nach Wien", "東京に住んでいます"). Country names come from Babel's CLDR data
   in all 14 reply languages; the cities and regions are a short list written here.

    shopper_country(text="Will it work in Toronto?")
    # ShopperCountry(code="CA", source="message")
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

from bot.calendar.countries import country_from_language_code
from bot.orders.matching import phone_region
from replies.facts.country_forms import in_country, to_country
from replies.facts.names import country_name

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")


@dataclass(frozen=True)
class ShopperCountry:
    """An ISO 3166-1 alpha-2 code and where it came from: order, phone, language, message."""

    code: str
    source: str


# Names that are also everyday words or first names in some reply language (English
# "Jordan", "island" = German Iceland, French "réunion" = meeting, Polish "mali" = small,
# "Salvador" = a Brazilian city (Portugal's name of El Salvador), Korean "이란" = a
# particle, "인도" = handing over goods, "수단" = a means, "가봉" = a tailor's fitting,
# Arabic "مالي" = financial, "ネクタイ" holding "タイ", "チリ" = chili,
# Chinese "沿海地区" holding "海地" and "内蒙古" (a Chinese region) holding "蒙古"); a
# shopper naming one of these countries is asked "which country?", which is better than a
# wrong voltage.
_AMBIGUOUS = frozenset(
    "jersey guinea georgia jordan chad man niger mali togo guernsey samoa island réunion "
    "salvador reunion maurice granada dominica 인도 이란 가나 말리 차드 통가 토고 오만 타이 빈 "
    "수단 피지 가봉 부탄 건지 저지 사크 "
    "タイ マリ チャド トーゴ チリ 马里 多哥 乍得 海地 黑山 蒙古 朝鲜 مالي توغو بالاو".split()
)
# Regional spellings shoppers write beside their language's: Portugal's "Polónia",
# "Roménia", "Quénia" (Brazil's "Polônia", "Romênia", "Quênia").
_REGIONAL_NAMES = ("pt_PT",)
# A name this short is a word part in Latin letters ("Peru" is kept, "UK" is matched by
# case below); in Chinese, Japanese and Korean most country names have two characters
# ("美国", "台湾", "미국", "독일") and are kept.
_SHORTEST = 3
_SHORTEST_SPACELESS = 2

# Short forms shoppers write that CLDR's names do not cover.
_ALIASES: dict[str, str] = {
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US", "eeuu": "US", "ee.uu.": "US",
    "ee. uu.": "US", "etats-unis": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "inglaterra": "GB", "angleterre": "GB",
    "inghilterra": "GB", "engeland": "GB", "anglia": "GB", "escocia": "GB",
    "écosse": "GB", "schottland": "GB", "holland": "NL", "holanda": "NL", "hollande": "NL",
    "olanda": "NL", "turkiye": "TR", "emirates": "AE", "uae": "AE",
    "emiratos": "AE", "emirati": "AE", "korea": "KR", "corea": "KR", "corée": "KR",
    "рф": "RU", "日本": "JP", "中国": "CN", "大陆": "CN", "台灣": "TW",
    "한국": "KR", "韓国": "KR", "السعودية": "SA", "الإمارات": "AE",
    # Polish, Russian and Turkish inflect names ("do Polski", "в Россию", "Almanya'ya")
    "polski": "PL", "polsce": "PL", "niemiec": "DE", "niemczech": "DE", "francji": "FR",
    "hiszpanii": "ES", "włoch": "IT", "anglii": "GB", "россию": "RU", "россии": "RU",
    "германию": "DE", "германии": "DE", "украину": "UA", "украине": "UA", "казахстана": "KZ",
    "беларуси": "BY", "францию": "FR", "испанию": "ES", "италию": "IT",
    "казахстане": "KZ", "kazachstanu": "KZ", "kazachstanie": "KZ", "ukrainy": "UA",
    "ukrainie": "UA", "rosji": "RU", "austrii": "AT", "czech": "CZ", "japonii": "JP",
    "kanady": "CA", "holandii": "NL", "belgii": "BE", "szwajcarii": "CH", "польшу": "PL",
    "польше": "PL", "японию": "JP", "японии": "JP", "сша": "US", "китай": "CN",
    "wielkiej brytanii": "GB", "wielka brytania": "GB", "stanach zjednoczonych": "US",
    "stanów zjednoczonych": "US", "włoszech": "IT", "czechach": "CZ", "irlandii": "IE",
    "portugalii": "PT", "szwecji": "SE", "norwegii": "NO", "kanadzie": "CA", "chinach": "CN",
    "великобритании": "GB", "англии": "GB", "италии": "IT", "франции": "FR", "испании": "ES",
    "турции": "TR", "корее": "KR", "китае": "CN", "америке": "US", "канаде": "CA",
    "израиле": "IL", "португалии": "PT", "австрии": "AT", "швейцарии": "CH",
    # special regions by the short names shoppers write (CLDR: "Hong Kong SAR China")
    "hong kong": "HK", "hongkong": "HK", "香港": "HK", "홍콩": "HK", "ホンコン": "HK",
    "гонконг": "HK", "هونغ كونغ": "HK", "macau": "MO", "macao": "MO", "澳门": "MO",
    "澳門": "MO", "마카오": "MO", "マカオ": "MO",
    # names written without their accents
    "belgie": "BE", "espana": "ES", "belgica": "BE", "suica": "CH", "turquia": "TR",
    # everyday names CLDR gives in another form (the replies write some of them,
    # ``replies.facts.names``): "Repubblica Ceca" beside "Cechia", Korean "호주" beside
    # "오스트레일리아", Arabic "الدنمارك" beside "الدانمرك", Turkish "İngiltere" (typed
    # "ingiltere", "ingiltereye") for the United Kingdom
    "repubblica ceca": "CZ", "república checa": "CZ", "republica checa": "CZ",
    "república tcheca": "CZ", "republica tcheca": "CZ",
    "호주": "AU", "الدنمارك": "DK", "vatican": "VA", "vaticano": "VA",
    "costa de marfil": "CI", "fildişi sahili": "CI",
    "ingiltere": "GB", "i̇ngiltere": "GB", "ingiltereye": "GB", "i̇ngiltereye": "GB",
    "w stanach": "US", "do stanów": "US", "do stanow": "US", "ze stanów": "US",
    "ingiltere'ye": "GB", "i̇ngiltere'ye": "GB", "ingilterede": "GB", "ingiltere'de": "GB",
}  # fmt: skip

# Big cities and regions per country, in the spellings shoppers use; ambiguous words
# (Lima, Porto, Lagos, Santiago) are left out.
_PLACES: dict[str, str] = {
    "US": "new york|nueva york|nova york|los angeles|chicago|houston|miami|san francisco|"
    "seattle|boston|california|texas|florida|нью-йорк|ニューヨーク|纽约|뉴욕|نيويورك",
    "CA": "toronto|vancouver|montreal|montréal|ottawa|calgary|ontario|québec|quebec|"
    "british columbia|торонто|トロント|多伦多|토론토|تورونتو",
    "MX": "ciudad de méxico|ciudad de mexico|cdmx|guadalajara|monterrey|puebla|cancún|cancun",
    "BR": "são paulo|sao paulo|rio de janeiro|belo horizonte|brasília|salvador da bahia|"
    "curitiba|porto alegre|recife",
    "AR": "buenos aires|córdoba argentina|mendoza",
    "CO": "bogotá|bogota|medellín|medellin|cali colombia|barranquilla",
    "CL": "santiago de chile|valparaíso|valparaiso",
    "GB": "london|londres|londra|londen|londyn|лондон|ロンドン|伦敦|런던|لندن|manchester|"
    "birmingham|liverpool|edinburgh|glasgow|bristol|leeds",
    "IE": "dublin|dublín|dublino|cork",
    "FR": "paris|parís|parigi|parijs|paryż|париж|パリ|巴黎|파리|باريس|lyon|marseille|toulouse|"
    "bordeaux|lille|île-de-france|ile-de-france",
    "DE": "berlin|berlín|berlino|берлин|ベルリン|柏林|베를린|برلين|münchen|munich|múnich|"
    "monaco di baviera|hamburg|hamburgo|köln|cologne|frankfurt|stuttgart|düsseldorf|bayern|"
    "bavaria|baviera",
    "AT": "wien|vienna|viena|vienne|wenen|wiedeń|вена|ウィーン|维也纳|비엔나|فيينا|graz|salzburg|"
    "innsbruck|linz",
    "CH": "zürich|zurich|zurigo|genève|geneva|genf|ginevra|ginebra|basel|bâle|bern|berne|"
    "lausanne|lugano",
    "ES": "madrid|barcelona|valencia|sevilla|seville|málaga|malaga|bilbao|zaragoza|"
    "mallorca|cataluña|catalunya|andalucía|andalucia|мадрид|マドリード",
    # outside the EU's VAT area (customs formalities and IGIC on arrival): CLDR's code IC
    "IC": "canarias|canary islands|islas canarias|tenerife|gran canaria|lanzarote|"
    "fuerteventura|las palmas de gran canaria",
    "IT": "roma|rome|rom|milano|milan|milán|mailand|napoli|naples|torino|turin|firenze|"
    "florence|bologna|venezia|venice|palermo|lombardia|sicilia|рим|ミラノ|米兰|로마",
    "PT": "lisboa|lisbon|lissabon|lisbonne|braga|coimbra|faro|algarve|madeira|açores",
    "NL": "amsterdam|rotterdam|den haag|the hague|utrecht|eindhoven|groningen",
    "BE": "bruxelles|brussels|brussel|bruselas|bruxelas|antwerpen|anvers|antwerp|gent|liège",
    "PL": "warszawa|warsaw|varsovia|varsovie|warschau|kraków|krakow|wrocław|wroclaw|"
    "gdańsk|gdansk|poznań|poznan|łódź|lodz|варшава|warszawie|krakowie|wrocławiu|gdańsku|"
    "poznaniu|łodzi",
    "CZ": "praha|prague|prag|praga|brno",
    "HU": "budapest|будапешт",
    "GR": "athens|atenas|athènes|athen|atene|αθήνα|thessaloniki",
    "SE": "stockholm|estocolmo|göteborg|gothenburg|malmö",
    "NO": "oslo",
    "DK": "københavn|copenhagen|copenhague|kopenhagen|copenaghen",
    "FI": "helsinki|helsingfors",
    "RU": "москва|москве|moscow|moskau|moscou|mosca|moscú|moskwa|санкт-петербург|петербург|"
    "петербурге|st petersburg|saint petersburg|новосибирск|екатеринбург|казань|モスクワ|莫斯科|"
    "모스크바",
    "UA": "kyiv|kiev|київ|киев|kijów|львів|lviv|одеса|odesa|odessa|харків|kharkiv",
    "TR": "istanbul|i̇stanbul|estambul|стамбул|イスタンブール|伊斯坦布尔|이스탄불|إسطنبول|ankara|"
    "izmir|i̇zmir|antalya|bursa",
    "JP": "東京|tokyo|tokio|tóquio|токио|도쿄|东京|طوكيو|大阪|osaka|京都|kyoto|横浜|yokohama|"
    "名古屋|nagoya|札幌|sapporo|福岡|fukuoka|北海道|hokkaido|沖縄|okinawa",
    "KR": "서울|seoul|séoul|seúl|сеул|ソウル|首尔|سيول|부산|busan|인천|incheon|대구|daegu",
    "CN": "北京|beijing|pékin|peking|pechino|pekín|пекин|베이징|上海|shanghai|xangai|шанхай|"
    "상하이|广州|guangzhou|深圳|shenzhen|成都|chengdu|杭州|hangzhou|武汉|南京|天津|重庆",
    "TW": "台北|臺北|taipei|高雄|kaohsiung|台中|taichung",
    "HK": "九龍|九龙|kowloon",
    "IN": "mumbai|delhi|new delhi|bangalore|bengaluru|chennai|kolkata|hyderabad",
    "SG": "新加坡",
    "MY": "kuala lumpur|吉隆坡|penang",
    "TH": "bangkok|กรุงเทพ|曼谷|phuket",
    "ID": "jakarta|bali|surabaya",
    "PH": "manila|quezon city|cebu",
    "VN": "hanoi|hà nội|ho chi minh|hồ chí minh|saigon|sài gòn",
    "AU": "sydney|melbourne|brisbane|perth|adelaide|悉尼|シドニー|시드니",
    "NZ": "auckland|wellington|christchurch",
    "AE": "dubai|dubái|doubaï|دبي|أبوظبي|abu dhabi|sharjah|الشارقة|ドバイ|迪拜|두바이",
    "SA": "الرياض|riyadh|jeddah|جدة|جده|الدمام|dammam|مكة|المدينة المنورة",
    "EG": "القاهرة|cairo|el cairo|le caire|kairo|الإسكندرية|alexandria",
    "MA": "casablanca|الدار البيضاء|marrakech|rabat|الرباط",
    "IL": "tel aviv|jerusalem|haifa",
    "ZA": "johannesburg|cape town|durban|pretoria",
    "KE": "nairobi|mombasa",
    "NG": "abuja",
    "QA": "doha|الدوحة",
    "KW": "الكويت",
}

# In scripts written without spaces, and in Arabic with its attached prepositions
# ("بالرياض", "وللسعودية"), a name touches the next letters; Latin names need word edges.
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]")
# Case matters for these: "send us" is not the United States.
_CAPITALS = re.compile(r"(?<![\w.])(US|USA|UK|U\.S\.|U\.K\.)(?![\w])")


# Arabic shoppers often write the article's alef without its hamza ("الامارات", "الاردن");
# one letter for one, so positions in the folded text stay those of the message.
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().translate(_ALEFS)


@cache
def _names() -> dict[str, str]:
    """Lower-cased name -> country code: CLDR names in every language, aliases, places."""
    names: dict[str, str] = {}
    for language in (*LANGUAGES, *_REGIONAL_NAMES):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO"}:
                folded = _fold(name)
                shortest = _SHORTEST_SPACELESS if _SPACELESS.search(folded) else _SHORTEST
                if folded not in _AMBIGUOUS and len(folded) >= shortest:
                    names.setdefault(folded, code)
    names.update({_fold(alias): code for alias, code in _ALIASES.items()})
    for form, code in _declined_names():
        names.setdefault(_fold(form), code)
    for code, places in _PLACES.items():
        for place in places.split("|"):
            names.setdefault(_fold(place), code)
    # After the preposition "لـ" Arabic drops the article's alef: "للسعودية", "للامارات"
    for name, code in list(names.items()):
        if name.startswith("ال") and len(name) >= 5:
            names.setdefault(name[1:], code)
    return names


def _declined_names() -> list[tuple[str, str]]:
    """The Polish, Russian and Turkish case forms the replies write ("do Norwegii",
    "в Норвегию", "Norveç'e"), without their preposition, so a shopper writing "wysyłacie
    do norwegii?", "доставляете в норвегию?" or "norveçe gönderiyor musunuz" is read as
    naming the country. Turkish suffixes written without their apostrophe, as shoppers
    type them ("almanyaya"), are read too; with it, the name itself is found."""
    found: list[tuple[str, str]] = []
    codes = {str(code) for code in Locale.parse("en").territories if len(str(code)) == 2}
    for code in sorted(codes):
        for language in ("pl", "ru", "tr"):
            if _fold(country_name(code, language)) in _AMBIGUOUS:  # "Mali'ye" is "maliye"
                continue
            for phrase in (to_country(code, language), in_country(code, language)):
                if language == "tr":  # with the apostrophe, the name itself is found
                    forms = [phrase.replace("'", "")]
                else:
                    forms = [phrase.split(" ", 1)[-1]]
                # short Latin forms are words elsewhere (Polish "do Chin", English "chin")
                found += [(f, code) for f in forms if len(f) >= (5 if f.isascii() else 4)]
    # "your country" is no country
    return [(form, code) for form, code in found if "kraj" not in form and "стран" not in form]


@cache
def _pattern() -> re.Pattern[str]:
    # longest names first, so "South Korea" wins over "Korea" and "New York" over "York"
    parts = []
    for name in sorted(_names(), key=len, reverse=True):
        escaped = re.escape(name)
        if _SPACELESS.search(name):
            parts.append(escaped)
        else:
            parts.append(rf"(?<![\w.]){escaped}(?![\w])")
    return re.compile("|".join(parts))


# The pattern of every name takes milliseconds per message, and several facts of one
# message read the same text: the last texts' answers are kept.
@lru_cache(maxsize=256)
def country_in_text(text: str) -> str | None:
    """The country a message names, by its name, a region or a big city; None if none.

    "Will it work in Toronto?" -> "CA"; "Lieferung nach Wien?" -> "AT"; "東京です" -> "JP".
    """
    if capitals := _CAPITALS.search(text):
        return "GB" if "K" in capitals.group(1) else "US"
    found = _pattern().search(_fold(text))
    return _names()[found.group(0)] if found else None


def countries_in_text(text: str) -> list[tuple[int, int, str]]:
    """Every country ``text`` names, in order: (start, end, code) in the text as folded
    (``country_in_text`` is the first of them). "ドイツ仕様のミルは日本で使える?" ->
    [(0, 3, "DE"), (10, 12, "JP")]."""
    return list(_countries_in_text(text))


@lru_cache(maxsize=256)
def _countries_in_text(text: str) -> tuple[tuple[int, int, str], ...]:
    found = [
        (m.start(), m.end(), "GB" if "K" in m.group(1) else "US") for m in _CAPITALS.finditer(text)
    ]
    found += [(m.start(), m.end(), _names()[m.group(0)]) for m in _pattern().finditer(_fold(text))]
    return tuple(sorted(found))


def country_from_phone(phone: str | None) -> str | None:
    """The region of an international phone number ("+81 90-1234-5678" -> "JP"), read by
    the one phone rule (``bot.orders.matching``)."""
    return phone_region(phone)


def shopper_country(
    *,
    order_country: str | None = None,
    phone: str | None = None,
    language_code: str | None = None,
    text: str = "",
) -> ShopperCountry | None:
    """The shopper's country from the most trusted source that has one; None if none does."""
    order = (order_country or "").strip().upper()
    if order == "UK":
        order = "GB"
    candidates = (
        ("order", order if len(order) == 2 and order.isalpha() else None),
        ("phone", country_from_phone(phone)),
        ("language", country_from_language_code(language_code)),
        ("message", country_in_text(text)),
    )
    return next((ShopperCountry(code, source) for source, code in candidates if code), None)
