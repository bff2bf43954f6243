"""A linked order's own tracking and estimate answer "is it still on the way?" and "how
many more days?" asked beside another question (issue 15, fault 3).

The blind sendability check: an address change that also asked "is it still on the way?"
got no word about the parcel, though its tracking number and estimate were linked; a
customs question that also asked "how many more days?" got the store's general "7-14
business days" for an order due in three days (false), or "the team will confirm". Now
the order's tracking (or that it has none yet) and its estimate are the answer.

Probes written fresh for this file and labelled before they were run.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from handlers.order_links import format_day
from replies.also import (
    ACKNOWLEDGE,
    also_templates,
    asks_whereabouts,
    where_the_order_is,
)
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.library import load_library
from replies.situations import OrderSituation
from tests.replies.shopper_figures import runtime_engine

LIBRARY = load_library()
TRACKED, UNTRACKED = OrderSituation.WITH_TRACKING, OrderSituation.WITHOUT_TRACKING
STILL_ON_ITS_WAY = {
    "en": "is it still on its way?", "es": "¿sigue en camino?", "fr": "où en est le colis ?",
    "de": "ist das Paket noch unterwegs?", "it": "dov'è il pacco adesso?",
    "pt": "ainda a caminho?", "nl": "is het nog onderweg?", "pl": "gdzie jest paczka?",
    "ru": "посылка ещё в пути?", "tr": "kargo hâlâ yolda mı?", "ja": "荷物は今どこですか？",
    "ko": "택배 지금 어디쯤인가요?", "zh": "包裹还在路上吗？", "ar": "أين الطرد الآن؟",
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_orders_whereabouts_answer_a_second_question_about_them(language: str) -> None:
    customs = LIBRARY["customs_duties"]
    for asked in ("delivery_period", "track_order"):
        said = also_templates(customs, [LIBRARY[asked]], language, TRACKED, "", True)
        assert said == [where_the_order_is(language, TRACKED, True)]
        assert "{tracking_number}" in said[0] and "{delivery_estimate}" in said[0]
        assert "{delivery_time}" not in said[0]  # not the store's general delivery time
    # no tracking number yet: said so, with the estimate when there is one
    said = also_templates(customs, [LIBRARY["delivery_period"]], language, UNTRACKED, "", False)
    assert said == [where_the_order_is(language, UNTRACKED, False)]
    assert "{tracking_number}" not in said[0] and "{delivery_estimate}" not in said[0]
    # with no order linked, the question keeps its own answer
    period = LIBRARY["delivery_period"]
    without = also_templates(customs, [period], language, OrderSituation.WITHOUT_ORDER, "")
    assert without == [period.also[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_still_on_its_way_inside_another_question_is_answered(language: str) -> None:
    text = STILL_ON_ITS_WAY[language]
    assert asks_whereabouts(text), text
    address = LIBRARY["change_shipping_address"]
    said = also_templates(address, [], language, TRACKED, text, True)
    assert said == [where_the_order_is(language, TRACKED, True)]
    assert ACKNOWLEDGE[language] not in said
    # an answer that tells where the order is already adds nothing
    assert also_templates(LIBRARY["track_order"], [], language, TRACKED, text, True) == []


@cache
def engine() -> SuggestionEngine:
    return runtime_engine()


ORDER = {
    "order_status": "shipped",
    "order_number": "40871",
    "carrier": "DHL",
    "tracking_number": "JD014600006612",
    "estimated_on": "2026-12-10",
}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "I typed the wrong flat number in my address, can you fix it? Is it still on its way?",
            "en",
        ),
        ("Muss ich für das Paket Zoll zahlen? Und wie lange noch, bis es da ist?", "de"),
        ("Ho sbagliato il numero civico, potete correggerlo? Il pacco è ancora in viaggio?", "it"),
    ],
)
def test_the_linked_orders_tracking_and_estimate_are_given(text: str, language: str) -> None:
    order = {**ORDER, "delivery_estimate": format_day(date(2026, 12, 10), language)}
    s = engine().suggest(text, lang_hint=language, variables=order)
    assert s.reply is not None, s.top
    assert "JD014600006612" in s.reply and order["delivery_estimate"] in s.reply, s.reply
    assert "7–14" not in s.reply and "7-14" not in s.reply
