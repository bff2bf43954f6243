"""Small defects a fluent reader would fix before sending (issue 15, fault 8).

- German: "Möchten Sie lieber umtauschen statt eine Erstattung" ("statt" takes the
  genitive); a store that has not set its exchange terms no longer offers an exchange
  "statt einer Erstattung" at all (the shopper may not have asked for a refund).
- Russian hours: "(понедельник — пятница 09:00—18:00, время: Центральная Европа)" reads
  as a place, not a clock; Russian says "по центральноевропейскому времени".
"""

from __future__ import annotations

from replies.facts.returns import exchange_terms
from replies.facts.terms import ShippingTerms, parse_shipping
from tests.replies.test_rendering_every_case import engine


def test_german_exchange_sentence_declines_after_statt() -> None:
    for terms in (ShippingTerms(), parse_shipping({"returns": {"exchanges": True}})):
        sentence = exchange_terms(terms, "de")
        assert "statt eine " not in sentence, sentence
    unset = exchange_terms(ShippingTerms(), "de")
    assert "Umtausch" in unset and "Erstattung" not in unset, unset


def test_russian_hours_say_by_which_time() -> None:
    text, _ = engine("").render("contact_human_agent", "ru", {})
    assert "по центральноевропейскому времени" in text, text
    assert "время: " not in text and "Центральная Европа" not in text
