"""A refund demanded for a problem opens with an apology for it (issue 15, fault 5).

The blind sendability check: a vase that arrived broken and a product broken in two days
got "thanks for reaching out: we've noted your refund request" with no word of regret; a
refund for an order that never arrived got the apology last, an exchange offer (of
what?), and "we're checking with the carrier" before anyone knew which order it was.

Probes written fresh for this file and labelled before they were run.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from replies.also import ACKNOWLEDGE
from replies.engine import SuggestionEngine
from replies.facts.apologies import APOLOGIES, REPORTED_PROBLEM, refund_apology, shouts
from replies.facts.country import LANGUAGES
from replies.facts.fill import fact_variables
from replies.facts.returns import exchange_terms
from replies.facts.terms import parse_shipping
from tests.replies.shopper_figures import runtime_engine
from tests.replies.test_rendering_every_case import engine as rendering_engine

PROBLEMS = {
    "damaged_item": "damaged",
    "product_defect": "defect",
    "delivery_delay": "not_arrived",
    "lost_package": "not_arrived",
    "wrong_item": "wrong",
    "missing_item": "missing",
}
TODAY = date(2026, 12, 7)
EXCHANGES = parse_shipping({"returns": {"exchanges": True}})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", sorted(PROBLEMS))
def test_the_refund_answer_opens_with_regret_for_the_problem(problem: str, language: str) -> None:
    apology = APOLOGIES[PROBLEMS[problem]][language]
    for values in ({}, {"order_status": "delivered", "order_number": "30412"}):
        text, used = rendering_engine("").render(
            "get_refund", language, {**values, REPORTED_PROBLEM: problem}
        )
        assert used == language
        assert 0 <= text.find(apology) <= 20, text  # after the greeting, before all else


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_problem_or_anger_the_refund_answer_has_no_apology(language: str) -> None:
    text, _ = rendering_engine("").render("get_refund", language, {})
    assert not any(sorry[language] in text for sorry in APOLOGIES.values()), text


def test_anger_without_a_named_problem_is_met_with_regret_for_the_trouble() -> None:
    assert shouts("WORST SHOP EVER, refund me") and shouts("我要退款！！")
    assert not shouts("Hello, I would like a refund for order 30412, thank you!")
    assert refund_apology(None, "refund NOW!!", "tr") == APOLOGIES["trouble"]["tr"]
    assert refund_apology(None, "refund please", "tr") == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_order_that_never_arrived_is_offered_no_exchange(language: str) -> None:
    offer = exchange_terms(EXCHANGES, language)

    def terms_for(problem: str) -> str:
        values = {REPORTED_PROBLEM: problem}
        facts = fact_variables(
            "", "{exchange_terms}", language, values, terms=EXCHANGES, today=TODAY
        )
        return facts["exchange_terms"]

    assert terms_for("lost_package") == terms_for("delivery_delay") == ""
    assert terms_for("damaged_item") == offer


@cache
def engine() -> SuggestionEngine:
    return runtime_engine()


# (message, language, the problem it reports)
DEMANDS = [
    ("La tazza è arrivata scheggiata, rivoglio i miei soldi.", "it", "damaged"),
    ("买了三天就坏了，太差了！退钱！", "zh", "defect"),
    ("A encomenda nunca chegou. Quero o reembolso.", "pt", "not_arrived"),
    ("The kettle arrived with a big crack in it, I want a refund.", "en", "damaged"),
    ("Mein Paket ist nie angekommen, ich will mein Geld zurück.", "de", "not_arrived"),
]


@pytest.mark.parametrize(("text", "language", "kind"), DEMANDS)
def test_a_refund_demanded_for_a_problem_says_sorry_first(
    text: str, language: str, kind: str
) -> None:
    s = engine().suggest(text, lang_hint=language)
    assert s.intent == "get_refund" and s.reply is not None, s.top
    assert 0 <= s.reply.find(APOLOGIES[kind][language]) <= 20, s.reply
    if kind == "not_arrived":  # no exchange, no carrier before the order is found
        assert exchange_terms(parse_shipping({}), language) not in s.reply, s.reply
        assert not any(word in s.reply.casefold() for word in ("transportadora", "versand"))
    assert ACKNOWLEDGE[language] not in s.reply
