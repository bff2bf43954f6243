"""A reply says each thing once (issue 15, fault 1 of the blind sendability checks).

- A late order whose carrier's estimate has passed was told its date twice: "It was
  expected by 1 December, so it is now 6 days late. ... estimated delivery: Tuesday 1
  December (that date has passed)". The reply's estimate line says the date and that it
  has passed, so the lateness sentence says only how late it is.
- A Polish delivery options answer printed its delivery time sentence twice, once from its
  own template and once from the ``also`` sentence of the message's second question (how
  long delivery takes); with no desk file it was "nasz zespół go potwierdzi" twice. Any
  sentence said twice is now left out the second time, whatever put it there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

import pytest
from babel import Locale

from handlers.order_links import format_day
from replies.also import also_templates, join, unrepeated
from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.language import make_detector
from replies.library import load_library
from replies.store import StoreDetails

TODAY = date(2026, 12, 7)
PASSED = date(2026, 12, 1)
TABLE = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5", "default": "7-14"}})
LIBRARY = load_library()
# How many days late the order is, as the short lateness sentence says it.
SIX_DAYS = {
    "en": "6 days", "es": "6 días", "fr": "6 jours", "de": "6 Tage", "it": "6 giorni",
    "pt": "6 dias", "nl": "6 dagen", "pl": "6 dni", "ru": "6 дней", "tr": "6 gün",
    "ja": "6日", "ko": "6일", "zh": "6天", "ar": "6 أيام",
}  # fmt: skip


@cache
def engine(with_table: bool) -> SuggestionEngine:
    terms = TABLE if with_table else ShippingTerms()
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    store = StoreDetails("", None, lambda: datetime(2026, 12, 7, 10, tzinfo=UTC), shipping=terms)
    return SuggestionEngine(library, classifier, make_detector("lingua", ["en"]), store=store)


def month(language: str) -> str:
    """December as a date in ``language`` writes it."""
    if language in ("ja", "zh"):
        return "12月"
    if language == "ko":
        return "12월"
    return str(Locale.parse(language).months["format"]["wide"][12])


@pytest.mark.parametrize("table", [False, True], ids=["no desk file", "desk file"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_passed_estimate_is_dated_once(language: str, table: bool) -> None:
    late_order = {
        "order_status": "shipped",
        "order_number": "51877",
        "carrier": "UPS",
        "tracking_number": "1Z999AA10123456784",
        "delivery_estimate": format_day(PASSED, language, today=TODAY),
        "estimated_on": PASSED.isoformat(),
        "ordered_on": "2026-11-20",
        "order_country": "DE",
    }
    text, used = engine(table).render("delivery_delay", language, late_order, "DE")
    assert used == language
    assert text.casefold().count(month(language).casefold()) == 1, text
    assert SIX_DAYS[language] in text, text  # how late it is is still said


@pytest.mark.parametrize("table", [False, True], ids=["no desk file", "desk file"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_delivery_time_asked_twice_is_said_once(language: str, table: bool) -> None:
    """Delivery options first, how long delivery takes as the second question."""
    shop = engine(table)
    values = {"order_country": "PL"}
    first, other = LIBRARY["delivery_options"], LIBRARY["delivery_period"]
    reply, _ = shop.render(first.intent, language, values, "PL")
    templates = also_templates(first, [other], language)
    further = [shop.fill(t, language, values, "PL") for t in templates]
    assert further and further[0] in reply  # the same sentence reached the reply twice
    text = join(reply, further, language)
    assert text.count(further[0]) == 1, text


def test_a_repeated_sentence_is_left_out_in_every_script() -> None:
    assert unrepeated("Hi. Delivery: 2 days. Thanks! Delivery: 2 days.", "en") == (
        "Hi. Delivery: 2 days. Thanks!"
    )
    assert unrepeated("お届け日数：7日です。ご確認ください。お届け日数：7日です。", "ja") == (
        "お届け日数：7日です。ご確認ください。"
    )
    # an abbreviation cut at its dot is no sentence: "z. B." twice stays
    kept = "Zum Beispiel z. B. eine Jacke, z. B. eine Hose."
    assert unrepeated(kept, "de") == kept
