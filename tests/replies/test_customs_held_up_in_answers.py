"""#41, #55 (set 4): a late parcel the shopper or the tracking places at customs is told
about customs, not sorting centres, in the delivery-delay answer (needs fill.py to pass
the message and the order status to ``delay_cause``)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.fill import fact_variables
from replies.facts.held_up import delay_cause
from replies.facts.terms import ShippingTerms


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("посылка уже 10 дней висит на таможне в Нью-Йорке, статус не меняется", "ru"),
        ("12/3着予定なのにまだ来ません。追跡だとずっと「通関手続中」のままです", "ja"),
        ("mi paquete lleva una semana en aduana, que pasa??", "es"),
        ("kargom 5 gündür gümrükte bekliyor", "tr"),
    ],
)
def test_a_parcel_said_to_be_at_customs_hears_of_customs(text: str, language: str) -> None:
    facts = fact_variables(
        text, "{delay_cause}", language, {}, terms=ShippingTerms(), today=date(2026, 12, 7)
    )
    assert facts["delay_cause"] == delay_cause("US", ShippingTerms(), language, said=text)
    assert facts["delay_cause"] != delay_cause("US", ShippingTerms(), language)


def test_the_carriers_status_saying_customs_counts_too() -> None:
    values = {"order_status": "Customs clearance"}
    facts = fact_variables(
        "where is my parcel??",
        "{delay_cause}",
        "en",
        values,
        terms=ShippingTerms(),
        today=date(2026, 12, 7),
    )
    assert "Customs" in facts["delay_cause"]
