"""A product that flickers or will not turn on is a defect, not damage in transport
(issue 15, sendability set 3 #24: a flickering lamp was answered as "arrived damaged",
with photos of the box and label asked for). Probes written fresh for this file."""

from __future__ import annotations

import pytest

from replies.defect_or_damage import is_a_defect
from replies.engine import SuggestionEngine
from tests.replies.shopper_figures import runtime_engine


@pytest.mark.parametrize(
    "text",
    [
        "the desk lamp keeps flickering even with a new bulb",
        "la lámpara parpadea todo el rato, ya cambié la bombilla",
        "Die Lampe flackert ständig, obwohl ich die Birne getauscht habe",
        "電気スタンドがずっとチカチカしています。返金してほしいです",
        "台灯一直闪烁，换了灯泡也没用，我要退款",
        "lampka ciągle mruga, wymieniłam żarówkę i nic",
        "المصباح يومض طوال الوقت حتى بعد تغيير اللمبة",
    ],
)
def test_a_fault_without_transport_damage_is_a_defect(text: str) -> None:
    assert is_a_defect(text)


@pytest.mark.parametrize(
    "text",
    [
        "the lamp arrived cracked and now won't turn on",
        "la caja llegó aplastada y la lámpara no enciende",
        "箱が潰れていて、ライトもつかない",
        "the shade is scratched",
    ],
)
def test_transport_damage_stays_damage(text: str) -> None:
    assert not is_a_defect(text)


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


ORDER = {
    "order_number": "70314",
    "order_status": "delivered",
    "carrier": "DHL",
    "tracking_number": "JD014600",
}


@pytest.mark.parametrize(
    ("text", "language", "damage_words", "video"),
    [
        (
            "la lámpara llegó el lunes pero parpadea sin parar, quiero que me devuelvan el dinero",
            "es",
            ["dañad", "embalaje", "caja"],
            "vídeo",
        ),
        (
            "la lampe est arrivée hier mais elle clignote sans arrêt, je veux être remboursée",
            "fr",
            ["endommag", "emballage", "carton"],
            "vidéo",
        ),
    ],
)
def test_a_flickering_lamp_is_answered_as_a_defect(
    engine: SuggestionEngine, text: str, language: str, damage_words: list[str], video: str
) -> None:
    suggestion = engine.suggest(text, lang_hint=language, variables=ORDER)
    assert suggestion.reply, suggestion.top
    assert "damaged_item" not in (suggestion.intent, *suggestion.also_asks)
    for word in damage_words:
        assert word not in suggestion.reply, suggestion.reply
    assert video in suggestion.reply, suggestion.reply
