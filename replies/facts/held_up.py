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

A shopper who says the parcel sits in customs ("висит на таможне", "追跡だと「通関手続中」"),
or whose carrier's status says so, is told about customs, not sorting centres (``said``:
the message and the status), wherever the store ships from, unless the desk file shows the
order crossing no customs border at all:

    delay_cause("US", ShippingTerms(), "ru", said="посылка висит на таможне")
    # "Таможенное оформление иногда занимает несколько дней, ..."
"""

from __future__ import annotations

import re
import unicodedata

from replies.facts.country_forms import base_language
from replies.facts.terms import ShippingTerms

# Customs named by the shopper or the carrier's status ("висит на таможне", "通関手続中",
# "stuck in customs", "en douane"), in the 14 languages; Latin letters are matched with
# their accents taken off.
_CUSTOMS_SAID = re.compile(
    r"customs|clearance|aduana|douane|(?<!\d)(?<!\d )\bzoll|verzoll|dogana|sdogan|alfandega|"
    r"\bcł(?:o|a|em|u)\b|\bna cle\b|celn(?!ie\b)|таможн|gumruk|"
    r"税関|通関|세관|통관|海关|海關|清关|清關|جمارك|جمرك",
    re.IGNORECASE,
)

# A parcel the shopper or the tracking says is at customs: what is usual there.
_AT_CUSTOMS: dict[str, str] = {
    "en": "Customs checks sometimes hold a parcel for several days before it is released to "
    "the carrier.",
    "es": "A veces la aduana retiene un paquete varios días antes de entregárselo a la empresa "
    "de transporte.",
    "fr": "Il arrive que la douane retienne un colis plusieurs jours avant de le remettre au "
    "transporteur.",
    "de": "Der Zoll hält Sendungen manchmal mehrere Tage zurück, bevor er sie für den "
    "Zusteller freigibt.",
    "it": "A volte la dogana trattiene un pacco per diversi giorni prima di consegnarlo al "
    "corriere.",
    "pt": "Às vezes a alfândega retém um pacote por vários dias antes de liberá-lo para a "
    "transportadora.",
    "nl": "De douane houdt een pakket soms een paar dagen vast voordat het wordt vrijgegeven "
    "aan de vervoerder.",
    "pl": "Zdarza się, że odprawa celna trwa kilka dni, zanim paczka zostanie przekazana "
    "przewoźnikowi.",
    "ru": "Таможенное оформление иногда занимает несколько дней, и только после него посылку "
    "передают перевозчику.",
    "tr": "Paketler bazen gümrükte birkaç gün bekleyebiliyor, ardından kargo firmasına teslim "
    "ediliyor.",
    "ja": "通関手続きには数日かかることがございます。手続きが終わり次第、配送業者に引き渡されます。",  # noqa: E501 (CJK text is wide, not long)
    "ko": "통관 절차에 며칠이 걸리는 경우가 있으며, 통관이 끝나면 배송사로 인계됩니다.",
    "zh": "清关有时需要几天时间，完成后包裹会交给承运商继续派送。",
    "ar": "قد تستغرق إجراءات التخليص الجمركي أحياناً عدة أيام قبل تسليم الطرد إلى شركة الشحن.",
}

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


def says_customs(text: str) -> bool:
    """Whether ``text`` (a message, a carrier's status) says the parcel is at customs."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(c for c in decomposed if not (unicodedata.combining(c) and c < "\u0370"))
    plain = unicodedata.normalize("NFC", plain.replace("ı", "i"))
    return bool(_CUSTOMS_SAID.search(plain))


def delay_cause(country: str | None, terms: ShippingTerms, language: str, *, said: str = "") -> str:
    """One sentence on where a late parcel may be held up, in ``language``: customs named
    only for an order the desk file shows crossing a customs border, or one the shopper's
    message or the carrier's status (``said``) places at customs, unless the desk file
    shows it crossing none (a parcel inside one customs area meets no customs)."""
    language = base_language(language)  # a regional variant ("pt-PT") reads its language's
    abroad, anywhere = _HELD_UP.get(language, _HELD_UP["en"])
    crosses = bool(terms.ships_from and country and terms.crosses_customs(country.upper()))
    no_border = bool(terms.ships_from and country) and not crosses
    if said and not no_border and says_customs(said):
        return _AT_CUSTOMS.get(language, _AT_CUSTOMS["en"])
    return abroad if crosses else anywhere
