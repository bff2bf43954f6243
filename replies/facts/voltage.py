"""Mains voltage, frequency and plug types per country, as the voltage answer states them.

``{plug_advice}`` names the shopper's country in their language with its supply
("Japan: 100 V, 50/60 Hz, plug type A/B"). What follows depends on the store's own
country (the desk file's ``shipping.ships_from``), whose supply its appliances are made
for:

- the same supply as the shopper's (a German store, a French shopper: 230 V, 50 Hz): the
  appliance works there as is, and a plug adapter is named only when none of the store's
  plug types fits the shopper's sockets (Germany to the United Kingdom: type G);
- a different supply, or a store whose country is not known: a heating appliance (hair
  dryer, straightener, kettle) needs a dual-voltage model, since a plug adapter changes the
  shape of the plug, not the voltage, and a travel converter is not made for heating loads.

When the shopper's country is unknown the sentence asks for it, with the same warning.

    plug_advice("JP", "en")
    # "Japan: 100 V, 50/60 Hz, plug type A/B. Heating appliances (hair dryers, ..."
    plug_advice("GB", "en", store_country="DE")
    # "United Kingdom: 230 V, 50 Hz, plug type G. Our appliances are made for the same
    #  supply, so they work there as is. Only the plug differs: use a plug adapter for type G."
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
        "Informe em qual país você vai usá-lo e diremos a voltagem e o tipo de tomada.",
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
        "Isıtıcı cihazlar (saç kurutma makinesi, düzleştirici, su ısıtıcı) çift voltajlı model "
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
        "الأجهزة الحرارية (مجففات الشعر، أجهزة فرد الشعر، الغلايات) تحتاج إلى طراز ثنائي "
        "الجهد: لا يكفي محول القابس أو محول السفر.",
    ),
}


# (the appliance works as is, only the plug differs) when the store's supply is the shopper's
_SAME_SUPPLY: dict[str, tuple[str, str]] = {
    "en": (
        "Our appliances are made for the same supply, so they work there as is.",
        "Only the plug differs: use a plug adapter for type {plugs}.",
    ),
    "es": (
        "Nuestros aparatos están hechos para esa misma red eléctrica, así que funcionan allí "
        "tal cual.",
        "Solo cambia el enchufe: usa un adaptador para el tipo {plugs}.",
    ),
    "fr": (
        "Nos appareils sont conçus pour ce même réseau électrique : ils y fonctionnent tels quels.",
        "Seule la prise diffère : utilisez un adaptateur pour les prises de type {plugs}.",
    ),
    "de": (
        "Unsere Geräte sind für dieselbe Netzspannung gebaut und funktionieren dort ohne Weiteres.",
        "Nur der Stecker ist anders: Sie brauchen einen Reisestecker für Typ {plugs}.",
    ),
    "it": (
        "I nostri apparecchi sono fatti per la stessa rete elettrica, quindi lì funzionano così "
        "come sono.",
        "Cambia solo la spina: basta un adattatore per il tipo {plugs}.",
    ),
    "pt": (
        "Nossos aparelhos são feitos para essa mesma rede elétrica, então funcionam aí "
        "normalmente, sem conversor.",
        "Só o formato da tomada muda: use um adaptador para o tipo {plugs}.",
    ),
    "nl": (
        "Onze apparaten zijn gemaakt voor hetzelfde stroomnet, dus ze werken daar zonder meer.",
        "Alleen de stekker verschilt: gebruik een verloopstekker voor type {plugs}.",
    ),
    "pl": (
        "Nasze urządzenia są przystosowane do takiej samej sieci, więc działają tam bez przeróbek.",
        "Różni się tylko wtyczka: wystarczy przejściówka na typ {plugs}.",
    ),
    "ru": (
        "Наши приборы рассчитаны на такую же сеть, поэтому там они работают без преобразователя.",
        "Отличается только вилка: нужен переходник под тип {plugs}.",
    ),
    "tr": (
        "Cihazlarımız aynı şebeke için üretilir, bu yüzden orada olduğu gibi çalışır.",
        "Yalnızca fiş farklıdır: {plugs} tipi için bir priz adaptörü kullanın.",
    ),
    "ja": (
        "当店の製品は同じ電源に対応しているため、そのままお使いいただけます。",
        "プラグの形状のみ異なりますので、{plugs}タイプ用の変換プラグをご用意ください。",
    ),
    "ko": (
        "저희 제품은 같은 전원 규격에 맞춰져 있어 그대로 사용하실 수 있습니다.",
        "플러그 모양만 다르니 {plugs} 타입용 변환 플러그를 사용해 주세요.",
    ),
    "zh": (
        "我们的电器按相同的电源规格设计，可以直接使用。",
        "只是插头不同：请使用适用于{plugs}型插座的转换插头。",
    ),
    "ar": (
        "أجهزتنا مصممة لنفس الشبكة الكهربائية، لذا تعمل هناك كما هي.",
        "يختلف القابس فقط: استخدم محول قابس للنوع {plugs}.",
    ),
}

# Nominal voltages an appliance rated for one of them is made for: 100 V (Japan), the
# 110-127 V of the Americas, and the 220-240 V of most of the world.
_VOLTAGE_BANDS = (
    frozenset({"100"}),
    frozenset({"110", "120", "127"}),
    frozenset({"220", "230", "240"}),
)


def plug_advice(country: str | None, language: str, *, store_country: str | None = None) -> str:
    """Voltage, frequency and plugs of ``country`` (ISO code) in ``language``; then "it works
    there as is" when ``store_country`` (where the store ships from) has the same supply,
    else the heating-appliance warning; a request for the country when it is unknown or
    not listed."""
    code = _code(country)
    supply, ask, heating = _TEXT.get(language, _TEXT["en"])
    if code not in MAINS:
        return sentences(language, ask, heating)
    volts, hertz, plugs = MAINS[code]
    stated = supply.format(
        country=country_name(code, language), volts=volts, hertz=hertz, plugs=plugs
    )
    home = MAINS.get(_code(store_country))
    if home is None or not same_supply(home, MAINS[code]):
        return sentences(language, stated, heating)
    works, adapter = _SAME_SUPPLY.get(language, _SAME_SUPPLY["en"])
    if plug_fits(home[2], plugs):
        return sentences(language, stated, works)
    # the adapter is for the sockets' own type, not the Europlug they also take
    sockets = "/".join(t for t in plugs.split("/") if t != "C") or plugs
    return sentences(language, stated, works, adapter.format(plugs=sockets))


def same_supply(home: tuple[str, str, str], away: tuple[str, str, str]) -> bool:
    """Whether an appliance made for the ``home`` supply works on the ``away`` one: one
    voltage each, in the same band, and a frequency the appliance is made for. A country
    with two voltages (Brazil's 127/220 V) is never the same: it depends on the socket."""
    (home_volts, home_hertz, _), (volts, hertz, _) = home, away
    if "/" in home_volts or "/" in volts:
        return False
    if not any({home_volts, volts} <= band for band in _VOLTAGE_BANDS):
        return False
    return hertz in home_hertz.split("/") or home_hertz in hertz.split("/")


def plug_fits(home: str, away: str) -> bool:
    """Whether a plug of the ``home`` types ("C/F") goes into a socket of the ``away`` types.

    Type C (the flat Europlug) fits nearly every European socket but is fitted only to small
    appliances, so a shared C alone does not count: a German hair dryer has an F plug, which
    a Swiss (J) socket does not take. E and F plugs are made as one hybrid (CEE 7/7) and fit
    both sockets."""
    home_types = set(home.split("/")) - {"C"} or {"C"}
    away_types = set(away.split("/"))
    if home_types & {"E", "F"}:
        home_types |= {"E", "F"}
    return bool(home_types & away_types)


def _code(country: str | None) -> str:
    code = (country or "").strip().upper()
    return "GB" if code == "UK" else code
