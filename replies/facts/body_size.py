"""A size estimated from a shopper's height and weight, as they write them.

Shoppers who do not know their size give their height and weight instead: "je fais 1m80
pour 75kg", "mido 1,80 y peso 75", "ich bin 180 groß und wiege 75 kg", "5'11, 165 lbs",
"身長180cm 体重75kg", "키 180 몸무게 75", "身高180 体重150斤" (a jin is half a kilo), "рост 180
вес 75", "boyum 180 kilom 75", "طولي 180 ووزني 75". ``body_measures`` finds both (cm, kg)
and where they stand, so the numbers are not read as clothing sizes; ``body_advice``
writes the letter that usually fits, a size up for a looser fit when the height calls for
it, and that the chest and waist measurements decide.

The letters come from general height/weight charts for tops (the usual ranges of
European and American shops' charts, in kg and cm; brands differ, which the answer
says): the weight picks the letter, and a shopper taller than that letter's heights is
offered the next one for length and room.

    body_advice("je fais 1m80 pour 75kg, pull homme", "fr", men=True)
    # "Pour 1,80 m et 75 kg, un M homme (environ EU 48-50) convient en général. Pour un
    #  porté plus ample, prenez le L. Ce sont vos tours de poitrine et de taille qui
    #  décident."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import format_decimal

from replies.facts.names import sentences

# Arabic-Indic and Persian digits, as Arabic shoppers type them
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Heights: "1m80", "1,80 m", "1.8m", "180 cm", "180см", "5'11", "5 ft 11", "6 feet"; or a
# number after a word for height or for measuring ("mido 180", "身高180", "키 180", "рост
# 180", "boyum 180", "طولي 180"), or before "groß", "tall", "wzrostu", "de altura".
_METRES = re.compile(
    r"(?<![\d.,])([12])\s*(?:[.,]\s*(\d{1,2})\s*m|m\s*(\d{2})?)(?![a-zà-ÿ\d])", re.I
)
_METRES_BARE = re.compile(r"(?<![\d.,])(1)[.,]([4-9]\d)(?![\d.,]?\d)")
_CM = re.compile(r"(?<![\d.,])(1[4-9]\d|20\d)\s*(?:cm|см|センチ|厘米|公分|㎝|سم|سنتي)", re.I)
_FEET = re.compile(
    r"(?<![\d.,])([4-7])\s*(?:'|’|′|ft\.?|feet|foot)\s*(?:(\d{1,2})\s*(?:\"|”|″|''|in\b|inch\w*)?)?",
    re.I,
)
_HEIGHT_WORD = re.compile(
    r"(?:height|tall|i'?m|i am|mido|mide|altura|estatura|mesure|je fais|taille de|größe|"
    r"grösse|körpergröße|ich bin|altezza|alto|alta|sono|tenho|meço|lengte|ben|wzrost\w*|"
    r"mam|рост\w*|boy\w*|身長|身高|个子|키|طول\w*)\s*[:：]?\s*(?:de |di |van |около |)?$",
    re.I,
)
_HEIGHT_AFTER = re.compile(r"^\s*(?:groß|gross|tall|de altura|di altezza|wzrostu|lang)", re.I)
_BARE_HEIGHT = re.compile(r"(?<![\d.,])(1[4-9]\d|20\d)(?![\d.,]?\d)")

# Weights: "75kg", "75 кг", "75キロ", "75公斤", "150斤", "165 lbs", "165 pounds"; or a number
# after a word for weight ("peso 75", "wiege 75", "вес 75", "体重75", "몸무게 75", "وزني 75").
_KG = re.compile(
    r"(?<![\d.,])(\d{2,3}(?:[.,]\d)?)\s*(?:kg|kgs|kilo(?:s|gram\w*)?\b|кг|килограмм\w*|кило\b|"
    r"キロ|公斤|千克|킬로|كغ|كجم|كيلو)",
    re.I,
)
_JIN = re.compile(r"(?<![\d.,])(\d{2,3})\s*斤")
_POUNDS = re.compile(r"(?<![\d.,])(\d{2,3})\s*(?:lbs?|pounds?|livres)\b", re.I)
_WEIGHT_WORD = re.compile(
    r"(?:weigh\w*|weight|peso|pesa|pèse|pese|poids|wiege|gewicht|weeg|wa[żz][eę]|waga|wadze|"
    r"вес\w*|вешу|kilom|kilo|ağırlı\w*|体重|몸무게|체중|وزن\w*)\s*[:：]?\s*(?:de |di |van |)?$",
    re.I,
)
_BARE_WEIGHT = re.compile(r"(?<![\d.,])(\d{2,3})(?![\d.,]?\d)")


@dataclass(frozen=True)
class Body:
    """A shopper's height (cm) and weight (kg), how they wrote them (imperial or not),
    and the spans of the text they take."""

    height: float
    weight: float
    imperial: bool
    spans: tuple[tuple[int, int], ...]
    written: tuple[str, str] = ("", "")  # the height and weight as written in feet and lb


def _height(text: str) -> tuple[float, tuple[int, int], bool] | None:
    """(cm, span, imperial) of the height written in ``text``, or None."""
    if match := _METRES.search(text):
        metres, fraction = match.group(1), match.group(2) or match.group(3) or "0"
        cm = float(metres) * 100 + float(fraction.ljust(2, "0"))
        if 140 <= cm <= 215:
            return cm, match.span(), False
    if match := _CM.search(text):
        return float(match.group(1)), match.span(), False
    if match := _FEET.search(text):
        cm = (int(match.group(1)) * 12 + int(match.group(2) or 0)) * 2.54
        if 140 <= cm <= 215 and (match.group(2) or re.search(r"ft|feet|foot", match.group(0))):
            return round(cm), match.span(), True
    for pattern in (_METRES_BARE, _BARE_HEIGHT):
        for match in pattern.finditer(text):
            before, after = text[: match.start()][-24:], text[match.end() :]
            # "1,60" is a height in metres by itself; "160" needs a word for height
            if pattern is _METRES_BARE or _HEIGHT_WORD.search(before) or _HEIGHT_AFTER.match(after):
                value = match.group(0).replace(",", ".")
                cm = float(value) * 100 if "." in value else float(value)
                return cm, match.span(), False
    return None


def _weight(
    text: str, language: str, taken: tuple[int, int]
) -> tuple[float, tuple[int, int], bool] | None:
    """(kg, span, imperial) of the weight written in ``text``, or None."""
    if match := _JIN.search(text):
        return float(match.group(1)) / 2, match.span(), False

    def apart(match: re.Match[str]) -> bool:
        return match.start() >= taken[1] or match.end() <= taken[0]

    if match := next((m for m in _KG.finditer(text) if apart(m)), None):
        return float(match.group(1).replace(",", ".")), match.span(), False
    if match := next((m for m in _POUNDS.finditer(text) if apart(m)), None):
        return round(float(match.group(1)) * 0.4536), match.span(), True
    for match in _BARE_WEIGHT.finditer(text):
        if not apart(match):
            continue
        if _WEIGHT_WORD.search(text[: match.start()][-20:]):
            value = float(match.group(1))
            if language == "zh" and value >= 100:
                return value / 2, match.span(), False  # 体重130: jin, as China weighs
            if language == "en" and value >= 120:
                return round(value * 0.4536), match.span(), True  # "I weigh 165": pounds
            return value, match.span(), False
    return None


def body_measures(text: str, language: str) -> Body | None:
    """The shopper's height and weight, when the message gives both."""
    text = text.translate(_DIGITS)
    height = _height(text)
    if height is None:
        return None
    weight = _weight(text, language, height[1])
    if weight is None or not 35 <= weight[0] <= 200:
        return None
    imperial = height[2] or weight[2]
    written = ("", "")
    if imperial:
        inches = round(height[0] / 2.54)
        feet = text[height[1][0] : height[1][1]] if height[2] else f"{inches // 12}'{inches % 12}\""
        pounds = re.search(r"\d+", text[weight[1][0] : weight[1][1]]) if weight[2] else None
        written = (
            re.sub(r"\s+", " ", feet).strip() if height[2] else feet,
            f"{pounds.group(0)} lb" if pounds else f"{round(weight[0] / 0.4536)} lb",
        )
    return Body(height[0], weight[0], imperial, (height[1], weight[1]), written)


def without_body(text: str, body: Body | None) -> str:
    """``text`` with the height and weight blanked, so their numbers are not sizes."""
    if body is None:
        return text
    chars = list(text)
    for start, end in body.spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_LETTERS = ("XS", "S", "M", "L", "XL", "XXL")
# The heaviest weight (kg) and the tallest height (cm) each letter fits, men's and
# women's tops; above the last, XXL.
_MEN_WEIGHT = (57, 68, 77, 86, 98)
_MEN_HEIGHT = (165, 173, 179, 186, 192)
_WOMEN_WEIGHT = (48, 56, 65, 74, 84)
_WOMEN_HEIGHT = (156, 163, 169, 175, 181)


def _band(value: float, limits: tuple[int, ...]) -> int:
    return next((index for index, limit in enumerate(limits) if value <= limit), len(limits))


def estimate(height: float, weight: float, men: bool) -> tuple[str, str | None]:
    """The letter that usually fits, and the next one up when the height calls for more
    length or room (None when it does not)."""
    by_weight = _band(weight, _MEN_WEIGHT if men else _WOMEN_WEIGHT)
    by_height = _band(height, _MEN_HEIGHT if men else _WOMEN_HEIGHT)
    letter = _LETTERS[by_weight]
    bigger = _LETTERS[by_weight + 1] if by_height > by_weight and by_weight + 1 < 6 else None
    return letter, bigger


# The fit sentence, the size phrase (letter, men's or women's, EU sizes), "or" between two
# phrases, the looser-fit sentence and the measurements that decide.
_FIT = {
    "en": "For {height} and {weight}, {size} usually fits.",
    "es": "Con {height} y {weight}, lo normal es {size}.",
    "fr": "Pour {height} et {weight}, {size} convient en général.",
    "de": "Bei {height} und {weight} passt meist {size}.",
    "it": "Con {height} e {weight} di solito va bene {size}.",
    "pt": "Com {height} e {weight}, normalmente serve {size}.",
    "nl": "Bij {height} en {weight} past meestal {size}.",
    "pl": "Przy wzroście {height} i wadze {weight} zwykle pasuje {size}.",
    "ru": "При росте {height} и весе {weight} обычно подходит {size}.",
    "tr": "Boyunuz {height}, kilonuz {weight} ise genellikle {size} uygun olur.",
    "ja": "身長{height}・体重{weight}でしたら、{size}が目安です。",
    "ko": "키 {height}, 몸무게 {weight}이시면 보통 {size}가 맞습니다.",
    "zh": "身高{height}、体重{weight}的话，一般穿{size}。",
    "ar": "بطول {height} ووزن {weight} يناسبك عادةً {size}.",
}
_SIZE = {  # {letter}, {eu}; men's then women's
    "en": ("a men's {letter} (about EU {eu})", "a women's {letter} (about EU {eu})"),
    "es": ("una {letter} de hombre (aprox. EU {eu})", "una {letter} de mujer (aprox. EU {eu})"),
    "fr": ("un {letter} homme (environ EU {eu})", "un {letter} femme (environ EU {eu})"),
    "de": ("Größe {letter} (Herren, etwa EU {eu})", "Größe {letter} (Damen, etwa EU {eu})"),
    "it": ("la {letter} da uomo (circa EU {eu})", "la {letter} da donna (circa EU {eu})"),
    "pt": (
        "o tamanho {letter} masculino (cerca de EU {eu})",
        "o tamanho {letter} feminino (cerca de EU {eu})",
    ),
    "nl": (
        "maat {letter} voor heren (ongeveer EU {eu})",
        "maat {letter} voor dames (ongeveer EU {eu})",
    ),
    "pl": ("męski rozmiar {letter} (ok. EU {eu})", "damski rozmiar {letter} (ok. EU {eu})"),
    "ru": (
        "мужской размер {letter} (примерно EU {eu})",
        "женский размер {letter} (примерно EU {eu})",
    ),
    "tr": ("erkek {letter} beden (yaklaşık EU {eu})", "kadın {letter} beden (yaklaşık EU {eu})"),
    "ja": ("メンズの{letter}サイズ（EU {eu}前後）", "レディースの{letter}サイズ（EU {eu}前後）"),
    "ko": ("남성 {letter} 사이즈(EU {eu} 정도)", "여성 {letter} 사이즈(EU {eu} 정도)"),
    "zh": ("男款{letter}码（约EU {eu}）", "女款{letter}码（约EU {eu}）"),
    "ar": ("المقاس {letter} الرجالي (حوالي EU {eu})", "المقاس {letter} النسائي (حوالي EU {eu})"),
}
_OR = {
    "en": " or ", "es": " o ", "fr": " ou ", "de": " oder ", "it": " o ", "pt": " ou ",
    "nl": " of ", "pl": " lub ", "ru": " или ", "tr": " ya da ", "ja": "または",
    "ko": " 또는 ", "zh": "或", "ar": " أو ",
}  # fmt: skip
_LOOSER = {
    "en": "For a looser fit, take {bigger}.",
    "es": "Si la prefieres más holgada, elige la {bigger}.",
    "fr": "Pour un porté plus ample, prenez le {bigger}.",
    "de": "Wenn Sie es etwas weiter mögen, nehmen Sie {bigger}.",
    "it": "Se la preferisci più comoda, prendi la {bigger}.",
    "pt": "Se preferir mais folgado, escolha o {bigger}.",
    "nl": "Wil je het wat ruimer, kies dan {bigger}.",
    "pl": "Jeśli wolisz luźniejszy krój, wybierz {bigger}.",
    "ru": "Если хотите посвободнее, берите {bigger}.",
    "tr": "Daha rahat bir kesim isterseniz {bigger} bedeni tercih edebilirsiniz.",
    "ja": "ゆったり着たい場合は{bigger}をお選びください。",
    "ko": "여유 있게 입으시려면 {bigger} 사이즈를 추천드립니다.",
    "zh": "想穿得宽松一些可以选{bigger}码。",
    "ar": "وإذا كنت تفضّل قَصّة أوسع فاختر {bigger}.",
}
_DECIDE = {
    "en": "In the end, your chest and waist measurements decide.",
    "es": "Al final, lo que decide es tu contorno de pecho y de cintura.",
    "fr": "Ce sont toutefois vos tours de poitrine et de taille qui décident.",
    "de": "Entscheidend sind am Ende Ihr Brust- und Taillenumfang.",
    "it": "A decidere, però, sono le circonferenze di petto e vita.",
    "pt": "O que decide mesmo são as medidas do peito e da cintura.",
    "nl": "Uiteindelijk bepalen je borst- en tailleomvang de maat.",
    "pl": "Ostatecznie decydują obwód klatki piersiowej i obwód talii.",
    "ru": "Но решающие мерки — обхват груди и обхват талии.",
    "tr": "Yine de asıl belirleyici olan göğüs ve bel ölçünüzdür.",
    "ja": "最終的には胸囲とウエストのサイズでご判断ください。",
    "ko": "최종적으로는 가슴둘레와 허리둘레를 기준으로 골라 주세요.",
    "zh": "最终请以胸围和腰围为准。",
    "ar": "لكن محيط الصدر والخصر هو ما يحسم المقاس في النهاية.",
}
# The EU numbers of each letter (the general chart ``sizes`` gives in full)
_EU = {
    True: {"XS": "44", "S": "46", "M": "48-50", "L": "52-54", "XL": "56", "XXL": "58"},
    False: {"XS": "30-32", "S": "34-36", "M": "38-40", "L": "42-44", "XL": "46-48", "XXL": "50"},
}
_CM_LANGUAGES = {"pl", "ru", "tr", "ja", "ko", "zh", "ar"}
_UNITS = {"ru": ("см", "кг"), "ar": ("سم", "كغ")}


def _height_text(body: Body, language: str) -> str:
    if language == "en" and body.imperial:
        return body.written[0]
    cm_unit = _UNITS.get(language, ("cm", "kg"))[0]
    if language in _CM_LANGUAGES:
        return (
            f"{body.height:.0f} {cm_unit}"
            if language not in {"ja", "ko", "zh"}
            else f"{body.height:.0f}cm"
        )
    locale = language if language in _FIT else "en"
    return format_decimal(body.height / 100, format="0.00", locale=locale) + " m"


def _weight_text(body: Body, language: str) -> str:
    if language == "en" and body.imperial:
        return body.written[1]
    kg_unit = _UNITS.get(language, ("cm", "kg"))[1]
    locale = language if language in _FIT else "en"
    written = format_decimal(body.weight, format="#,##0.#", locale=locale)
    return f"{written}kg" if language in {"ja", "ko", "zh"} else f"{written} {kg_unit}"


def body_advice(body: Body, language: str, men: bool | None) -> str:
    """The size that usually fits this height and weight, in ``language``: men's or
    women's as the message says, both when it does not."""
    lang = language if language in _FIT else "en"
    phrases, looser = [], ""
    for is_men in (True, False) if men is None else (men,):
        letter, bigger = estimate(body.height, body.weight, is_men)
        phrase = _SIZE[lang][0 if is_men else 1]
        phrases.append(phrase.format(letter=letter, eu=_EU[is_men][letter]))
        if men is not None and bigger:
            looser = _LOOSER[lang].format(bigger=bigger)
    fit = _FIT[lang].format(
        height=_height_text(body, lang),
        weight=_weight_text(body, lang),
        size=_OR[lang].join(phrases),
    )
    return sentences(lang, fit, looser, _DECIDE[lang])
