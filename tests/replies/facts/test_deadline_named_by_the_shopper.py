"""A day the shopper needs the parcel by (Christmas, New Year, "before the 19th") is
answered: whether the store's time or the order's estimate meets it, and for a late order
what happens if it does not come in time, without a promise (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.deadline import CHRISTMAS, DAY, NEW_YEAR, deadline_sentence, named_deadline
from replies.facts.fill import fact_variables
from replies.facts.terms import DeliveryWindow, parse_shipping
from replies.library import load_library
from replies.situations import NO_ORDER_YET

LIBRARY = load_library()
TODAY = date(2026, 12, 7)  # a Monday
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")
DESK = parse_shipping({"ships_from": "DE", "delivery_days": {"EU": "2-5", "default": "7-14"}})


@pytest.mark.parametrize(
    "text",
    [
        "need it for xmas!! is that doable",
        "lo necesito para navidad, llega?",
        "c'est pour noel, ça arrive à temps ?",
        "ist ein Weihnachtsgeschenk, kommt das noch rechtzeitig?",
        "è un regalo di natale",
        "é presente de natal pro meu pai",
        "ik heb het nodig voor kerst",
        "potrzebuję tego na święta",
        "czy paczka dojdzie przed świętami?",
        "успеет к Рождеству?",
        "Noel hediyesi olarak aldım",
        "クリスマスプレゼントなんです",
        "크리스마스 선물이에요",
        "圣诞礼物，来得及吗",
        "دي هدية الكريسماس",
    ],
)
def test_christmas_is_heard_in_every_language(text: str) -> None:
    assert named_deadline(text, TODAY) == (CHRISTMAS, date(2026, 12, 24))


@pytest.mark.parametrize(
    "text",
    [
        "need it before the 19th",
        "lo necesito antes del 19",
        "ich brauche es bis zum 19.",
        "19日までに必要です",
        "19일까지 받아야 해요",
        "19号前能到吗",
    ],
)
def test_a_day_of_the_month_is_the_next_such_day(text: str) -> None:
    assert named_deadline(text, TODAY) == (DAY, date(2026, 12, 19))


def test_new_year_and_nothing_named() -> None:
    assert named_deadline("успеет до Нового года?", TODAY) == (NEW_YEAR, date(2026, 12, 31))
    assert named_deadline("how long to Spain? order 20491", TODAY) is None
    assert named_deadline("for christmas", date(2026, 12, 27)) is None


def test_before_buying_the_store_time_says_likely_possible_or_too_late() -> None:
    said = deadline_sentence(
        "before christmas?", "en", TODAY, window=DeliveryWindow(2, 5), before_buying=True
    )
    assert (
        said
        == "If you order today, it should reach you before Christmas: by December 14 at the latest."
    )
    said = deadline_sentence(
        "before christmas?", "en", TODAY, window=DeliveryWindow(7, 14), before_buying=True
    )
    assert "between December 16 and December 25" in said and "cannot promise" in said
    said = deadline_sentence(
        "before christmas?", "en", TODAY, window=DeliveryWindow(15, 20), before_buying=True
    )
    assert "December 28 at the earliest" in said and "most likely not" in said


def test_a_late_order_is_told_what_happens_if_it_misses_the_day() -> None:
    said = deadline_sentence("serve per natale", "it", TODAY, linked=True, late=True)
    assert said == (
        "Non possiamo garantire che arrivi prima di Natale; se non arriva in tempo, il nostro "
        "team valuterà con te una nuova spedizione o un rimborso."
    )


def test_an_order_on_time_is_measured_by_its_estimate() -> None:
    kwargs = {"linked": True, "estimated_on": date(2026, 12, 10)}
    assert "should reach you by December 11" in deadline_sentence(
        "by the 11th?", "en", TODAY, **kwargs
    )
    assert "most likely not reach you by December 9" in deadline_sentence(
        "by the 9th?", "en", TODAY, **kwargs
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_case_is_a_whole_sentence_in_every_language(language: str) -> None:
    cases = [
        {"window": DeliveryWindow(2, 5), "before_buying": True},
        {"window": DeliveryWindow(7, 14), "before_buying": True},
        {"window": DeliveryWindow(15, 20), "before_buying": True},
        {"linked": True, "late": True},
        {"linked": True, "estimated_on": date(2026, 12, 10)},
        {"linked": True, "estimated_on": date(2026, 12, 28)},
        {},
    ]
    said = [deadline_sentence("for christmas", language, TODAY, **case) for case in cases]
    assert all(s and "{" not in s and "None" not in s for s in said)
    assert len(set(said)) == len(said)  # each case says something of its own


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_delivery_time_answer_carries_it_before_buying(language: str) -> None:
    template = LIBRARY["delivery_period"].replies_without_order[language]
    values = {NO_ORDER_YET: "1"}
    facts = fact_variables(
        "christmas!", template, language, values, terms=DESK, today=TODAY, country="ES"
    )
    assert facts["deadline"] == deadline_sentence(
        "christmas!",
        language,
        TODAY,
        window=DeliveryWindow(2, 5),
        before_buying=True,
        country="ES",
    )
    facts = fact_variables("how long?", template, language, values, terms=DESK, today=TODAY)
    assert facts["deadline"] == ""


def test_the_late_order_answer_never_measures_by_ordering_today() -> None:
    template = LIBRARY["delivery_delay"].replies["de"]
    values = {"order_status": "shipped", "estimated_on": "2026-12-09"}
    facts = fact_variables(
        "brauche es zu Weihnachten",
        template,
        "de",
        values,
        terms=DESK,
        today=TODAY,
        country="DE",
    )
    assert facts["deadline"].startswith("Wir können nicht versprechen")
