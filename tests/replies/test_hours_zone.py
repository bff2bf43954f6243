"""The store's support hours in an answer: in the shopper's zone only when the country
alone says where they are (the linked order, their phone, the caller's ``country``) and
that country keeps one time; otherwise in the store's zone, named as such (issue 15).

The store here answers from London, 09:00-17:00 on weekdays: Madrid is an hour later,
Tokyo nine, so each zone reads differently.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.calendar.hours import BusinessCalendar
from bot.calendar.hours_text import describe_hours
from replies.engine import SuggestionEngine
from replies.store import StoreDetails, hours_country, hours_zone
from tests.replies.conftest import LANGS, intent_data, write_library

LONDON = BusinessCalendar.from_dict(
    {"timezone": "Europe/London", "hours": {"mon-fri": "09:00-17:00"}}
)
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
WEEK = date(2026, 12, 7)
ASK = "talk to a person human agent"  # what the small library's hours answer is asked with


def hours(language: str, zone: str | None = None) -> str:
    return describe_hours(LONDON, language, week_of=WEEK, shopper_zone=zone)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SuggestionEngine:
    answer = {lang: f"[{lang}] We answer {{support_hours}}." for lang in LANGS}
    library = write_library(
        tmp_path_factory.mktemp("hours") / "library",
        [
            intent_data("track_order", "where is my parcel tracking"),
            intent_data("contact_human_agent", ASK, replies=answer, replies_without_order=answer),
        ],
    )
    store = StoreDetails(calendar=LONDON, clock=lambda: NOW)
    return SuggestionEngine.load(library, languages=list(LANGS), store=store)


def reply(engine: SuggestionEngine, text: str = ASK, **given: object) -> str:
    suggestion = engine.suggest(text, **given)  # type: ignore[arg-type]
    assert suggestion.intent == "contact_human_agent" and suggestion.reply is not None
    return suggestion.reply


def test_a_spanish_order_shows_the_hours_in_madrid_time(engine: SuggestionEngine) -> None:
    text = reply(engine, variables={"order_country": "ES"}, lang_hint="es", language="es")
    assert hours("es", "Europe/Madrid") in text and "10:00–18:00" in text.replace("\u2009", "")
    assert "hora de Europa central" in text


def test_a_japanese_phone_shows_the_hours_in_tokyo_time(engine: SuggestionEngine) -> None:
    text = reply(engine, variables={"shopper_phone": "+81 90-1234-5678"}, language="en")
    assert text == f"[en] We answer {hours('en', 'Asia/Tokyo')}."
    assert "Japan" in text


def test_the_callers_country_counts_as_known(engine: SuggestionEngine) -> None:
    assert hours("de", "Asia/Tokyo") in reply(engine, country="JP", language="de")


def test_unknown_shoppers_get_the_stores_zone_named(engine: SuggestionEngine) -> None:
    text = reply(engine, language="en")
    assert text == f"[en] We answer {hours('en')}."
    assert "09:00" in text and text.endswith(", British Time.")


@pytest.mark.parametrize("country", ["US", "BR", "RU", "AU", "MX", "CA", "ID"])
def test_a_country_of_several_zones_keeps_the_stores_zone(
    engine: SuggestionEngine, country: str
) -> None:
    """A US order says nothing about which of six zones the shopper lives in: "Eastern
    Time" for a Californian would be wrong, the store's own zone named is not."""
    # the store's zone either way; the country may pick how English writes the times
    # (12-hour for the US, Australia, Canada: ``hours_country``) once the engine passes it
    in_the_stores_zone = {
        f"[en] We answer {hours('en')}.",
        f"[en] We answer {describe_hours(LONDON, 'en', week_of=WEEK, country=country)}.",
    }
    assert reply(engine, variables={"order_country": country}, language="en") in (
        in_the_stores_zone
    )
    assert reply(engine, country=country, language="en") in in_the_stores_zone


def test_a_place_named_in_the_message_is_not_where_the_shopper_is(
    engine: SuggestionEngine,
) -> None:
    """ "Will it work in Toronto?" or "shipping to Madrid" says where a parcel or a plug
    goes, not whose clock the shopper reads."""
    for text in (f"{ASK} in Madrid", f"{ASK} from Tokyo"):
        assert reply(engine, text, language="en") == f"[en] We answer {hours('en')}."


def test_the_language_alone_is_not_a_place(engine: SuggestionEngine) -> None:
    for hint in ("es", "pt-BR", "ja"):
        assert reply(engine, lang_hint=hint, language="en") == f"[en] We answer {hours('en')}."


def test_every_way_of_filling_an_answer_agrees(engine: SuggestionEngine) -> None:
    """The desk fills a machine-translated answer and the staff-language copy through
    ``fill``/``render``, not ``suggest``: they read the same order and phone."""
    spanish_order = {"order_country": "ES"}
    filled = engine.fill("{support_hours}", "de", spanish_order)
    assert filled == hours("de", "Europe/Madrid")
    rendered, _ = engine.render("contact_human_agent", "fr", spanish_order)
    assert hours("fr", "Europe/Madrid") in rendered


def test_hours_zone_trusts_order_phone_and_caller_only() -> None:
    assert hours_zone({"order_country": "es"}) == "Europe/Madrid"
    assert hours_zone({"shopper_phone": "+81 90-1234-5678"}) == "Asia/Tokyo"
    assert hours_zone({}, "JP") == "Asia/Tokyo"
    # the order outranks the phone, as for the other facts
    assert hours_zone({"order_country": "ES", "shopper_phone": "+81 90-1234-5678"}) == (
        "Europe/Madrid"
    )
    assert hours_zone({"order_country": "US", "shopper_phone": "+81 90-1234-5678"}) is None
    assert hours_zone({}) is None and hours_zone({"shopper_phone": "12"}) is None


def test_hours_country_is_any_country_the_shopper_is_known_to_be_in() -> None:
    """Unlike the zone, a country of several zones counts: it says how the shopper's
    language writes times, not which clock they read."""
    assert hours_country({"order_country": "US"}) == "US"
    assert hours_country({"shopper_phone": "+1 212 555 0100"}) == "US"
    assert hours_country({}, "pt") == "PT"
    assert hours_country({}) is None


def test_an_american_shopper_reads_the_stores_hours_in_12_hour_time() -> None:
    store = StoreDetails(calendar=LONDON, clock=lambda: NOW)
    values = {"order_country": "US"}
    shown = store.variables("en", hours_zone(values), hours_country(values))["support_hours"]
    assert shown == describe_hours(LONDON, "en", week_of=WEEK, country="US")
    assert "9:00\u202fAM\u2009–\u20095:00\u202fPM" in shown and shown.endswith("British Time")
    assert "09:00–17:00" in store.variables("en")["support_hours"]
