"""Polish and Russian country names in their cases: "do Niemiec", "w Niemczech", "в Германию".

No rule derives these forms ("Niemcy" -> "do Niemiec", "Węgry" -> "na Węgry", "Франция"
-> "во Францию"), so they are a table, for the countries a European or Asian store ships
to most. Each row is code -> (CLDR's nominative, "to", "in"): the nominative ties the
forms to the name CLDR gives, and should it change, the sentence falls back to "your
country" rather than pair a new name with old forms. A country outside the table is not
named either: "do Twojego kraju", "в вашу страну" need no declension.

    declined("DE", "Niemcy", "pl")     # ("do Niemiec", "w Niemczech")
    declined("FJ", "Fidżi", "pl")      # ("do Twojego kraju", "w Twoim kraju")
"""

from __future__ import annotations

LANGUAGES = frozenset({"pl", "ru"})

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

# What a sentence says of a country outside the tables: no name, so no declension
# ("Przy wysyłce do Twojego kraju", "При доставке в вашу страну").
_YOUR_COUNTRY = {
    "pl": ("do Twojego kraju", "w Twoim kraju"),
    "ru": ("в вашу страну", "в вашей стране"),
}

# language -> its table, for the tests that tie each row to CLDR
TABLES = {"pl": _POLISH, "ru": _RUSSIAN}


def declined(code: str, name: str, language: str) -> tuple[str, str]:
    """Where an order goes and where something holds, for CLDR's ``name`` of ``code``."""
    if in_table(code, name, language):
        _, to, inside = TABLES[language][code]
        return to, inside
    return _YOUR_COUNTRY[language]


def in_table(code: str, name: str, language: str) -> bool:
    """Whether ``language`` has the cases of ``name``, so a sentence can name the country."""
    found = TABLES[language].get(code)
    return bool(found and found[0] == name)
