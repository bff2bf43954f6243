""" "Do you ship to Argentina?": answered yes, with the time, or left to the team.

A shopper who asks whether the store delivers to their country, often beside a customs or
price question ("hacen envíos a Argentina? me cobran aduana?", "vous livrez en Suisse ?
ça prend combien de temps ?"), was told only that the delivery options show at checkout:
the question they asked first was not answered, although the desk file's delivery table
(``shipping.delivery_days``) had the answer. A destination with a time there (its own
line, its region's or the table's ``default``) is one the store ships to: the answer says
so and how long it takes (``replies.facts.delivery.delivery_time``). A destination without
one, or no table at all, is left to the team, which confirms both; nothing is promised.
Left out (empty) when the message does not ask whether the store ships somewhere.

    ships_there("do you ship to Chile?", "CL", parse_shipping({"delivery_days":
                {"default": "7-14"}}), "en")
    # "Yes, we deliver to Chile: delivery takes 7–14 business days."
"""

from __future__ import annotations

import re
import unicodedata

from replies.facts.country_forms import base_language
from replies.facts.delivery import days_text, delivery_time, in_sentence
from replies.facts.terms import ShippingTerms

# "Do you ship/deliver to ...?" in the 14 languages, written without accents (the message
# is matched with its accents taken off, as shoppers often leave them out).
_ASKS = re.compile(
    "|".join(
        (
            r"\b(?:do|does|can|could|will|would) (?:you|u|ya|y'all|they)(?: guys| all)? "
            r"(?:also |even |still )?(?:ship|deliver|send|post)\b",
            r"\b(?:any|is there|is) (?:shipping|delivery) (?:to|available)\b",
            r"\b(?:you|u) (?:ship|deliver) (?:to|in)\b",
            r"\benvia(?:n|is) a\b|\bhac(?:e|en|eis) envios?\b|\bmanda(?:n|is) a\b",
            r"\bhac(?:e|en) entregas?\b",
            r"\blivre[zr]\b|\bexpedie[zr]\b|\bvous envoyez\b",
            r"\bliefer(?:t|n) (?:ihr|sie)\b|\bversende[tn] (?:ihr|sie)\b|\bverschick(?:t|en) "
            r"(?:ihr|sie)\b",
            r"\bspedite\b|\bconsegnate\b",
            r"\benvia(?:m|s)\b|\bentrega(?:m|s)\b|\bmanda(?:m|s)\b",
            r"\bfaz(?:em)? (?:entregas?|envios?)\b",
            r"\b(?:leveren|verzenden|versturen|sturen) jullie\b|\b(?:leveren|verzenden) "
            r"(?:jullie )?(?:ook )?naar\b",
            r"\bwysyla(?:cie|ja)\b|\bdostarcza(?:cie|ja)\b",
            r"доставляете|отправляете|шл[её]те",
            r"gonderiyor musunuz|gonderim (?:yapiyor|var)|kargo (?:yapiyor|var mi)|"
            r"teslimat (?:yapiyor|var mi)",
            r"(?:発送|配送|お届け)(?:でき|して(?:い|もら)|可能|は可能)|送(?:れ|って(?:もら|くれ))",
            r"배송(?:이|도)? ?(?:되나요|돼요|되요|가능|하나요|해 ?주|되는지)|보내 ?주|"
            r"발송(?:이)? ?(?:되나요|가능)",
            r"能寄|可以寄|能发|可以发|能送|可以送|寄不寄|发不发|送不送",
            r"تشحنون|توصلون|تشحنوا|توصلوا|هل يوجد شحن|هل يوجد توصيل|هل تشحن|هل توصل",
        )
    ),
    re.IGNORECASE,
)

# (the store ships there, the team confirms whether it does)
_SHIPS: dict[str, tuple[str, str]] = {
    "en": (
        "Yes, we deliver {to_country}: delivery takes {days}.",
        "Our team will confirm whether we deliver {to_country} and how long it takes, and "
        "get back to you.",
    ),
    "es": (
        "Sí, hacemos envíos {to_country}: la entrega tarda {days}.",
        "Nuestro equipo comprobará si hacemos envíos {to_country} y cuánto tardan, y te lo "
        "confirmará.",
    ),
    "fr": (
        "Oui, nous livrons {to_country} : la livraison prend {days}.",
        "Notre équipe vérifiera si nous livrons {to_country} et dans quel "
        "délai, puis vous le confirmera.",
    ),
    "de": (
        "Ja, wir liefern {to_country}; die Lieferung dauert {days}.",
        "Ob wir {to_country} liefern und wie lange die Lieferung dauert, prüft "
        "unser Team und meldet sich dann bei Ihnen.",
    ),
    "it": (
        "Sì, spediamo {in_country}: la consegna richiede {days}.",
        "Il nostro team verificherà se spediamo {in_country} e in quanto tempo, "
        "e te lo confermerà.",
    ),
    "pt": (
        "Sim, fazemos entregas {to_country}: a entrega leva {days}.",
        "Nossa equipe vai confirmar se fazemos entregas {to_country} e em "
        "quanto tempo, e retornar para você.",
    ),
    "nl": (
        "Ja, we leveren {to_country}; de levering duurt {days}.",
        "Ons team zoekt uit of we {to_country} leveren en hoe lang dat duurt, en "
        "laat het je weten.",
    ),
    "pl": (
        "Tak, wysyłamy {to_country}: dostawa trwa {days}.",
        "Nasz zespół sprawdzi, czy wysyłamy {to_country} i ile trwa dostawa, "
        "i odezwie się do Ciebie.",
    ),
    "ru": (
        "Да, мы доставляем {to_country}: доставка занимает {days}.",
        "Наша команда уточнит, доставляем ли мы {to_country} и сколько занимает "
        "доставка, и свяжется с вами.",
    ),
    "tr": (
        "Evet, {to_country} gönderim yapıyoruz; teslimat {days} sürer.",
        "{to_country} gönderim yapıp yapmadığımızı ve teslimatın ne kadar sürdüğünü "
        "ekibimiz teyit edip size dönüş yapacak.",
    ),
    "ja": (
        "はい、{country}へもお届けしております。お届けには{days}かかります。",
        "{country}へのお届けが可能かどうか、またお届けにかかる日数は、担当者が確認のうえ"
        "改めてご連絡いたします。",
    ),
    "ko": (
        "네, {country}까지 배송이 가능합니다. 배송에는 {days}이 걸립니다.",
        "{country}까지 배송이 가능한지, 배송 기간은 얼마나 되는지 담당자가 확인한 후 "
        "안내해 드리겠습니다.",
    ),
    "zh": (
        "可以的，我们可以寄往{country}，配送时间为{days}。",
        "能否寄往{country}以及配送所需时间，我们的团队会确认后回复您。",
    ),
    "ar": (
        "نعم، نشحن {to_country}، ويستغرق التوصيل {days}.",
        "سيتحقق فريقنا مما إذا كنا نشحن {to_country} وكم يستغرق التوصيل، ثم يرد عليك.",
    ),
}


def _plain(text: str) -> str:
    """``text`` lower-cased with the accents of Latin letters taken off ("envíos" ->
    "envios"); other scripts are kept as they are."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(c for c in decomposed if not (unicodedata.combining(c) and c < "\u0370"))
    return unicodedata.normalize("NFC", kept.replace("ł", "l"))


def asks_ships_there(text: str) -> bool:
    """Whether ``text`` asks if the store ships or delivers somewhere ("do you ship to
    Chile?", "hacen envíos a Argentina?", "vous livrez en Suisse ?", "한국도 배송 되나요?")."""
    return bool(_ASKS.search(_plain(text)))


def ships_there(text: str, country: str | None, terms: ShippingTerms, language: str) -> str:
    """Whether the store delivers to ``country`` and how long it takes, in ``language``,
    when ``text`` asks; empty otherwise. Without a country, the delivery time sentence
    alone (the usual time, or asking the country)."""
    if not asks_ships_there(text):
        return ""
    if not country:
        return delivery_time(None, terms, language)
    locale, language = language, base_language(language)  # "pt-PT": Portugal's names
    yes, confirm = _SHIPS.get(language, _SHIPS["en"])
    window = terms.delivery.window_for(country)
    if window is None:
        return in_sentence(confirm, country, locale)
    return in_sentence(yes, country, locale, days=days_text(window, language))
