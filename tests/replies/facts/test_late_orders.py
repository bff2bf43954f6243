"""A late order has one deadline in its answer, in every language and order situation.

Sendability check (2026-12-07): a shopper whose parcel's 1 December estimate had passed
was told "still on time: it should arrive by 8 December" from the store's delivery table
in the same reply that showed the estimate as passed; another was told "our team will
check how late it is" beside dates that showed it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

import pytest

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.country import LANGUAGES
from replies.facts.delivery import delivery_lateness
from replies.facts.fill import fact_variables, order_overdue
from replies.facts.terms import parse_shipping
from replies.language import make_detector
from replies.library import load_library
from replies.situations import OrderSituation
from replies.store import StoreDetails

TODAY = date(2026, 12, 7)
TERMS = parse_shipping({"ships_from": "DE", "delivery_days": {"BR": "7-14", "GB": "3-6"}})
NO_TIMES = parse_shipping({})
# ordered 18 November; the table promises Brazil by 8 December; the carrier said 1 December
ORDERED_18_NOV = date(2026, 11, 18)
ESTIMATE_1_DEC = date(2026, 12, 1)

# How each language says "late" in the lateness sentences, and "on time".
LATE_WORDS = {
    "en": "late", "es": "retraso", "fr": "retard", "de": "Verspätung", "it": "ritardo",
    "pt": "atrasado", "nl": "te laat", "pl": "opóźnione", "ru": "задержка", "tr": "gecikti",
    "ja": "遅れ", "ko": "늦어", "zh": "延误", "ar": "متأخر",
}  # fmt: skip
ON_TIME_WORDS = {
    "en": "on time", "es": "en plazo", "fr": "dans les temps", "de": "Zeitplan",
    "it": "nei tempi", "pt": "dentro do prazo", "nl": "op schema", "pl": "w terminie",
    "ru": "укладывается", "tr": "süre içinde", "ja": "範囲内", "ko": "예정 기간 안",
    "zh": "正常时间内", "ar": "ضمن المدة",
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_passed_estimate_is_the_one_deadline_even_when_the_table_says_on_time(
    language: str,
) -> None:
    late = delivery_lateness(
        ORDERED_18_NOV, "BR", TERMS, TODAY, language, estimated_on=ESTIMATE_1_DEC
    )
    assert LATE_WORDS[language] in late
    assert ON_TIME_WORDS[language] not in late
    assert "6" in late and "8" not in late  # 6 days late; never the table's 8 December
    assert "{" not in late and ".." not in late


def test_a_passed_estimate_names_its_day_and_how_late() -> None:
    late = delivery_lateness(
        ORDERED_18_NOV, "GB", TERMS, TODAY, "en", estimated_on=date(2026, 12, 3)
    )
    assert late == "It was expected by 3 December, so it is now 4 days late."
    pt = delivery_lateness(None, "BR", NO_TIMES, TODAY, "pt", estimated_on=ESTIMATE_1_DEC)
    assert pt == (
        "A entrega estava prevista para o dia 1º de dezembro, então o pedido está 6 dias atrasado."
    )
    ru = delivery_lateness(None, None, NO_TIMES, TODAY, "ru", estimated_on=date(2026, 12, 6))
    assert ru.endswith("задержка составляет 1 день.")


def test_late_by_the_promise_stays_late_when_the_carrier_now_expects_it_later() -> None:
    late = delivery_lateness(
        date(2026, 11, 20), "GB", TERMS, TODAY, "en", estimated_on=date(2026, 12, 12)
    )
    assert late.endswith("so it should have arrived by 30 November: it is 7 days late.")


def test_on_time_by_the_promise_but_expected_later_leaves_the_estimate_to_speak() -> None:
    """Two "should arrive by" dates would disagree: the reply shows the carrier's."""
    ordered = date(2026, 12, 2)
    assert (
        delivery_lateness(ordered, "GB", TERMS, TODAY, "de", estimated_on=date(2026, 12, 18)) == ""
    )
    on_time = delivery_lateness(ordered, "GB", TERMS, TODAY, "de", estimated_on=date(2026, 12, 8))
    assert "noch im Zeitplan" in on_time


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_order_date_known_states_it_and_how_long_ago(language: str) -> None:
    waited = delivery_lateness(date(2026, 11, 23), "SA", NO_TIMES, TODAY, language)
    assert "23" in waited and "14" in waited
    assert waited != delivery_lateness(date(2026, 11, 23), "SA", NO_TIMES, TODAY, "en") or (
        language == "en"
    )
    # with the carrier's estimate still to come, the reply's estimate says it all
    assert (
        delivery_lateness(
            date(2026, 11, 23), "SA", NO_TIMES, TODAY, language, estimated_on=date(2026, 12, 9)
        )
        == ""
    )


def test_an_order_placed_today_or_dated_ahead_says_nothing_of_how_long_ago() -> None:
    assert delivery_lateness(TODAY, "SA", NO_TIMES, TODAY, "en") == ""
    assert delivery_lateness(date(2026, 12, 9), "SA", NO_TIMES, TODAY, "ru") == ""
    assert delivery_lateness(date(2026, 12, 6), "SA", NO_TIMES, TODAY, "pl") == (
        "Zamówienie złożono 6 grudnia, czyli 1 dzień temu."
    )


def test_the_estimate_date_reaches_the_fact_from_the_order_values() -> None:
    values = {"order_status": "shipped", "ordered_on": "2026-11-18", "estimated_on": "2026-12-01"}
    facts = fact_variables(
        "", "{delivery_lateness}", "es", values, terms=TERMS, today=TODAY, country="BR"
    )
    assert facts["delivery_lateness"].endswith("lleva 6 días de retraso.")
    unreadable = fact_variables(
        "", "{delivery_lateness}", "es", {**values, "estimated_on": "soon"},
        terms=TERMS, today=TODAY, country="BR",
    )  # fmt: skip
    assert "aún está en plazo" in unreadable["delivery_lateness"]  # by the table, not lost


@cache
def engine(terms_key: str) -> SuggestionEngine:
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    terms = TERMS if terms_key == "table" else NO_TIMES
    store = StoreDetails("", None, lambda: now, shipping=terms)
    return SuggestionEngine(library, classifier, make_detector("lingua", ["en"]), store=store)


@pytest.mark.parametrize("terms_key", ["table", "none"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "situation", [OrderSituation.WITH_TRACKING, OrderSituation.WITHOUT_TRACKING]
)
def test_a_late_answer_never_says_both_late_and_on_time(
    terms_key: str, language: str, situation: OrderSituation
) -> None:
    values = {
        "order_status": "shipped",
        "order_number": "B55102",
        "ordered_on": "2026-11-18",
        "estimated_on": "2026-12-01",
        "delivery_estimate": "1.12.",
    }
    if situation is OrderSituation.WITH_TRACKING:
        values |= {"carrier": "Correios", "tracking_number": "NL123456789BR"}
    text, used = engine(terms_key).render("delivery_delay", language, values, country="BR")
    assert used == language
    assert LATE_WORDS[language] in text
    assert ON_TIME_WORDS[language] not in text


def test_italian_elides_the_article_before_eight_eleven_and_one() -> None:
    """ "entro il 11 dicembre" read as a foreigner's Italian."""
    on_time = delivery_lateness(date(2026, 11, 23), "BR", TERMS, TODAY, "it")
    assert "entro l'11 dicembre" in on_time
    assert delivery_lateness(None, None, NO_TIMES, TODAY, "it", estimated_on=ESTIMATE_1_DEC) == (
        "La consegna era prevista per l'1 dicembre, quindi è in ritardo di 6 giorni."
    )
    ago = delivery_lateness(date(2026, 11, 8), None, NO_TIMES, TODAY, "it")
    assert ago.startswith("L'ordine è stato effettuato l'8 novembre")
    later = delivery_lateness(None, None, NO_TIMES, TODAY, "it", estimated_on=date(2026, 11, 18))
    assert "per il 18 novembre" in later


@pytest.mark.parametrize("language", LANGUAGES)
def test_where_is_an_order_without_tracking_says_whether_it_is_on_time(language: str) -> None:
    """Sendability check: "where is my order? it has been two weeks" about an order not
    shipped yet was told only that it had no tracking number."""
    values = {"order_status": "processing", "order_number": "S40913", "ordered_on": "2026-11-23"}
    text, used = engine("table").render("track_order", language, values, country="BR")
    assert used == language
    assert ON_TIME_WORDS[language] in text  # 7-14 business days to Brazil: due 11 December
    late = {**values, "ordered_on": "2026-11-02"}
    text, _ = engine("table").render("track_order", language, late, country="BR")
    assert LATE_WORDS[language] in text and ON_TIME_WORDS[language] not in text


@pytest.mark.parametrize("status", ["delivered", "cancelled", "Delivered"])
def test_a_delivered_or_cancelled_order_is_never_called_late(status: str) -> None:
    values = {"order_status": status, "ordered_on": "2026-11-02", "estimated_on": "2026-11-20"}
    facts = fact_variables(
        "", "{delivery_lateness}", "en", values, terms=TERMS, today=TODAY, country="BR"
    )
    assert facts["delivery_lateness"] == ""
    assert not order_overdue(values, terms=TERMS, today=TODAY, country="BR")
    assert order_overdue({**values, "order_status": "shipped"}, terms=TERMS, today=TODAY)


def test_an_estimate_shown_without_its_date_is_not_contradicted_by_the_table() -> None:
    """A caller that shows the estimate but does not pass its date (``estimated_on``):
    "still on time: it should arrive by 8 December" could stand beside "1 December (that
    date has passed)"; it is left out, while late by the table is still said."""
    shown = {"order_status": "shipped", "ordered_on": "2026-11-18", "delivery_estimate": "1.12."}
    facts = fact_variables(
        "", "{delivery_lateness}", "pt", shown, terms=TERMS, today=TODAY, country="BR"
    )
    assert facts["delivery_lateness"] == ""
    late = {**shown, "ordered_on": "2026-11-02"}
    facts = fact_variables(
        "", "{delivery_lateness}", "pt", late, terms=TERMS, today=TODAY, country="BR"
    )
    assert "atrasado" in facts["delivery_lateness"]
