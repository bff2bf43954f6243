"""The facts reach the written answers: voltage, sizes, delivery time, lateness, customs."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.fill import fact_variables
from replies.facts.terms import parse_shipping
from replies.language import make_detector
from replies.library import load_library
from replies.store import StoreDetails

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
TERMS = parse_shipping(
    {
        "ships_from": "DE",
        "delivery_days": {"DE": "1-2", "EU": "2-5", "CA": "4-7", "default": "7-14"},
        "customs": {"duties": "on_delivery", "ioss": True},
    }
)
LINKED = {"order_status": "shipped", "order_number": "A10293", "carrier": "DHL"}


@cache
def engine() -> SuggestionEngine:
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    store = StoreDetails("", None, lambda: NOW, shipping=TERMS)
    return SuggestionEngine(
        library, classifier, make_detector("lingua", ["en", "es", "de"]), store=store
    )


def test_voltage_answer_names_the_countrys_supply_and_warns_about_heaters() -> None:
    text, _ = engine().render("voltage_plug", "es", {}, country="JP")
    assert "En Japón la red eléctrica es de 100 V y 50/60 Hz, con enchufes de tipo A/B." in text
    assert "bivoltaje" in text


def test_delivery_period_states_the_stores_time_for_the_country() -> None:
    text, _ = engine().render("delivery_period", "de", {}, country="CA")
    assert "Die Lieferung nach Kanada dauert 4–7 Werktage." in text


def test_delivery_delay_says_how_late_the_linked_order_is() -> None:
    values = {**LINKED, "tracking_number": "JD0146", "ordered_on": "2026-11-20"}
    text, _ = engine().render("delivery_delay", "en", values, country="CA")
    assert "should have arrived by December 1: it is 6 days late." in text


def test_customs_before_buying_and_with_a_bill_get_different_answers() -> None:
    template, _ = engine().template("customs_duties", "en", {})
    question = fact_variables(
        "will I pay customs in Switzerland?", template, "en", {}, terms=TERMS, today=NOW.date()
    )
    bill = fact_variables(
        "the courier in Zürich wants 30 CHF", template, "en", {}, terms=TERMS, today=NOW.date()
    )
    assert question["customs_advice"].startswith(
        "For orders to Switzerland, duties and import taxes"
    )
    assert bill["customs_advice"].startswith("Under our terms, duties and import taxes are paid")
    inside_eu = fact_variables("ship to Wien?", template, "de", {}, terms=TERMS, today=NOW.date())
    assert inside_eu["customs_advice"] == (
        "Bei einer Lieferung nach Österreich überquert die Bestellung keine "
        "Zollgrenze, es fällt also kein Zoll an."
    )


def test_the_country_comes_from_the_phone_or_the_app_language_when_the_message_names_none() -> None:
    template = "{delivery_time}"
    by_phone = fact_variables(
        "how long?",
        template,
        "en",
        {"shopper_phone": "+1 416 555 0100"},
        terms=TERMS,
        today=NOW.date(),
    )
    assert by_phone["delivery_time"] == "Delivery to Canada takes 4–7 business days."
    by_language = fact_variables(
        "¿cuánto tarda?", template, "es", {}, terms=TERMS, today=NOW.date(), language_code="es-ES"
    )
    assert by_language["delivery_time"] == "Los envíos a España tardan de 2 a 5 días hábiles."


def test_size_answer_gives_the_conversion_and_a_given_value_is_kept() -> None:
    template, _ = engine().template("size_conversion", "en", {})
    found = fact_variables("EU 42 in US?", template, "en", {}, terms=TERMS, today=NOW.date())
    assert found["size_advice"].startswith("EU 42 (men) ≈ US 8.5")
    given = fact_variables(
        "EU 42?", template, "en", {"size_advice": "staff's own"}, terms=TERMS, today=NOW.date()
    )
    assert given == {}


def test_without_a_country_each_answer_asks_for_it() -> None:
    for intent, asked in [
        ("voltage_plug", "Tell us which country you will use it in"),
        ("delivery_period", "Delivery usually takes 7–14 business days; tell us your country"),
        ("customs_duties", "Tell us which country the order goes to"),
    ]:
        text, _ = engine().render(intent, "en", {})
        assert asked in text, intent
