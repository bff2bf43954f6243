"""Where a late parcel is usually held up, said only as far as the store knows it.

A late order's answer explained the wait with "parcels from abroad are sometimes held up at
sorting centres or customs" for every order, so an Italian shopper waiting for a parcel
from Germany read about "dogana", and a Polish one about "odprawa celna": inside the EU
customs union there is no customs at all. Customs is named only when the desk file says
where the store ships from (``shipping.ships_from``) and the order's country is across a
customs border from there (``ShippingTerms.crosses_customs``); otherwise the sentence
speaks of sorting centres alone, which holds for every parcel.

    delay_cause("IT", ShippingTerms(ships_from="DE"), "it")
    # "A volte i pacchi restano fermi qualche giorno in un centro di smistamento."
    delay_cause("US", ShippingTerms(ships_from="DE"), "en")
    # "Parcels sent abroad are sometimes held up at sorting centres or at customs."
"""

from __future__ import annotations

from replies.facts.terms import ShippingTerms

# (across a customs border, any parcel)
_HELD_UP: dict[str, tuple[str, str]] = {
    "en": (
        "Parcels sent abroad are sometimes held up at sorting centres or at customs.",
        "Parcels are sometimes held up for a few days at a sorting centre.",
    ),
    "es": (
        "Los envíos internacionales a veces se retrasan en centros de clasificación o en aduanas.",
        "A veces los paquetes se retrasan unos días en un centro de clasificación.",
    ),
    "fr": (
        "Les colis internationaux sont parfois retenus en centre de tri ou en douane.",
        "Il arrive qu'un colis reste bloqué quelques jours dans un centre de tri.",
    ),
    "de": (
        "Internationale Pakete werden manchmal in Verteilzentren oder beim Zoll aufgehalten.",
        "Manchmal bleiben Pakete ein paar Tage in einem Verteilzentrum liegen.",
    ),
    "it": (
        "Le spedizioni internazionali a volte si fermano nei centri di smistamento o in dogana.",
        "A volte i pacchi restano fermi qualche giorno in un centro di smistamento.",
    ),
    "pt": (
        "Envios internacionais às vezes ficam retidos em centros de triagem ou na alfândega.",
        "Às vezes os pacotes ficam parados alguns dias em um centro de triagem.",
    ),
    "nl": (
        "Internationale zendingen lopen soms vertraging op in sorteercentra of bij de douane.",
        "Pakketten blijven soms een paar dagen in een sorteercentrum liggen.",
    ),
    "pl": (
        "Przesyłki zagraniczne czasem zatrzymują się w sortowniach lub na odprawie celnej.",
        "Zdarza się, że paczka utknie na kilka dni w sortowni.",
    ),
    "ru": (
        "Международные посылки иногда задерживаются на сортировке или на таможне.",
        "Иногда посылки задерживаются на несколько дней в сортировочном центре.",
    ),
    "tr": (
        "Yurt dışı gönderiler bazen aktarma merkezlerinde veya gümrükte bekleyebiliyor.",
        "Paketler bazen birkaç gün aktarma merkezinde bekleyebiliyor.",
    ),
    "ja": (
        "海外からの荷物は仕分け拠点や税関で時間がかかることがございます。",
        "荷物が仕分け拠点で数日止まってしまうことがございます。",
    ),
    "ko": (
        "해외 배송은 물류센터나 통관 단계에서 지연되는 경우가 있습니다.",
        "택배가 물류센터에서 며칠 지연되는 경우가 있습니다.",
    ),
    "zh": (
        "跨境包裹有时会在分拣中心或海关耽搁。",
        "包裹有时会在分拣中心耽搁几天。",
    ),
    "ar": (
        "قد تتأخر الشحنات الدولية أحياناً في مراكز الفرز أو الجمارك.",
        "قد تتأخر الطرود أحياناً بضعة أيام في أحد مراكز الفرز.",
    ),
}


def delay_cause(country: str | None, terms: ShippingTerms, language: str) -> str:
    """One sentence on where a late parcel may be held up, in ``language``: customs named
    only for an order the desk file shows crossing a customs border."""
    abroad, anywhere = _HELD_UP.get(language, _HELD_UP["en"])
    crosses = bool(terms.ships_from and country and terms.crosses_customs(country.upper()))
    return abroad if crosses else anywhere
