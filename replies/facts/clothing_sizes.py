"""Clothes sizes that are not letters: women's dress numbers, China's height/chest sizes,
and Asian letter sizes, which run a size small.

- A women's dress is numbered differently in each country: an Italian 44 is a UK 12, a
  US 8, a German (EU) 38 and a French or Spanish 40 (``dress_line``).
- China labels clothes with height and chest in cm (GB/T 1335: "165/88A"); the chest
  decides the letter size (``chinese_letter``).
- A Japanese, Chinese or Korean letter size is about one size smaller than the same
  letter in Europe and America: a Japanese L is an international M (``western_letter``).

    dress_line("IT", 44, "it", ("UK",))
    # "IT 44 (donna) ≈ UK 12 · US 8 · EU 38 · FR/ES 40 · JP 13."
    chinese_letter(88)            # "M"
    western_letter("L")           # "M"
    choose("JP L", "M", "en")     # "JP L corresponds to an international M, so choose M."
"""

from __future__ import annotations

from babel.numbers import format_decimal

# Women's dress sizes (US, UK, DE/EU, FR/ES, IT, JP), from the conversion chart of
# lazytools.io/blog/clothing-size-guide (2026: "an Italian 44, a French 40 and a German
# 38 hang identically"; US 8 = UK 12 = EU 38 = FR 40 = IT 44 = JP 13), which agrees with
# europeword.com/european-dress-sizes (US + 4 = UK, US + 30 = DE, + 32 = FR, + 36 = IT).
# Spain and Belgium number as France does; Germany, the Netherlands, Scandinavia and
# Poland as the "EU" column.
_DRESS: tuple[tuple[int, ...], ...] = (
    (0, 4, 30, 32, 36, 5),
    (2, 6, 32, 34, 38, 7),
    (4, 8, 34, 36, 40, 9),
    (6, 10, 36, 38, 42, 11),
    (8, 12, 38, 40, 44, 13),
    (10, 14, 40, 42, 46, 15),
    (12, 16, 42, 44, 48, 17),
    (14, 18, 44, 46, 50, 19),
    (16, 20, 46, 48, 52, 21),
    (18, 22, 48, 50, 54, 23),
)
# Russia (and the other post-Soviet countries) numbers a woman's size by half the bust in
# cm, as Italy does: RU 42 (bust 84) = IT 42 = EU 36, RU 46 (bust 92) = EU 40, an M
# (GOST 29295 and the Russian shops' conversion charts: EU = RU - 6, US = RU - 36).
# Brazil numbers women's clothes as France does (BR 36 = US 4, BR 40 = US 8, an M: the
# Brazilian shops' conversion charts).
_DRESS_COLUMNS = {
    "US": 0, "UK": 1, "EU": 2, "DE": 2, "FR": 3, "ES": 3, "IT": 4, "JP": 5, "RU": 4, "BR": 3,
}  # fmt: skip
_DRESS_LABELS = ("US", "UK", "EU", "FR/ES", "IT", "JP")
# The women's letter of a row, by its US size as the general chart in ``sizes`` gives
# them (US 0-2 XS, 4-6 S, 8-10 M, 12-14 L, 16-18 XL): RU 46 = US 10, an M; IT 42 = US 6,
# an S; FR 40 = US 8, an M, as Italian and French shops letter them.
_WOMENS_LETTER = ((2, "XS"), (6, "S"), (10, "M"), (14, "L"), (18, "XL"), (22, "XXL"))

# China's GB/T 1335 sizes by chest girth in cm (men's 170/88A and women's 165/88A are
# both M; a chest between two rows takes the larger).
_CHINESE_CHEST = ((80, "XS"), (84, "S"), (88, "M"), (92, "L"), (96, "XL"), (100, "XXL"))
_LETTERS = ("XS", "S", "M", "L", "XL", "XXL", "3XL")

_CHOOSE = {
    "en": "{given} corresponds to an international {letter}, so choose {letter}.",
    "es": "La talla {given} equivale a una {letter} internacional, así que te recomendamos "
    "la {letter}.",
    "fr": "La taille {given} correspond à un {letter} international : choisissez donc le {letter}.",
    "de": "Größe {given} entspricht einem internationalen {letter}, wählen Sie also {letter}.",
    "it": "La taglia {given} corrisponde a una {letter} internazionale, quindi ti consigliamo "
    "la {letter}.",
    "pt": "O tamanho {given} corresponde a um {letter} internacional, então o {letter} é o "
    "tamanho certo para você.",
    "nl": "Maat {given} komt overeen met een internationale {letter}, dus kies maat {letter}.",
    "pl": "Rozmiar {given} odpowiada międzynarodowemu rozmiarowi {letter}, więc wybierz {letter}.",
    "ru": "Размер {given} соответствует международному размеру {letter}, поэтому выбирайте "
    "{letter}.",
    "tr": "{given} beden, uluslararası {letter} bedene denk gelir; bu yüzden {letter} bedeni "
    "öneririz.",
    "ja": "{given}は国際サイズの{letter}に相当しますので、{letter}をお選びください。",
    "ko": "{given} 사이즈는 국제 사이즈 {letter}에 해당하니 {letter} 사이즈를 선택해 주세요.",
    "zh": "{given}相当于国际尺码{letter}，建议选{letter}码。",
    "ar": "المقاس {given} يعادل المقاس الدولي {letter}، لذا ننصحك باختيار {letter}.",
}
_RUNS_SMALL = {
    "en": "Asian sizes run about one size smaller than international (EU/US) ones.",
    "es": "Las tallas asiáticas suelen ser una talla más pequeñas que las internacionales (EU/US).",
    "fr": "Les tailles asiatiques taillent environ une taille plus petit que les tailles "
    "internationales (EU/US).",
    "de": "Asiatische Größen fallen etwa eine Größe kleiner aus als internationale (EU/US).",
    "it": "Le taglie asiatiche vestono circa una taglia in meno rispetto a quelle "
    "internazionali (EU/US).",
    "pt": "Os tamanhos asiáticos costumam ser cerca de um tamanho menor que os internacionais "
    "(EU/US).",
    "nl": "Aziatische maten vallen ongeveer een maat kleiner uit dan internationale (EU/US).",
    "pl": "Rozmiary azjatyckie są zwykle o jeden rozmiar mniejsze niż międzynarodowe (EU/US).",
    "ru": "Азиатские размеры обычно примерно на один размер меньше международных (EU/US).",
    "tr": "Asya bedenleri, uluslararası (EU/US) bedenlere göre genellikle bir beden küçük "
    "kalıptır.",
    "ja": "日本を含むアジアのサイズは、国際サイズ（EU/US）より1サイズほど小さめです。",
    "ko": "아시아 사이즈는 국제 사이즈(EU/US)보다 한 치수 정도 작게 나옵니다.",
    "zh": "亚洲尺码通常比国际尺码（EU/US）小一个码左右。",
    "ar": "المقاسات الآسيوية أصغر عادةً بمقاس واحد تقريباً من المقاسات الدولية (EU/US).",
}


def _dress_row(system: str, value: float) -> tuple[int, ...] | None:
    column = _DRESS_COLUMNS.get(system)
    if column is None:
        return None
    row = min(_DRESS, key=lambda r: (abs(r[column] - value), -r[column]))
    return row if abs(row[column] - value) <= 1 else None


def dress_row(system: str, value: float) -> dict[str, int] | None:
    """A women's size in every system ({"US": 6, "UK": 10, "EU": 36, "FR/ES": 38, "IT":
    42, "JP": 11, "RU": 42}); None when off the chart."""
    row = _dress_row(system, value)
    if row is None:
        return None
    return dict(zip(_DRESS_LABELS, row, strict=True)) | {"RU": row[4]}


def womens_letter(system: str, value: float) -> str | None:
    """The women's letter of a numbered size (RU 46 -> "M", FR 40 -> "M", UK 8 -> "S")."""
    row = _dress_row(system, value)
    if row is None:
        return None
    return next((letter for top, letter in _WOMENS_LETTER if row[0] <= top), None)


def dress_line(
    system: str, value: float, language: str, label: str, first: tuple[str, ...] = ()
) -> str | None:
    """A women's dress size in every system, the ones in ``first`` (asked for) first;
    None when ``system`` has no column or the size is off the chart. A Russian size is
    given with the EU one first."""
    column = _DRESS_COLUMNS.get(system)
    row = _dress_row(system, value)
    if column is None or row is None:
        return None
    parts = {
        name: f"{name} {row[index]}"
        for index, name in enumerate(_DRESS_LABELS)
        if index != column or system == "RU"
    }
    if system == "RU":
        first = (*first, "EU")
    elif language == "ru" or "RU" in first:  # a Russian shopper's own size, too
        parts["RU"] = f"RU {row[4]}"
    order = [name for name in parts if name.split("/")[0] in first or name in first]
    order += [name for name in parts if name not in order]
    written = format_decimal(value, format="#,##0.#", locale=_locale(language))
    stop = "。" if language in {"ja", "zh"} else "."
    source = "EU" if system == "DE" else system
    return f"{source} {written} ({label}) ≈ " + " · ".join(parts[n] for n in order) + stop


def chinese_letter(chest: int) -> str | None:
    """The letter size of a Chinese height/chest size's chest (88 -> "M")."""
    for girth, letter in _CHINESE_CHEST:
        if chest <= girth + 1:
            return letter if chest >= _CHINESE_CHEST[0][0] - 4 else None
    return None


def western_letter(letter: str) -> str:
    """The international letter of a Japanese, Chinese or Korean one: a size smaller."""
    index = _LETTERS.index(letter) if letter in _LETTERS else 0
    return _LETTERS[max(index - 1, 0)]


def choose(given: str, letter: str, language: str) -> str:
    """ "{given} corresponds to an international {letter}, so choose {letter}." """
    return _CHOOSE.get(language, _CHOOSE["en"]).format(given=given, letter=letter)


def runs_small(language: str) -> str:
    """That Asian sizes run about one size small."""
    return _RUNS_SMALL.get(language, _RUNS_SMALL["en"])


def _locale(language: str) -> str:
    return language if language in _CHOOSE else "en"


# A number written without a system is read in the system of the shopper's language or
# country (a Russian's 46 is Russian, an Italian's 42 Italian); the answer says so after
# the conversion, and names the letter when there is one letter to name.
_ASSUMED: dict[str, dict[str, str]] = {
    "en": {
        "US": "We've read {value} as a US size",
        "UK": "We've read {value} as a UK size",
    },
    "es": {
        "ES": "Hemos tomado la {value} como talla española",
        "US": "Hemos tomado la {value} como talla estadounidense",
    },
    "fr": {
        "FR": "Nous avons considéré le {value} comme une taille française",
        "US": "Nous avons considéré le {value} comme une taille américaine",
        "EU": "Nous avons considéré le {value} comme une taille européenne",
    },
    "de": {"EU": "Wir sind bei {value} von einer deutschen Größe ausgegangen"},
    "it": {"IT": "Abbiamo considerato la {value} come taglia italiana"},
    "pt": {
        "EU": "Consideramos o {value} como tamanho europeu",
        "BR": "Consideramos o {value} como tamanho brasileiro",
    },
    "nl": {"EU": "We zijn bij {value} uitgegaan van een Europese maat"},
    "pl": {"EU": "Przyjęliśmy, że {value} to rozmiar europejski"},
    "ru": {"RU": "Мы исходили из того, что {value} — российский размер"},
    "tr": {"EU": "{value} bedeni Avrupa bedeni olarak değerlendirdik"},
    "ko": {"KR": "말씀하신 {value} 사이즈는 한국 사이즈로 보고 안내해 드렸습니다"},
    "ar": {"EU": "اعتبرنا المقاس {value} مقاساً أوروبياً"},
}
_ABOUT = {
    "en": ", which is about {letter}.",
    "es": ": equivale más o menos a una {letter}.",
    "fr": ", soit à peu près un {letter}.",
    "de": ", das entspricht etwa {letter}.",
    "it": ": corrisponde più o meno a una {letter}.",
    "pt": ", que equivale mais ou menos ao {letter}.",
    "nl": ", dat is ongeveer een {letter}.",
    "pl": ", czyli mniej więcej {letter}.",
    "ru": "; по международной шкале это примерно {letter}.",
    "tr": "; yaklaşık {letter} bedene denk gelir.",
    "ko": ". 국제 사이즈로는 {letter} 정도입니다.",
    "ar": "، وهو يعادل تقريباً المقاس {letter}.",
}


def assumed(system: str, value: float, letter: str, language: str) -> str:
    """That a size written without a system was read as ``system``'s, with its letter
    when ``letter`` is one; "" when the language has no sentence for that system."""
    template = _ASSUMED.get(language, {}).get(system)
    if not template:
        return ""
    written = format_decimal(value, format="#,##0.#", locale=_locale(language))
    about = _ABOUT[language].format(letter=letter) if letter else "."
    return template.format(value=written) + about
