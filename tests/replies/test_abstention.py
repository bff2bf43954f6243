"""The confidence on the card is the chance the best reading is right, fitted on realistic
messages, and the engine abstains below the threshold fitted with it (issue 15)."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from replies.abstention import (
    ABSTENTION_FILE,
    Abstention,
    fit_logistic,
    load_abstention,
    save_abstention,
    signals,
)
from replies.engine import DEFAULT_THRESHOLD, SuggestionEngine
from replies.reading import EarlierTurn

LANGS = ["en", "es", "fr", "de", "it", "pt", "ja", "zh"]
# P(right) = sigmoid(0.4 + 0.4 * logit(top) + 0.45 * log(top / second)), as fitted today.
MODEL = Abstention((0.4, 0.4, 0.45), threshold=0.8)


def test_the_fit_recovers_the_model_that_generated_the_outcomes() -> None:
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(20000), rng.normal(1, 2, 20000), rng.exponential(2, 20000)])
    right = rng.random(20000) < 1 / (1 + np.exp(-x @ np.array([-0.5, 0.8, 0.6])))
    beta = fit_logistic(x, right.astype(float), l2=0.0)
    assert beta == pytest.approx([-0.5, 0.8, 0.6], abs=0.08)


def test_close_readings_are_less_sure_than_clear_ones_at_the_same_top() -> None:
    close = [("change_order", 0.51), ("cancel_order", 0.48), ("thanks", 0.01)]
    clear = [("change_order", 0.51), ("cancel_order", 0.05), ("thanks", 0.44)]
    assert MODEL.confidence(close) < MODEL.confidence(clear)
    assert MODEL.confidence([("track_order", 0.95), ("thanks", 0.05)]) > MODEL.confidence(clear)
    assert np.isfinite(signals([("track_order", 1.0), ("thanks", 0.0)])).all()


def test_calibrated_readings_keep_their_order_and_add_up_to_one() -> None:
    ranked = [("track_order", 0.6), ("delivery_delay", 0.3), ("thanks", 0.1)]
    calibrated = MODEL.calibrated(ranked)
    assert [intent for intent, _ in calibrated] == [intent for intent, _ in ranked]
    assert calibrated[0][1] == pytest.approx(MODEL.confidence(ranked))
    assert sum(p for _, p in calibrated) == pytest.approx(1.0)
    assert calibrated[1][1] / calibrated[2][1] == pytest.approx(3.0)
    # a very unsure best reading: no runner-up is shown above it
    unsure = Abstention((-3.0, 0.0, 0.0), threshold=0.8).calibrated(ranked)
    assert max(p for _, p in unsure[1:]) <= unsure[0][1]


def test_the_fitted_model_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "abstention.json"
    save_abstention(MODEL, {"cv.shoppers.wrong_shown": 0.0196}, path)
    assert load_abstention(path) == MODEL


@pytest.mark.parametrize(
    "content",
    [
        None,
        "not json",
        '{"signals": ["intercept", "top"], "weights": [1, 2], "threshold": 0.8}',
        '{"signals": ["intercept", "top", "margin"], "weights": [1, 2, 3], "threshold": 1.5}',
    ],
)
def test_a_missing_or_foreign_file_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str | None
) -> None:
    path = tmp_path / "abstention.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="replies.abstention"):
        assert load_abstention(path) is None
    assert str(path) in caplog.text


def test_the_card_shows_the_models_confidence_and_abstains_below_its_threshold(
    small_library: Path,
) -> None:
    plain = SuggestionEngine.load(small_library, languages=LANGS)
    assert plain.threshold == DEFAULT_THRESHOLD and plain.abstention is None
    text = "where is my parcel? tracking please"
    assert plain.suggest(text).intent == "track_order"

    def engine(model: Abstention) -> SuggestionEngine:
        return SuggestionEngine(
            plain.library, plain.classifier, plain.detector, threshold=0.8, abstention=model
        )

    unsure = engine(Abstention((0.0, 0.0, 0.0), threshold=0.8)).suggest(text)  # always 1/2
    assert unsure.intent == "unknown" and unsure.reply is None
    assert unsure.confidence == 0.5 and unsure.top[0] == ("track_order", 0.5)
    sure = engine(Abstention((5.0, 0.0, 0.0), threshold=0.8)).suggest(text)
    assert sure.intent == "track_order" and sure.reply is not None
    assert sure.confidence == pytest.approx(1 / (1 + np.exp(-5.0)))


@pytest.fixture(scope="module")
def built_in() -> SuggestionEngine:
    return SuggestionEngine.load(None, languages=LANGS)


def test_the_built_in_library_uses_the_fitted_confidence_and_threshold(
    built_in: SuggestionEngine,
) -> None:
    model = load_abstention(ABSTENTION_FILE)
    assert model is not None
    assert built_in.abstention == model and built_in.threshold == model.threshold
    s = built_in.suggest("Where is my order? It has not arrived yet, order 10421", lang_hint="en")
    assert s.intent in {"track_order", "delivery_delay"} and s.confidence >= built_in.threshold


def test_a_coin_flip_between_two_readings_is_not_offered_as_the_reply_to_send(
    built_in: SuggestionEngine,
) -> None:
    """Taking back a cancellation once read as changing the order only barely (about 51 %
    to 48 % for cancelling): shown at the softmax's 0.5, such a reading was a wrong answer
    one time in two. A reading split so between two intents gets a confidence below the
    send threshold, so staff see both readings and pick. (The message itself now reads
    clearly; the split is what is tested.)"""
    model = built_in.abstention
    assert model is not None
    split = [("change_order", 0.51), ("cancel_order", 0.48), ("check_cancellation_fee", 0.01)]
    shown = model.calibrated(split)
    assert [intent for intent, _ in shown] == [
        "change_order",
        "cancel_order",
        "check_cancellation_fee",
    ]
    assert shown[0][1] < built_in.threshold
    clear = [("change_order", 0.97), ("cancel_order", 0.02), ("check_cancellation_fee", 0.01)]
    assert model.calibrated(clear)[0][1] >= built_in.threshold


def test_taking_back_a_cancellation_to_change_the_size_reads_as_changing_the_order(
    built_in: SuggestionEngine,
) -> None:
    earlier = EarlierTurn("I want to cancel order 4410", "cancel_order")
    s = built_in.suggest(
        "don't cancel it after all, make it size L", lang_hint="en", earlier=earlier
    )
    assert s.intent in {"change_order", "unknown"}  # never the cancellation it takes back
    assert s.top[0][0] == "change_order"
