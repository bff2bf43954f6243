"""An electrical item that sparks, smokes, overheats, gives a shock or leaks is not to be
used until it is checked: the reply says so first.

"the kettle leaks at the bottom", "打开开关冒烟了", "die Steckdosenleiste sprüht Funken":
the faulty-product answer asked for a photo and promised a check, and never told the
shopper to stop using the appliance and unplug it (sendability set 4 #24, issue 15). A
store says that before anything else, so the sentence comes right after the reply's
opening sentence (its apology or greeting).

A leak counts only beside an electrical item's word (a kettle, a humidifier, a cable ...):
a leaking bottle is no danger. The sentence is written without "you" forms that change
with the register (impersonal in Polish, the polite form elsewhere).

    with_safety("We're sorry. Please send a photo.", "en", "my kettle is leaking!!")
    # "We're sorry. For your safety, please stop using it and unplug it until we've
    # checked it. Please send a photo."
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_HAZARD = re.compile(
    r"spark|smok(?:e|ing)|burning\s*smell|smells?\s*(?:of\s*)?burn|overheat|gets?\s*(?:very|really|too)\s*hot"
    r"|electric\s*shock|shocked\s*me|\bfunken|\braucht|\brauch\b|verbrannt|verschmort|überhitz|wird\s*(?:sehr|extrem|zu)\s*heiß"
    r"|stromschlag|étincel|\bfum[ée]e|\bfume\b|sent\s*le\s*br[ûu]l|odeur\s*de\s*br[ûu]l|surchauff"
    r"|chauffe\s*(?:trop|beaucoup)|\bd[ée]charge\s*[ée]lectrique|\bchispa|\bhumo\b|echa\s*humo|huele\s*a\s*quemado|olor\s*a\s*quemado"
    r"|sobrecalienta|se\s*calienta\s*(?:mucho|demasiado)|\bcalambre|me\s*dio\s*corriente|scintill|\bfumo\b|\bfuma\b"
    r"|puzza\s*di\s*bruciato|odore\s*di\s*bruciato|surriscald|\bscossa|faísca|faisca|cheiro\s*de\s*queimado"
    r"|cheira\s*a\s*queimado|superaquec|esquenta\s*(?:muito|demais)|\bchoque\b|\bvonk|\brook\b|brandlucht|oververhit"
    r"|wordt\s*(?:erg|heel|te)\s*heet|\bschok|\biskr|\bdym\b|\bdymi|spalenizn|przegrzew|kopn\w*\s*prąd|poraż"
    r"|искр|дым|гарь|гарью|горел|перегрева|бь[её]тся\s*током|бь[её]т\s*током|удар\w*\s*ток"
    r"|k[ıi]v[ıi]lc[ıi]m|\bduman|yan[ıi]k\s*koku|a[şs][ıi]r[ıi]\s*[ıi]s[ıi]n|elektrik\s*çarp|çarpt[ıi]"
    r"|火花|煙|焦げ|過熱|熱くな|感電|연기|타는\s*냄새|스파크|불꽃|과열|뜨거워|감전"
    r"|冒烟|冒煙|烧焦|燒焦|焦味|过热|過熱|发烫|發燙|触电|觸電|漏电|漏電"
    r"|شرار|دخان|رائحة\s*(?:حريق|احتراق|شياط)|سخونة\s*(?:زائدة|شديدة)|يسخن\s*(?:كثير|جدا)|كهرب[تن]ي|صعق"
)
_LEAK = re.compile(
    r"leak|l[äa]uft\s*aus|leckt|undicht|fuit|fuite|gotea|pierde\s*agua|perde\s*acqua|perde\s*[aá]gua"
    r"|vaza|vazando|lekt|przecieka|cieknie|теч[её]т|протека|s[ıi]z[ıi]yor|s[ıi]zd[ıi]r|漏れ|새요|새는|샌다"
    r"|漏水|漏水了|يسرب|تسرب|يسرّب"
)
_ELECTRICAL = re.compile(
    r"kettle|humidifier|heater|coffee\s*maker|machine|appliance|lamp|charger|cable|plug|socket|electric"
    r"|wasserkocher|luftbefeuchter|heizung|maschine|gerät|lampe|kabel|stecker|ladeger"
    r"|bouilloire|humidificateur|radiateur|appareil|lampe|chargeur|câble|prise|électrique"
    r"|hervidor|humidificador|calefactor|cafetera|aparato|lámpara|cargador|cable|enchufe|eléctric"
    r"|bollitore|umidificatore|stufa|macchina|apparecchio|lampada|caricatore|cavo|spina|elettric|pentola"
    r"|chaleira|umidificador|aquecedor|cafeteira|aparelho|luminária|carregador|tomada|elétric"
    r"|waterkoker|luchtbevochtiger|kachel|apparaat|lamp|oplader|kabel|stekker|elektrisch"
    r"|czajnik|nawilżacz|grzejnik|ekspres|urządzeni|lampa|ładowark|kabel|wtyczk|elektryczn"
    r"|чайник|увлажнител|обогреват|кофеварк|прибор|лампа|зарядк|кабел|вилк|розетк|электр"
    r"|su\s*ısıtıcı|kettle|nemlendirici|ısıtıcı|makine|cihaz|lamba|şarj|kablo|fiş|priz|elektrik"
    r"|ケトル|電気ポット|加湿器|ヒーター|コーヒーメーカー|家電|ランプ|充電器|ケーブル|プラグ|コンセント|電気"
    r"|전기\s*포트|주전자|가습기|히터|커피\s*머신|램프|충전기|케이블|플러그|콘센트|전기"
    r"|电水壶|热水壶|电热水壶|加湿器|取暖器|咖啡机|电器|台灯|充电器|电线|插头|插座|电饭煲|電水壺|電器|插頭"
    r"|غلاية|مرطب|سخان|ماكينة|جهاز|مصباح|شاحن|كابل|قابس|فيشة|كهربا"
)

SAFETY: Mapping[str, str] = {
    "en": "For your safety, please stop using it and unplug it until we've checked it.",
    "es": "Por seguridad, por favor no lo sigas usando y desenchúfalo hasta que lo revisemos.",
    "fr": "Par sécurité, cessez de l'utiliser et débranchez-le en attendant notre vérification.",
    "de": "Bitte benutzen Sie das Gerät zu Ihrer Sicherheit nicht weiter und ziehen Sie den "
    "Stecker, bis wir es geprüft haben.",
    "it": "Per sicurezza, non usarlo più e staccalo dalla presa finché non l'avremo verificato.",
    "pt": "Por segurança, pare de usar o aparelho e desligue-o da tomada até verificarmos.",
    "nl": "Gebruik het apparaat voor de zekerheid niet meer en haal de stekker uit het "
    "stopcontact tot wij het hebben bekeken.",
    "pl": "Ze względów bezpieczeństwa prosimy nie używać urządzenia i odłączyć je od prądu, "
    "dopóki tego nie sprawdzimy.",
    "ru": "В целях безопасности, пожалуйста, не пользуйтесь прибором и отключите его от сети, "
    "пока мы всё не проверим.",
    "tr": "Güvenliğiniz için lütfen cihazı kullanmayı bırakın ve biz kontrol edene kadar fişini "
    "prizden çekin.",
    "ja": "安全のため、確認が済むまでご使用を中止し、電源プラグをコンセントから抜いてください。",
    "ko": "안전을 위해 확인이 끝날 때까지 사용을 멈추시고 전원 플러그를 뽑아 주세요.",
    "zh": "为了安全，在我们核实之前请停止使用，并拔掉电源插头。",
    "ar": "حفاظًا على سلامتك، يُرجى التوقف عن استخدام الجهاز وفصله عن الكهرباء إلى أن نتحقق منه.",
}
# The formal forms where the reply's language has both (``replies.register``).
SAFETY_FORMAL: Mapping[str, str] = {
    "es": "Por seguridad, le rogamos que no lo siga usando y lo desenchufe hasta que lo revisemos.",
    "it": "Per sicurezza, non lo usi più e lo stacchi dalla presa finché non l'avremo verificato.",
    "nl": "Gebruik het apparaat voor de zekerheid niet meer en haal de stekker uit het "
    "stopcontact tot wij het hebben bekeken.",
}


def electrical_hazard(text: str) -> bool:
    """Whether the message reports sparks, smoke, overheating, a shock, or an electrical
    item that leaks."""
    lowered = text.lower()
    if _HAZARD.search(lowered):
        return True
    return bool(_LEAK.search(lowered) and _ELECTRICAL.search(lowered))


# The answers that deal with a faulty or broken item, or with the mains (a sparking power
# strip is often read as a plug question): a cancellation or a question about delivery
# never tells anyone to unplug anything.
FAULT_INTENTS = frozenset(
    {"product_defect", "damaged_item", "complaint", "get_refund", "voltage_plug"}
)


def with_safety(
    reply: str, language: str, text: str, *, formal: bool = False, intent: str | None = None
) -> str:
    """``reply`` with "stop using it and unplug it" after its first sentence, when the
    message reports an electrical hazard and the answer is about a faulty item (``intent``
    among ``FAULT_INTENTS``; None: any answer)."""
    sentence = (formal and SAFETY_FORMAL.get(language)) or SAFETY.get(language)
    if intent is not None and intent not in FAULT_INTENTS:
        return reply
    if not sentence or not reply or not electrical_hazard(text) or sentence in reply:
        return reply
    first = re.search(r"[.!?](?:\s|$)|[。！？]", reply)
    if first is None:
        return f"{reply} {sentence}"
    cut = first.end()
    spacer = "" if language in {"ja", "zh"} else " "
    if intent == "voltage_plug":  # "Good question!" is no opening for a sparking socket
        return sentence + spacer + reply[cut:].lstrip()
    return reply[:cut].rstrip() + spacer + sentence + spacer + reply[cut:].lstrip()
