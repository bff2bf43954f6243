"""Facts a shopper's problem report often carries: order, tracking number, carrier, country.

Read from the text with plain patterns, so a department sees "order A10293, DHL,
JD014600003623440000, Brazil" without asking; anything not found stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.calendar.countries import country_from_language_code
from bot.orders.matching import order_number
from bot.storage.escalations import ProblemFacts

CARRIERS = (
    "DHL Express",
    "DHL",
    "UPS",
    "FedEx",
    "USPS",
    "Royal Mail",
    "Evri",
    "Hermes",
    "DPD",
    "GLS",
    "TNT",
    "La Poste",
    "Colissimo",
    "Chronopost",
    "Correos",
    "SEUR",
    "PostNL",
    "bpost",
    "Poste Italiane",
    "CTT",
    "InPost",
    "Deutsche Post",
    "Japan Post",
    "Yamato",
    "Sagawa",
    "SF Express",
    "China Post",
    "Cainiao",
    "YunExpress",
    "4PX",
    "EMS",
    "Aramex",
    "Canada Post",
    "Australia Post",
    "CDEK",
    "Yurtiçi",
    "Aras Kargo",
    "Correios",
    "Estafeta",
    "J&T",
)
_CARRIER = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(c) for c in CARRIERS) + r")(?!\w)", re.IGNORECASE
)
# UPS 1Z…, UPU S10 (LX123456789CN), and long digit runs used by DHL, FedEx, Chinese carriers.
_TRACKING = re.compile(r"\b(1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|[A-Z]{2}\d{14,20}|\d{12,22})\b")


def problem_facts(
    text: str, *, language_hint: str | None, products: Sequence[str] = ()
) -> ProblemFacts:
    carrier = _CARRIER.search(text)
    tracking = _TRACKING.search(text)
    product = next((p for p in products if p.lower() in text.lower()), None)
    known = {c.lower(): c for c in CARRIERS}
    return ProblemFacts(
        order_number=order_number(text),
        product=product,
        carrier=known[carrier.group(1).lower()] if carrier else None,
        tracking_number=tracking.group(1) if tracking else None,
        country=country_from_language_code(language_hint),
    )
