"""Mains voltage, frequency and plug types per country, as the voltage answer states them.

``{plug_advice}`` names the shopper's country in their language with its supply
("Japan: 100 V, 50/60 Hz, plug type A/B") and always warns that a heating appliance
(hair dryer, straightener, kettle) needs a dual-voltage model: a plug adapter changes the
shape of the plug, not the voltage, and a travel converter is not made for heating loads.
When the country is unknown the sentence asks for it, with the same warning.

    plug_advice("JP", "en")
    # "Japan: 100 V, 50/60 Hz, plug type A/B. Heating appliances (hair dryers, ..."
"""

from __future__ import annotations

from replies.facts.names import country_name, sentences

# ISO 3166-1 alpha-2 -> (volts, hertz, plug types), from the IEC "World Plugs" tables.
# Brazil's and Japan's figures differ by region; both values are given.
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
    "LK": ("230", "50", "D/G/M"),
    "NP": ("230", "50", "C/D/M"),
    "KZ": ("220", "50", "C/F"),
    "BY": ("220", "50", "C/F"),
    "JO": ("230", "50", "C/D/F/G/J"),
    "LB": ("230", "50", "C/D/G"),
    "BH": ("230", "50", "G"),
    "OM": ("240", "50", "C/G"),
    "DZ": ("230", "50", "C/F"),
    "TN": ("230", "50", "C/E"),
    "GH": ("230", "50", "D/G"),
    "UY": ("220", "50", "C/F/L"),
    "PY": ("220", "50", "C"),
    "BO": ("230", "50", "A/C"),
    "EC": ("120", "60", "A/B"),
    "CR": ("120", "60", "A/B"),
    "PA": ("120", "60", "A/B"),
    "DO": ("120", "60", "A/B"),
    "GT": ("120", "60", "A/B"),
    "PR": ("120", "60", "A/B"),
    "AU": ("230", "50", "I"),
    "NZ": ("230", "50", "I"),
}


# (the supply in the country, asking for the country, the warning for heating appliances)
_TEXT: dict[str, tuple[str, str, str]] = {
    "en": (
        "{country}: {volts} V, {hertz} Hz, plug type {plugs}.",
        "Tell us which country you will use it in and we will give you its voltage and plug type.",
        "Heating appliances (hair dryers, straighteners, kettles) need a dual-voltage model: "
        "a plug adapter or travel converter is not enough.",
    ),
    "es": (
        "{country}: {volts} V, {hertz} Hz, enchufe tipo {plugs}.",
        "Dinos en qué país lo vas a usar y te indicamos su voltaje y tipo de enchufe.",
        "Los aparatos que calientan (secadores, planchas de pelo, hervidores) necesitan un "
        "modelo bivoltaje: no basta con un adaptador ni un convertidor de viaje.",
    ),
    "fr": (
        "{country} : {volts} V, {hertz} Hz, prise de type {plugs}.",
        "Dites-nous dans quel pays vous l'utiliserez et nous vous indiquerons sa tension et "
        "son type de prise.",
        "Les appareils chauffants (sèche-cheveux, lisseurs, bouilloires) doivent être bi-tension : "
        "un adaptateur de prise ou un convertisseur de voyage ne suffit pas.",
    ),
    "de": (
        "{country}: {volts} V, {hertz} Hz, Steckertyp {plugs}.",
        "Nennen Sie uns das Land, in dem Sie es benutzen, dann sagen wir Ihnen Spannung und "
        "Steckertyp.",
        "Geräte, die heizen (Föhn, Glätteisen, Wasserkocher), brauchen ein Dual-Voltage-Modell: "
        "ein Reisestecker oder Spannungswandler reicht nicht.",
    ),
    "it": (
        "{country}: {volts} V, {hertz} Hz, spina di tipo {plugs}.",
        "Dicci in quale paese lo userai e ti indichiamo tensione e tipo di spina.",
        "Gli apparecchi che scaldano (asciugacapelli, piastre, bollitori) richiedono un modello "
        "dual voltage: un adattatore o un convertitore da viaggio non basta.",
    ),
    "pt": (
        "{country}: {volts} V, {hertz} Hz, tomada tipo {plugs}.",
        "Diga-nos em que país vai usá-lo e indicamos a voltagem e o tipo de tomada.",
        "Aparelhos que aquecem (secadores, chapinhas, chaleiras) precisam de um modelo bivolt: "
        "um adaptador de tomada ou um conversor de viagem não basta.",
    ),
    "nl": (
        "{country}: {volts} V, {hertz} Hz, stekkertype {plugs}.",
        "Laat ons weten in welk land je het gebruikt, dan geven we je de spanning en het "
        "stekkertype.",
        "Apparaten die verwarmen (föhns, stijltangen, waterkokers) hebben een dual-voltage-model "
        "nodig: een verloopstekker of reisconverter is niet genoeg.",
    ),
    "pl": (
        "{country}: {volts} V, {hertz} Hz, wtyczka typu {plugs}.",
        "Napisz nam, w jakim kraju będziesz go używać, a podamy napięcie i typ wtyczki.",
        "Urządzenia grzewcze (suszarki, prostownice, czajniki) wymagają modelu dwunapięciowego: "
        "przejściówka ani konwerter podróżny nie wystarczą.",
    ),
    "ru": (
        "{country}: {volts} В, {hertz} Гц, вилка типа {plugs}.",
        "Напишите, в какой стране вы будете им пользоваться, и мы подскажем напряжение и тип "
        "вилки.",
        "Нагревательным приборам (фенам, выпрямителям, чайникам) нужна модель с двойным "
        "напряжением: переходника или дорожного преобразователя недостаточно.",
    ),
    "tr": (
        "{country}: {volts} V, {hertz} Hz, {plugs} tipi fiş.",
        "Hangi ülkede kullanacağınızı yazın, size voltajı ve fiş tipini söyleyelim.",
        "Isıtan cihazlar (saç kurutma makinesi, düzleştirici, su ısıtıcı) çift voltajlı model "
        "gerektirir: priz adaptörü veya seyahat dönüştürücüsü yeterli değildir.",
    ),
    "ja": (
        "{country}：{volts}V、{hertz}Hz、プラグは{plugs}タイプです。",
        "ご使用になる国を教えていただければ、電圧とプラグの形状をお知らせします。",
        "ドライヤー、ヘアアイロン、電気ケトルなどの電熱製品には海外対応（電圧切替）モデルが必要です。"
        "変換プラグや旅行用変圧器では足りません。",
    ),
    "ko": (
        "{country}: {volts}V, {hertz}Hz, 플러그 {plugs} 타입입니다.",
        "사용하실 국가를 알려 주시면 전압과 플러그 타입을 안내해 드리겠습니다.",
        "헤어드라이어, 고데기, 전기포트 같은 발열 제품은 프리볼트(듀얼 전압) 모델이 필요합니다. "
        "변환 플러그나 여행용 변압기로는 부족합니다.",
    ),
    "zh": (
        "{country}：{volts}V，{hertz}Hz，插头类型{plugs}。",
        "请告诉我们您将在哪个国家使用，我们会告知当地电压和插头类型。",
        "吹风机、直发器、电热水壶等发热电器需要选购双电压型号，仅用转换插头或旅行变压器是不够的。",
    ),
    "ar": (
        "{country}: {volts} فولت، {hertz} هرتز، قابس من النوع {plugs}.",
        "أخبرنا في أي بلد ستستخدمه وسنخبرك بالجهد الكهربائي ونوع القابس.",
        "الأجهزة التي تسخن (مجففات الشعر، أجهزة فرد الشعر، الغلايات) تحتاج إلى طراز ثنائي "
        "الجهد: لا يكفي محول القابس أو محول السفر.",
    ),
}


def plug_advice(country: str | None, language: str) -> str:
    """Voltage, frequency and plugs of ``country`` (ISO code) in ``language``, with the
    heating-appliance warning; a request for the country when it is unknown or not listed."""
    code = (country or "").strip().upper()
    code = "GB" if code == "UK" else code
    supply, ask, heating = _TEXT.get(language, _TEXT["en"])
    if code not in MAINS:
        return sentences(language, ask, heating)
    volts, hertz, plugs = MAINS[code]
    stated = supply.format(
        country=country_name(code, language), volts=volts, hertz=hertz, plugs=plugs
    )
    return sentences(language, stated, heating)
