"""A product that does not work is a defect, not damage in transport.

"a luminária fica piscando sem parar" (the lamp keeps flickering) was read as a damaged
item, so the reply was sorry it "arrived damaged" and asked for photos of the box and the
shipping label, which say nothing of a flicker. A message that says what the product does
wrong (flickers, will not turn on, stopped working, makes a noise) and says nothing of
the parcel or of the product arriving broken is a defect (``product_defect``): its answer
asks for a short video of the fault. One that says both ("arrived cracked and won't turn
on") stays damage, which the warehouse checks with the carrier.

    reading = defect_not_damage(reading, "ja troquei a lâmpada e continua piscando")
    # "damaged_item" in reading.ranked and reading.also becomes "product_defect"
"""

from __future__ import annotations

import re
from dataclasses import replace

from replies.reading import Reading

DAMAGED = "damaged_item"
DEFECT = "product_defect"

# What a product does wrong, in the 14 languages.
_FAULT = re.compile(
    r"flicker|blink|flash(?:es|ing)|won'?t (?:turn on|switch on|charge|start)|"
    r"(?:does ?n[o']?t|doesnt|isn'?t|not|stopped|no longer) (?:turn on|work|charg|heat)|"
    r"buzz|overheat|parpade|no enciende|no (?:funciona|carga|calienta)|dej[óo] de funcionar|"
    r"clignot|grésill|ne s'allume|ne (?:marche|fonctionne|charge|chauffe) (?:pas|plus)|"
    r"flacker|flimmer|geht nicht|funktioniert nicht|l[äa]dt nicht|brummt|"
    r"lampeggi|sfarfall|non si accende|non funziona|non carica|smesso di funzionare|"
    r"pisca|piscando|n[ãa]o liga|n[ãa]o funciona|n[ãa]o carrega|parou de funcionar|"
    r"knipper|flikker|werkt niet|gaat niet aan|laadt niet|"
    r"miga|mruga|nie działa|nie włącza|nie ładuje|przestał działać|"
    r"мига|мерца|не работает|не включается|не заряжа|перестал работать|"
    r"yanıp sön|titri|çalışmıyor|açılmıyor|şarj olmuyor|"
    r"点滅|ちらつ|チカチカ|点かない|つかない|動かない|充電できない|"
    r"깜빡|안 켜|켜지지 않|작동하지 않|작동이 안|충전이 안|고장|"
    r"闪烁|一闪一闪|不亮|不工作|打不开|开不了机|不能用|充不进|"
    r"يومض|يرمش|لا يعمل|لا يشتغل|توقف عن العمل|لا يشحن",
    re.IGNORECASE,
)
# What transport damage is said with: the parcel, or the product arriving broken.
_TRANSPORT = re.compile(
    r"arrived (?:broken|damaged|cracked|smashed|dented|shattered)|in transit|\bbox\b|crushed|"
    r"\bdent|cracked|shattered|scratch|"
    r"lleg[óo] (?:rot|dañad|roto|golpead)|\bcaja\b|aplastad|"
    r"arriv[ée]e? (?:cass|endommag|abîm)|carton|cabossé|"
    r"kaputt angekommen|beschädigt angekommen|karton|zerbrochen|verbeult|"
    r"arrivat[oa] (?:rott|danneggiat)|scatola|ammaccat|"
    r"chegou (?:quebrad|danificad|amassad|trincad)|\bcaixa\b|amassad|"
    r"kapot aangekomen|beschadigd aangekomen|\bdoos\b|gedeukt|"
    r"(?:przyszedł|przyszła|dotarł\w*) (?:uszkodzon|rozbit|pęknięt)|pudeł|karton|"
    r"пришёл (?:разбит|поврежд)|пришла (?:разбит|поврежд)|коробк|помят|"
    r"kırık geldi|hasarlı geldi|\bkutu|ezik|"
    r"割れて|破損|箱|へこ|凹|"
    r"파손|깨져|박스|찌그러|"
    r"破损|碎了|摔坏|箱子|压坏|外包装|"
    r"وصل مكسور|وصلت مكسورة|تالف|الكرتون|الصندوق",
    re.IGNORECASE,
)


def is_a_defect(text: str) -> bool:
    """Whether ``text`` says what the product does wrong and nothing of transport damage."""
    return bool(_FAULT.search(text)) and not _TRANSPORT.search(text)


def defect_not_damage(reading: Reading, text: str) -> Reading:
    """``reading`` with a damaged item read as a defect when the message describes a fault
    and no transport damage (``is_a_defect``); unchanged otherwise."""
    intents = [intent for intent, _ in reading.ranked]
    if (DAMAGED not in intents[:1] and DAMAGED not in reading.also) or not is_a_defect(text):
        return reading
    scores: dict[str, float] = {}
    for intent, score in reading.ranked:
        named = DEFECT if intent == DAMAGED else intent
        scores[named] = scores.get(named, 0.0) + score
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    also = tuple(
        dict.fromkeys(DEFECT if i == DAMAGED else i for i in reading.also if i != ranked[0][0])
    )
    return replace(reading, ranked=ranked, also=also)
