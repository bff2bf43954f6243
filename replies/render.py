"""Fill a reply template's variables, in the reply's language, without ever showing a
raw ``{placeholder}`` to a shopper.

A value we do not know is either dropped cleanly (the shopper's name, order and
tracking numbers: "Hi {shopper_name}, ..." becomes "Hi, ...", "{shopper_name}様" becomes
"お客様") or replaced by a neutral phrase in the target language ("{carrier}" becomes
"the carrier", "le transporteur", ...).

    render("Hi {shopper_name}, it ships with {carrier}.", "en", {})
    # "Hi, it ships with the carrier."
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

_GAP = "\x00"  # marks a dropped value until the text around it is tidied

DROPPED = frozenset({"shopper_name", "order_number", "tracking_number"})

NEUTRAL: Mapping[str, Mapping[str, str]] = {
    "carrier": {
        "en": "the carrier",
        "es": "la empresa de transporte",
        "fr": "le transporteur",
        "de": "unserem Versandpartner",
        "it": "il corriere",
        "pt": "a transportadora",
        "nl": "de vervoerder",
        "pl": "przewoźnik",
        "ru": "служба доставки",
        "tr": "kargo firması",
        "ja": "配送業者",
        "ko": "택배사",
        "zh": "承运商",
        "ar": "شركة الشحن",
    },
    "delivery_estimate": {
        "en": "the time shown at checkout",
        "es": "el plazo indicado al hacer el pedido",
        "fr": "le délai indiqué lors de la commande",
        "de": "die bei der Bestellung angegebene Zeit",
        "it": "i tempi indicati al momento dell'ordine",
        "pt": "o prazo indicado ao fazer o pedido",
        "nl": "de termijn die bij het bestellen werd getoond",
        "pl": "czas podany przy składaniu zamówienia",
        "ru": "срок, указанный при оформлении заказа",
        "tr": "sipariş sırasında belirtilen süre",
        "ja": "ご注文時に表示された期間",
        "ko": "주문 시 안내된 기간",
        "zh": "下单时显示的时效",
        "ar": "المدة الموضحة عند إتمام الطلب",
    },
    "support_hours": {
        "en": "during our business hours",
        "es": "en nuestro horario de atención",
        "fr": "pendant nos heures d'ouverture",
        "de": "während unserer Geschäftszeiten",
        "it": "durante il nostro orario di assistenza",
        "pt": "em nosso horário de atendimento",
        "nl": "tijdens onze openingstijden",
        "pl": "w godzinach pracy",
        "ru": "в рабочее время",
        "tr": "çalışma saatlerimizde",
        "ja": "営業時間内",
        "ko": "운영 시간 중",
        "zh": "在工作时间内",
        "ar": "خلال ساعات العمل",
    },
    "store_name": {
        "en": "our store",
        "es": "nuestra tienda",
        "fr": "notre boutique",
        "de": "unserem Shop",  # dative: "bei {store_name}"
        "it": "il nostro negozio",
        "pt": "nossa loja",
        "nl": "onze winkel",
        "pl": "naszym sklepie",  # locative: "witamy w {store_name}", "zakupy w {store_name}"
        "ru": "наш магазин",
        "tr": "mağazamız",
        "ja": "当店",
        "ko": "저희 스토어",
        "zh": "本店",
        "ar": "متجرنا",
    },
    "size_advice": {
        "en": "please tell us your usual size and its system (for example EU 42, US 9 or M) "
        "and we will convert it",
        "es": "dinos tu talla habitual y su sistema (por ejemplo EU 42, US 9 o M) y te la "
        "convertimos",
        "fr": "indiquez-nous votre taille habituelle et son système (par exemple EU 42, US 9 "
        "ou M) et nous la convertirons",
        "de": "nennen Sie uns Ihre übliche Größe mit System (zum Beispiel EU 42, US 9 oder M), "
        "dann rechnen wir sie um",
        "it": "indicaci la tua taglia abituale e il sistema (ad esempio EU 42, US 9 o M) e "
        "la convertiamo noi",
        "pt": "diga-nos seu tamanho habitual e o sistema (por exemplo EU 42, US 9 ou M) e nós "
        "o convertemos",
        "nl": "laat ons je gebruikelijke maat en het systeem weten (bijvoorbeeld EU 42, US 9 of "
        "M), dan rekenen we die om",
        "pl": "podaj nam swój zwykły rozmiar i system (na przykład EU 42, US 9 lub M), a my go "
        "przeliczymy",
        "ru": "сообщите нам ваш обычный размер и систему (например, EU 42, US 9 или M), и мы "
        "его пересчитаем",
        "tr": "bize normal bedeninizi ve sistemini (örneğin EU 42, US 9 veya M) yazın, biz "
        "dönüştürelim",
        "ja": "普段のサイズと表記（例：EU 42、US 9、M）をお知らせいただければ換算いたします",
        "ko": "평소 사이즈와 기준(예: EU 42, US 9, M)을 알려 주시면 변환해 드립니다",
        "zh": "请告诉我们您平时的尺码及其标准（例如 EU 42、US 9 或 M），我们来为您换算",
        "ar": "أخبرنا بمقاسك المعتاد ونظامه (مثل EU 42 أو US 9 أو M) وسنحوّله لك",
    },
    "plug_advice": {
        "en": "tell us the country where the device will be used and we will confirm its "
        "voltage and plug type",
        "es": "dinos en qué país usarás el aparato y te confirmamos el voltaje y el tipo de "
        "enchufe",
        "fr": "indiquez-nous le pays d'utilisation de l'appareil et nous vous confirmerons la "
        "tension et le type de prise",
        "de": "nennen Sie uns das Land, in dem das Gerät genutzt wird, dann bestätigen wir "
        "Spannung und Steckertyp",
        "it": "dicci in quale paese userai il dispositivo e ti confermeremo tensione e tipo di "
        "spina",
        "pt": "diga-nos em que país o aparelho será usado e confirmaremos a voltagem e o tipo "
        "de tomada",
        "nl": "laat ons weten in welk land je het apparaat gebruikt, dan bevestigen we de "
        "spanning en het stekkertype",
        "pl": "napisz, w jakim kraju urządzenie będzie używane, a potwierdzimy napięcie i typ "
        "wtyczki",
        "ru": "сообщите, в какой стране будет использоваться устройство, и мы уточним "
        "напряжение и тип вилки",
        "tr": "cihazın hangi ülkede kullanılacağını yazın, voltajı ve fiş tipini teyit edelim",
        "ja": "ご使用になる国をお知らせいただければ、電圧とプラグの形状をご案内いたします",
        "ko": "사용하실 국가나 지역을 알려 주시면 전압과 플러그 형태를 확인해 드립니다",
        "zh": "请告诉我们设备将在哪个国家或地区使用，我们会确认电压和插头类型",
        "ar": "أخبرنا بالبلد الذي سيُستخدم فيه الجهاز وسنؤكد لك الجهد ونوع القابس",
    },
}

# "{shopper_name}様" without a name reads "お客様" rather than a dangling honorific.
_HONORIFICS = {
    "ja": (re.compile(r"\{shopper_name\}\s*(?:様|さま|さん|殿)"), "お客様"),
    "ko": (re.compile(r"\{shopper_name\}\s*(?:고객님|님|씨)"), "고객님"),
}

_TIDY = [
    (re.compile(r"\s*يا\s*" + _GAP), ""),  # Arabic "يا {shopper_name}": no name, no vocative
    (re.compile(r"#" + _GAP), _GAP),  # "#{order_number}"
    (re.compile(r"\(\s*" + _GAP + r"\s*\)"), ""),  # "({tracking_number})"
    (re.compile(r"^\s*" + _GAP + r"\s*[,،，、:：]?\s*"), ""),  # "{shopper_name}，您好"
    (re.compile(r",\s*" + _GAP + r"\s*:"), ","),  # "Hola, {shopper_name}: ..."
    (re.compile(r"([,،，、])\s*" + _GAP + r"\s*[,،，、]"), r"\1"),  # "Olá, {shopper_name}, sem"
    # "Olá, {shopper_name}!"; French "Avec plaisir, {shopper_name} !" keeps its space
    (re.compile(r"[,،，、]\s*" + _GAP + r"(?=\s*[.!?。！？])"), ""),
    (re.compile(r"\s*" + _GAP + r"(?=\s*[,.!?;:،，。！？、；：)])"), ""),  # "order {order_number}."
    (re.compile(r"\s?" + _GAP), ""),
    (re.compile(r"\(\s*\)"), ""),
    (re.compile(r"[ \t]{2,}"), " "),
]


def neutral_phrase(variable: str, language: str) -> str | None:
    """The neutral stand-in for an unknown value, or None if it is simply dropped."""
    phrases = NEUTRAL.get(variable)
    if not phrases:
        return None
    return phrases.get(language) or phrases["en"]


def render(template: str, language: str, variables: Mapping[str, str] | None = None) -> str:
    """The template with every ``{variable}`` filled, neutralised or dropped cleanly."""
    values = {
        k: str(v).strip() for k, v in (variables or {}).items() if v is not None and str(v).strip()
    }
    if "shopper_name" not in values and language in _HONORIFICS:
        pattern, replacement = _HONORIFICS[language]
        template = pattern.sub(replacement.replace("{", "{{"), template)
    parts: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if name is None:
            continue
        value = values.get(name)
        if value is None:
            value = neutral_phrase(name, language)
        parts.append(_GAP if value is None else value)
    text = "".join(parts)
    if _GAP in text:
        for pattern, replacement in _TIDY:
            text = pattern.sub(replacement, text)
    return text.strip()
