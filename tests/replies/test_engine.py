from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_LANGUAGES
from bot.models import IntentChoice
from replies.engine import SuggestionEngine

LANGS = ["en", "es", "fr", "de", "it", "pt", "ja", "zh"]


@pytest.fixture
def engine(small_library: Path) -> SuggestionEngine:
    return SuggestionEngine.load(small_library, languages=LANGS, threshold=0.5)


def test_suggests_intent_and_reply_in_the_shoppers_language(engine: SuggestionEngine) -> None:
    s = engine.suggest(
        "where is my parcel? tracking please",
        variables={"shopper_name": "Ana", "order_number": "#A1"},
    )
    assert s.language == "en" and s.intent == "track_order"
    assert s.confidence >= 0.5 and s.top[0][0] == "track_order" and len(s.top) == 3
    assert s.department == "sales" and s.reply is not None and s.reply.startswith("[en] Hi Ana")
    assert s.reply_language == "en" and not s.auto_send


def test_abstains_below_threshold(engine: SuggestionEngine) -> None:
    s = engine.suggest("Quel temps fera-t-il demain à Lyon ?")
    assert s.intent == "unknown" and s.reply is None and s.department is None
    assert s.language == "fr" and s.confidence < 0.5 and s.top


def test_falls_back_to_english_without_a_written_reply(engine: SuggestionEngine) -> None:
    text, used = engine.render("cancel_order", "ko", {})
    assert used == "en" and text.startswith("[en] Hi, send us the order number: cancel")
    linked = {"order_status": "paid", "order_number": "A1"}
    text, used = engine.render("cancel_order", "ko", linked)
    assert used == "en" and text.startswith("[en] Hi, about A1: cancel")


def test_auto_send_only_for_auto_send_intents_above_their_threshold(
    engine: SuggestionEngine,
) -> None:
    s = engine.suggest("thank you so much")
    assert s.intent == "thanks"
    assert s.auto_send == (s.confidence >= engine.intent_info("thanks").auto_send_threshold)


def test_learn_takes_effect_without_restart(engine: SuggestionEngine) -> None:
    message = "zorbly flimp quaxed"
    assert engine.suggest(message).intent == "unknown"
    for _ in range(3):
        engine.learn(message, "cancel_order")
    assert engine.suggest(message).intent == "cancel_order"


def test_extra_examples_at_load_and_unknown_intents_skipped(small_library: Path) -> None:
    engine = SuggestionEngine.load(
        small_library,
        languages=LANGS,
        extra_examples=[("zorbly flimp quaxed", "cancel_order"), ("whatever", "no_such_intent")],
    )
    assert engine.suggest("zorbly flimp quaxed").intent == "cancel_order"


def test_choices_sorted_by_title_and_intent_info(engine: SuggestionEngine) -> None:
    assert engine.choices() == [
        IntentChoice("cancel_order", "Cancel order"),
        IntentChoice("thanks", "Thanks"),
        IntentChoice("track_order", "Track order"),
    ]
    assert engine.intent_info("thanks").category == "small_talk"
    with pytest.raises(KeyError, match="no_such"):
        engine.intent_info("no_such")
    with pytest.raises(KeyError):
        engine.learn("text", "no_such")


def test_bad_detector_name_is_named(small_library: Path) -> None:
    with pytest.raises(ValueError, match="'fasttext'"):
        SuggestionEngine.load(small_library, languages=LANGS, detector="fasttext")


def test_real_library_size_and_plug_facts() -> None:
    engine = SuggestionEngine.load(languages=DEFAULT_LANGUAGES)
    s = engine.suggest("What is EU 42 in US shoe sizes?")
    if s.intent == "size_conversion":
        assert s.reply and "(men) ≈ US 8.5" in s.reply  # EU 42 = US men 8.5 = 26.5 cm
    s = engine.suggest("Will this hair dryer work with the sockets in Japan?", country="JP")
    if s.intent == "voltage_plug":
        assert s.reply and "100 V" in s.reply
    text, used = engine.render("voltage_plug", "de", {}, country="CH")
    assert used == "de" and "230 V" in text and "{" not in text
