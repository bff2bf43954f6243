"""A customs answer for an order that stays inside one customs area does not say the
carrier will collect duties and then that there are none: the duties are said to be
collected where they apply (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.fill import fact_variables
from replies.facts.terms import parse_shipping
from replies.library import load_library

LIBRARY = load_library()
DESK = parse_shipping({"ships_from": "DE", "customs": {"duties": "on_delivery"}})
# how each language says "where they apply" in the answer's first sentence
WHERE_THEY_APPLY = {
    "en": "where they apply",
    "es": "cuando se aplican",
    "fr": "lorsqu'ils s'appliquent",
    "de": "wo sie anfallen",
    "it": "quando dovuti",
    "pt": "quando se aplicam",
    "nl": "waar van toepassing",
    "pl": "jeśli obowiązują",
    "ru": "если они начисляются",
    "tr": "uygulandığı durumlarda",
    "ja": "かかる場合",
    "ko": "부과되는 경우",
    "zh": "如需缴纳",
    "ar": "حيثما تنطبق",
}


@pytest.mark.parametrize(
    "situation", ["replies", "replies_without_tracking", "replies_without_order"]
)
@pytest.mark.parametrize("language", sorted(WHERE_THEY_APPLY))
def test_duties_are_collected_only_where_they_apply(language: str, situation: str) -> None:
    template = getattr(LIBRARY["customs_duties"], situation)[language]
    first = template.split("{customs_advice}")[0]
    assert WHERE_THEY_APPLY[language] in first
    facts = fact_variables(
        "customs?",
        template,
        language,
        {"order_status": "shipped"},
        terms=DESK,
        today=date(2026, 12, 7),
        country="FR",
    )
    assert facts["customs_advice"]  # the order's own terms follow: no customs inside the EU
