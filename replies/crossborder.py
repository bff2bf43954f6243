"""Cross-border facts the answers state: size conversion, mains voltage and plug types.

They fill ``{size_advice}`` (from the size the shopper mentions) and ``{plug_advice}``
(from the shopper's country). Figures are written compactly with international units
and system labels (EU, US, UK, JP, CN, V, Hz), so one line reads in every language;
only a few words are translated.

    size_advice("Do you have it in EU 42? I wear that in sneakers", "en")
    # "EU 42 ≈ US 9 (men) / 10.5 (women) · UK 8 · JP 27 cm · CN 42"
    plug_advice("JP", "en")   # "🇯🇵 JP: 100 V, 50/60 Hz, plug type A/B"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Shoe sizes by foot length, unisex UK/EU/CN, US men; US women = US men + 1.5.
# (JP cm, US men, UK, EU) — typical brand-average charts; brands vary by half a size.
_SHOES: tuple[tuple[float, float, float, float], ...] = (
    (22.0, 3.5, 3, 35),
    (22.5, 4, 3.5, 36),
    (23.0, 4.5, 4, 36.5),
    (23.5, 5, 4.5, 37.5),
    (24.0, 5.5, 5, 38),
    (24.5, 6, 5.5, 38.5),
    (25.0, 6.5, 6, 39),
    (25.5, 7, 6.5, 40),
    (26.0, 7.5, 7, 40.5),
    (26.5, 8, 7.5, 41),
    (27.0, 9, 8, 42),
    (27.5, 9.5, 8.5, 43),
    (28.0, 10, 9, 44),
    (28.5, 10.5, 9.5, 44.5),
    (29.0, 11, 10, 45),
    (29.5, 11.5, 10.5, 45.5),
    (30.0, 12, 11, 46),
    (31.0, 13, 12, 47.5),
)
_WOMEN_OFFSET = 1.5


@dataclass(frozen=True)
class _Clothing:
    letter: str
    us: str
    uk: str
    eu: str
    jp: str
    cn: str


# Women's and men's clothing; JP/CN letter sizes run about one size smaller.
_WOMEN = (
    _Clothing("XS", "0-2", "4-6", "32-34", "5", "155/80A"),
    _Clothing("S", "4-6", "8-10", "36-38", "7", "160/84A"),
    _Clothing("M", "8-10", "12-14", "40-42", "9-11", "165/88A"),
    _Clothing("L", "12-14", "16-18", "44-46", "13-15", "170/92A"),
    _Clothing("XL", "16-18", "20-22", "48-50", "17", "175/96A"),
    _Clothing("XXL", "20", "24", "52", "19", "180/100A"),
)
_MEN = (
    _Clothing("XS", "34", "34", "44", "S", "160/80A"),
    _Clothing("S", "36", "36", "46", "M", "165/84A"),
    _Clothing("M", "38-40", "38-40", "48-50", "L", "170/88A"),
    _Clothing("L", "42-44", "42-44", "52-54", "XL", "175/92A"),
    _Clothing("XL", "46", "46", "56", "XXL", "180/96A"),
    _Clothing("XXL", "48", "48", "58", "3XL", "185/100A"),
)

_WORDS = {  # men, women, chest (inches)
    "en": ("men", "women"),
    "es": ("hombre", "mujer"),
    "fr": ("homme", "femme"),
    "de": ("Herren", "Damen"),
    "it": ("uomo", "donna"),
    "pt": ("masculino", "feminino"),
    "nl": ("heren", "dames"),
    "pl": ("męskie", "damskie"),
    "ru": ("муж.", "жен."),
    "tr": ("erkek", "kadın"),
    "ja": ("メンズ", "レディース"),
    "ko": ("남성", "여성"),
    "zh": ("男款", "女款"),
    "ar": ("رجالي", "نسائي"),
}
_PLUG_WORD = {
    "en": "plug type",
    "es": "enchufe tipo",
    "fr": "prise type",
    "de": "Steckertyp",
    "it": "spina tipo",
    "pt": "tomada tipo",
    "nl": "stekkertype",
    "pl": "wtyczka typu",
    "ru": "тип вилки",
    "tr": "fiş tipi",
    "ja": "プラグ形状",
    "ko": "플러그 타입",
    "zh": "插头类型",
    "ar": "نوع القابس",
}

_SHOE_WORDS = re.compile(
    r"shoe|sneaker|trainer|boot|sandal|heel|loafer|zapat|zapatilla|bota|chaussure|basket|"
    r"schuh|stiefel|scarp|stival|sapat|t[eê]nis|schoen|laars|but[óy]|obuw|обув|ботин|"
    r"кроссов|туфл|ayakkab|bot |靴|スニーカー|ブーツ|신발|운동화|구두|鞋|حذاء|أحذية|cm",
    re.IGNORECASE,
)
_CLOTHES_WORDS = re.compile(
    r"dress|shirt|jean|pant|trouser|skirt|jacket|coat|blouse|sweater|hoodie|vestido|camis|"
    r"falda|chaqueta|robe|jupe|veste|manteau|kleid|hemd|hose|rock|jacke|abito|gonna|giacca|"
    r"calç|saia|jurk|broek|sukienk|spodni|плать|рубаш|брюк|куртк|elbise|gömlek|pantolon|"
    r"ceket|服|ワンピース|シャツ|옷|원피스|셔츠|衣|裙|裤|فستان|قميص",
    re.IGNORECASE,
)
_MEN_WORDS = re.compile(
    r"\bmen|\bmale|\bman\b|hombre|caballero|homme|herren|uomo|masculin|heren|męsk|мужск|"
    r"erkek|メンズ|男|남성|رجال",
    re.IGNORECASE,
)
_WOMEN_WORDS = re.compile(
    r"women|female|woman|lady|ladies|mujer|dama|femme|damen|donna|feminin|dames|damsk|"
    r"женск|kadın|レディース|女|여성|نسائ",
    re.IGNORECASE,
)

_SYSTEM = r"(US|USA|UK|EU|EUR|JP|JPN|CN)"
_NUMBER = r"(\d{1,2}(?:[.,]5)?)"
_SYSTEM_FIRST = re.compile(
    rf"(?<![A-Za-z]){_SYSTEM}\s*(?:size\s*)?(?:(men|women|m|w)'?s?\s*)?{_NUMBER}(?![\d/])",
    re.IGNORECASE,
)
_NUMBER_FIRST = re.compile(rf"(?<![\d.,]){_NUMBER}\s*{_SYSTEM}(?![A-Za-z])", re.IGNORECASE)
_CENTIMETRES = re.compile(r"(?<![\d.,])(2\d(?:[.,]5)?)\s*cm(?![A-Za-z])", re.IGNORECASE)
_LETTER = re.compile(r"(?<![A-Za-z0-9-])(XXL|2XL|XL|XS|L|M|S)(?![A-Za-z0-9-])")
_SIZE_CONTEXT = re.compile(
    r"size|talla|taille|gr[öo]ß|taglia|tamanho|maat|rozmiar|размер|beden|numara|サイズ|"
    r"사이즈|치수|尺码|码|مقاس",
    re.IGNORECASE,
)


def _fmt(value: float) -> str:
    return f"{value:g}"


def _nearest_shoe(system: str, value: float, women: bool) -> tuple[float, ...] | None:
    column = {"JP": 0, "US": 1, "UK": 2, "EU": 3, "CN": 3}[system]
    if system == "US" and women:
        value -= _WOMEN_OFFSET
    row = min(_SHOES, key=lambda r: abs(r[column] - value))
    return row if abs(row[column] - value) <= 1 else None


def _shoe_line(system: str, value: float, language: str, women: bool | None) -> str | None:
    row = _nearest_shoe(system, value, bool(women))
    if row is None:
        return None
    jp, us_men, uk, eu = row
    men_word, women_word = _WORDS.get(language, _WORDS["en"])
    if women is None:
        us = f"US {_fmt(us_men)} ({men_word}) / {_fmt(us_men + _WOMEN_OFFSET)} ({women_word})"
    else:
        us = f"US {_fmt(us_men + _WOMEN_OFFSET if women else us_men)}"
    parts = {
        "US": us,
        "UK": f"UK {_fmt(uk)}",
        "EU": f"EU {_fmt(eu)}",
        "JP": f"JP {_fmt(jp)} cm",
        "CN": f"CN {_fmt(eu)}",
    }
    source = f"{system} {_fmt(value)}" + (" cm" if system == "JP" else "")
    if system == "US":
        source += f" ({women_word if women else men_word})"
    return source + " ≈ " + " · ".join(v for k, v in parts.items() if k != system)


def _clothing_line(letter: str, language: str, men: bool) -> str:
    table = _MEN if men else _WOMEN
    row = next(r for r in table if r.letter == letter)
    label = _WORDS.get(language, _WORDS["en"])[0 if men else 1]
    return (
        f"{letter} ({label}) ≈ US {row.us} · UK {row.uk} · EU {row.eu} · JP {row.jp} · CN {row.cn}"
    )


def _clothing_by_number(system: str, value: float) -> str | None:
    column = {"US": "us", "UK": "uk", "EU": "eu"}.get(system)
    if column is None:
        return None
    for row in _WOMEN:
        bounds = [float(x) for x in getattr(row, column).split("-")]
        if bounds[0] - 1 <= value <= bounds[-1] + 1:
            return row.letter
    return None


def size_advice(text: str, language: str) -> str | None:
    """The converted sizes for the size mentioned in ``text``, or None if none is found."""
    men = bool(_MEN_WORDS.search(text)) and not _WOMEN_WORDS.search(text)
    women = True if _WOMEN_WORDS.search(text) and not men else (False if men else None)
    shoes = bool(_SHOE_WORDS.search(text))
    found: tuple[str, float] | None = None
    if match := _SYSTEM_FIRST.search(text) or _NUMBER_FIRST.search(text):
        if match.re is _SYSTEM_FIRST:
            system, marker, number = match.groups()
            if marker:
                women = marker.lower().startswith("w")
                men = not women
        else:
            number, system = match.groups()
        system = {"USA": "US", "EUR": "EU", "JPN": "JP"}.get(system.upper(), system.upper())
        found = (system, float(number.replace(",", ".")))
    elif match := _CENTIMETRES.search(text):
        found, shoes = ("JP", float(match.group(1).replace(",", "."))), True
    if found:
        system, value = found
        if not shoes and (
            _CLOTHES_WORDS.search(text) or _nearest_shoe(system, value, False) is None
        ):
            letter = _clothing_by_number(system, value)
            if letter:
                return _clothing_line(letter, language, men)
        return _shoe_line(system, value, language, women)
    letter_match = _LETTER.search(text)
    if letter_match and (_SIZE_CONTEXT.search(text) or len(text.split()) <= 3):
        size = "XXL" if letter_match.group(1) == "2XL" else letter_match.group(1)
        return _clothing_line(size, language, men)
    return None


# ISO 3166-1 alpha-2 -> (volts, hertz, plug types). Sources: IEC World Plugs tables.
MAINS: dict[str, tuple[str, str, str]] = {
    "US": ("120", "60", "A/B"),
    "CA": ("120", "60", "A/B"),
    "MX": ("127", "60", "A/B"),
    "BR": ("127/220", "60", "C/N"),
    "AR": ("220", "50", "C/I"),
    "CL": ("220", "50", "C/L"),
    "CO": ("110", "60", "A/B"),
    "PE": ("220", "60", "A/B/C"),
    "VE": ("120", "60", "A/B"),
    "GB": ("230", "50", "G"),
    "IE": ("230", "50", "G"),
    "FR": ("230", "50", "C/E"),
    "DE": ("230", "50", "C/F"),
    "ES": ("230", "50", "C/F"),
    "IT": ("230", "50", "C/F/L"),
    "PT": ("230", "50", "C/F"),
    "NL": ("230", "50", "C/F"),
    "BE": ("230", "50", "C/E"),
    "LU": ("230", "50", "C/F"),
    "CH": ("230", "50", "C/J"),
    "AT": ("230", "50", "C/F"),
    "DK": ("230", "50", "C/E/F/K"),
    "SE": ("230", "50", "C/F"),
    "NO": ("230", "50", "C/F"),
    "FI": ("230", "50", "C/F"),
    "IS": ("230", "50", "C/F"),
    "PL": ("230", "50", "C/E"),
    "CZ": ("230", "50", "C/E"),
    "SK": ("230", "50", "C/E"),
    "HU": ("230", "50", "C/F"),
    "RO": ("230", "50", "C/F"),
    "BG": ("230", "50", "C/F"),
    "GR": ("230", "50", "C/F"),
    "HR": ("230", "50", "C/F"),
    "SI": ("230", "50", "C/F"),
    "RS": ("230", "50", "C/F"),
    "EE": ("230", "50", "C/F"),
    "LV": ("230", "50", "C/F"),
    "LT": ("230", "50", "C/F"),
    "CY": ("230", "50", "G"),
    "MT": ("230", "50", "G"),
    "UA": ("230", "50", "C/F"),
    "RU": ("230", "50", "C/F"),
    "TR": ("230", "50", "C/F"),
    "IL": ("230", "50", "C/H/M"),
    "AE": ("230", "50", "C/D/G"),
    "SA": ("230", "60", "G"),
    "QA": ("240", "50", "D/G"),
    "KW": ("240", "50", "C/G"),
    "EG": ("220", "50", "C/F"),
    "MA": ("220", "50", "C/E"),
    "ZA": ("230", "50", "C/D/M/N"),
    "NG": ("230", "50", "D/G"),
    "KE": ("240", "50", "G"),
    "IN": ("230", "50", "C/D/M"),
    "PK": ("230", "50", "C/D"),
    "BD": ("220", "50", "C/D/G/K"),
    "CN": ("220", "50", "A/C/I"),
    "HK": ("220", "50", "G"),
    "TW": ("110", "60", "A/B"),
    "JP": ("100", "50/60", "A/B"),
    "KR": ("220", "60", "C/F"),
    "SG": ("230", "50", "G"),
    "MY": ("240", "50", "G"),
    "TH": ("230", "50", "A/B/C/O"),
    "VN": ("220", "50", "A/C/D"),
    "ID": ("230", "50", "C/F"),
    "PH": ("220", "60", "A/B/C"),
    "AU": ("230", "50", "I"),
    "NZ": ("230", "50", "I"),
}


def _flag(country: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country)


def plug_advice(country: str | None, language: str) -> str | None:
    """Mains voltage, frequency and plug types of ``country`` (ISO 3166-1 alpha-2)."""
    code = (country or "").strip().upper()
    if code == "UK":
        code = "GB"
    if code not in MAINS:
        return None
    volts, hertz, plugs = MAINS[code]
    word = _PLUG_WORD.get(language, _PLUG_WORD["en"])
    return f"{_flag(code)} {code}: {volts} V, {hertz} Hz, {word} {plugs}"
