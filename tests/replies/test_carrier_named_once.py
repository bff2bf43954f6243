"""A tracking number without a carrier's name does not make the carrier's stand-in read
twice: "está a caminho com a transportadora a transportadora" was what a Portuguese
shopper read when the store's system gave a tracking number but no carrier, and the
Arabic answer said "مع شركة الشحن شركة الشحن"."""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from tests.replies.shopper_figures import runtime_engine

SHIPPED = {"order_number": "1001", "order_status": "shipped", "tracking_number": "LX123456789PT"}
INTENTS = ("track_order", "delivery_delay", "lost_package", "customs_duties")
DOUBLED = ("a transportadora a transportadora", "شركة الشحن شركة الشحن")


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(("language", "country"), [("pt", "BR"), ("pt", "PT"), ("ar", "AE")])
def test_an_unknown_carrier_is_named_once(
    engine: SuggestionEngine, intent: str, language: str, country: str
) -> None:
    reply, _ = engine.render(intent, language, dict(SHIPPED), country=country)
    assert not any(doubled in reply for doubled in DOUBLED), reply


@pytest.mark.parametrize(
    ("language", "country", "says"),
    [("pt", "BR", "com DHL"), ("pt", "PT", "com DHL"), ("ar", "AE", "مع DHL")],
)
def test_a_known_carrier_is_named(
    engine: SuggestionEngine, language: str, country: str, says: str
) -> None:
    reply, _ = engine.render("track_order", language, SHIPPED | {"carrier": "DHL"}, country=country)
    assert says in reply, reply
