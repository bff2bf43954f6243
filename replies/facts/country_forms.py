"""A country's name as a sentence needs it: "to Switzerland", "au Canada", "in die Schweiz".

Fact sentences name the shopper's country ("Delivery to Japan takes ...", "Pour une
livraison en Suisse, ..."). CLDR (Babel) gives the bare name in the nominative, and a
sentence built around it read like a form: "Per le consegne nel tuo paese (Svizzera)",
"Ülkenize (Türkiye)". Here each language gets the two phrases the sentences use, the
preposition and article included, as a native agent writes them:

- ``to``: where an order goes ("to the United States", "a Suiza", "al Reino Unido",
  "au Canada", "aux États-Unis", "nach Österreich", "in die Schweiz", "in Svizzera",
  "negli Stati Uniti", "para o Brasil", "naar de Verenigde Staten", "do Niemiec",
  "в Германию", "Almanya'ya", "إلى سويسرا");
- ``in``: where something holds ("in der Schweiz", "no Brasil", "w Niemczech",
  "в Германии", "Almanya'da", "في سويسرا").

Japanese, Korean and Chinese take the bare name and their particle in the sentence
("スイスへの", "스위스까지", "寄往瑞士").

The base names always come from CLDR (``replies.facts.names.country_name``); what is
written here is grammar: genders, articles and prepositions by rule (French, Italian,
Portuguese, German, Dutch, Spanish, English), Turkish case suffixes by vowel harmony, and
the Polish and Russian case forms, which no rule derives, as a table for the countries a
European or Asian store ships to most. A Polish or Russian country outside the table is
not named: the sentence says "your country" ("do Twojego kraju", "в вашу страну"), which
needs no declension.

    to_country("CA", "fr")   # "au Canada"
    to_country("CH", "de")   # "in die Schweiz"
    in_country("DE", "pl")   # "w Niemczech"
    to_country("US", "tr")   # "ABD'ye"
"""

from __future__ import annotations

import re
import unicodedata

from replies.facts.names import country_name

# ---------------------------------------------------------------------------- English
# Names that take "the" ("to the United States", "in the Netherlands").
_ENGLISH_THE = frozenset(
    {"US", "GB", "NL", "AE", "PH", "DO", "BS", "MV", "CD", "CF", "GM", "IC", "KM", "SC", "VA"}
)

# ---------------------------------------------------------------------------- Spanish
# Names that keep their article ("al Reino Unido", "a los Países Bajos"); Spanish writes
# "a Estados Unidos" without one, as CLDR's name has it.
_SPANISH_ARTICLE = {
    "GB": "el",
    "NL": "los",
    "AE": "los",
    "DO": "la",
    "BS": "las",
    "MV": "las",
    "CD": "la",
    "CF": "la",
}
_SPANISH_CONTRACTION = re.compile(r"\b(a|de) el\b")

# ---------------------------------------------------------------------------- French
# Islands and city states take no article: "à Chypre", "à Singapour", "à Taïwan".
_FRENCH_NO_ARTICLE = frozenset(
    {"CY", "MT", "SG", "HK", "MO", "MC", "TW", "CU", "MG", "MU", "BH", "SM", "LC", "PR", "DJ"}
    | {"TT", "KN", "VC", "AG", "OM", "JE", "GG", "AW", "CW", "GI", "GU", "MS", "AI"}
    | {"YT", "WF", "TA", "DG", "EA", "CQ"}
)
# Islands that keep their article: "à la Barbade", "à la Grenade", "à la Dominique".
_FRENCH_A_LA = frozenset({"BB", "GD", "DM"})
# Masculine names ending in "e" ("au Mexique", "au Royaume-Uni", "au Cambodge").
_FRENCH_MASCULINE_E = frozenset({"GB", "MX", "KH", "MZ", "ZW", "BZ", "SR", "VA"})
# Singular names ending in "s" ("au Laos", "au Honduras").
_FRENCH_SINGULAR_S = frozenset({"LA", "HN", "BY"})
# Plural names not ending in "s" ("aux Fidji").
_FRENCH_PLURAL = frozenset({"FJ", "AS", "TK"})
# "Haïti" starts with a mute h ("en Haïti"); "Honduras" with an aspirated one.
_FRENCH_MUTE_H = frozenset({"HT"})

# ---------------------------------------------------------------------------- Italian
# "a Cipro", "a Singapore", "a Hong Kong".
_ITALIAN_A = frozenset({"CY", "MT", "SG", "HK", "MO", "MC", "TW", "CU", "MU", "SM"})
_ITALIAN_PLURAL_MASCULINE = frozenset({"US", "NL", "AE"})
_ITALIAN_PLURAL_FEMININE = frozenset({"PH", "MV", "BS", "SC", "IC", "KM", "FJ"})
# Names that keep an article in the singular ("nel Regno Unito", "nella Repubblica Ceca").
_ITALIAN_ARTICLED = re.compile(r"^(Regno|Repubblica|Città)\b")

# ---------------------------------------------------------------------------- Portuguese
# Names without an article ("para Portugal", "em Israel", "para Chipre").
_PORTUGUESE_NO_ARTICLE = frozenset(
    {"PT", "IL", "CV", "MZ", "AO", "CU", "MT", "CY", "SG", "HK", "MO", "MC", "AD", "TL", "ST"}
    | {"TW", "HN", "MA", "MG", "SM", "PR", "OM", "BB", "TT"}
)
# Masculine names ending in "a" ("o Camboja", "o Quênia", "o Gana").
_PORTUGUESE_MASCULINE_A = frozenset({"KH", "KE", "GH"})
# Feminine names not ending in "a" ("a Guiné").
_PORTUGUESE_FEMININE = frozenset({"GN", "GW", "GQ"})

# ---------------------------------------------------------------------------- German
# Names that take an article: feminine ("in die Schweiz", "in der Schweiz"), masculine
# ("in den Iran", "im Iran"), neuter ("ins Vereinigte Königreich") and plural ("in die
# Vereinigten Staaten", "in den Niederlanden"); the others take "nach" and "in".
_GERMAN_FEMININE = frozenset({"CH", "TR", "SK", "UA", "MN", "DO", "CF"})
_GERMAN_MASCULINE = frozenset({"IR", "IQ", "LB", "SD", "YE", "TD", "VA"})
_GERMAN_NEUTER = frozenset({"GB"})
_GERMAN_PLURAL = frozenset({"US", "NL", "AE", "PH", "MV", "BS", "SC", "KM", "IC"})
# Islands go "auf die" and are "auf den" ("auf die Philippinen", "auf den Kanarischen Inseln").
_GERMAN_ISLANDS = frozenset({"PH", "MV", "BS", "SC", "KM", "IC"})

# ---------------------------------------------------------------------------- Dutch
_DUTCH_DE = frozenset({"US", "AE", "PH", "MV", "BS", "DO", "CF", "SC", "KM", "IC"})
_DUTCH_HET = frozenset({"GB"})

# ---------------------------------------------------------------------------- Polish
# code -> (CLDR's nominative, "to", "in"). The nominative ties the forms to the name CLDR
# gives: should it change, the sentence falls back to "your country" rather than pair a
# new name with old forms.
_POLISH: dict[str, tuple[str, str, str]] = {
    "AT": ("Austria", "do Austrii", "w Austrii"),
    "BE": ("Belgia", "do Belgii", "w Belgii"),
    "BG": ("Bułgaria", "do Bułgarii", "w Bułgarii"),
    "HR": ("Chorwacja", "do Chorwacji", "w Chorwacji"),
    "CY": ("Cypr", "na Cypr", "na Cyprze"),
    "CZ": ("Czechy", "do Czech", "w Czechach"),
    "DK": ("Dania", "do Danii", "w Danii"),
    "EE": ("Estonia", "do Estonii", "w Estonii"),
    "FI": ("Finlandia", "do Finlandii", "w Finlandii"),
    "FR": ("Francja", "do Francji", "we Francji"),
    "DE": ("Niemcy", "do Niemiec", "w Niemczech"),
    "GR": ("Grecja", "do Grecji", "w Grecji"),
    "HU": ("Węgry", "na Węgry", "na Węgrzech"),
    "IE": ("Irlandia", "do Irlandii", "w Irlandii"),
    "IT": ("Włochy", "do Włoch", "we Włoszech"),
    "LV": ("Łotwa", "na Łotwę", "na Łotwie"),
    "LT": ("Litwa", "na Litwę", "na Litwie"),
    "LU": ("Luksemburg", "do Luksemburga", "w Luksemburgu"),
    "MT": ("Malta", "na Maltę", "na Malcie"),
    "NL": ("Holandia", "do Holandii", "w Holandii"),
    "PL": ("Polska", "do Polski", "w Polsce"),
    "PT": ("Portugalia", "do Portugalii", "w Portugalii"),
    "RO": ("Rumunia", "do Rumunii", "w Rumunii"),
    "SK": ("Słowacja", "na Słowację", "na Słowacji"),
    "SI": ("Słowenia", "do Słowenii", "w Słowenii"),
    "ES": ("Hiszpania", "do Hiszpanii", "w Hiszpanii"),
    "SE": ("Szwecja", "do Szwecji", "w Szwecji"),
    "GB": ("Wielka Brytania", "do Wielkiej Brytanii", "w Wielkiej Brytanii"),
    "CH": ("Szwajcaria", "do Szwajcarii", "w Szwajcarii"),
    "NO": ("Norwegia", "do Norwegii", "w Norwegii"),
    "IS": ("Islandia", "na Islandię", "na Islandii"),
    "LI": ("Liechtenstein", "do Liechtensteinu", "w Liechtensteinie"),
    "MC": ("Monako", "do Monako", "w Monako"),
    "US": ("Stany Zjednoczone", "do Stanów Zjednoczonych", "w Stanach Zjednoczonych"),
    "CA": ("Kanada", "do Kanady", "w Kanadzie"),
    "MX": ("Meksyk", "do Meksyku", "w Meksyku"),
    "BR": ("Brazylia", "do Brazylii", "w Brazylii"),
    "AR": ("Argentyna", "do Argentyny", "w Argentynie"),
    "CL": ("Chile", "do Chile", "w Chile"),
    "AU": ("Australia", "do Australii", "w Australii"),
    "NZ": ("Nowa Zelandia", "do Nowej Zelandii", "w Nowej Zelandii"),
    "JP": ("Japonia", "do Japonii", "w Japonii"),
    "KR": ("Korea Południowa", "do Korei Południowej", "w Korei Południowej"),
    "CN": ("Chiny", "do Chin", "w Chinach"),
    "TW": ("Tajwan", "na Tajwan", "na Tajwanie"),
    "HK": ("Hongkong", "do Hongkongu", "w Hongkongu"),
    "MO": ("Makau", "do Makau", "w Makau"),
    "SG": ("Singapur", "do Singapuru", "w Singapurze"),
    "IN": ("Indie", "do Indii", "w Indiach"),
    "TH": ("Tajlandia", "do Tajlandii", "w Tajlandii"),
    "TR": ("Turcja", "do Turcji", "w Turcji"),
    "UA": ("Ukraina", "do Ukrainy", "w Ukrainie"),
    "BY": ("Białoruś", "na Białoruś", "na Białorusi"),
    "RU": ("Rosja", "do Rosji", "w Rosji"),
    "RS": ("Serbia", "do Serbii", "w Serbii"),
    "IL": ("Izrael", "do Izraela", "w Izraelu"),
    "AE": (
        "Zjednoczone Emiraty Arabskie",
        "do Zjednoczonych Emiratów Arabskich",
        "w Zjednoczonych Emiratach Arabskich",
    ),
    "SA": ("Arabia Saudyjska", "do Arabii Saudyjskiej", "w Arabii Saudyjskiej"),
    "EG": ("Egipt", "do Egiptu", "w Egipcie"),
    "MA": ("Maroko", "do Maroka", "w Maroku"),
    "ZA": (
        "Republika Południowej Afryki",
        "do Republiki Południowej Afryki",
        "w Republice Południowej Afryki",
    ),
    "IC": ("Wyspy Kanaryjskie", "na Wyspy Kanaryjskie", "na Wyspach Kanaryjskich"),
    "KZ": ("Kazachstan", "do Kazachstanu", "w Kazachstanie"),
    "GE": ("Gruzja", "do Gruzji", "w Gruzji"),
    "MD": ("Mołdawia", "do Mołdawii", "w Mołdawii"),
    "AM": ("Armenia", "do Armenii", "w Armenii"),
    "AZ": ("Azerbejdżan", "do Azerbejdżanu", "w Azerbejdżanie"),
    "UZ": ("Uzbekistan", "do Uzbekistanu", "w Uzbekistanie"),
    "ME": ("Czarnogóra", "do Czarnogóry", "w Czarnogórze"),
    "AL": ("Albania", "do Albanii", "w Albanii"),
    "BA": ("Bośnia i Hercegowina", "do Bośni i Hercegowiny", "w Bośni i Hercegowinie"),
    "MK": ("Macedonia Północna", "do Macedonii Północnej", "w Macedonii Północnej"),
    "AD": ("Andora", "do Andory", "w Andorze"),
    "SM": ("San Marino", "do San Marino", "w San Marino"),
    "VA": ("Watykan", "do Watykanu", "w Watykanie"),
    "ID": ("Indonezja", "do Indonezji", "w Indonezji"),
    "MY": ("Malezja", "do Malezji", "w Malezji"),
    "VN": ("Wietnam", "do Wietnamu", "w Wietnamie"),
    "PH": ("Filipiny", "na Filipiny", "na Filipinach"),
    "QA": ("Katar", "do Kataru", "w Katarze"),
    "KW": ("Kuwejt", "do Kuwejtu", "w Kuwejcie"),
    "CO": ("Kolumbia", "do Kolumbii", "w Kolumbii"),
    "PE": ("Peru", "do Peru", "w Peru"),
}

# ---------------------------------------------------------------------------- Russian
_RUSSIAN: dict[str, tuple[str, str, str]] = {
    "AT": ("Австрия", "в Австрию", "в Австрии"),
    "BE": ("Бельгия", "в Бельгию", "в Бельгии"),
    "BG": ("Болгария", "в Болгарию", "в Болгарии"),
    "HR": ("Хорватия", "в Хорватию", "в Хорватии"),
    "CY": ("Кипр", "на Кипр", "на Кипре"),
    "CZ": ("Чехия", "в Чехию", "в Чехии"),
    "DK": ("Дания", "в Данию", "в Дании"),
    "EE": ("Эстония", "в Эстонию", "в Эстонии"),
    "FI": ("Финляндия", "в Финляндию", "в Финляндии"),
    "FR": ("Франция", "во Францию", "во Франции"),
    "DE": ("Германия", "в Германию", "в Германии"),
    "GR": ("Греция", "в Грецию", "в Греции"),
    "HU": ("Венгрия", "в Венгрию", "в Венгрии"),
    "IE": ("Ирландия", "в Ирландию", "в Ирландии"),
    "IT": ("Италия", "в Италию", "в Италии"),
    "LV": ("Латвия", "в Латвию", "в Латвии"),
    "LT": ("Литва", "в Литву", "в Литве"),
    "LU": ("Люксембург", "в Люксембург", "в Люксембурге"),
    "MT": ("Мальта", "на Мальту", "на Мальте"),
    "NL": ("Нидерланды", "в Нидерланды", "в Нидерландах"),
    "PL": ("Польша", "в Польшу", "в Польше"),
    "PT": ("Португалия", "в Португалию", "в Португалии"),
    "RO": ("Румыния", "в Румынию", "в Румынии"),
    "SK": ("Словакия", "в Словакию", "в Словакии"),
    "SI": ("Словения", "в Словению", "в Словении"),
    "ES": ("Испания", "в Испанию", "в Испании"),
    "SE": ("Швеция", "в Швецию", "в Швеции"),
    "GB": ("Великобритания", "в Великобританию", "в Великобритании"),
    "CH": ("Швейцария", "в Швейцарию", "в Швейцарии"),
    "NO": ("Норвегия", "в Норвегию", "в Норвегии"),
    "IS": ("Исландия", "в Исландию", "в Исландии"),
    "LI": ("Лихтенштейн", "в Лихтенштейн", "в Лихтенштейне"),
    "MC": ("Монако", "в Монако", "в Монако"),
    # CLDR's long name; people write "США" ("в США")
    "US": ("Соединенные Штаты", "в США", "в США"),
    "CA": ("Канада", "в Канаду", "в Канаде"),
    "MX": ("Мексика", "в Мексику", "в Мексике"),
    "BR": ("Бразилия", "в Бразилию", "в Бразилии"),
    "AR": ("Аргентина", "в Аргентину", "в Аргентине"),
    "CL": ("Чили", "в Чили", "в Чили"),
    "AU": ("Австралия", "в Австралию", "в Австралии"),
    "NZ": ("Новая Зеландия", "в Новую Зеландию", "в Новой Зеландии"),
    "JP": ("Япония", "в Японию", "в Японии"),
    # CLDR's "Республика Корея"; people write "Южная Корея"
    "KR": ("Республика Корея", "в Южную Корею", "в Южной Корее"),
    "CN": ("Китай", "в Китай", "в Китае"),
    "TW": ("Тайвань", "на Тайвань", "на Тайване"),
    "HK": ("Гонконг", "в Гонконг", "в Гонконге"),
    "MO": ("Макао", "в Макао", "в Макао"),
    "SG": ("Сингапур", "в Сингапур", "в Сингапуре"),
    "IN": ("Индия", "в Индию", "в Индии"),
    "TH": ("Таиланд", "в Таиланд", "в Таиланде"),
    "TR": ("Турция", "в Турцию", "в Турции"),
    "UA": ("Украина", "в Украину", "в Украине"),
    "BY": ("Беларусь", "в Беларусь", "в Беларуси"),
    "KZ": ("Казахстан", "в Казахстан", "в Казахстане"),
    "RU": ("Россия", "в Россию", "в России"),
    "RS": ("Сербия", "в Сербию", "в Сербии"),
    "IL": ("Израиль", "в Израиль", "в Израиле"),
    "AE": ("ОАЭ", "в ОАЭ", "в ОАЭ"),
    "SA": ("Саудовская Аравия", "в Саудовскую Аравию", "в Саудовской Аравии"),
    "EG": ("Египет", "в Египет", "в Египте"),
    "MA": ("Марокко", "в Марокко", "в Марокко"),
    # CLDR's "Южно-Африканская Республика"; people write "ЮАР"
    "ZA": ("Южно-Африканская Республика", "в ЮАР", "в ЮАР"),
    "GE": ("Грузия", "в Грузию", "в Грузии"),
    "MD": ("Молдова", "в Молдову", "в Молдове"),
    "AM": ("Армения", "в Армению", "в Армении"),
    "AZ": ("Азербайджан", "в Азербайджан", "в Азербайджане"),
    "UZ": ("Узбекистан", "в Узбекистан", "в Узбекистане"),
    "ME": ("Черногория", "в Черногорию", "в Черногории"),
    "AL": ("Албания", "в Албанию", "в Албании"),
    "BA": ("Босния и Герцеговина", "в Боснию и Герцеговину", "в Боснии и Герцеговине"),
    "MK": ("Северная Македония", "в Северную Македонию", "в Северной Македонии"),
    "AD": ("Андорра", "в Андорру", "в Андорре"),
    "SM": ("Сан-Марино", "в Сан-Марино", "в Сан-Марино"),
    "VA": ("Ватикан", "в Ватикан", "в Ватикане"),
    "ID": ("Индонезия", "в Индонезию", "в Индонезии"),
    "MY": ("Малайзия", "в Малайзию", "в Малайзии"),
    "VN": ("Вьетнам", "во Вьетнам", "во Вьетнаме"),
    "PH": ("Филиппины", "на Филиппины", "на Филиппинах"),
    "QA": ("Катар", "в Катар", "в Катаре"),
    "KW": ("Кувейт", "в Кувейт", "в Кувейте"),
    "CO": ("Колумбия", "в Колумбию", "в Колумбии"),
    "PE": ("Перу", "в Перу", "в Перу"),
}

# What a Polish or Russian sentence says of a country outside the tables: no name, so no
# declension ("Przy wysyłce do Twojego kraju", "При доставке в вашу страну").
_YOUR_COUNTRY = {
    "pl": ("do Twojego kraju", "w Twoim kraju"),
    "ru": ("в вашу страну", "в вашей стране"),
}

# ---------------------------------------------------------------------------- Turkish
_TURKISH_BACK = "aıou"
_TURKISH_FRONT = "eiöü"
_TURKISH_VOICELESS = "fstkçşhp"
# Names whose last vowel is not the one heard: "Liechtenstein" is said "Lihtenştayn"
# ("Liechtenstein'a").
_TURKISH_HEARD_BACK = frozenset({"LI"})
# A compound name ending in a possessive ("Birleşik Arap Emirlikleri", "Kanarya Adaları",
# "Dominik Cumhuriyeti") takes the pronominal n: "Emirlikleri'ne", "Adaları'nda".
_TURKISH_POSSESSIVE = re.compile(r"\s\S*(?:l[ae]r[iı]|[iıuü])$")
# Turkish letters as read aloud, for acronyms ("ABD" is read "a-be-de": "ABD'ye").
_TURKISH_LETTER_SOUNDS = {"A": "a", "E": "e", "I": "ı", "İ": "i", "O": "o", "Ö": "ö", "U": "u"}


def to_country(code: str, language: str) -> str:
    """Where an order goes, as ``language`` writes it after a noun or verb of sending: "to
    the United States", "au Canada", "in die Schweiz", "do Niemiec", "Almanya'ya"; the bare
    name in Japanese, Korean and Chinese."""
    return _forms(code.upper(), language)[0]


def in_country(code: str, language: str) -> str:
    """Where something holds or happens: "in the United States", "au Canada", "in der
    Schweiz", "w Niemczech", "Almanya'da"; the bare name in Japanese, Korean and Chinese."""
    return _forms(code.upper(), language)[1]


def country_forms(code: str, language: str) -> dict[str, str]:
    """The values a fact sentence may use: ``{country}`` (the bare name), ``{to_country}``
    and ``{in_country}``."""
    code = code.upper()
    to, inside = _forms(code, language)
    return {"country": country_name(code, language), "to_country": to, "in_country": inside}


def has_forms(code: str, language: str) -> bool:
    """Whether ``language`` names the country in its sentences; False for a Polish or
    Russian country outside the case tables (the sentence then says "your country")."""
    lang = language.split("-")[0].split("_")[0]
    table = {"pl": _POLISH, "ru": _RUSSIAN}.get(lang)
    if table is None:
        return True
    found = table.get(code.upper())
    return bool(found and found[0] == country_name(code.upper(), lang))


def capitalized(text: str) -> str:
    """``text`` with its first letter capitalized, for a sentence that opens with a phrase
    ("in der Schweiz werden ..." -> "In der Schweiz werden ...")."""
    return text[:1].upper() + text[1:] if text else text


def contracted(text: str, language: str) -> str:
    """A Spanish sentence with "a el" and "de el" contracted ("Los envíos al Reino
    Unido"); other languages as they are."""
    if language != "es":
        return text
    return _SPANISH_CONTRACTION.sub(lambda m: "al" if m.group(1) == "a" else "del", text)


def _forms(code: str, language: str) -> tuple[str, str]:
    name = country_name(code, language)
    lang = language.split("-")[0].split("_")[0]
    if lang == "en":
        named = f"the {name}" if code in _ENGLISH_THE else name
        return f"to {named}", f"in {named}"
    if lang == "es":
        named = f"{_SPANISH_ARTICLE[code]} {name}" if code in _SPANISH_ARTICLE else name
        return contracted(f"a {named}", "es"), f"en {named}"
    if lang == "fr":
        return (_french(code, name),) * 2
    if lang == "de":
        return _german(code, name)
    if lang == "it":
        return (_italian(code, name),) * 2
    if lang == "pt":
        return _portuguese(code, name)
    if lang == "nl":
        article = "de " if code in _DUTCH_DE or name.endswith("eilanden") else ""
        article = "het " if code in _DUTCH_HET else article
        return f"naar {article}{name}", f"in {article}{name}"
    if lang in {"pl", "ru"}:
        table = _POLISH if lang == "pl" else _RUSSIAN
        found = table.get(code)
        if found and found[0] == name:
            return found[1], found[2]
        return _YOUR_COUNTRY[lang]
    if lang == "tr":
        return _turkish(code, name)
    if lang == "ar":
        return f"إلى {name}", f"في {name}"
    return name, name


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _french(code: str, name: str) -> str:
    # the head noun gives the gender: "Nouvelle-Zélande", "Congo-Brazzaville", "Guinée-Bissau"
    head = re.split(r"[ -]", name)[0]
    if code in _FRENCH_A_LA:
        return f"à la {name}"
    if code in _FRENCH_NO_ARTICLE or head in {"Saint", "Sainte", "La"}:
        return f"à {name}"
    if head == "Île":
        return f"à l’{name[0].lower()}{name[1:]}"
    if code in _FRENCH_PLURAL or (head[-1] in "sx" and code not in _FRENCH_SINGULAR_S):
        return f"aux {name}"
    feminine = head.endswith("e") and code not in _FRENCH_MASCULINE_E
    first = _plain(name[0]).lower()
    if feminine or first in "aeiou" or code in _FRENCH_MUTE_H:
        return f"en {name}"
    return f"au {name}"


def _german_declined(name: str, adjective: str, noun_dative: bool) -> str:
    """``name`` with its adjectives given ``adjective``'s ending ("Vereinigte Staaten" ->
    "Vereinigten Staaten") and, for a plural dative, its noun an "-n" ("Emirate" ->
    "Emiraten")."""
    words = name.split(" ")
    for i, word in enumerate(words[:-1]):
        stem = re.sub(r"(?:es|e)$", "", word)
        if stem != word:
            words[i] = stem + adjective
    if noun_dative and not re.search(r"[ns]$", words[-1]):
        words[-1] += "n"
    return " ".join(words)


def _german(code: str, name: str) -> tuple[str, str]:
    if code in _GERMAN_PLURAL or name.endswith("inseln"):
        on = "auf" if code in _GERMAN_ISLANDS or name.endswith("inseln") else "in"
        return (
            f"{on} die {_german_declined(name, 'en', False)}",
            f"{on} den {_german_declined(name, 'en', True)}",
        )
    if code in _GERMAN_FEMININE or "Republik" in name.split(" "):  # "in die Republik Moldau"
        return f"in die {name}", f"in der {_german_declined(name, 'en', False)}"
    if code in _GERMAN_MASCULINE:
        return f"in den {name}", f"im {_german_declined(name, 'en', False)}"
    if code in _GERMAN_NEUTER:
        return (
            f"ins {_german_declined(name, 'e', False)}",
            f"im {_german_declined(name, 'en', False)}",
        )
    return f"nach {name}", f"in {name}"


def _italian(code: str, name: str) -> str:
    if code in _ITALIAN_A:
        return f"a {name}"
    if code in _ITALIAN_PLURAL_FEMININE or name.startswith("Isole"):
        return f"nelle {name}"
    if code in _ITALIAN_PLURAL_MASCULINE:
        vowel_or_s = re.match(r"(?i)[aeiou]|s[^aeiou]|z|gn|ps|x", _plain(name))
        return f"{'negli' if vowel_or_s else 'nei'} {name}"
    if articled := _ITALIAN_ARTICLED.match(name):
        return f"{'nella' if articled.group(1) != 'Regno' else 'nel'} {name}"
    return f"in {name}"


def _portuguese(code: str, name: str) -> tuple[str, str]:
    if code in _PORTUGUESE_NO_ARTICLE or name.startswith("El "):  # "para El Salvador"
        return f"para {name}", f"em {name}"
    head = re.split(r"[ -]", name)[0]
    if head.endswith("s"):  # "os Estados Unidos", "as Filipinas"
        feminine = head.endswith("as")
        return (
            f"para {'as' if feminine else 'os'} {name}",
            f"{'nas' if feminine else 'nos'} {name}",
        )
    feminine = (head.endswith("a") and code not in _PORTUGUESE_MASCULINE_A) or (
        code in _PORTUGUESE_FEMININE
    )
    return (f"para {'a' if feminine else 'o'} {name}", f"{'na' if feminine else 'no'} {name}")


def _turkish_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _turkish(code: str, name: str) -> tuple[str, str]:
    """Dative and locative with an apostrophe, by the last vowel heard: "Almanya'ya",
    "Norveç'e", "Fas'ta", "Türkiye'de", "ABD'ye", "Birleşik Arap Emirlikleri'ne"."""
    if name.isupper() and name.isalpha():  # an acronym, read letter by letter
        last = name[-1]
        heard = _TURKISH_LETTER_SOUNDS.get(last, "e")  # "be", "ce", "de" ...
        vowel, ends_in_vowel, voiceless = heard, True, False
    else:
        lowered = _turkish_lower(name)
        vowels = [c for c in lowered if c in _TURKISH_BACK + _TURKISH_FRONT]
        vowel = "a" if code in _TURKISH_HEARD_BACK else (vowels[-1] if vowels else "e")
        ends_in_vowel = lowered[-1] in _TURKISH_BACK + _TURKISH_FRONT
        voiceless = lowered[-1] in _TURKISH_VOICELESS
    back = vowel in _TURKISH_BACK
    a = "a" if back else "e"
    if ends_in_vowel and _TURKISH_POSSESSIVE.search(name):
        return f"{name}'n{a}", f"{name}'nd{a}"
    dative = f"{name}'{'y' if ends_in_vowel else ''}{a}"
    locative = f"{name}'{'t' if voiceless else 'd'}{a}"
    return dative, locative
